/**
 * @module fakeWorkingTime — a stand-in calendar for the lifecycle tests until engine/src/time is committed:
 * Monday–Friday 08:00–16:00 Vietnam time (8 working hours), no holidays.
 */
import type { Budget } from '../../../engine/src/model/procedure-definition';
import type { WorkingTime } from '../../../engine/src/lifecycle/working-time';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OFFSET = 7 * HOUR;
const OPEN = 8 * HOUR;
const CLOSE = 16 * HOUR;

const dayOf = (at: number) => Math.floor((at + OFFSET) / DAY);
const isWorkingDay = (day: number) => ((day + 4) % 7) % 6 !== 0; // day 0 = Thursday 1970-01-01
const startOf = (day: number) => day * DAY - OFFSET;

/** Next instant at or after `at` that is inside working hours (or `at` itself). */
function snap(at: number): number {
  let day = dayOf(at);
  let local = at - startOf(day);
  for (;;) {
    if (isWorkingDay(day) && local < CLOSE) return startOf(day) + Math.max(local, OPEN);
    day += 1;
    local = 0;
  }
}

export function fakeWorkingTime(): WorkingTime {
  const addWorkingTime = (fromAt: number, workingMs: number): number => {
    let at = snap(fromAt);
    let left = workingMs;
    for (;;) {
      const closeAt = startOf(dayOf(at)) + CLOSE;
      if (left <= closeAt - at) return at + left;
      left -= closeAt - at;
      at = snap(closeAt);
    }
  };
  const workingTimeBetween = (fromAt: number, toAt: number): number => {
    let total = 0;
    let at = snap(fromAt);
    while (at < toAt) {
      const closeAt = startOf(dayOf(at)) + CLOSE;
      total += Math.min(closeAt, toAt) - at;
      at = snap(closeAt);
    }
    return total;
  };
  const budgetMs = (budget: Budget) => (budget.unit === 'workingHours' ? budget.value : budget.value * 8) * HOUR;
  return {
    addWorkingTime,
    workingTimeBetween,
    computeDueDate(startAt, budget) {
      const effectiveStartAt = snap(startAt);
      return { effectiveStartAt, dueAt: addWorkingTime(effectiveStartAt, budgetMs(budget)) };
    },
  };
}
