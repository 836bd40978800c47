/** @module receiveTask — waits for its message (BPMN 2.0 §10.3.3); opened as a step so the host sees it. */
import type { ElementBehaviour } from '../element-behaviour';
import { openStep } from './user-task';

export const receiveTask: ElementBehaviour = {
  execute(run, actId, options) {
    if (options.triggered) {
      run.complete(actId);
      return;
    }
    const act = run.act(actId)!;
    const node = run.node(actId);
    openStep(run, actId, 'task');
    run.subscribe('message', node, { type: 'message', messageRef: node.messageRef, messageName: node.messageName }, act.s, actId);
  },
};
