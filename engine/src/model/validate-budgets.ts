/**
 * @module validateBudgets — the step budgets along the longest path from a start event to an end must fit in the
 * statutory deadline: provinces split each statutory deadline across steps (internal process decisions, DOMAIN.md),
 * and a split that adds up to more breaks the law. Checked when the statutory deadline is in working days; step
 * budgets in working hours count 8 per day (DOMAIN.md "Time"), same-day steps count 0, calendar days are not
 * comparable and are left out. Loops are cut where they turn back; parallel branches count their longest one.
 *
 * Call activities count as their called procedure's own longest path (LongestPath follows them, with a guard against
 * call cycles; an unknown callee counts 0 and is reported by the call-activity rule). Decree 63/2024/NĐ-CP gives each
 * agency of an inter-agency group its share of the group's deadline (group 1: birth the same day, residence 2 working
 * days, the health-insurance card 2, the whole group 3); a call activity's `lt:agencyShare` states it and is checked
 * against the called procedure's path. A step with `lt:budget extendsStatutoryTo` opens the longer deadline the law
 * allows on its branch (group 1: 5 working days when the residence must be verified).
 */
import type { FlowNode, ProcedureDefinition, ProcessDefinition, ValidationIssue } from './procedure-definition';
import { budgetDays, LongestPath, resolveCalled, type DeployedProcedures, type Longest } from './longest-path';

export interface ValidateBudgetsOptions {
  /** Procedures deployed on the server by key, for call activities that call another file (the server passes them). */
  deployed?: DeployedProcedures;
}

export function validateBudgets(definition: ProcedureDefinition, options: ValidateBudgetsOptions = {}): ValidationIssue[] {
  const statutory = definition.procedure?.statutoryBudget;
  const executable = definition.processes.filter((process) => process.isExecutable);
  const processes = executable.length > 0 ? executable : definition.processes;
  const issues: ValidationIssue[] = [];
  if (statutory?.unit === 'workingDays') {
    // A process called from this file is counted through its caller, against its agency's share; the main process
    // (the first executable one, where a dossier starts) always counts, even when a call cycle leads back to it.
    const called = new Set(processes.flatMap((process) => Object.values(process.nodes)).map((node) => node.calledElement));
    for (const process of processes.filter((candidate, index) => index === 0 || !called.has(candidate.id))) {
      issues.push(...deadlineIssues(definition, process, statutory.value, options.deployed));
    }
  }
  for (const process of processes) issues.push(...shareIssues(definition, process, options.deployed));
  return issues;
}

function deadlineIssues(definition: ProcedureDefinition, process: ProcessDefinition, statutoryDays: number, deployed: DeployedProcedures | undefined): ValidationIssue[] {
  const what = `the longest path of process ${process.name ? `"${process.name}" (${process.id})` : process.id}`;
  const plain = new LongestPath(definition, process, { deployed, avoidExtended: true }).ofProcess();
  const issues: ValidationIssue[] = [];
  if (plain.days > statutoryDays + 1e-9) {
    issues.push(exceeds(process.id, 'BUDGET_EXCEEDS_STATUTORY', `The step budgets along ${what}`, plain, `the statutory ${format(statutoryDays)} working days`, statutoryDays));
  }
  const extended = new LongestPath(definition, process, { deployed }).ofProcess();
  if (extended.ceiling > 0 && extended.days > extended.ceiling + 1e-9) {
    const allowance = `the ${format(extended.ceiling)} working days the law allows on that branch`;
    issues.push(exceeds(process.id, 'BUDGET_EXCEEDS_STATUTORY', `The step budgets along ${what}, extended steps included,`, extended, allowance, extended.ceiling));
  }
  return issues;
}

/** Each call activity with an `lt:agencyShare`: its called procedure's longest path must fit in the share. */
function shareIssues(definition: ProcedureDefinition, process: ProcessDefinition, deployed: DeployedProcedures | undefined): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const walker = new LongestPath(definition, process, { deployed, avoidExtended: true });
  for (const node of Object.values(process.nodes).filter((candidate) => candidate.kind === 'callActivity' && candidate.agencyShare)) {
    const share = node.agencyShare!;
    const shareDays = budgetDays(share);
    const agency = node.assignment?.agencyId ?? 'no agency';
    if (share.unit !== 'workingDays' && share.unit !== 'workingHours') continue;
    const path = resolveCalled(definition, node.calledElement, deployed) && walker.ofCalled(node);
    if (!path) {
      issues.push({
        elementId: node.id,
        code: 'BUDGET_EXCEEDS_AGENCY_SHARE',
        severity: 'warning',
        message: `${label(node)} gives agency ${agency} a share of ${format(shareDays)} working days, but what it calls ("${node.calledElement ?? ''}") is unknown or calls back into its caller, so the share cannot be checked`,
      });
      continue;
    }
    if (path.days <= shareDays + 1e-9) continue;
    issues.push(exceeds(node.id, 'BUDGET_EXCEEDS_AGENCY_SHARE', `The step budgets along the longest path of ${label(node)} (agency ${agency})`, path, `its share of ${format(shareDays)} working days`, shareDays));
  }
  return issues;
}

function exceeds(elementId: string, code: ValidationIssue['code'], what: string, path: Longest, limit: string, limitDays: number): ValidationIssue {
  const steps = path.steps.map((step) => `${step.label} ${format(step.days)}`).join(' + ');
  return {
    elementId,
    code,
    severity: 'error',
    message: `${what} add up to ${format(path.days)} working days (${steps}), ${format(path.days - limitDays)} more than ${limit}`,
  };
}

function label(node: FlowNode): string {
  return node.name ? `call activity "${node.name}" (${node.id})` : `call activity ${node.id}`;
}

function format(days: number): string {
  return String(Math.round(days * 100) / 100);
}
