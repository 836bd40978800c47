/**
 * @module dossierFactsNationalReads — how the dashboard's read model in memory (`MemoryDossierFactsStore`) answers a
 * national supervisor, who reads every province (province-partitioned.ts): each province's facts and rollups, merged.
 * Rollups of the same bucket and key in two provinces stay two documents, as in MongoDB; the figures add them up.
 */
import type { DossierFactsRecord } from '../../statistics/dossier-facts-record';
import type { MemoryDossierFactsStore } from './memory-dossier-facts-store';
import { firstFound, type NationalRead, type NationalReads } from './province-partitioned';

const merged: NationalRead = { combine: (answers) => (answers as DossierFactsRecord[][]).flat() };

type Page = { offset: number; limit: number };

/** The dossiers that ended last first, as one province's `list` pages them. */
const latestFirst = (a: DossierFactsRecord, b: DossierFactsRecord): number =>
  (b.endAt ?? 0) - (a.endAt ?? 0) || (a.dossierId < b.dossierId ? 1 : a.dossierId > b.dossierId ? -1 : 0);

export const dossierFactsNationalReads: NationalReads<MemoryDossierFactsStore> = {
  get: firstFound,
  // A paged list asks each province for its first offset + limit, then pages the merged list.
  list: {
    ask: ([query]) => {
      const page = (query as { page?: Page }).page;
      return [page ? { ...(query as object), page: { offset: 0, limit: page.offset + page.limit } } : query];
    },
    combine: (answers, [query]) => {
      const page = (query as { page?: Page }).page;
      const all = (answers as DossierFactsRecord[][]).flat();
      return page ? all.sort(latestFirst).slice(page.offset, page.offset + page.limit) : all;
    },
  },
  changedSince: merged,
  rollups: merged,
  // By dossier id after `afterId`: each province's first `limit`, merged, then the first `limit` of all.
  page: {
    combine: (answers, [page]) =>
      (answers as DossierFactsRecord[][])
        .flat()
        .sort((a, b) => (a.dossierId < b.dossierId ? -1 : a.dossierId > b.dossierId ? 1 : 0))
        .slice(0, (page as { limit: number }).limit),
  },
};
