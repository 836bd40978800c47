/**
 * @module evaluateConditionalEvents — conditional events fire when their condition becomes true (BPMN 2.0
 * §10.5.4 "conditional"); conditions are re-evaluated after every delivered event, since only events change data.
 */
import { triggerWait } from './event-routing';
import type { Run } from './run-context';

export function evaluateConditionalEvents(run: Run): boolean {
  let fired = false;
  for (const [id, wait] of Object.entries(run.state.w)) {
    if (wait.k !== 'conditional' || !run.state.w[id]) continue;
    const node = run.indexOf(wait.s).node(wait.n);
    const definition = node.eventDefinitions?.find((d) => d.type === 'conditional');
    if (!definition || definition.type !== 'conditional') continue;
    const holds = run.env.feel.test(definition.condition.body, run.variables(wait.s, wait.a), run.clockNow());
    const value = holds.ok && holds.value === true;
    if (value === (wait.lv === true)) continue;
    run.state.w[id] = { ...wait, lv: value };
    if (value) {
      triggerWait(run, id);
      fired = true;
    }
  }
  return fired;
}
