/**
 * @module validateReachability — every node must be reachable from an entry of its scope: a start event, a boundary
 * event, an event sub-process, a compensation handler, or (in a scope without start events, which §10.2.5 allows
 * for sub-processes) a node without incoming flows. Link events jump within their scope (§10.5.5). Nodes inside an
 * unreachable sub-process are not reported again: the sub-process is.
 */
import type { FlowNode, ProcedureDefinition, ProcessDefinition, ValidationIssue } from './procedure-definition';
import { describeNode } from './describe-element';
import { structuralIssue } from './structural-issue';

export function validateReachability(definition: ProcedureDefinition): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const process of definition.processes) {
    const scopes: string[][] = [process.childNodeIds];
    while (scopes.length > 0) {
      const scope = scopes.pop() ?? [];
      const reached = reachableIn(process, scope);
      for (const id of scope) {
        const node = process.nodes[id];
        if (!node) continue;
        if (!reached.has(id)) {
          issues.push(structuralIssue(process, id, 'UNREACHABLE_ELEMENT', `${describeNode(node)} cannot be reached from any start event of its scope`));
        } else if (node.childNodeIds) {
          scopes.push(node.childNodeIds);
        }
      }
    }
  }
  return issues;
}

function isEntry(node: FlowNode, scopeHasStart: boolean): boolean {
  if (node.kind === 'startEvent' || node.kind === 'boundaryEvent') return true;
  if (node.triggeredByEvent || node.isForCompensation) return true;
  return !scopeHasStart && node.incoming.length === 0 && !isLinkCatch(node);
}

function isLinkCatch(node: FlowNode): boolean {
  return node.kind === 'intermediateCatchEvent' && (node.eventDefinitions ?? []).some((definition) => definition.type === 'link');
}

function linkNames(node: FlowNode): string[] {
  return (node.eventDefinitions ?? []).flatMap((definition) => (definition.type === 'link' ? [definition.linkName] : []));
}

function reachableIn(process: ProcessDefinition, scope: string[]): Set<string> {
  const nodes = scope.map((id) => process.nodes[id]).filter((node): node is FlowNode => node !== undefined);
  const scopeHasStart = nodes.some((node) => node.kind === 'startEvent');
  const catchesByLink = new Map<string, string[]>();
  for (const node of nodes.filter(isLinkCatch)) {
    for (const name of linkNames(node)) catchesByLink.set(name, [...(catchesByLink.get(name) ?? []), node.id]);
  }
  const reached = new Set<string>();
  const pending = nodes.filter((node) => isEntry(node, scopeHasStart)).map((node) => node.id);
  while (pending.length > 0) {
    const id = pending.pop() ?? '';
    if (reached.has(id)) continue;
    reached.add(id);
    const node = process.nodes[id];
    if (!node) continue;
    for (const flowId of node.outgoing) {
      const target = process.flows[flowId]?.targetRef;
      if (target !== undefined && !reached.has(target)) pending.push(target);
    }
    if (node.kind === 'intermediateThrowEvent') {
      for (const name of linkNames(node)) pending.push(...(catchesByLink.get(name) ?? []));
    }
  }
  return reached;
}
