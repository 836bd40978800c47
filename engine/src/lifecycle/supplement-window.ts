/**
 * @module supplementWindow — the citizen's bounded wait (Decree 63/2024/NĐ-CP: 7 working days to supplement, else the
 * dossier is rejected): the window a supplement request opens, the warning before it closes (DOMAIN.md: "warn when
 * the citizen's supplement window closes", at the clock's nearly-due threshold applied to the wait), and the close.
 */
import type { ClockEmitted, ClockPause, ClockResult, TimerRequest, WorkingClock } from './working-clock';
import { WORKING_HOUR_MS, type WorkingTime } from './working-time';

/** Opens the window of a new supplement pause when the policy is a bounded wait; otherwise returns it untouched. */
export function openSupplementWindow(clock: WorkingClock, pause: ClockPause, time: WorkingTime): { pause: ClockPause; emitted: ClockEmitted[] } {
  if (pause.reason !== 'supplement' || clock.policy.kind !== 'boundedWait') return { pause, emitted: [] };
  const { dueAt, effectiveStartAt } = time.computeDueDate(pause.at, clock.policy.waitBudget);
  const waitMs = time.workingTimeBetween(effectiveStartAt, dueAt);
  const threshold = clock.nearlyDue;
  const warnAfterMs =
    threshold?.kind === 'percentOfBudget'
      ? Math.round((waitMs * threshold.percent) / 100)
      : threshold?.kind === 'workingHoursBefore'
        ? Math.max(0, waitMs - threshold.hours * WORKING_HOUR_MS)
        : undefined;
  const opened: ClockPause = {
    ...pause,
    windowDueAt: dueAt,
    ...(warnAfterMs === undefined ? {} : { windowWarningAt: time.addWorkingTime(effectiveStartAt, warnAfterMs) }),
  };
  const pauseNumber = clock.pauses.length + 1;
  return { pause: opened, emitted: windowTimers(clock, opened, pauseNumber).map((request) => ({ type: 'timer.requested', ...request })) };
}

/** Warns once that the window is about to close; a stale or duplicate delivery does nothing. */
export function warnSupplementWindow(clock: WorkingClock, at: number): ClockResult {
  const pause = openPauseOf(clock);
  if (!pause || pause.windowWarningAt === undefined || pause.windowWarned || at < pause.windowWarningAt) return { clock, emitted: [] };
  if (pause.windowDueAt !== undefined && at >= pause.windowDueAt) return { clock, emitted: [] };
  const pauses = [...clock.pauses.slice(0, -1), { ...pause, windowWarned: true }];
  return {
    clock: { ...clock, pauses },
    emitted: [{ type: 'supplement.window_closing', clockId: clock.clockId, at, windowDueAt: pause.windowDueAt ?? at }],
  };
}

/** The citizen's window closed before the supplement arrived: the clock stops with outcome `rejected`. */
export function closeSupplementWindow(clock: WorkingClock, at: number): ClockResult {
  const pause = openPauseOf(clock);
  if (!pause || pause.windowDueAt === undefined || at < pause.windowDueAt || clock.outcome) return { clock, emitted: [] };
  return {
    clock: { ...clock, stoppedAt: at, outcome: 'rejected' },
    emitted: [{ type: 'supplement.window_closed', clockId: clock.clockId, at, windowDueAt: pause.windowDueAt }],
  };
}

export function isSupplementWindowClosed(clock: WorkingClock, at: number): boolean {
  return closeSupplementWindow(clock, at).clock !== clock;
}

/** Re-computes the open window on a changed calendar. */
export function reprojectSupplementWindow(clock: WorkingClock, time: WorkingTime): ClockResult {
  const pause = openPauseOf(clock);
  if (!pause || pause.windowDueAt === undefined) return { clock, emitted: [] };
  const base: WorkingClock = { ...clock, pauses: clock.pauses.slice(0, -1) };
  const reopened = openSupplementWindow(base, { ...pause, windowDueAt: undefined, windowWarningAt: undefined }, time);
  const next = { ...reopened.pause, ...(pause.windowWarned ? { windowWarned: true } : {}) };
  return { clock: { ...clock, pauses: [...base.pauses, next] }, emitted: reopened.emitted };
}

/** Cancellations for the window timers of the open pause (the supplement arrived, or the dossier ended). */
export function cancelSupplementWindow(clock: WorkingClock): ClockEmitted[] {
  const pause = openPauseOf(clock);
  if (!pause) return [];
  return windowTimers(clock, pause, clock.pauses.length).map(({ timerId, kind }) => ({ type: 'timer.cancelled', timerId, kind }));
}

function windowTimers(clock: WorkingClock, pause: ClockPause, pauseNumber: number): TimerRequest[] {
  const base = `${clock.clockId}:supplementWindow:${pauseNumber}`;
  const requests: TimerRequest[] = [];
  if (pause.windowWarningAt !== undefined && !pause.windowWarned) {
    requests.push({ timerId: `${base}:closing`, kind: 'supplement.windowClosing', dueAt: pause.windowWarningAt });
  }
  if (pause.windowDueAt !== undefined) requests.push({ timerId: base, kind: 'supplement.window', dueAt: pause.windowDueAt });
  return requests;
}

function openPauseOf(clock: WorkingClock): ClockPause | undefined {
  const last = clock.pauses.at(-1);
  return last && last.resumedAt === undefined ? last : undefined;
}
