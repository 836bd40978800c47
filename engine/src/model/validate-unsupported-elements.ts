/** @module validateUnsupportedElements — elements the engine does not execute (complex gateways, choreographies, …). */
import type { ProcedureDefinition, ValidationIssue } from './procedure-definition';
import { describe } from './describe-element';

/** An error inside an executable process (it would be run); a warning elsewhere (it is only drawn). */
export function validateUnsupportedElements(definition: ProcedureDefinition): ValidationIssue[] {
  return (definition.unsupportedElements ?? []).map((element) => {
    const where = element.processId
      ? `in ${element.inExecutableProcess ? 'executable' : 'non-executable'} process ${element.processId}`
      : 'outside any process';
    const detail = element.type === 'bpmn:EventBasedGateway' ? ' with instantiate="true"' : '';
    return {
      elementId: element.id,
      code: 'UNSUPPORTED_ELEMENT',
      severity: element.inExecutableProcess ? 'error' : 'warning',
      message: `${describe(element.type, element.id, element.name)}${detail} ${where} is not supported by the engine (${element.type})`,
    };
  });
}
