/**
 * @module DossierEvent — what the dossier lifecycle accepts (commands named as the facts they record, past tense),
 * what it emits (progress records, apology letters, clock timers and notifications) and what it keeps.
 */
import type { Budget, EscalationRung, NearlyDueThreshold, SupplementPolicy } from '../model/procedure-definition';
import type { DossierStatus, ReceiptChannel } from '../ports';
import type { FinishedClassification } from './classify';
import type { ProgressRecord } from './progress-record';
import type { ClockEmitted, WorkingClock } from './working-clock';

/** The procedure rules a dossier keeps for its whole life (a per-dossier rule snapshot). */
export interface DossierRules {
  statutoryBudget?: Budget;
  supplementPolicy: SupplementPolicy;
  /** How many apology letters with a new appointment (form 04) are allowed; default 1 (verify, DOMAIN.md). */
  maxReappointments?: number;
  nearlyDue?: NearlyDueThreshold;
  escalation?: EscalationRung[];
}

/** Who did what, where: carried by every command and copied into the progress record. */
export interface ChangeFields {
  at: number;
  actorId?: string;
  departmentId?: string;
  stepElementId?: string;
  stepStartAt?: number;
  stepDueAt?: number;
  note?: string;
}

export interface DossierLifecycleInput {
  dossierId: string;
  dossierCode?: string;
  channel: ReceiptChannel;
  rules: DossierRules;
  /** Submitted online (status 1) or received at the counter (status 2, the appointment is computed now). */
  start: { type: 'dossier.submitted' | 'dossier.received' } & ChangeFields;
}

export type DossierEvent =
  | ({ type: 'dossier.received' } & ChangeFields)
  | ({ type: 'dossier.refused'; reason: string } & ChangeFields)
  | ({ type: 'processing.started' } & ChangeFields)
  | ({ type: 'step.handed_over' } & ChangeFields)
  | ({ type: 'supplement.requested'; missing?: string[] } & ChangeFields)
  | ({ type: 'supplement.received' } & ChangeFields)
  | ({ type: 'fees.requested' } & ChangeFields)
  | ({ type: 'fees.paid' } & ChangeFields)
  | ({ type: 'dossier.withdrawn' } & ChangeFields)
  | ({ type: 'processing.stopped'; reason: string } & ChangeFields)
  | ({ type: 'dossier.finished' } & ChangeFields)
  | ({ type: 'result.returned' } & ChangeFields)
  | ({ type: 'dossier.reappointed'; newAppointmentAt: number; reason: string; agencyId?: string } & ChangeFields)
  | { type: 'timer.due'; at: number; kind?: string; timerId?: string }
  | { type: 'clock.tick'; at: number }
  | { type: 'calendar.changed'; at: number };

/** An apology letter with a new appointment (form 04, Circular 01/2018/TT-VPCP). */
export interface Reappointment {
  number: number;
  at: number;
  previousAppointmentAt: number;
  newAppointmentAt: number;
  reason: string;
  actorId?: string;
  agencyId?: string;
}

export type DossierEmitted =
  | ClockEmitted
  | { type: 'progress.recorded'; record: ProgressRecord }
  | ({ type: 'dossier.reappointed'; dossierId: string; originalAppointmentAt: number } & Reappointment);

export interface DossierLifecycleContext {
  dossierId: string;
  dossierCode?: string;
  channel: ReceiptChannel;
  rules: DossierRules;
  status?: DossierStatus;
  lastChange: ChangeFields & { action: string };
  submittedAt?: number;
  receivedAt?: number;
  /** The appointment promised to the citizen: on the receipt (form 01), then moved by apology letters (form 04). */
  appointmentAt?: number;
  originalAppointmentAt?: number;
  clock?: WorkingClock;
  supplementCount: number;
  /** A second supplement request counts the dossier overdue in the statistics (Decision 766/QĐ-TTg). */
  countsAsOverdue: boolean;
  /** Status the dossier was in when the citizen was asked to supplement (2 at intake, 4 in process). */
  supplementRequestedIn?: DossierStatus;
  reappointments: Reappointment[];
  finishedAt?: number;
  returnedAt?: number;
  closedAt?: number;
  classification?: FinishedClassification;
}
