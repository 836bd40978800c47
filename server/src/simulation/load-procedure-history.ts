/**
 * @module loadProcedureHistory — reads a procedure's recorded history for the what-if simulation (issue 19): the
 * dossiers received in a period, their completed steps (opened, claimed when recorded, completed) with the spans the dossier waited for the citizen (from the
 * progress records: status 5 waiting for a supplement, 6 waiting for fees), and what was observed (finished on time
 * or late against the appointment). Loads only; the measuring and the simulating are the engine's
 * (engine/src/simulation: measureHistory, simulateProcedure).
 */
import type { HistoricStep } from '../../../engine/src/index';
import type { DossierRecord, Stores } from '../stores';

export interface HistoryQuery {
  procedureKey: string;
  /** Dossiers received in [fromAt, toAt). */
  fromAt: number;
  toAt: number;
  /** The observation ends here: a dossier not finished by then is late if its appointment has passed, else unknown. */
  observedAt: number;
}

export interface ProcedureHistory {
  receivedAts: number[];
  steps: HistoricStep[];
  citizenWaits: { from: number; to: number }[];
  /** Dossiers whose outcome is known at `observedAt`: on time, late (finished late, or still open past the appointment). */
  observed: { onTime: number; late: number; unknown: number };
  versions: number[];
}

const PAGE = 500;
const PAUSED_STATUSES = new Set<number>([5, 6]);

async function listDossiers(stores: Pick<Stores, 'dossiers'>, query: HistoryQuery): Promise<DossierRecord[]> {
  const dossiers: DossierRecord[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await stores.dossiers.list({ procedureKey: query.procedureKey, receivedFrom: query.fromAt, receivedTo: query.toAt - 1 }, { offset, limit: PAGE });
    dossiers.push(...page.items);
    if (page.items.length < PAGE) return dossiers.filter((dossier) => dossier.receivedAt !== undefined && dossier.receivedAt < query.toAt);
  }
}

/** The history of `query.procedureKey` received in the period. */
export async function loadProcedureHistory(stores: Pick<Stores, 'dossiers' | 'steps' | 'progress'>, query: HistoryQuery): Promise<ProcedureHistory> {
  const dossiers = await listDossiers(stores, query);
  const history: ProcedureHistory = { receivedAts: [], steps: [], citizenWaits: [], observed: { onTime: 0, late: 0, unknown: 0 }, versions: [] };
  const versions = new Set<number>();
  for (const dossier of dossiers) {
    history.receivedAts.push(dossier.receivedAt!);
    versions.add(dossier.procedureVersion);
    const spans: { from: number; to?: number }[] = [];
    for (const entry of await stores.progress.listByDossier(dossier.id)) {
      const open = spans.at(-1);
      if (PAUSED_STATUSES.has(entry.status) && (!open || open.to !== undefined)) spans.push({ from: entry.at });
      else if (!PAUSED_STATUSES.has(entry.status) && open && open.to === undefined) open.to = entry.at;
    }
    for (const span of spans) if (span.to !== undefined) history.citizenWaits.push({ from: span.from, to: span.to });
    const steps = await stores.steps.list({ dossierId: dossier.id }, { offset: 0, limit: PAGE });
    for (const step of steps.items) {
      if (step.kind !== 'userTask' && step.kind !== 'manualTask') continue;
      if (step.completedAt === undefined) continue;
      history.steps.push({
        procedureVersion: dossier.procedureVersion, elementId: step.elementId, startedAt: step.startedAt, completedAt: step.completedAt,
        ...(step.claimedAt !== undefined ? { claimedAt: step.claimedAt } : {}),
        ...(step.agencyId ? { agencyId: step.agencyId } : {}), ...(step.departmentId ? { departmentId: step.departmentId } : {}),
        ...(step.outcome ? { outcome: step.outcome } : {}), pausedSpans: spans,
      });
    }
    const finishedAt = dossier.finishedAt;
    if (dossier.appointmentAt === undefined) history.observed.unknown += 1;
    else if (finishedAt !== undefined && finishedAt <= query.observedAt) history.observed[finishedAt <= dossier.appointmentAt ? 'onTime' : 'late'] += 1;
    else if (dossier.appointmentAt < query.observedAt) history.observed.late += 1;
    else history.observed.unknown += 1;
  }
  history.versions = [...versions].sort((a, b) => a - b);
  return history;
}
