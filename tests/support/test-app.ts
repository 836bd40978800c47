/**
 * A whole application on in-memory stores with a simulated clock, for in-process tests through `app.request()`.
 * Demo agencies and users are seeded (password = username), as `npm start` does.
 */
import { createApp, type AppDeps } from '../../server/src/create-app';
import type { DestinationStream } from 'pino';
import { createLogger } from '../../server/src/logger';
import { createMemoryStores } from '../../server/src/persistence/memory/create-memory-stores';
import { createMemoryAccessStores } from '../../server/src/persistence/memory/create-memory-access-stores';
import { seedDemoAccess } from '../../server/src/access/seed-demo-access';
import { createPasswordHashing } from '../../server/src/access/password-hashing';
import { MemoryOutboxStore } from '../../server/src/persistence/memory/memory-outbox-store';
import type { OutboxStore } from '../../server/src/outbox/outbox-store';
import type { AttachmentStore } from '../../server/src/attachments/attachment-store';
import type { AttachmentLimits } from '../../server/src/attachments/attachment-limits';
import { MemoryAttachmentStore } from '../../server/src/persistence/memory/memory-attachment-store';
import type { DraftStore, Stores } from '../../server/src/stores';
import { MemoryDraftStore } from '../../server/src/persistence/memory/memory-draft-store';
import type { CalendarSource } from '../../server/src/dossiers/timekeeping';
import type { CalendarStore } from '../../server/src/calendars/calendar-store';
import { createStoredCalendarSource } from '../../server/src/calendars/stored-calendar-source';
import { MemoryCalendarStore } from '../../server/src/persistence/memory/memory-calendar-store';
import { MemoryDossierFactsStore } from '../../server/src/persistence/memory/memory-dossier-facts-store';
import type { DossierFactsStore } from '../../server/src/statistics/dossier-facts-store';
import { partitionedByProvince, provincePartitioned } from '../../server/src/persistence/memory/province-partitioned';
import { dossierFactsNationalReads } from '../../server/src/persistence/memory/dossier-facts-national-reads';
import { HeatmapNotifier } from '../../server/src/heatmap/heatmap-notifier';
import type { FormDataLimits } from '../../server/src/dossiers/form-data-limits';

export interface SimulatedClock {
  now(): number;
  set(at: number): void;
  advance(ms: number): void;
}

/** The retention key test apps run with (tests/server/retention recompute digests with it). */
export const TEST_RETENTION_HASH_KEY = 'test-retention-key-0123456789-abcdefghijklmnop';

export function createSimulatedClock(startAt: number): SimulatedClock {
  let at = startAt;
  return { now: () => at, set: (next) => void (at = next), advance: (ms) => void (at += ms) };
}

export interface TestAppOptions {
  startAt?: number;
  /** Shared stores (a restart: a fresh app on the same data), or mongoose stores. */
  stores?: Stores;
  outbox?: OutboxStore;
  clock?: SimulatedClock;
  calendars?: CalendarSource;
  calendarStore?: CalendarStore;
  submissionLimit?: { limit: number; windowMs: number };
  lookupLimit?: { limit: number; windowMs: number };
  /** Proxies in front whose X-Forwarded-For entries name the client; 0 (the socket address) by default. */
  trustProxyHops?: number;
  formLimits?: FormDataLimits;
  /** Dossier attachments (GridFS in attachment tests); in memory by default. */
  attachments?: AttachmentStore;
  attachmentLimits?: AttachmentLimits;
  /** The built browser front end (`modeler/dist`) served at `/`, for browser tests against the whole server. */
  frontEndRoot?: string;
  /** Where the app's log lines go, at `logLevel` (trace by default); without it the app logs nothing. */
  logDestination?: DestinationStream;
  logLevel?: string;
  /** The dashboard's read model (shared across a restart, or the mongo adapter); in memory by default. */
  facts?: DossierFactsStore;
  /** Users and agencies (shared across a restart: a second process sees the users the first one created). */
  access?: ReturnType<typeof createMemoryAccessStores>;
  /** The province's single sign-on (an in-process provider: tests/support/oidc-test-provider.ts); passwords only by default. */
  signInMethods?: AppDeps['signInMethods'];
  /** The HTTP client towards that provider (a test may alter its answers). */
  oidcFetch?: AppDeps['oidcFetch'];
  /** Retention of closed dossiers and its archive bundles (the mongo adapter and GridFS in retention tests); in memory by default. */
  retention?: AppDeps['retention'];
  /** The retention key of the ID numbers' keyed hash; a test key by default, `null` for a server configured without one. */
  retentionHashKey?: string | null;
  /** Citizens' sign-in against an in-process provider; off by default. */
  citizenSignIn?: AppDeps['citizenSignIn'];
  archives?: AppDeps['archives'];
  /** Analysts' drafts (shared by two browsers of one server); in memory by default. */
  drafts?: DraftStore;
  /** Ký số: sealing key, trust list (a test CA), certificate store, remote service; off by default. */
  signing?: AppDeps['signing'];
  /** Online fees: the orders and a gateway (a stand-in gateway in tests); off by default. */
  payments?: AppDeps['payments'];
  /** The national portal's credentials and bounds for its inbound dossiers; none by default (every one refused). */
  nationalPortal?: AppDeps['nationalPortal'];
  /** The province's Zalo ZNS and SMS channels (stand-ins in tests) and where messages are recorded; none by default. */
  citizenChannels?: AppDeps['citizenChannels'];
  citizenMessages?: AppDeps['citizenMessages'];
  /** The provinces an anonymous request may name in X-Province-Code; the home province alone by default. */
  provinces?: AppDeps['provinces'];
}

/**
 * argon2id is deliberately slow; tests seed the same demo passwords hundreds of times, so each password is hashed once
 * per test file (salted once — fine for tests, never for a real directory).
 */
const realPasswordHashing = createPasswordHashing();
const hashes = new Map<string, Promise<string>>();
const cachedPasswordHashing: typeof realPasswordHashing = {
  ...realPasswordHashing,
  hashPassword(password: string): Promise<string> {
    let hash = hashes.get(password);
    if (!hash) hashes.set(password, (hash = realPasswordHashing.hashPassword(password)));
    return hash;
  },
};

export async function createTestApp(options: TestAppOptions = {}) {
  const clock = options.clock ?? createSimulatedClock(options.startAt ?? Date.UTC(2025, 2, 3, 1, 37));
  const stores = options.stores ?? createMemoryStores();
  const outbox = options.outbox ?? partitionedByProvince(MemoryOutboxStore, ['test']);
  const calendarStore = options.calendarStore ?? partitionedByProvince(MemoryCalendarStore);
  const calendars = options.calendars ?? createStoredCalendarSource(calendarStore);
  const attachments = options.attachments ?? partitionedByProvince(MemoryAttachmentStore);
  const facts = options.facts ?? provincePartitioned(dossierFactsNationalReads, () => new MemoryDossierFactsStore());
  const drafts = options.drafts ?? partitionedByProvince(MemoryDraftStore);
  const heatmapChanges = new HeatmapNotifier();
  const access = options.access ?? createMemoryAccessStores();
  await seedDemoAccess({ ...access, passwords: cachedPasswordHashing });
  const logger = options.logDestination
    ? createLogger({ level: options.logLevel ?? 'trace', destination: options.logDestination })
    : createLogger({ level: 'silent' });
  const app = createApp({
    stores,
    access,
    clock,
    logger,
    backend: 'memory',
    pingDatabase: async () => undefined,
    sessionSecret: 'test-secret-test-secret-test-secret-0123',
    outbox,
    calendars,
    calendarStore,
    ...(options.submissionLimit ? { submissionLimit: options.submissionLimit } : {}),
    ...(options.lookupLimit ? { lookupLimit: options.lookupLimit } : {}),
    ...(options.trustProxyHops !== undefined ? { trustProxyHops: options.trustProxyHops } : {}),
    ...(options.formLimits ? { formLimits: options.formLimits } : {}),
    attachments,
    drafts,
    facts,
    heatmapChanges,
    ...(options.attachmentLimits ? { attachmentLimits: options.attachmentLimits } : {}),
    ...(options.frontEndRoot ? { frontEndRoot: options.frontEndRoot } : {}),
    ...(options.signInMethods ? { signInMethods: options.signInMethods } : {}),
    ...(options.oidcFetch ? { oidcFetch: options.oidcFetch } : {}),
    ...(options.signing ? { signing: options.signing } : {}),
    ...(options.retention ? { retention: options.retention } : {}),
    ...(options.retentionHashKey === null ? {} : { retentionHashKey: options.retentionHashKey ?? TEST_RETENTION_HASH_KEY }),
    ...(options.citizenSignIn ? { citizenSignIn: options.citizenSignIn } : {}),
    ...(options.archives ? { archives: options.archives } : {}),
    ...(options.payments ? { payments: options.payments } : {}),
    ...(options.nationalPortal ? { nationalPortal: options.nationalPortal } : {}),
    ...(options.citizenChannels ? { citizenChannels: options.citizenChannels } : {}),
    ...(options.citizenMessages ? { citizenMessages: options.citizenMessages } : {}),
    ...(options.provinces ? { provinces: options.provinces } : {}),
  });
  const tokens = new Map<string, { token: Promise<string>; at: number }>();

  async function signIn(username: string): Promise<string> {
    const response = await app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: username }),
    });
    if (response.status !== 200) throw new Error(`sign-in of ${username} failed: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { token: string }).token;
  }

  /**
   * Signs in a demo user (password = username) and returns the bearer header. Concurrent callers share one sign-in;
   * after an hour of simulated time (or when the clock went back) the user signs in again.
   */
  async function as(username: string): Promise<Record<string, string>> {
    let session = tokens.get(username);
    if (!session || clock.now() - session.at > 3_600_000 || clock.now() < session.at) {
      session = { token: signIn(username), at: clock.now() };
      tokens.set(username, session);
    }
    return { authorization: `Bearer ${await session.token}` };
  }

  return { app, clock, stores, access, outbox, calendars, calendarStore, attachments, drafts, facts, heatmapChanges, as };
}
