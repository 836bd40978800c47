/**
 * @module eventSubProcess — sub-processes triggered by an event while their parent scope is active (BPMN 2.0
 * §10.2.5, §13.5.4). Timer, message, signal and conditional starts subscribe when the scope starts; error and
 * escalation starts are found when something is thrown. An interrupting start cancels the rest of the scope.
 */
import type { FlowNode } from '../../model/procedure-definition';
import type { Run } from '../run-context';

const SUBSCRIBED = new Set(['timer', 'message', 'signal', 'conditional']);

/** The start event of an event sub-process. */
export function startOf(run: Run, scopeId: string, eventSubProcess: FlowNode): FlowNode | undefined {
  return run.indexOf(scopeId).startEventsOf(eventSubProcess.id)[0];
}

export function armEventSubProcesses(run: Run, scopeId: string): void {
  const index = run.indexOf(scopeId);
  for (const esp of index.eventSubProcessesOf(run.state.sc[scopeId]!.e)) {
    const start = startOf(run, scopeId, esp);
    for (const definition of start?.eventDefinitions ?? []) {
      if (SUBSCRIBED.has(definition.type)) run.subscribe(definition.type as 'timer', start!, definition, scopeId);
    }
  }
}

/** Finds an event sub-process of the scope whose start catches this error / escalation code. */
export function findEventSubProcess(run: Run, scopeId: string, type: 'error' | 'escalation', code: string | undefined): { esp: FlowNode; start: FlowNode } | undefined {
  const scope = run.state.sc[scopeId];
  if (!scope) return undefined;
  const index = run.indexOf(scopeId);
  for (const esp of index.eventSubProcessesOf(scope.e)) {
    const start = startOf(run, scopeId, esp);
    for (const definition of start?.eventDefinitions ?? []) {
      if (definition.type !== type) continue;
      const caught = definition.type === 'error' ? index.errorCode(definition) : definition.type === 'escalation' ? index.escalationCode(definition) : undefined;
      if (caught === undefined || caught === code) return { esp, start: start! };
    }
  }
  return undefined;
}

/** Starts an event sub-process in `scopeId`; an interrupting start first cancels the scope's other tokens. */
export function triggerEventSubProcess(run: Run, scopeId: string, esp: FlowNode, start: FlowNode, variables?: Record<string, unknown>): void {
  if (!run.state.sc[scopeId]) return;
  if (start.isInterrupting !== false) {
    for (const [id, act] of Object.entries(run.state.a)) if (act.s === scopeId) run.cancelAct(id);
    for (const [id, wait] of Object.entries(run.state.w)) if (wait.s === scopeId && !wait.a) run.unsubscribe(id);
  }
  if (variables) run.setVariables(scopeId, variables);
  run.activate(esp, scopeId, { startId: start.id });
}
