/**
 * @module userTask — user and manual tasks wait until the host reports them completed (BPMN 2.0 §10.3.3). The
 * step.activated effect carries what the domain needs: who does it (agency, lane), its budget and deadlines.
 */
import type { ElementBehaviour } from '../element-behaviour';
import type { Run } from '../run-context';

/** Opens a step: the act waits with `w` and the host is told who must act and by when. */
export function openStep(run: Run, actId: string, wait: 'task' | 'event'): void {
  const act = run.act(actId)!;
  const node = run.node(actId);
  run.updateAct(actId, { w: wait });
  const lane = run.indexOf(act.s).lane(node.laneId);
  const assignment = node.assignment ?? lane?.assignment;
  run.emit({
    type: 'step.activated',
    elementId: node.id,
    stepId: actId,
    kind: node.kind,
    ...(node.name !== undefined ? { name: node.name } : {}),
    ...(assignment ? { assignment } : {}),
    ...(node.budget ? { budget: node.budget } : {}),
    ...(node.nearlyDue ? { nearlyDue: node.nearlyDue } : {}),
    ...(node.escalation ? { escalation: node.escalation } : {}),
    ...(node.laneId ? { lane: node.laneId } : {}),
  });
}

export const userTask: ElementBehaviour = {
  execute(run, actId) {
    openStep(run, actId, 'task');
  },
};
