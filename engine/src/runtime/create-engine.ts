/**
 * @module createEngine — the façade of the runtime. Low-level calls take a definition and a plain JSON snapshot
 * and return the next snapshot with its effects (stateless, cheap: one call of the token stepper's reducer per
 * event, plus one per batch of asynchronous handler results); `createProcessInstance` / `restore` keep an instance
 * in memory for tests and in-memory hosts, stepped by the same reducer.
 */
import type { Clock } from '../ports';
import type { ProcedureDefinition } from '../model/procedure-definition';
import type { EngineEvent } from './engine-event';
import type { RunResult } from './settle-handlers';
import { settleHandlers } from './settle-handlers';
import { FeelEvaluator } from './feel-evaluator';
import type { Handler } from './handler';
import type { InstanceSnapshot } from './instance-state';
import { ProcessInstance } from './process-instance';
import type { ResolveProcedure, RuntimeEnv } from './run-context';
import type { InstanceStartOptions } from './token-stepper';
import { applyEvent, checkEvent, startInstance } from './token-stepper';

export interface EngineOptions {
  clock: Clock;
  handlers?: Record<string, Handler>;
  /** Finds the procedure a call activity names when it is not a process of the same definitions. */
  resolveProcedure?: ResolveProcedure;
  /** Adds element.entered effects (tests, debugging). */
  trace?: boolean;
}

export interface StartOptions {
  processId?: string;
  variables?: Record<string, unknown>;
  instanceId?: string;
  /** Start through a timer / message / signal start event whose trigger occurred. */
  startEventId?: string;
}

export type { RunResult };

/** An open step (user, manual or receive task), a step waiting for an asynchronous handler, or one stopped by an incident. */
export interface ActiveStep {
  stepId: string;
  elementId: string;
  state: 'waiting' | 'handler' | 'incident';
}

export interface Engine {
  start(definition: ProcedureDefinition, options?: StartOptions): Promise<RunResult>;
  deliver(definition: ProcedureDefinition, snapshot: InstanceSnapshot, event: EngineEvent): Promise<RunResult>;
  activeSteps(snapshot: InstanceSnapshot): ActiveStep[];
  createProcessInstance(definition: ProcedureDefinition, options?: StartOptions): Promise<ProcessInstance>;
  restore(definition: ProcedureDefinition, snapshot: InstanceSnapshot): ProcessInstance;
  /** Delivers a signal to every live instance this engine holds (createProcessInstance / restore). */
  broadcastSignal(name: string, variables?: Record<string, unknown>): Promise<RunResult[]>;
}

/**
 * Creates an engine.
 * @example
 * const engine = createEngine({ clock: { now: () => 0 } });
 * const { snapshot, effects } = await engine.start(definition, { variables: { amount: 3 } });
 */
export function createEngine(options: EngineOptions): Engine {
  const env: RuntimeEnv = {
    clock: options.clock,
    handlers: options.handlers ?? {},
    feel: new FeelEvaluator(),
    trace: options.trace ?? false,
    ...(options.resolveProcedure ? { resolveProcedure: options.resolveProcedure } : {}),
  };
  const live = new Set<ProcessInstance>();
  let counter = 0;

  const engine: Engine = {
    async start(definition, startOptions = {}) {
      counter += 1;
      const options: InstanceStartOptions = { instanceId: startOptions.instanceId ?? `instance-${counter}` };
      if (startOptions.processId) options.processId = startOptions.processId;
      if (startOptions.variables) options.variables = startOptions.variables;
      if (startOptions.startEventId) options.startEventId = startOptions.startEventId;
      return settleHandlers(startInstance(env, definition, options));
    },

    async deliver(definition, snapshot, event) {
      if (!checkEvent(snapshot, event, definition)) return { snapshot, effects: [], status: snapshot.st };
      return settleHandlers(applyEvent(env, definition, snapshot, event));
    },

    activeSteps(snapshot) {
      const steps: ActiveStep[] = [];
      for (const [stepId, act] of Object.entries(snapshot.a)) {
        if (act.w === 'task') steps.push({ stepId, elementId: act.n, state: 'waiting' });
        else if (act.w === 'handler') steps.push({ stepId, elementId: act.n, state: 'handler' });
        else if (act.w === 'incident') steps.push({ stepId, elementId: act.n, state: 'incident' });
      }
      return steps;
    },

    async createProcessInstance(definition, startOptions = {}) {
      const result = await engine.start(definition, startOptions);
      return engine.restore(definition, result.snapshot).withInitialEffects(result.effects);
    },

    restore(definition, snapshot) {
      const instance: ProcessInstance = new ProcessInstance(env, definition, snapshot, () => live.delete(instance));
      live.add(instance);
      return instance;
    },

    async broadcastSignal(name, variables) {
      const results: RunResult[] = [];
      for (const instance of [...live]) {
        if (instance.status !== 'running') continue;
        if (!Object.values(instance.snapshot().w).some((w) => w.k === 'signal' && w.nm === name)) continue;
        results.push(await instance.send({ type: 'signal.received', name, ...(variables ? { variables } : {}) }));
      }
      return results;
    },
  };
  return engine;
}
