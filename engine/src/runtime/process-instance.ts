/**
 * @module ProcessInstance — a live xstate actor around one instance, for tests and in-memory hosts: send events,
 * read the plain JSON snapshot, subscribe to results. Hosts that persist instances use the stateless
 * `engine.deliver` instead; both run the same machine.
 */
import { createActor } from 'xstate';
import type { Actor } from 'xstate';
import type { EngineEffect } from './engine-effect';
import type { EngineEvent } from './engine-event';
import type { InstanceSnapshot, InstanceStatus } from './instance-state';
import type { ProcessInstanceMachine } from './process-instance-machine';
import type { RunResult } from './settle-handlers';
import { settleHandlers } from './settle-handlers';
import { checkEvent } from './token-stepper';

type ResolvedSnapshot = ReturnType<ProcessInstanceMachine['resolveState']>;

export class ProcessInstance {
  private readonly actor: Actor<ProcessInstanceMachine>;
  private readonly listeners = new Set<(result: RunResult) => void>();
  /** Effects of the start, when the instance was created by `createProcessInstance`. */
  initialEffects: EngineEffect[] = [];

  constructor(
    machine: ProcessInstanceMachine,
    snapshot: ResolvedSnapshot,
    private readonly onStop: () => void,
  ) {
    this.actor = createActor(machine, { snapshot });
    this.actor.start();
  }

  withInitialEffects(effects: EngineEffect[]): this {
    this.initialEffects = effects;
    return this;
  }

  get id(): string {
    return this.snapshot().id;
  }

  get status(): InstanceStatus {
    return this.snapshot().st;
  }

  /** The persisted form: plain JSON. */
  snapshot(): InstanceSnapshot {
    return this.actor.getSnapshot().context.state;
  }

  /** Delivers an event; resolves once asynchronous handlers it started have settled. */
  async send(event: EngineEvent): Promise<RunResult> {
    const state = this.snapshot();
    if (!checkEvent(state, event)) return { snapshot: state, effects: [], status: state.st };
    this.actor.send(event);
    const result = await settleHandlers(this.actor.getSnapshot().context, (_state, settled) => {
      this.actor.send(settled);
      return this.actor.getSnapshot().context;
    });
    for (const listener of this.listeners) listener(result);
    return result;
  }

  subscribe(listener: (result: RunResult) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    this.actor.stop();
    this.onStop();
  }
}
