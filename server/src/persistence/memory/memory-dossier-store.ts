/** @module MemoryDossierStore — dossiers and daily sequences kept in Maps, for unit tests and benchmarks. */
import { ConcurrencyConflict, DuplicateKey, type DossierQuery, type DossierRecord, type DossierStore, type DossierSummary, type Page } from '../../stores';
import { paginate } from './paginate';
import type { UndoLog } from './undo-log';
import { firstFound, pagedBy, type NationalReads } from './province-partitioned';

export interface MemoryDossierState {
  byId: Map<string, DossierRecord>;
  idByCode: Map<string, string>;
  sequences: Map<string, number>;
  /** `<sequence>#<holder>` → the number that holder was given. */
  reservations: Map<string, number>;
}

function matches(record: DossierRecord, query: DossierQuery): boolean {
  if (query.ids && !query.ids.includes(record.id)) return false;
  if (query.status && !query.status.includes(record.status)) return false;
  if (query.procedureKey !== undefined && record.procedureKey !== query.procedureKey) return false;
  if (query.agencyId !== undefined && record.agencyId !== query.agencyId) return false;
  if (query.applicantIdNumber !== undefined && record.applicant.idNumber !== query.applicantIdNumber) return false;
  // receivedFrom is inclusive, receivedTo exclusive: a day is [start of day, start of next day).
  if (query.receivedFrom !== undefined && !(record.receivedAt !== undefined && record.receivedAt >= query.receivedFrom)) return false;
  if (query.receivedTo !== undefined && !(record.receivedAt !== undefined && record.receivedAt < query.receivedTo)) return false;
  return true;
}

/** Newest first (createdAt, then id), the order an officer's inbox shows. */
function newestFirst(a: Pick<DossierRecord, 'createdAt' | 'id'>, b: Pick<DossierRecord, 'createdAt' | 'id'>): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

export class MemoryDossierStore implements DossierStore {
  /** How each read is answered in a national scope; every other method writes (province-partitioned.ts). */
  static readonly nationalReads: NationalReads<MemoryDossierStore> = {
    get: firstFound,
    getByCode: firstFound,
    factsOf: firstFound,
    list: pagedBy(1, () => newestFirst),
    listSummaries: pagedBy(1, () => newestFirst),
  };

  constructor(
    private readonly state: MemoryDossierState = { byId: new Map(), idByCode: new Map(), sequences: new Map(), reservations: new Map() },
    private readonly undo?: UndoLog,
  ) {}

  withUndo(undo: UndoLog): MemoryDossierStore {
    return new MemoryDossierStore(this.state, undo);
  }

  async create(record: Omit<DossierRecord, 'rev'>): Promise<DossierRecord> {
    const { byId, idByCode } = this.state;
    if (byId.has(record.id)) throw new DuplicateKey('dossiers', record.id);
    if (idByCode.has(record.dossierCode)) throw new DuplicateKey('dossiers', record.dossierCode);
    const stored: DossierRecord = { ...structuredClone(record), rev: 0 };
    this.put(stored);
    return structuredClone(stored);
  }

  async get(id: string): Promise<DossierRecord | undefined> {
    const found = this.state.byId.get(id);
    return found && structuredClone(found);
  }

  async getByCode(dossierCode: string): Promise<DossierRecord | undefined> {
    const id = this.state.idByCode.get(dossierCode);
    return id === undefined ? undefined : this.get(id);
  }

  async update(record: DossierRecord): Promise<DossierRecord> {
    const current = this.state.byId.get(record.id);
    if (!current || current.rev !== record.rev) throw new ConcurrencyConflict('dossiers', record.id, record.rev);
    const ownerOfCode = this.state.idByCode.get(record.dossierCode);
    if (ownerOfCode !== undefined && ownerOfCode !== record.id) throw new DuplicateKey('dossiers', record.dossierCode);
    const stored: DossierRecord = { ...structuredClone(record), rev: record.rev + 1 };
    this.put(stored);
    return structuredClone(stored);
  }

  async list(query: DossierQuery, page: { offset: number; limit: number }): Promise<Page<DossierRecord>> {
    const found = [...this.state.byId.values()].filter((record) => matches(record, query)).sort(newestFirst);
    const result = paginate(found, page);
    return { items: result.items.map((record) => structuredClone(record)), total: result.total };
  }

  async listSummaries(query: DossierQuery, page: { offset: number; limit: number }): Promise<Page<DossierSummary>> {
    const found = [...this.state.byId.values()].filter((record) => matches(record, query)).sort(newestFirst);
    const result = paginate(found, page);
    return { items: result.items.map(({ form: _form, instance: _instance, ...summary }) => structuredClone(summary)), total: result.total };
  }

  /** The procedure key of a stored dossier, read synchronously (the step store filters by it). */
  /** What a step's filters read of its dossier (the step store asks; a step does not carry them). */
  factsOf(id: string): { procedureKey: string; dossierCode: string; applicantName: string } | undefined {
    const dossier = this.state.byId.get(id);
    return dossier && { procedureKey: dossier.procedureKey, dossierCode: dossier.dossierCode, applicantName: dossier.applicant.name };
  }

  async nextSequence(name: string, holder: string): Promise<number> {
    // Read and write in one synchronous step: no await in between, so no two callers get the same number. Never
    // undone with a unit of work, as the port says: the number is committed when it is handed out.
    const { sequences, reservations } = this.state;
    const reservation = `${name}#${holder}`;
    const reserved = reservations.get(reservation);
    if (reserved !== undefined) return reserved;
    const next = (sequences.get(name) ?? 0) + 1;
    sequences.set(name, next);
    reservations.set(reservation, next);
    return next;
  }

  /** Stores `record` (replacing any earlier version) and records how to restore what was there. */
  private put(record: DossierRecord): void {
    const previous = this.state.byId.get(record.id);
    this.write(record.id, previous, record);
    this.undo?.record(() => this.write(record.id, record, previous));
  }

  private write(id: string, from: DossierRecord | undefined, to: DossierRecord | undefined): void {
    if (from) this.state.idByCode.delete(from.dossierCode);
    if (to) {
      this.state.byId.set(id, to);
      this.state.idByCode.set(to.dossierCode, id);
    } else {
      this.state.byId.delete(id);
    }
  }
}
