/** @module behaviourOf — which behaviour runs a flow node of each kind (one file per kind under elements/). */
import type { FlowElementKind, LoopCharacteristics } from '../model/procedure-definition';
import type { ElementBehaviour } from './element-behaviour';
import { boundaryEvent } from './elements/boundary-event';
import { callActivity } from './elements/call-activity';
import { endEvent } from './elements/end-event';
import { eventBasedGateway } from './elements/event-based-gateway';
import { exclusiveGateway } from './elements/exclusive-gateway';
import { inclusiveGateway } from './elements/inclusive-gateway';
import { intermediateCatchEvent } from './elements/intermediate-catch-event';
import { intermediateThrowEvent } from './elements/intermediate-throw-event';
import { multiInstance } from './elements/multi-instance';
import { parallelGateway } from './elements/parallel-gateway';
import { receiveTask } from './elements/receive-task';
import { serviceTask } from './elements/service-task';
import { standardLoop } from './elements/standard-loop';
import { startEvent } from './elements/start-event';
import { subProcess } from './elements/sub-process';
import { task } from './elements/task';
import { userTask } from './elements/user-task';

const behaviours: Record<FlowElementKind, ElementBehaviour> = {
  startEvent,
  endEvent,
  intermediateCatchEvent,
  intermediateThrowEvent,
  boundaryEvent,
  task,
  userTask,
  manualTask: userTask,
  serviceTask,
  scriptTask: serviceTask,
  sendTask: serviceTask,
  businessRuleTask: serviceTask,
  receiveTask,
  subProcess,
  transaction: subProcess,
  adHocSubProcess: subProcess,
  callActivity,
  exclusiveGateway,
  parallelGateway,
  inclusiveGateway,
  eventBasedGateway,
  // A complex gateway's activation rule is not executable here; it behaves as an inclusive gateway.
  complexGateway: inclusiveGateway,
};

export function behaviourOf(kind: FlowElementKind): ElementBehaviour {
  return behaviours[kind];
}

export function loopBehaviourOf(loop: LoopCharacteristics): ElementBehaviour {
  return loop.type === 'multiInstance' ? multiInstance : standardLoop;
}
