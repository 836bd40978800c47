/**
 * @module stored-calendar-source — the working calendars from the national layer plus the stored local layers: national
 * and province layers for everyone, an agency's layer only for that agency's clocks (issue 18); each rebuilt when a
 * layer changes (several server processes see an administrator's change on their next unit of work). A stored
 * national layer (scope `VN`) holds the years an administrator confirmed: they join the built-in schedules, an
 * official year winning over the proposal (DOMAIN.md "Holidays": per-year administrator data).
 *
 * Province tenancy (issue 18 item 2): the store lists the layers of the province the work runs in (the built-in
 * national schedules are every province's; the stored layers, its confirmation of national years included, are its
 * own), and the calendars kept between reads are kept per province, so one province's layers never reach another's
 * clocks.
 */
import { createVietnamWorkingCalendar, type CalendarLevel } from '../../../engine/src/index';
import { toTimekeeping, type CalendarSource, type Timekeeping } from '../dossiers/timekeeping';
import type { CalendarLayerRecord, CalendarStore } from './calendar-store';
import { currentProvinceScope } from '../tenancy/province-scope';

/** The province whose layers the current work reads (`*` nationally, where every province's are listed). */
function provinceSlot(): string {
  const scope = currentProvinceScope('Reading the calendars');
  return scope.kind === 'province' ? scope.provinceCode : '*';
}

const LEVEL_ORDER: Record<CalendarLevel, number> = { national: 0, province: 1, agency: 2 };

export function createStoredCalendarSource(store: CalendarStore): CalendarSource {
  const cached = new Map<string, { key: string; kit: Timekeeping }>();
  /** The calendar of `agencyId` from the stored `all` (national and province layers, and that agency's own). */
  function kitOf(all: readonly CalendarLayerRecord[], agencyId: string | undefined, province: string): Timekeeping {
    const records = all
      .filter((r) => r.layer.level !== 'agency' || (agencyId !== undefined && r.scope === agencyId))
      .sort((a, b) => LEVEL_ORDER[a.layer.level] - LEVEL_ORDER[b.layer.level] || a.scope.localeCompare(b.scope));
    const key = records.map((r) => `${r.scope}@${r.updatedAt}`).join('|');
    const slot = `${province}|${agencyId ?? ''}`;
    const hit = cached.get(slot);
    if (hit?.key === key) return hit.kit;
    const national = records.filter((r) => r.layer.level === 'national').flatMap((r) => r.layer.years ?? []);
    const local = records.filter((r) => r.layer.level !== 'national').map((r) => r.layer);
    const kit = toTimekeeping(createVietnamWorkingCalendar(local, national));
    cached.set(slot, { key, kit });
    return kit;
  }
  const forAgency = async (agencyId: string | undefined): Promise<Timekeeping> => kitOf(await store.list(), agencyId, provinceSlot());
  const source = {
    current: () => forAgency(undefined),
    forAgency,
    /** Every jurisdiction's calendar from one read of the store, for a whole unit of work. */
    load: async (): Promise<{ forAgency(agencyId: string | undefined): Timekeeping }> => {
      const province = provinceSlot();
      const records = await store.list();
      return { forAgency: (agencyId) => kitOf(records, agencyId, province) };
    },
  };
  return source;
}

/** The calendars of a fixed set of stored layers: those before a change, to explain what the change moved. */
export function calendarSourceOf(records: readonly CalendarLayerRecord[]): CalendarSource {
  const frozen = [...records];
  return createStoredCalendarSource({
    list: async () => frozen,
    get: async (scope) => frozen.find((r) => r.scope === scope),
    put: async () => {
      throw new Error('a calendar snapshot is read-only');
    },
  });
}
