/**
 * @module vietnam-working-calendar — the usual assembly: the national layer with the published schedules, then the
 * province and agency layers given, and computed proposals (Labour Code 2019 Art. 112, lunar UTC+7) for any year
 * nobody has entered yet, so a deadline crossing into next year still skips Tết.
 */
import { proposeHolidays } from './lunar-holidays';
import { nationalCalendarLayer } from './official-schedules';
import { createWorkingCalendar, type CalendarLayer, type CalendarYear, type WorkingCalendar } from './working-calendar';

/**
 * @param localLayers province then agency layers (local closures, Saturday mornings, overrides)
 * @param nationalYears schedules entered by an administrator for the national layer; official ones win
 * @example
 * const calendar = createVietnamWorkingCalendar([{ id: 'xa-a', level: 'agency', name, saturdayMorning: true }]);
 */
export function createVietnamWorkingCalendar(
  localLayers: readonly CalendarLayer[] = [],
  nationalYears: readonly CalendarYear[] = [],
): WorkingCalendar {
  return createWorkingCalendar([nationalCalendarLayer(nationalYears), ...localLayers], { proposeYear: proposeHolidays });
}
