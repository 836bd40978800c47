/**
 * @module command-key — the `Idempotency-Key` of the command being served, for the use cases that create records:
 * they derive the new record's id from it, so a retry whose first attempt committed and then lost its process (killed
 * before the answer was stored) finds the record instead of creating a second one; the transactions the request
 * opens are noted on its key, so the retry can kill them instead of waiting for them; and a command that runs as one
 * unit of work completes the key in that unit (`answerRequest`), so the key says "done" exactly when the command's
 * writes are committed, with the command's result, which a retry gets back instead of a second run. Set by the HTTP
 * idempotency middleware (http/idempotency-middleware.ts); read by the use cases, which thereby know nothing of HTTP.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { UnitOfWork } from './unit-of-work';

interface RequestKey {
  /** The principal-scoped key (`<userId>:<key>`). */
  key: string;
  /** The hash of the request it was sent with: the same key on another request never derives the same id. */
  requestHash: string;
  /** Notes a transaction the request opens on its key's record (the idempotency store's `noteTransaction`). */
  noteTransaction?: (transactionId: string) => Promise<void>;
  /**
   * Completes the key in `unit` with the command's result (the idempotency store's `within(unit).complete`). Called
   * once the command has announced that it answers in its unit (`answerRequest`).
   */
  completeWithin?: (unit: UnitOfWork, result: unknown) => Promise<void>;
  /** The result an earlier attempt of this request committed with its key: the command returns it and runs nothing. */
  committed?: { result: unknown };
  /** Told before the command's unit of work opens that the unit completes the key (the middleware stops renewing it). */
  answersInUnit?: () => void;
  /** Set by the first `answerRequest`: a request is answered by one command. */
  answered?: boolean;
}

/** How a command answers the current request in its unit of work; see `answerRequest`. */
export interface RequestAnswer<T> {
  /** The result committed by an earlier attempt of the same request: return it, decide nothing. */
  committed?: T;
  /**
   * True when `within` completes the key: an attempt that committed is then always answered through `committed`, so
   * the command need not look for records an earlier attempt made.
   */
  completesKey: boolean;
  /** Completes the request's key with `result` inside `unit`: call it last in the unit of work. */
  within(unit: UnitOfWork, result: T): Promise<void>;
}

const current = new AsyncLocalStorage<RequestKey>();

/** Runs `work` with `key` as the current request's key. */
export function runWithRequestKey<T>(key: RequestKey, work: () => T): T {
  return current.run(key, work);
}

/**
 * A UUID-shaped id for the `kind` of record this request creates, the same on every retry of the request; undefined
 * when the request carries no Idempotency-Key (then the caller makes a random id).
 */
export function idForRequest(kind: string): string | undefined {
  const key = current.getStore();
  if (!key) return undefined;
  const hex = createHash('sha256').update(`${kind}\n${key.key}\n${key.requestHash}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Announces that the command about to run completes the request's Idempotency-Key inside its own unit of work, and
 * tells it what an earlier attempt committed, if any. Outside a keyed request (or for a key the middleware completes
 * itself) `within` does nothing. Call it once per request, from the command that answers it, before its unit opens.
 */
export function answerRequest<T>(): RequestAnswer<T> {
  const key = current.getStore();
  if (!key?.completeWithin || key.answered) return { completesKey: false, within: async () => undefined };
  key.answered = true;
  if (key.committed) return { committed: key.committed.result as T, completesKey: true, within: async () => undefined };
  key.answersInUnit?.();
  const completeWithin = key.completeWithin;
  return { completesKey: true, within: (unit, result) => completeWithin(unit, result) };
}

/**
 * Tells the current request's Idempotency-Key record that the request opens transaction `transactionId`, so that a
 * retry taking the key over after this process died can kill it (idempotency-middleware). A no-op outside a keyed
 * request. The stores call it before the transaction's first write.
 */
export async function noteTransactionOfRequest(transactionId: string): Promise<void> {
  await current.getStore()?.noteTransaction?.(transactionId);
}
