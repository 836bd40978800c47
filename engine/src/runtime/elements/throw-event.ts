/**
 * @module throwEvent — what end events and intermediate throw events do with their event definitions (BPMN 2.0
 * §10.5.3, §13.5.5–6): send a message, broadcast a signal, raise an escalation or an error, terminate the
 * scope, trigger compensation, or jump to a link.
 */
import type { Run } from '../run-context';
import { fireBoundary } from './boundary-event';

/**
 * A cancel end event (§10.2.3, §13.5.6): compensate the transaction's completed work, then leave through the
 * transaction's cancel boundary event. Compensation handlers that wait (user tasks, asynchronous handlers) are
 * cut short by the boundary: waiting for them is not implemented.
 */
function cancelTransaction(run: Run, actId: string): void {
  const scopeId = run.act(actId)!.s;
  const transactionId = run.state.sc[scopeId]?.a;
  run.compensate(actId);
  run.defer(() => {
    const transaction = transactionId ? run.act(transactionId) : undefined;
    if (!transaction) return;
    const index = run.indexOf(transaction.s);
    const boundaryId = index.node(transaction.n).boundaryEventIds?.find((id) => index.node(id).eventDefinitions?.some((d) => d.type === 'cancel'));
    if (boundaryId) fireBoundary(run, transactionId!, index.node(boundaryId));
    else run.terminateScope(scopeId);
  });
}

export function throwDefinitions(run: Run, actId: string): void {
  const node = run.node(actId);
  for (const definition of node.eventDefinitions ?? []) {
    const act = run.act(actId);
    if (!act) return;
    const index = run.indexOf(act.s);
    switch (definition.type) {
      case 'message':
        run.emit({ type: 'message.sent', elementId: node.id, name: index.messageName(definition), variables: run.variables(act.s, actId) });
        break;
      case 'signal': {
        const name = index.signalName(definition);
        run.emit({ type: 'signal.broadcast', elementId: node.id, name });
        run.broadcastSignal(name);
        break;
      }
      case 'escalation': {
        const code = index.escalationCode(definition) ?? '';
        const caught = run.throwEscalation(actId, code);
        run.emit({ type: 'escalation.raised', elementId: node.id, code, caught });
        break;
      }
      case 'error': {
        const code = index.errorCode(definition) ?? '';
        if (!run.throwError(actId, code)) {
          // An error nobody catches ends the instance abnormally (§10.5.3: the process is in error).
          run.emit({ type: 'error.unhandled', elementId: node.id, code });
          run.fail();
        }
        break;
      }
      case 'terminate':
        run.terminateScope(act.s);
        break;
      case 'compensate':
        run.compensate(actId, definition.activityRef);
        break;
      case 'cancel':
        cancelTransaction(run, actId);
        break;
      case 'link': {
        const target = index.linkCatch(run.state.sc[act.s]!.e, definition.linkName);
        if (target) {
          run.consume(actId);
          run.defer(() => run.activate(target, act.s, { triggered: true }));
        }
        break;
      }
      default:
        break;
    }
  }
}
