/**
 * @module inclusiveGateway — the split takes every outgoing flow whose condition holds (else the default); the
 * join fires once every incoming flow that can still receive a token has one: no token of the same scope instance
 * sits upstream of an empty incoming flow without passing the gateway itself (BPMN 2.0 §13.3.3).
 */
import type { ElementBehaviour } from '../element-behaviour';
import type { Run } from '../run-context';
import { flowHolds } from '../sequence-flows';
import { fireJoin, recordArrival } from './parallel-gateway';

function ready(run: Run, scopeId: string, gatewayId: string, arrivals: Record<string, number>): boolean {
  const index = run.indexOf(scopeId);
  const node = index.node(gatewayId);
  for (const flowId of node.incoming) {
    if ((arrivals[flowId] ?? 0) > 0) continue;
    const upstream = index.upstreamOf(gatewayId, flowId);
    for (const id in run.state.a) {
      const act = run.state.a[id]!;
      if (act.s === scopeId && upstream.has(act.n)) return false;
    }
    for (const key in run.state.j) {
      const [scope, other] = key.split('/') as [string, string];
      if (scope === scopeId && other !== gatewayId && upstream.has(other)) return false;
    }
  }
  return true;
}

/** Fires the first inclusive join that is ready; true if one fired (the stepper then drains again). */
export function checkJoins(run: Run): boolean {
  for (const key in run.state.j) {
    const [scopeId, gatewayId] = key.split('/') as [string, string];
    if (!run.state.sc[scopeId]) continue;
    const node = run.indexOf(scopeId).node(gatewayId);
    if (node.kind !== 'inclusiveGateway') continue;
    if (ready(run, scopeId, gatewayId, run.state.j![key]!)) {
      fireJoin(run, node, scopeId);
      return true;
    }
  }
  return false;
}

export const inclusiveGateway: ElementBehaviour = {
  arrive(run, node, scopeId, flowId) {
    if (node.incoming.length <= 1) run.activate(node, scopeId);
    else recordArrival(run, node, scopeId, flowId);
  },

  execute(run, actId) {
    run.complete(actId);
  },

  selectFlows(run, actId) {
    const node = run.node(actId);
    const taken: string[] = [];
    for (const flowId of node.outgoing) {
      if (flowId === node.defaultFlowId) continue;
      const holds = flowHolds(run, actId, flowId);
      if (holds === undefined) return undefined;
      if (holds) taken.push(flowId);
    }
    if (taken.length === 0 && node.defaultFlowId) taken.push(node.defaultFlowId);
    if (taken.length === 0) run.raiseIncident(actId, 'NO_FLOW_TAKEN', `No condition of ${node.id} holds and it has no default flow`, 'leave');
    return taken.length === 0 ? undefined : taken;
  },
};
