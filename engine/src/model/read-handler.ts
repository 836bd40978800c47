/**
 * @module readHandler — the host handler a service, script, send or business-rule task calls: `lt:handler`, else
 * the Camunda 7 implementation attributes, else `implementation` (BPMN 2.0 §10.3.3), so that corpus models can be
 * driven by handler names.
 */
import { CAMUNDA_PREFIXES, extensionValues, foreignAttr, stringProp, type ModdleElement } from './moddle-element';

/** `##WebService` and `##unspecified` are the spec's defaults (§10.3.3), not handler names. */
const DEFAULT_IMPLEMENTATIONS = new Set(['##WebService', '##unspecified', '##webservice']);

export function readHandler(task: ModdleElement): string | undefined {
  const ours = extensionValues(task).find((element) => element.$type === 'lt:Handler');
  const oursName = ours && stringProp(ours, 'name');
  if (oursName) return oursName;
  for (const attribute of ['expression', 'delegateExpression', 'class', 'topic', 'decisionRef']) {
    const value = foreignAttr(task, attribute, CAMUNDA_PREFIXES);
    if (value) return value;
  }
  const implementation = stringProp(task, 'implementation');
  return implementation && !DEFAULT_IMPLEMENTATIONS.has(implementation) ? implementation : undefined;
}
