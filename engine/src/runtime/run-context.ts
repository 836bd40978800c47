/**
 * @module Run — what element behaviours may do while the stepper runs tokens. The stepper implements it; element
 * files depend only on this interface, so they stay small and free of import cycles.
 */
import type { Clock } from '../ports';
import type { EventDefinition, Expression, FlowNode, ProcedureDefinition } from '../model/procedure-definition';
import type { DefinitionIndex } from './definition-index';
import type { EngineEffect } from './engine-effect';
import type { FeelEvaluator, FeelResult } from './feel-evaluator';
import type { Handler } from './handler';
import type { ActState, IncidentCode, InstanceState, WaitKind } from './instance-state';

export interface ResolvedProcedure {
  definition: ProcedureDefinition;
  version: string;
}

/** Finds a deployed procedure for a call activity; `version` is given when the instance pinned one. */
export type ResolveProcedure = (calledElement: string, version?: string) => ResolvedProcedure | undefined;

export interface RuntimeEnv {
  clock: Clock;
  handlers: Record<string, Handler>;
  feel: FeelEvaluator;
  trace: boolean;
  resolveProcedure?: ResolveProcedure;
}

export interface ActivateOptions {
  /** Body act id (inner instance of a multi-instance or loop activity). */
  body?: string;
  /** Local variables of the new act. */
  variables?: Record<string, unknown>;
  /** The event of this catch/start event already occurred (event-based gateway, trigger starts). */
  triggered?: boolean;
  /** Event sub-processes: the start event that triggered it. */
  startId?: string;
}

export interface Run {
  readonly state: InstanceState;
  readonly env: RuntimeEnv;
  /** Index of the definition a scope runs in. */
  indexOf(scopeId: string): DefinitionIndex;
  node(actId: string): FlowNode;
  act(actId: string): ActState | undefined;
  updateAct(actId: string, patch: Partial<ActState>): void;
  emit(effect: DistributiveOmit<EngineEffect, 'instanceId'>): void;
  newId(prefix: string): string;
  /** FEEL context at an act (or a scope): the scope chain's variables, innermost winning, plus the act's locals. */
  variables(scopeId: string, actId?: string): Record<string, unknown>;
  /** Writes variables where they are defined in the scope chain, else on the process root (§10.3.1). */
  setVariables(scopeId: string, variables: Record<string, unknown>): void;
  /** Evaluates FEEL; on failure raises an incident on the act and returns undefined. */
  evaluate(actId: string, expression: Expression, extra?: Record<string, unknown>, phase?: 'enter' | 'leave'): FeelResult;
  activate(node: FlowNode, scopeId: string, options?: ActivateOptions): string;
  /** A token arrives at a node through a sequence flow. */
  arrive(nodeId: string, scopeId: string, flowId?: string): void;
  /** The act's work is done: merge variables, then leave through outgoing flows (or report to its body). */
  complete(actId: string, variables?: Record<string, unknown>): void;
  /** Leaves the act through the given flows, or through the kind's default selection. */
  leave(actId: string, flowIds?: string[]): void;
  /** The act's token is consumed without leaving (end events). */
  consume(actId: string): void;
  cancelAct(actId: string): void;
  raiseIncident(actId: string, code: IncidentCode, message: string, phase: 'enter' | 'leave'): void;
  subscribe(kind: WaitKind, node: FlowNode, definition: EventDefinition, scopeId: string, ownerActId?: string): string | undefined;
  unsubscribe(waitId: string): void;
  unsubscribeOwnedBy(actId: string): void;
  /** Creates and starts a child scope for an act (sub-process, event sub-process, called process). */
  startChildScope(actId: string, scope: { e: string; d?: string; r?: 1; v?: Record<string, unknown> }, startId?: string): string;
  terminateScope(scopeId: string): void;
  /** Ends the instance abnormally: every token and subscription is cancelled (unhandled BPMN error). */
  fail(): void;
  callHandler(actId: string, handler: Handler, name: string): void;
  /** Records an asynchronous handler result the façade must await and deliver. */
  addPending(stepId: string, promise: PromiseLike<unknown>): void;
  /** Routes a BPMN error from an act (§10.5.4); false when nothing catches it. */
  throwError(actId: string, code: string | undefined): boolean;
  /** Routes an escalation; false when nothing catches it. */
  throwEscalation(actId: string, code: string | undefined): boolean;
  /** Delivers a signal to this instance's catchers after the current step (§10.5.4 signal broadcast). */
  broadcastSignal(name: string, variables?: Record<string, unknown>): void;
  compensate(actId: string, activityRef?: string): void;
  resolveCalled(actId: string, calledElement: string): { index: DefinitionIndex; key?: string } | undefined;
  clockNow(): number;
  /** Runs work after the current step, in order (signal delivery, link jumps). */
  defer(work: () => void): void;
}

/** Omit over each member of a union. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
