/**
 * @module invokeHandler — calls a host handler for a service, script, send or business-rule task. A synchronous
 * result continues at once; a promise parks the step (`w: 'handler'`, which survives a snapshot) until the façade
 * delivers its settlement. A BpmnError is routed to error catchers (§10.5.4); any other failure is an incident.
 */
import { BpmnError } from './bpmn-error';
import type { Handler } from './handler';
import type { Run } from './run-context';

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** Variables a handler result contributes: the whole result under `resultVariable`, else a plain object's entries. */
export function resultVariables(run: Run, actId: string, result: unknown): Record<string, unknown> | undefined {
  const node = run.node(actId);
  if (node.resultVariable) return { [node.resultVariable]: result };
  if (result && typeof result === 'object' && !Array.isArray(result)) return result as Record<string, unknown>;
  return undefined;
}

export function handlerResolved(run: Run, actId: string, result: unknown): void {
  run.complete(actId, resultVariables(run, actId, result));
}

export function handlerRejected(run: Run, actId: string, error: unknown): void {
  const act = run.act(actId);
  if (!act) return;
  if (error instanceof BpmnError) {
    if (error.variables) run.setVariables(act.s, error.variables);
    if (!run.throwError(actId, error.code)) {
      run.emit({ type: 'error.unhandled', elementId: act.n, code: error.code });
      run.raiseIncident(actId, 'ERROR_UNHANDLED', `BPMN error ${error.code} has no catcher`, 'enter');
    }
    return;
  }
  run.raiseIncident(actId, 'HANDLER_FAILED', error instanceof Error ? error.message : String(error), 'enter');
}

export function invokeHandler(run: Run, actId: string, handler: Handler, name: string): void {
  const act = run.act(actId)!;
  const node = run.node(actId);
  let result: unknown;
  try {
    result = handler({
      instanceId: run.state.id,
      elementId: node.id,
      stepId: actId,
      name,
      variables: run.variables(act.s, actId),
      ...(node.script ? { script: node.script } : {}),
    });
  } catch (error) {
    handlerRejected(run, actId, error);
    return;
  }
  if (isThenable(result)) {
    run.updateAct(actId, { w: 'handler' });
    run.addPending(actId, result);
    return;
  }
  handlerResolved(run, actId, result);
}
