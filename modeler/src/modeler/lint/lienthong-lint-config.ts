/**
 * @module lienthongLintConfig — our bpmnlint rules bundled without the bpmnlint CLI's pack step: a resolver object
 * that hands the linter the rule factories directly, in the `{ config, resolver }` shape bpmn-js-bpmnlint expects.
 */
import budgetWithinDeadline from './rules/budget-within-deadline';
import callActivityDeployed from './rules/call-activity-deployed';
import conditionParses from './rules/condition-parses';
import exclusiveGatewayConditions from './rules/exclusive-gateway-conditions';
import noUnreachable from './rules/no-unreachable';
import procedureMetadata from './rules/procedure-metadata';
import userTaskAgency from './rules/user-task-agency';
import userTaskBudget from './rules/user-task-budget';

const PLUGIN = 'bpmnlint-plugin-lienthong';

const rules: Record<string, () => unknown> = {
  'user-task-agency': userTaskAgency,
  'user-task-budget': userTaskBudget,
  'budget-within-deadline': budgetWithinDeadline,
  'no-unreachable': noUnreachable,
  'exclusive-gateway-conditions': exclusiveGatewayConditions,
  'condition-parses': conditionParses,
  'call-activity-deployed': callActivityDeployed,
  'procedure-metadata': procedureMetadata,
};

export const lienthongLintConfig = {
  config: { rules: Object.fromEntries(Object.keys(rules).map((name) => [`lienthong/${name}`, 'error'])) },
  resolver: {
    resolveRule: (pkg: string, ruleName: string) => (pkg === PLUGIN ? rules[ruleName] : undefined),
    resolveConfig: () => undefined,
  },
};
