/**
 * @module subProcess — embedded and event sub-processes run their body as a child scope of the execution tree
 * (BPMN 2.0 §10.2.5, §13.2.4) with local variables; the activity completes when the child scope has no token left.
 */
import type { ElementBehaviour } from '../element-behaviour';

export const subProcess: ElementBehaviour = {
  execute(run, actId, options) {
    const act = run.act(actId)!;
    const node = run.node(actId);
    const parent = run.state.sc[act.s]!;
    run.startChildScope(actId, { e: node.id, ...(parent.d !== undefined ? { d: parent.d } : {}), ...(act.v ? { v: act.v } : {}) }, options.startId);
  },
};
