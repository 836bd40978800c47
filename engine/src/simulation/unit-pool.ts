/**
 * @module UnitPool — the officials of one unit (an agency, or a department of it) as a resource: a step waits in
 * first-come-first-served order until one of them is free, then holds that official while it is worked on. A unit
 * without stated staffing never queues (as many officials as steps). Busy time is counted in working time of the
 * unit's calendar, for the unit's utilisation.
 */
import type { WorkingCalendar } from '../time/working-calendar';

export class UnitPool<T> {
  private free: number;
  private readonly waiting: T[] = [];
  private head = 0;
  /** Working ms during which officials of this unit held a step. */
  busyWorkingMs = 0;

  constructor(
    readonly key: string,
    readonly officials: number,
    readonly calendar: WorkingCalendar,
  ) {
    this.free = officials;
  }

  /** Takes an official for `item` at once when one is free (true), else queues it (false). */
  request(item: T): boolean {
    if (this.free > 0) {
      this.free -= 1;
      return true;
    }
    this.waiting.push(item);
    return false;
  }

  /** Gives an official back: the next waiting item, if any, takes them (returned), else they become free. */
  release(): T | undefined {
    if (this.head < this.waiting.length) {
      const next = this.waiting[this.head]!;
      this.head += 1;
      if (this.head > 1024 && this.head * 2 > this.waiting.length) {
        this.waiting.splice(0, this.head);
        this.head = 0;
      }
      return next;
    }
    this.free += 1;
    return undefined;
  }

  /** Removes a queued item that no longer needs an official (its step was cancelled); true when it was queued. */
  withdraw(item: T): boolean {
    const index = this.waiting.indexOf(item, this.head);
    if (index < 0) return false;
    this.waiting.splice(index, 1);
    return true;
  }
}
