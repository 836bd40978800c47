/** @module vietnamTime — the lifecycle tests run on the real national calendar (office hours 07:30–11:30, 13:00–17:00). */
import { toWorkingTime } from '../../../engine/src/lifecycle/index';
import { createVietnamWorkingCalendar } from '../../../engine/src/time/index';

export const HOUR = 3_600_000;
export const time = toWorkingTime(createVietnamWorkingCalendar());

/** An instant written in Vietnam local time, e.g. `vn('2026-04-22T09:00')`. */
export const vn = (local: string): number => Date.parse(`${local}:00+07:00`);
