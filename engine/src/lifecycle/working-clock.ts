/**
 * @module WorkingClock — the deadline clock shared by steps and dossiers, as plain JSON and pure functions: budget in
 * working time, nearly-due warning, overdue mark, escalation rungs, pauses (statuses 5 and 6), restarts and the
 * citizen's bounded supplement window. The statecharts (step clock, dossier lifecycle) keep one in their context.
 *
 * Time is counted as *active working time*: milestones sit at fixed amounts of consumed working time (threshold,
 * budget, budget + rung hours), and each running segment projects them onto instants. Pausing freezes the consumed
 * time, so resuming gives exactly the remaining working time back (Decision 766/QĐ-TTg subtracts the citizen's time).
 */
import type { Budget, EscalationRung, NearlyDueThreshold, SupplementPolicy } from '../model/procedure-definition';
import {
  cancelSupplementWindow,
  openSupplementWindow,
  reprojectSupplementWindow,
  warnSupplementWindow,
} from './supplement-window';
import { WORKING_HOUR_MS, type WorkingTime } from './working-time';

/** What a clock measures: names its notifications (`step.overdue`, `dossier.overdue`) and timers. */
export type ClockSubject = 'step' | 'dossier';
export type PauseReason = 'supplement' | 'fees';
export type ClockOutcome = 'completed' | 'cancelled' | 'rejected';
export type ClockTimerKind = `${ClockSubject}.${'nearlyDue' | 'overdue' | 'escalation'}` | 'supplement.window' | 'supplement.windowClosing';

/** "Wake me at dueAt": the host persists it under `timerId` (deterministic, so scheduling twice is harmless). */
export interface TimerRequest {
  timerId: string;
  kind: ClockTimerKind;
  dueAt: number;
  /** Escalation rung number, 1-based. */
  rung?: number;
}

/** Everything a clock tells its host: timer requests and cancellations, and past-tense notifications. */
export type ClockEmitted =
  | ({ type: 'timer.requested' } & TimerRequest)
  | { type: 'timer.cancelled'; timerId: string; kind: ClockTimerKind }
  | { type: `${ClockSubject}.nearly_due`; clockId: string; at: number; dueAt: number }
  | { type: `${ClockSubject}.overdue`; clockId: string; at: number; dueAt: number }
  | {
      type: `${ClockSubject}.escalated`;
      clockId: string;
      at: number;
      rung: number;
      target: EscalationRung['target'];
      reassign: boolean;
    }
  | { type: 'supplement.window_closing'; clockId: string; at: number; windowDueAt: number }
  | { type: 'supplement.window_closed'; clockId: string; at: number; windowDueAt: number };

export interface ClockSettings {
  /** Step id or dossier id: prefixes every timer id. */
  clockId: string;
  subject: ClockSubject;
  startAt: number;
  budget: Budget;
  nearlyDue?: NearlyDueThreshold;
  escalation?: EscalationRung[];
  policy: SupplementPolicy;
}

export interface ClockPause {
  at: number;
  reason: PauseReason;
  /** Working time left to the due instant when the pause began (negative when already overdue). */
  remainingMs: number;
  resumedAt?: number;
  /** Bounded wait: the instant the citizen's window closes (Decree 63/2024: 7 working days). */
  windowDueAt?: number;
  /** When the citizen is warned that the window is about to close, and whether that warning went out. */
  windowWarningAt?: number;
  windowWarned?: boolean;
  /** Restart policy: the clock started afresh when this pause ended. */
  restarted?: boolean;
}

export interface WorkingClock extends ClockSettings {
  /** 0, then 1, 2 … after each restart; part of the timer ids so a restarted clock's timers are new ones. */
  epoch: number;
  /** Start of the current epoch as asked (before the cut-off rules move it), and as counted. */
  epochStartAt: number;
  epochEffectiveStartAt: number;
  budgetMs: number;
  /** Working time consumed before `segmentStartAt`. */
  consumedMs: number;
  segmentStartAt: number;
  dueAt: number;
  nearlyDueAt?: number;
  /** Instant of each rung, same order as `escalation`. */
  escalationAts: number[];
  nearlyDueFired: boolean;
  overdueFired: boolean;
  /** 1-based numbers of the rungs that fired in this epoch. */
  rungsFired: number[];
  pauses: ClockPause[];
  stoppedAt?: number;
  outcome?: ClockOutcome;
}

export type ClockPhase = 'onTrack' | 'nearlyDue' | 'overdue' | 'escalated' | 'paused' | 'stopped';

export interface ClockResult {
  clock: WorkingClock;
  emitted: ClockEmitted[];
}

/** Starts a clock at `settings.startAt` on the calendar of `time`. */
export function startClock(settings: ClockSettings, time: WorkingTime): ClockResult {
  const fresh: WorkingClock = {
    ...settings,
    epoch: 0,
    epochStartAt: settings.startAt,
    epochEffectiveStartAt: settings.startAt,
    budgetMs: 0,
    consumedMs: 0,
    segmentStartAt: settings.startAt,
    dueAt: settings.startAt,
    escalationAts: [],
    nearlyDueFired: false,
    overdueFired: false,
    rungsFired: [],
    pauses: [],
  };
  const clock = project(beginEpoch(fresh, settings.startAt, 0, time), time);
  return { clock, emitted: requestedTimers(clock) };
}

export function openPause(clock: WorkingClock): ClockPause | undefined {
  const last = clock.pauses.at(-1);
  return last && last.resumedAt === undefined ? last : undefined;
}

export function clockPhase(clock: WorkingClock): ClockPhase {
  if (clock.outcome) return 'stopped';
  if (openPause(clock)) return 'paused';
  if (clock.rungsFired.length > 0) return 'escalated';
  if (clock.overdueFired) return 'overdue';
  return clock.nearlyDueFired ? 'nearlyDue' : 'onTrack';
}

/** Working time consumed up to `at` (pauses excluded). */
export function consumedAt(clock: WorkingClock, at: number, time: WorkingTime): number {
  const running = clockPhase(clock) !== 'paused' && clockPhase(clock) !== 'stopped';
  return clock.consumedMs + (running && at > clock.segmentStartAt ? time.workingTimeBetween(clock.segmentStartAt, at) : 0);
}

/**
 * Fires every milestone reached at `at`, each once: the flags in the clock make a duplicate or late `timer.due`
 * harmless, and a stale one (due before a pause moved the milestone) does nothing because `at` is compared with
 * the current projection.
 */
export function advanceClock(clock: WorkingClock, at: number): ClockResult {
  const phase = clockPhase(clock);
  if (phase === 'paused') return warnSupplementWindow(clock, at);
  if (phase === 'stopped') return { clock, emitted: [] };
  const next = { ...clock, rungsFired: [...clock.rungsFired] };
  const emitted: ClockEmitted[] = [];
  const { clockId, subject } = clock;
  if (!next.nearlyDueFired && next.nearlyDueAt !== undefined && at >= next.nearlyDueAt) {
    next.nearlyDueFired = true;
    // A warning after the deadline is noise: when the host catches up late, only the overdue mark is told.
    if (at < next.dueAt) emitted.push({ type: `${subject}.nearly_due`, clockId, at, dueAt: next.dueAt });
  }
  if (!next.overdueFired && at >= next.dueAt) {
    next.overdueFired = true;
    next.nearlyDueFired = true;
    emitted.push({ type: `${subject}.overdue`, clockId, at, dueAt: next.dueAt });
  }
  (next.escalation ?? []).forEach((rung, index) => {
    const number = index + 1;
    if (!next.overdueFired || next.rungsFired.includes(number) || at < next.escalationAts[index]) return;
    next.rungsFired.push(number);
    emitted.push({ type: `${subject}.escalated`, clockId, at, rung: number, target: rung.target, reassign: rung.reassign === true });
  });
  return { clock: emitted.length > 0 || next.nearlyDueFired !== clock.nearlyDueFired ? next : clock, emitted };
}

/** Freezes the remaining working time; a supplement under a bounded-wait policy opens the citizen's window. */
export function pauseClock(clock: WorkingClock, at: number, reason: PauseReason, time: WorkingTime): ClockResult {
  const phase = clockPhase(clock);
  if (phase === 'paused' || phase === 'stopped') return { clock, emitted: [] };
  const consumedMs = consumedAt(clock, at, time);
  const window = openSupplementWindow(clock, { at, reason, remainingMs: clock.budgetMs - consumedMs }, time);
  return { clock: { ...clock, consumedMs, pauses: [...clock.pauses, window.pause] }, emitted: [...cancelled(clock), ...window.emitted] };
}

/**
 * Ends the open pause. Fees always resume with the remaining time; a supplement restarts the clock under the
 * restart policy ("from receipt of a complete, valid dossier") and resumes it otherwise.
 */
export function resumeClock(clock: WorkingClock, at: number, time: WorkingTime): ClockResult {
  const pause = openPause(clock);
  if (!pause) return { clock, emitted: [] };
  if (pause.reason === 'supplement' && clock.policy.kind === 'restart') return restartClock(clock, at, time);
  const emitted = cancelSupplementWindow(clock);
  const resumed = project({ ...clock, segmentStartAt: at, pauses: closePause(clock, at, false) }, time);
  return { clock: resumed, emitted: [...emitted, ...requestedTimers(resumed)] };
}

/** Starts the budget afresh from `at`: a new epoch, nothing fired yet. */
export function restartClock(clock: WorkingClock, at: number, time: WorkingTime): ClockResult {
  if (clockPhase(clock) === 'stopped') return { clock, emitted: [] };
  const pause = openPause(clock);
  const emitted = pause ? cancelSupplementWindow(clock) : cancelled(clock);
  const pauses = pause ? closePause(clock, at, true) : clock.pauses;
  const restarted = project(beginEpoch({ ...clock, pauses }, at, clock.epoch + 1, time), time);
  return { clock: restarted, emitted: [...emitted, ...requestedTimers(restarted)] };
}

/** Stops the clock for good (step completed or cancelled, dossier finished, withdrawn, stopped). */
export function stopClock(clock: WorkingClock, at: number, outcome: ClockOutcome, time: WorkingTime): ClockResult {
  if (clock.outcome) return { clock, emitted: [] };
  const pause = openPause(clock);
  const emitted = pause ? cancelSupplementWindow(clock) : cancelled(clock);
  return { clock: { ...clock, consumedMs: consumedAt(clock, at, time), stoppedAt: at, outcome }, emitted };
}

/** Re-projects the open deadlines on a changed calendar (a holiday declared after intake). */
export function reprojectClock(clock: WorkingClock, time: WorkingTime): ClockResult {
  if (clock.outcome) return { clock, emitted: [] };
  const pause = openPause(clock);
  if (pause) return reprojectSupplementWindow(clock, time);
  const untouched = clock.consumedMs === 0 && clock.segmentStartAt === clock.epochEffectiveStartAt;
  const base = untouched ? beginEpoch(clock, clock.epochStartAt, clock.epoch, time) : clock;
  const next = project(base, time);
  return { clock: next, emitted: requestedTimers(next) };
}

/** The pending wake-ups of a running clock, with deterministic ids (`<clockId>:nearlyDue`, `<clockId>:escalation:1`). */
export function timerRequests(clock: WorkingClock): TimerRequest[] {
  const phase = clockPhase(clock);
  if (phase === 'paused' || phase === 'stopped') return [];
  const base = clock.epoch === 0 ? clock.clockId : `${clock.clockId}:restart${clock.epoch}`;
  const requests: TimerRequest[] = [];
  if (!clock.nearlyDueFired && clock.nearlyDueAt !== undefined) {
    requests.push({ timerId: `${base}:nearlyDue`, kind: `${clock.subject}.nearlyDue`, dueAt: clock.nearlyDueAt });
  }
  if (!clock.overdueFired) requests.push({ timerId: `${base}:overdue`, kind: `${clock.subject}.overdue`, dueAt: clock.dueAt });
  clock.escalationAts.forEach((dueAt, index) => {
    const rung = index + 1;
    if (clock.rungsFired.includes(rung)) return;
    requests.push({ timerId: `${base}:escalation:${rung}`, kind: `${clock.subject}.escalation`, dueAt, rung });
  });
  return requests;
}

/** `timer.requested` for every pending wake-up: the host schedules (or reschedules) each by its id. */
export function requestedTimers(clock: WorkingClock): ClockEmitted[] {
  return timerRequests(clock).map((request) => ({ type: 'timer.requested', ...request }));
}

function cancelled(clock: WorkingClock): ClockEmitted[] {
  return timerRequests(clock).map(({ timerId, kind }) => ({ type: 'timer.cancelled', timerId, kind }));
}

function beginEpoch(clock: WorkingClock, startAt: number, epoch: number, time: WorkingTime): WorkingClock {
  const { dueAt, effectiveStartAt } = time.computeDueDate(startAt, clock.budget);
  return {
    ...clock,
    epoch,
    epochStartAt: startAt,
    epochEffectiveStartAt: effectiveStartAt,
    budgetMs: time.workingTimeBetween(effectiveStartAt, dueAt),
    consumedMs: 0,
    segmentStartAt: effectiveStartAt,
    dueAt,
    nearlyDueFired: epoch === clock.epoch ? clock.nearlyDueFired : false,
    overdueFired: epoch === clock.epoch ? clock.overdueFired : false,
    rungsFired: epoch === clock.epoch ? clock.rungsFired : [],
  };
}

/** Projects the milestones that have not fired onto instants, from the current running segment. */
function project(clock: WorkingClock, time: WorkingTime): WorkingClock {
  const from = clock.segmentStartAt;
  const at = (activeMs: number): number => (activeMs > clock.consumedMs ? time.addWorkingTime(from, activeMs - clock.consumedMs) : from);
  const fresh = clock.consumedMs === 0 && from === clock.epochEffectiveStartAt;
  // The first segment keeps the due instant of the due-date rules (the appointment on the receipt, form 01).
  const dueAt = clock.overdueFired || fresh ? clock.dueAt : at(clock.budgetMs);
  const threshold = nearlyDueMs(clock.budgetMs, clock.nearlyDue);
  const nearlyDueAt = clock.nearlyDueFired || threshold === undefined ? clock.nearlyDueAt : at(threshold);
  const escalationAts = (clock.escalation ?? []).map((rung, index) => {
    if (clock.rungsFired.includes(index + 1)) return clock.escalationAts[index];
    const afterMs = rung.afterWorkingHours * WORKING_HOUR_MS;
    if (clock.consumedMs < clock.budgetMs) return afterMs === 0 ? dueAt : time.addWorkingTime(dueAt, afterMs);
    return at(clock.budgetMs + afterMs);
  });
  return { ...clock, dueAt, nearlyDueAt, escalationAts };
}

function nearlyDueMs(budgetMs: number, threshold: NearlyDueThreshold | undefined): number | undefined {
  if (!threshold) return undefined;
  if (threshold.kind === 'percentOfBudget') return Math.round((budgetMs * threshold.percent) / 100);
  return Math.max(0, budgetMs - threshold.hours * WORKING_HOUR_MS);
}

function closePause(clock: WorkingClock, at: number, restarted: boolean): ClockPause[] {
  return clock.pauses.map((pause, index) =>
    index === clock.pauses.length - 1 ? { ...pause, resumedAt: at, ...(restarted ? { restarted } : {}) } : pause,
  );
}
