/**
 * @module issueCatalogue — what each check finding says, by its code, in Vietnamese and English: the one place the
 * modeler words an issue, for the browser's lint rules and the server's validation alike. The server's own sentences
 * are English for operators and logs; the interface never shows them in Vietnamese. A code covering several findings
 * has variants; `{placeholders}` are filled from the issue's params, `{name}` with the element's name.
 */
import type { Locale } from '../../i18n/locale';
import type { CheckIssue, IssueCode } from './check-results';

interface Wording {
  vi: string;
  en: string;
}

interface Entry extends Wording {
  variants?: Record<string, Wording>;
}

export const issueCatalogue: Record<IssueCode, Entry> = {
  XML_NOT_WELL_FORMED: { vi: 'Tệp XML không đúng cú pháp.', en: 'The XML is not well-formed.' },
  NOT_BPMN: { vi: 'Tệp không phải là sơ đồ BPMN.', en: 'The document is not a BPMN diagram.' },
  DOCUMENT_TOO_DEEP: { vi: 'Sơ đồ lồng nhau quá sâu, máy chủ không đọc được.', en: 'The diagram is nested too deeply to be read.' },
  RESERVED_ID: { vi: 'Mã phần tử «{elementId}» là từ dành riêng, hãy đặt mã khác.', en: 'The element id «{elementId}» is reserved: choose another.' },
  NO_EXECUTABLE_PROCESS: { vi: 'Sơ đồ không có quy trình nào để chạy.', en: 'No process of the diagram is executable.' },
  UNSUPPORTED_ELEMENT: { vi: 'Máy chủ không chạy được loại phần tử này, hãy thay bằng phần tử khác.', en: 'The engine does not run this kind of element: replace it.' },
  GATEWAY_WITHOUT_OUTGOING: { vi: 'Cổng chưa có luồng ra.', en: 'The gateway has no outgoing flow.' },
  FLOW_TO_NOWHERE: { vi: 'Luồng không dẫn tới phần tử nào.', en: 'The flow leads nowhere.' },
  FLOW_FROM_NOWHERE: { vi: 'Luồng không xuất phát từ phần tử nào.', en: 'The flow comes from nowhere.' },
  CONDITION_INVALID: {
    vi: 'Điều kiện không hợp lệ.',
    en: 'The condition is not valid.',
    variants: {
      empty: { vi: 'Điều kiện đang để trống.', en: 'The condition is empty.' },
      syntax: { vi: 'Điều kiện FEEL không hợp lệ: {message}', en: 'The FEEL condition is not valid: {message}' },
    },
  },
  EXPRESSION_INVALID: { vi: 'Biểu thức (hẹn giờ, vòng lặp hoặc ánh xạ biến) không hợp lệ.', en: 'An expression (timer, loop or variable mapping) is not valid.' },
  EXPRESSION_UNBOUNDED: {
    vi: 'Biểu thức có khối lượng tính toán không giới hạn được; máy chủ sẽ từ chối.',
    en: 'The work of an expression cannot be bounded; the server will refuse it.',
    variants: {
      recursive: {
        vi: 'Điều kiện dùng một hàm tự gọi lại chính nó; máy chủ sẽ từ chối vì không thể giới hạn khối lượng tính toán ({message}).',
        en: 'The condition uses a function that calls itself; the server will refuse it because its work cannot be bounded ({message}).',
      },
      nestedLoops: {
        vi: 'Điều kiện lặp qua một danh sách cho mỗi phần tử của danh sách khác; máy chủ sẽ từ chối vì khối lượng tính toán tăng theo tích kích thước hai danh sách ({message}).',
        en: 'The condition loops over a list for every item of another; the server will refuse it because its work grows with the product of both sizes ({message}).',
      },
    },
  },
  USER_TASK_WITHOUT_AGENCY: { vi: 'Bước xử lý chưa có cơ quan xử lý (chọn ở bước hoặc ở làn).', en: 'The step has no agency (choose one on the step or its lane).' },
  USER_TASK_WITHOUT_BUDGET: { vi: 'Bước xử lý chưa có thời hạn.', en: 'The step has no time budget.' },
  UNREACHABLE_ELEMENT: { vi: 'Không có đường nào từ sự kiện bắt đầu tới phần tử này.', en: 'No path leads from a start event to this element.' },
  NO_START_EVENT: { vi: 'Quy trình «{name}» chưa có sự kiện bắt đầu.', en: 'Process «{name}» has no start event.' },
  DEAD_END: { vi: 'Phần tử không có luồng ra và không phải sự kiện kết thúc.', en: 'The element has no outgoing flow and is not an end event.' },
  BOUNDARY_WITHOUT_ACTIVITY: { vi: 'Sự kiện biên không gắn với bước nào.', en: 'The boundary event is not attached to a step.' },
  DUPLICATE_ID: { vi: 'Mã phần tử «{elementId}» bị trùng.', en: 'The element id «{elementId}» is used twice.' },
  UNRESOLVED_REFERENCE: { vi: 'Phần tử nhắc tới một mã không có trong sơ đồ.', en: 'The element refers to an id the diagram does not have.' },
  EXCLUSIVE_GATEWAY_UNGUARDED: {
    vi: 'Cổng loại trừ cần luồng mặc định hoặc điều kiện trên mọi luồng ra.',
    en: 'An exclusive gateway needs a default flow or a condition on every outgoing flow.',
    variants: {
      missing: {
        vi: 'Cổng loại trừ cần luồng mặc định hoặc điều kiện trên mọi luồng ra (thiếu: {flows}).',
        en: 'An exclusive gateway needs a default flow or a condition on every outgoing flow (missing: {flows}).',
      },
    },
  },
  BUDGET_EXCEEDS_STATUTORY: {
    vi: 'Tổng thời hạn các bước trên đường dài nhất của quy trình «{name}» vượt thời hạn giải quyết.',
    en: 'The step budgets along the longest path of process «{name}» exceed the statutory deadline.',
    variants: {
      statutory: {
        vi: 'Tổng thời hạn các bước trên đường dài nhất là {total}, vượt thời hạn giải quyết {limit} là {excess} ({steps}).',
        en: 'The step budgets along the longest path add up to {total}, {excess} more than the statutory {limit} ({steps}).',
      },
      extended: {
        vi: 'Tổng thời hạn các bước trên đường dài nhất, kể cả bước được kéo dài thời hạn, là {total}, vượt {limit} pháp luật cho phép trên nhánh đó là {excess} ({steps}).',
        en: 'The step budgets along the longest path, extended steps included, add up to {total}, {excess} more than the {limit} the law allows on that branch ({steps}).',
      },
    },
  },
  BUDGET_EXCEEDS_AGENCY_SHARE: {
    vi: 'Thủ tục được gọi mất nhiều thời gian hơn phần thời hạn dành cho cơ quan.',
    en: 'The called procedure takes longer than the agency’s share of the deadline.',
    variants: {
      share: {
        vi: 'Các bước của thủ tục được gọi (cơ quan {agency}) cộng lại {total}, vượt phần thời hạn {limit} của cơ quan là {excess} ({steps}).',
        en: 'The steps of the called procedure (agency {agency}) add up to {total}, {excess} more than its share of {limit} ({steps}).',
      },
      unchecked: {
        vi: 'Không kiểm tra được phần thời hạn {limit} của cơ quan {agency}: thủ tục được gọi «{called}» chưa biết hoặc gọi ngược lại thủ tục gọi nó.',
        en: 'The share of {limit} of agency {agency} cannot be checked: the called procedure «{called}» is unknown or calls back into its caller.',
      },
    },
  },
  PROCEDURE_METADATA_INVALID: {
    vi: 'Thông tin của thủ tục hoặc của bước chưa đúng (mã TTHC, thời hạn, cơ quan, cách bổ sung hồ sơ hoặc tờ khai).',
    en: 'The procedure’s or the step’s details are not valid (procedure code, deadline, agency, supplement policy or e-form).',
    variants: {
      noProcedureCode: { vi: 'Thủ tục chưa có mã TTHC.', en: 'The procedure has no national procedure code.' },
      noStatutoryDeadline: { vi: 'Thủ tục chưa có thời hạn giải quyết theo quy định.', en: 'The procedure has no statutory deadline.' },
      budgetNotNumber: { vi: 'Thời hạn «{value}» không phải là số.', en: 'The budget «{value}» is not a number.' },
    },
  },
  FORM_SCHEMA_INVALID: { vi: 'Mẫu tờ khai điện tử của thủ tục chưa đúng.', en: 'The procedure’s e-form schema is not valid.' },
  UNIT_UNREACHABLE: {
    vi: 'Không cán bộ nào nhận được bước này, hoặc đơn vị không có lãnh đạo: chọn phòng ban cho làn, hoặc đề nghị quản trị viên thêm người cho đơn vị.',
    en: 'Nobody can receive this step, or its unit has no head: choose the lane’s department, or ask the administrator to add people to the unit.',
    variants: {
      unit: {
        vi: 'Bước được giao cho {unit}, nhưng không cán bộ nào ở đó nhận được bước này, hoặc đơn vị không có lãnh đạo: chọn phòng ban cho làn, hoặc đề nghị quản trị viên thêm người cho đơn vị.',
        en: 'The step is routed to {unit}, where nobody can receive it, or the unit has no head: choose the lane’s department, or ask the administrator to add people to the unit.',
      },
    },
  },
  XML_WARNING: { vi: 'Khi đọc sơ đồ có cảnh báo ở phần tử này.', en: 'Reading the diagram gave a warning at this element.' },
  CALL_ACTIVITY_WITHOUT_CALLED_ELEMENT: { vi: 'Chưa chọn thủ tục được gọi.', en: 'No called procedure is chosen.' },
  CALL_ACTIVITY_NOT_DEPLOYED: { vi: 'Thủ tục «{key}» chưa được triển khai.', en: 'Procedure «{key}» is not deployed.' },
};

const UNKNOWN: Wording = { vi: 'Có lỗi ở phần tử này (mã {code}).', en: 'There is a problem with this element (code {code}).' };

/** The issue's sentence in `locale`; `name` is the element's name, for wordings that name it. */
export function issueMessage(issue: Pick<CheckIssue, 'code' | 'variant' | 'params' | 'elementId' | 'serverMessage'>, locale: Locale, name = issue.elementId): string {
  const entry = (issueCatalogue as Record<string, Entry | undefined>)[issue.code];
  if (!entry && locale === 'en' && issue.serverMessage) return issue.serverMessage;
  const wording = (issue.variant && entry?.variants?.[issue.variant]) || entry || UNKNOWN;
  const values: Record<string, string | number> = { code: issue.code, elementId: issue.elementId, name, ...issue.params };
  return wording[locale].replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
