/** @module MemoryStepStore — steps (bước xử lý) kept in a Map, for unit tests and benchmarks. */
import { ConcurrencyConflict, DuplicateKey, type DossierRecord, type Page, type StepPhase, type StepQuery, type StepRecord, type StepStore, type UrgencyPage } from '../../stores';
import { foldSearchText } from '../../dossiers/fold-search-text';
import { compareWithinPhase, phaseOf, PHASES_BY_URGENCY } from '../step-urgency';
import { paginate } from './paginate';
import type { UndoLog } from './undo-log';
import { firstFound, pagedBy, type NationalReads } from './province-partitioned';

/** What the filters read of a step's dossier; steps are filtered by it without carrying it themselves. */
export type DossierFactsOf = (dossierId: string) => { procedureKey: string; dossierCode: string; applicantName: string } | undefined;

function matches(record: StepRecord, query: StepQuery, factsOf: DossierFactsOf): boolean {
  if (query.dossierId !== undefined && record.dossierId !== query.dossierId) return false;
  if (query.status && !query.status.includes(record.status)) return false;
  if (query.agencyId !== undefined && record.agencyId !== query.agencyId) return false;
  if (query.departmentId !== undefined && record.departmentId !== (query.departmentId ?? undefined)) return false;
  if (query.assigneeId !== undefined && record.assigneeId !== query.assigneeId) return false;
  if (query.claimed !== undefined && (record.assigneeId !== undefined) !== query.claimed) return false;
  if (query.elementId !== undefined && record.elementId !== query.elementId) return false;
  if (query.procedureKey !== undefined && factsOf(record.dossierId)?.procedureKey !== query.procedureKey) return false;
  if (query.search !== undefined) {
    const facts = factsOf(record.dossierId);
    if (!facts || !(foldSearchText(facts.dossierCode).startsWith(query.search) || foldSearchText(facts.applicantName).includes(query.search))) return false;
  }
  return true;
}

/** Oldest first (startedAt, then id): the order steps were activated in. */
function oldestFirst(a: StepRecord, b: StepRecord): number {
  return a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export class MemoryStepStore implements StepStore {
  /** How each read is answered in a national scope; every other method writes (province-partitioned.ts). */
  static readonly nationalReads: NationalReads<MemoryStepStore> = {
    get: firstFound,
    list: pagedBy(1, () => oldestFirst),
    listByUrgency: pagedBy(2, (args) => {
      const { now } = args[1] as { now: number };
      const rank = (record: StepRecord) => PHASES_BY_URGENCY.indexOf(phaseOf(record, now));
      return (a: StepRecord, b: StepRecord) => rank(a) - rank(b) || compareWithinPhase(a, b);
    }),
  };

  constructor(
    private readonly factsOf: DossierFactsOf,
    private readonly byId = new Map<string, StepRecord>(),
    private readonly undo?: UndoLog,
  ) {}

  withUndo(undo: UndoLog): MemoryStepStore {
    return new MemoryStepStore(this.factsOf, this.byId, undo);
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

  async writeMany(_dossier: DossierRecord, created: readonly Omit<StepRecord, 'rev'>[], changed: readonly StepRecord[]): Promise<void> {
    for (const record of created) await this.create(record);
    for (const record of changed) await this.update(record);
  }

  async list(query: StepQuery, page: { offset: number; limit: number }): Promise<Page<StepRecord>> {
    const found = [...this.byId.values()].filter((record) => matches(record, query, this.factsOf)).sort(oldestFirst);
    const result = paginate(found, page);
    return { items: result.items.map((record) => structuredClone(record)), total: result.total };
  }

  async listByUrgency(query: StepQuery, at: { now: number; phases?: StepPhase[] }, page: { offset: number; limit: number }): Promise<UrgencyPage> {
    const phases = Object.fromEntries(PHASES_BY_URGENCY.map((phase) => [phase, 0])) as Record<StepPhase, number>;
    const ranked: { record: StepRecord; rank: number }[] = [];
    for (const record of this.byId.values()) {
      if (!matches(record, query, this.factsOf)) continue;
      const phase = phaseOf(record, at.now);
      phases[phase] += 1;
      if (!at.phases || at.phases.includes(phase)) ranked.push({ record, rank: PHASES_BY_URGENCY.indexOf(phase) });
    }
    ranked.sort((a, b) => a.rank - b.rank || compareWithinPhase(a.record, b.record));
    const result = paginate(ranked, page);
    return { items: result.items.map(({ record }) => structuredClone(record)), total: result.total, phases };
  }

  private put(record: StepRecord): void {
    const previous = this.byId.get(record.id);
    this.byId.set(record.id, record);
    this.undo?.record(() => (previous ? this.byId.set(record.id, previous) : this.byId.delete(record.id)));
  }
}
