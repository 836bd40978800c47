/**
 * @module issueCatalogue — what each check finding says, by its code, in Vietnamese and English: the one place the
 * modeler words an issue, for the browser's lint rules and the server's validation alike. The server's own sentences
 * are English for operators and logs; the interface never shows them in Vietnamese. A code covering several findings
 * has variants; `{placeholders}` are filled from the issue's params, `{name}` with the element's name. The wordings
 * are a table, one row a code: Vietnamese, English, then the variants'.
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

/** A code's wording as a row: Vietnamese, English, and the variants' Vietnamese and English by name. */
type Row = [vi: string, en: string, variants?: Record<string, [vi: string, en: string]>];

const ROWS: Record<IssueCode, Row> = {
  XML_NOT_WELL_FORMED: ['Tệp XML không đúng cú pháp.', 'The XML is not well-formed.'],
  NOT_BPMN: ['Tệp không phải là sơ đồ BPMN.', 'The document is not a BPMN diagram.'],
  DOCUMENT_TOO_DEEP: ['Sơ đồ lồng nhau quá sâu, máy chủ không đọc được.', 'The diagram is nested too deeply to be read.'],
  RESERVED_ID: ['Mã phần tử «{elementId}» là từ dành riêng, hãy đặt mã khác.', 'The element id «{elementId}» is reserved: choose another.'],
  NO_EXECUTABLE_PROCESS: ['Sơ đồ không có quy trình nào để chạy.', 'No process of the diagram is executable.'],
  UNSUPPORTED_ELEMENT: ['Máy chủ không chạy được loại phần tử này, hãy thay bằng phần tử khác.', 'The engine does not run this kind of element: replace it.'],
  GATEWAY_WITHOUT_OUTGOING: ['Cổng chưa có luồng ra.', 'The gateway has no outgoing flow.'],
  FLOW_TO_NOWHERE: ['Luồng không dẫn tới phần tử nào.', 'The flow leads nowhere.'],
  FLOW_FROM_NOWHERE: ['Luồng không xuất phát từ phần tử nào.', 'The flow comes from nowhere.'],
  CONDITION_INVALID: [
    'Điều kiện không hợp lệ.',
    'The condition is not valid.',
    {
      empty: ['Điều kiện đang để trống.', 'The condition is empty.'],
      syntax: ['Điều kiện FEEL không hợp lệ: {message}', 'The FEEL condition is not valid: {message}'],
    },
  ],
  EXPRESSION_INVALID: ['Biểu thức (hẹn giờ, vòng lặp hoặc ánh xạ biến) không hợp lệ.', 'An expression (timer, loop or variable mapping) is not valid.'],
  EXPRESSION_UNBOUNDED: [
    'Biểu thức có khối lượng tính toán không giới hạn được; máy chủ sẽ từ chối.',
    'The work of an expression cannot be bounded; the server will refuse it.',
    {
      recursive: [
        'Điều kiện dùng một hàm tự gọi lại chính nó; máy chủ sẽ từ chối vì không thể giới hạn khối lượng tính toán ({message}).',
        'The condition uses a function that calls itself; the server will refuse it because its work cannot be bounded ({message}).',
      ],
      nestedLoops: [
        'Điều kiện lặp qua một danh sách cho mỗi phần tử của danh sách khác; máy chủ sẽ từ chối vì khối lượng tính toán tăng theo tích kích thước hai danh sách ({message}).',
        'The condition loops over a list for every item of another; the server will refuse it because its work grows with the product of both sizes ({message}).',
      ],
    },
  ],
  USER_TASK_WITHOUT_AGENCY: ['Bước xử lý chưa có cơ quan xử lý (chọn ở bước hoặc ở làn).', 'The step has no agency (choose one on the step or its lane).'],
  USER_TASK_WITHOUT_BUDGET: ['Bước xử lý chưa có thời hạn.', 'The step has no time budget.'],
  UNREACHABLE_ELEMENT: ['Không có đường nào từ sự kiện bắt đầu tới phần tử này.', 'No path leads from a start event to this element.'],
  NO_START_EVENT: ['Quy trình «{name}» chưa có sự kiện bắt đầu.', 'Process «{name}» has no start event.'],
  DEAD_END: ['Phần tử không có luồng ra và không phải sự kiện kết thúc.', 'The element has no outgoing flow and is not an end event.'],
  BOUNDARY_WITHOUT_ACTIVITY: ['Sự kiện biên không gắn với bước nào.', 'The boundary event is not attached to a step.'],
  DUPLICATE_ID: ['Mã phần tử «{elementId}» bị trùng.', 'The element id «{elementId}» is used twice.'],
  UNRESOLVED_REFERENCE: ['Phần tử nhắc tới một mã không có trong sơ đồ.', 'The element refers to an id the diagram does not have.'],
  EXCLUSIVE_GATEWAY_UNGUARDED: [
    'Cổng loại trừ cần luồng mặc định hoặc điều kiện trên mọi luồng ra.',
    'An exclusive gateway needs a default flow or a condition on every outgoing flow.',
    {
      missing: [
        'Cổng loại trừ cần luồng mặc định hoặc điều kiện trên mọi luồng ra (thiếu: {flows}).',
        'An exclusive gateway needs a default flow or a condition on every outgoing flow (missing: {flows}).',
      ],
    },
  ],
  BUDGET_EXCEEDS_STATUTORY: [
    'Tổng thời hạn các bước trên đường dài nhất của quy trình «{name}» vượt thời hạn giải quyết.',
    'The step budgets along the longest path of process «{name}» exceed the statutory deadline.',
    {
      statutory: [
        'Tổng thời hạn các bước trên đường dài nhất là {total}, vượt thời hạn giải quyết {limit} là {excess} ({steps}).',
        'The step budgets along the longest path add up to {total}, {excess} more than the statutory {limit} ({steps}).',
      ],
      extended: [
        'Tổng thời hạn các bước trên đường dài nhất, kể cả bước được kéo dài thời hạn, là {total}, vượt {limit} pháp luật cho phép trên nhánh đó là {excess} ({steps}).',
        'The step budgets along the longest path, extended steps included, add up to {total}, {excess} more than the {limit} the law allows on that branch ({steps}).',
      ],
    },
  ],
  BUDGET_EXCEEDS_AGENCY_SHARE: [
    'Thủ tục được gọi mất nhiều thời gian hơn phần thời hạn dành cho cơ quan.',
    'The called procedure takes longer than the agency’s share of the deadline.',
    {
      share: [
        'Các bước của thủ tục được gọi (cơ quan {agency}) cộng lại {total}, vượt phần thời hạn {limit} của cơ quan là {excess} ({steps}).',
        'The steps of the called procedure (agency {agency}) add up to {total}, {excess} more than its share of {limit} ({steps}).',
      ],
      unchecked: [
        'Không kiểm tra được phần thời hạn {limit} của cơ quan {agency}: thủ tục được gọi «{called}» chưa biết hoặc gọi ngược lại thủ tục gọi nó.',
        'The share of {limit} of agency {agency} cannot be checked: the called procedure «{called}» is unknown or calls back into its caller.',
      ],
    },
  ],
  PROCEDURE_METADATA_INVALID: [
    'Thông tin của thủ tục hoặc của bước chưa đúng (mã TTHC, thời hạn, cơ quan, cách bổ sung hồ sơ hoặc tờ khai).',
    'The procedure’s or the step’s details are not valid (procedure code, deadline, agency, supplement policy or e-form).',
    {
      noProcedureCode: ['Thủ tục chưa có mã TTHC.', 'The procedure has no national procedure code.'],
      noStatutoryDeadline: ['Thủ tục chưa có thời hạn giải quyết theo quy định.', 'The procedure has no statutory deadline.'],
      budgetNotNumber: ['Thời hạn «{value}» không phải là số.', 'The budget «{value}» is not a number.'],
    },
  ],
  FORM_SCHEMA_INVALID: ['Mẫu tờ khai điện tử của thủ tục chưa đúng.', 'The procedure’s e-form schema is not valid.'],
  UNIT_UNREACHABLE: [
    'Không cán bộ nào nhận được bước này, hoặc đơn vị không có lãnh đạo: chọn phòng ban cho làn, hoặc đề nghị quản trị viên thêm người cho đơn vị.',
    'Nobody can receive this step, or its unit has no head: choose the lane’s department, or ask the administrator to add people to the unit.',
    {
      unit: [
        'Bước được giao cho {unit}, nhưng không cán bộ nào ở đó nhận được bước này, hoặc đơn vị không có lãnh đạo: chọn phòng ban cho làn, hoặc đề nghị quản trị viên thêm người cho đơn vị.',
        'The step is routed to {unit}, where nobody can receive it, or the unit has no head: choose the lane’s department, or ask the administrator to add people to the unit.',
      ],
    },
  ],
  XML_WARNING: ['Khi đọc sơ đồ có cảnh báo ở phần tử này.', 'Reading the diagram gave a warning at this element.'],
  CALL_ACTIVITY_WITHOUT_CALLED_ELEMENT: ['Chưa chọn thủ tục được gọi.', 'No called procedure is chosen.'],
  CALL_ACTIVITY_NOT_DEPLOYED: ['Thủ tục «{key}» chưa được triển khai.', 'Procedure «{key}» is not deployed.'],
};

const toWording = ([vi, en]: [string, string]): Wording => ({ vi, en });

/** Every code's wording by locale, with its variants': the rows above as objects. */
export const issueCatalogue = Object.fromEntries(
  Object.entries(ROWS).map(([code, [vi, en, variants]]) => [
    code,
    variants ? { vi, en, variants: Object.fromEntries(Object.entries(variants).map(([name, row]) => [name, toWording(row)])) } : { vi, en },
  ]),
) as Record<IssueCode, Entry>;

const UNKNOWN: Wording = toWording(['Có lỗi ở phần tử này (mã {code}).', 'There is a problem with this element (code {code}).']);

/** The issue's sentence in `locale`; `name` is the element's name, for wordings that name it. */
export function issueMessage(issue: Pick<CheckIssue, 'code' | 'variant' | 'params' | 'elementId' | 'serverMessage'>, locale: Locale, name = issue.elementId): string {
  const entry = (issueCatalogue as Record<string, Entry | undefined>)[issue.code];
  if (!entry && locale === 'en' && issue.serverMessage) return issue.serverMessage;
  const wording = (issue.variant && entry?.variants?.[issue.variant]) || entry || UNKNOWN;
  const values: Record<string, string | number> = { code: issue.code, elementId: issue.elementId, name, ...issue.params };
  return wording[locale].replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
