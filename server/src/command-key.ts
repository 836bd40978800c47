/**
 * @module command-key — the `Idempotency-Key` of the command being served, for the use cases that create records:
 * they derive the new record's id from it, so a retry whose first attempt committed and then lost its process (killed
 * before the answer was stored) finds the record instead of creating a second one; and the transactions the request
 * opens are noted on its key, so the retry can kill them instead of waiting for them. Set by the HTTP idempotency
 * middleware (http/idempotency-middleware.ts); read by the use cases, which thereby know nothing of HTTP.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';

interface RequestKey {
  /** The principal-scoped key (`<userId>:<key>`). */
  key: string;
  /** The hash of the request it was sent with: the same key on another request never derives the same id. */
  requestHash: string;
  /** Notes a transaction the request opens on its key's record (the idempotency store's `noteTransaction`). */
  noteTransaction?: (transactionId: string) => Promise<void>;
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
 * Tells the current request's Idempotency-Key record that the request opens transaction `transactionId`, so that a
 * retry taking the key over after this process died can kill it (idempotency-middleware). A no-op outside a keyed
 * request. The stores call it before the transaction's first write.
 */
export async function noteTransactionOfRequest(transactionId: string): Promise<void> {
  await current.getStore()?.noteTransaction?.(transactionId);
}
