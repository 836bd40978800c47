/**
 * @module stats-deps — what the statistics and heatmap queries read: the facts store, the clock, the working
 * calendar (average processing time and delays in working time) and the directories that give rows their labels.
 */
import type { Clock } from '../../../engine/src/index';
import type { ProcedureStore } from '../stores';
import type { AgencyStore } from '../access/agency-store';
import type { UserStore } from '../access/user-store';
import type { CalendarSource } from '../dossiers/timekeeping';
import type { DossierFactsStore } from './dossier-facts-store';

export interface StatsDeps {
  facts: DossierFactsStore;
  clock: Clock;
  calendars: CalendarSource;
  agencies: AgencyStore;
  users: UserStore;
  procedures: ProcedureStore;
}

export type Dimension = 'agency' | 'department' | 'official' | 'procedure';

/** Names for row keys, read once per request (the directories are small). */
export async function loadLabels(deps: StatsDeps, dimension: Dimension): Promise<(key: string) => string> {
  const names = new Map<string, string>();
  if (dimension === 'agency' || dimension === 'department') {
    for (const agency of await deps.agencies.list()) {
      if (dimension === 'agency') names.set(agency.id, agency.name);
      else for (const department of agency.departments) names.set(department.id, `${department.name} (${agency.name})`);
    }
  } else if (dimension === 'official') {
    for (const user of await deps.users.list()) names.set(user.id, user.displayName);
  } else {
    for (const procedure of await deps.procedures.listLatest()) names.set(procedure.key, procedure.name);
  }
  return (key) => names.get(key) ?? key;
}
