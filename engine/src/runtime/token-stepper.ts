/**
 * @module tokenStepper — the pure transition of the runtime: given an instance state and an event, run tokens
 * until every one waits or is gone (BPMN 2.0 §13) and return the new state with the effects the host must carry
 * out. The previous state object is never modified.
 *
 * It is a reducer, `(state, event) → { state, effects, pending }`, and is called as one: a process instance has a
 * single top-level state (running, then an end status kept in `st`), so hosting it in an xstate machine bought a
 * statechart's set-up on every event and nothing else (issue 17). xstate stays where statecharts earn their place,
 * the dossier lifecycle and the step clocks (../lifecycle).
 */
import { EngineError } from '../errors';
import type { ProcedureDefinition } from '../model/procedure-definition';
import { evaluateConditionalEvents } from './conditional-events';
import { indexDefinition } from './definition-index';
import type { EngineEffect } from './engine-effect';
import type { EngineEvent, HandlerSettledEvent } from './engine-event';
import { triggerWait } from './event-routing';
import { armEventSubProcesses } from './elements/event-sub-process';
import { handlerRejected, handlerResolved } from './handler-invocation';
import type { InstanceState } from './instance-state';
import type { RuntimeEnv } from './run-context';
import { startScopeTokens } from './scope-start';
import { TokenRun } from './token-run';
import { checkStepReturned, returnStep } from './return-step';

export interface InstanceStartOptions {
  instanceId: string;
  processId?: string;
  variables?: Record<string, unknown>;
  /** Start through this start event (its trigger has occurred); default: the none start event(s). */
  startEventId?: string;
}

const ROOT_SCOPE = 's0';

/** Runs tokens until every one waits or is gone, re-evaluating conditional events while their data changes. */
function settle(run: TokenRun): TokenRun {
  run.drain();
  while (run.state.st === 'running' && Object.keys(run.state.w).length > 0 && evaluateConditionalEvents(run)) run.drain();
  return run;
}

/**
 * Creates an instance of a process and runs it to its first wait states. The run holds the new state, its effects
 * and the asynchronous handler results the caller must await (`pending`).
 */
export function startInstance(env: RuntimeEnv, definition: ProcedureDefinition, options: InstanceStartOptions): TokenRun {
  const index = indexDefinition(definition);
  const process = options.processId ? index.process(options.processId) : definition.processes.find((p) => p.isExecutable);
  if (!process) {
    throw options.processId
      ? new EngineError({ code: 'PROCESS_NOT_FOUND', message: `No process ${options.processId} in ${definition.id}` })
      : new EngineError({ code: 'NO_EXECUTABLE_PROCESS', message: `Definition ${definition.id} has no executable process` });
  }
  if (options.startEventId && index.node(options.startEventId).kind !== 'startEvent') {
    throw new EngineError({ code: 'EVENT_NOT_EXPECTED', message: `${options.startEventId} is not a start event`, elementId: options.startEventId });
  }
  const state: InstanceState = {
    id: options.instanceId,
    p: process.id,
    st: 'running',
    n: 0,
    r: ROOT_SCOPE,
    sc: { [ROOT_SCOPE]: { e: process.id, r: 1, v: { ...options.variables } } },
    a: {},
    w: {},
  };
  const run = new TokenRun(env, definition, state);
  armEventSubProcesses(run, ROOT_SCOPE);
  startScopeTokens(run, ROOT_SCOPE, options.startEventId);
  run.markDirty(ROOT_SCOPE);
  return settle(run);
}

/** Throws the EngineError a host deserves for an event the instance cannot take; returns false to ignore it. */
export function checkEvent(state: InstanceState, event: EngineEvent | HandlerSettledEvent, definition?: ProcedureDefinition): boolean {
  if (event.type === 'timer.due') return state.st === 'running' && state.w[event.timerId]?.k === 'timer';
  // A handler that settles after its step was cancelled (or the instance ended) has nothing left to continue.
  if (event.type === 'handler.resolved' || event.type === 'handler.rejected') return state.st === 'running' && state.a[event.stepId]?.w === 'handler';
  if (state.st !== 'running') {
    throw new EngineError({ code: 'INSTANCE_NOT_RUNNING', message: `Instance ${state.id} is ${state.st}`, instanceId: state.id });
  }
  if (event.type === 'task.completed') {
    const act = state.a[event.stepId];
    if (!act) throw new EngineError({ code: 'TASK_ALREADY_COMPLETED', message: `Step ${event.stepId} is not open`, instanceId: state.id });
    if (act.w !== 'task' && act.w !== 'handler') {
      throw new EngineError({ code: 'STEP_NOT_FOUND', message: `Step ${event.stepId} (${act.n}) does not wait for completion`, instanceId: state.id, elementId: act.n });
    }
  }
  if (event.type === 'message.received' && !Object.values(state.w).some((w) => w.k === 'message' && w.nm === event.name)) {
    throw new EngineError({ code: 'EVENT_NOT_EXPECTED', message: `Instance ${state.id} does not wait for message ${event.name}`, instanceId: state.id });
  }
  if (event.type === 'step.returned') checkStepReturned(state, event, definition);
  if (event.type === 'incident.retried' && !state.i?.[event.incidentId]) {
    throw new EngineError({ code: 'EVENT_NOT_EXPECTED', message: `No open incident ${event.incidentId}`, instanceId: state.id });
  }
  return true;
}

/** Applies one event (checked with checkEvent) to a working copy of `state` and runs tokens to quiescence. */
export function applyEvent(env: RuntimeEnv, definition: ProcedureDefinition, state: InstanceState, event: EngineEvent | HandlerSettledEvent): TokenRun {
  const run = new TokenRun(env, definition, state);
  dispatch(run, event);
  return settle(run);
}

/**
 * Continues a run with handler settlements, one after the other, each run to quiescence exactly as `applyEvent`
 * would: the result equals that of as many `applyEvent` calls, without their copies of the state. A settlement whose
 * step no longer waits for its handler (cancelled meanwhile) is ignored.
 */
export function applySettlements(run: TokenRun, events: readonly HandlerSettledEvent[]): TokenRun {
  for (const event of events) {
    if (run.state.st !== 'running') break;
    dispatch(run, event);
    settle(run);
  }
  return run;
}

function dispatch(run: TokenRun, event: EngineEvent | HandlerSettledEvent): void {
  switch (event.type) {
    case 'task.completed': {
      run.complete(event.stepId, event.variables);
      break;
    }
    case 'message.received': {
      const id = Object.keys(run.state.w).find((k) => run.state.w[k]!.k === 'message' && run.state.w[k]!.nm === event.name);
      if (id) triggerWait(run, id, event.variables);
      break;
    }
    case 'signal.received':
      for (const [id, wait] of Object.entries(run.state.w)) if (wait.k === 'signal' && wait.nm === event.name) triggerWait(run, id, event.variables);
      break;
    case 'timer.due':
      if (run.state.w[event.timerId]?.k === 'timer') triggerWait(run, event.timerId);
      break;
    case 'instance.cancelled':
      run.cancelAll('terminated');
      run.emit({ type: 'process.terminated', reason: 'cancelled' });
      break;
    case 'incident.retried': {
      const incident = run.state.i?.[event.incidentId];
      if (!incident) break;
      const incidents = { ...run.state.i };
      delete incidents[event.incidentId];
      run.state.i = incidents;
      if (Object.keys(incidents).length === 0) delete run.state.i;
      run.emit({ type: 'incident.resolved', incidentId: event.incidentId });
      const act = run.act(incident.a);
      if (!act) break;
      const resumed = { ...act };
      delete resumed.w;
      run.state.a[incident.a] = resumed;
      if (incident.r === 'leave') run.leave(incident.a);
      else run.reexecute(incident.a);
      break;
    }
    case 'step.returned':
      returnStep(run, event);
      break;
    case 'handler.resolved':
      if (run.act(event.stepId)?.w === 'handler') handlerResolved(run, event.stepId, event.result);
      break;
    case 'handler.rejected':
      if (run.act(event.stepId)?.w === 'handler') handlerRejected(run, event.stepId, event.error);
      break;
  }
}
