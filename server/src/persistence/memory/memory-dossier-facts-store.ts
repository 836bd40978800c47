/** @module MemoryDossierFactsStore — the dashboard's read model in a Map, for tests and the benchmark. */
import type { DossierFactsRecord } from '../../statistics/dossier-facts-record';
import type { DossierFactsQuery, DossierFactsStore } from '../../statistics/dossier-facts-store';
import type { UnitOfWork } from '../../unit-of-work';
import { undoOf } from './memory-unit-of-work';
import type { UndoLog } from './undo-log';

/**
 * Records are copied in and handed out as stored (frozen): a dashboard query over 100,000 dossiers must not
 * deep-copy them. A scan of the Map is a few milliseconds at that size.
 */
export class MemoryDossierFactsStore implements DossierFactsStore {
  /** @param undo set by `within`: each write's inverse, replayed when the unit of work throws */
  constructor(
    private readonly byId = new Map<string, DossierFactsRecord>(),
    private readonly undo?: UndoLog,
  ) {}

  within(unit: UnitOfWork): MemoryDossierFactsStore {
    const undo = undoOf(unit);
    return undo ? new MemoryDossierFactsStore(this.byId, undo) : this;
  }

  async put(record: DossierFactsRecord): Promise<void> {
    const current = this.byId.get(record.dossierId);
    if (current && current.dossierRev > record.dossierRev) return;
    this.byId.set(record.dossierId, Object.freeze(structuredClone(record)));
    this.undo?.record(() => (current ? this.byId.set(record.dossierId, current) : this.byId.delete(record.dossierId)));
  }

  async putMany(records: readonly DossierFactsRecord[]): Promise<void> {
    for (const record of records) await this.put(record);
  }

  async get(dossierId: string): Promise<DossierFactsRecord | undefined> {
    return this.byId.get(dossierId);
  }

  async list(query: DossierFactsQuery): Promise<readonly DossierFactsRecord[]> {
    const agencies = query.agencyIds ? new Set(query.agencyIds) : undefined;
    const found: DossierFactsRecord[] = [];
    for (const record of this.byId.values()) {
      if (query.procedureKey !== undefined && record.procedureKey !== query.procedureKey) continue;
      if (query.procedureVersion !== undefined && record.procedureVersion !== query.procedureVersion) continue;
      if (query.withOpenSteps && record.openElements.length === 0) continue;
      if (query.withIncidents && (record.incidents ?? []).length === 0) continue;
      if (query.startedTo !== undefined) {
        const startAt = record.receivedAt ?? record.submittedAt;
        if (startAt === undefined || startAt > query.startedTo) continue;
      }
      if (query.endedFrom !== undefined && record.endAt !== undefined && record.endAt < query.endedFrom) continue;
      if (agencies && !record.agencyIds.some((id) => agencies.has(id))) continue;
      found.push(record);
    }
    return found;
  }

  async changedSince(at: number): Promise<readonly DossierFactsRecord[]> {
    return [...this.byId.values()].filter((record) => record.updatedAt > at);
  }
}
