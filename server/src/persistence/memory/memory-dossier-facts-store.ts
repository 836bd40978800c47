/** @module MemoryDossierFactsStore — the dashboard's read model in a Map, for tests and the benchmark. */
import type { DossierFactsRecord } from '../../statistics/dossier-facts-record';
import type { DossierFactsPage, DossierFactsQuery, DossierFactsStore, RollupQuery } from '../../statistics/dossier-facts-store';
import { addNested, ROLLUP_FORMAT, rollupId, rollupIncrements, type RollupDocument } from '../../statistics/dossier-rollup';
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
    private readonly rollupById = new Map<string, RollupDocument>(),
  ) {}

  within(unit: UnitOfWork): MemoryDossierFactsStore {
    const undo = undoOf(unit);
    return undo ? new MemoryDossierFactsStore(this.byId, undo, this.rollupById) : this;
  }

  async put(record: DossierFactsRecord): Promise<void> {
    const current = this.byId.get(record.dossierId);
    if (current && current.dossierRev > record.dossierRev) return;
    this.byId.set(record.dossierId, Object.freeze(structuredClone(record)));
    this.undo?.record(() => (current ? this.byId.set(record.dossierId, current) : this.byId.delete(record.dossierId)));
    await this.addRollups(rollupIncrements(current, record));
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
      if (query.endedWithin && (record.endAt === undefined || record.endAt < query.endedWithin.from || record.endAt > query.endedWithin.to)) continue;
      if (query.openAt !== undefined) {
        const startAt = record.receivedAt ?? record.submittedAt;
        if (startAt === undefined || startAt > query.openAt || (record.endAt !== undefined && record.endAt <= query.openAt)) continue;
        if (query.pastAppointment && !((record.appointmentAt ?? Number.POSITIVE_INFINITY) < query.openAt || record.supplements.length > 1)) continue;
      }
      if (agencies && !record.agencyIds.some((id) => agencies.has(id))) continue;
      found.push(record);
    }
    if (!query.page) return found;
    const latestFirst = found.sort((a, b) => (b.endAt ?? 0) - (a.endAt ?? 0) || (a.dossierId < b.dossierId ? 1 : a.dossierId > b.dossierId ? -1 : 0));
    return latestFirst.slice(query.page.offset, query.page.offset + query.page.limit);
  }

  async changedSince(at: number): Promise<readonly DossierFactsRecord[]> {
    return [...this.byId.values()].filter((record) => record.updatedAt > at);
  }

  async rollups(query: RollupQuery): Promise<readonly RollupDocument[]> {
    const found: RollupDocument[] = [];
    for (const document of this.rollupById.values()) {
      if (!query.ranges.some((range) => document.bucket >= range.from && document.bucket <= range.to)) continue;
      if (query.procedureKey !== undefined && document.procedureKey !== query.procedureKey) continue;
      if (query.agencyIds && !document.agencyIds.some((id) => query.agencyIds!.includes(id))) continue;
      if (query.departmentId !== undefined && !document.departmentIds.includes(query.departmentId)) continue;
      found.push(query.read === 'format' ? { ...document, format: ROLLUP_FORMAT } : document);
    }
    return found;
  }

  async page(page: DossierFactsPage): Promise<readonly DossierFactsRecord[]> {
    const ids = [...this.byId.keys()].filter((id) => page.afterId === undefined || id > page.afterId).sort();
    return ids.slice(0, page.limit).map((id) => this.byId.get(id)!);
  }

  async clearRollups(): Promise<void> {
    const before = new Map(this.rollupById);
    this.rollupById.clear();
    this.undo?.record(() => before.forEach((document, id) => this.rollupById.set(id, document)));
  }

  async addRollups(increments: readonly RollupDocument[]): Promise<void> {
    for (const increment of increments) {
      const id = rollupId(increment.bucket, increment);
      const current = this.rollupById.get(id);
      const next = structuredClone(current ?? { ...increment, counts: {}, crossings: {}, series: {}, delays: {} });
      addNested(next, increment);
      this.rollupById.set(id, next);
      this.undo?.record(() => (current ? this.rollupById.set(id, current) : this.rollupById.delete(id)));
    }
  }
}
