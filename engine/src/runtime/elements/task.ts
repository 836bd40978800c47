/** @module task — an abstract task does no work: the token passes through (BPMN 2.0 §10.3.3). */
import type { ElementBehaviour } from '../element-behaviour';

export const task: ElementBehaviour = {
  execute(run, actId) {
    run.complete(actId);
  },
};
