/** @module ElementBehaviour — the contract each element kind under elements/ implements (BPMN 2.0 §13). */
import type { FlowNode } from '../model/procedure-definition';
import type { ActivateOptions, Run } from './run-context';

export interface ElementBehaviour {
  /** A token entered the node as act `actId`: do the work, then complete, wait, or raise an incident. */
  execute(run: Run, actId: string, options: ActivateOptions): void;
  /** A token arrives through a flow; joins override it to wait for other tokens (§13.3). */
  arrive?(run: Run, node: FlowNode, scopeId: string, flowId: string | undefined): void;
  /** Outgoing flows a completing token takes; undefined after raising an incident. Default: §13.2.1. */
  selectFlows?(run: Run, actId: string): string[] | undefined;
  /** The act's child scope completed; returns the variables to hand back to the parent (call activities). */
  scopeCompleted?(run: Run, actId: string, scopeId: string): Record<string, unknown> | undefined;
  /** One of the act's subscriptions fired for another node (event-based gateway). */
  eventOccurred?(run: Run, actId: string, targetNodeId: string, variables?: Record<string, unknown>): void;
  /** An inner instance of this body act completed (multi-instance, loop). */
  innerCompleted?(run: Run, bodyId: string, innerId: string): void;
}
