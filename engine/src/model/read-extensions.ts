/**
 * @module readStepExtensions — our `lt:` extension elements on activities, lanes and processes: who does the step
 * (`lt:assignment`), its budget (`lt:budget`), when it is nearly due (`lt:nearlyDue`) and who is told when it is late
 * (`lt:escalation`). Invalid values become `PROCEDURE_METADATA_INVALID` issues and are left out.
 */
import type { Assignment, Budget, BudgetUnit, EscalationRung, NearlyDueThreshold } from './procedure-definition';
import { elementsProp, extensionValues, stringProp, type ModdleElement } from './moddle-element';
import { describeElement } from './describe-element';
import type { ReadContext } from './read-context';

export interface StepExtensions {
  assignment?: Assignment;
  budget?: Budget;
  extendsStatutoryTo?: number;
  agencyShare?: Budget;
  nearlyDue?: NearlyDueThreshold;
  escalation?: EscalationRung[];
}

export const BUDGET_UNITS: readonly BudgetUnit[] = ['workingDays', 'workingHours', 'calendarDays', 'sameDay'];
const ESCALATION_TARGETS: readonly EscalationRung['target'][] = ['official', 'headOfUnit', 'supervisor'];

export function readStepExtensions(owner: ModdleElement, context: ReadContext): StepExtensions {
  const values = extensionValues(owner);
  const find = (type: string) => values.find((element) => element.$type === type);
  const report = (message: string) =>
    context.issues.push({ elementId: owner.id ?? '', code: 'PROCEDURE_METADATA_INVALID', severity: 'error', message: `${describeElement(owner)} ${message}` });
  const assignmentElement = find('lt:Assignment');
  const budgetElement = find('lt:Budget');
  const nearlyDueElement = find('lt:NearlyDue');
  const escalationElement = find('lt:Escalation');
  const shareElement = find('lt:AgencyShare');
  return {
    assignment: assignmentElement && readAssignment(assignmentElement, report),
    budget: budgetElement && readBudget(budgetElement, 'budget', report),
    extendsStatutoryTo: budgetElement && readExtension(budgetElement, report),
    agencyShare: shareElement && readBudget(shareElement, 'agency share', report),
    nearlyDue: nearlyDueElement && readNearlyDue(nearlyDueElement, report),
    escalation: escalationElement && readEscalation(escalationElement, report),
  };
}

type Report = (message: string) => void;

/** A decimal number written as text; `undefined` when absent, `NaN` when not numeric. */
export function parseDecimal(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  return /^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
}

function readAssignment(element: ModdleElement, report: Report): Assignment | undefined {
  const agencyId = stringProp(element, 'agency');
  if (!agencyId) {
    report('has an lt:assignment without an agency');
    return undefined;
  }
  const departmentId = stringProp(element, 'department');
  return departmentId ? { agencyId, departmentId } : { agencyId };
}

/** `value` + `unit`; a `sameDay` budget needs no value (DOMAIN.md "Time": same working day, 15:00 cut-off). */
export function readBudgetValues(valueText: string | undefined, unitText: string | undefined, what: string, report: Report): Budget | undefined {
  const unit = (unitText ?? 'workingDays') as BudgetUnit;
  if (!BUDGET_UNITS.includes(unit)) {
    report(`has a ${what} with unknown unit "${unitText}"; expected ${BUDGET_UNITS.join(', ')}`);
    return undefined;
  }
  const value = parseDecimal(valueText);
  if (unit === 'sameDay' && value === undefined) return { value: 0, unit };
  if (value === undefined || Number.isNaN(value) || value < 0) {
    report(`has a ${what} whose value "${valueText ?? ''}" is not a non-negative number`);
    return undefined;
  }
  return { value, unit };
}

function readBudget(element: ModdleElement, what: string, report: Report): Budget | undefined {
  return readBudgetValues(stringProp(element, 'value'), stringProp(element, 'unit'), what, report);
}

/** `extendsStatutoryTo`: the longer total the law allows a dossier that takes this step (Decree 63/2024/NĐ-CP). */
function readExtension(element: ModdleElement, report: Report): number | undefined {
  const text = stringProp(element, 'extendsStatutoryTo');
  const value = parseDecimal(text);
  if (value === undefined) return undefined;
  if (Number.isNaN(value) || value <= 0) {
    report(`has an lt:budget extendsStatutoryTo "${text ?? ''}" that is not a positive number`);
    return undefined;
  }
  return value;
}

function readNearlyDue(element: ModdleElement, report: Report): NearlyDueThreshold | undefined {
  const percent = parseDecimal(stringProp(element, 'percent'));
  const hours = parseDecimal(stringProp(element, 'hoursBefore'));
  if (percent !== undefined && hours !== undefined) {
    report('has an lt:nearlyDue with both percent and hoursBefore; give one');
    return undefined;
  }
  if (percent !== undefined) {
    if (Number.isNaN(percent) || percent <= 0 || percent >= 100) {
      report(`has an lt:nearlyDue percent "${stringProp(element, 'percent')}" that is not a number between 0 and 100`);
      return undefined;
    }
    return { kind: 'percentOfBudget', percent };
  }
  if (hours !== undefined) {
    if (Number.isNaN(hours) || hours <= 0) {
      report(`has an lt:nearlyDue hoursBefore "${stringProp(element, 'hoursBefore')}" that is not a positive number`);
      return undefined;
    }
    return { kind: 'workingHoursBefore', hours };
  }
  report('has an lt:nearlyDue without percent or hoursBefore');
  return undefined;
}

/** Rungs in ascending `afterWorkingHours`: the ladder is climbed in time order whatever order the XML lists them in. */
function readEscalation(element: ModdleElement, report: Report): EscalationRung[] | undefined {
  const rungs: EscalationRung[] = [];
  for (const rung of elementsProp(element, 'rungs')) {
    const afterText = stringProp(rung, 'afterWorkingHours');
    const after = parseDecimal(afterText) ?? 0;
    const target = stringProp(rung, 'target') as EscalationRung['target'] | undefined;
    const reassignText = stringProp(rung, 'reassign');
    if (Number.isNaN(after) || after < 0) {
      report(`has an escalation rung whose afterWorkingHours "${afterText}" is not a non-negative number`);
      continue;
    }
    if (!target || !ESCALATION_TARGETS.includes(target)) {
      report(`has an escalation rung with unknown target "${target ?? ''}"; expected ${ESCALATION_TARGETS.join(', ')}`);
      continue;
    }
    if (reassignText !== undefined && reassignText !== 'true' && reassignText !== 'false') {
      report(`has an escalation rung whose reassign "${reassignText}" is not true or false`);
      continue;
    }
    rungs.push(reassignText === 'true' ? { afterWorkingHours: after, target, reassign: true } : { afterWorkingHours: after, target });
  }
  if (rungs.length === 0 && elementsProp(element, 'rungs').length === 0) report('has an lt:escalation without rungs');
  return rungs.length > 0 ? rungs.sort((a, b) => a.afterWorkingHours - b.afterWorkingHours) : undefined;
}
