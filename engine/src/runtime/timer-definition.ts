/**
 * @module scheduleTimerDefinition — reads a timer event definition (§10.5.3): a literal ISO 8601 text, else a FEEL
 * expression over the variables in scope (a variable holding a duration or date), scheduled from the clock.
 */
import type { EventDefinition } from '../model/procedure-definition';
import type { Run } from './run-context';
import type { TimerSchedule } from './timer-schedule';
import { scheduleTimer } from './timer-schedule';

export function scheduleTimerDefinition(run: Run, definition: EventDefinition & { type: 'timer' }, scopeId: string, actId?: string): TimerSchedule | undefined {
  const [kind, expression] = definition.timeDate
    ? (['timeDate', definition.timeDate] as const)
    : definition.timeCycle
      ? (['timeCycle', definition.timeCycle] as const)
      : (['timeDuration', definition.timeDuration] as const);
  if (!expression) return undefined;
  const body = expression.body.trim();
  const now = run.clockNow();
  const literal = scheduleTimer(kind, body.startsWith('=') ? '' : body, now);
  if (literal) return literal;
  const value = run.env.feel.evaluate(body, run.variables(scopeId, actId));
  return value.ok ? scheduleTimer(kind, value.value, now) : undefined;
}
