/**
 * @module Stores — the server's persistence ports: what the use cases load and save, implemented by the in-memory
 * adapter (tests and benchmarks) and the mongoose adapter. Every store has one contract suite in tests/contracts/
 * run against every adapter. The engine never sees them: it decides on plain values (engine/src/ports.ts).
 */
import type { AuditRecord, DossierRecord, DossierStatus, ProcedureDefinition, ProgressEntry, StepRecord, StepStatus, TimerRecord } from '../../engine/src/index';
import type { JoinsUnitOfWork, UnitOfWork } from './unit-of-work';

export type { AuditRecord, DossierRecord, ProgressEntry, Revisioned, StepRecord, StepStatus, TimerRecord, TimerStatus } from '../../engine/src/index';

/** Thrown by `update` when the stored revision is not the expected one (optimistic concurrency). */
export class ConcurrencyConflict extends Error {
  constructor(readonly collection: string, readonly id: string, readonly expectedRev: number) {
    super(`${collection} ${id} was changed by someone else (expected revision ${expectedRev})`);
    this.name = 'ConcurrencyConflict';
  }
}

/** Thrown by `create`/`deploy` when a unique key (id, dossier code, procedure version) is taken. */
export class DuplicateKey extends Error {
  constructor(readonly collection: string, readonly key: string) {
    super(`${collection}: ${key} already exists`);
    this.name = 'DuplicateKey';
  }
}

/** One deployed version of a procedure: the XML as drawn, and the plain definition parsed from it. */
export interface ProcedureRecord {
  /** Stable key of the procedure across versions (slug, e.g. `dang-ky-kinh-doanh`). */
  key: string;
  version: number;
  procedureCode?: string;
  name: string;
  xml: string;
  definition: ProcedureDefinition;
  deployedAt: number;
  deployedBy: string;
  /**
   * Set while the procedure is retired ("đã ngừng áp dụng"): it accepts no new dossier; dossiers under way go on.
   * Retirement is a decision on the procedure, not on one version: it is kept on every version of the key, and carried
   * by the reads of a key (`latest`, `listLatest`, `listVersions`), not by `get`, which answers a version as deployed.
   */
  retirement?: ProcedureRetirement;
}

/** Who retired a procedure, when, and why (the decision that abolished or replaced it, in the analyst's words). */
export interface ProcedureRetirement {
  at: number;
  by: string;
  reason: string;
}

export type ProcedureSummary = Omit<ProcedureRecord, 'xml' | 'definition'>;

export interface ProcedureStore {
  /** Stores the next version of `key` (1 for a new key) and returns the stored record. Concurrent deploys get distinct versions. */
  deploy(record: Omit<ProcedureRecord, 'version'>): Promise<ProcedureRecord>;
  get(key: string, version: number): Promise<ProcedureRecord | undefined>;
  latest(key: string): Promise<ProcedureRecord | undefined>;
  /** The latest version of every procedure, by key. */
  listLatest(): Promise<ProcedureSummary[]>;
  /** Every version of one procedure, newest first. */
  listVersions(key: string): Promise<ProcedureSummary[]>;
  /**
   * Retires every version of `key` (a retirement), or restores it (`undefined`); the number of versions changed, 0
   * when no version of `key` is deployed.
   */
  setRetirement(key: string, retirement: ProcedureRetirement | undefined): Promise<number>;
}

/** A dossier without its e-form and process instance: what lists and inboxes read, whatever citizens submitted. */
export type DossierSummary = Omit<DossierRecord, 'form' | 'instance'>;

export interface DossierQuery {
  /** Only these dossiers (an inbox's page of steps names them). */
  ids?: string[];
  status?: DossierStatus[];
  procedureKey?: string;
  agencyId?: string;
  receivedFrom?: number;
  receivedTo?: number;
  /** The applicant's ID number, as stored (a citizen signed in with it lists their dossiers: issue 18). */
  applicantIdNumber?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface DossierStore {
  create(record: Omit<DossierRecord, 'rev'>): Promise<DossierRecord>;
  get(id: string): Promise<DossierRecord | undefined>;
  getByCode(dossierCode: string): Promise<DossierRecord | undefined>;
  /** Writes `record` if the stored revision is `record.rev`; returns it with `rev + 1`, else throws ConcurrencyConflict. */
  update(record: DossierRecord): Promise<DossierRecord>;
  list(query: DossierQuery, page: { offset: number; limit: number }): Promise<Page<DossierRecord>>;
  /** As `list`, without reading `form` and `instance` from the database: a page costs the same whatever was submitted. */
  listSummaries(query: DossierQuery, page: { offset: number; limit: number }): Promise<Page<DossierSummary>>;
  /**
   * Takes the next number of a named daily sequence (`<agency>-yyMMdd`, starting at 1) for `holder` (the dossier id)
   * and commits it at once, outside any unit of work: the day's counter is never held by a transaction, so a process
   * that dies inside a receipt does not stall every other receipt of the agency until the database aborts it
   * (issue 13). The same holder asking again gets the same number: a retried receipt keeps its code, so numbers are
   * lost only by receipts that are never retried.
   */
  nextSequence(name: string, holder: string): Promise<number>;
}

export interface StepQuery {
  dossierId?: string;
  status?: StepStatus[];
  agencyId?: string;
  /** `null`: only steps that name no department (what an official without a department may act on). */
  departmentId?: string | null;
  assigneeId?: string;
  /** true: claimed by somebody; false: waiting in the unit's pool. */
  claimed?: boolean;
  elementId?: string;
  procedureKey?: string;
  /**
   * Folded text (no accents, lower case: `foldSearchText`): the dossier code starts with it, or the applicant's
   * name contains it. The adapters keep both, folded, beside each step.
   */
  search?: string;
}

/** How urgent an open step is at an instant (DOMAIN.md "Early, on time, overdue, nearly due"); `none`: no clock. */
export type StepPhase = 'overdue' | 'nearlyDue' | 'due' | 'paused' | 'none';

/** A page of steps most urgent first, with how many steps of the query are in each phase (whatever the page). */
export interface UrgencyPage extends Page<StepRecord> {
  phases: Record<StepPhase, number>;
}

export interface StepStore {
  create(record: Omit<StepRecord, 'rev'>): Promise<StepRecord>;
  get(id: string): Promise<StepRecord | undefined>;
  update(record: StepRecord): Promise<StepRecord>;
  /**
   * One command's steps of `dossier` (as just written) in one round trip: `create` each of `created` and `update` each
   * of `changed` (revision-checked), with the same errors (DuplicateKey, ConcurrencyConflict). Inside a unit of work an
   * error leaves nothing written once the unit rolls back.
   */
  writeMany(dossier: DossierRecord, created: readonly Omit<StepRecord, 'rev'>[], changed: readonly StepRecord[]): Promise<void>;
  list(query: StepQuery, page: { offset: number; limit: number }): Promise<Page<StepRecord>>;
  /**
   * Steps of `query` ranked at `now`: overdue, nearly due, in time, paused, without a clock; then by due instant,
   * start and id. `phases` narrows the items (and `total`), never the per-phase counts. One bounded query per phase.
   */
  listByUrgency(query: StepQuery, at: { now: number; phases?: StepPhase[] }, page: { offset: number; limit: number }): Promise<UrgencyPage>;
}

/** A timer armed (`schedule`) or cancelled, as a decision writes it. */
export type TimerWrite = { schedule: Omit<TimerRecord, 'status'> } | { cancel: string };

export interface TimerStore {
  /** Creates the timer, or reschedules it (new dueAt, status scheduled) if the id exists and has not fired. */
  schedule(timer: Omit<TimerRecord, 'status'>): Promise<void>;
  cancel(id: string): Promise<void>;
  /** `schedule` or `cancel` each write, in order, in one round trip. */
  writeMany(writes: readonly TimerWrite[]): Promise<void>;
  get(id: string): Promise<TimerRecord | undefined>;
  /**
   * Claims up to `limit` scheduled timers with `dueAt <= now` whose lease is free or expired, leasing them to `owner`
   * until `now + leaseMs`. One indexed query: cost grows with the number due, not the number scheduled.
   */
  claimDue(now: number, owner: string, leaseMs: number, limit: number): Promise<TimerRecord[]>;
  /** Marks a claimed timer fired; false when `owner` no longer holds its lease (someone else took it). */
  markFired(id: string, owner: string, firedAt: number): Promise<boolean>;
  listByDossier(dossierId: string): Promise<TimerRecord[]>;
}

/** Append-only: who did what, when, from which step. */
export interface AuditStore {
  append(record: AuditRecord): Promise<void>;
  /** `append` each record, in order, in one round trip. */
  appendMany(records: readonly AuditRecord[]): Promise<void>;
  listByDossier(dossierId: string): Promise<AuditRecord[]>;
}

/** What an administrative change is about (issue 18 "Audit of administration"). */
export type AdminTargetKind = 'user' | 'agency' | 'calendar' | 'procedure' | 'setting' | 'outboxDelivery';

/**
 * One administrative change as the audit keeps it: who, when, what, on which target, the target before and after
 * (absent before a creation), and the address the request came from. Append-only: the port has no update or delete.
 */
export interface AdminAuditRecord {
  id: string;
  at: number;
  actorId: string;
  /** Dot-namespaced, past tense: `user.created`, `agency.changed`, `calendar.changed`, `procedure.deployed` … */
  action: string;
  target: { kind: AdminTargetKind; id: string };
  before?: unknown;
  after?: unknown;
  /** The client address (the socket's, or the trusted proxy's X-Forwarded-For entry). */
  address: string;
}

export interface AdminAuditQuery {
  actorId?: string;
  action?: string;
  targetKind?: AdminTargetKind;
  targetId?: string;
  /** Instants, inclusive: `from <= at <= to`. */
  from?: number;
  to?: number;
}

/**
 * The audit of administration: insert and read only, so no route can alter or remove a record. An administrative
 * change that writes through a unit of work appends its record in the same unit (`within(tx.unit)`): the change and
 * its record commit together or not at all.
 */
export interface AdminAuditStore extends JoinsUnitOfWork<Pick<AdminAuditStore, 'append'>> {
  /** Throws DuplicateKey for an id already stored (never overwrites). */
  append(record: AdminAuditRecord): Promise<void>;
  /** Records matching every given field, newest first (then by id, descending). */
  list(query: AdminAuditQuery, page: { offset: number; limit: number }): Promise<Page<AdminAuditRecord>>;
}

export interface ProgressStore {
  append(entry: ProgressEntry): Promise<void>;
  /** `append` each entry, in order, in one round trip. */
  appendMany(entries: readonly ProgressEntry[]): Promise<void>;
  /** Every entry of the dossier in `seq` order. */
  listByDossier(dossierId: string): Promise<ProgressEntry[]>;
}

/**
 * One analyst's draft of a procedure, kept on the server so it follows the analyst from browser to browser (issue 16).
 * `id` is chosen by the modeler when the draft is started; `ownerId` is the analyst's user id.
 */
export interface DraftRecord {
  id: string;
  ownerId: string;
  /** The key the draft will be deployed under, when one is typed. */
  key: string;
  name: string;
  xml: string;
  savedAt: number;
}

export type DraftSummary = Omit<DraftRecord, 'xml'>;

export interface DraftStore {
  /** Stores `draft` in place of the one with its id. */
  save(draft: DraftRecord): Promise<void>;
  get(id: string): Promise<DraftRecord | undefined>;
  /** The owner's drafts, the last saved first. */
  listByOwner(ownerId: string): Promise<DraftSummary[]>;
  remove(id: string): Promise<void>;
}

/** The stores inside a unit of work, bound to it, and the unit itself for the stores that join it (`within`). */
export interface TxStores extends Omit<Stores, 'transaction'> {
  unit: UnitOfWork;
  /**
   * Runs `work`, whose writes through these stores and the stores joined to `unit` the adapter may hold and send
   * together when `work` ends (MongoDB: one command for all of them, `unit-write-batch.ts`); their checks (a lost
   * revision, a duplicate key) then throw from here. `work` must not rely on reading what it wrote.
   */
  writeTogether<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * All stores, plus a unit of work: inside `transaction`, writes through the stores it hands to `work`, and through
 * any store joined to its `unit` (`outbox.within(unit)`, `facts.within(unit)`), commit or roll back together.
 */
export interface Stores {
  procedures: ProcedureStore;
  dossiers: DossierStore;
  steps: StepStore;
  timers: TimerStore;
  audit: AuditStore;
  progress: ProgressStore;
  transaction<T>(work: (stores: TxStores) => Promise<T>): Promise<T>;
}
