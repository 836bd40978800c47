/**
 * Class S execution cases of /work/shared/corpus/EXECUTION_CASES.md (BPMN files from bpmn-elements and
 * bpmn-engine, MIT), run on our runtime through a FEEL adapter for their expression dialect. Scripts are host
 * handlers here whose outcome the manifest states; "complete X" means task.completed for the step at X.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProcedure } from '../../../engine/src/model/index';
import type { ProcedureDefinition } from '../../../engine/src/model/index';
import { BpmnError, EngineError } from '../../../engine/src/index';
import type { Handler, HandlerContext, StartOptions } from '../../../engine/src/runtime/index';
import { adaptDefinition } from './corpus-expression-adapter';
import { RuntimeDriver, repoRoot } from './runtime-driver';

const corpus = process.env.BPMN_CORPUS ?? path.resolve(repoRoot, '../shared/corpus');
const svc = (name: string): string => `\${environment.services.${name}}`;

interface CorpusCase {
  id: string;
  file: string;
  title: string;
  conditions?: Record<string, string>;
  /** Handlers by model name, and `scripts` by script task id (the adapter's stand-in for JavaScript bodies). */
  handlers?: () => Record<string, Handler>;
  scripts?: () => Record<string, (context: HandlerContext) => unknown>;
  todo?: string;
  run(start: Start, definition: ProcedureDefinition): Promise<void>;
}

type Start = (options?: StartOptions, extra?: { handlers?: Record<string, Handler>; scripts?: Record<string, (context: HandlerContext) => unknown> }) => Promise<RuntimeDriver>;

const count = (d: RuntimeDriver, id: string): number => d.visited.filter((v) => v === id).length;

const cases: CorpusCase[] = [
  {
    id: 'S1', file: 'E/call-activity.bpmn', title: 'a call activity runs the called process of the same definitions once',
    async run(start) {
      const d = await start();
      expect([count(d, 'call-activity'), count(d, 'task'), count(d, 'end')]).toEqual([1, 1, 1]);
      expect(d.status).toBe('completed');
    },
  },
  {
    id: 'S2', file: 'E/call-activity-signal.bpmn', title: 'a call activity waits inside the called process at its manual task',
    async run(start) {
      const d = await start();
      expect(d.openSteps()).toEqual(['task']);
      await d.complete('task');
      expect(count(d, 'end')).toBe(1);
      expect(d.status).toBe('completed');
    },
  },
  {
    id: 'S3', file: 'E/conditional-flows.bpmn', title: 'a task with two conditional flows and a default takes the right ones',
    async run(start) {
      for (const [variables, taken] of [[{ take2: true }, 'task2'], [{ take2: false, take4: true }, 'task4'], [{ take2: false, take4: false }, 'task3']] as const) {
        const d = await start({ variables });
        expect(['task2', 'task3', 'task4'].filter((id) => d.visited.includes(id))).toEqual([taken]);
        expect(count(d, 'end')).toBe(1);
      }
    },
  },
  {
    id: 'S4', file: 'E/consumer_error.bpmn', title: 'a manual task with several inbound flows is activated once by the one taken path',
    async run(start) {
      const d = await start();
      expect(d.openSteps()).toEqual(['task']);
      expect(d.visited).not.toContain('decision2');
      await d.complete('task');
      expect(d.status).toBe('completed');
    },
  },
  ...(['E/engine-issue-105_1.bpmn', 'E/engine-issue-105_2.bpmn'] as const).map((file, k): CorpusCase => ({
    id: `S${5 + k}`, file, title: 'a service task loop around a user task runs Task2 twice and survives the wait',
    handlers: () => ({
      [svc('doTask1')]: () => ({ task1Done: true }),
      [svc('doTask2')]: ({ variables }) => ({ passTask2: (variables.passTask2 as number) - 1 }),
    }),
    async run(start) {
      const d = await start({ variables: { passTask2: 1 } });
      expect(d.openSteps()).toEqual(['UserTask']);
      await d.complete('UserTask');
      expect([count(d, 'Task1'), count(d, 'Task2'), count(d, 'UserTask'), count(d, 'End')]).toEqual([k, 2, 1, 1]);
      expect(d.status).toBe('completed');
    },
  })),
  {
    id: 'S7', file: 'E/escalation.bpmn', title: 'a non-interrupting escalation boundary broadcasts the signal and the sub-process carries on',
    conditions: { toEscalate: 'amount > 10' },
    async run(start) {
      const d = await start();
      await d.complete('order', { amount: 11 });
      expect(d.effectsOf('signal.broadcast').map((e) => e.name)).toEqual(['Too big signal']);
      expect([count(d, 'endWithSignal'), count(d, 'orderEnd'), count(d, 'end')]).toEqual([1, 1, 1]);
      expect(d.status).toBe('completed');
    },
  },
  {
    id: 'S8', file: 'E/bpmn-error.bpmn', title: 'an error end event cancels the sub-process through its error boundary',
    conditions: { toEscalate: 'amount > 10' },
    async run(start) {
      const d = await start();
      await d.complete('order', { amount: 11 });
      expect(d.effectsOf('signal.broadcast').map((e) => e.name)).toEqual(['Too big signal']);
      expect(d.visited).not.toContain('end');
      expect(d.status).toBe('completed');
    },
  },
  {
    id: 'S9', file: 'E/exclusive-gateway-as-join.bpmn', title: 'exclusive gateways used as merges let the loop-back token and the join token both reach end',
    // `${environment.output.count}` is truthy from 1 on; FEEL conditions must be boolean.
    conditions: { 'to-task1': 'count >= 1' },
    scripts: () => ({ script: ({ variables }) => ({ count: typeof variables.count === 'number' ? variables.count + 1 : 0 }) }),
    async run(start) {
      const d = await start();
      expect([count(d, 'script'), count(d, 'task2'), count(d, 'task1'), count(d, 'end'), count(d, 'loopback-end')]).toEqual([2, 1, 1, 2, 0]);
      expect(d.status).toBe('completed');
    },
  },
  {
    id: 'S10', file: 'E/groups.bpmn', title: 'groups and categories have no effect on the run',
    async run(start) {
      const d = await start();
      expect(d.visited).toEqual(['StartEvent_1', 'Activity_1kgsmgl', 'Activity_1v17yu5', 'Event_09abgyv']);
      expect(d.status).toBe('completed');
    },
  },
  {
    id: 'S11', file: 'E/issue-31.bpmn', title: 'a caught service error leads to a user task whose timer terminates the process',
    conditions: { 'toEnd-flow': 'false' },
    handlers: () => ({
      [svc('makeRequestService')]: () => {
        throw new BpmnError('code000');
      },
    }),
    async run(start) {
      const d = await start({ variables: { timeout: 'PT0.01S' } });
      expect(d.openSteps()).toEqual(['waitForSignalTask']);
      await d.fireTimer('signalTimeoutEvent');
      expect(d.visited).toContain('NotReadyTerminateEvent');
      expect(d.visited).not.toContain('end');
      expect(d.status).toBe('terminated');
    },
  },
  {
    id: 'S12', file: 'E/link-event.bpmn', title: 'a link throw jumps to the link catch of the same name',
    async run(start) {
      const logged: string[] = [];
      const d = await start({ variables: {} }, { scripts: { task1: () => void logged.push('task1'), task2: () => void logged.push('task2') } });
      expect(logged).toEqual(['task1', 'task2']);
      expect(d.status).toBe('completed');
    },
  },
  {
    id: 'S13', file: 'E/swimlanes.bpmn', title: 'steps in lanes, then a manual task inside a sub-process, wait in turn',
    async run(start) {
      const d = await start();
      expect(d.openSteps()).toEqual(['fillform']);
      expect(d.effectsOf('step.activated')[0]!.lane).toBe('customer-lane');
      await d.complete('fillform');
      expect(d.effectsOf('step.activated')[1]).toMatchObject({ elementId: 'approveform', lane: 'admin-lane' });
      await d.complete('approveform');
      expect(d.openSteps()).toEqual(['subtask']);
      expect(d.effectsOf('step.activated')[2]!.lane).toBeUndefined();
      await d.complete('subtask');
      expect(d.status).toBe('completed');
    },
  },
  {
    id: 'S14', file: 'E/two-executable-processes.bpmn', title: 'each executable process runs start, task, end once (one instance per process here)',
    async run(start) {
      for (const [processId, task] of [['Process_1', 'Task_1'], ['Process_2', 'Task_2']] as const) {
        const d = await start({ processId });
        expect(count(d, task)).toBe(1);
        expect(d.status).toBe('completed');
      }
    },
  },
  {
    id: 'S15', file: 'E/signals.bpmn', title: 'a signal thrown by the price admin process interrupts the trade task, which loops back with the new price',
    async run(start) {
      const prices = [100, 99];
      const trade = await start({ processId: 'tradeProcess' }, { handlers: { [svc('getSpotPrice')]: () => prices.shift() } });
      expect(trade.openSteps()).toEqual(['tradeTask']);
      expect(trade.variables.spotPrice).toBe(100);
      // "Update spot price" starts the non-executable admin process through its signal start event (the host's job).
      const admin = await start({ processId: 'spotPriceProcess', startEventId: 'startPriceAdmin' });
      await admin.complete('approveSpotPrice', { newPrice: 99 });
      for (const effect of admin.effectsOf('signal.broadcast')) await trade.signal(effect.name);
      expect(trade.effectsOf('step.cancelled').map((e) => e.elementId)).toEqual(['tradeTask']);
      expect(trade.variables.spotPrice).toBe(99);
      await trade.complete('tradeTask');
      expect(trade.status).toBe('completed');
    },
  },
  {
    id: 'S16', file: 'E/send-signal.bpmn', title: 'a definition without executable process cannot start unless a process is chosen by id',
    async run(start) {
      await expect(start()).rejects.toMatchObject({ code: 'NO_EXECUTABLE_PROCESS' });
      await expect(start({ processId: 'unknown' })).rejects.toBeInstanceOf(EngineError);
      const d = await start({ processId: 'government' });
      expect(d.openSteps()).toEqual(['set-spot-price']);
      await d.complete('set-spot-price');
      expect(d.effectsOf('signal.broadcast').map((e) => e.name)).toEqual(['newSpotPrice']);
      expect(d.status).toBe('completed');
    },
  },
  {
    id: 'S17', file: 'E/signal-after-signal.bpmn', title: 'a signal thrown before its catch event is active is not buffered',
    async run(start) {
      const d = await start();
      expect(d.effectsOf('signal.broadcast')).toHaveLength(1);
      expect(d.status).toBe('running');
      await d.signal('Signal_1');
      expect(d.status).toBe('completed');
    },
  },
  {
    id: 'S18', file: 'E/sub-process.bpmn', title: 'a sub-process waits at its user task, then its script sets subScript',
    scripts: () => ({ subScriptTask: () => ({ subScript: true }) }),
    async run(start) {
      const d = await start();
      expect(d.openSteps()).toEqual(['subUserTask']);
      await d.complete('subUserTask');
      expect(d.visited.at(-1)).toBe('theEnd');
      // Ours writes task results up to the process scope (§10.3.1 propagation) where bpmn-elements keeps them local.
      expect(d.variables.subScript).toBe(true);
    },
  },
  {
    id: 'S19', file: 'E/misp-loopback.bpmn', title: 'a sequential multi-instance sub-process of 10 × 5 iterations loops back once',
    // The upstream condition clears `loopback` as a side effect; here the second round is recognised by the script count.
    conditions: { 'backto-task': 'runs = 50' },
    scripts: () => ({ subscript: ({ variables }) => ({ runs: ((variables.runs as number) ?? 0) + 1 }) }),
    async run(start) {
      const d = await start({ variables: { cardinality: 10, loopback: true } });
      expect(d.variables.runs).toBe(100);
      expect(count(d, 'sub')).toBe(2 * 11);
      expect(d.status).toBe('completed');
      expect(Object.keys(d.snapshot.a)).toEqual([]);
    },
  },
  {
    id: 'S20', file: 'E/misp-parallel-loopback.bpmn', title: 'a parallel multi-instance sub-process opens 10 steps at once and loops back once',
    conditions: { 'backto-task': 'round = 1' },
    async run(start) {
      const d = await start({ variables: { cardinality: 10 } });
      for (const round of [1, 2]) {
        expect(d.openSteps()).toHaveLength(10);
        for (const step of [...d.openSteps()]) await d.complete(step, { round });
      }
      expect(d.status).toBe('completed');
    },
  },
  {
    id: 'S21', file: 'E/timers.bpmn', title: 'cycle start, non-interrupting boundary, date catch: every timer is scheduled, cancelled or fired',
    async run(start) {
      const catchDate = '2026-01-06T08:00:00Z';
      const d = await start({ variables: { catchDate, dueDate: '2026-01-07T08:00:00Z' } });
      expect(d.armedTimers().map((t) => t.elementId)).toEqual(['start-cycle']);
      await d.fireTimer('start-cycle');
      expect(d.armedTimers().map((t) => t.elementId)).toEqual(['bound-duration']);
      await d.complete('task');
      expect(d.visited).not.toContain('duration-end');
      expect(d.armedTimers()).toEqual([{ timerId: expect.any(String), elementId: 'catch-date', dueAt: Date.parse(catchDate) }]);
      await d.fireTimer('catch-date');
      await d.complete('user-due');
      expect(d.armedTimers()).toEqual([]);
      expect(d.status).toBe('completed');
    },
  },
  {
    id: 'S22', file: 'E/transaction.bpmn', title: 'a transaction is cancelled with compensation, or errors, or completes',
    conditions: { yesFlow: 'areUSure = "Yes"', errorFlow: 'areUSure = "abort"' },
    async run(start) {
      let compensations = 0;
      const handlers = { [svc('compensate')]: () => void (compensations += 1) };
      const no = await start({}, { handlers });
      await no.complete('areUSure', { areUSure: 'No' });
      expect([compensations, count(no, 'cancelled'), count(no, 'endCancelled'), count(no, 'end')]).toEqual([1, 1, 1, 0]);
      const abort = await start({}, { handlers });
      await abort.complete('areUSure', { areUSure: 'abort' });
      expect([compensations, count(abort, 'errored'), count(abort, 'endErrored'), count(abort, 'cancelled')]).toEqual([1, 1, 1, 0]);
      const yes = await start({}, { handlers });
      await yes.complete('areUSure', { areUSure: 'Yes' });
      expect([compensations, count(yes, 'end'), count(yes, 'cancelled'), count(yes, 'errored')]).toEqual([1, 1, 0, 0]);
      expect([no.status, abort.status, yes.status]).toEqual(['completed', 'completed', 'completed']);
    },
  },
  {
    id: 'S23', file: 'N/issue-19.bpmn', title: 'a parallel join waits for an asynchronous script, every node runs once',
    scripts: () => ({ Task_B: () => Promise.resolve({ waited: true }) }),
    async run(start) {
      const d = await start({ variables: { timeout: 100 } });
      for (const id of ['Start', 'Parallel1', 'Task_A', 'Task_B', 'Parallel2', 'Task_C', 'End']) expect(count(d, id)).toBe(1);
      expect(d.status).toBe('completed');
    },
  },
  {
    id: 'S24', file: 'N/issue-163.bpmn', title: 'exactly one user task waits at a time, through a sub-process',
    async run(start) {
      const d = await start();
      for (const id of ['Activity_1bpb168', 'Activity_0xqu0xt', 'Activity_0c0569x', 'Activity_09fprjg']) {
        expect(d.openSteps()).toEqual([id]);
        await d.complete(id);
      }
      expect(d.status).toBe('completed');
    },
  },
  {
    id: 'S25', file: 'E/timer-event.bpmn', title: 'a timer catch event waits 50 ms of simulated time',
    async run(start) {
      const d = await start();
      expect(d.armedTimers()[0]!.dueAt - d.clock.now()).toBe(50);
      await d.fireTimer('duration');
      expect(d.status).toBe('completed');
    },
  },
  {
    id: 'S26', file: 'E/multiple-endEvents.bpmn', title: 'inclusive gateways without conditions take every flow',
    scripts: () => ({ script1: ({ variables }) => ({ input: (variables.input as number) + 1 }), script2: ({ variables }) => ({ input: (variables.input as number) + 1 }) }),
    async run(start) {
      const d = await start({ variables: { input: 0 } });
      expect([count(d, 'end1'), count(d, 'end2'), count(d, 'end'), count(d, 'script1'), count(d, 'script2')]).toEqual([1, 1, 1, 1, 1]);
      expect(d.variables.input).toBe(2);
      expect(d.status).toBe('completed');
    },
  },
  {
    id: 'S27', file: 'E/throw-compensate.bpmn', title: 'a compensation throw runs the handler of the completed task once',
    async run(start) {
      const d = await start();
      expect(count(d, 'compensation')).toBe(1);
      expect(d.status).toBe('completed');
    },
  },
  {
    id: 'S28', file: 'E/task-multiple-inbound.bpmn', title: 'a user task cancelled twice by its timer, a script counting the passes',
    scripts: () => ({ script: ({ variables }) => ({ input: ((variables.input as number) ?? 0) + 1 }) }),
    async run(start) {
      const d = await start();
      for (let pass = 0; pass < 2; pass += 1) await d.fireTimer('timerEvent');
      expect(count(d, 'script')).toBe(2);
      expect(d.effectsOf('step.cancelled').map((e) => e.elementId)).toEqual(['user', 'user']);
      expect(d.status).toBe('completed');
    },
  },
  // Class D: bpmn-elements passes "discard" tokens down untaken paths so that parallel joins fire. We follow the
  // spec (§13.3.1: a parallel join waits for a token on every incoming flow) and assert the blocked join instead.
  {
    id: 'D1', file: 'E/parallel-join-edgecase.bpmn', title: 'a parallel join fed by an exclusive choice blocks, as the spec says (bpmn-elements completes)',
    async run(start) {
      const d = await start();
      expect(Object.keys(d.snapshot.j ?? {})).toEqual(['s0/join']);
      expect(d.visited).not.toContain('end');
      expect(d.status).toBe('running');
    },
  },
  {
    id: 'D8', file: 'N/boundary-timeout.bpmn', title: 'a parallel join after a task and its interrupting timer blocks, as the spec says (bpmn-engine completes)',
    async run(start) {
      const d = await start();
      await d.fireTimer('boundTimeoutEvent');
      expect(d.effectsOf('step.cancelled').map((e) => e.elementId)).toEqual(['userTask']);
      expect(Object.keys(d.snapshot.j ?? {})).toEqual(['s0/join']);
      expect(d.status).toBe('running');
    },
  },
];

describe('corpus execution cases, class S and two of class D (EXECUTION_CASES.md)', () => {
  if (!existsSync(corpus)) {
    console.log('skipped: no corpus');
    it.skip('skipped: no corpus', () => undefined);
    return;
  }
  for (const restart of [false, true]) for (const c of cases) {
    const file = path.join(corpus, c.file.replace(/^E\//, 'bpmn-elements/test/resources/').replace(/^N\//, 'bpmn-engine/test/resources/'));
    if (c.todo) {
      if (!restart) it.todo(`${c.id} ${c.title} — ${c.todo}`);
      continue;
    }
    it(`${c.id} ${c.title}${restart ? ' (JSON snapshot restart before every event)' : ''}`, async () => {
      // given
      const { definition } = await parseProcedure(readFileSync(file, 'utf8'));
      const adapted = adaptDefinition(definition!, c.conditions);
      const start: Start = async (options = {}, extra = {}) => {
        const scripts = { ...c.scripts?.(), ...extra.scripts };
        const driver = new RuntimeDriver(adapted, {
          restart,
          handlers: { ...c.handlers?.(), ...extra.handlers, script: (context) => scripts[context.elementId]?.(context) },
        });
        return driver.start(options);
      };
      // when / then
      await c.run(start, adapted);
    });
  }
});
