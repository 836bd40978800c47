/** @module MemoryProcedureStore — deployed procedure versions kept in a Map, for unit tests and benchmarks. */
import type { ProcedureRecord, ProcedureRetirement, ProcedureStore, ProcedureSummary } from '../../stores';
import type { UndoLog } from './undo-log';
import { firstFound, sortedBy, type NationalRead, type NationalReads } from './province-partitioned';

function toSummary(record: ProcedureRecord): ProcedureSummary {
  const { xml: _xml, definition: _definition, ...summary } = record;
  return structuredClone(summary);
}

/** Versions of each procedure key, oldest first; stored records are private copies. */
/** Code-unit order, as MongoDB sorts strings. */
const byKey = (a: ProcedureSummary, b: ProcedureSummary): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The highest version of each key among `records`. */
function highest<T extends ProcedureSummary>(records: readonly (T | undefined)[]): T[] {
  const byKeyHighest = new Map<string, T>();
  for (const record of records) if (record && record.version > (byKeyHighest.get(record.key)?.version ?? 0)) byKeyHighest.set(record.key, record);
  return [...byKeyHighest.values()];
}

export class MemoryProcedureStore implements ProcedureStore {
  /** How each read is answered in a national scope; every other method writes (province-partitioned.ts). */
  static readonly nationalReads: NationalReads<MemoryProcedureStore> = {
    get: firstFound,
    // As MongoDB answers them without a province filter: the highest version any province deployed.
    latest: { combine: (answers) => highest(answers as (ProcedureRecord | undefined)[])[0] },
    listLatest: { combine: (answers) => highest((answers as ProcedureSummary[][]).flat()).sort(byKey) } satisfies NationalRead,
    listVersions: sortedBy<ProcedureSummary>((a, b) => b.version - a.version),
  };

  constructor(
    private readonly versions = new Map<string, ProcedureRecord[]>(),
    private readonly undo?: UndoLog,
  ) {}

  /** The same stored state, with every write also recorded in `undo` (for a transaction). */
  withUndo(undo: UndoLog): MemoryProcedureStore {
    return new MemoryProcedureStore(this.versions, undo);
  }

  async deploy(record: Omit<ProcedureRecord, 'version'>): Promise<ProcedureRecord> {
    // Version is computed and stored in one synchronous step, so concurrent deploys cannot take the same number.
    const list = this.versions.get(record.key) ?? [];
    const stored: ProcedureRecord = { ...structuredClone(record), version: list.length + 1 };
    list.push(stored);
    this.versions.set(record.key, list);
    this.undo?.record(() => {
      const index = list.indexOf(stored);
      if (index >= 0) list.splice(index, 1);
      if (list.length === 0) this.versions.delete(record.key);
    });
    return structuredClone(stored);
  }

  async get(key: string, version: number): Promise<ProcedureRecord | undefined> {
    const found = this.versions.get(key)?.find((record) => record.version === version);
    if (!found) return undefined;
    // The version as deployed: its retirement is the key's, read through `latest` (as the mongo adapter's cache has it).
    const { retirement: _retirement, ...deployed } = found;
    return structuredClone(deployed);
  }

  async latest(key: string): Promise<ProcedureRecord | undefined> {
    const found = this.versions.get(key)?.at(-1);
    return found && structuredClone(found);
  }

  async listLatest(): Promise<ProcedureSummary[]> {
    return [...this.versions.values()]
      .map((list) => list.at(-1))
      .filter((record): record is ProcedureRecord => record !== undefined)
      .sort(byKey)
      .map(toSummary);
  }

  async listVersions(key: string): Promise<ProcedureSummary[]> {
    return [...(this.versions.get(key) ?? [])].reverse().map(toSummary);
  }

  async setRetirement(key: string, retirement: ProcedureRetirement | undefined): Promise<number> {
    const list = this.versions.get(key) ?? [];
    for (const record of list) {
      const before = record.retirement;
      if (retirement) record.retirement = structuredClone(retirement);
      else delete record.retirement;
      this.undo?.record(() => {
        if (before) record.retirement = before;
        else delete record.retirement;
      });
    }
    return list.length;
  }
}
