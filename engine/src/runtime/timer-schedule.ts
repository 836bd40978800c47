/**
 * @module timerSchedule — turns a timer event definition's value (ISO 8601 duration, date-time or repeating
 * interval, BPMN 2.0 §10.5.3 Table 10.93) into the first due instant and the repetitions left. Time comes from the
 * injected clock's `now`; nothing here reads the system clock.
 */

const DURATION = /^(-)?P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;
const CYCLE = /^R(\d*)\/(.+)$/;

/** Milliseconds of an ISO 8601 duration, years and months counted as 365 and 30 days; undefined if invalid. */
export function parseDurationMs(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match || text.trim() === 'P' || text.trim().endsWith('T')) return undefined;
  const n = (i: number): number => (match[i] ? Number(match[i]!.replace(',', '.')) : 0);
  const ms = ((((n(2) * 365 + n(3) * 30 + n(4) * 7 + n(5)) * 24 + n(6)) * 60 + n(7)) * 60 + n(8)) * 1000;
  return match[1] ? -ms : ms;
}

export interface TimerSchedule {
  dueAt: number;
  /** Repetitions left after the first firing (-1 = unbounded); absent for one-shot timers. */
  repeat?: number;
  intervalMs?: number;
}

export type TimerValueKind = 'timeDuration' | 'timeDate' | 'timeCycle';

/** Reads a FEEL duration/date value or a string as an ISO 8601 text. */
function toText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') return undefined;
  if (value && typeof value === 'object' && typeof value.toString === 'function') {
    const text = String(value);
    return text === '[object Object]' ? undefined : text;
  }
  return undefined;
}

/** Computes when a timer is due; undefined when the value cannot be read as its kind. */
export function scheduleTimer(kind: TimerValueKind, value: unknown, now: number): TimerSchedule | undefined {
  if (kind === 'timeDate' && typeof value === 'number') return { dueAt: value };
  const text = toText(value)?.trim();
  if (!text) return undefined;
  if (kind === 'timeDuration') {
    const ms = parseDurationMs(text);
    return ms === undefined ? undefined : { dueAt: now + Math.max(0, ms) };
  }
  if (kind === 'timeDate') {
    const at = Date.parse(text);
    return Number.isNaN(at) ? undefined : { dueAt: at };
  }
  const cycle = CYCLE.exec(text);
  if (!cycle) {
    // A bare duration in timeCycle repeats without bound (as Camunda reads it).
    const ms = parseDurationMs(text);
    return ms === undefined ? undefined : { dueAt: now + ms, repeat: -1, intervalMs: ms };
  }
  const count = cycle[1] === '' ? -1 : Number(cycle[1]);
  const parts = cycle[2]!.split('/');
  let start = now;
  let durationText = parts[0]!;
  if (parts.length === 2) {
    const at = Date.parse(parts[0]!);
    if (Number.isNaN(at)) return undefined;
    start = at;
    durationText = parts[1]!;
  }
  const ms = parseDurationMs(durationText);
  if (ms === undefined || ms <= 0 || count === 0) return undefined;
  // R/start/duration fires first at the start instant; R/duration one interval from now.
  const dueAt = parts.length === 2 ? start : now + ms;
  return { dueAt, repeat: count === -1 ? -1 : count - 1, intervalMs: ms };
}
