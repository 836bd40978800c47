/**
 * @module simulateDossier — runs a library procedure on the engine with a simulated clock, as a host would: every
 * open user task is completed at the end of its budget (computeDueDate on the Vietnamese working calendar), in due
 * order, with the variables the `decide` callback gives; receive tasks get their message at once (the citizen's
 * time is paused, so it does not matter for the deadline). The snapshot goes through JSON between events, as a
 * host that persists it would.
 */
import {
  computeDueDate,
  createEngine,
  createVietnamWorkingCalendar,
  type EngineEffect,
  type InstanceSnapshot,
  type ProcedureDefinition,
} from '../../../engine/src/index';

export interface SimulatedStep {
  elementId: string;
  kind: string;
  activatedAt: number;
  completedAt: number;
  agencyId?: string;
}

export interface Simulation {
  status: string;
  finishedAt: number;
  steps: SimulatedStep[];
  effects: EngineEffect[];
  variables: Record<string, unknown>;
}

export interface SimulateOptions {
  receivedAt: number;
  /** Variables for completing a user task (default `{ decision: 'approve' }`); `attempt` counts from 1 per element. */
  decide?: (elementId: string, attempt: number) => Record<string, unknown>;
  /** The message a receive task gets (default: the message it waits for); `attempt` counts from 1 per element. */
  answer?: (elementId: string, waitsFor: string, attempt: number) => string;
  startVariables?: Record<string, unknown>;
  maxSteps?: number;
}

const calendar = createVietnamWorkingCalendar();

interface OpenStep {
  stepId: string;
  elementId: string;
  kind: string;
  activatedAt: number;
  dueAt: number;
  agencyId?: string;
}

export async function simulateDossier(definition: ProcedureDefinition, options: SimulateOptions): Promise<Simulation> {
  let now = options.receivedAt;
  const requested: string[] = [];
  const engine = createEngine({
    clock: { now: () => now },
    resolveProcedure: (calledElement) => {
      requested.push(calledElement);
      return undefined;
    },
  });
  const nodes = new Map(definition.processes.flatMap((process) => Object.values(process.nodes).map((node) => [node.id, node] as const)));
  const messageNames = new Map(Object.values(definition.messages).map((message) => [message.id, message.name ?? message.id]));
  const open = new Map<string, OpenStep>();
  const steps: SimulatedStep[] = [];
  const effects: EngineEffect[] = [];
  const attempts = new Map<string, number>();
  const take = (result: { snapshot: InstanceSnapshot; effects: EngineEffect[] }) => {
    effects.push(...result.effects);
    for (const effect of result.effects) {
      if (effect.type === 'step.activated') {
        const dueAt = effect.budget ? computeDueDate(calendar, now, effect.budget).dueAt : now;
        open.set(effect.stepId, { stepId: effect.stepId, elementId: effect.elementId, kind: effect.kind, activatedAt: now, dueAt, agencyId: effect.assignment?.agencyId });
      } else if (effect.type === 'step.completed' || effect.type === 'step.cancelled') {
        open.delete(effect.stepId);
      } else if (effect.type === 'incident.raised') {
        throw new Error(`incident at ${effect.elementId}: ${effect.code} ${effect.message}`);
      }
    }
    return result.snapshot;
  };
  let result = await engine.start(definition, { variables: options.startVariables ?? {} });
  let snapshot = take(result);
  for (let count = 0; result.status === 'running'; count += 1) {
    if (count >= (options.maxSteps ?? 100)) throw new Error('the simulated dossier did not finish');
    const next = [...open.values()].sort((a, b) => a.dueAt - b.dueAt)[0];
    if (!next) throw new Error(`the instance waits with no open step: ${JSON.stringify(engine.activeSteps(snapshot))}`);
    now = Math.max(now, next.dueAt);
    const attempt = (attempts.get(next.elementId) ?? 0) + 1;
    attempts.set(next.elementId, attempt);
    steps.push({ elementId: next.elementId, kind: next.kind, activatedAt: next.activatedAt, completedAt: now, agencyId: next.agencyId });
    // The host stores the snapshot as JSON between events: every step resumes from a reloaded copy.
    snapshot = JSON.parse(JSON.stringify(snapshot)) as InstanceSnapshot;
    const node = nodes.get(next.elementId);
    if (next.kind === 'receiveTask') {
      const waitsFor = messageNames.get(node?.messageRef ?? '') ?? node?.messageName ?? '';
      const name = options.answer ? options.answer(next.elementId, waitsFor, attempt) : waitsFor;
      open.delete(next.stepId);
      result = await engine.deliver(definition, snapshot, { type: 'message.received', name });
    } else {
      const variables = options.decide ? options.decide(next.elementId, attempt) : { decision: 'approve' };
      result = await engine.deliver(definition, snapshot, { type: 'task.completed', stepId: next.stepId, variables });
    }
    snapshot = take(result);
  }
  if (requested.length > 0) throw new Error(`call activities looked outside the file for ${requested.join(', ')}`);
  return { status: result.status, finishedAt: now, steps, effects, variables: snapshot.sc[snapshot.r]?.v ?? {} };
}

/** When the dossier is due: receipt + the statutory deadline, on the same calendar. */
export function appointmentOf(definition: ProcedureDefinition, receivedAt: number, override?: number): number {
  const statutory = definition.procedure!.statutoryBudget!;
  return computeDueDate(calendar, receivedAt, override === undefined ? statutory : { ...statutory, value: override }).dueAt;
}
