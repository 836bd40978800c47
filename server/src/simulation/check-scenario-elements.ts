/**
 * @module checkScenarioElements — a what-if on a draft names the draft's own elements: a typed duration, a budget or a
 * branch share for a step the draft does not have, shares of one step's branches adding up to more than 1, or officials for a
 * unit no step of the draft is assigned to would silently change nothing, so the analyst is told which element is
 * wrong instead (all issues at once, STYLE.md §4). Messages are English for the log; the modeler words each `code`
 * in Vietnamese with the element's name (modeler/src/modeler/simulation/).
 */
import type { ProcedureDefinition } from '../../../engine/src/index';

/** Activities that are steps someone works on (the simulation draws their durations): engine/src/runtime/token-run.ts. */
const STEP_KINDS = new Set(['userTask', 'manualTask', 'receiveTask']);

export interface ScenarioElementIssue {
  elementId: string;
  code: 'SCENARIO_STEP_UNKNOWN' | 'SCENARIO_SHARES_OVER_ONE' | 'SCENARIO_UNIT_UNKNOWN';
  message: string;
  severity: 'error';
  params?: Record<string, string | number>;
}

export interface ScenarioElementChanges {
  stepHours?: Record<string, number>;
  stepBudgets?: Record<string, number>;
  outcomeShares?: Record<string, Record<string, number>>;
  staffing?: Record<string, number>;
}

/** The steps of `definition` and the unit keys (`agency`, `agency/department`) its steps are assigned to. */
export function scenarioElementsOf(definition: ProcedureDefinition): { stepIds: Set<string>; unitKeys: Set<string> } {
  const stepIds = new Set<string>();
  const unitKeys = new Set<string>();
  for (const process of definition.processes) {
    for (const node of Object.values(process.nodes)) {
      if (!STEP_KINDS.has(node.kind)) continue;
      stepIds.add(node.id);
      if (!node.assignment) continue;
      unitKeys.add(node.assignment.agencyId);
      if (node.assignment.departmentId) unitKeys.add(`${node.assignment.agencyId}/${node.assignment.departmentId}`);
    }
  }
  return { stepIds, unitKeys };
}

/** Every element of `changes` the draft does not have, and every step whose branch shares exceed 1. */
export function checkScenarioElements(definition: ProcedureDefinition, changes: ScenarioElementChanges): ScenarioElementIssue[] {
  const { stepIds, unitKeys } = scenarioElementsOf(definition);
  const issues: ScenarioElementIssue[] = [];
  const stepNamed = new Set([...Object.keys(changes.stepHours ?? {}), ...Object.keys(changes.stepBudgets ?? {}), ...Object.keys(changes.outcomeShares ?? {})]);
  for (const elementId of stepNamed) {
    if (!stepIds.has(elementId)) issues.push({ elementId, code: 'SCENARIO_STEP_UNKNOWN', severity: 'error', message: `the draft has no step ${elementId}` });
  }
  for (const [elementId, shares] of Object.entries(changes.outcomeShares ?? {})) {
    const total = Object.values(shares).reduce((sum, share) => sum + share, 0);
    if (total > 1 + 1e-9) {
      issues.push({ elementId, code: 'SCENARIO_SHARES_OVER_ONE', severity: 'error', message: `the branch shares of ${elementId} add up to ${total}, more than 1`, params: { total: Math.round(total * 1000) / 1000 } });
    }
  }
  for (const unit of Object.keys(changes.staffing ?? {})) {
    if (!unitKeys.has(unit)) issues.push({ elementId: '', code: 'SCENARIO_UNIT_UNKNOWN', severity: 'error', message: `no step of the draft is assigned to ${unit}`, params: { unit } });
  }
  return issues;
}
