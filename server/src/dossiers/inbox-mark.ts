/**
 * @module inbox-mark — how urgent an open step is for the inbox (DOMAIN.md "Early, on time, overdue, nearly due"):
 * overdue, nearly due, due (in time) or paused, with the working time left (negative when late) in ms and in words.
 */
import { openPause, type WorkingTime } from '../../../engine/src/index';
import type { StepRecord } from '../stores';
import { clockContextOf } from '../../../engine/src/index';

export type InboxMark = 'overdue' | 'nearlyDue' | 'due' | 'paused' | 'none';

export interface Urgency {
  mark: InboxMark;
  remainingMs?: number;
  remainingText?: string;
}

const RANK: Record<InboxMark, number> = { overdue: 0, nearlyDue: 1, due: 2, paused: 3, none: 4 };
const MINUTE_MS = 60_000;

export function urgencyOf(step: StepRecord, now: number, time: WorkingTime): Urgency {
  const clock = clockContextOf(step)?.clock;
  if (!clock) return { mark: 'none' };
  const pause = openPause(clock);
  if (pause) return { mark: 'paused', remainingMs: pause.remainingMs, remainingText: `Tạm dừng, còn ${durationText(pause.remainingMs)}` };
  const remainingMs = now < clock.dueAt ? time.workingTimeBetween(now, clock.dueAt) : -time.workingTimeBetween(clock.dueAt, now);
  const mark: InboxMark = now >= clock.dueAt ? 'overdue' : clock.nearlyDueAt !== undefined && now >= clock.nearlyDueAt ? 'nearlyDue' : 'due';
  return { mark, remainingMs, remainingText: remainingMs < 0 ? `Quá hạn ${durationText(-remainingMs)}` : `Còn ${durationText(remainingMs)}` };
}

/** Overdue first, then nearly due, then by due instant (server issue §4). */
export function compareUrgency(a: { urgency: Urgency; step: StepRecord }, b: { urgency: Urgency; step: StepRecord }): number {
  return RANK[a.urgency.mark] - RANK[b.urgency.mark] || (a.step.dueAt ?? Infinity) - (b.step.dueAt ?? Infinity) || a.step.startedAt - b.step.startedAt;
}

/** Working time in words, 8 working hours a day (DOMAIN.md "Time"): "1 ngày 3 giờ", "1 giờ 30 phút làm việc". */
export function durationText(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / MINUTE_MS);
  const days = Math.floor(minutes / (8 * 60));
  const hours = Math.floor((minutes % (8 * 60)) / 60);
  const rest = minutes % 60;
  // Minutes matter only within the last working day.
  const parts = [days > 0 ? `${days} ngày` : '', hours > 0 ? `${hours} giờ` : '', days === 0 && (rest > 0 || hours === 0) ? `${rest} phút` : ''].filter(Boolean);
  return `${parts.join(' ')} làm việc`;
}
