/**
 * @module budgetWithinDeadline — the step budgets along the longest path from a start event must fit in the statutory
 * deadline, and a called agency's procedure in that agency's share of it (Decree 63/2024/NĐ-CP). The rule is the
 * engine's own (`budgetFindings`, which the server runs at validate and deploy) over the diagram as drawn, so the
 * browser and the server agree: call activities count as the process of this file they call. A call to a procedure
 * deployed on its own counts 0 here; the server looks it up and counts it.
 */
import type { LintRule } from '../lint-node';
import { reportIssue } from '../report-issue';
import type { ModdleElement } from '../../../../../engine/src/model/moddle-element';
import { createReadContext } from '../../../../../engine/src/model/read-context';
import { readDefinitions } from '../../../../../engine/src/model/read-definitions';
import { budgetFigures, budgetFindings } from '../../../../../engine/src/model/validate-budgets';
import { budgetParams } from '../../checks/budget-params';


export default function budgetWithinDeadline(): LintRule {
  return {
    check(node, reporter) {
      if (!node.$instanceOf('bpmn:Definitions')) return;
      // bpmn-js's moddle tree is the one the engine's parser reads: same meta-model, same `lt:` descriptor.
      const definition = readDefinitions(node as unknown as ModdleElement, createReadContext());
      for (const finding of budgetFindings(definition)) {
        reportIssue(reporter, finding.elementId, { code: finding.code, variant: finding.kind, params: budgetParams(budgetFigures(finding)), severity: finding.severity });
      }
    },
  };
}
