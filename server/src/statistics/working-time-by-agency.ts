/**
 * @module working-time-by-agency — the working-time arithmetic a figure counts on: a dossier's on its receiving
 * agency's calendar, a step's on the calendar of the agency holding it (issue 18). One memoized arithmetic per agency
 * for the whole report, so a report over many dossiers measures each working span once per agency (memoized-working-time).
 */
import type { WorkingTime } from '../../../engine/src/index';
import { calendarsByAgency } from '../calendars/calendars-by-agency';
import { memoizedWorkingTime } from './memoized-working-time';
import type { StatsDeps } from './stats-deps';

export async function workingTimeByAgency(deps: Pick<StatsDeps, 'calendars'>, agencyIds: Iterable<string | undefined>): Promise<(agencyId: string | undefined) => WorkingTime> {
  const calendarOf = await calendarsByAgency(deps.calendars, agencyIds);
  const memos = new Map<string | undefined, WorkingTime>();
  return (agencyId) => {
    let time = memos.get(agencyId);
    if (!time) memos.set(agencyId, (time = memoizedWorkingTime(calendarOf(agencyId).time)));
    return time;
  };
}
