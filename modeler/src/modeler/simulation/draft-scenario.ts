/**
 * @module draftScenario — what the "Mô phỏng" panel asks about a draft, read with the engine's own parser (the same
 * definition the server simulates): its steps with their unit and budget, the units officials are counted in, and the
 * branches a step's decision chooses (the conditions `decision = "…"` on the flows out of the gateway after it); and
 * the two scenarios as typed, checked and turned into `POST /api/simulation/runs` bodies. Every refusal names the step
 * or the unit in the interface's language.
 */
import { t } from '../../i18n/locale';
import type { components } from '../../api/api-types';
import type { Budget, ProcedureDefinition } from '../../../../engine/src/model/procedure-definition';

export type RunBody = components['schemas']['SimulationRunRequest'];

/** Steps someone works on, as the simulation draws their durations (engine/src/runtime/token-run.ts STEP_KINDS). */
const STEP_KINDS = new Set(['userTask', 'manualTask', 'receiveTask']);
const GATEWAY_KINDS = new Set(['exclusiveGateway', 'inclusiveGateway']);
/** A step's budget in a scenario, at most (the server's bound: server/src/routes/simulation-routes.ts). */
export const MAX_STEP_BUDGET_DAYS = 365;
/** DOMAIN.md "Time": systems count 8 working hours per working day. */
export const HOURS_PER_WORKING_DAY = 8;
const DECISION = /\bdecision\s*=\s*"([^"]+)"/;

export interface DraftBranch {
  decision: string;
  /** The flow's name, when it has one. */
  label?: string;
}

export interface DraftStep {
  id: string;
  name: string;
  /** userTask, manualTask or receiveTask (the citizen's answer: no official works it, no budget of the agency's). */
  kind: string;
  /** `agency` or `agency/department`: the unit whose officials work the step. */
  unitKey?: string;
  agencyId?: string;
  budget?: Budget;
  branches: DraftBranch[];
}

/** One scenario as typed: text fields, so that an empty field means "as measured". */
export interface ScenarioForm {
  officials: Record<string, string>;
  stepDays: Record<string, string>;
  /**
   * A step's budget (its share of the deadline) in working days, replacing the draft's: it moves only the step's due
   * instant, so whether the step is late and which agency a late dossier is attributed to; the step's working time stays
   * the measured or typed one, or the draft's own budget (engine/src/simulation/simulate-procedure.ts).
   */
  stepBudgets: Record<string, string>;
  /** Branch share in % per step and decision. */
  shares: Record<string, Record<string, string>>;
}

export interface CommonForm {
  from: string;
  to: string;
  arrivals: string;
  seed: string;
}

export const emptyScenario = (): ScenarioForm => ({ officials: {}, stepDays: {}, stepBudgets: {}, shares: {} });

/** The draft's steps in the order of its processes, with their branches. */
export function readDraftSteps(definition: ProcedureDefinition): DraftStep[] {
  const steps: DraftStep[] = [];
  for (const process of definition.processes) {
    for (const node of Object.values(process.nodes)) {
      if (!STEP_KINDS.has(node.kind)) continue;
      const branches: DraftBranch[] = [];
      for (const flowId of node.outgoing) {
        const gateway = process.nodes[process.flows[flowId]?.targetRef ?? ''];
        if (!gateway || !GATEWAY_KINDS.has(gateway.kind)) continue;
        for (const outId of gateway.outgoing) {
          const flow = process.flows[outId];
          const decision = flow?.condition?.body.match(DECISION)?.[1];
          if (flow && decision && !branches.some((branch) => branch.decision === decision)) {
            // A flow named with the decision's code itself ("supplement") is worded by the panel, as an unnamed one.
            const label = flow.name?.replace(/\s+/g, ' ').trim();
            branches.push({ decision, ...(label && label !== decision ? { label } : {}) });
          }
        }
      }
      const assignment = node.assignment;
      steps.push({
        id: node.id,
        kind: node.kind,
        name: node.name?.replace(/\s+/g, ' ').trim() || node.id,
        ...(assignment ? { agencyId: assignment.agencyId, unitKey: assignment.departmentId ? `${assignment.agencyId}/${assignment.departmentId}` : assignment.agencyId } : {}),
        ...(node.budget ? { budget: node.budget } : {}),
        branches,
      });
    }
  }
  return steps;
}

/** The units the steps are assigned to, each once, in the steps' order. */
export function unitsOf(steps: readonly DraftStep[]): string[] {
  return [...new Set(steps.flatMap((step) => (step.unitKey ? [step.unitKey] : [])))];
}

const number = (text: string | undefined): number | undefined => {
  const trimmed = (text ?? '').trim().replace(',', '.');
  return trimmed === '' ? undefined : Number(trimmed);
};

const DAY_MS = 86_400_000;

/** The period, arrivals and seed, checked; the refusals in the interface's language. */
export function checkCommon(common: CommonForm): string[] {
  const errors: string[] = [];
  const days = (Date.parse(common.to) - Date.parse(common.from)) / DAY_MS + 1;
  if (!(days >= 1 && days <= 366)) errors.push(t('sim.error.period'));
  const arrivals = number(common.arrivals);
  if (arrivals !== undefined && !(arrivals >= 0 && arrivals <= 20_000)) errors.push(t('sim.error.arrivals'));
  const seed = number(common.seed);
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 31)) errors.push(t('sim.error.seed'));
  return errors;
}

/**
 * The request body of one scenario, or the refusals naming each step or unit typed wrong.
 * @example toRunBody({ from: '2025-04-01', to: '2025-04-30', arrivals: '4', seed: '1' }, form, 'A', steps, 'cap-phep', xml)
 */
export function toRunBody(
  common: CommonForm, form: ScenarioForm, scenario: string, steps: readonly DraftStep[], procedureKey: string, xml: string,
  /** The unit's name in the directory, for the refusals. */
  unitName: (unitKey: string) => string = (unitKey) => unitKey,
): RunBody | { errors: string[] } {
  const errors: string[] = [];
  const stepHours: Record<string, number> = {};
  const stepBudgets: Record<string, number> = {};
  const outcomeShares: Record<string, Record<string, number>> = {};
  for (const step of steps) {
    const days = number(form.stepDays[step.id]);
    if (days !== undefined) {
      if (days >= 0 && days <= 250) stepHours[step.id] = days * HOURS_PER_WORKING_DAY;
      else errors.push(t('sim.error.stepDays', { scenario, name: step.name }));
    }
    // The citizen's answer (a receive task) counts against no agency's deadline: it has no budget to change.
    const budget = step.kind === 'receiveTask' ? undefined : number(form.stepBudgets[step.id]);
    if (budget !== undefined) {
      if (budget > 0 && budget <= MAX_STEP_BUDGET_DAYS) stepBudgets[step.id] = budget;
      else errors.push(t('sim.error.stepBudget', { scenario, name: step.name }));
    }
    const shares: Record<string, number> = {};
    for (const branch of step.branches) {
      const percent = number(form.shares[step.id]?.[branch.decision]);
      if (percent === undefined) continue;
      if (percent >= 0 && percent <= 100) shares[branch.decision] = percent / 100;
      else errors.push(t('sim.error.share', { scenario, name: step.name }));
    }
    if (Object.values(shares).reduce((sum, share) => sum + share, 0) > 1 + 1e-9) errors.push(t('sim.error.sharesOverOne', { scenario, name: step.name }));
    else if (Object.keys(shares).length > 0) outcomeShares[step.id] = shares;
  }
  const staffing: Record<string, number> = {};
  for (const unit of unitsOf(steps)) {
    const officials = number(form.officials[unit]);
    if (officials === undefined) continue;
    if (Number.isInteger(officials) && officials >= 1 && officials <= 1000) staffing[unit] = officials;
    else errors.push(t('sim.error.officials', { scenario, unit: unitName(unit) }));
  }
  if (errors.length > 0) return { errors };
  const arrivals = number(common.arrivals);
  return {
    procedureKey,
    xml,
    from: common.from,
    to: common.to,
    ...(arrivals !== undefined ? { arrivalsPerWorkingDay: arrivals } : {}),
    seed: number(common.seed) ?? 1,
    ...(Object.keys(stepHours).length > 0 ? { stepHours } : {}),
    ...(Object.keys(stepBudgets).length > 0 ? { stepBudgets } : {}),
    ...(Object.keys(outcomeShares).length > 0 ? { outcomeShares } : {}),
    ...(Object.keys(staffing).length > 0 ? { staffing } : {}),
  };
}
