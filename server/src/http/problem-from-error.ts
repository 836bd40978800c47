/**
 * @module problem-from-error — turns the domain's refusals (refusal.ts), hono's own `HTTPException`s (thrown by
 * built-in middleware and validators) and the province scope's refusals (tenancy/province-scope.ts) into problems, so that `app.onError` answers every refusal as RFC 9457
 * problem+json with a stable code.
 */
import { HTTPException } from 'hono/http-exception';
import { Refusal, type RefusalKind } from '../../../engine/src/index';
import { SignatureError, type SignatureErrorCode } from '../signatures/signature-error';
import { HttpProblem } from './http-problem';
import { ProvinceScopeMissing, ProvinceWriteRefused } from '../tenancy/province-scope';

/** The status of each kind of refusal (RFC 9110 §15.5). */
const STATUS_OF: Record<RefusalKind, number> = { invalid: 400, notFound: 404, conflict: 409, tooLarge: 413, unprocessable: 422 };

/** A signature or certificate refused: the client's file (422), a missing setup (409/503) or the remote service (502). */
const SIGNATURE_STATUS: Partial<Record<SignatureErrorCode, number>> = {
  PDF_TOO_LARGE: 413,
  NO_SIGNING_CERTIFICATE: 409,
  SIGNING_NOT_CONFIGURED: 503,
  REMOTE_SIGNING_FAILED: 502,
};

const CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** The problem an error stands for, or undefined for an unknown error (a bug, answered as a logged 500). */
export function problemFromError(error: unknown): HttpProblem | undefined {
  if (error instanceof HttpProblem) return error;
  if (error instanceof Refusal) {
    const { kind, code, title, detail, extensions } = error;
    return new HttpProblem({ status: STATUS_OF[kind], code, title, ...(detail === undefined ? {} : { detail }), extensions, cause: error });
  }
  // A request of a national deployment that names no province reached a store (access/request-province-scope.ts).
  if (error instanceof ProvinceScopeMissing) {
    return new HttpProblem({
      status: 400,
      code: 'PROVINCE_REQUIRED',
      title: 'Thiếu mã tỉnh',
      detail: 'Yêu cầu này cần biết tỉnh, thành phố: gửi mã tỉnh hai chữ số trong tiêu đề X-Province-Code.',
      cause: error,
    });
  }
  // A national supervisor reads every province and changes nothing; the stores refuse such a write as a last resort.
  if (error instanceof ProvinceWriteRefused) {
    return new HttpProblem({ status: 403, code: 'FORBIDDEN', title: 'Forbidden', detail: 'Phạm vi toàn quốc chỉ được xem, không được thay đổi dữ liệu của tỉnh nào.', cause: error });
  }
  if (error instanceof SignatureError) {
    return new HttpProblem({ status: SIGNATURE_STATUS[error.code] ?? 422, code: error.code, title: 'Ký số bị từ chối', detail: error.message, cause: error });
  }
  if (error instanceof HTTPException && error.status < 500) {
    return new HttpProblem({
      status: error.status,
      code: CODES[error.status] ?? 'BAD_REQUEST',
      title: error.message || 'The request was refused',
      cause: error,
    });
  }
  return undefined;
}
