/** @module describeElement — how issue messages name an element: kind in words, name in quotes, id in parentheses. */
import type { FlowNode, SequenceFlow } from './procedure-definition';
import { stringProp, type ModdleElement } from './moddle-element';

/** `bpmn:ExclusiveGateway` or `exclusiveGateway` → `Exclusive gateway "Approved?" (gw-approved)`. */
export function describe(type: string, id: string, name?: string): string {
  const local = type.includes(':') ? type.slice(type.indexOf(':') + 1) : type;
  const spaced = local.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace('sub process', 'sub-process').replace('ad hoc', 'ad-hoc');
  const label = spaced.charAt(0).toUpperCase() + spaced.slice(1);
  const shown = name?.replace(/\s+/g, ' ').trim();
  if (shown) return id ? `${label} "${shown}" (${id})` : `${label} "${shown}"`;
  return id ? `${label} ${id}` : label;
}

export function describeElement(element: ModdleElement): string {
  return describe(element.$type, element.id ?? '', stringProp(element, 'name'));
}

export function describeNode(node: FlowNode): string {
  return describe(node.kind, node.id, node.name);
}

export function describeFlow(flow: SequenceFlow): string {
  return describe('sequenceFlow', flow.id, flow.name);
}
