/**
 * @module readDefinitions — `bpmn:definitions` (BPMN 2.0 §8.2) into a ProcedureDefinition: every process, the
 * messages, signals, errors and escalations their events refer to, our `lt:procedure` metadata, and the elements
 * the engine does not execute (choreographies §11, conversations §9.4) recorded as unsupported.
 */
import type { NamedRef, ProcedureDefinition } from './procedure-definition';
import { elementsProp, stringProp, type ModdleElement } from './moddle-element';
import { ensureId, type ReadContext } from './read-context';
import { languageOfDeclaration } from './read-expression';
import { findProcedureElement, readProcedureMetadata } from './read-procedure-metadata';
import { readProcess } from './read-process';

const NAMED_ROOTS: Record<string, { key: 'messages' | 'signals' | 'errors' | 'escalations'; codeProperty?: string }> = {
  'bpmn:Message': { key: 'messages' },
  'bpmn:Signal': { key: 'signals' },
  'bpmn:Error': { key: 'errors', codeProperty: 'errorCode' },
  'bpmn:Escalation': { key: 'escalations', codeProperty: 'escalationCode' },
};

/** Conversation nodes of a collaboration (§9.4): descriptive, never executed. */
const CONVERSATION_TYPES = new Set(['bpmn:Conversation', 'bpmn:SubConversation', 'bpmn:CallConversation']);

export function readDefinitions(definitions: ModdleElement, context: ReadContext): ProcedureDefinition {
  const rootElements = elementsProp(definitions, 'rootElements');
  const processElements = rootElements.filter((element) => element.$type === 'bpmn:Process');
  const procedureElement = findProcedureElement(definitions, processElements);
  // moddle reports the spec's default (XPath, §8.2) when the attribute is absent: only a written one counts.
  const declared = Object.hasOwn(definitions, 'expressionLanguage') ? stringProp(definitions, 'expressionLanguage') : undefined;
  // Our procedures are FEEL throughout: undeclared expressions in a document with lt:procedure are FEEL.
  context.defaultLanguage = languageOfDeclaration(declared) ?? (procedureElement ? 'feel' : undefined);
  const result: ProcedureDefinition = {
    id: ensureId(definitions, context),
    processes: [],
    messages: {},
    signals: {},
    errors: {},
    escalations: {},
  };
  const name = stringProp(definitions, 'name');
  if (name) result.name = name;
  for (const root of rootElements) {
    const named = NAMED_ROOTS[root.$type];
    if (named) {
      result[named.key][root.id ?? ''] = readNamedRef(root, named.codeProperty);
    } else if (root.$type === 'bpmn:Process') {
      result.processes.push(readProcess(root, context));
    } else if (root.$type === 'bpmn:Choreography' || root.$type === 'bpmn:GlobalConversation') {
      reportUnsupported(root, context);
    } else if (root.$type === 'bpmn:Collaboration') {
      for (const conversation of elementsProp(root, 'conversations')) {
        if (CONVERSATION_TYPES.has(conversation.$type)) reportUnsupported(conversation, context);
      }
    }
  }
  if (procedureElement) result.procedure = readProcedureMetadata(procedureElement, context);
  if (context.unsupported.length > 0) result.unsupportedElements = context.unsupported;
  return result;
}

function readNamedRef(element: ModdleElement, codeProperty: string | undefined): NamedRef {
  const ref: NamedRef = { id: element.id ?? '' };
  const name = stringProp(element, 'name');
  if (name) ref.name = name;
  const code = codeProperty ? stringProp(element, codeProperty) : undefined;
  if (code) ref.code = code;
  return ref;
}

/** Outside any process: reported, but only as a warning (see validateUnsupportedElements). */
function reportUnsupported(element: ModdleElement, context: ReadContext): void {
  const name = stringProp(element, 'name');
  // An element without a usable id (a reserved or missing one) still needs a name the issue can point at.
  context.unsupported.push({ id: ensureId(element, context), type: element.$type, ...(name ? { name } : {}), inExecutableProcess: false });
}
