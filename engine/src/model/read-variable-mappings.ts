/**
 * @module readVariableMappings — variables passed into and out of call activities and sub-processes (BPMN 2.0
 * §10.2.5 leaves the mapping to the implementation): our `lt:in`/`lt:out` (FEEL `source`) and Camunda 7's
 * `camunda:in`/`camunda:out` (`source` a variable name, `sourceExpression` JUEL, `variables="all"`).
 */
import type { VariableMapping } from './procedure-definition';
import { CAMUNDA_PREFIXES, extensionValues, hasPrefix, localTypeName, stringProp, type ModdleElement } from './moddle-element';
import type { ReadContext } from './read-context';
import { readExpression } from './read-expression';

export interface VariableMappings {
  inputMappings?: VariableMapping[];
  outputMappings?: VariableMapping[];
  inputAllVariables?: boolean;
  outputAllVariables?: boolean;
}

export function readVariableMappings(activity: ModdleElement, context: ReadContext): VariableMappings {
  const inputs: VariableMapping[] = [];
  const outputs: VariableMapping[] = [];
  let inputAllVariables = false;
  let outputAllVariables = false;
  for (const element of extensionValues(activity)) {
    const ours = element.$type === 'lt:In' || element.$type === 'lt:Out';
    const camunda = hasPrefix(element.$type, CAMUNDA_PREFIXES);
    const direction = localTypeName(element.$type);
    if (!(ours || camunda) || (direction !== 'in' && direction !== 'out')) continue;
    if (stringProp(element, 'variables') === 'all') {
      if (direction === 'in') inputAllVariables = true;
      else outputAllVariables = true;
      continue;
    }
    const sourceText = stringProp(element, 'source') ?? stringProp(element, 'sourceExpression');
    const target = stringProp(element, 'target');
    const source = readExpression(sourceText, context, 'feel');
    if (!source || !target) continue;
    (direction === 'in' ? inputs : outputs).push({ source, target });
  }
  return {
    inputMappings: inputs.length > 0 ? inputs : undefined,
    outputMappings: outputs.length > 0 ? outputs : undefined,
    inputAllVariables: inputAllVariables || undefined,
    outputAllVariables: outputAllVariables || undefined,
  };
}
