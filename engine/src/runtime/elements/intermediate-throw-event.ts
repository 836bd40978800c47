/** @module intermediateThrowEvent — throws its result and passes the token on (BPMN 2.0 §13.5.5); a link throw jumps. */
import type { ElementBehaviour } from '../element-behaviour';
import { throwDefinitions } from './throw-event';

export const intermediateThrowEvent: ElementBehaviour = {
  execute(run, actId) {
    throwDefinitions(run, actId);
    run.complete(actId);
  },
};
