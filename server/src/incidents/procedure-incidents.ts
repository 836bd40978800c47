/**
 * @module procedure-incidents — the analyst's view of a procedure's incidents: per element and incident code, how
 * many dossiers raised it, how many still have it open, when it was last seen and its latest message. Read from the
 * dashboard's facts (one compact record per dossier), so no dossier's form or applicant is read or answered.
 */
import type { DossierFactsRecord } from '../statistics/dossier-facts-record';
import type { DossierFactsStore } from '../statistics/dossier-facts-store';

/** Incidents of one code at one element, over every dossier of the procedure the asker may see. */
export interface ProcedureIncident {
  elementId: string;
  code: string;
  /** The most recent message (they differ only by the figures of each evaluation). */
  message: string;
  /** Dossiers that raised it at least once. */
  dossiers: number;
  /** Of those, the dossiers where it is not resolved yet. */
  openDossiers: number;
  lastSeenAt: number;
  /** Procedure versions it was raised in: an element id may not exist in every version. */
  versions: number[];
}

/** Groups the incidents of `facts` by element and code, most recently seen first. */
export function toProcedureIncidents(facts: readonly DossierFactsRecord[]): ProcedureIncident[] {
  const byKey = new Map<string, ProcedureIncident & { seen: Set<string>; open: Set<string> }>();
  for (const record of facts) {
    for (const incident of record.incidents ?? []) {
      const key = `${incident.elementId}\u0000${incident.code}`;
      const entry =
        byKey.get(key) ??
        { elementId: incident.elementId, code: incident.code, message: incident.message, dossiers: 0, openDossiers: 0, lastSeenAt: incident.at, versions: [], seen: new Set<string>(), open: new Set<string>() };
      byKey.set(key, entry);
      entry.seen.add(record.dossierId);
      if (!incident.resolved) entry.open.add(record.dossierId);
      if (incident.at >= entry.lastSeenAt) Object.assign(entry, { lastSeenAt: incident.at, message: incident.message });
      if (!entry.versions.includes(record.procedureVersion)) entry.versions.push(record.procedureVersion);
    }
  }
  return [...byKey.values()]
    .map(({ seen, open, ...incident }) => ({ ...incident, dossiers: seen.size, openDossiers: open.size, versions: incident.versions.sort((a, b) => a - b) }))
    .sort((a, b) => b.lastSeenAt - a.lastSeenAt || a.elementId.localeCompare(b.elementId));
}

/** The incidents of procedure `key`, limited to dossiers whose route reached `agencyIds` when given (a supervisor's scope). */
export async function listProcedureIncidents(facts: DossierFactsStore, key: string, scope: { agencyIds?: readonly string[] }): Promise<ProcedureIncident[]> {
  const records = await facts.list({ procedureKey: key, withIncidents: true, withoutHistory: true, ...(scope.agencyIds ? { agencyIds: scope.agencyIds } : {}) });
  return toProcedureIncidents(records);
}
