/**
 * @module problemMessage — any failure of an API call as one readable sentence: what went wrong and why.
 *
 * The server's `detail` is written in English for operators and logs; the Vietnamese interface says why in
 * Vietnamese from the problem's stable `code` (RFC 9457 extension member), and shows only the title for a code it
 * does not know rather than an English sentence. The English interface shows the server's detail as it is.
 */
import { ApiProblem } from '../../api/api-client';
import { currentLocale, t, type MessageKey } from '../../i18n/locale';

const KNOWN = new Set([400, 401, 403, 404, 409, 413, 415, 422, 429]);

/** Why, in Vietnamese, for each `code` the server answers (server/src: every `new HttpProblem` and its helpers). */
const WHY_VI: Record<string, string> = {
  AGENCY_INVALID: 'thông tin cơ quan chưa đúng',
  AGENCY_REQUIRED: 'cần chọn cơ quan',
  APPOINTMENT_NOT_LATER: 'ngày hẹn mới phải sau ngày hẹn hiện tại',
  ATTACHMENT_COUNT_EXCEEDED: 'hồ sơ đã có đủ số tệp cho phép',
  ATTACHMENT_MISSING: 'chưa chọn tệp',
  ATTACHMENT_NOT_FOUND: 'không tìm thấy tệp',
  ATTACHMENT_TOO_LARGE: 'tệp vượt quá dung lượng cho phép',
  ATTACHMENT_TYPE_NOT_ALLOWED: 'loại tệp không được chấp nhận (PDF, ảnh JPEG/PNG, văn bản Word/Excel)',
  BAD_REQUEST: 'yêu cầu chưa đúng',
  CALENDAR_INVALID: 'lịch làm việc chưa đúng',
  CITIZEN_ACTION_NOT_ALLOWED: 'hồ sơ không ở trạng thái cho phép thao tác này',
  COMPONENT_UNKNOWN: 'thành phần hồ sơ không có trong danh mục của thủ tục',
  CONCURRENT_CHANGE: 'hồ sơ vừa được người khác thay đổi, vui lòng tải lại',
  DOSSIER_ATTACHMENTS_TOO_LARGE: 'tổng dung lượng tệp của hồ sơ vượt quá mức cho phép',
  DOSSIER_NOT_FOUND: 'không tìm thấy hồ sơ',
  DRAFT_NOT_FOUND: 'không tìm thấy bản nháp',
  FORBIDDEN: 'tài khoản của bạn không có quyền thực hiện việc này',
  FORM_DATA_REFUSED: 'dữ liệu tờ khai không được chấp nhận',
  FORM_INVALID: 'tờ khai còn trường chưa đúng',
  FORM_NOT_AVAILABLE: 'biểu mẫu này chưa có cho hồ sơ ở trạng thái hiện tại',
  FORM_SCHEMA_INVALID: 'mẫu tờ khai của thủ tục chưa đúng',
  FORM_TOO_LARGE: 'tờ khai quá lớn',
  IDEMPOTENCY_IN_PROGRESS: 'yêu cầu trước đang được xử lý, vui lòng chờ',
  IDEMPOTENCY_KEY_INVALID: 'mã chống gửi trùng không hợp lệ',
  IDEMPOTENCY_KEY_REUSED: 'yêu cầu trùng mã với một yêu cầu khác',
  INTERNAL: 'lỗi nội bộ của máy chủ, vui lòng thử lại sau',
  INVALID_CREDENTIALS: 'tên đăng nhập hoặc mật khẩu không đúng',
  INVALID_DATE: 'ngày không hợp lệ',
  INVALID_JSON: 'dữ liệu gửi lên không đọc được',
  INVALID_MULTIPART: 'tệp gửi lên không đọc được',
  INVALID_PERIOD: 'khoảng thời gian không hợp lệ',
  METHOD_NOT_ALLOWED: 'thao tác không được hỗ trợ',
  NOT_FOUND: 'không tìm thấy',
  PASSWORD_IS_USERNAME: 'mật khẩu không được trùng tên đăng nhập',
  PASSWORD_TOO_COMMON: 'mật khẩu quá phổ biến',
  PASSWORD_TOO_LONG: 'mật khẩu quá dài',
  PASSWORD_TOO_SHORT: 'mật khẩu quá ngắn',
  PASSWORD_TOO_WEAK: 'mật khẩu quá yếu',
  PAYLOAD_TOO_LARGE: 'dữ liệu hoặc tệp vượt quá dung lượng cho phép',
  PERIOD_TOO_LONG: 'khoảng thời gian quá dài',
  PROCEDURE_INVALID: 'quy trình còn lỗi',
  PROCEDURE_NOT_FOUND: 'không tìm thấy thủ tục',
  RATE_LIMITED: 'quá nhiều yêu cầu trong thời gian ngắn',
  RETURN_TARGET_INVALID: 'không trả lại được bước đã chọn',
  SCENARIO_OUT_OF_BOUNDS: 'kịch bản dự báo nằm ngoài giới hạn (hệ số lượng hồ sơ từ ×0,1 đến ×5, kỳ dự báo tối đa 92 ngày, số cán bộ từ 1 đến 500)',
  SCENARIO_TOO_LARGE: 'kịch bản vượt giới hạn mô phỏng (quá nhiều hồ sơ hoặc kỳ quá dài)',
  STEP_CLAIMED: 'bước này đã có cán bộ khác nhận xử lý',
  STEP_NOT_FOUND: 'không tìm thấy bước xử lý',
  PASSWORD_SIGN_IN_DISABLED: 'đăng nhập bằng mật khẩu đã tắt, hãy đăng nhập bằng tài khoản tỉnh',
  SSO_ACCOUNT_AMBIGUOUS: 'nhiều tài khoản Liên thông cùng khớp với tài khoản tỉnh này, hãy liên hệ quản trị viên',
  SSO_ACCOUNT_DISABLED: 'tài khoản Liên thông của bạn đã bị khóa',
  SSO_CLAIM_INVALID: 'vai trò hoặc đơn vị mà tài khoản tỉnh ghi nhận không có trong Liên thông (vai trò quản trị chỉ được cấp trong Liên thông), hãy liên hệ quản trị viên',
  SSO_NOT_CONFIGURED: 'máy chủ chưa được cấu hình đăng nhập bằng tài khoản tỉnh',
  SSO_REFUSED: 'phản hồi của hệ thống tài khoản tỉnh không hợp lệ hoặc bạn đã hủy đăng nhập, hãy thử lại',
  SSO_STATE_UNKNOWN: 'phiên đăng nhập này đã được dùng hoặc đã hết hạn, hãy đăng nhập lại',
  SSO_UNAVAILABLE: 'không kết nối được hệ thống tài khoản tỉnh, hãy thử lại sau',
  SSO_UNKNOWN_ACCOUNT: 'tài khoản tỉnh này chưa được đăng ký trong Liên thông, hãy đề nghị quản trị viên thêm bạn',
  STEP_NOT_OPEN: 'bước này đã được xử lý xong',
  SUPPLEMENT_FILES_MISSING: 'chưa tải lên đủ giấy tờ cần bổ sung',
  TASK_ALREADY_COMPLETED: 'bước này đã được xử lý xong',
  TRANSITION_NOT_ALLOWED: 'hồ sơ không ở trạng thái cho phép thao tác này',
  UNAUTHENTICATED: 'cần đăng nhập lại',
  UNIT_UNREACHABLE: 'có bước không có cán bộ nào nhận được',
  UNSUPPORTED_MEDIA_TYPE: 'định dạng dữ liệu không được hỗ trợ',
  USER_INVALID: 'thông tin tài khoản chưa đúng',
  USER_NOT_FOUND: 'không tìm thấy tài khoản',
  USERNAME_TAKEN: 'tên đăng nhập đã có người dùng',
  VALIDATION_FAILED: 'dữ liệu gửi lên còn trường chưa đúng',
};

/** Ký số refusals (server/src/signatures/signature-error.ts) carry their reason in Vietnamese, written for this screen. */
const SAID_IN_VIETNAMESE = new Set([
  'DOCUMENT_MODIFIED',
  'CERTIFICATE_EXPIRED',
  'CERTIFICATE_NOT_YET_VALID',
  'CERTIFICATE_UNTRUSTED',
  'SIGNATURE_INVALID',
  'SIGNING_TIME_IN_FUTURE',
  'NOT_SIGNED',
  'PDF_UNREADABLE',
  'PKCS12_UNREADABLE',
  'NO_SIGNING_CERTIFICATE',
  'SIGNING_NOT_CONFIGURED',
  'REMOTE_SIGNING_FAILED',
  'RESULT_NOT_AVAILABLE',
]);

export function problemMessage(error: unknown): string {
  if (error instanceof ApiProblem) {
    const title = t((KNOWN.has(error.status) ? `ws.problem.${error.status}` : 'ws.problem.other') as MessageKey, { status: error.status });
    const why = currentLocale() === 'en' || SAID_IN_VIETNAMESE.has(error.code) ? error.message : WHY_VI[error.code];
    return why ? `${title}: ${why}` : title;
  }
  const message = error instanceof Error ? error.message : String(error);
  // fetch rejects with a TypeError only when the server cannot be reached.
  return t(error instanceof TypeError && /fetch|network/i.test(message) ? 'ws.problem.network' : 'ws.problem.unexpected', { message });
}

/** A paragraph with role=alert for a failure. */
export function errorNote(error: unknown): HTMLElement {
  const note = document.createElement('p');
  note.className = 'ws-error';
  note.setAttribute('role', 'alert');
  note.textContent = problemMessage(error);
  return note;
}
