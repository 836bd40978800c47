/**
 * @module startScopeTokens — where the tokens of a new scope come from (BPMN 2.0 §13.4.1, §13.2.2): the chosen
 * start event, else every none start event, else the trigger start events (they wait for their event), else —
 * a scope without start events — every flow node without incoming flows.
 */
import type { Run } from './run-context';

export function startScopeTokens(run: Run, scopeId: string, startId?: string): void {
  const scope = run.state.sc[scopeId]!;
  const index = run.indexOf(scopeId);
  if (startId) {
    run.activate(index.node(startId), scopeId, { triggered: true });
    return;
  }
  const starts = index.startEventsOf(scope.e);
  const noneStarts = starts.filter((s) => !s.eventDefinitions?.length);
  if (noneStarts.length > 0) {
    for (const start of noneStarts) run.activate(start, scopeId);
    return;
  }
  if (starts.length > 0) {
    for (const start of starts) run.activate(start, scopeId);
    return;
  }
  for (const node of index.childrenOf(scope.e)) {
    const implicit = node.incoming.length === 0 && node.kind !== 'boundaryEvent' && !node.triggeredByEvent && !node.isForCompensation;
    const linkCatch = node.kind === 'intermediateCatchEvent' && node.eventDefinitions?.some((d) => d.type === 'link');
    if (implicit && !linkCatch) run.activate(node, scopeId);
  }
}
