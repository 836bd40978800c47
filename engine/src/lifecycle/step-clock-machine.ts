/**
 * @module createStepClockMachine — the step clock statechart: running (on track → nearly due → overdue → escalated),
 * paused while the dossier waits for the citizen (status 5) or for fees (status 6), stopped with a classification.
 *
 * Timers are never setTimeout: the machine emits `timer.requested { timerId, dueAt }` and the host answers with
 * `timer.due` when the persisted timer is due. Which warnings and rungs have fired is part of the snapshot, so a
 * duplicate `timer.due` (two server processes, a restart) never warns or escalates twice.
 *
 * @example
 * const machine = createStepClockMachine(workingTime);
 * const started = startMachine(machine, { clockId: 'step-1', startAt, budget, policy: { kind: 'pause' } });
 * const next = applyMachineEvent(machine, started.snapshot, { type: 'timer.due', at: dueAt });
 */
import { enqueueActions, setup } from 'xstate';
import type { Budget, EscalationRung, NearlyDueThreshold, SupplementPolicy } from '../model/procedure-definition';
import { classifyFinished, type FinishedClassification } from './classify';
import {
  advanceClock,
  clockPhase,
  pauseClock,
  reprojectClock,
  requestedTimers,
  restartClock,
  resumeClock,
  startClock,
  stopClock,
  type ClockEmitted,
  type ClockPhase,
  type ClockResult,
  type PauseReason,
  type WorkingClock,
} from './working-clock';
import { closeSupplementWindow, isSupplementWindowClosed } from './supplement-window';
import type { WorkingTime } from './working-time';

export interface StepClockInput {
  /** Step instance id; prefixes the timer ids (`<stepId>:nearlyDue`, `<stepId>:escalation:1`). */
  clockId: string;
  startAt: number;
  budget: Budget;
  nearlyDue?: NearlyDueThreshold;
  escalation?: EscalationRung[];
  policy: SupplementPolicy;
}

export type StepClockEvent =
  | { type: 'timer.due'; at: number; kind?: string; timerId?: string; rung?: number }
  | { type: 'clock.tick'; at: number }
  | { type: 'clock.paused'; at: number; reason: PauseReason }
  | { type: 'clock.resumed'; at: number }
  | { type: 'clock.restarted'; at: number }
  | { type: 'step.completed'; at: number }
  | { type: 'step.cancelled'; at: number }
  | { type: 'calendar.changed'; at: number };

export interface StepClockContext {
  clock: WorkingClock;
  classification?: FinishedClassification;
}

type ClockChange = 'advance' | 'pause' | 'resume' | 'restart' | 'closeWindow' | 'complete' | 'cancel' | 'reproject';

/** Builds the step clock statechart on one calendar; restore a snapshot with the machine of the same calendar. */
export function createStepClockMachine(time: WorkingTime) {
  const change = (kind: ClockChange, clock: WorkingClock, event: StepClockEvent): ClockResult => {
    switch (kind) {
      case 'advance':
        return advanceClock(clock, event.at);
      case 'pause':
        return pauseClock(clock, event.at, event.type === 'clock.paused' ? event.reason : 'supplement', time);
      case 'resume':
        return resumeClock(clock, event.at, time);
      case 'restart':
        return restartClock(clock, event.at, time);
      case 'closeWindow':
        return closeSupplementWindow(clock, event.at);
      case 'complete':
        return stopClock(clock, event.at, 'completed', time);
      case 'cancel':
        return stopClock(clock, event.at, 'cancelled', time);
      case 'reproject':
        return reprojectClock(clock, time);
    }
  };
  const phaseIs = (phase: ClockPhase) => ({ context }: { context: StepClockContext }) => clockPhase(context.clock) === phase;
  const windowClosed = ({ context, event }: { context: StepClockContext; event: StepClockEvent }) =>
    isSupplementWindowClosed(context.clock, event.at);
  const act = (kind: ClockChange) => ({ type: 'applyClock', params: { change: kind } }) as const;

  return setup({
    types: {
      input: {} as StepClockInput,
      context: {} as StepClockContext,
      events: {} as StepClockEvent,
      emitted: {} as ClockEmitted,
    },
    actions: {
      applyClock: enqueueActions(({ context, event, enqueue }, params: { change: ClockChange }) => {
        const { clock, emitted } = change(params.change, context.clock, event);
        const stopped = params.change === 'complete' && clock.stoppedAt !== undefined;
        enqueue.assign({
          clock,
          ...(stopped ? { classification: classifyFinished({ finishedAt: clock.stoppedAt ?? 0, dueAt: clock.dueAt }) } : {}),
        });
        for (const item of emitted) enqueue.emit(item);
      }),
      requestTimers: enqueueActions(({ context, enqueue }) => {
        for (const item of requestedTimers(context.clock)) enqueue.emit(item);
      }),
    },
    guards: { windowClosed },
  }).createMachine({
    id: 'stepClock',
    context: ({ input }) => ({ clock: startClock({ ...input, subject: 'step' }, time).clock }),
    entry: 'requestTimers',
    initial: 'running',
    states: {
      running: {
        initial: 'onTrack',
        // The sub-state follows the clock: a late delivery may pass several milestones in one step.
        states: {
          onTrack: {
            always: [
              { guard: phaseIs('escalated'), target: 'escalated' },
              { guard: phaseIs('overdue'), target: 'overdue' },
              { guard: phaseIs('nearlyDue'), target: 'nearlyDue' },
            ],
          },
          nearlyDue: {
            always: [
              { guard: phaseIs('escalated'), target: 'escalated' },
              { guard: phaseIs('overdue'), target: 'overdue' },
            ],
          },
          overdue: { always: [{ guard: phaseIs('escalated'), target: 'escalated' }] },
          escalated: {},
        },
        on: {
          'timer.due': { actions: act('advance') },
          'clock.tick': { actions: act('advance') },
          'clock.paused': { target: 'paused', actions: act('pause') },
          'clock.restarted': { target: 'running', reenter: true, actions: act('restart') },
          'step.completed': { target: 'stopped', actions: act('complete') },
          'step.cancelled': { target: 'stopped', actions: act('cancel') },
          'calendar.changed': { actions: act('reproject') },
        },
      },
      paused: {
        on: {
          'clock.resumed': { target: 'running', actions: act('resume') },
          'clock.restarted': { target: 'running', actions: act('restart') },
          'timer.due': [{ guard: 'windowClosed', target: 'stopped', actions: act('closeWindow') }, { actions: act('advance') }],
          'clock.tick': [{ guard: 'windowClosed', target: 'stopped', actions: act('closeWindow') }, { actions: act('advance') }],
          'step.completed': { target: 'stopped', actions: act('complete') },
          'step.cancelled': { target: 'stopped', actions: act('cancel') },
          'calendar.changed': { actions: act('reproject') },
        },
      },
      stopped: { type: 'final' },
    },
  });
}

export type StepClockMachine = ReturnType<typeof createStepClockMachine>;
