/**
 * @module stored-calendar-source — the working calendars from the national layer plus the stored local layers: national
 * and province layers for everyone, an agency's layer only for that agency's clocks (issue 18); each rebuilt when a layer changes (several server processes see an administrator's change on their next unit of work).
 */
import { createVietnamWorkingCalendar, type CalendarLevel } from '../../../engine/src/index';
import { toTimekeeping, type CalendarSource, type Timekeeping } from '../dossiers/timekeeping';
import type { CalendarStore } from './calendar-store';

const LEVEL_ORDER: Record<CalendarLevel, number> = { national: 0, province: 1, agency: 2 };

export function createStoredCalendarSource(store: CalendarStore): CalendarSource {
  const cached = new Map<string, { key: string; kit: Timekeeping }>();
  /** The layers governing `agencyId` (all national and province layers, and that agency's own), in stacking order. */
  async function kitFor(agencyId: string | undefined): Promise<Timekeeping> {
    const records = (await store.list())
      .filter((r) => r.layer.level !== 'agency' || (agencyId !== undefined && r.scope === agencyId))
      .sort((a, b) => LEVEL_ORDER[a.layer.level] - LEVEL_ORDER[b.layer.level] || a.scope.localeCompare(b.scope));
    const key = records.map((r) => `${r.scope}@${r.updatedAt}`).join('|');
    const slot = agencyId ?? '';
    const hit = cached.get(slot);
    if (hit?.key === key) return hit.kit;
    const kit = toTimekeeping(createVietnamWorkingCalendar(records.map((r) => r.layer)));
    cached.set(slot, { key, kit });
    return kit;
  }
  return { current: () => kitFor(undefined), forAgency: kitFor };
}
