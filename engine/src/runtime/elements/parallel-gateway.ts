/**
 * @module parallelGateway — a join waits for one token on every incoming flow, consumes one from each and emits one
 * token on every outgoing flow (BPMN 2.0 §13.3.1). Arrivals are kept per scope instance in the state's `j` map.
 */
import type { FlowNode } from '../../model/procedure-definition';
import type { ElementBehaviour } from '../element-behaviour';
import type { Run } from '../run-context';

/** Records a token arriving at a join through `flowId`. */
export function recordArrival(run: Run, node: FlowNode, scopeId: string, flowId: string | undefined): Record<string, number> {
  const key = `${scopeId}/${node.id}`;
  const arrivals = { ...run.state.j?.[key] };
  const flow = flowId ?? node.incoming[0]!;
  arrivals[flow] = (arrivals[flow] ?? 0) + 1;
  run.state.j = { ...run.state.j, [key]: arrivals };
  return arrivals;
}

/** Consumes one token from each flow that has one and fires the gateway. */
export function fireJoin(run: Run, node: FlowNode, scopeId: string): void {
  const key = `${scopeId}/${node.id}`;
  const arrivals: Record<string, number> = {};
  for (const [flow, count] of Object.entries(run.state.j?.[key] ?? {})) if (count > 1) arrivals[flow] = count - 1;
  const joins = { ...run.state.j };
  if (Object.keys(arrivals).length > 0) joins[key] = arrivals;
  else delete joins[key];
  run.state.j = joins;
  if (Object.keys(joins).length === 0) delete run.state.j;
  run.activate(node, scopeId);
}

export const parallelGateway: ElementBehaviour = {
  arrive(run, node, scopeId, flowId) {
    if (node.incoming.length <= 1) {
      run.activate(node, scopeId);
      return;
    }
    const arrivals = recordArrival(run, node, scopeId, flowId);
    if (node.incoming.every((f) => (arrivals[f] ?? 0) > 0)) fireJoin(run, node, scopeId);
  },

  execute(run, actId) {
    run.complete(actId);
  },

  selectFlows(run, actId) {
    return [...run.node(actId).outgoing];
  },
};
