/** @module procedureMetadata — an executable procedure declares its national code and statutory deadline. */
import { t } from '../../../i18n/locale';
import { attributeOf, children, extensionOf, type LintNode, type LintRule } from '../lint-node';

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
      const at = process?.id ?? node.id ?? '';
      if (attributeOf(procedure, 'procedureCode') === '') reporter.report(at, t('lint.procedureCode'));
      const unit = attributeOf(procedure, 'statutoryUnit');
      if (attributeOf(procedure, 'statutoryValue') === '' && unit !== 'sameDay') reporter.report(at, t('lint.statutoryDeadline'));
    },
  };
}
