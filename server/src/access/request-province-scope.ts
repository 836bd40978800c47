/**
 * @module request-province-scope — the province every `/api` request acts in (issue 18 item 2, "Province tenancy"),
 * set right after authentication and before the access gate reads any dossier, so that every store call of the
 * request, the gate's included, is confined to it (tenancy/province-scope.ts):
 *
 * - a signed-in principal acts in their own province; a national supervisor (`supervisorScope: 'national'`) reads
 *   every province and writes none;
 * - an anonymous caller (a citizen submitting or looking up a dossier, a payment gateway's callback, the national
 *   portal, a message provider's receipt) acts in the province its `X-Province-Code` header names, among those the
 *   deployment serves (a reverse proxy sets it from the province's host name: docs/production.md), else in the
 *   home province. In a national deployment, which has no home province, a request that names none and reaches a
 *   store is answered 400 `PROVINCE_REQUIRED` (problem-from-error.ts); one that needs no store (the sign-in methods,
 *   the OpenAPI document, sign-in itself, which finds the user across provinces) still answers.
 */
import type { MiddlewareHandler } from 'hono';
import { HttpProblem } from '../http/http-problem';
import { homeProvinceCode, inProvince, nationally } from '../tenancy/province-scope';

/** The header naming an anonymous request's province (two digits, e.g. `79`). */
export const PROVINCE_HEADER = 'X-Province-Code';

export interface RequestProvinceOptions {
  /** Every province this deployment serves; an anonymous request may name only one of them. */
  provinces: readonly string[];
}

function provinceUnknown(named: string, provinces: readonly string[]): HttpProblem {
  return new HttpProblem({
    status: 400,
    code: 'PROVINCE_UNKNOWN',
    title: 'Mã tỉnh không hợp lệ',
    detail: `Hệ thống không phục vụ tỉnh "${named}"; mã tỉnh là hai chữ số, một trong: ${provinces.join(', ') || '(không có)'}.`,
    extensions: { provinces: [...provinces] },
  });
}

/** Middleware for `/api/*`, after `authenticate` and before the access gate. */
export function requestProvinceScope(options: RequestProvinceOptions): MiddlewareHandler {
  return async (c, next) => {
    const principal = c.get('principal');
    if (principal) {
      if (principal.role === 'supervisor' && principal.supervisorScope === 'national') return nationally(next);
      return inProvince(principal.provinceCode, next);
    }
    const named = c.req.header(PROVINCE_HEADER)?.trim();
    if (named !== undefined) {
      if (!options.provinces.includes(named)) throw provinceUnknown(named, options.provinces);
      return inProvince(named, next);
    }
    const home = homeProvinceCode();
    return home === undefined ? next() : inProvince(home, next);
  };
}
