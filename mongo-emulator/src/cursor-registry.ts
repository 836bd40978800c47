/** @module CursorRegistry: open cursors by id, served in batches by find/aggregate replies and getMore. */
import { calculateObjectSize, Long, type Document } from 'bson';
import { CommandError } from './command-error';

interface OpenCursor {
  namespace: string;
  remaining: Document[];
  lastUsedAt: number;
}

/** mongod closes cursors idle for cursorTimeoutMillis, 10 minutes by default. */
const CURSOR_TIMEOUT_MS = 10 * 60 * 1000;

/** mongod caps a batch at 16 MiB; a little is kept back for the reply envelope. */
const MAX_BATCH_BYTES = 15 * 1024 * 1024;

/** How many of the documents (at least one) fit the count limit and the byte cap. */
function batchLength(documents: Document[], limit: number): number {
  let bytes = 0;
  let count = 0;
  while (count < Math.min(limit, documents.length)) {
    bytes += calculateObjectSize(documents[count]!);
    if (count > 0 && bytes > MAX_BATCH_BYTES) break;
    count += 1;
  }
  return count;
}

/** Default first batch of find and aggregate: 101 documents (manual: "Cursor Batches"). */
export const DEFAULT_BATCH_SIZE = 101;

export class CursorRegistry {
  private readonly cursors = new Map<string, OpenCursor>();
  private nextId = 1_000_000 + Math.floor(Math.random() * 1_000_000);

  /**
   * Builds the `cursor` field of a find/aggregate/listCollections reply. The id is 0 when everything
   * fits in the first batch; otherwise the rest waits for getMore.
   */
  open(namespace: string, documents: Document[], batchSize: number | undefined, singleBatch = false): Document {
    this.closeIdle();
    const size = batchSize === undefined || batchSize <= 0 ? (batchSize === 0 ? 0 : DEFAULT_BATCH_SIZE) : batchSize;
    const length = batchLength(documents, size);
    const firstBatch = documents.slice(0, length);
    const remaining = documents.slice(length);
    let id = Long.ZERO;
    if (remaining.length > 0 && !singleBatch) {
      id = Long.fromNumber(this.nextId);
      this.nextId += 1 + Math.floor(Math.random() * 1000);
      this.cursors.set(id.toString(), { namespace, remaining, lastUsedAt: Date.now() });
    }
    return { firstBatch, id, ns: namespace };
  }

  /** getMore: the next batch; the cursor closes (id 0) once exhausted. */
  next(id: Long | number, namespace: string, batchSize: number | undefined): Document {
    const key = id.toString();
    const cursor = this.cursors.get(key);
    if (!cursor) throw new CommandError({ code: 43, message: `cursor id ${key} not found` });
    if (cursor.namespace !== namespace) {
      throw new CommandError({ code: 13, message: `Requested getMore on namespace '${namespace}', but cursor belongs to a different namespace ${cursor.namespace}` });
    }
    cursor.lastUsedAt = Date.now();
    const size = batchSize && batchSize > 0 ? batchSize : cursor.remaining.length;
    const nextBatch = cursor.remaining.splice(0, batchLength(cursor.remaining, size));
    const exhausted = cursor.remaining.length === 0;
    if (exhausted) this.cursors.delete(key);
    return { nextBatch, id: exhausted ? Long.ZERO : Long.fromString(key), ns: namespace };
  }

  /** killCursors reply lists which ids were killed and which were unknown. */
  kill(ids: Array<Long | number>): Document {
    const cursorsKilled: Long[] = [];
    const cursorsNotFound: Long[] = [];
    for (const id of ids) {
      const long = Long.isLong(id) ? id : Long.fromNumber(id);
      (this.cursors.delete(long.toString()) ? cursorsKilled : cursorsNotFound).push(long);
    }
    return { cursorsKilled, cursorsNotFound, cursorsAlive: [], cursorsUnknown: [] };
  }

  private closeIdle(): void {
    const now = Date.now();
    for (const [id, cursor] of this.cursors) if (now - cursor.lastUsedAt > CURSOR_TIMEOUT_MS) this.cursors.delete(id);
  }

  get openCount(): number {
    return this.cursors.size;
  }
}
