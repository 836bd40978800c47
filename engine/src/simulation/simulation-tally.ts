/**
 * @module createSimulationTally — the figures of a simulation, gathered as dossiers and steps end: the on-time share
 * with its 95 % Wilson interval, total working days against the statutory deadline (pauses for the citizen excluded,
 * restarted under the `restart` policy: Decree 61/2018 Art. 19, DOMAIN.md "Supplement"), waiting vs working time per
 * step, the agency responsible for each late dossier by the statistics' rule (attributeDelay), utilisation per unit.
 */
import { attributeDelay, type PausedSpan, type StepTiming } from '../lifecycle/delay-attribution';
import { toWorkingTime } from '../lifecycle/working-time';
import type { Budget, SupplementPolicy } from '../model/procedure-definition';
import type { InstanceStatus } from '../runtime/index';
import { resolveDueDate } from '../time/due-date';
import { addWorkingTime, workingTimeBetween } from '../time/working-time-between';
import { quantileOfSorted } from './duration-distribution';
import type { CachedStepper } from './create-cached-stepper';
import type { SimulationScenario } from './simulation-scenario';
import type { UnitPool } from './unit-pool';
import { wilsonInterval, type Interval } from './wilson-interval';

const HOUR_MS = 3_600_000;

export interface SimulatedStep {
  dossier: SimulatedDossier;
  stepId: string;
  elementId: string;
  name?: string;
  kind: string;
  agencyId: string;
  departmentId?: string;
  pool: UnitPool<SimulatedStep>;
  /** The budget the step's due instant is counted from: the scenario's override, else the definition's. */
  budget?: Budget;
  /** The definition's own budget: the working duration of a step with no measured or typed one. */
  definedBudget?: Budget;
  activatedAt: number;
  dueAt: number;
  startedAt?: number;
  completedAt?: number;
  /** Drawn working duration (working ms of the unit's calendar). */
  workingMs: number;
  state: 'queued' | 'working' | 'done' | 'citizen' | 'ended';
}

export interface SimulatedDossier {
  index: number;
  receivedAt: number;
  /** Where the statutory clock counts from: the receipt, or the complete supplement under `restart`. */
  clockStartAt: number;
  snapshotJson: string;
  open: Map<string, SimulatedStep>;
  timers: Set<string>;
  timings: StepTiming[];
  pausedSpans: PausedSpan[];
  pauseFromAt?: number;
  /** Raised statutory value (`extendsStatutoryTo` of a step on the path, e.g. verification: 3 → 5 working days). */
  statutoryValue?: number;
  events: number;
  finishedAt?: number;
  endStatus?: InstanceStatus;
  /** Its own engine, in the naive re-run only (SimulationControl.enginePerDossier). */
  stepper?: CachedStepper;
  /** Never ends: an incident, a citizen who never answers an unbounded wait, or a loop. */
  stuck?: boolean;
}

export interface StepFigures {
  elementId: string;
  name?: string;
  agencyId: string;
  departmentId?: string;
  count: number;
  /** Opened → claimed, in working hours of the unit's calendar. */
  meanWaitingHours: number;
  /** Claimed → completed. */
  meanWorkingHours: number;
  p90TotalHours: number;
  /** Share of the late dossiers in which this step overran its budget (the colour of the step on the diagram). */
  lateShare: number;
}

export interface UnitFigures {
  key: string;
  /** Absent when the unit was not staffed in the scenario (it never queues). */
  officials?: number;
  busyHours: number;
  /** Busy working time / (officials × working time from the period's start to the last event). */
  utilisation?: number;
  meanWaitingHours: number;
}

export interface SimulationResult {
  seed: number;
  /** False when the host's time budget stopped the run early: the figures cover the dossiers that ended. */
  complete: boolean;
  dossiers: { received: number; finished: number; unfinished: number };
  statutory?: Budget;
  onTime: { count: number; of: number; share: number; ci95: Interval };
  workingDays: { mean: number; p50: number; p90: number; p95: number; max: number; histogram: { fromDays: number; toDays: number; count: number }[] };
  steps: StepFigures[];
  lateness: { late: number; byAgency: Record<string, number>; mostResponsibleAgencyId?: string };
  units: UnitFigures[];
  /** Engine transitions computed and reused (./create-cached-stepper.ts). */
  transitions: { computed: number; reused: number };
}

interface StepSums {
  figures: Omit<StepFigures, 'meanWaitingHours' | 'meanWorkingHours' | 'p90TotalHours' | 'lateShare'>;
  waitingMs: number;
  workingMs: number;
  totalsMs: number[];
  overranInLate: number;
}

/** Collects the figures of one run of `scenario`. */
export function createSimulationTally(scenario: SimulationScenario) {
  const { calendar, definition } = scenario;
  const time = toWorkingTime(calendar);
  const statutory = definition.procedure?.statutoryBudget;
  const leadAgencyId = definition.procedure?.leadAgencyId;
  const steps = new Map<string, StepSums>();
  const unitWaits = new Map<string, { waitingMs: number; count: number }>();
  const usedDays: number[] = [];
  const byAgency: Record<string, number> = {};
  let received = 0;
  let finished = 0;
  let onTime = 0;
  let late = 0;

  return {
    newDossier(index: number, receivedAt: number): SimulatedDossier {
      received += 1;
      return { index, receivedAt, clockStartAt: receivedAt, snapshotJson: '', open: new Map(), timers: new Set(), timings: [], pausedSpans: [], events: 0 };
    },

    stepEnded(step: SimulatedStep): void {
      const completedAt = step.completedAt ?? step.activatedAt;
      const waitingMs = workingTimeBetween(step.pool.calendar, step.activatedAt, step.startedAt ?? completedAt);
      const workingMs = step.startedAt === undefined ? 0 : workingTimeBetween(step.pool.calendar, step.startedAt, completedAt);
      const key = `${step.elementId}|${step.agencyId}|${step.departmentId ?? ''}`;
      let sums = steps.get(key);
      if (!sums) {
        sums = { figures: { elementId: step.elementId, name: step.name, agencyId: step.agencyId, departmentId: step.departmentId, count: 0 }, waitingMs: 0, workingMs: 0, totalsMs: [], overranInLate: 0 };
        steps.set(key, sums);
      }
      sums.figures.count += 1;
      sums.waitingMs += waitingMs;
      sums.workingMs += workingMs;
      sums.totalsMs.push(waitingMs + workingMs);
      const unit = unitWaits.get(step.pool.key) ?? { waitingMs: 0, count: 0 };
      unit.waitingMs += waitingMs;
      unit.count += 1;
      unitWaits.set(step.pool.key, unit);
      if (step.budget) {
        step.dossier.timings.push({ stepId: key, agencyId: step.agencyId, startedAt: step.activatedAt, dueAt: step.dueAt, completedAt, pausedSpans: step.dossier.pausedSpans });
      }
    },

    /** The citizen answered (or the window closed): the pause ends; under `restart` the clock starts again. */
    pause(dossier: SimulatedDossier, at: number, message: string, policy: SupplementPolicy['kind']): void {
      if (dossier.pauseFromAt !== undefined) dossier.pausedSpans.push({ from: dossier.pauseFromAt, to: at });
      dossier.pauseFromAt = undefined;
      if (policy === 'restart' && message === 'supplement.received') dossier.clockStartAt = at;
    },

    finish(dossier: SimulatedDossier): void {
      finished += 1;
      if (!statutory || dossier.finishedAt === undefined) return;
      const budget = { ...statutory, value: Math.max(statutory.value, dossier.statutoryValue ?? 0) };
      const { dueAt, effectiveStartAt } = resolveDueDate(calendar, dossier.clockStartAt, budget);
      const pausedMs = dossier.pausedSpans.reduce((sum, span) => sum + workingTimeBetween(calendar, Math.max(span.from, effectiveStartAt), span.to ?? span.from), 0);
      const appointmentAt = addWorkingTime(calendar, dueAt, pausedMs);
      usedDays.push((workingTimeBetween(calendar, effectiveStartAt, dossier.finishedAt) - pausedMs) / calendar.workingDayMs);
      if (dossier.finishedAt <= appointmentAt) {
        onTime += 1;
        return;
      }
      late += 1;
      const attribution = attributeDelay(dossier.timings, time, { at: dossier.finishedAt, appointmentAt, ...(leadAgencyId ? { leadAgencyId } : {}) });
      if (attribution.responsibleAgencyId) byAgency[attribution.responsibleAgencyId] = (byAgency[attribution.responsibleAgencyId] ?? 0) + 1;
      // A step visited twice (after a supplement or a return) counts once per late dossier.
      for (const key of new Set(attribution.steps.filter((overrun) => overrun.overrunMs > 0).map((overrun) => overrun.stepId))) steps.get(key)!.overranInLate += 1;
    },

    result(run: { endAt: number; complete: boolean; pools: UnitPool<unknown>[]; transitions: { computed: number; reused: number } }): SimulationResult {
      const judged = onTime + late;
      const sorted = [...usedDays].sort((a, b) => a - b);
      const max = sorted.length > 0 ? sorted[sorted.length - 1]! : 0;
      const histogram: SimulationResult['workingDays']['histogram'] = [];
      for (let from = 0; from < Math.max(max, 0.5) - 1e-9 || (from === 0 && histogram.length === 0); from += 0.5) {
        histogram.push({ fromDays: from, toDays: from + 0.5, count: 0 });
      }
      for (const days of sorted) histogram[Math.min(histogram.length - 1, Math.max(0, Math.floor(days / 0.5)))]!.count += 1;
      const mostResponsibleAgencyId = Object.entries(byAgency).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
      return {
        seed: scenario.seed ?? 1,
        complete: run.complete,
        dossiers: { received, finished, unfinished: received - finished },
        ...(statutory ? { statutory } : {}),
        onTime: { count: onTime, of: judged, share: judged > 0 ? onTime / judged : 0, ci95: wilsonInterval(onTime, judged) },
        workingDays: {
          mean: sorted.reduce((sum, days) => sum + days, 0) / Math.max(1, sorted.length),
          p50: quantileOfSorted(sorted, 0.5), p90: quantileOfSorted(sorted, 0.9), p95: quantileOfSorted(sorted, 0.95), max, histogram,
        },
        steps: [...steps.values()].map((sums) => ({
          ...sums.figures,
          meanWaitingHours: sums.waitingMs / sums.figures.count / HOUR_MS,
          meanWorkingHours: sums.workingMs / sums.figures.count / HOUR_MS,
          p90TotalHours: quantileOfSorted(sums.totalsMs.sort((a, b) => a - b), 0.9) / HOUR_MS,
          lateShare: late > 0 ? sums.overranInLate / late : 0,
        })),
        lateness: { late, byAgency, ...(mostResponsibleAgencyId ? { mostResponsibleAgencyId } : {}) },
        units: run.pools.map((pool) => {
          const waits = unitWaits.get(pool.key) ?? { waitingMs: 0, count: 0 };
          const staffed = Number.isFinite(pool.officials);
          const availableMs = workingTimeBetween(pool.calendar, scenario.period.fromAt, run.endAt) * pool.officials;
          return {
            key: pool.key,
            ...(staffed ? { officials: pool.officials, utilisation: availableMs > 0 ? pool.busyWorkingMs / availableMs : 0 } : {}),
            busyHours: pool.busyWorkingMs / HOUR_MS,
            meanWaitingHours: waits.count > 0 ? waits.waitingMs / waits.count / HOUR_MS : 0,
          };
        }),
        transitions: run.transitions,
      };
    },
  };
}
