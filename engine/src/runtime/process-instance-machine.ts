/**
 * @module createProcessInstanceMachine — the xstate v5 machine of one process instance. Its context is the plain
 * instance state; every event is handled by an assign action that calls the token stepper, and the top-level
 * state mirrors the instance status (created → running → completed | terminated | failed).
 */
import { assign, setup } from 'xstate';
import type { ProcedureDefinition } from '../model/procedure-definition';
import type { EngineEffect } from './engine-effect';
import type { EngineEvent, HandlerSettledEvent } from './engine-event';
import type { InstanceState } from './instance-state';
import type { RuntimeEnv } from './run-context';
import type { InstanceStartOptions } from './token-stepper';
import { applyEvent, startInstance } from './token-stepper';
import type { PendingHandler } from './token-run';

export interface ProcessInstanceContext {
  state: InstanceState;
  /** Effects of the last transition (not persisted). */
  effects: EngineEffect[];
  /** Asynchronous handler results of the last transition (not persisted). */
  pending: PendingHandler[];
}

export type ProcessInstanceEvent = EngineEvent | HandlerSettledEvent | ({ type: 'instance.started' } & InstanceStartOptions);

const EMPTY: InstanceState = { id: '', p: '', st: 'running', n: 0, r: 's0', sc: {}, a: {}, w: {} };

export function createProcessInstanceMachine(env: RuntimeEnv, definition: ProcedureDefinition) {
  const settled = [
    { guard: ({ context }: { context: ProcessInstanceContext }) => context.state.st === 'completed', target: 'completed' },
    { guard: ({ context }: { context: ProcessInstanceContext }) => context.state.st === 'terminated', target: 'terminated' },
    { guard: ({ context }: { context: ProcessInstanceContext }) => context.state.st === 'failed', target: 'failed' },
  ] as const;
  return setup({
    types: {
      context: {} as ProcessInstanceContext,
      events: {} as ProcessInstanceEvent,
    },
  }).createMachine({
    id: 'processInstance',
    context: { state: EMPTY, effects: [], pending: [] },
    initial: 'created',
    states: {
      created: {
        on: {
          'instance.started': {
            target: 'running',
            actions: assign(({ event }) => startInstance(env, definition, event)),
          },
        },
      },
      running: {
        always: [...settled],
        on: {
          '*': {
            actions: assign(({ context, event }) => {
              if (event.type === 'instance.started') return context;
              return applyEvent(env, definition, context.state, event);
            }),
          },
        },
      },
      completed: { type: 'final' },
      terminated: { type: 'final' },
      failed: { type: 'final' },
    },
  });
}

export type ProcessInstanceMachine = ReturnType<typeof createProcessInstanceMachine>;
