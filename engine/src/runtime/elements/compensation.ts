/**
 * @module compensation — a compensation throw runs the compensation handler of every completed activity of the
 * scope that has a compensation boundary event, most recent first (BPMN 2.0 §10.7, §13.5.5). The handler is the
 * activity the boundary's association points at (kept as the boundary's `outgoing` by the parser) or, failing
 * that, the scope's only `isForCompensation` activity. Handlers run as ordinary tokens without outgoing flows.
 */
import type { Run } from '../run-context';

export function compensateScope(run: Run, actId: string, activityRef?: string): void {
  const act = run.act(actId);
  if (!act) return;
  let scopeId: string | undefined = act.s;
  // A throw inside a scope compensates that scope; climb to the first scope that recorded compensable work.
  while (scopeId !== undefined && !run.state.sc[scopeId]?.cp?.length) scopeId = run.state.sc[scopeId]?.p;
  if (scopeId === undefined) return;
  const scope = run.state.sc[scopeId]!;
  const index = run.indexOf(scopeId);
  const done = [...(scope.cp ?? [])].reverse().filter((id) => activityRef === undefined || id === activityRef);
  run.state.sc[scopeId] = { ...scope, cp: (scope.cp ?? []).filter((id) => !done.includes(id)) };
  for (const activityId of done) {
    const activity = index.node(activityId);
    for (const boundaryId of activity.boundaryEventIds ?? []) {
      const boundary = index.node(boundaryId);
      if (!boundary.eventDefinitions?.some((d) => d.type === 'compensate')) continue;
      const targets = boundary.outgoing.map((f) => index.flow(f).targetRef);
      const fallback = index.childrenOf(activity.scopeId).filter((n) => n.isForCompensation);
      const handlerIds = targets.length > 0 ? targets : fallback.length === 1 ? [fallback[0]!.id] : [];
      for (const handlerId of handlerIds) run.activate(index.node(handlerId), act.s);
    }
  }
}
