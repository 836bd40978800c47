/**
 * @module create-app — composes the HTTP application from its dependencies. Tests call `createApp(deps)` and
 * `app.request()` without a port; `main.ts` serves the same app on a socket.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { requestId } from 'hono/request-id';
import type { MiddlewareHandler } from 'hono';
import type { Action } from './access/authorize';
import type { Clock } from '../../engine/src/index';
import type { DraftStore, Stores } from './stores';
import type { Logger } from './logger';
import type { FormDataLimits } from './dossiers/form-data-limits';
import { HttpProblem, toProblemResponse } from './http/http-problem';
import { problemFromError } from './http/problem-from-error';
import { validationHook } from './http/validation-hook';
import { chainGates, installAccess, type AccessOptions } from './access/install-access';
import { principalOf, requirePermission } from './access/auth-middleware';
import { dossierResource, stepResource } from './routes/dossier-access';
import type { AccessStores } from './persistence/mongo/create-mongo-access-stores';
import { createHealthRoutes } from './routes/health-routes';
import { createFrontEndRoutes } from './routes/front-end-routes';
import { createProcedureRoutes } from './routes/procedure-routes';
import { createIncidentRoutes } from './routes/incident-routes';
import { installDossierRoutes } from './routes/install-dossier-routes';
import { createLookupRoutes } from './routes/lookup-routes';
import { createCatalogueRoutes } from './routes/catalogue-routes';
import { ATTACHMENT_UPLOAD_PATH, createAttachmentRoutes } from './routes/attachment-routes';
import { createCitizenTokens } from './citizen/citizen-tokens';
import { CITIZEN_UPLOAD_PATH, citizenGate, createCitizenRoutes, type CitizenLimits } from './citizen/citizen-routes';
import type { AttachmentStore } from './attachments/attachment-store';
import { DEFAULT_ATTACHMENT_LIMITS, type AttachmentLimits } from './attachments/attachment-limits';
import { MemoryAttachmentStore } from './persistence/memory/memory-attachment-store';
import { MemoryDraftStore } from './persistence/memory/memory-draft-store';
import { createDraftRoutes } from './routes/draft-routes';
import { KeyedMutex } from './attachments/keyed-mutex';
import { createSignatureRoutes, SIGNATURE_VERIFY_PATH } from './routes/signature-routes';
import { createResultRoutes } from './routes/result-routes';
import { createTrackingBookRoutes } from './routes/tracking-book-routes';
import { SIGNING_LIMITS, type SigningDeps } from './signatures/signing-deps';
import type { OutboxStore } from './outbox/outbox-store';
import { MemoryOutboxStore } from './persistence/memory/memory-outbox-store';
import { fixedCalendarSource, type CalendarSource } from './dossiers/timekeeping';
import type { CalendarStore } from './calendars/calendar-store';
import { createStoredCalendarSource } from './calendars/stored-calendar-source';
import { randomUUID } from 'node:crypto';
import type { DossierFactsStore } from './statistics/dossier-facts-store';
import { MemoryDossierFactsStore } from './persistence/memory/memory-dossier-facts-store';
import { HeatmapNotifier } from './heatmap/heatmap-notifier';
import { createStatsRoutes } from './routes/stats-routes';
import { createSimulationRoutes } from './routes/simulation-routes';
import { createDurationRoutes } from './routes/duration-routes';
import { createForecastRoutes } from './routes/forecast-routes';
import { createHeatmapRoutes } from './routes/heatmap-routes';
import { createEventRoutes } from './routes/event-routes';
import { createAdminAuditRoutes } from './routes/admin-audit-routes';
import { createOutboxRoutes } from './routes/outbox-routes';
import { DEFAULT_OUTBOX_ALERT_AFTER_MS } from './outbox/outbox-alarm';
import type { CitizenChannelsConfig } from './outbox/citizen-channels-config';
import type { CitizenMessageStore } from './outbox/citizen-message-store';
import { MemoryCitizenMessageStore } from './persistence/memory/memory-citizen-message-store';
import { createCitizenMessageRoutes } from './routes/citizen-message-routes';
import { createNotificationChoiceRoutes, notificationChoiceGate } from './citizen/notification-choice-routes';
import { createRetentionRoutes } from './routes/retention-routes';
import { createCitizenSignInRoutes } from './citizen/citizen-sign-in-routes';
import { createOidcRelyingParty } from './access/oidc-relying-party';
import type { OidcConfig } from './access/oidc-config';
import type { RetentionStore } from './retention/retention-store';
import { MemoryRetentionStore } from './persistence/memory/memory-retention-store';
import { partitionedByProvince, provincePartitioned } from './persistence/memory/province-partitioned';
import { dossierFactsNationalReads } from './persistence/memory/dossier-facts-national-reads';
import { createPaymentRoutes } from './routes/payment-routes';
import type { PaymentGateway } from './payments/payment-gateway';
import type { PaymentOrderStore } from './payments/payment-order-store';
import { nationalPortalGate } from './national-portal/national-portal-gate';
import { DEFAULT_SIGNATURE_TOLERANCE_MS, type PortalCredential } from './national-portal/portal-credentials';
import { createNationalPortalRoutes } from './routes/national-portal-routes';
import { RateLimiter } from './http/rate-limiter';

export interface AppDeps {
  stores: Stores;
  clock: Clock;
  logger: Logger;
  /** Which database backend serves the stores: 'external' | 'mongod' | 'emulator' | 'memory'. */
  backend: string;
  /** Whether acknowledged writes outlive the process, and where the embedded database keeps them (for /health). */
  databaseDurability?: { durable: boolean; path?: string };
  pingDatabase(): Promise<void>;
  /** Users, agencies and idempotency keys. */
  access: AccessStores;
  /** HS256 key for session tokens, at least 32 bytes. */
  sessionSecret: string;
  /** Browser origins CORS allows; none by default (same-origin front end). */
  allowedOrigins?: string[];
  /** Where dossier changes enqueue their status changes, progress records and notifications (kept undelivered in memory when absent). */
  outbox?: OutboxStore;
  /** The working calendar (national + local layers); from `calendarStore`, else the national one. */
  calendars?: CalendarSource;
  /** Local calendar layers administrators change through `PUT /api/calendars/{scope}`. */
  calendarStore?: CalendarStore;
  /** Online submissions per client address per window; 20 per 10 minutes by default. */
  submissionLimit?: { limit: number; windowMs: number };
  /** Citizen lookups per client address per window; 30 a minute by default. */
  lookupLimit?: { limit: number; windowMs: number };
  /** Proxies of yours in front of the server: client addresses are read from their `X-Forwarded-For` entries; 0 by default. */
  trustProxyHops?: number;
  /** Bounds on e-forms and step data; 64 KiB and 8 levels by default. */
  formLimits?: FormDataLimits;
  /** Dossier attachments (GridFS in the server); in memory when absent. */
  attachments?: AttachmentStore;
  /** Retention of closed dossiers (issue 18 item 6): policies and due dossiers; over the given stores in memory when absent. */
  retention?: RetentionStore;
  /** The key of the expired dossiers' ID number hash (RETENTION_HASH_KEY); without it retention runs are refused. */
  retentionHashKey?: string;
  /** Where retention's archive bundles go (GridFS bucket `archives` in the server); in memory when absent. */
  archives?: AttachmentStore;
  /** Citizens' sign-in with their electronic identity (VNeID) to list their dossiers (issue 18); off when absent. */
  citizenSignIn?: { config: OidcConfig; idNumberClaim?: string };
  /** Analysts' drafts of procedures; in memory when absent. */
  drafts?: DraftStore;
  /** Ký số (signing-config.ts): the sealing key, the trust list, the officials' certificates; off when absent. */
  signing?: SigningDeps;
  /** Per file and per dossier; 20 MB and 100 MB by default. */
  attachmentLimits?: AttachmentLimits;
  /** Folder of the built front end (modeler/dist); absent in API-only tests. */
  frontEndRoot?: string;
  /** The dashboard's read model, written in each dossier unit of work; in memory when absent. */
  facts?: DossierFactsStore;
  /** Heatmap changes for the event streams (pass the one `pollDossierFacts` feeds); a new one when absent. */
  heatmapChanges?: HeatmapNotifier;
  /** How long an unfinished request holds its Idempotency-Key (its process may have died); 4 s by default, renewed while it runs. */
  idempotencyLockMs?: number;
  /** Failed sign-ins per username + address and per address; 10 and 30 per 15 minutes by default (`SignInThrottle`). */
  signInLimits?: AccessOptions['signInLimits'];
  /** The citizen's uploads and supplements: per address (60 per 10 minutes) and files per dossier (30) by default. */
  citizenLimits?: Partial<CitizenLimits>;
  /** How long a citizen's dossier token lasts; 30 minutes by default. */
  citizenTokenTtlMs?: number;
  /** How long an outbox consumer may fail before the console and the dashboard show an alert; 30 minutes by default. */
  outboxAlertAfterMs?: number;
  /** The province's Zalo ZNS and brand-name SMS channels (CITIZEN_CHANNELS_FILE); none when absent. */
  citizenChannels?: CitizenChannelsConfig;
  /** What became of each message to a citizen and the channels they turned off; in memory when absent. */
  citizenMessages?: CitizenMessageStore;
  /** Online fees (payment-config.ts): the orders and the gateway; off when absent (officials record fees by hand). */
  payments?: { orders: PaymentOrderStore; gateway: PaymentGateway; returnUrl?: string; orderTtlMs?: number };
  /** The province's single sign-on and whether passwords still sign in (oidc-config.ts); passwords only by default. */
  signInMethods?: AccessOptions['signInMethods'];
  /** The HTTP client towards the identity provider; the global fetch by default. */
  oidcFetch?: AccessOptions['oidcFetch'];
  /** Dossiers handed over by the national portal (`POST /api/national-portal/dossiers`); without credentials every one is refused. */
  nationalPortal?: NationalPortalInbound;
  /**
   * Every province this deployment serves (province-config.ts): an anonymous request names its own in `X-Province-Code`
   * (access/request-province-scope.ts); the home province alone by default.
   */
  provinces?: readonly string[];
}

export interface NationalPortalInbound {
  /** Who may sign (NATIONAL_PORTAL_CREDENTIALS). */
  credentials: PortalCredential[];
  /** 256 KiB by default: the e-form's 64 KiB and a hundred documents, with room to spare; files travel apart. */
  maxBodyBytes?: number;
  /** Requests per client address per window; 300 a minute by default. */
  rateLimit?: { limit: number; windowMs: number };
  /** How far the signature's timestamp may be from our clock; 5 minutes by default. */
  signatureToleranceMs?: number;
}

function requirePermissionByMethod(byMethod: Partial<Record<string, Action>>, otherwise: Action): MiddlewareHandler {
  return async (c, next) => requirePermission(byMethod[c.req.method] ?? otherwise)(c, next);
}

export function createApp(deps: AppDeps): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  const startedAt = deps.clock.now();

  app.use('*', requestId());
  const attachments = deps.attachments ?? partitionedByProvince(MemoryAttachmentStore);
  const attachmentLimits = deps.attachmentLimits ?? DEFAULT_ATTACHMENT_LIMITS;
  // The citizen's capability on one dossier, from the submission or the lookup (citizen/citizen-tokens.ts).
  const citizenTokens = createCitizenTokens({ secret: deps.sessionSecret, clock: deps.clock, ttlMs: deps.citizenTokenTtlMs });
  // Safety middleware and authentication first: hono runs middleware only for routes added after it.
  const accessLayer = installAccess(app, {
    ...deps.access,
    clock: deps.clock,
    logger: deps.logger,
    sessionSecret: deps.sessionSecret,
    allowedOrigins: deps.allowedOrigins,
    idempotencyLockMs: deps.idempotencyLockMs,
    // The dossier's citizen token (uploads, supplements), then the tracking page's notifications token.
    citizenGate: chainGates(citizenGate({ dossiers: deps.stores.dossiers, citizenTokens }), notificationChoiceGate({ dossiers: deps.stores.dossiers, citizenTokens })),
    portalGate: nationalPortalGate({
      credentials: deps.nationalPortal?.credentials ?? [],
      clock: deps.clock,
      limiter: new RateLimiter({ ...(deps.nationalPortal?.rateLimit ?? { limit: 300, windowMs: 60_000 }), clock: deps.clock }),
      maxBodyBytes: deps.nationalPortal?.maxBodyBytes ?? 256 * 1024,
      toleranceMs: deps.nationalPortal?.signatureToleranceMs ?? DEFAULT_SIGNATURE_TOLERANCE_MS,
      trustProxy: deps.trustProxyHops ?? 0,
    }),
    trustProxy: deps.trustProxyHops ?? 0,
    ...(deps.lookupLimit ? { lookup: { path: '/api/lookup/*', ...deps.lookupLimit } } : {}),
    signInLimits: deps.signInLimits,
    signInMethods: deps.signInMethods,
    oidcFetch: deps.oidcFetch,
    ...(deps.provinces ? { provinces: deps.provinces } : {}),
    resources: {
      dossier: async (id) => {
        const dossier = await deps.stores.dossiers.get(id);
        return dossier && dossierResource(dossier);
      },
      step: async (id) => {
        const step = await deps.stores.steps.get(id);
        return step && stepResource(step);
      },
    },
    // A multipart upload carries one file of at most maxFileBytes plus its form framing.
    uploads: [
      ...[ATTACHMENT_UPLOAD_PATH, CITIZEN_UPLOAD_PATH].map((path) => ({ method: 'POST', path, mediaTypes: ['multipart/form-data'], maxBytes: attachmentLimits.maxFileBytes + 64 * 1024 })),
      // A PDF whose signatures are to be verified comes as itself.
      { method: 'POST', path: SIGNATURE_VERIFY_PATH, mediaTypes: ['application/pdf'], maxBytes: SIGNING_LIMITS.maxPdfBytes },
    ],
  });

  app.route('/health', createHealthRoutes({ pingDatabase: deps.pingDatabase, database: { backend: deps.backend, durable: false, ...deps.databaseDurability }, startedAt }));

  // Analysts deploy (and validate); every signed-in role reads procedures.
  const procedureAccess = requirePermissionByMethod({ POST: 'procedure.deploy' }, 'procedure.read');
  app.use('/api/procedures', procedureAccess);
  app.use('/api/procedures/*', procedureAccess);
  app.route('/api/procedures', createProcedureRoutes({ procedures: deps.stores.procedures, clock: deps.clock, directory: deps.access, actorOf: (c) => principalOf(c as never).userId, transaction: (work) => deps.stores.transaction(work) }));
  // Each analyst's drafts, on the server so another browser lists them too (the gate admits only designers).
  app.route('/api/drafts', createDraftRoutes({ drafts: deps.drafts ?? partitionedByProvince(MemoryDraftStore), clock: deps.clock, actorOf: (c) => principalOf(c as never).userId }));

  const facts = deps.facts ?? provincePartitioned(dossierFactsNationalReads, () => new MemoryDossierFactsStore());
  const heatmapChanges = deps.heatmapChanges ?? new HeatmapNotifier();
  const dossierDeps = { stores: deps.stores, outbox: deps.outbox ?? partitionedByProvince(MemoryOutboxStore, []), clock: deps.clock, calendars: deps.calendars ?? (deps.calendarStore ? createStoredCalendarSource(deps.calendarStore) : fixedCalendarSource()), newId: randomUUID, facts, heatmapChanges, formLimits: deps.formLimits };
  installDossierRoutes(app, dossierDeps, { citizenTokens, agencies: deps.access.agencies, users: deps.access.users, submissionLimit: deps.submissionLimit, trustProxyHops: deps.trustProxyHops ?? 0, calendarStore: deps.calendarStore, signing: deps.signing });
  app.route('/api', createSignatureRoutes({ signing: deps.signing, clock: deps.clock }));
  // Dossiers submitted on the national portal, signed by its credential (issue 20).
  app.route('/api/national-portal', createNationalPortalRoutes({ ...dossierDeps, agencies: deps.access.agencies }));
  // Form 06, the dossier tracking book of an agency (issue 20).
  app.route('/api/agencies', createTrackingBookRoutes({ stores: deps.stores, agencies: deps.access.agencies, clock: deps.clock }));

  // Public citizen lookup (no sign-in), rate-limited per address by installAccess's `/api/lookup/*` limiter.
  app.route('/api/lookup', createLookupRoutes({ stores: deps.stores, calendars: dossierDeps.calendars, citizenTokens, attachments, clock: deps.clock, ...(deps.signing ? { signing: deps.signing } : {}), ...(deps.retentionHashKey ? { retentionHashKey: deps.retentionHashKey } : {}) }));
  // One upload at a time per dossier, whether an official's or the citizen's, so together they cannot pass its total.
  const perDossier = new KeyedMutex();
  app.route('/api', createCitizenRoutes({ ...dossierDeps, attachments, attachmentLimits, citizenTokens, limits: deps.citizenLimits, trustProxy: deps.trustProxyHops ?? 0, perDossier, ...(deps.signing ? { signing: deps.signing } : {}) }));
  // Citizen messages (issue 20 item 6): the tracking page's channel toggle, the providers' signed receipts, the dossier's list.
  const citizenMessages = deps.citizenMessages ?? partitionedByProvince(MemoryCitizenMessageStore);
  app.route('/api', createNotificationChoiceRoutes({ stores: deps.stores, messages: citizenMessages, config: deps.citizenChannels, citizenTokens, clock: deps.clock, trustProxy: deps.trustProxyHops ?? 0 }));
  app.route('/api', createCitizenMessageRoutes({ stores: deps.stores, messages: citizenMessages, config: deps.citizenChannels, clock: deps.clock }));
  // Online fees: after the citizen routes, whose gate and per-address limit cover the citizen's payment order too.
  if (deps.payments) {
    const { orders, ...payments } = deps.payments;
    app.route('/api', createPaymentRoutes({ ...dossierDeps, ...payments, payments: orders, logger: deps.logger, trustProxy: deps.trustProxyHops ?? 0 }));
  }
  // Public procedure catalogue for the counter's and the portal's procedure pickers (no dossier data).
  app.route('/api/catalogue', createCatalogueRoutes({ procedures: deps.stores.procedures, agencies: deps.access.agencies }));
  app.route('/api', createAttachmentRoutes({ dossiers: deps.stores.dossiers, attachments, clock: deps.clock, limits: attachmentLimits, perDossier, ...(deps.signing ? { signing: deps.signing } : {}) }));
  // The dossier's result, drawn from the procedure's declaration, signed and kept with its verdict (issue 20).
  app.route('/api/dossiers', createResultRoutes({ ...dossierDeps, agencies: deps.access.agencies, attachments, ...(deps.signing ? { signing: deps.signing } : {}) }));

  // The supervisors' dashboard (Decision 766/QĐ-TTg figures) and the live heatmap with its event stream.
  const statsDeps = { facts, clock: deps.clock, calendars: dossierDeps.calendars, agencies: deps.access.agencies, users: deps.access.users, procedures: deps.stores.procedures };
  app.route('/api/stats', createStatsRoutes(statsDeps));
  // What-if: the simulation of a deployed procedure from its measured history (issue 19).
  app.route('/api/simulation', createSimulationRoutes({ stores: deps.stores, calendars: dossierDeps.calendars }));
  // The measured step durations (the heatmap's p50/p90 and its CSV) and the dashboard's "what if arrivals double".
  app.route('/api/simulation', createDurationRoutes({ stores: deps.stores, calendars: dossierDeps.calendars, agencies: deps.access.agencies, clock: deps.clock }));
  app.route('/api/simulation', createForecastRoutes({ stores: deps.stores, calendars: dossierDeps.calendars, stats: statsDeps }));
  app.route('/api/heatmap', createHeatmapRoutes(statsDeps));
  // Incidents per element of a procedure, for the analyst who models it (counts only, no dossier data).
  app.route('/api/procedures', createIncidentRoutes({ facts }));
  // The audit of administration (issue 18) and the outbox console (issue 20), for administrators.
  app.route('/api/audit', createAdminAuditRoutes({ adminAudit: deps.access.adminAudit }));
  // Citizens sign in with their electronic identity and list their own dossiers (issue 18 item 3).
  const citizenRelyingParty = deps.citizenSignIn && createOidcRelyingParty({ config: deps.citizenSignIn.config, clock: deps.clock, secret: deps.sessionSecret, logger: deps.logger, ...(deps.oidcFetch ? { fetch: deps.oidcFetch } : {}) });
  app.route('/api/citizen', createCitizenSignInRoutes({ relyingParty: citizenRelyingParty, idNumberClaim: deps.citizenSignIn?.idNumberClaim ?? 'id_number', secret: deps.sessionSecret, clock: deps.clock, stores: deps.stores }));
  // Retention of closed dossiers (issue 18 item 6): the dry run, the periods, explicit bounded runs.
  const retention = deps.retention ?? partitionedByProvince(MemoryRetentionStore, { dossiers: deps.stores.dossiers, attachments });
  app.route('/api/retention', createRetentionRoutes({ stores: deps.stores, retention, attachments, archives: deps.archives ?? partitionedByProvince(MemoryAttachmentStore), clock: deps.clock, ...(deps.retentionHashKey ? { hashKey: deps.retentionHashKey } : {}) }));
  app.route('/api/outbox', createOutboxRoutes({ outbox: dossierDeps.outbox, clock: deps.clock, alertAfterMs: deps.outboxAlertAfterMs ?? DEFAULT_OUTBOX_ALERT_AFTER_MS }));
  app.route('/api/events', createEventRoutes({ notifier: heatmapChanges, tokens: accessLayer.tokens, users: deps.access.users }));

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Liên thông API', version: '0.1.0', description: 'Dossier routing for inter-agency administrative procedures' },
  });

  if (deps.frontEndRoot) app.route('/', createFrontEndRoutes(deps.frontEndRoot));

  app.notFound((c) =>
    toProblemResponse(
      new HttpProblem({ status: 404, code: 'NOT_FOUND', title: 'Not found', detail: `No resource at ${c.req.method} ${c.req.path}` }),
      c.req.path,
    ),
  );

  // One place turns errors into HTTP answers (STYLE.md §4): known problems as they are, anything else a logged generic 500.
  app.onError((error, c) => {
    const problem = problemFromError(error);
    if (problem) return toProblemResponse(problem, c.req.path);
    const id = c.get('requestId');
    deps.logger.error({ err: error, requestId: id, path: c.req.path }, 'unhandled error');
    return toProblemResponse(
      new HttpProblem({ status: 500, code: 'INTERNAL', title: 'Internal server error', detail: `Request ${id} failed; the error is logged.` }),
      c.req.path,
    );
  });

  return app;
}
