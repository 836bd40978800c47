/**
 * @module runDossierChange — runs one command on one dossier as one unit of work: load the dossier, its pinned
 * procedure version and its open steps, decide (engine/src/dossier), save; retried as a whole when another writer
 * changed the dossier meanwhile (optimistic concurrency: the revision check in `dossiers.update`). A lost race and an
 * engine refusal become domain refusals (`Refusal`); `http/` answers them. A command sent with an Idempotency-Key
 * completes the key in the same unit of work with its result (command-key.ts `answerRequest`), and an attempt after
 * one that committed returns that result without deciding again.
 */
import { carryOut, carryOutNew, EngineError, openNew, Refusal, stepNotFound, stepNotOpen, type DossierCommand, type NewDossier, type NewDossierCommand } from '../../../engine/src/index';
import { ConcurrencyConflict, DuplicateKey, type DossierRecord, type ProcedureRecord, type StepRecord, type TxStores } from '../stores';
import type { Actor, DossierDeps } from './dossier-deps';
import { DossierChange } from './dossier-change';
import { announceHeatmapChanges, loadDossierFacts, recordDossierFacts } from '../statistics/record-dossier-facts';
import type { HeatmapChange } from '../heatmap/heatmap-notifier';
import { answerRequest, idForRequest, type RequestAnswer } from '../command-key';

const ATTEMPTS = 5;
/** More open steps than any route has at once (parallel branches): a bound, not a page. */
const OPEN_STEPS_LIMIT = 1000;

export function dossierNotFound(id: string): Refusal {
  return new Refusal({ kind: 'notFound', code: 'DOSSIER_NOT_FOUND', title: 'No such dossier', detail: `No dossier with id ${id}` });
}

/** Loads the dossier, its pinned procedure version and its open steps inside `tx`, runs `work` on them, then saves. */
export async function runDossierChange<T>(
  deps: DossierDeps,
  dossierId: string,
  actor: Actor,
  work: (change: DossierChange) => Promise<T>,
): Promise<{ result: T; dossier: DossierRecord }> {
  return changeDossier(deps, dossierId, actor, work);
}

/**
 * As `runDossierChange`, for the command that answers the request: the request's Idempotency-Key is completed in the
 * unit with the outcome, and a retry of a request that committed gets the committed outcome.
 */
export async function runRequestedDossierChange<T>(
  deps: DossierDeps,
  dossierId: string,
  actor: Actor,
  work: (change: DossierChange) => Promise<T>,
): Promise<{ result: T; dossier: DossierRecord }> {
  const answer = answerRequest<{ result: T; dossier: DossierRecord }>();
  return answer.committed ?? changeDossier(deps, dossierId, actor, work, answer);
}

async function changeDossier<T>(
  deps: DossierDeps,
  dossierId: string,
  actor: Actor,
  work: (change: DossierChange) => Promise<T>,
  answer?: RequestAnswer<{ result: T; dossier: DossierRecord }>,
): Promise<{ result: T; dossier: DossierRecord; steps?: readonly StepRecord[] }> {
  let changes: HeatmapChange[] = [];
  let steps: readonly StepRecord[] | undefined;
  const outcome = await withRetry(() =>
    deps.stores.transaction(async (tx) => {
      const dossier = await tx.dossiers.get(dossierId);
      if (!dossier) throw dossierNotFound(dossierId);
      const [procedure, open, calendars, facts] = await Promise.all([
        procedureOf(tx, dossier.procedureKey, dossier.procedureVersion),
        tx.steps.list({ dossierId, status: ['open'] }, { offset: 0, limit: OPEN_STEPS_LIMIT }),
        deps.calendars.load(),
        loadDossierFacts(deps, tx, dossierId),
      ]);
      const change = new DossierChange(deps, tx, procedure, { dossier, steps: open.items, calendars, actor, at: deps.clock.now() });
      const result = await work(change);
      // Every write of the unit sent together at the end (one command on MongoDB 8.0): the dossier, its steps,
      // timers, progress, audit, outbox, the dashboard's facts and the request's key.
      return tx.writeTogether(async () => {
        const saved = await change.save();
        // the dashboard's facts, in the same unit of work
        changes = await recordDossierFacts(deps, tx, saved.dossier, { known: saved.known, before: facts, isNew: false });
        steps = saved.known;
        const outcome = { result, dossier: saved.dossier };
        await answer?.within(tx.unit, outcome); // the request's key, in the same unit of work
        return outcome;
      });
    }),
  );
  announceHeatmapChanges(deps, changes); // after the commit: the live heatmap refetches
  // The steps as the committed attempt saved them (not part of the request's stored answer).
  return steps ? { ...outcome, steps } : outcome;
}

/** Decides `command` on the dossier as one unit of work. */
export async function runDossierCommand(deps: DossierDeps, dossierId: string, actor: Actor, command: DossierCommand): Promise<DossierRecord> {
  const { dossier } = await runRequestedDossierChange(deps, dossierId, actor, (change) => carryOut(change, command));
  return dossier;
}

/** Checks the caller may act on the step as it is now (the access policy); throws a refusal otherwise. */
export type StepGuard = (step: StepRecord) => void;

/**
 * Decides a command on one step: the step is re-read inside the unit of work (so "is it still open?" and the change
 * commit together) and the caller's guard sees it before anything is decided.
 */
export async function runStepCommand(deps: DossierDeps, stepId: string, actor: Actor, guard: StepGuard, command: DossierCommand & { stepId: string }): Promise<StepRecord> {
  const found = await deps.stores.steps.get(stepId);
  if (!found) throw stepNotFound(stepId);
  const answer = answerRequest<{ result: void; dossier: DossierRecord }>();
  // A retry of a request that committed: the step as that command left it (a closed step does not change again).
  if (answer.committed) return found;
  const done = await changeDossier(
    deps,
    found.dossierId,
    actor,
    async (change) => {
      const step = await change.loadStep(stepId);
      if (!step) throw stepNotFound(stepId);
      if (step.status !== 'open') {
        // Who held a closed step no longer matters: anyone of its unit learns it is closed (409), others get 403.
        const { assigneeId: _holder, ...unitStep } = step;
        guard(unitStep as StepRecord);
        throw stepNotOpen(step);
      }
      guard(step);
      await carryOut(change, command);
    },
    answer,
  );
  // The step as the unit of work saved it; read back only when the answer came from a committed attempt.
  return done.steps?.find((step) => step.id === stepId) ?? (await deps.stores.steps.get(stepId)) ?? found;
}

/**
 * Decides how a dossier that does not exist yet starts; `save` creates it. A request sent again with the same
 * Idempotency-Key after its first attempt committed (and its process died before the answer was sent) gets the
 * dossier that attempt created: the key was completed with it in the unit of work, and the dossier id derives from
 * the key (`idForRequest`), so no second dossier can be stored under it. The id is chosen once, before
 * the first attempt, so every attempt (after a conflict, or the retry of a dead request) asks for the code of the
 * same dossier and gets the same number.
 */
export async function runNewDossier(
  deps: DossierDeps,
  procedure: ProcedureRecord,
  actor: Actor,
  init: (id: string) => Promise<NewDossier>,
  command: NewDossierCommand,
): Promise<DossierRecord> {
  const answer = answerRequest<DossierRecord>();
  if (answer.committed) return answer.committed;
  const keyedId = idForRequest('dossier');
  // A key completed in the unit answers a committed attempt above. A key that is not (the national portal's) is
  // looked up by the id it derives: a dossier already there was saved by another attempt (an earlier one, or a
  // re-send racing this one), so it is reported as the duplicate it is, never returned as created by this request.
  // The caller compares it with what it was sent (the portal answers 200 with its code, or 409 for another dossier).
  if (keyedId && !answer.completesKey && (await deps.stores.dossiers.get(keyedId))) throw new DuplicateKey('dossiers', keyedId);
  const id = keyedId ?? deps.newId();
  let changes: HeatmapChange[] = [];
  const dossier = await withRetry(() =>
    deps.stores.transaction(async (tx) => {
      const [dossier, calendars] = await Promise.all([init(id), deps.calendars.load()]);
      const input = { dossier, calendars, actor, at: deps.clock.now(), definition: procedure.definition };
      const opened = openNew(input, command);
      const change = new DossierChange(deps, tx, procedure, { dossier: opened.dossier, steps: [], calendars, actor, at: input.at }, true);
      await carryOutNew(change, opened.emitted, command);
      // Every write of the unit sent together at the end, as in `changeDossier`.
      return tx.writeTogether(async () => {
        const saved = await change.save();
        // the dashboard's facts, in the same unit of work
        changes = await recordDossierFacts(deps, tx, saved.dossier, { known: saved.known, before: undefined, isNew: true });
        await answer.within(tx.unit, saved.dossier); // the request's key, in the same unit of work
        return saved.dossier;
      });
    }),
  );
  announceHeatmapChanges(deps, changes); // after the commit: the live heatmap refetches
  return dossier;
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
      throw toRefusal(error);
    }
  }
}

function toRefusal(error: unknown): unknown {
  if (error instanceof ConcurrencyConflict) {
    return new Refusal({ kind: 'conflict', code: 'CONCURRENT_CHANGE', title: 'The dossier is being changed by someone else', detail: 'Try again.', cause: error });
  }
  if (!(error instanceof EngineError)) return error;
  if (error.code === 'TASK_ALREADY_COMPLETED') {
    return new Refusal({ kind: 'conflict', code: 'STEP_NOT_OPEN', title: 'The step is no longer open', detail: error.message, cause: error });
  }
  return new Refusal({ kind: 'conflict', code: error.code, title: 'Not allowed in the dossier\'s current status', detail: error.message, cause: error });
}
