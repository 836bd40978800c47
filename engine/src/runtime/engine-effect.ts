/**
 * @module EngineEffect — what the host must carry out after a transition. The engine does no I/O: it returns
 * these past-tense events (STYLE.md §3) and the host persists timers, notifies officials, routes messages.
 */
import type { Assignment, Budget, EscalationRung, FlowElementKind, NearlyDueThreshold } from '../model/procedure-definition';
import type { IncidentCode } from './instance-state';

interface InstanceEffect {
  instanceId: string;
}

/** A wait that a person or another system must end is open (user, manual and receive tasks). */
export interface StepActivatedEffect extends InstanceEffect {
  type: 'step.activated';
  elementId: string;
  stepId: string;
  name?: string;
  kind: FlowElementKind;
  assignment?: Assignment;
  budget?: Budget;
  nearlyDue?: NearlyDueThreshold;
  escalation?: EscalationRung[];
  lane?: string;
}

export type EngineEffect =
  | StepActivatedEffect
  | (InstanceEffect & { type: 'step.completed'; elementId: string; stepId: string })
  | (InstanceEffect & { type: 'step.cancelled'; elementId: string; stepId: string })
  | (InstanceEffect & { type: 'timer.scheduled'; timerId: string; elementId: string; dueAt: number })
  | (InstanceEffect & { type: 'timer.cancelled'; timerId: string; elementId: string })
  | (InstanceEffect & { type: 'message.sent'; elementId: string; name: string; variables: Record<string, unknown> })
  | (InstanceEffect & { type: 'signal.broadcast'; elementId: string; name: string })
  | (InstanceEffect & { type: 'escalation.raised'; elementId: string; code: string; caught: boolean })
  | (InstanceEffect & { type: 'error.unhandled'; elementId: string; code: string })
  | (InstanceEffect & {
      type: 'incident.raised';
      incidentId: string;
      elementId: string;
      stepId: string;
      code: IncidentCode;
      message: string;
    })
  | (InstanceEffect & { type: 'incident.resolved'; incidentId: string })
  | (InstanceEffect & { type: 'process.completed'; variables: Record<string, unknown> })
  | (InstanceEffect & { type: 'process.terminated'; reason: 'terminateEndEvent' | 'cancelled' })
  /** Only with `createEngine({ trace: true })`: a token entered a flow node (tests, debugging). */
  | (InstanceEffect & { type: 'element.entered'; elementId: string });

export type EngineEffectType = EngineEffect['type'];
