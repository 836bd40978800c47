/**
 * @module idempotency-store — the port that remembers answers to requests sent with an `Idempotency-Key`
 * (IETF draft-ietf-httpapi-idempotency-key-header). Adapters: persistence/memory and persistence/mongo.
 *
 * A key is completed one of two ways. A dossier command completes it inside its own unit of work with its result
 * (`within(unit).complete`), so the key is completed exactly when the command's writes commit: a process that dies
 * after the commit leaves a completed key, and the retry gets the committed result back (the middleware renders it
 * again through the route) instead of running the command a second time. Any other request is completed after its
 * answer is known, with the answer itself (`complete`).
 */
import type { JoinsUnitOfWork } from '../unit-of-work';

/** An answer kept for replay. Headers are kept as pairs because a name may repeat. */
export interface StoredResponse {
  status: number;
  headers: [string, string][];
  body: string;
}

export interface IdempotencyRecord {
  /** The client's key, scoped by the principal who sent it (`<userId>:<key>`), so clients never share answers. */
  key: string;
  /** SHA-256 of method, path, principal and body: the same key with another request is a reuse. */
  requestHash: string;
  state: 'inProgress' | 'completed';
  /** The answer kept for replay, for a key completed after its request (`complete`). */
  response?: StoredResponse;
  /**
   * The command's result, for a key completed inside the command's unit of work (`within(unit).complete`); the answer
   * is rendered from it again on replay. Plain JSON data.
   */
  result?: unknown;
  createdAt: number;
  /**
   * The database transactions the request opened while in progress (their session ids). When its process dies, the
   * request that takes the key over kills them, so its own transaction does not wait for the database to abort
   * them (60 s by default in MongoDB): issue 13.
   */
  transactions?: string[];
  /**
   * Until when the record holds the key. While in progress this is a short lease, so a key left behind by a
   * crashed process frees itself; once completed it is `createdAt` + 24 hours.
   */
  expiresAt: number;
}

export type BeginResult = { started: true } | { started: false; existing: IdempotencyRecord };

/** The idempotency store joined to a unit of work. */
export interface IdempotencyUnitStore {
  /**
   * Completes the in-progress record with this key and hash with the command's `result`, holding the key until
   * `expiresAt`; written in the unit, so it commits or rolls back with the command's writes.
   */
  complete(key: string, requestHash: string, result: unknown, expiresAt: number): Promise<void>;
}

export interface IdempotencyStore extends JoinsUnitOfWork<IdempotencyUnitStore> {
  /**
   * Atomically claims `record.key`: when no record holds it (none, or one with `expiresAt <= record.createdAt`),
   * stores `record` in progress and answers `started: true`; otherwise answers the record that holds it. Of many
   * concurrent calls with one key, exactly one starts. Taking over an in-progress record whose lease lapsed (its
   * process died), it first kills the transactions that record noted, which the database would otherwise keep open,
   * holding what they wrote, until their lifetime ends.
   */
  begin(record: Omit<IdempotencyRecord, 'state' | 'response'>): Promise<BeginResult>;
  /** Stores the answer of the in-progress record with this key and hash, holding the key until `expiresAt`, outside any unit of work. */
  complete(key: string, requestHash: string, response: StoredResponse, expiresAt: number): Promise<void>;
  /** Frees the key of an in-progress record with this hash (the request failed: a retry may run again). */
  release(key: string, requestHash: string): Promise<void>;
  /**
   * Moves the lease of the in-progress record with this key and hash to `expiresAt`: the request's heartbeat, so a
   * slow request that is still running keeps its key while one whose process died frees it after a short lease.
   */
  extend?(key: string, requestHash: string, expiresAt: number): Promise<void>;
  /**
   * Notes on the in-progress record that its request opened transaction `transactionId`; written at once, outside
   * any transaction, before the transaction writes anything.
   */
  noteTransaction?(key: string, requestHash: string, transactionId: string): Promise<void>;
  get(key: string): Promise<IdempotencyRecord | undefined>;
}
