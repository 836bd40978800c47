/**
 * @module sequenceFlows — which outgoing sequence flows a token takes when it leaves a flow node. Activities and
 * events take every unconditional flow and every flow whose condition holds; the default flow only when no
 * condition holds (BPMN 2.0 §13.2.1, §10.4.1 default flow).
 */
import type { Run } from './run-context';

/** Whether a flow's condition holds at the act; undefined when evaluation failed (an incident was raised). */
export function flowHolds(run: Run, actId: string, flowId: string): boolean | undefined {
  const act = run.act(actId)!;
  const flow = run.indexOf(act.s).flow(flowId);
  if (!flow.condition) return true;
  const result = run.evaluate(actId, flow.condition, undefined, 'leave');
  if (!result.ok) return undefined;
  return result.value === true;
}

/** §13.2.1: all unconditional flows, all conditional flows that hold, else the default flow. */
export function selectActivityFlows(run: Run, actId: string): string[] | undefined {
  const node = run.node(actId);
  if (node.outgoing.length <= 1 && !node.defaultFlowId) {
    const only = node.outgoing[0];
    if (only === undefined) return [];
    const holds = flowHolds(run, actId, only);
    return holds === undefined ? undefined : holds ? [only] : [];
  }
  const taken: string[] = [];
  let conditionHeld = false;
  const index = run.indexOf(run.act(actId)!.s);
  for (const flowId of node.outgoing) {
    if (flowId === node.defaultFlowId) continue;
    const holds = flowHolds(run, actId, flowId);
    if (holds === undefined) return undefined;
    if (holds) {
      taken.push(flowId);
      if (index.flow(flowId).condition) conditionHeld = true;
    }
  }
  if (!conditionHeld && node.defaultFlowId) taken.push(node.defaultFlowId);
  return taken;
}
