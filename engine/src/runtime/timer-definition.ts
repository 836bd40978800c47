/**
 * @module scheduleTimerDefinition — reads a timer event definition (§10.5.3): a literal ISO 8601 text, else a FEEL
 * expression over the variables in scope (a variable holding a duration or date), scheduled from the clock.
 */
import type { EventDefinition } from '../model/procedure-definition';
import type { IncidentCode } from './instance-state';
import type { Run } from './run-context';
import type { TimerSchedule } from './timer-schedule';
import { scheduleTimer } from './timer-schedule';

/** A timer that could not be scheduled: the incident its owner gets, with the reason. */
export interface TimerFailure {
  code: IncidentCode;
  message: string;
}

/**
 * The timer's schedule, or why there is none: an expression cut off by its budget keeps that code and message, so
 * an analyst sees the budget rather than a malformed date.
 */
export function scheduleTimerDefinition(run: Run, definition: EventDefinition & { type: 'timer' }, scopeId: string, actId?: string): { schedule: TimerSchedule } | { failure: TimerFailure } {
  const [kind, expression] = definition.timeDate
    ? (['timeDate', definition.timeDate] as const)
    : definition.timeCycle
      ? (['timeCycle', definition.timeCycle] as const)
      : (['timeDuration', definition.timeDuration] as const);
  const body = expression?.body.trim() ?? '';
  const notIso = (reason?: string) => ({ failure: { code: 'EXPRESSION_FAILED' as const, message: `"${body}" is not an ISO 8601 date, duration or cycle${reason ? `: ${reason}` : ''}` } });
  if (!body) return notIso();
  const now = run.clockNow();
  const literal = scheduleTimer(kind, body.startsWith('=') ? '' : body, now);
  if (literal) return { schedule: literal };
  const value = run.env.feel.evaluate(body, run.variables(scopeId, actId), now);
  if (!value.ok) return value.budgetExceeded ? { failure: { code: 'EXPRESSION_BUDGET_EXCEEDED', message: `${body}: ${value.message}` } } : notIso(value.message);
  const schedule = scheduleTimer(kind, value.value, now);
  return schedule ? { schedule } : notIso();
}
