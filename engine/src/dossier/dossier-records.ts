/**
 * @module dossier-records — the dossier as the engine decides on it and the server stores it: the dossier record
 * (process instance snapshot, lifecycle snapshot and what forms 01–05 print, in `state`), its steps with their clocks,
 * and what a decision leaves to be written with it (timers, progress lines, audit entries, outbox messages). Plain
 * JSON values: the server's stores (server/src/stores.ts) keep them as they are.
 */
import type { DossierStatus, ReceiptChannel } from '../ports';
import type { ProgressRecord } from '../lifecycle/progress-record';

/** An agency, or a department inside it (who may read a dossier: every unit its route reached). */
export interface Unit {
  agencyId: string;
  departmentId?: string;
}

/** Fields every mutable record carries: `rev` grows by one on each update (optimistic concurrency). */
export interface Revisioned {
  id: string;
  rev: number;
}

/**
 * A dossier submitted on the National Public Service Portal (Cổng Dịch vụ công quốc gia): the portal's dossier code,
 * which both sides quote in every later message, when the citizen submitted it there, and the SHA-256 of the
 * submission as received, so that a re-send is told from a different dossier under the same code.
 */
export interface NationalPortalLink {
  dossierCode: string;
  submittedAt?: number;
  submissionSha256: string;
}

/** One application by one applicant, running one procedure version; holds the process instance snapshot. */
export interface DossierRecord extends Revisioned {
  dossierCode: string;
  procedureKey: string;
  procedureVersion: number;
  /** The agency that received the dossier (its id prefixes the dossier code). */
  agencyId: string;
  status: DossierStatus;
  channel: ReceiptChannel;
  applicant: { name: string; idNumber: string; phone?: string; email?: string; address?: string };
  form: Record<string, unknown>;
  submittedAt?: number;
  receivedAt?: number;
  appointmentAt?: number;
  finishedAt?: number;
  returnedAt?: number;
  /** Present when the dossier was submitted on the National Public Service Portal (its own code, kept for the sync). */
  nationalPortal?: NationalPortalLink;
  /** Persisted xstate snapshot of the process instance (plain JSON). */
  instance?: unknown;
  /** Anything else the lifecycles need to keep (dossier clock, supplement count, re-appointments …). */
  state: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
  /**
   * Set when the retention period of a closed dossier ended (issue 18 item 6): its personal data and attachments were
   * archived or purged, its facts (status, dates, clocks) kept for the statistics. Absent while the data is kept.
   */
  retention?: DossierRetention;
}

/** What the end of a closed dossier's retention period did to it; the server writes it, nothing decides on it. */
export interface DossierRetention {
  expiredAt: number;
  mode: 'archive' | 'purge';
  /** The period that applied, in years, and from which instant it counted (the dossier's closing change). */
  periodYears: number;
  closedAt: number;
  /** Archive mode: the bundle of the personal data and attachments in the archive store, with its SHA-256. */
  archive?: { id: string; sha256: string; size: number };
  /**
   * The normalised applicant ID number, hashed, so the citizen's lookup can still say what became of the dossier:
   * HMAC-SHA-256 under the server's retention key (`idNumberDigestAlgorithm` 'hmac-sha256'), or, for a dossier expired
   * before the key existed (no algorithm named), plain SHA-256.
   */
  idNumberDigest: string;
  idNumberDigestAlgorithm?: 'hmac-sha256';
  /** False until every attachment is removed (a run interrupted between the two goes on from there). */
  attachmentsRemoved: boolean;
  attachmentCount: number;
  attachmentBytes: number;
}

export type StepStatus = 'open' | 'completed' | 'cancelled';

/** One step (bước xử lý) of a dossier: an activated user task or other wait, with its clock. */
export interface StepRecord extends Revisioned {
  dossierId: string;
  /** Step instance id in the process instance (what `task.completed` names). */
  stepId: string;
  elementId: string;
  name: string;
  kind: string;
  agencyId?: string;
  departmentId?: string;
  assigneeId?: string;
  status: StepStatus;
  startedAt: number;
  /**
   * When an official first claimed the step from the unit's inbox: opened → claimed is the wait for an official,
   * claimed → completed the work (issue 19). Absent when nobody claimed it (completed straight away, or older history).
   */
  claimedAt?: number;
  dueAt?: number;
  /** When the step becomes nearly due (kept beside `dueAt` from the clock): the inbox filters and ranks by it. */
  nearlyDueAt?: number;
  /** Start of the clock's open pause (the citizen supplements, fees): a paused step is neither nearly due nor overdue. */
  pausedAt?: number;
  completedAt?: number;
  /** Persisted step clock snapshot and classification (lifecycle data). */
  clock?: unknown;
  outcome?: string;
}

export type TimerStatus = 'scheduled' | 'fired' | 'cancelled';

/** A persisted "wake me at dueAt": BPMN timers, nearly-due warnings, overdue marks, escalation rungs, supplement windows. */
export interface TimerRecord {
  /** Deterministic id (e.g. `<dossierId>:<stepId>:overdue`) so scheduling twice is harmless. */
  id: string;
  kind: string;
  dossierId: string;
  stepId?: string;
  dueAt: number;
  payload: Record<string, unknown>;
  status: TimerStatus;
  leaseOwner?: string;
  leaseUntil?: number;
  firedAt?: number;
}

export interface AuditRecord {
  id: string;
  dossierId?: string;
  at: number;
  actorId: string;
  action: string;
  stepId?: string;
  details: Record<string, unknown>;
}

/**
 * One line of a dossier's progress (tiến trình) as stored: append-only, numbered per dossier. The fields are those
 * the National Public Service Portal sync carries (DOMAIN.md "A progress record carries …").
 */
export interface ProgressEntry extends ProgressRecord {
  /** `<dossierId>:<seq>`: writing the same entry twice is refused as a DuplicateKey. */
  id: string;
  /** 1, 2, 3 … per dossier, assigned by the writer inside the dossier's unit of work. */
  seq: number;
}

/** What happened, as the outbox keeps it. `payload` is plain JSON in the shape its kind defines. */
export type OutboxKind =
  | 'dossier.status_changed'
  | 'dossier.progress_recorded'
  | 'notification.official'
  | 'notification.citizen';

export interface OutboxEntry {
  /** Unique and deterministic (e.g. `<dossierId>:<seq>`), so writing the same entry twice is harmless. */
  id: string;
  dossierId: string;
  /** Order within the dossier: 1, 2, 3 … assigned by the writer inside the dossier's unit of work. */
  seq: number;
  kind: OutboxKind;
  payload: Record<string, unknown>;
  createdAt: number;
}

/** A document handed in with the dossier (form 01 "documents received"). */
export interface ReceivedDocument {
  name: string;
  copyType: 'original' | 'certifiedCopy' | 'copy' | 'electronic';
  quantity: number;
  /** The procedure's component (`RequiredComponent.id`) the counter ticked, when it came from the checklist. */
  componentId?: string;
}

/** Form 02: asked once, in writing, listing every missing component (Circular 01/2018/TT-VPCP). */
export interface SupplementRequestRecord {
  number: number;
  at: number;
  actorId: string;
  stepId?: string;
  missingComponents: { name: string; detail?: string }[];
  reason: string;
  contactOfficial: { name: string; unit?: string; phone?: string; email?: string };
  receivedAt?: number;
}

export interface DossierNote {
  at: number;
  actorId: string;
  action: string;
  reason?: string;
  amount?: number;
}

export interface IncidentNote {
  at: number;
  incidentId: string;
  elementId: string;
  code: string;
  message: string;
  resolved?: boolean;
}

export interface DossierStateRecord {
  lifecycle: unknown;
  outboxSeq: number;
  progressSeq: number;
  auditSeq: number;
  /** Every unit the route has reached: who may read the dossier (access policy `routedTo`). */
  routedTo: Unit[];
  documents: ReceivedDocument[];
  receivingOfficial?: { id: string; name: string };
  /** Where the applicant wants the result (form 01); at the counter when absent. */
  resultDelivery?: 'counter' | 'post' | 'online';
  supplementRequests: SupplementRequestRecord[];
  refusal?: DossierNote;
  stop?: DossierNote;
  withdrawal?: DossierNote;
  fees: DossierNote[];
  incidents: IncidentNote[];
  /** The last `decision` a step was completed with (routes the end of the process: reject → status 8). */
  lastDecision?: string;
}

export function emptyDossierState(lifecycle: unknown): DossierStateRecord {
  return { lifecycle, outboxSeq: 0, progressSeq: 0, auditSeq: 0, routedTo: [], documents: [], supplementRequests: [], fees: [], incidents: [] };
}

/** The typed view of a stored record's `state`. */
export function dossierStateOf(record: { state: Record<string, unknown> }): DossierStateRecord {
  return record.state as unknown as DossierStateRecord;
}
