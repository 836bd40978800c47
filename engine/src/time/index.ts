/**
 * @module time — working-time calendars (national → province → agency), Vietnamese lunar holidays, and due-date
 * arithmetic in working days, working hours, calendar days and same day, every result with its explanation.
 * Pure and browser-safe: instants are epoch ms, local time is Vietnam's fixed UTC+7.
 */
export {
  createWorkingCalendar, DEFAULT_OFFICE_HOURS, WEEKDAYS,
  type CalendarDayEntry, type CalendarLayer, type CalendarLevel, type CalendarYear, type DayKind, type LocalizedText,
  type OfficePeriod, type ResolvedDay, type Weekday, type WeeklyOfficeHours, type WorkingCalendar,
  type WorkingCalendarOptions, type YearStatus,
} from './working-calendar';
export { validateCalendarLayers } from './validate-calendar-layers';
export { createVietnamWorkingCalendar } from './vietnam-working-calendar';
export { nationalCalendarLayer, OFFICIAL_SCHEDULES } from './official-schedules';
export { proposeHolidays } from './lunar-holidays';
export {
  CHINA_TIME_ZONE_HOURS, fromLunarDate, lunarNewYearDay, lunarYearName, toLunarDate, VIETNAM_TIME_ZONE_HOURS,
  type LunarDate,
} from './lunar-date';
export {
  civilDateOf, fromLocalDateTime, localDayFromDate, localDayOf, msOfLocalDay, parseIsoDate, startOfLocalDay, toIsoDate,
  VIETNAM_OFFSET_MS, weekdayOf, type CivilDate, type LocalDay,
} from './local-day';
export { formatLocalDay, formatLocalInstant, type Language } from './format-local-day';
export { budgetWorkingMs, computeDueDate, resolveDueDate, type DueDate, type DueDateOptions } from './due-date';
export { describeLayer, toExplanationLayer, type ExplanationEntry, type ExplanationKind, type ExplanationLayer } from './explanation-entry';
export {
  addWorkingTime, endOfWorkingDay, isWorkingInstant, nextWorkingDay, nextWorkingStart, workingTimeBetween,
} from './working-time-between';
export { nearlyDueAt } from './nearly-due-at';
export { reprojectDeadlines, type OpenDeadline, type ReprojectedDeadline } from './reproject-deadlines';
