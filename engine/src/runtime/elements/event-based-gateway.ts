/**
 * @module eventBasedGateway — waits for the first of the events after it; that event's path is taken and the
 * other subscriptions are withdrawn (BPMN 2.0 §13.3.4).
 */
import type { ElementBehaviour } from '../element-behaviour';

const SUBSCRIBED = new Set(['timer', 'message', 'signal', 'conditional']);

export const eventBasedGateway: ElementBehaviour = {
  execute(run, actId) {
    const act = run.act(actId)!;
    const node = run.node(actId);
    const index = run.indexOf(act.s);
    run.updateAct(actId, { w: 'gateway' });
    for (const flowId of node.outgoing) {
      const target = index.node(index.flow(flowId).targetRef);
      if (target.kind === 'receiveTask') {
        run.subscribe('message', target, { type: 'message', messageRef: target.messageRef, messageName: target.messageName }, act.s, actId);
        continue;
      }
      for (const definition of target.eventDefinitions ?? []) {
        if (SUBSCRIBED.has(definition.type)) run.subscribe(definition.type as 'timer', target, definition, act.s, actId);
      }
    }
  },

  eventOccurred(run, actId, targetNodeId, variables) {
    const act = run.act(actId);
    if (!act) return;
    run.consume(actId);
    if (variables) run.setVariables(act.s, variables);
    run.activate(run.indexOf(act.s).node(targetNodeId), act.s, { triggered: true });
  },
};
