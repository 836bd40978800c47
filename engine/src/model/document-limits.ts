/**
 * @module documentLimits — refuses, before the readers see them, documents that no real procedure model looks like
 * and that would break the readers: nesting deeper than any real model (the readers recurse once per level, and
 * 10,000 nested sub-processes or extension elements overflow the stack), and ids that are names of
 * `Object.prototype` members (`__proto__`, `constructor`, `toString`, …), which the readers' id-keyed records would
 * mistake for their own entries (also as references: `targetRef="constructor"`). The walk uses an explicit stack.
 */
import { isModdleElement, type ModdleElement } from './moddle-element';
import type { ValidationIssue } from './procedure-definition';
import { children } from './read-xml-inventory';

/** Deepest element nesting accepted, the root `definitions` being level 1. Real models stay under 20. */
export const MAX_ELEMENT_DEPTH = 100;

const RESERVED_IDS = new Set(Object.getOwnPropertyNames(Object.prototype));

/** One reference moddle found while importing (`fromXML(…).references`). */
interface ModdleReference {
  element?: ModdleElement;
  property?: string;
  id?: unknown;
}

/** The first reason to refuse the document before reading it, or `undefined`. */
export function documentLimitIssue(root: ModdleElement, references: readonly unknown[] = [], maxDepth: number = MAX_ELEMENT_DEPTH): ValidationIssue | undefined {
  for (const reference of references as ModdleReference[]) {
    if (typeof reference.id !== 'string' || !RESERVED_IDS.has(reference.id)) continue;
    const owner = reference.element;
    const ownerId = typeof owner?.id === 'string' && owner.id !== '' ? owner.id : (root.id ?? 'definitions');
    return {
      elementId: ownerId,
      code: 'RESERVED_ID',
      severity: 'error',
      message: `${reference.property ?? 'A reference'} of <${owner?.$type ?? 'element'}> ${ownerId} refers to "${reference.id}", a reserved name (a JavaScript object member) that no element may have`,
    };
  }
  const stack: { element: ModdleElement; depth: number; namedId: string }[] = [{ element: root, depth: 1, namedId: 'definitions' }];
  while (stack.length > 0) {
    const { element, depth, namedId } = stack.pop()!;
    const id = typeof element.id === 'string' && element.id !== '' ? element.id : undefined;
    if (id !== undefined && RESERVED_IDS.has(id)) {
      return {
        elementId: id,
        code: 'RESERVED_ID',
        severity: 'error',
        message: `The id "${id}" of <${element.$type}> is a reserved name (a JavaScript object member); rename the element`,
      };
    }
    const elementId = id ?? namedId;
    if (depth > maxDepth) {
      return {
        elementId,
        code: 'DOCUMENT_TOO_DEEP',
        severity: 'error',
        message: `The document nests elements more than ${maxDepth} levels deep (<${element.$type}> inside ${elementId}); flatten the model`,
      };
    }
    const descriptor = element.$descriptor as { isGeneric?: boolean } | undefined;
    const generic = !descriptor || descriptor.isGeneric === true;
    for (const child of children(element, element.$descriptor as never, generic)) {
      if (isModdleElement(child)) stack.push({ element: child, depth: depth + 1, namedId: elementId });
    }
  }
  return undefined;
}
