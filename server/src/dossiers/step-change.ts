/**
 * @module step-change — a unit of work on one step: finds the step's dossier, re-reads the step inside the
 * transaction (so the check "is it still open?" and the change commit together) and lets the caller authorize it.
 */
import type { StepRecord } from '../stores';
import { Refusal } from '../refusal';
import type { Actor, DossierDeps } from './dossier-deps';
import type { DossierChange } from './dossier-change';
import { runDossierChange } from './run-dossier-change';

/** Checks the caller may act on the step as it is now (the access policy); throws a 403 problem otherwise. */
export type StepGuard = (step: StepRecord) => void;

export function stepNotFound(id: string): Refusal {
  return new Refusal({ kind: 'notFound', code: 'STEP_NOT_FOUND', title: 'No such step', detail: `No step with id ${id}` });
}

export function stepNotOpen(step: StepRecord): Refusal {
  return new Refusal({
    kind: 'conflict',
    code: 'STEP_NOT_OPEN',
    title: 'The step is no longer open',
    detail: `Step "${step.name}" was ${step.status} at ${step.completedAt === undefined ? 'an earlier time' : new Date(step.completedAt).toISOString()}.`,
  });
}

export async function runStepChange<T>(
  deps: DossierDeps,
  stepId: string,
  actor: Actor,
  guard: StepGuard,
  work: (change: DossierChange, step: StepRecord) => Promise<T>,
): Promise<{ result: T; step: StepRecord }> {
  const found = await deps.stores.steps.get(stepId);
  if (!found) throw stepNotFound(stepId);
  const { result } = await runDossierChange(deps, found.dossierId, actor, async (change) => {
    const step = await change.loadStep(stepId);
    if (!step) throw stepNotFound(stepId);
    if (step.status !== 'open') {
      // Who held a closed step no longer matters: anyone of its unit learns it is closed (409), others get 403.
      const { assigneeId: _holder, ...unitStep } = step;
      guard(unitStep as StepRecord);
      throw stepNotOpen(step);
    }
    guard(step);
    return work(change, step);
  });
  const step = await deps.stores.steps.get(stepId);
  return { result, step: step ?? found };
}
