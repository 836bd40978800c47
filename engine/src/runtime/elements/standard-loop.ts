/**
 * @module standardLoop — repeats an activity while its loop condition holds, testing before or after each pass,
 * at most `loopMaximum` times (BPMN 2.0 §10.2.7, §13.2.5). Passes are inner instances of a body act.
 */
import type { LoopCharacteristics } from '../../model/procedure-definition';
import type { ElementBehaviour } from '../element-behaviour';
import type { Run } from '../run-context';

type StandardLoop = LoopCharacteristics & { type: 'standardLoop' };

function shouldLoop(run: Run, bodyId: string): boolean {
  const body = run.act(bodyId)!;
  const loop = run.node(bodyId).loop as StandardLoop;
  if (loop.loopMaximum !== undefined && body.mi!.i >= loop.loopMaximum) return false;
  if (!loop.loopCondition) return false;
  const holds = run.env.feel.test(loop.loopCondition.body, { ...run.variables(body.s, bodyId), loopCounter: body.mi!.i }, run.clockNow());
  return holds.ok && holds.value === true;
}

function pass(run: Run, bodyId: string): void {
  const body = run.act(bodyId)!;
  const i = body.mi!.i + 1;
  run.updateAct(bodyId, { mi: { ...body.mi!, i } });
  run.activate(run.node(bodyId), body.s, { body: bodyId, variables: { loopCounter: i } });
}

export const standardLoop: ElementBehaviour = {
  execute(run, actId) {
    const loop = run.node(actId).loop as StandardLoop;
    run.updateAct(actId, { w: 'body', mi: { t: 0, d: 0, i: 0 } });
    if (loop.testBefore && !shouldLoop(run, actId)) run.leave(actId);
    else pass(run, actId);
  },

  innerCompleted(run, bodyId, innerId) {
    run.consume(innerId);
    const body = run.act(bodyId)!;
    run.updateAct(bodyId, { mi: { ...body.mi!, d: body.mi!.d + 1 } });
    if (shouldLoop(run, bodyId)) pass(run, bodyId);
    else run.leave(bodyId);
  },
};
