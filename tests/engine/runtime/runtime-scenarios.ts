/**
 * Behaviour scenarios, one or more per element kind, each on a small fixture. Every scenario runs twice in the
 * suites: straight through, and with a JSON snapshot → restore before every event (restart test).
 */
import { expect } from 'vitest';
import { BpmnError } from '../../../engine/src/runtime/index';
import type { Handler, ResolveProcedure } from '../../../engine/src/runtime/index';
import type { RuntimeDriver } from './runtime-driver';
import { loadDefinition } from './runtime-driver';

export interface Scenario {
  name: string;
  fixture: string;
  handlers?: () => Record<string, Handler>;
  resolveProcedure?: () => Promise<ResolveProcedure>;
  run(driver: RuntimeDriver): Promise<void>;
}

const HOUR = 3_600_000;

export const scenarios: Scenario[] = [
  {
    name: 'a service task merges its handler result and the user task waits until it is completed',
    fixture: 'service-then-user-task',
    handlers: () => ({ computeFee: ({ variables }) => ({ fee: (variables.area as number) * 2 }) }),
    async run(d) {
      // given / when
      await d.start({ variables: { area: 10 } });
      // then
      expect(d.openSteps()).toEqual(['task-review']);
      expect(d.effectsOf('step.activated')[0]).toMatchObject({ elementId: 'task-review', kind: 'userTask', assignment: { agencyId: 'so-tnmt' }, budget: { value: 3, unit: 'workingDays' } });
      await d.complete('task-review', { approved: true });
      expect(d.status).toBe('completed');
      expect(d.variables).toEqual({ area: 10, fee: 20, approved: true });
    },
  },
  {
    name: 'an unknown handler is an incident on its step that a retry resolves once the handler exists',
    fixture: 'service-then-user-task',
    handlers: () => ({}),
    async run(d) {
      // given
      await d.start({ variables: { area: 1 } });
      const incident = d.effectsOf('incident.raised')[0]!;
      expect(incident).toMatchObject({ elementId: 'task-compute-fee', code: 'HANDLER_UNKNOWN' });
      expect(d.status).toBe('running');
      // when: a retry without the handler fails again, a retry after registering it goes on
      await d.send({ type: 'incident.retried', incidentId: incident.incidentId });
      const second = d.effectsOf('incident.raised')[1]!;
      d.registerHandler('computeFee', () => ({ fee: 7 }));
      await d.send({ type: 'incident.retried', incidentId: second.incidentId });
      // then
      expect(d.effectsOf('incident.resolved')).toHaveLength(2);
      expect(d.openSteps()).toEqual(['task-review']);
      expect(d.variables.fee).toBe(7);
    },
  },
  {
    name: 'an exclusive gateway takes the flow whose condition holds',
    fixture: 'exclusive-gateway',
    async run(d) {
      await d.start({ variables: { amount: 11 } });
      expect(d.openSteps()).toEqual(['task-director-approval']);
      await d.complete('task-director-approval');
      expect(d.visited).toEqual(['start', 'gateway-amount', 'task-director-approval', 'end-approved']);
    },
  },
  {
    name: 'an exclusive gateway takes its default flow when no condition holds',
    fixture: 'exclusive-gateway',
    async run(d) {
      await d.start({ variables: { amount: 3 } });
      expect(d.openSteps()).toEqual(['task-clerk-approval']);
    },
  },
  {
    name: 'an exclusive gateway without default raises an incident when no condition holds',
    fixture: 'exclusive-gateway-without-default',
    async run(d) {
      await d.start({ variables: { kind: 'c' } });
      expect(d.effectsOf('incident.raised')[0]).toMatchObject({ elementId: 'gateway-kind', code: 'NO_FLOW_TAKEN' });
      expect(d.status).toBe('running');
    },
  },
  {
    name: 'a parallel join waits for both agencies before the process ends',
    fixture: 'parallel-gateway',
    async run(d) {
      await d.start();
      expect(d.openSteps()).toEqual(['task-land-office', 'task-tax-office']);
      await d.complete('task-tax-office');
      expect(d.status).toBe('running');
      expect(Object.keys(d.snapshot.j ?? {})).toEqual(['s0/join-agencies']);
      await d.complete('task-land-office');
      expect(d.status).toBe('completed');
      expect(d.visited.filter((id) => id === 'join-agencies')).toHaveLength(1);
    },
  },
  {
    name: 'an inclusive join waits only for the branches that were taken and can still arrive',
    fixture: 'inclusive-gateway',
    async run(d) {
      // given: fire and environment opinions are needed, the police default is not
      await d.start({ variables: { needsFire: true, needsEnvironment: true } });
      expect(d.openSteps()).toEqual(['task-environment-office', 'task-fire-department']);
      // when the fire department answers, the environment branch is still upstream of the join
      await d.complete('task-fire-department');
      expect(d.status).toBe('running');
      await d.complete('task-environment-office');
      expect(d.openSteps()).toEqual(['task-environment-check']);
      // then the join fires once the last live branch arrives
      await d.complete('task-environment-check');
      expect(d.status).toBe('completed');
      expect(d.visited).not.toContain('task-police');
    },
  },
  {
    name: 'an inclusive gateway takes its default flow when no condition holds and the join fires on that one token',
    fixture: 'inclusive-gateway',
    async run(d) {
      await d.start({ variables: { needsFire: false, needsEnvironment: false } });
      expect(d.openSteps()).toEqual(['task-police']);
      await d.complete('task-police');
      expect(d.status).toBe('completed');
    },
  },
  {
    name: 'an inclusive join in an unstructured model fires once the other token can no longer reach it',
    fixture: 'inclusive-join-unstructured',
    async run(d) {
      // given: identity is checked, the land-record branch is still upstream of the join
      await d.start();
      await d.complete('task-check-identity');
      expect(d.openSteps()).toEqual(['task-check-land-record']);
      // when the land record is missing, that token ends instead of reaching the join
      await d.complete('task-check-land-record', { recordFound: false });
      // then the join fires on the identity token alone
      expect(d.openSteps()).toEqual(['task-decide']);
      await d.complete('task-decide');
      expect(d.status).toBe('completed');
    },
  },
  {
    name: 'an inclusive join in an unstructured model waits for the second token when it does arrive',
    fixture: 'inclusive-join-unstructured',
    async run(d) {
      await d.start();
      await d.complete('task-check-land-record', { recordFound: true });
      expect(d.openSteps()).toEqual(['task-check-identity']);
      await d.complete('task-check-identity');
      expect(d.openSteps()).toEqual(['task-decide']);
      expect(d.visited.filter((id) => id === 'join-checks')).toHaveLength(1);
    },
  },
  {
    name: 'a conditional catch event waits until another step makes its condition true',
    fixture: 'conditional-wait',
    async run(d) {
      await d.start({ variables: { feePaid: false } });
      expect(d.openSteps()).toEqual(['task-pay-fee']);
      await d.complete('task-pay-fee', { feePaid: true });
      expect(d.openSteps()).toEqual(['task-issue-result']);
      await d.complete('task-issue-result');
      expect(d.status).toBe('completed');
    },
  },
  {
    name: 'an interrupting conditional boundary cancels the review once another step makes its condition true',
    fixture: 'conditional-boundary',
    async run(d) {
      await d.start({ variables: { withdrawn: false } });
      expect(d.openSteps()).toEqual(['task-citizen-portal', 'task-review']);
      await d.complete('task-citizen-portal', { withdrawn: true });
      expect(d.effectsOf('step.cancelled').map((e) => e.elementId)).toEqual(['task-review']);
      expect(d.visited).toContain('end-withdrawn');
      expect(d.status).toBe('completed');
    },
  },
  {
    name: 'an event-based gateway follows the message that comes first and withdraws the timer',
    fixture: 'event-based-gateway',
    async run(d) {
      await d.start();
      expect(d.armedTimers().map((t) => t.elementId)).toEqual(['catch-payment-deadline']);
      await d.message('fee-paid', { receipt: 'BL-1' });
      expect(d.visited).toContain('end-paid');
      expect(d.effectsOf('timer.cancelled').map((e) => e.elementId)).toEqual(['catch-payment-deadline']);
      expect(d.variables.receipt).toBe('BL-1');
      expect(d.status).toBe('completed');
    },
  },
  {
    name: 'an event-based gateway follows its timer three days later when nothing else happens',
    fixture: 'event-based-gateway',
    async run(d) {
      await d.start();
      expect(d.armedTimers()[0]!.dueAt - d.clock.now()).toBe(72 * HOUR);
      await d.fireTimer('catch-payment-deadline');
      expect(d.visited).toContain('end-unpaid');
      expect(d.status).toBe('completed');
    },
  },
  {
    name: 'a non-interrupting cycle timer reminds twice and an interrupting timer ends the step at its deadline',
    fixture: 'boundary-timers',
    async run(d) {
      await d.start();
      expect(d.armedTimers().map((t) => [t.elementId, t.dueAt - d.clock.now()])).toEqual([
        ['boundary-reminder', HOUR],
        ['boundary-deadline', 8 * HOUR],
      ]);
      await d.fireTimer('boundary-reminder');
      await d.fireTimer('boundary-reminder');
      expect(d.armedTimers().map((t) => t.elementId)).toEqual(['boundary-deadline']);
      expect(d.openSteps()).toEqual(['task-review']);
      await d.fireTimer('boundary-deadline');
      expect(d.effectsOf('step.cancelled').map((e) => e.elementId)).toEqual(['task-review']);
      expect(d.visited.filter((id) => id === 'throw-reminder-sent')).toHaveLength(2);
      expect(d.visited).toContain('end-timed-out');
      expect(d.status).toBe('completed');
    },
  },
  {
    name: 'completing a step in time cancels its boundary timers, and a late timer.due is ignored',
    fixture: 'boundary-timers',
    async run(d) {
      await d.start();
      const deadline = d.armedTimers().find((t) => t.elementId === 'boundary-deadline')!;
      await d.complete('task-review');
      expect(d.effectsOf('timer.cancelled').map((e) => e.elementId).sort()).toEqual(['boundary-deadline', 'boundary-reminder']);
      await d.send({ type: 'timer.due', timerId: deadline.timerId });
      expect(d.visited).toContain('end-reviewed');
      expect(d.visited).not.toContain('end-timed-out');
    },
  },
  {
    name: 'a non-interrupting message boundary opens a side step while the step stays open',
    fixture: 'boundary-message-signal',
    async run(d) {
      await d.start();
      await d.message('supplement-received', { pages: 3 });
      expect(d.openSteps()).toEqual(['task-record-supplement', 'task-review']);
      await d.complete('task-record-supplement');
      await d.complete('task-review');
      expect(d.status).toBe('completed');
    },
  },
  {
    name: 'an interrupting signal boundary cancels the step',
    fixture: 'boundary-message-signal',
    async run(d) {
      await d.start();
      await d.signal('law-changed');
      expect(d.effectsOf('step.cancelled').map((e) => e.elementId)).toEqual(['task-review']);
      expect(d.visited).toContain('end-restarted');
      expect(d.status).toBe('completed');
    },
  },
  {
    name: 'a BPMN error thrown by a handler goes to the error boundary of its task',
    fixture: 'error-boundary',
    handlers: () => ({
      verifyId: () => {
        throw new BpmnError('INVALID_ID');
      },
    }),
    async run(d) {
      await d.start();
      expect(d.visited).toEqual(['start', 'task-verify-id', 'boundary-invalid-id', 'end-rejected']);
      expect(d.status).toBe('completed');
    },
  },
  {
    name: 'an error end event inside a sub-process cancels it and leaves through the error boundary',
    fixture: 'error-boundary',
    handlers: () => ({ verifyId: () => ({ idChecked: true }) }),
    async run(d) {
      await d.start();
      await d.complete('task-check-eligibility', { eligible: false });
      expect(d.visited).toContain('boundary-not-eligible');
      expect(d.visited).not.toContain('end-granted');
      expect(d.visited.at(-1)).toBe('end-refused');
      expect(d.status).toBe('completed');
    },
  },
  {
    name: 'a BPMN error inside a called process is caught by an error event sub-process of the caller, which interrupts it',
    fixture: 'error-event-sub-process',
    handlers: () => ({
      queryRegistry: async () => {
        throw new BpmnError('REGISTRY_DOWN');
      },
    }),
    async run(d) {
      await d.start();
      expect(d.effectsOf('step.cancelled').map((e) => e.elementId)).toEqual(['task-review']);
      expect(d.openSteps()).toEqual(['task-manual-lookup']);
      await d.complete('task-manual-lookup');
      expect(d.visited).not.toContain('end');
      expect(d.status).toBe('completed');
    },
  },
  {
    name: 'an error nobody catches is reported and the instance ends as failed',
    fixture: 'error-end-uncaught',
    async run(d) {
      await d.start();
      expect(d.effectsOf('error.unhandled')).toMatchObject([{ elementId: 'end-error-registry-down', code: 'REGISTRY_DOWN' }]);
      expect(d.effectsOf('step.cancelled').map((e) => e.elementId)).toEqual(['task-review']);
      expect(d.status).toBe('failed');
    },
  },
  {
    name: 'a non-interrupting escalation boundary opens the head of unit step and the sub-process carries on',
    fixture: 'escalation',
    async run(d) {
      await d.start();
      expect(d.effectsOf('escalation.raised')).toMatchObject([{ elementId: 'throw-late', code: 'LATE', caught: true }]);
      expect(d.openSteps()).toEqual(['task-notify-head', 'task-work']);
      await d.complete('task-work');
      await d.complete('task-notify-head');
      expect(d.visited).toContain('end');
      expect(d.status).toBe('completed');
    },
  },
  {
    name: 'an interrupting message event sub-process withdraws the dossier',
    fixture: 'event-sub-process',
    async run(d) {
      await d.start();
      await d.message('dossier-withdrawn');
      expect(d.effectsOf('step.cancelled').map((e) => e.elementId)).toEqual(['task-review']);
      expect(d.openSteps()).toEqual(['task-archive']);
      expect(d.armedTimers()).toEqual([]);
      await d.complete('task-archive');
      expect(d.status).toBe('completed');
    },
  },
  {
    name: 'a non-interrupting timer event sub-process reports daily while the review goes on',
    fixture: 'event-sub-process',
    async run(d) {
      await d.start();
      await d.fireTimer('start-daily-report');
      await d.fireTimer('start-daily-report');
      expect(d.visited.filter((id) => id === 'end-reported')).toHaveLength(2);
      expect(d.openSteps()).toEqual(['task-review']);
      await d.complete('task-review');
      expect(d.status).toBe('completed');
      expect(d.armedTimers()).toEqual([]);
    },
  },
  {
    name: 'a call activity runs a process of the same definitions and a deployed procedure inside one instance',
    fixture: 'call-activity',
    resolveProcedure: async () => {
      const tax = await loadDefinition('called-tax-assessment');
      return (calledElement, version) => (calledElement === 'procedure-tax-assessment' ? { definition: tax, version: version ?? '3' } : undefined);
    },
    async run(d) {
      await d.start({ variables: { area: 100 } });
      expect(d.openSteps()).toEqual(['task-set-price']);
      await d.complete('task-set-price', { price: 5 });
      expect(d.variables.landValue).toBe(500);
      expect(d.openSteps()).toEqual(['task-assess-tax']);
      expect(d.effectsOf('step.activated').at(-1)).toMatchObject({ assignment: { agencyId: 'chi-cuc-thue' } });
      expect(d.snapshot.cv).toEqual({ 'procedure-tax-assessment': '3' });
      await d.complete('task-assess-tax', { tax: 25 });
      expect(d.status).toBe('completed');
      expect(d.variables).toEqual({ area: 100, landValue: 500, tax: 25 });
    },
  },
  {
    name: 'a parallel multi-instance step opens one step per agency and collects their opinions',
    fixture: 'multi-instance',
    async run(d) {
      await d.start({ variables: { agencies: ['tax', 'land', 'police'] } });
      expect(d.openSteps()).toEqual(['task-agency-opinion', 'task-agency-opinion', 'task-agency-opinion']);
      const [first, second, third] = Object.keys(d.snapshot.a).filter((id) => d.snapshot.a[id]!.b);
      await d.send({ type: 'task.completed', stepId: third!, variables: { opinion: 'no' } });
      await d.send({ type: 'task.completed', stepId: first!, variables: { opinion: 'yes' } });
      await d.send({ type: 'task.completed', stepId: second!, variables: { opinion: 'ok' } });
      expect(d.variables.opinions).toEqual(['yes', 'ok', 'no']);
      // then the sequential vote stops after three of five votes (completion condition)
      for (let vote = 0; vote < 3; vote += 1) {
        expect(d.openSteps()).toEqual(['task-council-vote']);
        await d.complete('task-council-vote');
      }
      expect(d.status).toBe('completed');
    },
  },
  {
    name: 'a standard loop repeats the portal call until the portal accepts',
    fixture: 'standard-loop',
    handlers: () => {
      let calls = 0;
      return { sendToPortal: () => ({ accepted: ++calls >= 3, calls }) };
    },
    async run(d) {
      await d.start();
      expect(d.variables).toEqual({ accepted: true, calls: 3 });
      expect(d.status).toBe('completed');
    },
  },
  {
    name: 'intermediate events wait for a message, a timer and a signal, pass a condition that holds, then link to the end',
    fixture: 'intermediate-events',
    async run(d) {
      await d.start();
      expect(d.effectsOf('message.sent').map((e) => e.name)).toEqual(['notice-to-citizen']);
      await d.message('documents-received', { pages: 4, feePaid: true });
      await d.fireTimer('catch-cooling-off');
      expect(d.status).toBe('running');
      await d.signal('portal-open');
      expect(d.effectsOf('signal.broadcast').map((e) => e.name)).toEqual(['dossier-closed']);
      expect(d.visited.slice(-4)).toEqual(['throw-link-archive', 'catch-link-archive', 'throw-closed', 'end']);
      expect(d.status).toBe('completed');
    },
  },
  {
    name: 'a terminate end event ends the instance and cancels the other open step',
    fixture: 'terminate-end-event',
    async run(d) {
      await d.start();
      await d.complete('task-refuse-intake');
      expect(d.effectsOf('step.cancelled').map((e) => e.elementId)).toEqual(['task-review']);
      expect(d.effectsOf('process.terminated')).toHaveLength(1);
      expect(d.status).toBe('terminated');
    },
  },
  {
    name: 'trigger start events wait inside the instance and the first one to fire starts it',
    fixture: 'start-events',
    async run(d) {
      await d.start();
      expect(d.armedTimers().map((t) => [t.elementId, new Date(t.dueAt).toISOString()])).toEqual([['start-nightly-batch', '2026-01-06T17:00:00.000Z']]);
      await d.message('online-submission', { channel: 'online' });
      expect(d.effectsOf('timer.cancelled').map((e) => e.elementId)).toEqual(['start-nightly-batch']);
      expect(d.openSteps()).toEqual(['task-intake']);
    },
  },
  {
    name: 'a start event chosen by the host starts at once',
    fixture: 'start-events',
    async run(d) {
      await d.start({ startEventId: 'start-nightly-batch' });
      expect(d.armedTimers()).toEqual([]);
      expect(d.openSteps()).toEqual(['task-intake']);
    },
  },
  {
    name: 'asynchronous handlers, send, receive and manual tasks run in order',
    fixture: 'async-handler',
    handlers: () => ({
      lookupRegistry: async () => ({ registered: true }),
      computeScore: ({ variables }) => Promise.resolve({ score: variables.registered ? 10 : 0 }),
    }),
    async run(d) {
      await d.start();
      expect(d.variables).toEqual({ registered: true, score: 10 });
      expect(d.effectsOf('message.sent').map((e) => e.name)).toEqual(['result-ready']);
      expect(d.openSteps()).toEqual(['task-receive-ack']);
      await d.message('result-acknowledged');
      expect(d.openSteps()).toEqual(['task-hand-over-paper']);
      await d.complete('task-hand-over-paper');
      expect(d.status).toBe('completed');
    },
  },
  {
    name: 'a compensation throw runs the handler of the completed reservation',
    fixture: 'compensation',
    handlers: () => ({ reserveSlot: () => ({ slot: 'A1' }), releaseSlot: () => ({ slot: null }) }),
    async run(d) {
      await d.start();
      await d.complete('task-citizen-confirms', { confirmed: false });
      expect(d.visited).toContain('task-release-slot');
      expect(d.variables.slot).toBeNull();
      expect(d.status).toBe('completed');
    },
  },
];
