/**
 * @module exclusiveGateway — each arriving token passes on along the first outgoing flow whose condition holds, in
 * model order, else the default flow; with neither, the step stops with an incident (BPMN 2.0 §13.3.2).
 */
import type { ElementBehaviour } from '../element-behaviour';
import { flowHolds } from '../sequence-flows';

export const exclusiveGateway: ElementBehaviour = {
  execute(run, actId) {
    run.complete(actId);
  },

  selectFlows(run, actId) {
    const node = run.node(actId);
    for (const flowId of node.outgoing) {
      if (flowId === node.defaultFlowId) continue;
      const holds = flowHolds(run, actId, flowId);
      if (holds === undefined) return undefined;
      if (holds) return [flowId];
    }
    if (node.defaultFlowId) return [node.defaultFlowId];
    run.raiseIncident(actId, 'NO_FLOW_TAKEN', `No condition of ${node.id} holds and it has no default flow`, 'leave');
    return undefined;
  },
};
