/**
 * @module ProcessInstance — one instance kept in memory, for tests and in-memory hosts: send events, read the plain
 * JSON snapshot, subscribe to results. It holds the snapshot and steps it with the same reducer as the stateless
 * `engine.deliver` (./token-stepper.ts), so a live instance and a stored one behave alike; it is no xstate actor.
 */
import type { ProcedureDefinition } from '../model/procedure-definition';
import type { EngineEffect } from './engine-effect';
import type { EngineEvent } from './engine-event';
import type { InstanceSnapshot, InstanceStatus } from './instance-state';
import type { RuntimeEnv } from './run-context';
import type { RunResult, StateHolder } from './settle-handlers';
import { settleHandlers } from './settle-handlers';
import { applyEvent, checkEvent } from './token-stepper';

export class ProcessInstance {
  private readonly holder: StateHolder;
  private readonly listeners = new Set<(result: RunResult) => void>();
  private stopped = false;
  /** Effects of the start, when the instance was created by `createProcessInstance`. */
  initialEffects: EngineEffect[] = [];

  constructor(
    private readonly env: RuntimeEnv,
    private readonly definition: ProcedureDefinition,
    snapshot: InstanceSnapshot,
    private readonly onStop: () => void,
  ) {
    this.holder = { state: snapshot };
  }

  withInitialEffects(effects: EngineEffect[]): this {
    this.initialEffects = effects;
    return this;
  }

  get id(): string {
    return this.holder.state.id;
  }

  get status(): InstanceStatus {
    return this.holder.state.st;
  }

  /** The persisted form: plain JSON. */
  snapshot(): InstanceSnapshot {
    return this.holder.state;
  }

  /** Delivers an event; resolves once asynchronous handlers it started have settled. A stopped instance takes none. */
  async send(event: EngineEvent): Promise<RunResult> {
    const state = this.holder.state;
    if (this.stopped || !checkEvent(state, event, this.definition)) return { snapshot: state, effects: [], status: state.st };
    const run = applyEvent(this.env, this.definition, state, event);
    this.holder.state = run.state;
    const result = await settleHandlers(run, this.holder);
    for (const listener of this.listeners) listener(result);
    return result;
  }

  subscribe(listener: (result: RunResult) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    this.stopped = true;
    this.onStop();
  }
}
