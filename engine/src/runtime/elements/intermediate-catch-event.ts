/**
 * @module intermediateCatchEvent — waits for a timer, message, signal or condition; a link catch passes the token
 * on at once (BPMN 2.0 §10.5.4, §13.5.2). Several event definitions wait for whichever occurs first.
 */
import type { EventDefinition } from '../../model/procedure-definition';
import type { ElementBehaviour } from '../element-behaviour';
import type { Run } from '../run-context';

const SUBSCRIBED = new Set(['timer', 'message', 'signal', 'conditional']);

/** Subscribes an act to its own event definitions; completes it at once if a condition already holds. */
export function waitForEvents(run: Run, actId: string, definitions: EventDefinition[]): void {
  const act = run.act(actId)!;
  const node = run.node(actId);
  run.updateAct(actId, { w: 'event' });
  for (const definition of definitions) {
    if (!SUBSCRIBED.has(definition.type)) continue;
    if (definition.type === 'conditional') {
      const holds = run.env.feel.test(definition.condition.body, run.variables(act.s, actId), run.clockNow());
      if (holds.ok && holds.value) {
        run.unsubscribeOwnedBy(actId);
        run.complete(actId);
        return;
      }
    }
    run.subscribe(definition.type as 'timer', node, definition, act.s, actId);
  }
}

export const intermediateCatchEvent: ElementBehaviour = {
  execute(run, actId, options) {
    const definitions = run.node(actId).eventDefinitions ?? [];
    if (options.triggered || definitions.length === 0 || definitions.some((d) => d.type === 'link')) {
      run.complete(actId);
      return;
    }
    waitForEvents(run, actId, definitions);
  },
};
