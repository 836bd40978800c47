/**
 * @module applyMachineEvent — one transition of a lifecycle statechart from a persisted snapshot to the next one,
 * with the events it emitted (timer requests, notifications, progress records). The host loads the snapshot,
 * applies the event, stores the snapshot (optimistic concurrency) and then carries out what was emitted.
 */
import { createActor, type AnyStateMachine, type EmittedFrom, type EventFromLogic, type InputFrom, type Snapshot, type Actor } from 'xstate';

export interface MachineStep<TEmitted> {
  /** Plain JSON: `createActor(machine, { snapshot })` restores the identical state. */
  snapshot: unknown;
  emitted: TEmitted[];
  /** The statechart state value after the event, e.g. `{ running: 'overdue' }`. */
  value: unknown;
}

type EmittedOf<TMachine extends AnyStateMachine> = EmittedFrom<TMachine>;

/** Starts `machine` with `input` and returns its first persisted snapshot and what its entry emitted. */
export function startMachine<TMachine extends AnyStateMachine>(
  machine: TMachine,
  input: InputFrom<TMachine>,
): MachineStep<EmittedOf<TMachine>> {
  const actor = createActor(machine, { input });
  const emitted: EmittedOf<TMachine>[] = [];
  actor.on('*', (event) => emitted.push(event as EmittedOf<TMachine>));
  actor.start();
  return finish(actor, emitted);
}

/**
 * Restores `snapshot`, sends `event`, returns the next persisted snapshot and what the transition emitted. `check`
 * sees the restored state first and may refuse the event by throwing (one restore for the guard and the event).
 */
export function applyMachineEvent<TMachine extends AnyStateMachine>(
  machine: TMachine,
  snapshot: unknown,
  event: EventFromLogic<TMachine>,
  check?: (current: ReturnType<Actor<TMachine>['getSnapshot']>) => void,
): MachineStep<EmittedOf<TMachine>> {
  const actor = restoreActor(machine, snapshot);
  const emitted: EmittedOf<TMachine>[] = [];
  actor.on('*', (item) => emitted.push(item as EmittedOf<TMachine>));
  actor.start();
  if (check) {
    try {
      check(actor.getSnapshot());
    } catch (refusal) {
      actor.stop();
      throw refusal;
    }
  }
  // A finished lifecycle ignores late deliveries (a timer that fired twice): nothing changes, nothing is emitted.
  if ((actor.getSnapshot() as { status: string }).status === 'active') actor.send(event);
  return finish(actor, emitted);
}

/**
 * An actor on a persisted snapshot. The snapshot is plain JSON (`finish` makes it so, and stores keep it so); it is
 * not copied again: xstate never changes a snapshot or a context in place (`assign` makes new ones).
 */
export function restoreActor<TMachine extends AnyStateMachine>(machine: TMachine, snapshot: unknown): Actor<TMachine> {
  // Input-requiring machines do not need input when restored: the snapshot carries the context.
  return createActor(machine as AnyStateMachine, { snapshot: snapshot as Snapshot<unknown> }) as unknown as Actor<TMachine>;
}

function finish<TEmitted>(actor: ReturnType<typeof createActor<AnyStateMachine>>, emitted: TEmitted[]): MachineStep<TEmitted> {
  const current = actor.getSnapshot();
  if (current.status === 'error') throw current.error;
  const snapshot = JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as unknown;
  actor.stop();
  return { snapshot, emitted, value: current.value };
}
