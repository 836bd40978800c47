/**
 * @module runDossierChange — runs a use case as one unit of work on one dossier, retried as a whole when another
 * writer changed the dossier meanwhile (optimistic concurrency: the revision check in `dossiers.update`).
 * Engine refusals become HTTP problems here: completing a step that is no longer open is a 409, never a double
 * completion; a transition the national status rules forbid is a 409 too.
 */
import { EngineError } from '../../../engine/src/index';
import { ConcurrencyConflict, type DossierRecord, type ProcedureRecord } from '../stores';
import { Refusal } from '../refusal';
import type { Actor, DossierDeps } from './dossier-deps';
import { DossierChange, type TxStores } from './dossier-change';
import type { Timekeeping } from './timekeeping';
import { announceHeatmapChanges, recordDossierFacts } from '../statistics/record-dossier-facts';
import type { HeatmapChange } from '../heatmap/heatmap-notifier';
import { idForRequest } from '../command-key';

const ATTEMPTS = 5;

export function dossierNotFound(id: string): Refusal {
  return new Refusal({ kind: 'notFound', code: 'DOSSIER_NOT_FOUND', title: 'No such dossier', detail: `No dossier with id ${id}` });
}

/** Loads the dossier and its pinned procedure version inside `tx` and runs `work` on them, then saves. */
export async function runDossierChange<T>(
  deps: DossierDeps,
  dossierId: string,
  actor: Actor,
  work: (change: DossierChange) => Promise<T>,
): Promise<{ result: T; dossier: DossierRecord }> {
  let changes: HeatmapChange[] = [];
  const outcome = await withRetry(() =>
    deps.stores.transaction(async (tx) => {
      const dossier = await tx.dossiers.get(dossierId);
      if (!dossier) throw dossierNotFound(dossierId);
      const procedure = await procedureOf(tx, dossier.procedureKey, dossier.procedureVersion);
      const change = new DossierChange(deps, tx, dossier, procedure, await deps.calendars.current(), actor);
      await change.loadOpenSteps();
      const result = await work(change);
      const saved = await change.save();
      changes = await recordDossierFacts(deps, tx, saved); // the dashboard's facts, in the same unit of work
      return { result, dossier: saved };
    }),
  );
  announceHeatmapChanges(deps, changes); // after the commit: the live heatmap refetches
  return outcome;
}

/**
 * Runs `work` on a dossier record that does not exist yet; `save` creates it. A request sent again with the same
 * Idempotency-Key after its first attempt committed (and its process died before the answer was stored) gets the
 * dossier that attempt created, without `result`: the dossier id derives from the key (`idForRequest`). The id is
 * chosen once, before the first attempt, so every attempt (after a conflict, or the retry of a dead request) asks
 * for the code of the same dossier and gets the same number.
 */
export async function runNewDossier<T>(
  deps: DossierDeps,
  procedure: ProcedureRecord,
  actor: Actor,
  build: (tx: TxStores, kit: Timekeeping, id: string) => Promise<DossierRecord>,
  work: (change: DossierChange) => Promise<T>,
): Promise<{ result?: T; dossier: DossierRecord }> {
  const keyedId = idForRequest('dossier');
  const created = keyedId ? await deps.stores.dossiers.get(keyedId) : undefined;
  if (created) return { dossier: created };
  const id = keyedId ?? deps.newId();
  let changes: HeatmapChange[] = [];
  const outcome = await withRetry(() =>
    deps.stores.transaction(async (tx) => {
      const kit = await deps.calendars.current();
      const change = new DossierChange(deps, tx, await build(tx, kit, id), procedure, kit, actor, { isNew: true });
      const result = await work(change);
      const saved = await change.save();
      changes = await recordDossierFacts(deps, tx, saved); // the dashboard's facts, in the same unit of work
      return { result, dossier: saved };
    }),
  );
  announceHeatmapChanges(deps, changes); // after the commit: the live heatmap refetches
  return outcome;
}

export async function procedureOf(tx: TxStores, key: string, version: number): Promise<ProcedureRecord> {
  const procedure = await tx.procedures.get(key, version);
  if (!procedure) throw new Refusal({ kind: 'notFound', code: 'PROCEDURE_NOT_FOUND', title: 'No such procedure version', detail: `No version ${version} of ${key}` });
  return procedure;
}

async function withRetry<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tried = 1; ; tried += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof ConcurrencyConflict && tried < ATTEMPTS) continue;
      throw toProblem(error);
    }
  }
}

function toProblem(error: unknown): unknown {
  if (error instanceof ConcurrencyConflict) {
    return new Refusal({ kind: 'conflict', code: 'CONCURRENT_CHANGE', title: 'The dossier is being changed by someone else', detail: 'Try again.', cause: error });
  }
  if (!(error instanceof EngineError)) return error;
  if (error.code === 'TASK_ALREADY_COMPLETED') {
    return new Refusal({ kind: 'conflict', code: 'STEP_NOT_OPEN', title: 'The step is no longer open', detail: error.message, cause: error });
  }
  return new Refusal({ kind: 'conflict', code: error.code, title: 'Not allowed in the dossier\'s current status', detail: error.message, cause: error });
}
