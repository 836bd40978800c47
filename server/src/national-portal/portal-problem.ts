/**
 * @module portal-problem — a refusal of the national portal's request: an RFC 9457 problem like every error of the
 * API, carrying the acknowledgement fields the portal reads (`error_code`, `message`, `errors`: the mapping's
 * acknowledgement rows), so that one body serves both.
 */
import { HttpProblem } from '../http/http-problem';

export interface PortalFieldError {
  /** The portal's field name, `TaiLieuNop[0].SoLuong`, or `DuLieuBieuMau/<JSON pointer>` inside the e-form. */
  field: string;
  message: string;
}

export interface PortalProblemOptions {
  status: number;
  code: string;
  title: string;
  detail: string;
  /** One of the mapping's ACKNOWLEDGEMENT_CODES. */
  errorCode: number;
  /** What the portal operator reads, in Vietnamese. */
  message: string;
  errors?: PortalFieldError[];
  headers?: Record<string, string>;
  cause?: unknown;
}

export function portalProblem(options: PortalProblemOptions): HttpProblem {
  return new HttpProblem({
    status: options.status,
    code: options.code,
    title: options.title,
    detail: options.detail,
    extensions: { error_code: options.errorCode, message: options.message, ...(options.errors ? { errors: options.errors } : {}) },
    ...(options.headers ? { headers: options.headers } : {}),
    cause: options.cause,
  });
}
