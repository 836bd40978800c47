/**
 * @module attributeDelay — which agency's steps overran, by how much working time, and so which agency caused the
 * dossier to miss its appointment. In an inter-agency procedure that agency issues the letter of apology with a new
 * appointment (form 04, Circular 01/2018/TT-VPCP; Decree 61/2018/NĐ-CP Art. 19(5)).
 */
import type { WorkingTime } from './working-time';

export interface PausedSpan {
  from: number;
  /** Open when the pause has not ended yet. */
  to?: number;
}

export interface StepTiming {
  stepId: string;
  agencyId: string;
  startedAt: number;
  /** Due instant as computed when the step started (before any pause); the pauses are given separately. */
  dueAt: number;
  completedAt?: number;
  /** Time the step waited for the citizen or for fees: not the agency's time. */
  pausedSpans?: PausedSpan[];
}

export interface StepOverrun {
  stepId: string;
  agencyId: string;
  /** Working time used beyond the step budget, pauses excluded; 0 when in time. */
  overrunMs: number;
}

export interface DelayAttribution {
  steps: StepOverrun[];
  overrunByAgency: Record<string, number>;
  /** The agency with the largest overrun (the earlier step wins a tie); absent when no step overran. */
  responsibleAgencyId?: string;
  /** Whether the dossier has missed or will miss its appointment, when one is given. */
  missesAppointment?: boolean;
}

export interface DelayAttributionOptions {
  /** "Now": the end of the steps still open. */
  at: number;
  appointmentAt?: number;
  /** Answer when the dossier is late but no single step overran (the budgets split exceeded the statutory one). */
  leadAgencyId?: string;
}

/**
 * Attributes the delay of a dossier to the agencies whose steps overran their budgets; `time` is one calendar for
 * every step, or each step's own (the calendar of the agency holding it, issue 18).
 */
export function attributeDelay(steps: readonly StepTiming[], time: WorkingTime | ((step: StepTiming) => WorkingTime), options: DelayAttributionOptions): DelayAttribution {
  const timeOf = (step: StepTiming): WorkingTime => (typeof time === 'function' ? time(step) : time);
  const overruns = steps.map((step): StepOverrun => ({ stepId: step.stepId, agencyId: step.agencyId, overrunMs: overrunOf(step, timeOf(step), options.at) }));
  const overrunByAgency: Record<string, number> = {};
  for (const { agencyId, overrunMs } of overruns) overrunByAgency[agencyId] = (overrunByAgency[agencyId] ?? 0) + overrunMs;
  const byStart = overruns
    .map((overrun, index) => ({ overrun, startedAt: steps[index].startedAt }))
    .sort((a, b) => a.startedAt - b.startedAt);
  let responsibleAgencyId: string | undefined;
  let largest = 0;
  for (const { overrun } of byStart) {
    if (overrunByAgency[overrun.agencyId] > largest) {
      largest = overrunByAgency[overrun.agencyId];
      responsibleAgencyId = overrun.agencyId;
    }
  }
  const lastEnd = steps.reduce((end, step) => Math.max(end, step.completedAt ?? options.at), 0);
  const missesAppointment = options.appointmentAt === undefined ? undefined : lastEnd > options.appointmentAt;
  if (!responsibleAgencyId && missesAppointment && options.leadAgencyId) responsibleAgencyId = options.leadAgencyId;
  return {
    steps: overruns,
    overrunByAgency,
    ...(responsibleAgencyId ? { responsibleAgencyId } : {}),
    ...(missesAppointment === undefined ? {} : { missesAppointment }),
  };
}

function overrunOf(step: StepTiming, time: WorkingTime, at: number): number {
  const endAt = step.completedAt ?? at;
  const budgetMs = time.workingTimeBetween(step.startedAt, step.dueAt);
  const pausedMs = (step.pausedSpans ?? []).reduce((sum, span) => {
    const from = Math.max(span.from, step.startedAt);
    const to = Math.min(span.to ?? endAt, endAt);
    return sum + time.workingTimeBetween(from, to);
  }, 0);
  const usedMs = time.workingTimeBetween(step.startedAt, endAt) - pausedMs;
  return Math.max(0, usedMs - budgetMs);
}
