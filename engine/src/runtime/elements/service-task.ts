/**
 * @module serviceTask — service, script, business-rule and send tasks call the host handler named in the model
 * (BPMN 2.0 §10.3.3). A send task also emits message.sent. A task without a handler name does no work; a name the
 * host did not register is an incident on the step, retried once the host registers it.
 */
import type { ElementBehaviour } from '../element-behaviour';

export const serviceTask: ElementBehaviour = {
  execute(run, actId) {
    const act = run.act(actId)!;
    const node = run.node(actId);
    if (node.kind === 'sendTask' && run.act(actId)?.w !== 'incident') {
      const name = run.indexOf(act.s).messageName(undefined, node);
      run.emit({ type: 'message.sent', elementId: node.id, name, variables: run.variables(act.s, actId) });
    }
    const name = node.handler ?? (node.script ? 'script' : undefined);
    if (name === undefined) {
      run.complete(actId);
      return;
    }
    const handler = run.env.handlers[name];
    if (!handler) {
      run.raiseIncident(actId, 'HANDLER_UNKNOWN', `No handler named "${name}" is registered`, 'enter');
      return;
    }
    run.callHandler(actId, handler, name);
  },
};
