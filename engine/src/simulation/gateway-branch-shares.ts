/**
 * @module gatewayBranchShares — the branch probabilities of each exclusive gateway that decides on the step before it:
 * the measured outcome shares of that step (./measure-history.ts) carried onto the gateway's outgoing sequence flows
 * by the flows' own conditions, evaluated as the token stepper evaluates them (FEEL on the variable `decision`; the
 * first flow whose condition holds, else the default flow: BPMN 2.0 §13.3.2). So the figure a reader sees on a branch
 * is exactly the share of dossiers the measured decisions sent that way.
 */
import type { ProcedureDefinition } from '../model/procedure-definition';
import { FeelEvaluator } from '../runtime/index';

export interface GatewayBranchShares {
  gatewayId: string;
  name?: string;
  /** The step whose decision the gateway routes on. */
  fromElementId: string;
  /** Completed steps the shares rest on. */
  sampleSize: number;
  flows: { flowId: string; name?: string; targetId: string; share: number }[];
}

/**
 * Branch probabilities of the gateways that follow a measured step.
 * @example
 * gatewayBranchShares(definition, { 'task-review': { count: 40, outcomeShares: { approve: 0.9, supplement: 0.1 } } });
 */
export function gatewayBranchShares(
  definition: ProcedureDefinition,
  measured: Record<string, { count: number; outcomeShares: Record<string, number> }>,
): GatewayBranchShares[] {
  const feel = new FeelEvaluator();
  const answers: GatewayBranchShares[] = [];
  for (const process of definition.processes) {
    for (const node of Object.values(process.nodes)) {
      if (node.kind !== 'exclusiveGateway' || node.incoming.length !== 1 || node.outgoing.length < 2) continue;
      const fromElementId = process.flows[node.incoming[0]!]?.sourceRef;
      const step = fromElementId === undefined ? undefined : measured[fromElementId];
      if (!step || step.count === 0) continue;
      const shares = new Map<string, number>(node.outgoing.map((flowId) => [flowId, 0]));
      for (const [decision, share] of Object.entries(step.outcomeShares)) {
        const taken = node.outgoing.find((flowId) => {
          const condition = process.flows[flowId]?.condition;
          if (!condition || flowId === node.defaultFlowId) return false;
          const result = feel.test(condition.body, { decision });
          return result.ok && result.value === true;
        }) ?? node.defaultFlowId ?? node.outgoing.find((flowId) => !process.flows[flowId]?.condition);
        if (taken !== undefined) shares.set(taken, shares.get(taken)! + share);
      }
      answers.push({
        gatewayId: node.id, ...(node.name ? { name: node.name } : {}), fromElementId: fromElementId!, sampleSize: step.count,
        flows: node.outgoing.map((flowId) => {
          const flow = process.flows[flowId]!;
          return { flowId, ...(flow.name ? { name: flow.name } : {}), targetId: flow.targetRef, share: shares.get(flowId)! };
        }),
      });
    }
  }
  return answers.sort((a, b) => a.gatewayId.localeCompare(b.gatewayId));
}
