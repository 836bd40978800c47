/**
 * @module stored-calendar-source — the working calendar from the national layer plus the stored local layers,
 * rebuilt when a layer changes (several server processes see an administrator's change on their next unit of work).
 */
import { createVietnamWorkingCalendar, type CalendarLevel } from '../../../engine/src/index';
import { toTimekeeping, type CalendarSource, type Timekeeping } from '../dossiers/timekeeping';
import type { CalendarStore } from './calendar-store';

const LEVEL_ORDER: Record<CalendarLevel, number> = { national: 0, province: 1, agency: 2 };

export function createStoredCalendarSource(store: CalendarStore): CalendarSource {
  let cached: { key: string; kit: Timekeeping } | undefined;
  return {
    async current() {
      const records = (await store.list()).sort((a, b) => LEVEL_ORDER[a.layer.level] - LEVEL_ORDER[b.layer.level] || a.scope.localeCompare(b.scope));
      const key = records.map((r) => `${r.scope}@${r.updatedAt}`).join('|');
      if (cached?.key !== key) cached = { key, kit: toTimekeeping(createVietnamWorkingCalendar(records.map((r) => r.layer))) };
      return cached.kit;
    },
  };
}
