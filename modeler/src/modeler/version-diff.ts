/**
 * @module versionDiff — what changed between two deployed versions of a procedure, in the interface's language: steps
 * added, removed or renamed, their budgets and agencies, and the flows between them. Both versions are parsed by the
 * engine's own reader, so a step's agency is the one the engine routes by (the step's own `lt:assignment`, else its
 * lane's, else the process's).
 */
import { t } from '../i18n/locale';
import type { Agency } from '../api/api-client';
import { parseProcedure } from '../../../engine/src/model/parse-procedure';
import type { Assignment, Budget, FlowNode, ProcedureDefinition, ProcessDefinition } from '../../../engine/src/model/procedure-definition';

export interface VersionChange {
  kind: 'added' | 'removed' | 'changed';
  text: string;
}

const STEP_KINDS = new Set(['task', 'userTask', 'manualTask', 'serviceTask', 'sendTask', 'receiveTask', 'scriptTask', 'businessRuleTask', 'callActivity', 'subProcess']);
const UNITS: Record<Budget['unit'], 'unit.workingDays' | 'unit.workingHours' | 'unit.calendarDays' | 'unit.sameDay'> = {
  workingDays: 'unit.workingDays',
  workingHours: 'unit.workingHours',
  calendarDays: 'unit.calendarDays',
  sameDay: 'unit.sameDay',
};

interface Step {
  name: string;
  budget: string;
  agency: string;
}

/** Every step of every process by id, and every flow by its source's and target's ids, worded with their names. */
function readVersion(definition: ProcedureDefinition, agencies: readonly Agency[]) {
  const steps = new Map<string, Step>();
  const flows = new Map<string, string>();
  const unitName = (assignment: Assignment | undefined) => {
    if (!assignment) return t('diff.none');
    const agency = agencies.find((candidate) => candidate.id === assignment.agencyId);
    const department = assignment.departmentId && (agency?.departments.find((candidate) => candidate.id === assignment.departmentId)?.name ?? assignment.departmentId);
    return [department, agency?.name ?? assignment.agencyId].filter(Boolean).join(', ');
  };
  const assignmentOf = (process: ProcessDefinition, node: FlowNode) => node.assignment ?? (node.laneId ? process.lanes[node.laneId]?.assignment : undefined) ?? process.assignment;
  for (const process of definition.processes) {
    const label = (id: string) => process.nodes[id]?.name?.replace(/\s+/g, ' ').trim() || id;
    for (const node of Object.values(process.nodes)) {
      if (!STEP_KINDS.has(node.kind)) continue;
      const budget = node.budget ? `${node.budget.value} ${t(UNITS[node.budget.unit])}` : t('diff.none');
      steps.set(node.id, { name: label(node.id), budget, agency: unitName(assignmentOf(process, node)) });
    }
    for (const flow of Object.values(process.flows)) flows.set(`${flow.sourceRef}\u0000${flow.targetRef}`, t('diff.flow', { source: label(flow.sourceRef), target: label(flow.targetRef) }));
  }
  return { steps, flows };
}

/** The changes from `older` to `newer`, steps first (in the newer version's order), then flows. */
export function diffDefinitions(older: ProcedureDefinition, newer: ProcedureDefinition, agencies: readonly Agency[] = []): VersionChange[] {
  const before = readVersion(older, agencies);
  const after = readVersion(newer, agencies);
  const changes: VersionChange[] = [];
  for (const [id, step] of after.steps) {
    const old = before.steps.get(id);
    if (!old) {
      changes.push({ kind: 'added', text: t('diff.stepAdded', { ...step }) });
      continue;
    }
    if (old.name !== step.name) changes.push({ kind: 'changed', text: t('diff.stepRenamed', { old: old.name, name: step.name }) });
    if (old.budget !== step.budget) changes.push({ kind: 'changed', text: t('diff.budgetChanged', { name: step.name, old: old.budget, budget: step.budget }) });
    if (old.agency !== step.agency) changes.push({ kind: 'changed', text: t('diff.agencyChanged', { name: step.name, old: old.agency, agency: step.agency }) });
  }
  for (const [id, step] of before.steps) if (!after.steps.has(id)) changes.push({ kind: 'removed', text: t('diff.stepRemoved', { name: step.name }) });
  // A flow is the same flow while it joins the same two elements, whatever they are named now.
  for (const [key, flow] of after.flows) if (!before.flows.has(key)) changes.push({ kind: 'added', text: t('diff.flowAdded', { flow }) });
  for (const [key, flow] of before.flows) if (!after.flows.has(key)) changes.push({ kind: 'removed', text: t('diff.flowRemoved', { flow }) });
  return changes;
}

/** The changes between two versions' XML; an unreadable version gives no definition to compare and throws. */
export async function diffVersions(olderXml: string, newerXml: string, agencies: readonly Agency[] = []): Promise<VersionChange[]> {
  const [older, newer] = await Promise.all([parseProcedure(olderXml), parseProcedure(newerXml)]);
  if (!older.definition || !newer.definition) throw new Error(t('diff.unreadable'));
  return diffDefinitions(older.definition, newer.definition, agencies);
}
