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
import type { ProcedureDefinition, ProcessDefinition, ValidationIssue } from './procedure-definition';
import { budgetDays, LongestPath, resolveCalled, type DeployedProcedures, type Longest } from './longest-path';

export interface ValidateBudgetsOptions {
  /** Procedures deployed on the server by key, for call activities that call another file (the server passes them). */
  deployed?: DeployedProcedures;
}

/**
 * One budget overrun as data, so that each reader words it in its own language: `validateBudgets` in English for the
 * server, the modeler's lint rule in the interface's language. `statutory` is the plain deadline, `extended` the
 * longer one a step opens on its branch, `share` an agency's share of it, `unchecked` a share whose callee is unknown.
 */
export interface BudgetFinding {
  elementId: string;
  code: 'BUDGET_EXCEEDS_STATUTORY' | 'BUDGET_EXCEEDS_AGENCY_SHARE';
  kind: 'statutory' | 'extended' | 'share' | 'unchecked';
  severity: ValidationIssue['severity'];
  /** The process (statutory, extended) or the call activity (share, unchecked) the finding names. */
  name?: string;
  /** The longest path that overruns; absent when the share cannot be checked. */
  path?: Longest;
  limitDays: number;
  agency?: string;
  calledElement?: string;
}

export function validateBudgets(definition: ProcedureDefinition, options: ValidateBudgetsOptions = {}): ValidationIssue[] {
  return budgetFindings(definition, options).map(toIssue);
}

export function budgetFindings(definition: ProcedureDefinition, options: ValidateBudgetsOptions = {}): BudgetFinding[] {
  const statutory = definition.procedure?.statutoryBudget;
  const executable = definition.processes.filter((process) => process.isExecutable);
  const processes = executable.length > 0 ? executable : definition.processes;
  const findings: BudgetFinding[] = [];
  if (statutory?.unit === 'workingDays') {
    // A process called from this file is counted through its caller, against its agency's share; the main process
    // (the first executable one, where a dossier starts) always counts, even when a call cycle leads back to it.
    const called = new Set(processes.flatMap((process) => Object.values(process.nodes)).map((node) => node.calledElement));
    for (const process of processes.filter((candidate, index) => index === 0 || !called.has(candidate.id))) {
      findings.push(...deadlineFindings(definition, process, statutory.value, options.deployed));
    }
  }
  for (const process of processes) findings.push(...shareFindings(definition, process, options.deployed));
  return findings;
}

function deadlineFindings(definition: ProcedureDefinition, process: ProcessDefinition, statutoryDays: number, deployed: DeployedProcedures | undefined): BudgetFinding[] {
  const about = { elementId: process.id, code: 'BUDGET_EXCEEDS_STATUTORY', severity: 'error', name: process.name } as const;
  const plain = new LongestPath(definition, process, { deployed, avoidExtended: true }).ofProcess();
  const findings: BudgetFinding[] = [];
  if (plain.days > statutoryDays + 1e-9) findings.push({ ...about, kind: 'statutory', path: plain, limitDays: statutoryDays });
  const extended = new LongestPath(definition, process, { deployed }).ofProcess();
  if (extended.ceiling > 0 && extended.days > extended.ceiling + 1e-9) findings.push({ ...about, kind: 'extended', path: extended, limitDays: extended.ceiling });
  return findings;
}

/** Each call activity with an `lt:agencyShare`: its called procedure's longest path must fit in the share. */
function shareFindings(definition: ProcedureDefinition, process: ProcessDefinition, deployed: DeployedProcedures | undefined): BudgetFinding[] {
  const findings: BudgetFinding[] = [];
  const walker = new LongestPath(definition, process, { deployed, avoidExtended: true });
  for (const node of Object.values(process.nodes).filter((candidate) => candidate.kind === 'callActivity' && candidate.agencyShare)) {
    const share = node.agencyShare!;
    if (share.unit !== 'workingDays' && share.unit !== 'workingHours') continue;
    const about = { elementId: node.id, code: 'BUDGET_EXCEEDS_AGENCY_SHARE', name: node.name, limitDays: budgetDays(share), agency: node.assignment?.agencyId, calledElement: node.calledElement } as const;
    const path = resolveCalled(definition, node.calledElement, deployed) && walker.ofCalled(node);
    if (!path) findings.push({ ...about, kind: 'unchecked', severity: 'warning' });
    else if (path.days > about.limitDays + 1e-9) findings.push({ ...about, kind: 'share', severity: 'error', path });
  }
  return findings;
}

/**
 * The finding's figures, in working days rounded to hundredths, and the path's steps as "label days + …": what a reader
 * needs to word it (the modeler's catalogue) without the diagram.
 */
export function budgetFigures(finding: BudgetFinding): Record<string, string | number> {
  const figures: Record<string, string | number> = { limitDays: round(finding.limitDays), agency: finding.agency ?? '', called: finding.calledElement ?? '' };
  if (!finding.path) return figures;
  const steps = finding.path.steps.map((step) => `${step.label.replace(/\s+/g, ' ').trim()} ${round(step.days)}`).join(' + ');
  return { ...figures, totalDays: round(finding.path.days), excessDays: round(finding.path.days - finding.limitDays), steps };
}

/** The finding in English, for the server's answers and logs, with its figures for other languages. */
function toIssue(finding: BudgetFinding): ValidationIssue {
  const about = { variant: finding.kind, params: budgetFigures(finding) };
  const { elementId, code, severity, limitDays } = finding;
  const agency = finding.agency ?? 'no agency';
  const called = finding.name ? `call activity "${finding.name}" (${elementId})` : `call activity ${elementId}`;
  const process = `the longest path of process ${finding.name ? `"${finding.name}" (${elementId})` : elementId}`;
  if (finding.kind === 'unchecked' || !finding.path) {
    return {
      ...about,
      elementId,
      code,
      severity,
      message: `${called} gives agency ${agency} a share of ${format(limitDays)} working days, but what it calls ("${finding.calledElement ?? ''}") is unknown or calls back into its caller, so the share cannot be checked`,
    };
  }
  const [what, limit] = {
    statutory: [`The step budgets along ${process}`, `the statutory ${format(limitDays)} working days`],
    extended: [`The step budgets along ${process}, extended steps included,`, `the ${format(limitDays)} working days the law allows on that branch`],
    share: [`The step budgets along the longest path of ${called} (agency ${agency})`, `its share of ${format(limitDays)} working days`],
  }[finding.kind];
  const path = finding.path;
  const steps = path.steps.map((step) => `${step.label} ${format(step.days)}`).join(' + ');
  return { ...about, elementId, code, severity, message: `${what} add up to ${format(path.days)} working days (${steps}), ${format(path.days - limitDays)} more than ${limit}` };
}

function round(days: number): number {
  return Math.round(days * 100) / 100;
}

function format(days: number): string {
  return String(round(days));
}
