/**
 * @module step-clocks — the clock of each step of a dossier: started when the step opens (its budget, nearly-due
 * threshold and escalation ladder from the model) on the calendar of the agency holding the step, then moved by events
 * (paused while the citizen supplements or pays, stopped with a classification for form 05). The snapshot is kept on
 * the step (`clock`), `dueAt`, `nearlyDueAt` and `pausedAt` beside it for the inbox to filter and rank by.
 */
import { applyMachineEvent, startMachine } from '../lifecycle/apply-machine-event';
import type { StepClockContext, StepClockEvent } from '../lifecycle/step-clock-machine';
import { openPause } from '../lifecycle/working-clock';
import type { Budget, EscalationRung, FlowNode, NearlyDueThreshold, ProcedureDefinition, SupplementPolicy } from '../model/procedure-definition';
import { applyClockEmitted } from './clock-emitted';
import type { DossierDecision } from './dossier-decision';
import type { StepRecord } from './dossier-records';

export interface StepClockSettings {
  budget: Budget;
  nearlyDue?: NearlyDueThreshold;
  escalation?: EscalationRung[];
}

/** The step record id of a process instance step: unique across dossiers, stable across restarts. */
export const stepRecordId = (dossierId: string, stepId: string): string => `${dossierId}.${stepId}`;

/**
 * The step's share of the supplement policy. A bounded wait is the dossier's (its window and rejection live in
 * the dossier lifecycle), so a step only pauses; restart and pause apply as they are.
 */
export function stepPolicyOf(policy: SupplementPolicy | undefined): SupplementPolicy {
  if (!policy || policy.kind === 'boundedWait') return { kind: 'pause' };
  return policy;
}

export function clockContextOf(step: StepRecord): StepClockContext | undefined {
  return (step.clock as { context?: StepClockContext } | undefined)?.context;
}

/** The clock's instants kept beside it on the record, for the stores to filter and rank the inbox by. */
function instantsOf(context: StepClockContext): Pick<StepRecord, 'dueAt' | 'nearlyDueAt' | 'pausedAt'> {
  const pausedAt = openPause(context.clock)?.at;
  return {
    dueAt: context.clock.dueAt,
    ...(context.clock.nearlyDueAt === undefined ? {} : { nearlyDueAt: context.clock.nearlyDueAt }),
    ...(pausedAt === undefined ? {} : { pausedAt }),
  };
}

/** Starts the clock of a new step record and asks for its timers; returns the record with `clock` and `dueAt`. */
export function startStepClock(decision: DossierDecision, step: Omit<StepRecord, 'rev'>, settings: StepClockSettings): Omit<StepRecord, 'rev'> {
  const policy = stepPolicyOf(decision.definition.procedure?.supplementPolicy);
  const started = startMachine(decision.kitFor(step.agencyId).stepMachine, { clockId: step.id, startAt: step.startedAt, ...settings, policy });
  const context = (started.snapshot as { context: StepClockContext }).context;
  const record = { ...step, clock: started.snapshot, ...instantsOf(context) };
  for (const item of started.emitted) applyClockEmitted(decision, 'step', item, record as StepRecord);
  return record;
}

/** Applies `event` to the step's clock (if it has one) and acts on what it emitted; returns the changed record. */
export function applyStepClock(decision: DossierDecision, step: StepRecord, event: StepClockEvent): StepRecord {
  if (step.clock === undefined) return step;
  const next = applyMachineEvent(decision.kitFor(step.agencyId).stepMachine, step.clock, event);
  const context = (next.snapshot as { context: StepClockContext }).context;
  const { nearlyDueAt: _nearlyDueAt, pausedAt: _pausedAt, ...rest } = step;
  const record: StepRecord = { ...rest, clock: next.snapshot, ...instantsOf(context) };
  for (const item of next.emitted) applyClockEmitted(decision, 'step', item, record);
  // A rung that says "reassign" puts the step back in the unit's pool for the head to hand on (DOMAIN.md "Overdue consequences").
  if (next.emitted.some((item) => item.type === 'step.escalated' && item.reassign) && record.assigneeId !== undefined) {
    decision.audit('step.unassigned', { elementId: step.elementId, from: record.assigneeId, why: 'escalation' }, step.id);
    delete record.assigneeId;
  }
  return record;
}

/** Applies `event` to one step's clock and keeps the changed record in the decision. */
export function moveStepClock(decision: DossierDecision, step: StepRecord, event: StepClockEvent): StepRecord {
  const next = applyStepClock(decision, step, event);
  if (next !== step) decision.updateStep(next);
  return next;
}

/** Every open step's clock paused (statuses 5 and 6: the citizen's time is not the agency's, Decision 766/QĐ-TTg). */
export function pauseOpenSteps(decision: DossierDecision, reason: 'supplement' | 'fees'): void {
  for (const step of decision.openSteps()) moveStepClock(decision, step, { type: 'clock.paused', at: decision.at, reason });
}

/** Every open step's clock running again (a restart policy restarts it: "from receipt of a complete dossier"). */
export function resumeOpenSteps(decision: DossierDecision): void {
  for (const step of decision.openSteps()) moveStepClock(decision, step, { type: 'clock.resumed', at: decision.at });
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

/** Whether the model draws a wait of `kind` anywhere (else the server pauses the open steps where they are). */
export function modelWaitsFor(definition: ProcedureDefinition, kind: 'supplement' | 'fees'): boolean {
  return definition.processes.some((p) => Object.values(p.nodes).some((node) => waitKindOf(node) === kind));
}
