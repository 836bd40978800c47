/**
 * @module simulateProcedure — discrete-event Monte Carlo of a procedure: dossiers arrive (./arrival-model.ts), the real
 * token stepper routes each one (./create-cached-stepper.ts: the gateways, parallel branches and call activities of
 * the definition itself), every open user task waits first come first served for an official of its unit
 * (./unit-pool.ts), is worked on for a drawn working duration on that unit's calendar, and ends with a drawn outcome;
 * in a unit whose staffing is not stated the wait for an official is drawn from the measured one (`waits`) instead;
 * a request to supplement pauses the dossier's clock until the citizen answers, or closes the bounded window
 * (Decree 63/2024; DOMAIN.md "Supplement"). Each dossier is then judged against its statutory deadline on the real
 * working calendar and, when late, attributed by the statistics' own rule (../lifecycle/delay-attribution.ts).
 */
import type { Budget, FlowNode } from '../model/procedure-definition';
import type { EngineEffect, EngineEvent } from '../runtime/index';
import { resolveDueDate } from '../time/due-date';
import { addWorkingTime, workingTimeBetween } from '../time/working-time-between';
import { arrivalInstants } from './arrival-model';
import { createCachedStepper, type CachedStepper, type SteppedDossier } from './create-cached-stepper';
import { sampleDuration, type DurationDistribution } from './duration-distribution';
import { EventQueue } from './event-queue';
import { createRandomSource, type RandomSource } from './random-source';
import { applyOverrides, type SimulationControl, type SimulationScenario } from './simulation-scenario';
import { createSimulationTally, type SimulatedDossier, type SimulatedStep, type SimulationResult } from './simulation-tally';
import { UnitPool } from './unit-pool';

const HOUR_MS = 3_600_000;
/** A dossier that needs more events than this loops forever in the model (e.g. a decision drawn to return always). */
const MAX_EVENTS_PER_DOSSIER = 500;
const DEFAULT_REPLY: DurationDistribution = { kind: 'fixed', ms: 2 * 8 * HOUR_MS };

type SimEvent =
  | { kind: 'arrive'; dossier: SimulatedDossier }
  | { kind: 'worked'; step: SimulatedStep }
  | { kind: 'claimed'; step: SimulatedStep }
  | { kind: 'answered'; step: SimulatedStep; message: string }
  | { kind: 'timer'; dossier: SimulatedDossier; timerId: string };

/**
 * Simulates `scenario` and returns its figures; the same seed gives the same figures.
 * @example
 * const result = await simulateProcedure({ definition, calendar, period: { fromAt, toAt }, arrivals: { perWorkingDay: 100 },
 *   staffing: { 'cong-an-xa-demo': 2 }, durations: { 'task-review-residence': { kind: 'exponential', meanMs: 3 * 3_600_000 } }, seed: 7 });
 * result.onTime.share; result.lateness.mostResponsibleAgencyId;
 */
export async function simulateProcedure(input: SimulationScenario, control: SimulationControl = {}): Promise<SimulationResult> {
  const scenario = applyOverrides(input);
  const { definition, calendar } = scenario;
  const random: RandomSource = createRandomSource(scenario.seed ?? 1);
  let now = scenario.period.fromAt;
  const shared = createCachedStepper(definition, { now: () => now, reuse: scenario.reuseTransitions });
  const transitions = { computed: 0, reused: 0 };
  const stepperOf = (dossier: SimulatedDossier): CachedStepper => {
    if (!control.enginePerDossier) return shared;
    return (dossier.stepper ??= createCachedStepper(definition, { now: () => now, reuse: false }));
  };
  const nodes = new Map<string, FlowNode>(definition.processes.flatMap((process) => Object.values(process.nodes).map((node) => [node.id, node] as const)));
  const messageNames = new Map(Object.values(definition.messages).map((message) => [message.id, message.name ?? message.id]));
  const policy = definition.procedure?.supplementPolicy ?? { kind: 'pause' as const };
  const pools = new Map<string, UnitPool<SimulatedStep>>();
  const queue = new EventQueue<SimEvent>();
  const tally = createSimulationTally(scenario);

  const poolOf = (agencyId: string, departmentId: string | undefined): UnitPool<SimulatedStep> => {
    const full = departmentId ? `${agencyId}/${departmentId}` : agencyId;
    const staffed = scenario.staffing?.[full] !== undefined ? full : scenario.staffing?.[agencyId] !== undefined ? agencyId : full;
    let pool = pools.get(staffed);
    if (!pool) {
      const staffing = scenario.staffing?.[staffed];
      const officials = staffing === undefined ? Number.POSITIVE_INFINITY : typeof staffing === 'number' ? staffing : staffing.officials;
      const unitCalendar = typeof staffing === 'object' && staffing.calendar ? staffing.calendar : calendar;
      pool = new UnitPool<SimulatedStep>(staffed, officials, unitCalendar);
      pools.set(staffed, pool);
    }
    return pool;
  };

  const durationOf = (step: SimulatedStep, budget: Budget | undefined): number => {
    const distribution = scenario.durations?.[step.elementId];
    if (distribution) return sampleDuration(distribution, random);
    // No measurement and nothing typed: the step takes its budget, as a planner who sums budgets assumes. That is the
    // definition's budget, never a scenario's override (step.definedBudget): an override moves the deadline, not the work.
    if (!budget) return HOUR_MS;
    if (budget.unit === 'workingDays') return budget.value * step.pool.calendar.workingDayMs;
    if (budget.unit === 'workingHours') return budget.value * HOUR_MS;
    return HOUR_MS;
  };

  const outcomeOf = (elementId: string): Record<string, unknown> => {
    const branches = scenario.outcomes?.[elementId];
    if (!branches || branches.length === 0) return { decision: 'approve' };
    const rest = Math.max(0, 1 - branches.reduce((sum, branch) => sum + branch.probability, 0));
    const index = random.pick([...branches.map((branch) => branch.probability), rest]);
    return index < branches.length ? branches[index]!.variables : { decision: 'approve' };
  };

  const startWork = (step: SimulatedStep, at: number): void => {
    step.startedAt = at;
    step.state = 'working';
    step.workingMs = durationOf(step, step.definedBudget);
    queue.push(addWorkingTime(step.pool.calendar, at, step.workingMs), { kind: 'worked', step });
  };

  const freeOfficial = (step: SimulatedStep, at: number, workedMs: number): void => {
    step.pool.busyWorkingMs += workedMs;
    const next = step.pool.release();
    if (next) startWork(next, at);
  };

  const openCitizenWait = (dossier: SimulatedDossier, step: SimulatedStep, node: FlowNode | undefined): void => {
    const waitsFor = messageNames.get(node?.messageRef ?? '') ?? node?.messageName ?? '';
    step.state = 'citizen';
    dossier.pauseFromAt ??= now;
    const answers = random.uniform() >= (scenario.citizen?.noReplyProbability ?? 0);
    const replyMs = sampleDuration(scenario.citizen?.reply ?? DEFAULT_REPLY, random);
    const answeredAt = answers ? addWorkingTime(calendar, now, replyMs) : Number.POSITIVE_INFINITY;
    if (waitsFor === 'supplement.received' && policy.kind === 'boundedWait') {
      const windowClosesAt = resolveDueDate(calendar, now, policy.waitBudget).dueAt;
      if (answeredAt > windowClosesAt) {
        queue.push(windowClosesAt, { kind: 'answered', step, message: 'supplement.window_closed' });
        return;
      }
    }
    if (answers) queue.push(answeredAt, { kind: 'answered', step, message: waitsFor });
    else dossier.stuck = true;
  };

  const apply = (dossier: SimulatedDossier, stepped: SteppedDossier): void => {
    dossier.snapshotJson = stepped.snapshotJson;
    for (const effect of stepped.effects) applyEffect(dossier, effect);
    if (stepped.status !== 'running' && dossier.finishedAt === undefined) {
      dossier.finishedAt = now;
      if (dossier.stepper) {
        transitions.computed += dossier.stepper.counts.computed;
        dossier.stepper = undefined;
      }
      dossier.endStatus = stepped.status;
      tally.finish(dossier);
    }
  };

  const applyEffect = (dossier: SimulatedDossier, effect: EngineEffect): void => {
    if (effect.type === 'step.activated') {
      if (effect.kind !== 'userTask' && effect.kind !== 'manualTask' && effect.kind !== 'receiveTask') return;
      const node = nodes.get(effect.elementId);
      const agencyId = effect.assignment?.agencyId ?? definition.procedure?.leadAgencyId ?? 'unassigned';
      const pool = poolOf(agencyId, effect.assignment?.departmentId);
      // The scenario's budget for the step, if any, sets its due instant (step late, delay attribution) only.
      const budget = scenario.stepBudgets?.[effect.elementId] ?? effect.budget;
      const step: SimulatedStep = {
        dossier, stepId: effect.stepId, elementId: effect.elementId, name: effect.name, kind: effect.kind, agencyId,
        departmentId: effect.assignment?.departmentId, pool, budget, definedBudget: effect.budget, activatedAt: now, state: 'queued',
        dueAt: budget ? resolveDueDate(pool.calendar, now, budget).dueAt : now, workingMs: 0,
      };
      dossier.open.set(step.stepId, step);
      if (node?.extendsStatutoryTo !== undefined) dossier.statutoryValue = Math.max(dossier.statutoryValue ?? 0, node.extendsStatutoryTo);
      if (effect.kind === 'receiveTask') openCitizenWait(dossier, step, node);
      else if (pool.request(step)) {
        // A unit without stated officials has no queue to make the wait: the measured wait stands in for it, so the
        // wait is counted once, from staffing where it is stated and from history where it is not (issue 19).
        const wait = pool.officials === Number.POSITIVE_INFINITY ? scenario.waits?.[step.elementId] : undefined;
        if (wait) queue.push(addWorkingTime(pool.calendar, now, sampleDuration(wait, random)), { kind: 'claimed', step });
        else startWork(step, now);
      }
    } else if (effect.type === 'step.completed' || effect.type === 'step.cancelled') {
      const step = dossier.open.get(effect.stepId);
      if (!step) return;
      dossier.open.delete(effect.stepId);
      if (step.state === 'queued') step.pool.withdraw(step);
      // An official taken off a cancelled step (an interrupting boundary event) is free at once.
      if (step.state === 'working') freeOfficial(step, now, workingTimeBetween(step.pool.calendar, step.startedAt ?? now, now));
      step.state = 'ended';
      step.completedAt = now;
      if (step.kind !== 'receiveTask') tally.stepEnded(step);
    } else if (effect.type === 'timer.scheduled') {
      queue.push(effect.dueAt, { kind: 'timer', dossier, timerId: effect.timerId });
      dossier.timers.add(effect.timerId);
    } else if (effect.type === 'timer.cancelled') {
      dossier.timers.delete(effect.timerId);
    } else if (effect.type === 'incident.raised') {
      dossier.stuck = true;
    }
  };

  const deliver = async (dossier: SimulatedDossier, event: EngineEvent): Promise<void> => {
    dossier.events += 1;
    if (dossier.events > MAX_EVENTS_PER_DOSSIER) {
      dossier.stuck = true;
      return;
    }
    apply(dossier, await stepperOf(dossier).deliver(dossier.snapshotJson, event));
  };

  const arrivals = arrivalInstants(calendar, scenario.period, scenario.arrivals, random);
  arrivals.forEach((receivedAt, index) => queue.push(receivedAt, { kind: 'arrive', dossier: tally.newDossier(index, receivedAt) }));
  const everyEvents = control.everyEvents ?? 5_000;
  let handled = 0;
  let complete = true;
  for (let next = queue.pop(); next; next = queue.pop()) {
    now = next.at;
    const event = next.event;
    if (event.kind === 'arrive') {
      apply(event.dossier, await stepperOf(event.dossier).start(scenario.startVariables ?? {}));
    } else if (event.kind === 'worked') {
      const step = event.step;
      if (step.state !== 'working') continue;
      step.state = 'done';
      freeOfficial(step, now, step.workingMs);
      await deliver(step.dossier, { type: 'task.completed', stepId: step.stepId, variables: outcomeOf(step.elementId) });
    } else if (event.kind === 'claimed') {
      if (event.step.state === 'queued') startWork(event.step, now);
    } else if (event.kind === 'answered') {
      const { step, message } = event;
      if (step.state !== 'citizen') continue;
      tally.pause(step.dossier, now, message, policy.kind);
      await deliver(step.dossier, { type: 'message.received', name: message });
    } else if (event.dossier.timers.delete(event.timerId)) {
      await deliver(event.dossier, { type: 'timer.due', timerId: event.timerId });
    }
    handled += 1;
    if (handled % everyEvents === 0) {
      if (control.shouldStop?.()) {
        complete = false;
        break;
      }
      await control.pause?.();
    }
  }
  return tally.result({ endAt: now, complete, pools: [...pools.values()], transitions: { computed: transitions.computed + shared.counts.computed, reused: shared.counts.reused } });
}
