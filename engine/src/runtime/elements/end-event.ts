/** @module endEvent — consumes its token after throwing its result, if any (BPMN 2.0 §13.5.6). */
import type { ElementBehaviour } from '../element-behaviour';
import { throwDefinitions } from './throw-event';

export const endEvent: ElementBehaviour = {
  execute(run, actId) {
    throwDefinitions(run, actId);
    run.consume(actId);
  },
};
