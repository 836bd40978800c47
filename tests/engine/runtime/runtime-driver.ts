/**
 * Test driver for the runtime: loads fixtures, keeps one live instance, and — in restart mode — persists the
 * snapshot as JSON, throws the actor and its engine away and restores from the parsed JSON before every event.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseProcedure } from '../../../engine/src/model/index';
import type { ProcedureDefinition } from '../../../engine/src/model/index';
import { createEngine } from '../../../engine/src/runtime/index';
import type { Engine, EngineEffect, EngineEvent, Handler, InstanceSnapshot, ProcessInstance, ResolveProcedure, StartOptions } from '../../../engine/src/runtime/index';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export async function loadDefinition(file: string): Promise<ProcedureDefinition> {
  const xml = readFileSync(path.isAbsolute(file) ? file : path.join(repoRoot, 'tests/fixtures/runtime', `${file}.bpmn`), 'utf8');
  const { definition, issues } = await parseProcedure(xml);
  const errors = issues.filter((issue) => issue.severity === 'error');
  if (!definition || errors.length > 0) throw new Error(`${file}: ${errors.map((e) => `${e.code} ${e.elementId}: ${e.message}`).join('; ')}`);
  return definition;
}

/** A clock the test moves by hand. Starts on Monday 5 January 2026, 08:00 in Hà Nội. */
export class SimulatedClock {
  at = Date.parse('2026-01-05T01:00:00Z');
  now = (): number => this.at;
  advance(ms: number): void {
    this.at += ms;
  }
}

export interface DriverOptions {
  handlers?: Record<string, Handler>;
  resolveProcedure?: ResolveProcedure;
  restart?: boolean;
}

export class RuntimeDriver {
  readonly clock = new SimulatedClock();
  readonly effects: EngineEffect[] = [];
  restarts = 0;
  private engine: Engine;
  private instance?: ProcessInstance;

  constructor(
    readonly definition: ProcedureDefinition,
    private readonly options: DriverOptions = {},
  ) {
    this.engine = this.newEngine();
  }

  /** Registers a handler on the running host (the engine reads its handler table on each call). */
  registerHandler(name: string, handler: Handler): void {
    this.options.handlers ??= {};
    this.options.handlers[name] = handler;
  }

  private newEngine(): Engine {
    this.options.handlers ??= {};
    return createEngine({ clock: this.clock, handlers: this.options.handlers, resolveProcedure: this.options.resolveProcedure, trace: true });
  }

  async start(options: StartOptions = {}): Promise<this> {
    this.instance = await this.engine.createProcessInstance(this.definition, { instanceId: 'dossier-1', ...options });
    this.effects.push(...this.instance.initialEffects);
    if (this.options.restart) this.restart();
    return this;
  }

  /** Persists the snapshot as JSON, throws the actor and its engine away, and restores from the parsed JSON. */
  restart(): void {
    const persisted = JSON.stringify(this.instance!.snapshot());
    this.instance!.stop();
    this.engine = this.newEngine();
    this.instance = this.engine.restore(this.definition, JSON.parse(persisted) as InstanceSnapshot);
    this.restarts += 1;
  }

  get snapshot(): InstanceSnapshot {
    return this.instance!.snapshot();
  }

  get status(): string {
    return this.snapshot.st;
  }

  get variables(): Record<string, unknown> {
    return this.snapshot.sc[this.snapshot.r]?.v ?? {};
  }

  /** Element ids in the order tokens entered them. */
  get visited(): string[] {
    return this.effects.flatMap((e) => (e.type === 'element.entered' ? [e.elementId] : []));
  }

  effectsOf<T extends EngineEffect['type']>(type: T): Array<Extract<EngineEffect, { type: T }>> {
    return this.effects.filter((e): e is Extract<EngineEffect, { type: T }> => e.type === type);
  }

  /** Element ids of the open steps. */
  openSteps(): string[] {
    return this.engine.activeSteps(this.snapshot).filter((s) => s.state === 'waiting').map((s) => s.elementId).sort();
  }

  async send(event: EngineEvent): Promise<void> {
    if (this.options.restart) this.restart();
    const result = await this.instance!.send(event);
    this.effects.push(...result.effects);
  }

  stepIdOf(elementId: string): string {
    const step = this.engine.activeSteps(this.snapshot).find((s) => s.elementId === elementId);
    if (!step) throw new Error(`No open step at ${elementId}; open: ${this.openSteps().join(', ')}`);
    return step.stepId;
  }

  async complete(elementId: string, variables?: Record<string, unknown>): Promise<void> {
    await this.send({ type: 'task.completed', stepId: this.stepIdOf(elementId), ...(variables ? { variables } : {}) });
  }

  /** Timers currently armed, by element id, with their due instants. */
  armedTimers(): Array<{ timerId: string; elementId: string; dueAt: number }> {
    return Object.entries(this.snapshot.w).flatMap(([timerId, w]) => (w.k === 'timer' ? [{ timerId, elementId: w.n, dueAt: w.at! }] : []));
  }

  /** Moves the clock to the timer's due instant and delivers timer.due, as the host's sweeper would. */
  async fireTimer(elementId: string): Promise<void> {
    const timer = this.armedTimers().find((t) => t.elementId === elementId);
    if (!timer) throw new Error(`No armed timer at ${elementId}`);
    this.clock.at = Math.max(this.clock.at, timer.dueAt);
    await this.send({ type: 'timer.due', timerId: timer.timerId });
  }

  async message(name: string, variables?: Record<string, unknown>): Promise<void> {
    await this.send({ type: 'message.received', name, ...(variables ? { variables } : {}) });
  }

  async signal(name: string): Promise<void> {
    await this.send({ type: 'signal.received', name });
  }
}
