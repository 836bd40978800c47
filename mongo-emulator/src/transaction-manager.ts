/** @module TransactionManager: sessions by lsid and their multi-document transactions (start, commit, abort, conflicts). */
import { Binary, type Document } from 'bson';
import { CommandError } from './command-error';
import type { Collection } from './collection';
import type { Storage } from './storage';
import { TransactionView } from './transaction-view';
import { writeConflictError } from './write-conflict-error';

export interface Transaction {
  readonly sessionId: string;
  readonly txnNumber: number;
  state: 'active' | 'committed' | 'aborted';
  readonly startedAt: number;
  /** Wall-clock start, for the lifetime limit. */
  readonly beganAtMs: number;
  readonly views: Map<string, TransactionView>;
}

/** The session key: lsid.id is a UUID (Binary subtype 4). */
export function sessionIdOf(lsid: unknown): string | undefined {
  const id = (lsid as Document | undefined)?.id;
  return id instanceof Binary ? Buffer.from(id.buffer).toString('hex') : undefined;
}

function noSuchTransaction(txnNumber: number, reason: string): CommandError {
  return new CommandError({
    code: 251,
    message: `Transaction with { txnNumber: ${txnNumber} } ${reason}`,
    labels: ['TransientTransactionError'],
  });
}

export class TransactionManager {
  private readonly transactions = new Map<string, Transaction>();
  /** namespace + id → the transaction that wrote the document and has not finished. */
  private readonly claims = new Map<string, Transaction>();

  private readonly lifetimeLimitMs: number;

  /** serverStatus.transactions as mongod reports them: started, committed and aborted since start-up. */
  readonly totals = { totalStarted: 0, totalCommitted: 0, totalAborted: 0 };

  /**
   * `lifetimeLimitMs` is mongod's transactionLifetimeLimitSeconds: a transaction still open after it is aborted, so
   * one whose client died (killed mid-transaction) stops holding its documents; checked whenever a transaction
   * starts or meets a document another one holds.
   */
  constructor(
    private readonly storage: Storage,
    options: { lifetimeLimitMs?: number } = {},
  ) {
    this.lifetimeLimitMs = options.lifetimeLimitMs ?? 60_000;
    storage.clock.snapshotHorizon = () => this.oldestActiveStart();
  }

  private expired(transaction: Transaction, now = Date.now()): boolean {
    return transaction.state === 'active' && now - transaction.beganAtMs > this.lifetimeLimitMs;
  }

  /** Aborts every active transaction older than the lifetime limit (mongod's periodic transaction reaper). */
  reapExpired(now = Date.now()): void {
    for (const transaction of this.transactions.values()) if (this.expired(transaction, now)) this.finish(transaction, 'aborted');
  }

  private oldestActiveStart(): number | undefined {
    let oldest: number | undefined;
    for (const transaction of this.transactions.values()) {
      if (transaction.state === 'active' && (oldest === undefined || transaction.startedAt < oldest)) oldest = transaction.startedAt;
    }
    return oldest;
  }

  /** startTransaction: true begins a new transaction, abandoning an older unfinished one of the session. */
  begin(sessionId: string, txnNumber: number): Transaction {
    const previous = this.transactions.get(sessionId);
    if (previous && previous.txnNumber >= txnNumber) {
      throw new CommandError({ code: 225, message: `Cannot start transaction ${txnNumber} on session because a newer transaction ${previous.txnNumber} has already started` });
    }
    if (previous?.state === 'active') this.finish(previous, 'aborted');
    this.reapExpired();
    const transaction: Transaction = { sessionId, txnNumber, state: 'active', startedAt: this.storage.clock.current, beganAtMs: Date.now(), views: new Map() };
    this.transactions.set(sessionId, transaction);
    this.totals.totalStarted += 1;
    return transaction;
  }

  /** The transaction a continuing command (autocommit: false without startTransaction) belongs to. */
  continue(sessionId: string, txnNumber: number): Transaction {
    const transaction = this.transactions.get(sessionId);
    if (!transaction || transaction.txnNumber !== txnNumber) throw noSuchTransaction(txnNumber, 'has been aborted.');
    if (this.expired(transaction)) this.finish(transaction, 'aborted');
    if (transaction.state === 'aborted') throw noSuchTransaction(txnNumber, 'has been aborted.');
    return transaction;
  }

  viewOf(transaction: Transaction, collection: Collection): TransactionView {
    let view = transaction.views.get(collection.namespace);
    if (!view) {
      view = new TransactionView(collection, transaction.startedAt, (namespace, id) => this.claim(transaction, namespace, id));
      transaction.views.set(collection.namespace, view);
    }
    return view;
  }

  /** commitTransaction is idempotent for an already committed transaction, as the driver retries it. */
  commit(transaction: Transaction): void {
    if (transaction.state === 'committed') return;
    try {
      for (const view of transaction.views.values()) view.assertCommittable();
    } catch (error) {
      this.finish(transaction, 'aborted');
      throw error;
    }
    for (const view of transaction.views.values()) view.applyToBase();
    this.finish(transaction, 'committed');
  }

  abort(transaction: Transaction): void {
    if (transaction.state === 'committed') {
      throw new CommandError({ code: 256, message: 'Cannot call abortTransaction after calling commitTransaction.' });
    }
    if (transaction.state === 'aborted') throw noSuchTransaction(transaction.txnNumber, 'has been aborted.');
    this.finish(transaction, 'aborted');
  }

  /** Marks a transaction aborted after a failed command, as mongod aborts it on any error. */
  abortAfterError(transaction: Transaction): void {
    if (transaction.state === 'active') this.finish(transaction, 'aborted');
  }

  /** endSessions / killAllSessions: unfinished transactions of those sessions are aborted. */
  endSession(sessionId: string): void {
    const transaction = this.transactions.get(sessionId);
    if (transaction?.state === 'active') this.finish(transaction, 'aborted');
    this.transactions.delete(sessionId);
  }

  endAll(): void {
    for (const sessionId of [...this.transactions.keys()]) this.endSession(sessionId);
  }

  private claim(transaction: Transaction, namespace: string, id: string): void {
    const key = `${namespace}\u0000${id}`;
    const holder = this.claims.get(key);
    if (holder && holder !== transaction && this.expired(holder)) this.finish(holder, 'aborted');
    if (holder && holder !== transaction && holder.state === 'active') throw writeConflictError();
    this.claims.set(key, transaction);
  }

  private finish(transaction: Transaction, state: 'committed' | 'aborted'): void {
    transaction.state = state;
    if (state === 'committed') this.totals.totalCommitted += 1;
    else this.totals.totalAborted += 1;
    for (const [namespace, view] of transaction.views) {
      for (const id of view.overlay.keys()) {
        const key = `${namespace}\u0000${id}`;
        if (this.claims.get(key) === transaction) this.claims.delete(key);
      }
    }
  }
}
