/** @module UndoLog — the inverse of every write made inside an in-memory transaction, replayed on rollback. */

/**
 * Stores record how to undo each write they make while a transaction is open; rolling back replays the inverses
 * newest first. Only the transaction's own writes are undone, so writes made outside it meanwhile survive.
 */
export class UndoLog {
  private readonly inverses: (() => void)[] = [];

  record(inverse: () => void): void {
    this.inverses.push(inverse);
  }

  rollback(): void {
    for (let i = this.inverses.length - 1; i >= 0; i -= 1) this.inverses[i]!();
    this.inverses.length = 0;
  }
}
