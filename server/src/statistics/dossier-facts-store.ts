/**
 * @module dossier-facts-store — the port of the dashboard's read model: one `DossierFactsRecord` per dossier,
 * replaced whole on every dossier change, queried by period, scope and open step. Adapters:
 * `persistence/memory/memory-dossier-facts-store.ts` and `persistence/mongo/mongo-dossier-facts-store.ts`.
 */
import type { DossierFactsRecord } from './dossier-facts-record';
import type { JoinsUnitOfWork } from '../unit-of-work';
import type { RollupDocument } from './dossier-rollup';

/** Which facts a dashboard query reads. Every field narrows; absent fields do not. */
export interface DossierFactsQuery {
  /** Dossiers that started (receipt, or submission when refused at intake) on or before this instant … */
  startedTo?: number;
  /** … and had not ended before this instant (open ones always qualify). */
  endedFrom?: number;
  procedureKey?: string;
  procedureVersion?: number;
  /** Dossiers whose route reached any of these agencies. */
  agencyIds?: readonly string[];
  /** Only dossiers with an open step (the heatmap and the step lists). */
  withOpenSteps?: boolean;
  /** Only dossiers that raised an incident (the analyst's incident list). */
  withIncidents?: boolean;
  /** Dossiers open at this instant: started by it and not ended by it (the drill-down to those in process at a period's end). */
  openAt?: number;
  /** With `openAt`: only those past their appointment then, or with a second supplement request (that may be overdue). */
  pastAppointment?: boolean;
  /** Dossiers that ended in this range (the drill-down to the finished ones, a page at a time). */
  endedWithin?: { from: number; to: number };
  /** With `endedWithin`: the latest ended first, `offset` skipped, at most `limit` (an indexed page). */
  page?: { offset: number; limit: number };
  /** Leave out the step history (`steps` may then be empty; `openSteps` is always there): lighter to read. */
  withoutHistory?: boolean;
}

/** Bucket names from `from` to `to` inclusive (`d2025-03-01`…, `m2025-03`…, `all`; they sort as their dates). */
export interface BucketRange {
  from: string;
  to: string;
}

/** Which rollup documents a figure reads: its buckets, narrowed as the scope is. */
export interface RollupQuery {
  ranges: readonly BucketRange[];
  procedureKey?: string;
  /** Documents whose route reached any of these agencies. */
  agencyIds?: readonly string[];
  departmentId?: string;
  /**
   * Which counters to read: the documents' own (default), the trend's `series`, the `delays` per agency, or all; or
   * only each document's stored form (`format`, to decide a rebuild).
   */
  read?: 'counts' | 'series' | 'delays' | 'all' | 'format';
}

/** Facts read a page at a time, in dossier id order (rebuilding the rollups in bounded batches). */
export interface DossierFactsPage {
  afterId?: string;
  limit: number;
}

/** `within(unit)`: the same store, its writes and reads in the unit of work of the dossier change they record. */
export interface DossierFactsStore extends JoinsUnitOfWork<DossierFactsStore> {
  /**
   * Stores the facts of one dossier, unless newer facts (a higher `dossierRev`) are stored already. `stored`, when
   * given, is what the unit of work read of them (`{ facts: undefined }`: none), so the adapter need not read them
   * again and may hold the write for the unit's batch (`TxStores.writeTogether`).
   */
  put(record: DossierFactsRecord, stored?: { facts: DossierFactsRecord | undefined }): Promise<void>;
  /** Many at once (seeding, rebuilding); same rule per record. */
  putMany(records: readonly DossierFactsRecord[]): Promise<void>;
  get(dossierId: string): Promise<DossierFactsRecord | undefined>;
  /** The matching records; read-only (the memory adapter hands out its own objects for speed). */
  list(query: DossierFactsQuery): Promise<readonly DossierFactsRecord[]>;
  /** Records of dossiers changed after `at` (their `updatedAt`): other server processes' changes, for the event stream's poll. */
  changedSince(at: number): Promise<readonly DossierFactsRecord[]>;
  /**
   * The rollup documents of the query (`dossier-rollup.ts`): `put` and `putMany` keep them, in the same unit of work
   * as the facts, equal to the sum of every stored dossier's contribution.
   */
  rollups(query: RollupQuery): Promise<readonly RollupDocument[]>;
  /** Facts in dossier id order, one page (with their step history: the officials' rollups count it). */
  page(page: DossierFactsPage): Promise<readonly DossierFactsRecord[]>;
  /** Empties the rollups (before `rebuildRollups` adds every dossier's contribution again). */
  clearRollups(): Promise<void>;
  /** Adds increments computed elsewhere (rebuilding; the benchmark's seeding). */
  addRollups(increments: readonly RollupDocument[]): Promise<void>;
}
