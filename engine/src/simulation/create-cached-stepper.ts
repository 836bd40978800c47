/**
 * @module createCachedStepper — drives the real token stepper (engine/src/runtime, `createEngine`) for many simulated
 * dossiers of one definition, with the snapshot kept as JSON as a host persists it. One engine is built per
 * definition, and a transition already computed is reused: the stepper is a pure function of (snapshot, event) —
 * the same step ids, variables and effects come out — except through the clock, which the engine reads only for
 * FEEL `now()` / `today()` and to schedule timers. So a transition is reused only when the definition never calls
 * `now()` or `today()` and the transition scheduled no timer; every other transition is computed afresh.
 */
import type { ProcedureDefinition } from '../model/procedure-definition';
import { createEngine, type Engine, type EngineEffect, type EngineEvent, type InstanceSnapshot, type InstanceStatus } from '../runtime/index';

export interface SteppedDossier {
  snapshotJson: string;
  effects: readonly EngineEffect[];
  status: InstanceStatus;
}

export interface CachedStepper {
  start(variables: Record<string, unknown>): Promise<SteppedDossier>;
  deliver(snapshotJson: string, event: EngineEvent): Promise<SteppedDossier>;
  /** Transitions the engine computed, and those reused from an identical earlier one. */
  readonly counts: { computed: number; reused: number };
}

export interface CachedStepperOptions {
  /** The simulated clock the engine reads. */
  now: () => number;
  /** Reuse identical transitions (default true); false runs the engine for every event. */
  reuse?: boolean;
}

/** Every simulated dossier is the same instance as far as the engine knows, so identical paths give identical snapshots. */
const INSTANCE_ID = 'simulated';
const MAX_CACHED_TRANSITIONS = 100_000;
const CLOCK_IN_FEEL = /\b(now|today)\s*\(/;

/**
 * Builds the engine once for `definition`.
 * @example
 * const stepper = createCachedStepper(definition, { now: () => simulatedNow });
 * let dossier = await stepper.start({});
 * dossier = await stepper.deliver(dossier.snapshotJson, { type: 'task.completed', stepId, variables: {} });
 */
export function createCachedStepper(definition: ProcedureDefinition, options: CachedStepperOptions): CachedStepper {
  const engine: Engine = createEngine({ clock: { now: options.now } });
  const reuse = (options.reuse ?? true) && !CLOCK_IN_FEEL.test(JSON.stringify(definition.processes));
  const cache = new Map<string, SteppedDossier>();
  const counts = { computed: 0, reused: 0 };

  const remember = (key: string, result: { snapshot: InstanceSnapshot; effects: EngineEffect[]; status: InstanceStatus }): SteppedDossier => {
    counts.computed += 1;
    const stepped: SteppedDossier = { snapshotJson: JSON.stringify(result.snapshot), effects: result.effects, status: result.status };
    if (reuse && !result.effects.some((effect) => effect.type === 'timer.scheduled')) {
      // Variables that differ per dossier would grow the cache without reuse: start afresh past a bound.
      if (cache.size >= MAX_CACHED_TRANSITIONS) cache.clear();
      cache.set(key, stepped);
    }
    return stepped;
  };

  return {
    counts,
    async start(variables) {
      const key = `start|${JSON.stringify(variables)}`;
      const known = reuse ? cache.get(key) : undefined;
      if (known) {
        counts.reused += 1;
        return known;
      }
      return remember(key, await engine.start(definition, { instanceId: INSTANCE_ID, variables: structuredClone(variables) }));
    },
    async deliver(snapshotJson, event) {
      const key = `${snapshotJson}|${JSON.stringify(event)}`;
      const known = reuse ? cache.get(key) : undefined;
      if (known) {
        counts.reused += 1;
        return known;
      }
      return remember(key, await engine.deliver(definition, JSON.parse(snapshotJson) as InstanceSnapshot, structuredClone(event)));
    },
  };
}
