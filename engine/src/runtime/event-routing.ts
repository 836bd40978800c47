/**
 * @module eventRouting — delivers an occurred event to whatever waits for it: a subscription firing (timer due,
 * message, signal, condition), and thrown errors and escalations, which go to the innermost catcher walking up
 * the scope chain — the throwing activity's boundary, the scope's event sub-processes, then the enclosing
 * activity's boundary (BPMN 2.0 §10.5.4, §13.5.4).
 */
import { behaviourOf } from './element-behaviours';
import { consumeWait, findBoundary, fireBoundary } from './elements/boundary-event';
import { findEventSubProcess, triggerEventSubProcess } from './elements/event-sub-process';
import type { Run } from './run-context';

/** A subscription fired. */
export function triggerWait(run: Run, waitId: string, variables?: Record<string, unknown>): void {
  const wait = run.state.w[waitId];
  if (!wait) return;
  const index = run.indexOf(wait.s);
  const node = index.node(wait.n);
  if (node.kind === 'boundaryEvent') {
    fireBoundary(run, wait.a!, node, waitId, variables);
    return;
  }
  if (wait.a) {
    const owner = run.act(wait.a);
    delete run.state.w[waitId];
    if (!owner) return;
    if (owner.n !== wait.n) {
      behaviourOf(index.node(owner.n).kind).eventOccurred?.(run, wait.a, wait.n, variables);
      return;
    }
    run.unsubscribeOwnedBy(wait.a);
    if (node.kind === 'startEvent') {
      // The first trigger start event that fires starts the scope; the others are withdrawn.
      for (const [id, act] of Object.entries(run.state.a)) if (id !== wait.a && act.s === owner.s && act.w === 'event' && index.node(act.n).kind === 'startEvent') run.cancelAct(id);
    }
    run.complete(wait.a, variables);
    return;
  }
  const esp = index.node(node.scopeId);
  const interrupting = node.isInterrupting !== false;
  consumeWait(run, waitId, interrupting);
  triggerEventSubProcess(run, wait.s, esp, node, variables);
}

function routeThrown(run: Run, actId: string, type: 'error' | 'escalation', code: string | undefined): boolean {
  let act = run.act(actId);
  if (!act) return false;
  const own = findBoundary(run, actId, type, code);
  if (own) {
    fireBoundary(run, own.attachedId, own.boundary);
    return true;
  }
  let scopeId: string | undefined = act.s;
  while (scopeId !== undefined) {
    const handler = findEventSubProcess(run, scopeId, type, code);
    if (handler) {
      triggerEventSubProcess(run, scopeId, handler.esp, handler.start);
      return true;
    }
    const scope = run.state.sc[scopeId];
    if (!scope?.a) return false;
    act = run.act(scope.a);
    if (!act) return false;
    const boundary = findBoundary(run, scope.a, type, code);
    if (boundary) {
      fireBoundary(run, boundary.attachedId, boundary.boundary);
      return true;
    }
    scopeId = act.s;
  }
  return false;
}

export function routeError(run: Run, actId: string, code: string | undefined): boolean {
  return routeThrown(run, actId, 'error', code);
}

export function routeEscalation(run: Run, actId: string, code: string | undefined): boolean {
  return routeThrown(run, actId, 'escalation', code);
}
