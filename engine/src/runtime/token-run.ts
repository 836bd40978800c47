/**
 * @module TokenRun — one run of the token stepper over a working copy of an instance state (BPMN 2.0 §13).
 * Maps are copied once per run and every changed entry is replaced, never mutated, so the caller's previous
 * snapshot stays intact without deep-cloning the state. Work is queued and drained until every token waits or is gone.
 */
import type { EventDefinition, Expression, FlowNode, ProcedureDefinition } from '../model/procedure-definition';
import type { DefinitionIndex } from './definition-index';
import { indexDefinition } from './definition-index';
import type { EngineEffect } from './engine-effect';
import type { FeelResult } from './feel-evaluator';
import type { Handler } from './handler';
import type { ActState, IncidentCode, InstanceState, ScopeState, WaitKind, WaitState } from './instance-state';
import type { ActivateOptions, DistributiveOmit, Run, RuntimeEnv } from './run-context';
import { behaviourOf, loopBehaviourOf } from './element-behaviours';
import { armBoundaryEvents } from './elements/boundary-event';
import { armEventSubProcesses } from './elements/event-sub-process';
import { selectActivityFlows } from './sequence-flows';
import { routeError, routeEscalation, triggerWait } from './event-routing';
import { invokeHandler } from './handler-invocation';
import { compensateScope } from './elements/compensation';
import { startScopeTokens } from './scope-start';
import { checkJoins } from './elements/inclusive-gateway';
import { scheduleTimerDefinition } from './timer-definition';
import { readVariables, writeVariables } from './scope-variables';

/** Node kinds whose wait is a step that a person or another system ends (they emit step.activated). */
export const STEP_KINDS = new Set(['userTask', 'manualTask', 'receiveTask']);

export interface PendingHandler {
  stepId: string;
  promise: PromiseLike<unknown>;
}

export class TokenRun implements Run {
  readonly state: InstanceState;
  readonly effects: EngineEffect[] = [];
  /** Asynchronous handler results started by this run and not yet taken by the caller (`takePending`). */
  pending: PendingHandler[] = [];
  private readonly queue: Array<() => void> = [];
  private readonly dirty = new Set<string>();
  private readonly called = new Map<string, DefinitionIndex>();
  private readonly main: DefinitionIndex;
  /**
   * Acts per scope, counted once when a scope is first checked for emptiness and kept by `activate` / `removeAct`
   * (the only places an act is added or removed; replacements keep their scope). Scanning every act at each check
   * was a tenth of an asynchronous settlement (issue 17's profile).
   */
  private actsPerScope?: Map<string, number>;

  constructor(
    readonly env: RuntimeEnv,
    readonly definition: ProcedureDefinition,
    state: InstanceState,
  ) {
    this.main = indexDefinition(definition);
    // Object.assign, not spreads: the run adds keys to these copies, and V8 adds keys to a spread copy on a slow
    // path (a new hidden class per key, about 600 ns each; issue 17's profile).
    this.state = Object.assign({}, state, { sc: Object.assign({}, state.sc), a: Object.assign({}, state.a), w: Object.assign({}, state.w) });
    if (state.j) this.state.j = Object.assign({}, state.j);
    if (state.i) this.state.i = Object.assign({}, state.i);
  }

  indexOf(scopeId: string): DefinitionIndex {
    const key = this.state.sc[scopeId]?.d;
    return key === undefined ? this.main : this.calledIndex(key);
  }

  private calledIndex(key: string): DefinitionIndex {
    let index = this.called.get(key);
    if (!index) {
      const resolved = this.env.resolveProcedure?.(key, this.state.cv?.[key]);
      if (!resolved) throw new Error(`Called procedure ${key} cannot be resolved (pinned version ${this.state.cv?.[key]})`);
      index = indexDefinition(resolved.definition);
      this.called.set(key, index);
      if (this.state.cv?.[key] !== resolved.version) this.state.cv = { ...this.state.cv, [key]: resolved.version };
    }
    return index;
  }

  resolveCalled(actId: string, calledElement: string): { index: DefinitionIndex; key?: string } | undefined {
    const act = this.state.a[actId]!;
    const here = this.indexOf(act.s);
    if (here.process(calledElement)) return { index: here, key: this.state.sc[act.s]?.d };
    if (!this.env.resolveProcedure) return undefined;
    try {
      return { index: this.calledIndex(calledElement), key: calledElement };
    } catch {
      return undefined;
    }
  }

  node(actId: string): FlowNode {
    const act = this.state.a[actId]!;
    return this.indexOf(act.s).node(act.n);
  }

  act(actId: string): ActState | undefined {
    return this.state.a[actId];
  }

  /**
   * Replaces the act by a copy with `patch` applied. `Object.assign` rather than a spread: V8 copies a spread and
   * then adds the new keys one by one on a slow path, about ten times the cost (issue 17's profile).
   */
  updateAct(actId: string, patch: Partial<ActState>): void {
    const act = this.state.a[actId];
    if (act) this.state.a[actId] = Object.assign({}, act, patch);
  }

  emit(effect: DistributiveOmit<EngineEffect, 'instanceId'>): void {
    this.effects.push({ instanceId: this.state.id, ...effect } as EngineEffect);
  }

  newId(prefix: string): string {
    this.state.n += 1;
    return `${prefix}${this.state.n}`;
  }

  clockNow(): number {
    return this.env.clock.now();
  }

  defer(work: () => void): void {
    this.queue.push(work);
  }

  variables(scopeId: string, actId?: string): Record<string, unknown> {
    return readVariables(this.state, scopeId, actId);
  }

  setVariables(scopeId: string, variables: Record<string, unknown>): void {
    writeVariables(this.state, scopeId, variables);
  }

  evaluate(actId: string, expression: Expression, extra?: Record<string, unknown>, phase: 'enter' | 'leave' = 'enter'): FeelResult {
    const act = this.state.a[actId]!;
    const context = extra ? { ...this.variables(act.s, actId), ...extra } : this.variables(act.s, actId);
    const result = this.env.feel.evaluate(expression.body, context, this.clockNow());
    if (!result.ok) this.raiseIncident(actId, result.budgetExceeded ? 'EXPRESSION_BUDGET_EXCEEDED' : 'EXPRESSION_FAILED', `${expression.body}: ${result.message}`, phase);
    return result;
  }

  activate(node: FlowNode, scopeId: string, options: ActivateOptions = {}): string {
    const id = this.newId('a');
    const act: ActState = { n: node.id, s: scopeId };
    if (options.body) act.b = options.body;
    if (options.variables) act.v = options.variables;
    this.state.a[id] = act;
    if (this.actsPerScope) this.actsPerScope.set(scopeId, (this.actsPerScope.get(scopeId) ?? 0) + 1);
    if (this.env.trace) this.emit({ type: 'element.entered', elementId: node.id });
    const loop = !options.body && node.loop ? loopBehaviourOf(node.loop) : undefined;
    if (!options.body && node.boundaryEventIds?.length) armBoundaryEvents(this, id, node);
    if (loop) loop.execute(this, id, options);
    else behaviourOf(node.kind).execute(this, id, options);
    return id;
  }

  /** Runs the act's behaviour again (incident retry). */
  reexecute(actId: string): void {
    const act = this.state.a[actId]!;
    const node = this.node(actId);
    const loop = !act.b && node.loop ? loopBehaviourOf(node.loop) : undefined;
    (loop ?? behaviourOf(node.kind)).execute(this, actId, {});
  }

  arrive(nodeId: string, scopeId: string, flowId?: string): void {
    // A token still queued for a scope that ended meanwhile (a terminate end event reached first on a sibling
    // path, §13.5.6) is gone with that scope: it must neither start work nor touch the parent's definition.
    if (!this.state.sc[scopeId] || this.state.st !== 'running') return;
    const node = this.indexOf(scopeId).node(nodeId);
    const behaviour = behaviourOf(node.kind);
    if (behaviour.arrive) behaviour.arrive(this, node, scopeId, flowId);
    else this.activate(node, scopeId);
  }

  complete(actId: string, variables?: Record<string, unknown>): void {
    const act = this.state.a[actId];
    if (!act) return;
    if (variables && Object.keys(variables).length > 0) this.setVariables(act.s, variables);
    if (act.b) {
      const body = this.state.a[act.b];
      if (body) loopBehaviourOf(this.indexOf(act.s).node(body.n).loop!).innerCompleted!(this, act.b, actId);
      return;
    }
    this.leave(actId);
  }

  leave(actId: string, flowIds?: string[]): void {
    const act = this.state.a[actId];
    if (!act) return;
    const node = this.indexOf(act.s).node(act.n);
    const flows = flowIds ?? (behaviourOf(node.kind).selectFlows ?? selectActivityFlows)(this, actId);
    if (!flows) return;
    this.removeAct(actId, act);
    if (STEP_KINDS.has(node.kind)) this.emit({ type: 'step.completed', elementId: node.id, stepId: actId });
    if (node.boundaryEventIds?.some((b) => this.indexOf(act.s).node(b).eventDefinitions?.some((d) => d.type === 'compensate'))) {
      const scope = this.state.sc[act.s]!;
      this.state.sc[act.s] = { ...scope, cp: [...(scope.cp ?? []), node.id] };
    }
    for (const flowId of flows) {
      const target = this.indexOf(act.s).flow(flowId).targetRef;
      this.queue.push(() => this.arrive(target, act.s, flowId));
    }
  }

  consume(actId: string): void {
    const act = this.state.a[actId];
    if (act) this.removeAct(actId, act);
  }

  private removeAct(actId: string, act: ActState): void {
    delete this.state.a[actId];
    if (this.actsPerScope) this.actsPerScope.set(act.s, this.actsPerScope.get(act.s)! - 1);
    this.unsubscribeOwnedBy(actId);
    this.dirty.add(act.s);
  }

  cancelAct(actId: string): void {
    const act = this.state.a[actId];
    if (!act) return;
    const node = this.indexOf(act.s).node(act.n);
    this.removeAct(actId, act);
    if (act.c) this.cancelScope(act.c);
    if (act.w === 'body') for (const [id, inner] of Object.entries(this.state.a)) if (inner.b === actId) this.cancelAct(id);
    if (act.w === 'incident' && this.state.i) for (const [id, incident] of Object.entries(this.state.i)) if (incident.a === actId) delete this.state.i[id];
    if (STEP_KINDS.has(node.kind) && act.w === 'task') this.emit({ type: 'step.cancelled', elementId: node.id, stepId: actId });
  }

  private cancelScope(scopeId: string): void {
    for (const [id, act] of Object.entries(this.state.a)) if (act.s === scopeId) this.cancelAct(id);
    for (const [id, wait] of Object.entries(this.state.w)) if (wait.s === scopeId) this.unsubscribe(id);
    this.clearJoins(scopeId);
    delete this.state.sc[scopeId];
    this.dirty.delete(scopeId);
  }

  private clearJoins(scopeId: string): void {
    if (!this.state.j) return;
    for (const key of Object.keys(this.state.j)) if (key.startsWith(`${scopeId}/`)) delete this.state.j[key];
  }

  terminateScope(scopeId: string): void {
    for (const [id, act] of Object.entries(this.state.a)) if (act.s === scopeId) this.cancelAct(id);
    this.clearJoins(scopeId);
    this.completeScope(scopeId, true);
  }

  raiseIncident(actId: string, code: IncidentCode, message: string, phase: 'enter' | 'leave'): void {
    const act = this.state.a[actId];
    if (!act) return;
    const incidentId = this.newId('i');
    this.state.i = { ...this.state.i, [incidentId]: { a: actId, c: code, m: message, r: phase } };
    this.state.a[actId] = Object.assign({}, act, { w: 'incident' as const });
    this.emit({ type: 'incident.raised', incidentId, elementId: act.n, stepId: actId, code, message });
  }

  subscribe(kind: WaitKind, node: FlowNode, definition: EventDefinition, scopeId: string, ownerActId?: string): string | undefined {
    const index = this.indexOf(scopeId);
    const wait: WaitState = { k: kind, n: node.id, s: scopeId };
    if (ownerActId) wait.a = ownerActId;
    const id = this.newId('w');
    if (definition.type === 'timer') {
      const timer = scheduleTimerDefinition(this, definition, scopeId, ownerActId);
      if ('failure' in timer) {
        if (ownerActId) this.raiseIncident(ownerActId, timer.failure.code, `Timer of ${node.id}: ${timer.failure.message}`, 'enter');
        return undefined;
      }
      const { schedule } = timer;
      wait.at = schedule.dueAt;
      if (schedule.repeat !== undefined) {
        wait.rp = schedule.repeat;
        wait.iv = schedule.intervalMs;
      }
      this.state.w[id] = wait;
      this.emit({ type: 'timer.scheduled', timerId: id, elementId: node.id, dueAt: schedule.dueAt });
      return id;
    }
    if (definition.type === 'message') wait.nm = index.messageName(definition, node);
    if (definition.type === 'signal') wait.nm = index.signalName(definition);
    if (definition.type === 'conditional') {
      const result = this.env.feel.test(definition.condition.body, this.variables(scopeId, ownerActId), this.clockNow());
      wait.lv = result.ok && result.value === true;
    }
    this.state.w[id] = wait;
    return id;
  }

  unsubscribe(waitId: string): void {
    const wait = this.state.w[waitId];
    if (!wait) return;
    delete this.state.w[waitId];
    if (wait.k === 'timer') this.emit({ type: 'timer.cancelled', timerId: waitId, elementId: wait.n });
  }

  unsubscribeOwnedBy(actId: string): void {
    for (const [id, wait] of Object.entries(this.state.w)) if (wait.a === actId) this.unsubscribe(id);
  }

  startChildScope(actId: string, scope: { e: string; d?: string; r?: 1; v?: Record<string, unknown> }, startId?: string): string {
    const act = this.state.a[actId]!;
    const scopeId = this.newId('s');
    const child: ScopeState = { e: scope.e, p: act.s, a: actId };
    if (scope.d !== undefined) child.d = scope.d;
    if (scope.r) child.r = 1;
    if (scope.v) child.v = scope.v;
    this.state.sc[scopeId] = child;
    this.state.a[actId] = Object.assign({}, act, { c: scopeId, w: 'scope' as const });
    armEventSubProcesses(this, scopeId);
    startScopeTokens(this, scopeId, startId);
    this.dirty.add(scopeId);
    return scopeId;
  }

  callHandler(actId: string, handler: Handler, name: string): void {
    invokeHandler(this, actId, handler, name);
  }

  addPending(stepId: string, promise: PromiseLike<unknown>): void {
    this.pending.push({ stepId, promise });
  }

  /** The pending handler results, handed over once: the run forgets them. */
  takePending(): PendingHandler[] {
    const pending = this.pending;
    if (pending.length > 0) this.pending = [];
    return pending;
  }

  throwError(actId: string, code: string | undefined): boolean {
    return routeError(this, actId, code);
  }

  throwEscalation(actId: string, code: string | undefined): boolean {
    return routeEscalation(this, actId, code);
  }

  broadcastSignal(name: string, variables?: Record<string, unknown>): void {
    this.queue.push(() => {
      for (const [id, wait] of Object.entries(this.state.w)) {
        if (wait.k === 'signal' && wait.nm === name && this.state.w[id]) triggerWait(this, id, variables);
      }
    });
  }

  compensate(actId: string, activityRef?: string): void {
    compensateScope(this, actId, activityRef);
  }

  markDirty(scopeId: string): void {
    this.dirty.add(scopeId);
  }

  /** Drains the queue, completes empty scopes and fires ready inclusive joins until every token waits or is gone. */
  drain(): void {
    for (;;) {
      while (this.queue.length > 0) this.queue.shift()!();
      if (this.dirty.size > 0) {
        const scopes = [...this.dirty];
        this.dirty.clear();
        for (const scopeId of scopes) {
          // A scope is empty only while no token is in flight: completing one scope may queue an arrival in another.
          if (this.queue.length > 0) this.dirty.add(scopeId);
          else if (this.state.sc[scopeId] && this.isEmpty(scopeId)) this.completeScope(scopeId, false);
        }
        if (this.queue.length > 0 || this.dirty.size > 0) continue;
      }
      if (this.state.j && checkJoins(this)) continue;
      return;
    }
  }

  private isEmpty(scopeId: string): boolean {
    if ((this.countActs().get(scopeId) ?? 0) > 0) return false;
    if (this.state.j) for (const key in this.state.j) if (key.startsWith(`${scopeId}/`)) return false;
    return true;
  }

  private completeScope(scopeId: string, terminated: boolean): void {
    const scope = this.state.sc[scopeId];
    if (!scope || this.state.st !== 'running') return;
    for (const [id, wait] of Object.entries(this.state.w)) if (wait.s === scopeId) this.unsubscribe(id);
    if (!scope.a) {
      if (scopeId !== this.state.r) return;
      this.state.st = terminated ? 'terminated' : 'completed';
      if (terminated) this.emit({ type: 'process.terminated', reason: 'terminateEndEvent' });
      else this.emit({ type: 'process.completed', variables: scope.v ?? {} });
      return;
    }
    const owner = scope.a;
    const ownerAct = this.state.a[owner];
    const behaviour = ownerAct ? behaviourOf(this.indexOf(ownerAct.s).node(ownerAct.n).kind) : undefined;
    const output = ownerAct && behaviour?.scopeCompleted ? behaviour.scopeCompleted(this, owner, scopeId) : undefined;
    delete this.state.sc[scopeId];
    if (ownerAct) this.complete(owner, output);
  }

  private countActs(): Map<string, number> {
    if (!this.actsPerScope) {
      this.actsPerScope = new Map();
      for (const id in this.state.a) {
        const scopeId = this.state.a[id]!.s;
        this.actsPerScope.set(scopeId, (this.actsPerScope.get(scopeId) ?? 0) + 1);
      }
    }
    return this.actsPerScope;
  }

  fail(): void {
    this.cancelAll('failed');
  }

  /** Cancels every act and wait (instance.cancelled, unhandled error). */
  cancelAll(status: 'terminated' | 'failed'): void {
    for (const id of Object.keys(this.state.a)) this.cancelAct(id);
    for (const id of Object.keys(this.state.w)) this.unsubscribe(id);
    delete this.state.j;
    this.state.st = status;
    this.queue.length = 0;
    this.dirty.clear();
  }
}
