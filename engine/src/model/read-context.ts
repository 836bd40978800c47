/** @module ReadContext — what the readers share while turning one moddle tree into a ProcedureDefinition. */
import type { UnsupportedElement, ValidationIssue } from './procedure-definition';
import type { ExpressionDefaults } from './read-expression';
import { refId, stringProp, type ModdleElement } from './moddle-element';

export interface ReadContext extends ExpressionDefaults {
  /** Raw ids of references moddle could not resolve, by element then property (from its warnings). */
  unresolvedRefs: UnresolvedRefs;
  /** Issues found while reading (invalid `lt:` values); validation adds the structural ones. */
  issues: ValidationIssue[];
  unsupported: UnsupportedElement[];
}

export type UnresolvedRefs = Map<ModdleElement, Map<string, string>>;

export function createReadContext(unresolvedRefs: UnresolvedRefs = new Map()): ReadContext {
  return { unresolvedRefs, issues: [], unsupported: [] };
}

/** Id of a referenced element, or the raw id when moddle could not resolve it (a flow to nowhere keeps its target). */
export function referenceId(element: ModdleElement, property: string, context: ReadContext): string | undefined {
  return refId(element, property) ?? context.unresolvedRefs.get(element)?.get(property);
}

/** The element itself when it has an id, else its nearest ancestor with one (event definitions often have none). */
export function nearestId(element: ModdleElement | undefined): string | undefined {
  for (let current = element; current; current = current.$parent) if (current.id) return current.id;
  return undefined;
}

/** `Exclusive gateway "Approved?" (gw-approved)`: how messages name an element. */
export function describeElement(element: ModdleElement): string {
  return describe(element.$type, element.id ?? '', stringProp(element, 'name'));
}

/** `bpmn:ExclusiveGateway` or `exclusiveGateway` → `Exclusive gateway "name" (id)`. */
export function describe(type: string, id: string, name?: string): string {
  const local = type.includes(':') ? type.slice(type.indexOf(':') + 1) : type;
  const words = local.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const label = words.charAt(0).toUpperCase() + words.slice(1);
  if (name) return id ? `${label} "${name}" (${id})` : `${label} "${name}"`;
  return id ? `${label} ${id}` : label;
}
