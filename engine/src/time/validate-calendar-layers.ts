/**
 * @module validate-calendar-layers — checks calendar layers that come from an administrator or a database before
 * they are compiled, reporting every problem at once (STYLE.md §4).
 */
import { civilDateOf, parseIsoDate, parseTimeOfDay } from './local-day';
import type { CalendarLayer, OfficePeriod } from './working-calendar';

const KINDS = new Set(['holiday', 'compensatory', 'swappedDayOff', 'makeUpWorkingDay', 'localClosure']);
const LEVELS = new Set(['national', 'province', 'agency']);
const WEEKDAY_NAMES = new Set(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']);

function periodIssues(where: string, periods: unknown): string[] {
  if (!Array.isArray(periods)) return [`${where}: periods must be a list`];
  const issues: string[] = [];
  let previousEnd = -1;
  for (const [i, period] of (periods as OfficePeriod[]).entries()) {
    const start = parseTimeOfDay(String(period?.start));
    const end = parseTimeOfDay(String(period?.end));
    if (start === undefined || end === undefined) {
      issues.push(`${where}[${i}]: start and end must be HH:MM`);
    } else if (start >= end || start < previousEnd) {
      issues.push(`${where}[${i}]: periods must be in order, each ending after it starts, without overlap`);
    } else {
      previousEnd = end;
    }
  }
  return issues;
}

const isText = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && typeof (value as { vi?: unknown }).vi === 'string'
  && typeof (value as { en?: unknown }).en === 'string';

/** Every problem of the layers, as sentences naming where it is; empty when valid. */
export function validateCalendarLayers(layers: readonly CalendarLayer[]): string[] {
  const issues: string[] = [];
  if (!Array.isArray(layers) || layers.length === 0) return ['a calendar needs at least one layer'];
  const ids = new Set<string>();
  for (const layer of layers) {
    const at = `layer ${String(layer?.id)}`;
    if (typeof layer?.id !== 'string' || layer.id === '') issues.push('a layer needs an id');
    else if (ids.has(layer.id)) issues.push(`${at}: duplicate layer id`);
    else ids.add(layer.id);
    if (!LEVELS.has(layer?.level)) issues.push(`${at}: level must be national, province or agency`);
    if (!isText(layer?.name)) issues.push(`${at}: name needs vi and en`);
    for (const [weekday, periods] of Object.entries(layer?.officeHours ?? {})) {
      if (!WEEKDAY_NAMES.has(weekday)) issues.push(`${at}: unknown weekday ${weekday}`);
      issues.push(...periodIssues(`${at} officeHours.${weekday}`, periods));
    }
    if (layer.cutOffTime !== undefined && parseTimeOfDay(layer.cutOffTime) === undefined) {
      issues.push(`${at}: cutOffTime must be HH:MM`);
    }
    const hours = layer.hoursPerWorkingDay;
    if (hours !== undefined && !(typeof hours === 'number' && hours > 0 && hours <= 24)) {
      issues.push(`${at}: hoursPerWorkingDay must be in (0, 24]`);
    }
    const seen = new Set<string>();
    for (const year of layer.years ?? []) {
      const atYear = `${at} year ${String(year?.year)}`;
      if (!Number.isInteger(year?.year)) issues.push(`${at}: year must be an integer`);
      if (year?.status !== 'proposed' && year?.status !== 'official') issues.push(`${atYear}: status must be proposed or official`);
      const key = `${year?.year}:${year?.status}`;
      if (seen.has(key)) issues.push(`${atYear}: two ${year?.status} schedules`);
      seen.add(key);
      const dates = new Set<string>();
      for (const entry of Array.isArray(year?.days) ? year.days : []) {
        const day = parseIsoDate(String(entry?.date));
        const atDay = `${atYear} ${String(entry?.date)}`;
        if (day === undefined) issues.push(`${atDay}: date must be YYYY-MM-DD`);
        else if (civilDateOf(day).year !== year.year) issues.push(`${atDay}: date outside its year`);
        if (dates.has(entry?.date)) issues.push(`${atDay}: two entries for one date`);
        dates.add(entry?.date);
        if (!KINDS.has(entry?.kind)) issues.push(`${atDay}: unknown kind ${String(entry?.kind)}`);
        if (!isText(entry?.reason)) issues.push(`${atDay}: reason needs vi and en`);
        if (entry?.periods !== undefined) issues.push(...periodIssues(`${atDay} periods`, entry.periods));
      }
      if (!Array.isArray(year?.days)) issues.push(`${atYear}: days must be a list`);
    }
  }
  return issues;
}
