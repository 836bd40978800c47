/** @module MemoryStepStore — steps (bước xử lý) kept in a Map, for unit tests and benchmarks. */
import {
  ConcurrencyConflict,
  DuplicateKey,
  type Page,
  type StepQuery,
  type StepRecord,
  type StepStore,
} from '../../../../engine/src/index';
import { paginate } from './paginate';
import type { UndoLog } from './undo-log';

/** Finds the procedure key of a dossier; steps are filtered by it without carrying it themselves. */
export type ProcedureKeyOf = (dossierId: string) => string | undefined;

function matches(record: StepRecord, query: StepQuery, procedureKeyOf: ProcedureKeyOf): boolean {
  if (query.dossierId !== undefined && record.dossierId !== query.dossierId) return false;
  if (query.status && !query.status.includes(record.status)) return false;
  if (query.agencyId !== undefined && record.agencyId !== query.agencyId) return false;
  if (query.departmentId !== undefined && record.departmentId !== query.departmentId) return false;
  if (query.assigneeId !== undefined && record.assigneeId !== query.assigneeId) return false;
  if (query.elementId !== undefined && record.elementId !== query.elementId) return false;
  if (query.procedureKey !== undefined && procedureKeyOf(record.dossierId) !== query.procedureKey) return false;
  return true;
}

/** Oldest first (startedAt, then id): the order steps were activated in. */
function oldestFirst(a: StepRecord, b: StepRecord): number {
  return a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export class MemoryStepStore implements StepStore {
  constructor(
    private readonly procedureKeyOf: ProcedureKeyOf,
    private readonly byId = new Map<string, StepRecord>(),
    private readonly undo?: UndoLog,
  ) {}

  withUndo(undo: UndoLog): MemoryStepStore {
    return new MemoryStepStore(this.procedureKeyOf, this.byId, undo);
  }

  async create(record: Omit<StepRecord, 'rev'>): Promise<StepRecord> {
    if (this.byId.has(record.id)) throw new DuplicateKey('steps', record.id);
    const stored: StepRecord = { ...structuredClone(record), rev: 0 };
    this.put(stored);
    return structuredClone(stored);
  }

  async get(id: string): Promise<StepRecord | undefined> {
    const found = this.byId.get(id);
    return found && structuredClone(found);
  }

  async update(record: StepRecord): Promise<StepRecord> {
    const current = this.byId.get(record.id);
    if (!current || current.rev !== record.rev) throw new ConcurrencyConflict('steps', record.id, record.rev);
    const stored: StepRecord = { ...structuredClone(record), rev: record.rev + 1 };
    this.put(stored);
    return structuredClone(stored);
  }

  async list(query: StepQuery, page: { offset: number; limit: number }): Promise<Page<StepRecord>> {
    const found = [...this.byId.values()].filter((record) => matches(record, query, this.procedureKeyOf)).sort(oldestFirst);
    const result = paginate(found, page);
    return { items: result.items.map((record) => structuredClone(record)), total: result.total };
  }

  private put(record: StepRecord): void {
    const previous = this.byId.get(record.id);
    this.byId.set(record.id, record);
    this.undo?.record(() => (previous ? this.byId.set(record.id, previous) : this.byId.delete(record.id)));
  }
}
