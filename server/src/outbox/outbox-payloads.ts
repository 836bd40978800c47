/**
 * @module outbox-payloads — the payload of each outbox kind: one definition that the writer (the dossier core's
 * `DossierChange`, inside each change's unit of work) and the consumers (national portal, webhooks, e-mail,
 * SMS/Zalo gateway) share. Payloads are plain JSON (instants as epoch milliseconds); consumers convert at their edge.
 * The shapes follow what `DossierChange` writes; fields marked optional may be added by the writer to spare the
 * consumers a look-up at delivery time.
 */
import type { DossierStatus, ProgressRecord, ReceiptChannel } from '../../../engine/src/index';
import type { OutboxEntry, OutboxKind } from './outbox-store';

/** One dossier component (thành phần hồ sơ) and its attachments, each with the SHA-256 the portal sync carries. */
export type DossierComponentPayload = {
  code?: string;
  name: string;
  attachments: { id: string; filename: string; contentType: string; size: number; sha256: string }[];
};

/** Fees and charges (phí, lệ phí) and whether they are paid (status 6 waits for them). */
export type DossierFeesPayload = {
  /** In đồng. */
  amount: number;
  paid: boolean;
  paidAt?: number;
  description?: string;
};

/** The dossier as the portal sync needs it (DOMAIN.md "The portal sync also carries …"). */
export type DossierSyncPayload = {
  dossierId: string;
  dossierCode: string;
  /** National procedure code (mã TTHC), e.g. `1.009664`. */
  procedureCode?: string;
  procedureName?: string;
  /** The receiving agency. */
  agencyId: string;
  channel: ReceiptChannel;
  status: DossierStatus;
  applicantIdNumber: string;
  applicantName?: string;
  /** The national portal's own code of a dossier submitted there. */
  portalDossierCode?: string;
  submittedAt?: number;
  receivedAt?: number;
  appointmentAt?: number;
  finishedAt?: number;
  returnedAt?: number;
  components?: DossierComponentPayload[];
  fees?: DossierFeesPayload;
};

/**
 * `dossier.progress_recorded`: the stored progress record (DOMAIN.md "A progress record carries …") with its id and
 * place among the dossier's records; names and the dossier's sync fields when the writer adds them.
 */
export type DossierProgressRecordedPayload = ProgressRecord & {
  id: string;
  seq: number;
  dossierCode: string;
  stepName?: string;
  stepAgencyId?: string;
  actorName?: string;
  departmentName?: string;
  dossier?: DossierSyncPayload;
};

/** `dossier.status_changed`: the national status before and after. */
export type DossierStatusChangedPayload = {
  dossierCode: string;
  status: DossierStatus;
  previousStatus: DossierStatus | null;
  at: number;
  dossier?: DossierSyncPayload;
};

/**
 * Officials are told about a step reaching their unit (`step.activated`, `step.reassigned`), a step or dossier
 * nearly due, overdue or escalated (`step.nearly_due`, `step.overdue`, `step.escalated`, `dossier.*` alike).
 */
export type OfficialNotificationEvent =
  | 'step.activated'
  | 'step.reassigned'
  | 'step.nearly_due'
  | 'step.overdue'
  | 'step.escalated'
  | 'dossier.nearly_due'
  | 'dossier.overdue'
  | 'dossier.escalated';

export type OfficialNotificationPayload = {
  event: OfficialNotificationEvent | (string & {});
  dossierCode: string;
  at?: number;
  procedureName?: string;
  stepId?: string;
  stepName?: string;
  agencyId?: string;
  departmentId?: string;
  assigneeId?: string;
  dueAt?: number;
  /** Escalations: the rung and who it goes to (the unit's head, a supervisor). */
  rung?: number;
  target?: 'official' | 'headOfUnit' | 'supervisor';
  reassign?: boolean;
  /** Explicit recipients by user id; without them the unit (assignee, department, agency) is told. */
  recipients?: { userId: string }[];
};

/** Citizens are told that their dossier was received, refused, needs a supplement, has a new appointment, a result … */
export type CitizenNotificationEvent =
  | 'dossier.received'
  | 'dossier.refused'
  | 'supplement.requested'
  | 'supplement.window_closing'
  | 'processing.stopped'
  | 'result.ready'
  | 'dossier.reappointed';

export type CitizenNotificationPayload = {
  event: CitizenNotificationEvent | (string & {});
  dossierCode: string;
  applicant: { name: string; phone?: string; email?: string };
  status?: DossierStatus;
  procedureName?: string;
  agencyName?: string;
  appointmentAt?: number;
  newAppointmentAt?: number;
  windowDueAt?: number;
  reason?: string;
  /** For `supplement.requested`: every missing component, given once (form 02). */
  missing?: string[];
};

/** The payload type of each outbox kind. */
export interface OutboxPayloads {
  'dossier.status_changed': DossierStatusChangedPayload;
  'dossier.progress_recorded': DossierProgressRecordedPayload;
  'notification.official': OfficialNotificationPayload;
  'notification.citizen': CitizenNotificationPayload;
}

/** An outbox entry whose payload is typed by its kind. */
export type TypedOutboxEntry = {
  [K in OutboxKind]: Omit<OutboxEntry, 'kind' | 'payload'> & { kind: K; payload: OutboxPayloads[K] };
}[OutboxKind];

/**
 * Builds an outbox entry with the deterministic id `<dossierId>:<seq>`, so writing it again (a retried unit of
 * work) is harmless.
 *
 * @example
 * await outbox.enqueue([createOutboxEntry({ dossierId, seq: 7, kind: 'notification.citizen', payload, createdAt })]);
 */
export function createOutboxEntry<K extends OutboxKind>(fields: {
  dossierId: string;
  seq: number;
  kind: K;
  payload: OutboxPayloads[K];
  createdAt: number;
}): OutboxEntry {
  return { id: `${fields.dossierId}:${fields.seq}`, ...fields, payload: fields.payload as unknown as Record<string, unknown> };
}

/** The entry with its payload typed by its kind (the writer is trusted: entries are written by our own code). */
export function toTypedOutboxEntry(entry: OutboxEntry): TypedOutboxEntry {
  return entry as unknown as TypedOutboxEntry;
}
