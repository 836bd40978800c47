/** @module ReadContext — what the readers share while turning one moddle tree into a ProcedureDefinition. */
import type { UnsupportedElement, ValidationIssue } from './procedure-definition';
import type { ExpressionDefaults } from './read-expression';
import { refId, type ModdleElement } from './moddle-element';

export interface ReadContext extends ExpressionDefaults {
  /** Raw ids of references moddle could not resolve, by element then property (from its warnings). */
  unresolvedRefs: UnresolvedRefs;
  /** Issues found while reading (invalid `lt:` values); validation adds the structural ones. */
  issues: ValidationIssue[];
  unsupported: UnsupportedElement[];
  /** Every id in the document, so that ids we make up for id-less elements never collide. */
  usedIds: Set<string>;
}

export type UnresolvedRefs = Map<ModdleElement, Map<string, string>>;

export function createReadContext(unresolvedRefs: UnresolvedRefs = new Map(), usedIds: Iterable<string> = []): ReadContext {
  return { unresolvedRefs, issues: [], unsupported: [], usedIds: new Set(usedIds) };
}

/**
 * The element's id, or a made-up one written back onto it. Camunda 7 accepts id-less sequence flows and even
 * nodes (the corpus has many); ids are how our plain data refers to things, so every element needs one.
 */
export function ensureId(element: ModdleElement, context: ReadContext): string {
  if (element.id) return element.id;
  const local = element.$type.slice(element.$type.indexOf(':') + 1);
  const base = local.charAt(0).toLowerCase() + local.slice(1);
  let counter = 1;
  while (context.usedIds.has(`${base}_${counter}`)) counter += 1;
  const id = `${base}_${counter}`;
  context.usedIds.add(id);
  element.id = id;
  return id;
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
