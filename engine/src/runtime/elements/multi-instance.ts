/**
 * @module multiInstance — a multi-instance activity runs as a body act with inner instances, all at once
 * (parallel) or one after another (sequential), until every instance completed or the completion condition holds
 * (BPMN 2.0 §10.2.8, §13.2.6). Inner instances get `loopCounter` and the input element as local variables.
 */
import type { LoopCharacteristics } from '../../model/procedure-definition';
import type { ElementBehaviour } from '../element-behaviour';
import type { Run } from '../run-context';

type MultiInstance = LoopCharacteristics & { type: 'multiInstance' };

function loopOf(run: Run, actId: string): MultiInstance {
  return run.node(actId).loop as MultiInstance;
}

function spawn(run: Run, bodyId: string, items: unknown[] | undefined): void {
  const body = run.act(bodyId)!;
  const loop = loopOf(run, bodyId);
  const i = body.mi!.i;
  const variables: Record<string, unknown> = { loopCounter: i + 1 };
  if (loop.inputElement && items) variables[loop.inputElement] = items[i];
  run.updateAct(bodyId, { mi: { ...body.mi!, i: i + 1 } });
  run.activate(run.node(bodyId), body.s, { body: bodyId, variables });
}

function finish(run: Run, bodyId: string): void {
  const body = run.act(bodyId)!;
  const loop = loopOf(run, bodyId);
  for (const [id, inner] of Object.entries(run.state.a)) if (inner.b === bodyId) run.cancelAct(id);
  if (loop.outputCollection) run.setVariables(body.s, { [loop.outputCollection]: body.mi?.o ?? [] });
  run.leave(bodyId);
}

export const multiInstance: ElementBehaviour = {
  execute(run, actId) {
    const loop = loopOf(run, actId);
    let items: unknown[] | undefined;
    if (loop.inputCollection) {
      const result = run.evaluate(actId, loop.inputCollection);
      if (!result.ok) return;
      items = Array.isArray(result.value) ? result.value : result.value == null ? [] : [result.value];
    }
    let total = items?.length ?? 0;
    if (loop.loopCardinality) {
      const result = run.evaluate(actId, loop.loopCardinality);
      if (!result.ok) return;
      total = Math.max(0, Math.floor(Number(result.value) || 0));
    }
    run.updateAct(actId, { w: 'body', mi: { t: total, d: 0, i: 0, ...(loop.isSequential && items ? { c: items } : {}), ...(loop.outputCollection ? { o: [] } : {}) } });
    if (total === 0) {
      finish(run, actId);
      return;
    }
    const count = loop.isSequential ? 1 : total;
    for (let k = 0; k < count && run.act(actId); k += 1) spawn(run, actId, items);
  },

  innerCompleted(run, bodyId, innerId) {
    const body = run.act(bodyId)!;
    const inner = run.act(innerId)!;
    const loop = loopOf(run, bodyId);
    const mi = { ...body.mi!, d: body.mi!.d + 1 };
    if (loop.outputCollection && loop.outputElement) {
      const value = run.env.feel.evaluate(loop.outputElement.body, run.variables(inner.s, innerId), run.clockNow());
      const output = [...(mi.o ?? [])];
      output[Number(inner.v?.loopCounter ?? mi.d) - 1] = value.ok ? value.value : null;
      mi.o = output;
    }
    run.consume(innerId);
    run.updateAct(bodyId, { mi });
    let done = mi.d >= mi.t;
    if (!done && loop.completionCondition) {
      const extra = { nrOfInstances: mi.t, nrOfCompletedInstances: mi.d, nrOfActiveInstances: mi.i - mi.d, loopCounter: inner.v?.loopCounter };
      const holds = run.env.feel.test(loop.completionCondition.body, { ...run.variables(body.s, bodyId), ...extra }, run.clockNow());
      done = holds.ok && holds.value === true;
    }
    if (done) finish(run, bodyId);
    else if (loop.isSequential) spawn(run, bodyId, mi.c);
  },
};
