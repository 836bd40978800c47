/**
 * @module outbox-payloads — the payload of each outbox kind: one definition that the writers (the dossier core,
 * inside each change's unit of work) and the consumers (national portal, webhooks, e-mail, SMS/Zalo gateway) share.
 * Payloads are plain JSON (instants as epoch milliseconds); the consumers convert at their edge.
 */
import type { DossierStatus, ReceiptChannel } from '../../../engine/src/index';
import type { OutboxEntry, OutboxKind } from './outbox-store';

/** One dossier component (thành phần hồ sơ) and its attachments, each with the SHA-256 the portal sync carries. */
export type DossierComponentPayload = {
  code?: string;
  name: string;
  /** Original, copy, certified copy … as written on the receipt (form 01). */
  copyType?: string;
  quantity?: number;
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

/** The dossier as the portal sync needs it at the moment of the change (DOMAIN.md "The portal sync also carries …"). */
export type DossierSyncPayload = {
  dossierId: string;
  dossierCode: string;
  procedureKey: string;
  procedureVersion: number;
  /** National procedure code (mã TTHC), e.g. `1.009664`. */
  procedureCode?: string;
  procedureName?: string;
  /** The receiving agency. */
  agencyId: string;
  channel: ReceiptChannel;
  applicantIdNumber: string;
  applicantName?: string;
  submittedAt?: number;
  receivedAt?: number;
  appointmentAt?: number;
  finishedAt?: number;
  returnedAt?: number;
  components?: DossierComponentPayload[];
  fees?: DossierFeesPayload;
};

/** A progress record (tiến trình): DOMAIN.md "A progress record carries …", plus the step's name and agency. */
export type ProgressRecordPayload = {
  at: number;
  status: DossierStatus;
  previousStatus?: DossierStatus;
  /** What was done: the event that caused it, e.g. `supplement.requested`, `step.handed_over`. */
  action: string;
  note?: string;
  /** The official who acted (user id) and, when known, their name as the portal shows it. */
  actorId?: string;
  actorName?: string;
  departmentId?: string;
  departmentName?: string;
  stepElementId?: string;
  stepName?: string;
  stepAgencyId?: string;
  /** NgayBatDau. */
  stepStartAt?: number;
  /** NgayKetThucTheoQuyDinh; absent when the step has no budget. */
  stepDueAt?: number;
};

/** `dossier.status_changed` and `dossier.progress_recorded` carry the same two parts. */
export type DossierChangePayload = {
  dossier: DossierSyncPayload;
  progress: ProgressRecordPayload;
};

/** Officials are told about a new step in their inbox, a step nearly due, overdue, or escalated to them. */
export type OfficialNotificationKind = 'step.assigned' | 'step.nearly_due' | 'step.overdue' | 'step.escalated';

/** Citizens are told that their dossier was received, that a supplement is requested, that the result is ready. */
export type CitizenNotificationKind = 'dossier.received' | 'supplement.requested' | 'result.ready';

export type OfficialNotificationPayload = {
  kind: OfficialNotificationKind;
  at: number;
  dossierId: string;
  dossierCode: string;
  procedureName?: string;
  stepName: string;
  stepElementId?: string;
  agencyId: string;
  departmentId?: string;
  dueAt?: number;
  /**
   * Who is told, by user id. Contact details may be copied here; when absent the e-mail and SMS consumers look
   * them up in the user store at delivery time.
   */
  recipients: { userId: string; displayName?: string; email?: string; phone?: string }[];
};

export type CitizenNotificationPayload = {
  kind: CitizenNotificationKind;
  at: number;
  dossierId: string;
  dossierCode: string;
  procedureName?: string;
  agencyId: string;
  agencyName?: string;
  appointmentAt?: number;
  /** For `supplement.requested`: every missing component, given once (form 02). */
  missing?: string[];
  note?: string;
  citizen: { name: string; email?: string; phone?: string };
};

/** The payload type of each outbox kind. */
export interface OutboxPayloads {
  'dossier.status_changed': DossierChangePayload;
  'dossier.progress_recorded': DossierChangePayload;
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
 * await outbox.enqueue([createOutboxEntry({ dossierId, seq: 7, kind: 'dossier.progress_recorded', payload, createdAt })]);
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
