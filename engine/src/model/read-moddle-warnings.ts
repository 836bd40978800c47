/**
 * @module readModdleWarnings — bpmn-moddle's import warnings as validation issues: duplicate ids (the second
 * element is dropped), unresolved references (kept aside so a flow to nowhere still names its target) and the rest
 * (unknown elements and attributes, encodings) as `XML_WARNING`.
 */
import type { ModdleWarning } from 'bpmn-moddle';
import type { ValidationIssue } from './procedure-definition';
import { isModdleElement, type ModdleElement } from './moddle-element';
import { describeElement } from './describe-element';
import { nearestId, type UnresolvedRefs } from './read-context';

/** References whose absence validation reports with a sharper code (FLOW_TO_NOWHERE, BOUNDARY_WITHOUT_ACTIVITY). */
const STRUCTURAL_REFERENCES = new Set(['sourceRef', 'targetRef', 'attachedToRef']);

export interface ReadModdleWarnings {
  issues: ValidationIssue[];
  unresolvedRefs: UnresolvedRefs;
}

export function readModdleWarnings(warnings: readonly ModdleWarning[], rootId: string): ReadModdleWarnings {
  const issues: ValidationIssue[] = [];
  const unresolvedRefs: UnresolvedRefs = new Map();
  for (const warning of warnings) {
    const element = isModdleElement(warning.element) ? warning.element : undefined;
    const unresolved = /^unresolved reference <(.*)>$/.exec(warning.message);
    if (unresolved && element && warning.property) {
      const property = warning.property.includes(':') ? warning.property.slice(warning.property.indexOf(':') + 1) : warning.property;
      const byProperty = unresolvedRefs.get(element) ?? new Map<string, string>();
      byProperty.set(property, unresolved[1]);
      unresolvedRefs.set(element, byProperty);
      if (!STRUCTURAL_REFERENCES.has(property)) issues.push(unresolvedIssue(element, property, unresolved[1], rootId));
      continue;
    }
    const duplicate = /duplicate ID <(.*)>/.exec(warning.message);
    if (duplicate) {
      const tag = /^unparsable content (<[^>]*>)/.exec(warning.message)?.[1] ?? 'an element';
      issues.push({
        elementId: duplicate[1],
        code: 'DUPLICATE_ID',
        severity: 'error',
        message: `The id ${duplicate[1]} is used more than once; the later ${tag} was dropped (${location(warning.message)})`,
      });
      continue;
    }
    issues.push({
      elementId: nearestId(element) ?? rootId,
      code: 'XML_WARNING',
      severity: 'warning',
      message: `${element ? `${describeElement(element)}: ` : ''}${oneLine(warning.message)}`,
    });
  }
  return { issues, unresolvedRefs };
}

function unresolvedIssue(element: ModdleElement, property: string, id: string, rootId: string): ValidationIssue {
  const owner = element.id ? describeElement(element) : `${describeElement(element)} of ${nearestId(element) ?? rootId}`;
  return {
    elementId: nearestId(element) ?? rootId,
    code: 'UNRESOLVED_REFERENCE',
    severity: 'warning',
    message: `${owner} refers to ${id} as its ${property}, but no element has that id`,
  };
}

/** moddle messages span lines (`line: 3`, `column: 61`, `nested error: …`): fold them into one. */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, '; ');
}

function location(message: string): string {
  const line = /line: (\d+)/.exec(message)?.[1];
  const column = /column: (\d+)/.exec(message)?.[1];
  return line ? `line ${Number(line) + 1}, column ${Number(column ?? 0) + 1}` : 'position unknown';
}
