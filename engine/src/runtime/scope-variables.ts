/**
 * @module scopeVariables — variable lookup and writes over the execution tree (BPMN 2.0 §10.3.1 data, §10.2.5
 * sub-process scope). Reads merge the scope chain up to the process root, innermost winning, plus the act's locals.
 * Writes go to the nearest scope that already defines the variable, else to the process root, as Camunda and
 * Zeebe propagate task results. Changed scopes are replaced, never mutated.
 */
import type { InstanceState, ScopeState } from './instance-state';

export function readVariables(state: InstanceState, scopeId: string, actId?: string): Record<string, unknown> {
  const local = actId ? state.a[actId]?.v : undefined;
  let scope: ScopeState | undefined = state.sc[scopeId];
  if (scope?.r && !local) return scope.v ?? {};
  const chain: Array<Record<string, unknown> | undefined> = [];
  while (scope) {
    chain.push(scope.v);
    if (scope.r || scope.p === undefined) break;
    scope = state.sc[scope.p];
  }
  const merged: Record<string, unknown> = {};
  for (let i = chain.length - 1; i >= 0; i -= 1) Object.assign(merged, chain[i]);
  return local ? Object.assign(merged, local) : merged;
}

export function writeVariables(state: InstanceState, scopeId: string, variables: Record<string, unknown>): void {
  const writes = new Map<string, Record<string, unknown>>();
  for (const [key, value] of Object.entries(variables)) {
    let id: string | undefined = scopeId;
    let target = scopeId;
    while (id !== undefined) {
      const scope: ScopeState = state.sc[id]!;
      target = id;
      if ((scope.v && key in scope.v) || scope.r || scope.p === undefined) break;
      id = scope.p;
    }
    const bucket = writes.get(target) ?? {};
    // The snapshot is plain JSON: an undefined value would vanish on restore, so it is stored as null (FEEL null).
    bucket[key] = value === undefined ? null : value;
    writes.set(target, bucket);
  }
  for (const [id, bucket] of writes) {
    const scope = state.sc[id]!;
    // Object.assign, not spreads: a spread copy that gains a new key takes V8's slow path (issue 17's profile).
    state.sc[id] = Object.assign({}, scope, { v: Object.assign({}, scope.v, bucket) });
  }
}
