/** @module open-steps — the open steps of one dossier, and pausing or resuming all their clocks at once. */
import type { FlowNode, ProcedureDefinition } from '../../../engine/src/index';
import type { DossierChange } from './dossier-change';
import { applyStepClock } from './step-clock';

/** The StepRecord id of a process instance step: unique across dossiers, stable across restarts. */
export const stepRecordId = (dossierId: string, stepId: string): string => `${dossierId}.${stepId}`;

/** Every open step's clock paused (statuses 5 and 6: the citizen's time is not the agency's, Decision 766/QĐ-TTg). */
export async function pauseOpenSteps(change: DossierChange, reason: 'supplement' | 'fees'): Promise<void> {
  for (const step of change.openSteps()) {
    const next = await applyStepClock(change, step, { type: 'clock.paused', at: change.at, reason });
    if (next !== step) change.updateStep(next);
  }
}

/** Every open step's clock running again (a restart policy restarts it: "from receipt of a complete dossier"). */
export async function resumeOpenSteps(change: DossierChange): Promise<void> {
  for (const step of change.openSteps()) {
    const next = await applyStepClock(change, step, { type: 'clock.resumed', at: change.at });
    if (next !== step) change.updateStep(next);
  }
}

/** The flow node of `elementId` in any process of the definitions (call activities may run another one). */
export function findNode(definition: ProcedureDefinition, elementId: string): FlowNode | undefined {
  for (const process of definition.processes) {
    const node = process.nodes[elementId];
    if (node) return node;
  }
  return undefined;
}

/** The waits the procedures library models as receive tasks (procedures/README.md "Messages the server delivers"). */
export const SUPPLEMENT_MESSAGE = 'supplement.received';
export const FEES_MESSAGE = 'fees.paid';

export function waitKindOf(node: FlowNode | undefined): 'supplement' | 'fees' | undefined {
  if (node?.kind !== 'receiveTask') return undefined;
  if (node.messageName === SUPPLEMENT_MESSAGE) return 'supplement';
  if (node.messageName === FEES_MESSAGE) return 'fees';
  return undefined;
}
