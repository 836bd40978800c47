/**
 * @module lookup-routes — the public citizen lookup (tra cứu hồ sơ): `GET /api/lookup?code=…&idNumber=…`, by dossier
 * code plus the applicant's ID number. It answers the status, the procedure's name, the dossier's dates and its
 * steps — nothing about the applicant, the officials or our ids. A wrong ID number answers exactly as an unknown code
 * (404 `DOSSIER_NOT_FOUND`), and ID numbers are compared in constant time, so the lookup does not reveal which codes
 * exist. Rate-limited per address by the `/api/lookup/*` limiter of `installAccess`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { DossierStatus, Stores } from '../../../engine/src/index';
import { createApiRouter } from '../http/api-router';
import { HttpProblem } from '../http/http-problem';
import { problemResponse } from '../http/problem-schema';

export interface LookupRoutesDeps {
  stores: Pick<Stores, 'dossiers' | 'procedures' | 'steps'>;
}

/** The national status labels (DOMAIN.md "Dossier statuses: the national contract"). */
export const DOSSIER_STATUS_LABELS: Record<DossierStatus, string> = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
};

const Instant = z.string().describe('ISO 8601 instant');
const LookupSchema = z
  .object({
    status: z.number().int().min(1).max(10),
    statusLabel: z.string(),
    procedureName: z.string(),
    receivedAt: Instant.optional(),
    appointmentAt: Instant.optional(),
    finishedAt: Instant.optional(),
    steps: z.array(z.object({ name: z.string(), state: z.enum(['open', 'completed', 'cancelled']), startedAt: Instant, endedAt: Instant.optional() })),
  })
  .openapi('DossierLookup');

const lookupRoute = createRoute({
  method: 'get',
  path: '/',
  request: {
    query: z.object({
      code: z.string().trim().min(1).max(64).describe('Dossier code, e.g. 000.00.64.H10-250303-0011'),
      idNumber: z.string().trim().min(1).max(32).describe("The applicant's ID number (CCCD)"),
    }),
  },
  responses: {
    200: { description: 'Where the dossier is', content: { 'application/json': { schema: LookupSchema } } },
    400: problemResponse('Missing or malformed code or ID number'),
    404: problemResponse('No dossier with this code and ID number'),
    429: problemResponse('Too many lookups from this address'),
  },
});

const notFound = () =>
  new HttpProblem({ status: 404, code: 'DOSSIER_NOT_FOUND', title: 'No such dossier', detail: 'No dossier matches this code and ID number.' });

/** Digests have one length whatever the input, so `timingSafeEqual` applies and the comparison time says nothing. */
const digest = (value: string) => createHash('sha256').update(value.normalize('NFKC').replace(/\s+/g, '').toUpperCase()).digest();
const UNKNOWN_DOSSIER = digest('\u0000no dossier');

const iso = (at: number | undefined) => (at === undefined ? undefined : new Date(at).toISOString());

export function createLookupRoutes(deps: LookupRoutesDeps) {
  const routes = createApiRouter();
  routes.openapi(lookupRoute, async (c) => {
    const { code, idNumber } = c.req.valid('query');
    const dossier = await deps.stores.dossiers.getByCode(code);
    // Compare even when the code is unknown, so both refusals take the same path.
    const matches = timingSafeEqual(digest(idNumber), dossier ? digest(dossier.applicant.idNumber) : UNKNOWN_DOSSIER);
    if (!dossier || !matches) throw notFound();

    const procedure = await deps.stores.procedures.get(dossier.procedureKey, dossier.procedureVersion);
    const steps = await deps.stores.steps.list({ dossierId: dossier.id }, { offset: 0, limit: 500 });
    c.header('cache-control', 'no-store');
    return c.json(
      {
        status: dossier.status,
        statusLabel: DOSSIER_STATUS_LABELS[dossier.status],
        procedureName: procedure?.name ?? '',
        receivedAt: iso(dossier.receivedAt),
        appointmentAt: iso(dossier.appointmentAt),
        finishedAt: iso(dossier.finishedAt),
        steps: steps.items.map((step) => ({ name: step.name, state: step.status, startedAt: iso(step.startedAt)!, endedAt: iso(step.completedAt) })),
      },
      200,
    );
  });
  return routes;
}
