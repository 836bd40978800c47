/**
 * @module calendars-by-agency — the calendars of the agencies a page or a report names, read once each: a step's
 * figure counts on the calendar of the agency holding it, a dossier's on the receiving agency's (issue 18). The
 * source keeps one calendar per agency until a layer changes, so each agency's calendar (and its memoized working-time
 * arithmetic) is built once, whatever the number of dossiers.
 */
import type { CalendarSource, Timekeeping } from '../dossiers/timekeeping';

/** `calendarOf(agencyId)` for every agency of `agencyIds` (and for no agency: national and province layers). */
export async function calendarsByAgency(source: CalendarSource, agencyIds: Iterable<string | undefined>): Promise<(agencyId: string | undefined) => Timekeeping> {
  const ids = [...new Set([undefined, ...agencyIds])];
  const kits = await Promise.all(ids.map((id) => source.forAgency(id)));
  const byId = new Map(ids.map((id, i) => [id, kits[i]!]));
  const fallback = byId.get(undefined)!;
  return (agencyId) => byId.get(agencyId) ?? fallback;
}
