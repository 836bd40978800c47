/** @module parseProcedure — the model layer's entry: BPMN XML → a plain ProcedureDefinition plus every issue found. */
import type { ProcedureDefinition, ValidationIssue } from './procedure-definition';
import { createModdle } from './create-moddle';
import { isModdleElement } from './moddle-element';
import { createReadContext } from './read-context';
import { documentLimitIssue } from './document-limits';
import { readDefinitions } from './read-definitions';
import { readDocumentError } from './read-document-error';
import { readModdleWarnings } from './read-moddle-warnings';
import { validateProcedure } from './validate-procedure';

export interface ParseResult {
  /** `undefined` only when the document could not be read as BPMN at all. */
  definition: ProcedureDefinition | undefined;
  /** Every issue at once (STYLE.md §4): reading problems, moddle warnings and validation rules. */
  issues: ValidationIssue[];
}

/**
 * Parse BPMN 2.0 XML with bpmn-moddle and our `lt:` descriptor. Never throws on bad input: a document that is not
 * well-formed or not BPMN gives `definition: undefined` and one issue naming the root element; so does a document nested
 * deeper than `MAX_ELEMENT_DEPTH` or using an id such as `__proto__` (one `DOCUMENT_TOO_DEEP` or `RESERVED_ID` issue).
 *
 * @example
 * const { definition, issues } = await parseProcedure(xml);
 * const errors = issues.filter((issue) => issue.severity === 'error');
 * if (errors.length === 0) startProcess(definition);
 */
export async function parseProcedure(xml: string): Promise<ParseResult> {
  if (typeof xml !== 'string' || xml.trim() === '') {
    return { definition: undefined, issues: [{ elementId: 'document', code: 'XML_NOT_WELL_FORMED', severity: 'error', message: 'The document is empty' }] };
  }
  let imported;
  try {
    imported = await createModdle().fromXML(xml, 'bpmn:Definitions');
  } catch (error) {
    return { definition: undefined, issues: [readDocumentError(xml, error)] };
  }
  const root = imported.rootElement;
  if (!isModdleElement(root) || root.$type !== 'bpmn:Definitions') {
    return { definition: undefined, issues: [readDocumentError(xml, new Error('not BPMN definitions'))] };
  }
  const refused = documentLimitIssue(root, imported.references);
  if (refused) return { definition: undefined, issues: [refused] };
  const warnings = readModdleWarnings(imported.warnings, root.id ?? 'definitions');
  const context = createReadContext(warnings.unresolvedRefs, Object.keys(imported.elementsById));
  const definition = readDefinitions(root, context);
  return { definition, issues: [...warnings.issues, ...context.issues, ...validateProcedure(definition)] };
}
