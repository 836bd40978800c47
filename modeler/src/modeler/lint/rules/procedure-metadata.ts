/** @module procedureMetadata — an executable procedure declares its national code and statutory deadline. */
import { attributeOf, children, extensionOf, type LintNode, type LintRule } from '../lint-node';
import { reportIssue } from '../report-issue';

/** Our procedure metadata: on the definitions, else on the first process that carries it (as the engine reads it). */
export function findProcedure(definitions: LintNode): LintNode | undefined {
  const processes = children(definitions, 'rootElements').filter((element) => element.$instanceOf('bpmn:Process'));
  for (const owner of [definitions, ...processes]) {
    const found = extensionOf(owner, 'lt:Procedure');
    if (found) return found;
  }
  return undefined;
}

export default function procedureMetadata(): LintRule {
  return {
    check(node, reporter) {
      if (!node.$instanceOf('bpmn:Definitions')) return;
      const process = children(node, 'rootElements').find((element) => element.$instanceOf('bpmn:Process'));
      const procedure = findProcedure(node);
      // Where the engine reports it: the element that carries lt:procedure, else the first process.
      const at = procedure?.$parent?.$parent?.id ?? process?.id ?? node.id ?? '';
      if (attributeOf(procedure, 'procedureCode') === '') reportIssue(reporter, at, { code: 'PROCEDURE_METADATA_INVALID', variant: 'noProcedureCode' });
      const unit = attributeOf(procedure, 'statutoryUnit');
      if (attributeOf(procedure, 'statutoryValue') === '' && unit !== 'sameDay') reportIssue(reporter, at, { code: 'PROCEDURE_METADATA_INVALID', variant: 'noStatutoryDeadline' });
    },
  };
}
