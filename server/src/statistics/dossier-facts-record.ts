/**
 * @module dossier-facts-record — the compact per-dossier record the dashboard reads instead of whole dossier
 * documents (which carry process instance snapshots): what Decision 766/QĐ-TTg counts (receipt, appointment,
 * terminal statuses, the citizen's supplement spans, channel) and each step's unit, clock instants and pauses.
 * `toDossierFactsRecord` projects it from a stored dossier and its steps inside the dossier's unit of work.
 */
import { clockPhase, openPause, type ClockPhase, type TerminalStatus } from '../../../engine/src/index';
import type { DossierRecord, StepRecord } from '../stores';
import { dossierStateOf } from '../../../engine/src/index';
import { clockContextOf } from '../../../engine/src/index';

export interface StepFacts {
  /** The StepRecord id (what `/api/steps/{id}` takes). */
  stepId: string;
  elementId: string;
  name: string;
  agencyId?: string;
  departmentId?: string;
  assigneeId?: string;
  status: StepRecord['status'];
  startedAt: number;
  /** Due instant as projected now (pauses push it later). */
  dueAt?: number;
  nearlyDueAt?: number;
  /** Working time the step's budget allows (for delay attribution). */
  budgetMs?: number;
  /** Start of the open pause (statuses 5, 6): a paused step is neither nearly due nor overdue. */
  pausedAt?: number;
  pauses: { from: number; to?: number }[];
  completedAt?: number;
  /**
   * A completed step's working time from start to completion less its pauses, on its agency's calendar when it was
   * written (`record-dossier-facts.ts`): what the officials' rollups add up for the average step time.
   */
  workingMs?: number;
  /** The clock's phase when last written (a change of phase is a heatmap change). */
  phase?: ClockPhase;
}

/** An incident the dossier's process raised at an element (no dossier data: what the analyst may read). */
export interface IncidentFacts {
  elementId: string;
  code: string;
  message: string;
  at: number;
  resolved: boolean;
}

export interface DossierFactsRecord {
  dossierId: string;
  dossierCode: string;
  procedureKey: string;
  procedureVersion: number;
  agencyId: string;
  status: DossierRecord['status'];
  channel: DossierRecord['channel'];
  submittedAt?: number;
  receivedAt?: number;
  /** The appointment of the receipt (form 01); a letter of apology (form 04) does not make a late dossier on time. */
  appointmentAt?: number;
  currentAppointmentAt?: number;
  terminalAt: Partial<Record<TerminalStatus, number>>;
  /** End for the statistics: status 9 first, else the earliest terminal status (indexed: the period query). */
  endAt?: number;
  supplements: { requestedAt: number; completedAt?: number }[];
  /**
   * Working time from start to status 9 less the citizen's, on the receiving agency's calendar when it was written
   * (`record-dossier-facts.ts`): what the rollups add up for the average processing time.
   */
  processingMs?: number;
  /**
   * A dossier that finished late: the agency answering for the delay and each agency's overrun, as `attributeDelay`
   * judges them at its end on each agency's calendar (`record-dossier-facts.ts`); the rollups add them up per agency.
   */
  lateness?: { responsibleAgencyId?: string; overruns: { agencyId: string; overrunMs: number }[] };
  /** Every agency, department and official the dossier's route reached (the breakdown keys). */
  agencyIds: string[];
  departmentIds: string[];
  officialIds: string[];
  digitised: boolean;
  apologies: { at: number; agencyId?: string }[];
  /** Every step, open and closed (delay attribution reads them). */
  steps: StepFacts[];
  /** The open steps alone: what the figures, the heatmap and the step lists read (the history is not loaded). */
  openSteps: StepFacts[];
  /** `procedureKey@version#elementId` of each open step (indexed: the heatmap query). */
  openElements: string[];
  /** Incidents raised on the dossier (absent in facts written before incidents were recorded here). */
  incidents?: IncidentFacts[];
  dossierRev: number;
  updatedAt: number;
}

interface LifecycleContext {
  originalAppointmentAt?: number;
  reappointments?: { at?: number; agencyId?: string }[];
}

export const openElementKey = (procedureKey: string, version: number, elementId: string): string => `${procedureKey}@${version}#${elementId}`;

/**
 * Projects the facts of `dossier` and its `steps` (all of them, open and closed), or of `steps` and `history`: the
 * facts of the dossier's other steps as written before (closed steps, unchanged since), in step-list order.
 */
export function toDossierFactsRecord(dossier: DossierRecord, steps: readonly StepRecord[], history: readonly StepFacts[] = []): DossierFactsRecord {
  const state = dossierStateOf(dossier);
  const context = ((state.lifecycle as { context?: LifecycleContext } | undefined)?.context ?? {}) as LifecycleContext;
  const terminalAt = terminalTimes(dossier);
  const stepFacts = withHistory(steps.map(toStepFacts), history);
  const units = [...(state.routedTo ?? []), ...stepFacts.filter((step) => step.agencyId).map((step) => ({ agencyId: step.agencyId!, departmentId: step.departmentId }))];
  const officials = [state.receivingOfficial?.id, ...stepFacts.map((step) => step.assigneeId)].filter((id): id is string => id !== undefined && id !== 'system');
  const endAt = terminalAt[9] ?? minOf([terminalAt[3], terminalAt[7], terminalAt[8], terminalAt[10]]);
  const attachments = (state as unknown as { attachments?: unknown[] }).attachments ?? [];
  return {
    dossierId: dossier.id,
    dossierCode: dossier.dossierCode,
    procedureKey: dossier.procedureKey,
    procedureVersion: dossier.procedureVersion,
    agencyId: dossier.agencyId,
    status: dossier.status,
    channel: dossier.channel,
    ...defined({ submittedAt: dossier.submittedAt, receivedAt: dossier.receivedAt, endAt }),
    ...defined({ appointmentAt: context.originalAppointmentAt ?? dossier.appointmentAt, currentAppointmentAt: dossier.appointmentAt }),
    terminalAt,
    supplements: (state.supplementRequests ?? []).map((request) => ({ requestedAt: request.at, ...defined({ completedAt: request.receivedAt }) })),
    agencyIds: unique([dossier.agencyId, ...units.map((unit) => unit.agencyId)]),
    departmentIds: unique([...units.map((unit) => unit.departmentId).filter((id): id is string => id !== undefined)]),
    officialIds: unique(officials),
    digitised: attachments.length > 0 || (state.documents ?? []).some((document) => document.copyType === 'electronic'),
    apologies: (context.reappointments ?? []).map((letter) => ({ at: letter.at ?? dossier.updatedAt, ...defined({ agencyId: letter.agencyId }) })),
    steps: stepFacts,
    openSteps: stepFacts.filter((step) => step.status === 'open'),
    openElements: stepFacts.filter((step) => step.status === 'open').map((step) => openElementKey(dossier.procedureKey, dossier.procedureVersion, step.elementId)),
    ...((state.incidents ?? []).length > 0
      ? { incidents: state.incidents.map((incident) => ({ elementId: incident.elementId, code: incident.code, message: incident.message, at: incident.at, resolved: incident.resolved === true })) }
      : {}),
    dossierRev: dossier.rev,
    updatedAt: dossier.updatedAt,
  };
}

/** `fresh` and the facts of `history` whose step is not among them, ordered as step lists are (start, then id). */
function withHistory(fresh: StepFacts[], history: readonly StepFacts[]): StepFacts[] {
  if (history.length === 0) return fresh;
  const ids = new Set(fresh.map((step) => step.stepId));
  const merged = [...history.filter((step) => !ids.has(step.stepId)), ...fresh];
  return merged.sort((a, b) => a.startedAt - b.startedAt || (a.stepId < b.stepId ? -1 : a.stepId > b.stepId ? 1 : 0));
}

function toStepFacts(step: StepRecord): StepFacts {
  const clock = clockContextOf(step)?.clock;
  const pause = clock ? openPause(clock) : undefined;
  return {
    stepId: step.id,
    elementId: step.elementId,
    name: step.name,
    status: step.status,
    startedAt: step.startedAt,
    ...defined({ agencyId: step.agencyId, departmentId: step.departmentId, assigneeId: step.assigneeId, dueAt: step.dueAt ?? clock?.dueAt }),
    ...defined({ nearlyDueAt: clock?.nearlyDueAt, budgetMs: clock?.budgetMs, pausedAt: pause?.at, completedAt: step.completedAt, phase: clock ? clockPhase(clock) : undefined }),
    pauses: (clock?.pauses ?? []).map((span) => ({ from: span.at, ...defined({ to: span.resumedAt }) })),
  };
}

/** When the dossier reached each terminal status (3, 7, 8 from the notes the use cases keep; 9, 10 from the record). */
function terminalTimes(dossier: DossierRecord): Partial<Record<TerminalStatus, number>> {
  const state = dossierStateOf(dossier);
  const terminal: Partial<Record<TerminalStatus, number>> = {};
  if (dossier.finishedAt !== undefined) terminal[9] = dossier.finishedAt;
  if (dossier.returnedAt !== undefined) terminal[10] = dossier.returnedAt;
  const noteAt = (state.refusal ?? state.withdrawal ?? state.stop)?.at ?? dossier.updatedAt;
  if (dossier.status === 3 || dossier.status === 7 || dossier.status === 8) terminal[dossier.status] = noteAt;
  return terminal;
}

function minOf(values: (number | undefined)[]): number | undefined {
  const present = values.filter((value): value is number => value !== undefined);
  return present.length > 0 ? Math.min(...present) : undefined;
}

const unique = (values: string[]): string[] => [...new Set(values)];

/** Drops undefined fields (the mongoose schemas are strict, and optional fields stay absent). */
function defined<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as never;
}
