/**
 * @module memoizedWorkingTime — the working calendar's `workingTimeBetween` remembered per pair of instants. The
 * average processing time (Decision 766/QĐ-TTg) counts the working time from receipt to result of every finished
 * dossier on each dashboard query; those pairs do not change once a dossier is finished, so over 100,000 dossiers
 * a query after the first reads them back instead of walking the calendar again. One memo per calendar: a changed
 * calendar (a holiday declared) is a new `WorkingTime`, with an empty memo.
 */
import type { WorkingTime } from '../../../engine/src/index';

const MAX_ENTRIES = 400_000;
const memos = new WeakMap<WorkingTime, WorkingTime>();

export function memoizedWorkingTime(time: WorkingTime): WorkingTime {
  const known = memos.get(time);
  if (known) return known;
  let byFrom = new Map<number, Map<number, number>>();
  let size = 0;
  const memo: WorkingTime = {
    computeDueDate: (startAt, budget) => time.computeDueDate(startAt, budget),
    addWorkingTime: (fromAt, workingMs) => time.addWorkingTime(fromAt, workingMs),
    workingTimeBetween(fromAt, toAt) {
      let byTo = byFrom.get(fromAt);
      const found = byTo?.get(toAt);
      if (found !== undefined) return found;
      const value = time.workingTimeBetween(fromAt, toAt);
      if (size >= MAX_ENTRIES) {
        byFrom = new Map();
        size = 0;
        byTo = undefined;
      }
      if (!byTo) byFrom.set(fromAt, (byTo = new Map()));
      byTo.set(toAt, value);
      size += 1;
      return value;
    },
  };
  memos.set(time, memo);
  return memo;
}
