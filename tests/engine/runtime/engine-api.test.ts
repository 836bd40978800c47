import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../engine/src/errors';
import { createEngine, FeelEvaluator } from '../../../engine/src/runtime/index';
import { startInstance } from '../../../engine/src/runtime/token-stepper';
import type { InstanceSnapshot } from '../../../engine/src/runtime/index';
import { SimulatedClock, loadDefinition } from './runtime-driver';

describe('runtime engine API', () => {
  it('keeps the snapshot of an instance parked at a user task under 2 KB of JSON', async () => {
    // given
    const definition = await loadDefinition('parallel-gateway');
    const engine = createEngine({ clock: new SimulatedClock() });
    // when: two user tasks are open at once
    const { snapshot } = await engine.start(definition, { instanceId: '000.00.64.H10-260105-0001' });
    // then
    expect(engine.activeSteps(snapshot)).toHaveLength(2);
    expect(JSON.stringify(snapshot).length).toBeLessThan(2048);
  });

  it('throws TASK_ALREADY_COMPLETED when a step is completed twice, and leaves the snapshot untouched', async () => {
    // given
    const definition = await loadDefinition('parallel-gateway');
    const engine = createEngine({ clock: new SimulatedClock() });
    const started = await engine.start(definition);
    const [tax] = engine.activeSteps(started.snapshot);
    const before = JSON.stringify(started.snapshot);
    const once = await engine.deliver(definition, started.snapshot, { type: 'task.completed', stepId: tax!.stepId });
    // when / then
    await expect(engine.deliver(definition, once.snapshot, { type: 'task.completed', stepId: tax!.stepId })).rejects.toMatchObject({
      name: 'EngineError',
      code: 'TASK_ALREADY_COMPLETED',
    });
    expect(JSON.stringify(started.snapshot)).toBe(before);
  });

  it('refuses events for a finished instance but ignores a timer.due delivered twice', async () => {
    // given
    const definition = await loadDefinition('event-based-gateway');
    const clock = new SimulatedClock();
    const engine = createEngine({ clock });
    const started = await engine.start(definition);
    const timer = started.effects.find((e) => e.type === 'timer.scheduled')!;
    const timerId = timer.type === 'timer.scheduled' ? timer.timerId : '';
    // when
    const fired = await engine.deliver(definition, started.snapshot, { type: 'timer.due', timerId });
    const again = await engine.deliver(definition, fired.snapshot, { type: 'timer.due', timerId });
    // then
    expect(fired.status).toBe('completed');
    expect(again.effects).toEqual([]);
    await expect(engine.deliver(definition, fired.snapshot, { type: 'signal.received', name: 'dossier-withdrawn' })).rejects.toBeInstanceOf(EngineError);
  });

  it('broadcasts a signal to every live instance that waits for it', async () => {
    // given
    const definition = await loadDefinition('event-based-gateway');
    const engine = createEngine({ clock: new SimulatedClock() });
    const first = await engine.createProcessInstance(definition, { instanceId: 'a' });
    const second = await engine.createProcessInstance(definition, { instanceId: 'b' });
    // when
    const results = await engine.broadcastSignal('dossier-withdrawn');
    // then
    expect(results).toHaveLength(2);
    expect([first.status, second.status]).toEqual(['completed', 'completed']);
  });

  it('tells subscribers of a live instance the result of every event it is sent', async () => {
    // given
    const definition = await loadDefinition('parallel-gateway');
    const engine = createEngine({ clock: new SimulatedClock() });
    const instance = await engine.createProcessInstance(definition, { instanceId: 'live' });
    const statuses: string[] = [];
    instance.subscribe((result) => statuses.push(result.status));
    // when
    for (const step of engine.activeSteps(instance.snapshot())) await instance.send({ type: 'task.completed', stepId: step.stepId });
    // then
    expect(instance.initialEffects.filter((e) => e.type === 'step.activated')).toHaveLength(2);
    expect(statuses).toEqual(['running', 'completed']);
  });

  it('cancels an instance: open steps and timers are cancelled and it ends terminated', async () => {
    // given
    const definition = await loadDefinition('boundary-timers');
    const engine = createEngine({ clock: new SimulatedClock() });
    const started = await engine.start(definition);
    // when
    const result = await engine.deliver(definition, started.snapshot, { type: 'instance.cancelled' });
    // then
    expect(result.status).toBe('terminated');
    expect(result.effects.map((e) => e.type).sort()).toEqual(['process.terminated', 'step.cancelled', 'timer.cancelled', 'timer.cancelled']);
  });

  it('keeps a step waiting for an asynchronous handler in the snapshot, so a restored instance can complete it', async () => {
    // given: the token stepper itself, its state persisted while the handler's promise is pending
    const definition = await loadDefinition('service-then-user-task');
    const env = { clock: new SimulatedClock(), handlers: { computeFee: () => new Promise(() => undefined) }, feel: new FeelEvaluator(), trace: false };
    const started = startInstance(env, definition, { instanceId: 'dossier-async' });
    const persisted = JSON.parse(JSON.stringify(started.state)) as InstanceSnapshot;
    const engine = createEngine({ clock: new SimulatedClock() });
    const [waiting] = engine.activeSteps(persisted);
    // when: after a restart the host completes the step itself
    const result = await engine.deliver(definition, persisted, { type: 'task.completed', stepId: waiting!.stepId, variables: { fee: 5 } });
    // then
    expect(waiting).toMatchObject({ elementId: 'task-compute-fee', state: 'handler' });
    expect(engine.activeSteps(result.snapshot)).toMatchObject([{ elementId: 'task-review', state: 'waiting' }]);
  });
});
