/**
 * @module boundaryEvent — events attached to an activity (BPMN 2.0 §10.5.4, §13.5.3). Timer, message, signal and
 * conditional boundaries subscribe while the activity runs; error, escalation and compensation boundaries are
 * passive and found when something is thrown. An interrupting boundary cancels the activity first.
 */
import type { FlowNode } from '../../model/procedure-definition';
import type { ElementBehaviour } from '../element-behaviour';
import type { Run } from '../run-context';

const SUBSCRIBED = new Set(['timer', 'message', 'signal', 'conditional']);

/** Subscribes the boundary events of an activity that has just become active. */
export function armBoundaryEvents(run: Run, actId: string, activity: FlowNode): void {
  const act = run.act(actId)!;
  const index = run.indexOf(act.s);
  for (const boundaryId of activity.boundaryEventIds ?? []) {
    const boundary = index.node(boundaryId);
    for (const definition of boundary.eventDefinitions ?? []) {
      if (SUBSCRIBED.has(definition.type)) run.subscribe(definition.type as 'timer', boundary, definition, act.s, actId);
    }
  }
}

/** A boundary event occurred on act `attachedId`; `waitId` is the subscription that fired, if any. */
export function fireBoundary(run: Run, attachedId: string, boundary: FlowNode, waitId?: string, variables?: Record<string, unknown>): void {
  const attached = run.act(attachedId);
  if (!attached) return;
  const interrupting = boundary.cancelActivity !== false;
  if (variables) run.setVariables(attached.s, variables);
  if (waitId) consumeWait(run, waitId, interrupting);
  if (interrupting) run.cancelAct(attachedId);
  run.activate(boundary, attached.s);
}

/**
 * Removes a fired subscription without a timer.cancelled effect, or re-arms it: a cycle timer on a
 * non-interrupting event fires again; non-interrupting message and signal events stay subscribed (§10.5.4).
 */
export function consumeWait(run: Run, waitId: string, interrupting: boolean): void {
  const wait = run.state.w[waitId];
  if (!wait) return;
  if (!interrupting && wait.k === 'timer' && wait.rp !== undefined && wait.rp !== 0 && wait.iv) {
    const dueAt = (wait.at ?? run.clockNow()) + wait.iv;
    run.state.w[waitId] = { ...wait, at: dueAt, rp: wait.rp > 0 ? wait.rp - 1 : -1 };
    run.emit({ type: 'timer.scheduled', timerId: waitId, elementId: wait.n, dueAt });
    return;
  }
  if (!interrupting && (wait.k === 'message' || wait.k === 'signal' || wait.k === 'conditional')) return;
  delete run.state.w[waitId];
}

/** Finds a boundary event of the given type on an act (or on its multi-instance body) that catches `code`. */
export function findBoundary(run: Run, actId: string, type: 'error' | 'escalation', code: string | undefined): { attachedId: string; boundary: FlowNode } | undefined {
  const act = run.act(actId);
  if (!act) return undefined;
  const attachedId = act.b ?? actId;
  const attached = run.act(attachedId);
  if (!attached) return undefined;
  const index = run.indexOf(attached.s);
  const activity = index.node(attached.n);
  for (const boundaryId of activity.boundaryEventIds ?? []) {
    const boundary = index.node(boundaryId);
    for (const definition of boundary.eventDefinitions ?? []) {
      if (definition.type !== type) continue;
      const caught = definition.type === 'error' ? index.errorCode(definition) : definition.type === 'escalation' ? index.escalationCode(definition) : undefined;
      if (caught === undefined || caught === code) return { attachedId, boundary };
    }
  }
  return undefined;
}

/** Entered once its event occurred: the token leaves at once. */
export const boundaryEvent: ElementBehaviour = {
  execute(run, actId) {
    run.complete(actId);
  },
};
