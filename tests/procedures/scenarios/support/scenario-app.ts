/**
 * @module scenario-app — one library procedure served by the whole application (`createApp` through
 * `createTestApp`) on memory stores, the real Vietnamese working calendar and a simulated clock, with the deadline
 * sweeper a server process runs. `restart()` builds a fresh app, engine and sweeper on the same stores, as a second
 * process sees them after the first one died.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDeadlineSweeper, type DeadlineSweeper } from '../../../../server/src/sweeper/deadline-sweeper';
import { createMemoryAccessStores } from '../../../../server/src/persistence/memory/create-memory-access-stores';
import { createTestApp, createSimulatedClock, type SimulatedClock } from '../../../support/test-app';
import { PROCEDURES_DIR } from '../../support/library';

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}


/** Vietnam wall-clock time (UTC+7) as an instant. */
export const vn = (year: number, month: number, day: number, hour: number, minute = 0): number => Date.UTC(year, month - 1, day, hour - 7, minute);

export const WORKING_HOUR_MS = 3_600_000;
export const WORKING_DAY_MS = 8 * WORKING_HOUR_MS;

export function readShippedModel(slug: string): string {
  return readFileSync(join(PROCEDURES_DIR, slug, `${slug}.bpmn`), 'utf8');
}

/** What a server process holds: the app and its sweeper. What survives a restart lives in `shared`. */
export interface ScenarioApp {
  slug: string;
  t: TestApp;
  clock: SimulatedClock;
  sweeper: DeadlineSweeper;
  /** Timers that failed in a sweep: a scenario expects none. */
  sweepErrors: unknown[];
  call<T = Record<string, unknown>>(user: string | undefined, method: string, path: string, body?: unknown): Promise<Answer<T>>;
  /** Sets the clock to `at` and sweeps once; returns how many timers fired. */
  sweepAt(at: number): Promise<number>;
  /** A fresh app, engine and sweeper on the same stores and clock (the first process died). */
  restart(): Promise<ScenarioApp>;
}

interface Shared {
  slug: string;
  clock: SimulatedClock;
  base: TestApp;
  access: ReturnType<typeof createMemoryAccessStores>;
  generation: number;
  /** Bearer tokens by user, kept across a restart (same session secret), renewed before their 8 hours end. */
  tokens: Map<string, { token: string; at: number }>;
}

/** Sign-ins cost an argon2 verification each: a token is reused for 7 hours of simulated time. */
const TOKEN_REUSE_MS = 7 * 3_600_000;

async function open(shared: Shared, t: TestApp): Promise<ScenarioApp> {
  const sweepErrors: unknown[] = [];
  const owner = `scenario-process-${(shared.generation += 1)}`;
  // as server/src/main.ts: the sweeper writes the dashboard's facts in its units of work too
  const dashboard = { facts: t.facts, heatmapChanges: t.heatmapChanges };
  const sweeper = createDeadlineSweeper({ ...dashboard, stores: t.stores, outbox: t.outbox, clock: t.clock, calendars: t.calendars, newId: randomUUID, owner, leaseMs: 60_000, batch: 200, onError: (error) => sweepErrors.push(error) });
  const tokenOf = async (user: string): Promise<string> => {
    const now = shared.clock.now();
    const kept = shared.tokens.get(user);
    if (kept && now >= kept.at && now - kept.at < TOKEN_REUSE_MS) return kept.token;
    const response = await t.app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user, password: user }),
    });
    if (response.status !== 200) throw new Error(`sign-in of ${user} failed: ${response.status} ${await response.text()}`);
    const { token } = (await response.json()) as { token: string };
    shared.tokens.set(user, { token, at: now });
    return token;
  };
  const call = async <T,>(user: string | undefined, method: string, path: string, body?: unknown): Promise<Answer<T>> => {
    const auth: Record<string, string> = user ? { authorization: `Bearer ${await tokenOf(user)}` } : {};
    const response = await t.app.request(path, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...auth },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // forms are HTML
    }
    return { status: response.status, body: parsed as T };
  };
  return {
    slug: shared.slug,
    t,
    clock: shared.clock,
    sweeper,
    sweepErrors,
    call,
    async sweepAt(at) {
      shared.clock.set(at);
      return sweeper.sweepOnce();
    },
    async restart() {
      const base = shared.base;
      const next = await createTestApp({
        clock: shared.clock,
        stores: base.stores,
        outbox: base.outbox,
        calendarStore: base.calendarStore,
        facts: base.facts,
        attachments: base.attachments,
        access: shared.access,
      });
      return open(shared, next);
    },
  };
}

/** Users and agencies, seeded once per test file: argon2 hashing is the slowest part of a start, and the scenarios only read the directory. */
let directory: Promise<ReturnType<typeof createMemoryAccessStores>> | undefined;

async function createDirectory(): Promise<ReturnType<typeof createMemoryAccessStores>> {
  const access = createMemoryAccessStores();
  await createTestApp({ access });
  return access;
}

/** The procedure `slug` deployed from its shipped `.bpmn` by the analyst, on fresh stores, the clock at `startAt`. */
export async function startScenarioApp(slug: string, startAt: number): Promise<ScenarioApp> {
  const clock = createSimulatedClock(startAt);
  const access = await (directory ??= createDirectory());
  const t = await createTestApp({ clock, access });
  const shared: Shared = { slug, clock, base: t, access, generation: 0, tokens: new Map() };
  const first = await open(shared, t);
  const deployed = await first.call('analyst', 'POST', '/api/procedures', { key: slug, xml: readShippedModel(slug) });
  if (deployed.status !== 201) throw new Error(`deploy of ${slug} failed: ${deployed.status} ${JSON.stringify(deployed.body)}`);
  return first;
}
