/**
 * @module returnStep — sends a token back to an earlier user task of the same scope (a head of office returns the
 * draft to the expert, procedures/README.md decision `return`), for models that do not draw every way back. The
 * open step is cancelled like an interrupted activity (its boundary events disarmed, BPMN 2.0 §13.5.2) and the
 * target is activated with a fresh token; the reason is kept in the scope variable `returnReason`.
 */
import { EngineError } from '../errors';
import type { ProcedureDefinition } from '../model/procedure-definition';
import { indexDefinition } from './definition-index';
import type { EngineEvent } from './engine-event';
import type { InstanceState } from './instance-state';
import type { TokenRun } from './token-run';

export type StepReturnedEvent = Extract<EngineEvent, { type: 'step.returned' }>;

/** Throws the EngineError for a return the instance cannot take: a step not open, or a target that is not a user task of its scope. */
export function checkStepReturned(state: InstanceState, event: StepReturnedEvent, definition: ProcedureDefinition | undefined): void {
  const act = state.a[event.stepId];
  if (!act || act.w !== 'task') throw new EngineError({ code: 'TASK_ALREADY_COMPLETED', message: `Step ${event.stepId} is not open`, instanceId: state.id });
  // Steps of a called procedure (another definition) are not returned across: only the host's own model.
  if (!definition || state.sc[act.s]?.d !== undefined) {
    throw new EngineError({ code: 'EVENT_NOT_EXPECTED', message: `Step ${event.stepId} cannot be returned here`, instanceId: state.id });
  }
  const index = indexDefinition(definition);
  const from = index.node(act.n);
  let target;
  try {
    target = index.node(event.toElementId);
  } catch {
    target = undefined;
  }
  if (!target || target.kind !== 'userTask' || target.scopeId !== from.scopeId || target.id === from.id) {
    throw new EngineError({
      code: 'EVENT_NOT_EXPECTED',
      message: `${event.toElementId} is not another user task in the scope of ${from.id}`,
      instanceId: state.id,
      elementId: event.toElementId,
    });
  }
}

export function returnStep(run: TokenRun, event: StepReturnedEvent): void {
  const act = run.act(event.stepId);
  if (!act) return;
  const scopeId = act.s;
  const target = run.indexOf(scopeId).node(event.toElementId);
  // Activate before the scope is looked at again, so it never appears empty (and complete) in between.
  run.cancelAct(event.stepId);
  run.setVariables(scopeId, { returnReason: event.reason });
  run.activate(target, scopeId);
}
