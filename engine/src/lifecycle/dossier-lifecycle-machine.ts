/**
 * @module createDossierLifecycleMachine — the dossier statechart: finer internal states, each shown as one of the ten
 * national status codes (DOMAIN.md table), a progress record on every status change, the dossier clock (statutory
 * budget, appointment computed at intake, paused in statuses 5 and 6), supplement count and apology letters (form 04).
 *
 * Use `startDossierLifecycle` and `applyDossierEvent`: they refuse what the rules forbid with an `EngineError`.
 */
import { assign, enqueueActions, setup } from 'xstate';
import type { DossierStatus } from '../ports';
import { classifyFinished } from './classify';
import type {
  ChangeFields,
  DossierEmitted,
  DossierEvent,
  DossierLifecycleContext,
  DossierLifecycleInput,
  Reappointment,
} from './dossier-event';
import type { ProgressRecord } from './progress-record';
import {
  advanceClock,
  pauseClock,
  reprojectClock,
  resumeClock,
  startClock,
  stopClock,
  type ClockResult,
} from './working-clock';
import { closeSupplementWindow, isSupplementWindowClosed } from './supplement-window';
import type { WorkingTime } from './working-time';

type ClockChange = 'start' | 'advance' | 'pauseSupplement' | 'pauseFees' | 'resume' | 'finish' | 'cancel' | 'closeWindow' | 'reproject';

const change = (action: string) => ({ type: 'note', params: { action } }) as const;
const clock = (kind: ClockChange) => ({ type: 'applyClock', params: { change: kind } }) as const;
const record = (status: DossierStatus) => ({ type: 'recordProgress', params: { status } }) as const;

/** Builds the dossier statechart on one calendar; restore snapshots with the machine of the same calendar. */
export function createDossierLifecycleMachine(time: WorkingTime) {
  const clockChange = (kind: ClockChange, context: DossierLifecycleContext): ClockResult | undefined => {
    const at = context.lastChange.at;
    if (kind === 'start') {
      const { statutoryBudget, supplementPolicy, nearlyDue, escalation } = context.rules;
      if (!statutoryBudget) return undefined;
      const settings = { clockId: context.dossierId, subject: 'dossier' as const, startAt: at, budget: statutoryBudget };
      return startClock({ ...settings, policy: supplementPolicy, nearlyDue, escalation }, time);
    }
    const current = context.clock;
    if (!current) return undefined;
    if (kind === 'advance') return advanceClock(current, at);
    if (kind === 'pauseSupplement' || kind === 'pauseFees') return pauseClock(current, at, kind === 'pauseFees' ? 'fees' : 'supplement', time);
    if (kind === 'resume') return resumeClock(current, at, time);
    if (kind === 'finish') return stopClock(current, at, 'completed', time);
    if (kind === 'cancel') return stopClock(current, at, 'cancelled', time);
    if (kind === 'closeWindow') return closeSupplementWindow(current, at);
    return reprojectClock(current, time);
  };
  const reappointment = {
    'dossier.reappointed': { guard: 'mayReappoint', actions: [change('dossier.reappointed'), 'reappoint'] },
  } as const;
  const leaving = {
    'dossier.withdrawn': { target: 'withdrawn', actions: [change('dossier.withdrawn'), clock('cancel')] },
    'processing.stopped': { target: 'stopped', actions: [change('processing.stopped'), clock('cancel')] },
  } as const;
  const windowClose = [
    { guard: 'windowClosedAtIntake', target: 'refused', actions: [change('supplement.window_closed'), clock('closeWindow')] },
    { guard: 'windowClosed', target: 'stopped', actions: [change('supplement.window_closed'), clock('closeWindow')] },
    { actions: [change('clock.tick'), clock('advance')] },
  ] as const;

  return setup({
    types: {
      input: {} as DossierLifecycleInput,
      context: {} as DossierLifecycleContext,
      events: {} as DossierEvent,
      emitted: {} as DossierEmitted,
    },
    actions: {
      markReceived: assign(({ context }) => ({ receivedAt: context.lastChange.at })),
      countSupplement: assign(({ context }) => ({
        // Decision 766/QĐ-TTg: a second supplement request counts the dossier overdue.
        supplementCount: context.supplementCount + 1,
        countsAsOverdue: context.supplementCount + 1 > 1,
        ...(context.status ? { supplementRequestedIn: context.status } : {}),
      })),
      close: assign(({ context }) => ({ closedAt: context.lastChange.at })),
      markFinished: assign(({ context }) => ({ finishedAt: context.lastChange.at })),
      markReturned: assign(({ context }) => ({ returnedAt: context.lastChange.at })),
      note: enqueueActions(({ event, enqueue }, params: { action: string }) => {
        enqueue.assign({ lastChange: { ...changeFieldsOf(event), action: params.action } });
      }),
      applyClock: enqueueActions(({ context, enqueue }, params: { change: ClockChange }) => {
        const result = clockChange(params.change, context);
        if (!result) return;
        const at = context.lastChange.at;
        const restarted = params.change === 'resume' && context.clock !== undefined && result.clock.epoch > context.clock.epoch;
        enqueue.assign({
          clock: result.clock,
          // The restart policy counts again from the complete dossier: a new appointment is promised.
          ...(params.change === 'start' ? { appointmentAt: result.clock.dueAt, originalAppointmentAt: result.clock.dueAt } : {}),
          ...(restarted ? { appointmentAt: result.clock.dueAt } : {}),
          ...(params.change === 'finish'
            ? { classification: classifyFinished({ finishedAt: at, dueAt: result.clock.dueAt, supplementCount: context.supplementCount }) }
            : {}),
        });
        for (const item of result.emitted) enqueue.emit(item);
      }),
      recordProgress: enqueueActions(({ context, enqueue }, params: { status: DossierStatus }) => {
        const { at, action, stepStartAt, stepDueAt, ...who } = context.lastChange;
        const record: ProgressRecord = {
          ...who,
          dossierId: context.dossierId,
          ...(context.dossierCode ? { dossierCode: context.dossierCode } : {}),
          status: params.status,
          ...(context.status ? { previousStatus: context.status } : {}),
          at,
          stepStartAt: stepStartAt ?? at,
          ...(stepDueAt ?? context.clock?.dueAt ? { stepDueAt: stepDueAt ?? context.clock?.dueAt } : {}),
          action,
        };
        enqueue.assign({ status: params.status });
        enqueue.emit({ type: 'progress.recorded', record });
      }),
      reappoint: enqueueActions(({ context, event, enqueue }) => {
        if (event.type !== 'dossier.reappointed' || context.appointmentAt === undefined) return;
        const letter: Reappointment = {
          number: context.reappointments.length + 1,
          at: event.at,
          previousAppointmentAt: context.appointmentAt,
          newAppointmentAt: event.newAppointmentAt,
          reason: event.reason,
          ...(event.actorId ? { actorId: event.actorId } : {}),
          ...(event.agencyId ? { agencyId: event.agencyId } : {}),
        };
        enqueue.assign({ appointmentAt: event.newAppointmentAt, reappointments: [...context.reappointments, letter] });
        enqueue.emit({ type: 'dossier.reappointed', dossierId: context.dossierId, originalAppointmentAt: context.originalAppointmentAt ?? context.appointmentAt, ...letter });
      }),
    },
    guards: {
      startsReceived: ({ context }) => context.lastChange.action === 'dossier.received',
      mayReappoint: ({ context, event }) =>
        event.type === 'dossier.reappointed' &&
        context.appointmentAt !== undefined &&
        event.newAppointmentAt > context.appointmentAt &&
        context.reappointments.length < (context.rules.maxReappointments ?? 1),
      windowClosed: ({ context, event }) => context.clock !== undefined && isSupplementWindowClosed(context.clock, event.at),
      windowClosedAtIntake: ({ context, event }) =>
        context.supplementRequestedIn === 2 && context.clock !== undefined && isSupplementWindowClosed(context.clock, event.at),
    },
  }).createMachine({
    id: 'dossierLifecycle',
    context: ({ input }) => {
      const { type } = input.start;
      const fields = changeFieldsOf(input.start);
      return {
        dossierId: input.dossierId,
        ...(input.dossierCode ? { dossierCode: input.dossierCode } : {}),
        channel: input.channel,
        rules: input.rules,
        lastChange: { ...fields, action: type },
        ...(type === 'dossier.submitted' ? { submittedAt: fields.at } : {}),
        supplementCount: 0,
        countsAsOverdue: false,
        reappointments: [],
      };
    },
    initial: 'created',
    on: {
      'timer.due': { actions: [change('clock.tick'), clock('advance')] },
      'clock.tick': { actions: [change('clock.tick'), clock('advance')] },
      'calendar.changed': { actions: [change('calendar.changed'), clock('reproject')] },
    },
    states: {
      created: { always: [{ guard: 'startsReceived', target: 'received', actions: ['markReceived', clock('start')] }, { target: 'submitted' }] },
      submitted: {
        entry: record(1),
        on: {
          'dossier.received': { target: 'received', actions: [change('dossier.received'), 'markReceived', clock('start')] },
          'dossier.refused': { target: 'refused', actions: change('dossier.refused') },
          'dossier.withdrawn': { target: 'withdrawn', actions: change('dossier.withdrawn') },
        },
      },
      received: {
        entry: record(2),
        on: {
          'processing.started': { target: 'inProcess', actions: change('processing.started') },
          'supplement.requested': { target: 'waitingSupplement', actions: [change('supplement.requested'), 'countSupplement', clock('pauseSupplement')] },
          ...leaving,
          ...reappointment,
        },
      },
      refused: { type: 'final', entry: [record(3), 'close'] },
      inProcess: {
        entry: record(4),
        on: {
          'step.handed_over': { actions: [change('step.handed_over'), record(4)] },
          'supplement.requested': { target: 'waitingSupplement', actions: [change('supplement.requested'), 'countSupplement', clock('pauseSupplement')] },
          'fees.requested': { target: 'waitingFees', actions: [change('fees.requested'), clock('pauseFees')] },
          'dossier.finished': { target: 'finished', actions: [change('dossier.finished'), clock('finish')] },
          ...leaving,
          ...reappointment,
        },
      },
      waitingSupplement: {
        entry: record(5),
        on: {
          'supplement.received': { target: 'inProcess', actions: [change('supplement.received'), clock('resume')] },
          'timer.due': [...windowClose],
          'clock.tick': [...windowClose],
          ...leaving,
          ...reappointment,
        },
      },
      waitingFees: {
        entry: record(6),
        on: {
          'fees.paid': { target: 'inProcess', actions: [change('fees.paid'), clock('resume')] },
          ...leaving,
          ...reappointment,
        },
      },
      withdrawn: { type: 'final', entry: [record(7), 'close'] },
      stopped: { type: 'final', entry: [record(8), 'close'] },
      finished: {
        entry: [record(9), 'markFinished'],
        on: { 'result.returned': { target: 'returned', actions: change('result.returned') } },
      },
      returned: { type: 'final', entry: [record(10), 'markReturned'] },
    },
  });
}

export type DossierLifecycleMachine = ReturnType<typeof createDossierLifecycleMachine>;

const CHANGE_FIELDS = ['at', 'actorId', 'departmentId', 'stepElementId', 'stepStartAt', 'stepDueAt', 'note'] as const;

/** Only the progress-record fields of a command; a refusal or stop reason becomes the note (form 03). */
function changeFieldsOf(event: DossierEvent | DossierLifecycleInput['start']): ChangeFields {
  const source = event as Partial<ChangeFields> & { at: number; reason?: string };
  const fields: Record<string, unknown> = {};
  for (const key of CHANGE_FIELDS) if (source[key] !== undefined) fields[key] = source[key];
  if (fields.note === undefined && source.reason !== undefined) fields.note = source.reason;
  return fields as unknown as ChangeFields;
}
