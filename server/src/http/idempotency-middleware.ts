/**
 * @module idempotency-middleware — a mutating request sent again with the same `Idempotency-Key` does not act twice
 * (IETF draft-ietf-httpapi-idempotency-key-header): the first runs and its answer is kept for 24 hours; a retry
 * replays it with `Idempotent-Replayed: true`; the same key on another request is 422 `IDEMPOTENCY_KEY_REUSED`;
 * a retry while the first still runs is 409 `IDEMPOTENCY_IN_PROGRESS`. Install it after `authenticate`, because
 * keys are scoped by principal.
 *
 * A dossier command completes its key inside its own unit of work, with its result (command-key.ts `answerRequest`):
 * the key is completed exactly when the command commits, so a process that dies between the commit and the answer
 * cannot leave a committed command whose retry runs it again (and answers, say, 409 "step no longer open"). Its retry
 * runs the route once more with the committed result, which the command returns without deciding anything, and the
 * route renders the same answer. Other requests keep their answer once it is known (`complete`).
 */
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../../../engine/src/index';
import { HttpProblem } from './http-problem';
import type { IdempotencyStore, StoredResponse } from './idempotency-store';
import { runWithRequestKey } from '../command-key';
import type { UnitOfWork } from '../unit-of-work';

export interface IdempotencyOptions {
  store: IdempotencyStore;
  clock: Clock;
  /** How long an answer is kept for replay; 24 hours by default. */
  ttlMs?: number;
  /**
   * How long a key stays locked by a request that never finishes (its process died); `IDEMPOTENCY_LEASE_MS` by
   * default. A request still running renews it every quarter of this time (when the store can), so a short lock is
   * safe for slow requests and a retry after a crash waits seconds, not minutes (issue 13).
   */
  inProgressTimeoutMs?: number;
  /** Paths never replayed, e.g. sign-in: its answer holds a fresh token that must not be stored. */
  excludePaths?: string[];
  /**
   * Who an anonymous caller is, for scoping its keys (the client address in apply-http-safety): without it all
   * anonymous callers share one key space, and a citizen's retry could replay another citizen's answer.
   */
  anonymousScopeOf?: (c: Context) => string;
}

/**
 * The default lease of an in-progress key. A live request renews it every second, so it lapses only when its process
 * died or its event loop stood still for three seconds; a retry of a dead request then runs at once (the use cases
 * are safe to rerun: ids derive from the key and every change is one transaction checked by revision).
 */
export const IDEMPOTENCY_LEASE_MS = 4_000;

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Visible ASCII, at most 255 characters; the draft sends the key as a structured-field string, so quotes are dropped. */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** Headers that describe this connection, session or request origin and must not be replayed. */
const NOT_REPLAYED = new Set(['set-cookie', 'date', 'content-length', 'transfer-encoding', 'connection', 'vary']);
const replayable = (name: string) => !NOT_REPLAYED.has(name.toLowerCase()) && !name.toLowerCase().startsWith('access-control-');

function parseKey(header: string): string {
  const key = header.trim().replace(/^"(.*)"$/, '$1');
  if (!KEY_PATTERN.test(key)) {
    throw new HttpProblem({
      status: 400,
      code: 'IDEMPOTENCY_KEY_INVALID',
      title: 'The Idempotency-Key is not valid',
      detail: 'Use 1 to 255 visible ASCII characters, such as a UUID.',
    });
  }
  return key;
}

async function hashRequest(c: Context, principalId: string): Promise<string> {
  const url = new URL(c.req.url);
  const hash = createHash('sha256');
  for (const part of [c.req.method, url.pathname + url.search, principalId]) hash.update(part).update('\n');
  hash.update(new Uint8Array(await c.req.arrayBuffer()));
  return hash.digest('hex');
}

function replay(stored: StoredResponse): Response {
  const headers = new Headers(stored.headers);
  headers.set('idempotent-replayed', 'true');
  return new Response(stored.body, { status: stored.status, headers });
}

export function idempotency(options: IdempotencyOptions): MiddlewareHandler {
  const ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
  const inProgressTimeoutMs = options.inProgressTimeoutMs ?? IDEMPOTENCY_LEASE_MS;
  const excluded = new Set(options.excludePaths ?? []);

  return async (c, next) => {
    const header = c.req.header('idempotency-key');
    if (header === undefined || !MUTATING.has(c.req.method) || excluded.has(c.req.path)) return next();

    const principalId = c.get('principal')?.userId ?? `anonymous@${options.anonymousScopeOf?.(c) ?? ''}`;
    const key = `${principalId}:${parseKey(header)}`;
    const requestHash = await hashRequest(c, principalId);
    const now = options.clock.now();
    const begun = await options.store.begin({ key, requestHash, createdAt: now, expiresAt: now + inProgressTimeoutMs });

    if (!begun.started) {
      const { existing } = begun;
      if (existing.requestHash !== requestHash) {
        throw new HttpProblem({
          status: 422,
          code: 'IDEMPOTENCY_KEY_REUSED',
          title: 'The Idempotency-Key was used for another request',
          detail: 'Send a new key for a new request; a retry must repeat the first request exactly.',
        });
      }
      if (existing.state === 'completed' && existing.response === undefined && existing.result !== undefined) {
        // Completed inside the command's unit of work: the route renders the committed result again.
        await runWithRequestKey({ key, requestHash, completeWithin: async () => undefined, committed: { result: existing.result } }, () => next());
        c.res.headers.set('idempotent-replayed', 'true');
        return;
      }
      if (existing.state === 'inProgress' || existing.response === undefined) {
        throw new HttpProblem({
          status: 409,
          code: 'IDEMPOTENCY_IN_PROGRESS',
          title: 'The first request with this Idempotency-Key is still running',
          detail: 'Retry after it has finished.',
          headers: { 'retry-after': '1' },
        });
      }
      return replay(existing.response);
    }

    // The heartbeat: while this request runs its key stays held, so a retry cannot take it over and act twice.
    const store = options.store;
    const heartbeat = store.extend
      ? setInterval(() => {
          store.extend?.(key, requestHash, options.clock.now() + inProgressTimeoutMs).catch(() => undefined);
        }, Math.max(100, Math.floor(inProgressTimeoutMs / 4)))
      : undefined;
    heartbeat?.unref();
    let answeredInUnit = false;
    try {
      // Use cases that create records derive their ids from the key (command-key.ts): a rerun finds them.
      // The transactions it opens are noted on the key, so that if this process dies the retry that takes the key over
      // kills them (the store's `begin`) instead of waiting for the database to abort them.
      const noteTransaction = store.noteTransaction ? (id: string) => store.noteTransaction!(key, requestHash, id) : undefined;
      const completeWithin = (unit: UnitOfWork, result: unknown) => store.within(unit).complete(key, requestHash, result, now + ttlMs);
      // A command that completes the key in its unit of work writes the key's document in its transaction: a renewal
      // written meanwhile would meet it as a write conflict and run the whole command again, so renewals stop. A unit
      // that outlives the lease may then be taken over by a retry, which kills it and runs the command once itself.
      const answersInUnit = () => {
        answeredInUnit = true;
        clearInterval(heartbeat);
      };
      await runWithRequestKey({ key, requestHash, completeWithin, answersInUnit, ...(noteTransaction ? { noteTransaction } : {}) }, () => next());
    } catch (error) {
      await options.store.release(key, requestHash);
      throw error;
    } finally {
      clearInterval(heartbeat);
    }
    // A refused or failed request changed nothing, so it is not kept: the retry runs again and may succeed.
    if (c.error !== undefined || c.res.status >= 400) {
      await options.store.release(key, requestHash);
      return;
    }
    if (answeredInUnit) return; // completed with the command's writes
    const headers = [...c.res.headers].filter(([name]) => replayable(name));
    const body = await c.res.clone().text();
    await options.store.complete(key, requestHash, { status: c.res.status, headers, body }, now + ttlMs);
  };
}
