/**
 * @module startEvent — a none start event passes its token on; a timer, message, signal or conditional start
 * event that was not chosen by the caller waits for its trigger inside the new instance (BPMN 2.0 §13.4.1).
 */
import type { ElementBehaviour } from '../element-behaviour';
import { waitForEvents } from './intermediate-catch-event';

export const startEvent: ElementBehaviour = {
  execute(run, actId, options) {
    const definitions = run.node(actId).eventDefinitions ?? [];
    if (options.triggered || definitions.length === 0) run.complete(actId);
    else waitForEvents(run, actId, definitions);
  },
};
