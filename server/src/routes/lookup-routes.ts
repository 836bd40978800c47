/**
 * @module lookup-routes — the public citizen lookup (tra cứu hồ sơ): `GET /api/lookup?code=…&idNumber=…`, by dossier
 * code plus the applicant's ID number. It answers the status, the procedure's name, the dossier's dates and its
 * steps with their due dates explained in plain words; while the citizen is asked to supplement (status 5), what
 * form 02 listed (missing components, reason, contact official) and the deadline to bring them; and, while the
 * citizen may act (status 1 or 5), a short-lived token for that dossier only (citizen-tokens.ts). Nothing about the
 * applicant or our ids beyond that. A wrong ID number answers exactly as an unknown code (404 `DOSSIER_NOT_FOUND`),
 * and ID numbers are compared in constant time, so the lookup does not reveal which codes exist. Rate-limited per
 * address by the `/api/lookup/*` limiter of `installAccess`. With a signed result (result-routes.ts), the lookup
 * tells it with the verdict on its signatures, checked at each lookup, and `GET /api/lookup/result` downloads it.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Clock, DossierLifecycleContext, DossierStatus, StepClockContext, WorkingClock } from '../../../engine/src/index';
import type { DossierRecord, Stores } from '../stores';
import { digestIdNumber } from '../retention/expire-personal-data';
import { openPause } from '../../../engine/src/index';
import type { CitizenTokens } from '../citizen/citizen-tokens';
import { explainClock, explainSupplementWindow, noSupplementDeadline } from '../citizen/explain-clock';
import { dossierStateOf } from '../../../engine/src/index';
import type { CalendarSource } from '../dossiers/timekeeping';
import { createApiRouter } from '../http/api-router';
import { HttpProblem } from '../http/http-problem';
import { problemResponse } from '../http/problem-schema';
import { calendarsByAgency } from '../calendars/calendars-by-agency';
import type { AttachmentStore } from '../attachments/attachment-store';
import { toPdfResponse } from '../documents/document-response';
import { findDossierResult } from '../signatures/find-dossier-result';
import type { SigningDeps } from '../signatures/signing-deps';
import { SignatureVerdictSchema } from './attachment-routes';

export interface LookupRoutesDeps {
  stores: Pick<Stores, 'dossiers' | 'procedures' | 'steps'>;
  /** The working calendar the due dates are explained on. */
  calendars: CalendarSource;
  /** Issues the citizen's dossier token while they may act on it; none without. */
  citizenTokens?: CitizenTokens;
  /** The dossier's signed result (kết quả giải quyết), told and downloaded here with its verdict; none without. */
  attachments?: AttachmentStore;
  signing?: SigningDeps;
  clock?: Clock;
  /** The retention key (RETENTION_HASH_KEY): an expired dossier keeps its applicant's ID number hashed under it. */
  retentionHashKey?: string;
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
const Text = z.object({ vi: z.string(), en: z.string() }).openapi('LocalizedText');
const LookupSchema = z
  .object({
    status: z.number().int().min(1).max(10),
    statusLabel: z.string(),
    procedureName: z.string(),
    submittedAt: Instant.optional(),
    receivedAt: Instant.optional(),
    appointmentAt: Instant.optional(),
    appointmentExplanation: Text.optional().describe('How the appointment was counted: working days, days not counted, pauses'),
    finishedAt: Instant.optional(),
    steps: z.array(
      z.object({
        name: z.string(),
        state: z.enum(['open', 'completed', 'cancelled']),
        startedAt: Instant,
        endedAt: Instant.optional(),
        dueAt: Instant.optional(),
        paused: z.boolean().optional(),
        dueExplanation: Text.optional(),
      }),
    ),
    supplement: z
      .object({
        number: z.number().int(),
        requestedAt: Instant,
        missingComponents: z.array(z.object({ name: z.string(), detail: z.string().optional() })),
        reason: z.string(),
        contactOfficial: z.object({ name: z.string(), unit: z.string().optional(), phone: z.string().optional(), email: z.string().optional() }),
        policy: z.enum(['restart', 'pause', 'boundedWait']),
        deadlineAt: Instant.optional().describe('Bounded wait: the end of the citizen\'s window; absent when the law sets none'),
        deadlineExplanation: Text,
      })
      .optional()
      .describe('Status 5: what form 02 asked for and until when'),
    result: z
      .object({ filename: z.string(), size: z.number().int(), sha256: z.string(), issuedAt: Instant, signature: SignatureVerdictSchema })
      .optional()
      .describe('The signed result, its signatures verified at this lookup; download it from /api/lookup/result'),
    retention: z
      .object({ expiredAt: Instant, message: z.string() })
      .optional()
      .describe('Its retention period ended: the personal data and attachments were removed (issue 18 item 6)'),
    citizenToken: z
      .object({ token: z.string(), dossierId: z.string(), expiresAt: Instant })
      .optional()
      .describe('Status 1, 5 or 6: the capability to upload to this dossier, or to pay its fees online (header X-Citizen-Token), short-lived'),
    notificationsToken: z
      .object({ token: z.string(), expiresAt: Instant })
      .optional()
      .describe('In every status: the capability to choose the channels messages about this dossier come through (GET and PUT /api/citizen/notifications), short-lived'),
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

const resultRoute = createRoute({
  method: 'get',
  path: '/result',
  request: { query: lookupRoute.request.query },
  responses: {
    200: { description: 'The signed result PDF, with X-Signature-Valid as verified now', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
    400: problemResponse('Missing or malformed code or ID number'),
    404: problemResponse('No dossier with this code and ID number, or no result yet'),
    409: problemResponse('The stored result\'s signature no longer verifies: the reason, in Vietnamese'),
    429: problemResponse('Too many lookups from this address'),
  },
});

const notFound = () =>
  new HttpProblem({ status: 404, code: 'DOSSIER_NOT_FOUND', title: 'No such dossier', detail: 'No dossier matches this code and ID number.' });

/** Digests have one length whatever the input, so `timingSafeEqual` applies and the comparison time says nothing. */
const digest = (value: string) => createHash('sha256').update(value.normalize('NFKC').replace(/\s+/g, '').toUpperCase()).digest();
const UNKNOWN_DOSSIER = digest('\u0000no dossier');

/** What the citizen reads of a dossier whose retention period ended (Decree 13/2023/NĐ-CP: kept no longer than needed). */
export const EXPIRED_MESSAGE = 'Hồ sơ đã hết thời hạn lưu trữ, dữ liệu cá nhân đã được xoá.';

const iso = (at: number | undefined) => (at === undefined ? undefined : new Date(at).toISOString());

export function createLookupRoutes(deps: LookupRoutesDeps) {
  const routes = createApiRouter();
  /**
   * What the given ID number is compared with, and its digest to compare: an expired dossier (issue 18 item 6) keeps
   * only a digest of it, keyed (retention key) or, expired before there was a key, plain SHA-256.
   */
  const digestsOf = (dossier: DossierRecord | undefined, idNumber: string): { expected: Buffer; given: Buffer } => {
    const retention = dossier?.retention;
    if (!dossier) return { expected: UNKNOWN_DOSSIER, given: digest(idNumber) };
    if (!retention) return { expected: digest(dossier.applicant.idNumber), given: digest(idNumber) };
    const expected = Buffer.from(retention.idNumberDigest, 'hex');
    if (retention.idNumberDigestAlgorithm !== 'hmac-sha256') return { expected, given: digest(idNumber) };
    // Without the key nothing matches: the lookup answers as for an unknown dossier.
    return { expected: deps.retentionHashKey ? expected : UNKNOWN_DOSSIER, given: Buffer.from(digestIdNumber(idNumber, deps.retentionHashKey ?? ''), 'hex') };
  };

  const resultOf = (dossierId: string) =>
    deps.attachments ? findDossierResult(deps.attachments, deps.signing, dossierId, deps.clock?.now() ?? 0) : Promise.resolve(undefined);

  // The citizen downloads the result only while its signature verifies; otherwise the reason, never the file.
  routes.openapi(resultRoute, (async (c: { req: { valid(t: 'query'): { code: string; idNumber: string } } }) => {
    const { code, idNumber } = c.req.valid('query');
    const dossier = await deps.stores.dossiers.getByCode(code);
    // An expired dossier (issue 18 item 6) keeps only the digest of the ID number, which is what is compared.
    const { expected, given } = digestsOf(dossier, idNumber);
    const matches = expected.length === UNKNOWN_DOSSIER.length && timingSafeEqual(given, expected);
    if (!dossier || !matches) throw notFound();
    const result = await resultOf(dossier.id);
    if (!result) throw new HttpProblem({ status: 404, code: 'RESULT_NOT_FOUND', title: 'Hồ sơ chưa có kết quả điện tử.' });
    if (!result.verdict.valid) {
      throw new HttpProblem({ status: 409, code: result.verdict.code ?? 'SIGNATURE_INVALID', title: 'Chữ ký số trên kết quả không hợp lệ.', detail: result.verdict.message });
    }
    const response = toPdfResponse(result.pdf, { fileName: result.info.filename });
    response.headers.set('x-signature-valid', 'true');
    return response;
  }) as never);

  routes.openapi(lookupRoute, async (c) => {
    const { code, idNumber } = c.req.valid('query');
    const dossier = await deps.stores.dossiers.getByCode(code);
    // Compare even when the code is unknown, so both refusals take the same path.
    // An expired dossier (issue 18 item 6) keeps only the digest of the ID number, which is what is compared.
    const { expected, given } = digestsOf(dossier, idNumber);
    const matches = expected.length === UNKNOWN_DOSSIER.length && timingSafeEqual(given, expected);
    if (!dossier || !matches) throw notFound();

    const procedure = await deps.stores.procedures.get(dossier.procedureKey, dossier.procedureVersion);
    const steps = await deps.stores.steps.list({ dossierId: dossier.id }, { offset: 0, limit: 500 });
    // The dossier's clocks on the receiving agency's calendar, each step's on its own agency's (issue 18).
    const calendarOf = await calendarsByAgency(deps.calendars, [dossier.agencyId, ...steps.items.map((step) => step.agencyId)]);
    const { calendar } = calendarOf(dossier.agencyId);
    const state = dossierStateOf(dossier);
    const lifecycle = (state.lifecycle as { context?: DossierLifecycleContext } | undefined)?.context;
    const dossierClock = lifecycle?.clock;
    const running = (clock: WorkingClock | undefined) => clock !== undefined && clock.budget !== undefined;

    let supplement;
    const request = state.supplementRequests?.at(-1);
    if (dossier.status === 5 && request) {
      const policy = procedure?.definition.procedure?.supplementPolicy ?? { kind: 'pause' as const };
      const pause = dossierClock && openPause(dossierClock);
      const window = policy.kind === 'boundedWait' && pause?.windowDueAt !== undefined ? { ...pause, windowDueAt: pause.windowDueAt } : undefined;
      supplement = {
        number: request.number,
        requestedAt: iso(request.at)!,
        missingComponents: request.missingComponents,
        reason: request.reason,
        contactOfficial: request.contactOfficial,
        policy: policy.kind,
        deadlineAt: iso(window?.windowDueAt),
        deadlineExplanation:
          window && policy.kind === 'boundedWait' ? explainSupplementWindow(window, policy.waitBudget, calendar) : noSupplementDeadline(policy.kind === 'restart' ? 'restart' : 'pause'),
      };
    }
    // Only while the citizen may act on the dossier: components at status 1, a supplement at status 5, fees paid
    // online at status 6 (payment-routes.ts; each citizen route checks the status it needs).
    const citizenToken = deps.citizenTokens && (dossier.status === 1 || dossier.status === 5 || dossier.status === 6) ? await deps.citizenTokens.issue(dossier) : undefined;
    // The tracking page's message toggle (notification-choice-routes.ts): a token that can do nothing else.
    const notifications = deps.citizenTokens ? await deps.citizenTokens.issue(dossier, 'dossier.notifications') : undefined;
    const notificationsToken = notifications && { token: notifications.token, expiresAt: notifications.expiresAt };
    const found = await resultOf(dossier.id);
    const result = found && { filename: found.info.filename, size: found.info.size, sha256: found.info.sha256, issuedAt: iso(found.info.uploadedAt)!, signature: found.verdict };

    c.header('cache-control', 'no-store');
    return c.json(
      {
        status: dossier.status,
        statusLabel: DOSSIER_STATUS_LABELS[dossier.status],
        procedureName: procedure?.name ?? '',
        submittedAt: iso(dossier.submittedAt),
        receivedAt: iso(dossier.receivedAt),
        appointmentAt: iso(dossier.appointmentAt),
        appointmentExplanation: running(dossierClock) && dossier.finishedAt === undefined ? explainClock(dossierClock!, calendar, dossier.appointmentAt) : undefined,
        finishedAt: iso(dossier.finishedAt),
        steps: steps.items.map((step) => {
          const clock = (step.clock as { context?: StepClockContext } | undefined)?.context?.clock;
          return {
            name: step.name,
            state: step.status,
            startedAt: iso(step.startedAt)!,
            endedAt: iso(step.completedAt),
            dueAt: iso(step.dueAt),
            ...(clock && step.status === 'open' && openPause(clock) ? { paused: true } : {}),
            dueExplanation: running(clock) && step.status === 'open' ? explainClock(clock!, calendarOf(step.agencyId).calendar) : undefined,
          };
        }),
        supplement,
        result,
        citizenToken,
        notificationsToken,
        ...(dossier.retention ? { retention: { expiredAt: iso(dossier.retention.expiredAt)!, message: EXPIRED_MESSAGE } } : {}),
      },
      200,
    );
  });
  return routes;
}
