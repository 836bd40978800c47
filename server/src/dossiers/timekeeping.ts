/**
 * @module timekeeping — where the server's calendars come from: fixed in tests, the calendar store in the server
 * (calendars/stored-calendar-source.ts). Layers stack national → province → agency (DOMAIN.md "Holidays"); an
 * agency's own closure governs only that agency's clocks (issue 18).
 */
import { createVietnamWorkingCalendar, toTimekeeping, type CalendarLayer, type Calendars, type Timekeeping } from '../../../engine/src/index';

export type { Calendars, Timekeeping } from '../../../engine/src/index';
export { toTimekeeping } from '../../../engine/src/index';

export interface CalendarSource {
  /** National and province layers: the calendar of a dossier whose receiving agency has no layer of its own. */
  current(): Promise<Timekeeping>;
  /** National and province layers plus the agency's own layer: the calendar its steps' clocks count on. */
  forAgency(agencyId: string | undefined): Promise<Timekeeping>;
  /** Every jurisdiction's calendar as stored now, read once for a whole unit of work. */
  load(): Promise<Calendars>;
}

/** The national Vietnamese calendar plus local layers (agency layers by their id), never changing. */
export function fixedCalendarSource(localLayers: readonly CalendarLayer[] = []): CalendarSource {
  const province = toTimekeeping(createVietnamWorkingCalendar(localLayers.filter((l) => l.level !== 'agency')));
  const byAgency = new Map<string, Timekeeping>();
  for (const layer of localLayers) {
    if (layer.level !== 'agency' || byAgency.has(layer.id)) continue;
    byAgency.set(layer.id, toTimekeeping(createVietnamWorkingCalendar(localLayers.filter((l) => l.level !== 'agency' || l.id === layer.id))));
  }
  const calendars: Calendars = { forAgency: (agencyId) => (agencyId && byAgency.get(agencyId)) || province };
  return { current: async () => province, forAgency: async (agencyId) => calendars.forAgency(agencyId), load: async () => calendars };
}
