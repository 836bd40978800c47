/**
 * Conformance cases on the Camunda 7 engine's own test models (camunda-bpm-platform, Apache-2.0), read by path from
 * the shared corpus and never copied. Each case: the model, start variables, the driver steps and the observable
 * outcome (waiting steps, entered elements, end events, final status and variables). The outcomes follow BPMN 2.0
 * and what each model's name says it tests; where Camunda 7 or bpmn-elements differ and the spec says otherwise,
 * the case follows the spec and says so in a comment (see README.md).
 *
 * JUEL conditions are translated into FEEL by `juel-to-feel.ts`. Camunda `manualTask`s are pass-through in
 * Camunda 7; ours wait for completion (README.md), so the driver completes them.
 *
 * A joining gateway is entered once per activation (when it fires), so `counts` of a join that merged n tokens is 1.
 * A multi-instance activity is entered once for its body and once per inner instance: n instances count n + 1.
 * A message that no subscription waits for is refused (EVENT_NOT_EXPECTED), as Camunda's correlateMessage refuses it.
 */
import { BpmnError } from '../../../engine/src/runtime/index';
import type { Handler } from '../../../engine/src/runtime/index';
import type { CamundaCase } from './camunda-case';

const gw = (name: string): string => `gateway/${name}.bpmn20.xml`;

const exclusiveGateway: CamundaCase[] = [
  ...[1, 2, 3].map((input): CamundaCase => ({
    name: `ExclusiveGatewayTest.testDivergingExclusiveGateway: input ${input} takes only the flow to theTask${input}`,
    kind: 'exclusive gateway', file: gw('ExclusiveGatewayTest.testDivergingExclusiveGateway'), variables: { input },
    start: { waiting: [`theTask${input}`] },
    steps: [{ complete: `theTask${input}` }],
    end: { status: 'completed', counts: { theTask1: input === 1 ? 1 : 0, theTask2: input === 2 ? 1 : 0, theTask3: input === 3 ? 1 : 0, theEnd: 1 } },
  })),
  {
    name: 'ExclusiveGatewayTest.testDefaultSequenceFlow: takes the default flow when no condition holds',
    kind: 'exclusive gateway', file: gw('ExclusiveGatewayTest.testDefaultSequenceFlow'), variables: { input: 5 },
    start: { waiting: ['theTask2'], notEntered: ['theTask1', 'theTask3'] },
    steps: [{ complete: 'theTask2' }],
    end: { status: 'completed', counts: { theEnd: 1 } },
  },
  {
    name: 'ExclusiveGatewayTest.testDefaultSequenceFlow: a holding condition wins over the default flow',
    kind: 'exclusive gateway', file: gw('ExclusiveGatewayTest.testDefaultSequenceFlow'), variables: { input: 3 },
    start: { waiting: ['theTask3'], notEntered: ['theTask2'] },
    steps: [{ complete: 'theTask3' }],
    end: { status: 'completed' },
  },
  {
    name: 'ExclusiveGatewayTest.testMultipleValidConditions: the first holding condition in model order is taken (§13.3.2)',
    kind: 'exclusive gateway', file: gw('ExclusiveGatewayTest.testMultipleValidConditions'), variables: { input: 5 },
    start: { waiting: ['theTask2'], notEntered: ['theTask3'] },
    steps: [{ complete: 'theTask2' }],
    end: { status: 'completed', counts: { theEnd: 1 } },
  },
  {
    name: 'ExclusiveGatewayTest.testDecisionFunctionality: with no holding condition and no default the gateway stops with an incident',
    // Camunda 7 throws ProcessEngineException at start; our engine keeps the instance and raises an incident (§13.3.2: exception).
    kind: 'exclusive gateway', file: gw('ExclusiveGatewayTest.testDecisionFunctionality'), variables: { input: 4 },
    end: { status: 'running', waiting: [], incidents: ['exclusiveGw:NO_FLOW_TAKEN'], notEntered: ['theTask1', 'theTask2', 'theTask3', 'theEnd'] },
  },
  {
    name: 'ExclusiveGatewayTest.testMergingExclusiveGateway: an exclusive merge passes each of three arriving tokens on',
    kind: 'exclusive gateway', file: gw('ExclusiveGatewayTest.testMergingExclusiveGateway'),
    start: { waiting: ['theTask', 'theTask', 'theTask'], counts: { exclusiveGw: 3 } },
    steps: [{ complete: 'theTask' }, { complete: 'theTask' }, { complete: 'theTask' }],
    end: { status: 'completed', counts: { theEnd: 3 } },
  },
  {
    name: 'ExclusiveGatewayTest.testWhitespaceInExpression: conditions with surrounding whitespace still decide',
    kind: 'exclusive gateway', file: gw('ExclusiveGatewayTest.testWhitespaceInExpression'), variables: { input: 1 },
    start: { waiting: ['theTask1'] },
    steps: [{ complete: 'theTask1' }],
    end: { status: 'completed', notEntered: ['theTask2'] },
  },
  {
    name: 'ExclusiveGatewayTest.testNoIdOnSequenceFlow: the unconditioned flow is taken when the condition does not hold',
    kind: 'exclusive gateway', file: gw('ExclusiveGatewayTest.testNoIdOnSequenceFlow'), variables: { input: 3 }, toleratedIssues: ['EXCLUSIVE_GATEWAY_UNGUARDED'],
    start: { waiting: ['theTask2'] },
    steps: [{ complete: 'theTask2' }],
    end: { status: 'completed', notEntered: ['theTask1'] },
  },
];

const inclusiveGateway: CamundaCase[] = [
  {
    name: 'InclusiveGatewayTest.testDivergingInclusiveGateway: input 1 activates all three holding flows',
    kind: 'inclusive gateway', file: gw('InclusiveGatewayTest.testDivergingInclusiveGateway'), variables: { input: 1 },
    start: { waiting: ['theTask1', 'theTask2', 'theTask3'] },
    steps: [{ complete: 'theTask1' }, { complete: 'theTask2' }, { complete: 'theTask3' }],
    end: { status: 'completed', counts: { theEnd: 3 } },
  },
  {
    name: 'InclusiveGatewayTest.testDivergingInclusiveGateway: input 3 activates only the one holding flow',
    kind: 'inclusive gateway', file: gw('InclusiveGatewayTest.testDivergingInclusiveGateway'), variables: { input: 3 },
    start: { waiting: ['theTask3'] },
    steps: [{ complete: 'theTask3' }],
    end: { status: 'completed', counts: { theEnd: 1 }, notEntered: ['theTask1', 'theTask2'] },
  },
  {
    name: 'InclusiveGatewayTest.testDefaultSequenceFlow: the default flow is taken only when no condition holds',
    kind: 'inclusive gateway', file: gw('InclusiveGatewayTest.testDefaultSequenceFlow'), variables: { input: 5 },
    start: { waiting: ['theTask2'] },
    steps: [{ complete: 'theTask2' }],
    end: { status: 'completed', notEntered: ['theTask1', 'theTask3'] },
  },
  {
    name: 'InclusiveGatewayTest.testDefaultSequenceFlow: two holding conditions leave the default flow out',
    kind: 'inclusive gateway', file: gw('InclusiveGatewayTest.testDefaultSequenceFlow'), variables: { input: 1 },
    start: { waiting: ['theTask1', 'theTask3'] },
    steps: [{ complete: 'theTask3' }, { complete: 'theTask1' }],
    end: { status: 'completed', notEntered: ['theTask2'], counts: { theEnd: 2 } },
  },
  {
    name: 'InclusiveGatewayTest.testDecisionFunctionality: input 2 takes the two flows whose conditions hold',
    kind: 'inclusive gateway', file: gw('InclusiveGatewayTest.testDecisionFunctionality'), variables: { input: 2 },
    start: { waiting: ['theTask2', 'theTask3'] },
    steps: [{ complete: 'theTask2' }, { complete: 'theTask3' }],
    end: { status: 'completed', notEntered: ['theTask1'] },
  },
  {
    name: 'InclusiveGatewayTest.testMergingInclusiveGateway: the merge waits for both started tokens and continues once',
    kind: 'inclusive gateway', file: gw('InclusiveGatewayTest.testMergingInclusiveGateway'), variables: { input: 2 },
    start: { waiting: ['theTask'], counts: { inclusiveGw: 1 } },
    steps: [{ complete: 'theTask' }],
    end: { status: 'completed', counts: { theTask: 1, theEnd: 1 } },
  },
  {
    name: 'InclusiveGatewayTest.testPartialMergingInclusiveGateway: the full merge waits for the token still at partialTask',
    kind: 'inclusive gateway', file: gw('InclusiveGatewayTest.testPartialMergingInclusiveGateway'), variables: { input: 0 },
    start: { waiting: ['partialTask'], notEntered: ['theTask'] },
    steps: [{ complete: 'partialTask', then: { waiting: ['theTask'] } }, { complete: 'theTask' }],
    end: { status: 'completed', counts: { theTask: 1, theEnd: 1 } },
  },
  {
    name: 'InclusiveGatewayTest.testPartialMergingInclusiveGateway: with only partialTask started the merge does not wait for dead paths',
    kind: 'inclusive gateway', file: gw('InclusiveGatewayTest.testPartialMergingInclusiveGateway'), variables: { input: 3 },
    start: { waiting: ['partialTask'], notEntered: ['partialInclusiveGw'] },
    steps: [{ complete: 'partialTask', then: { waiting: ['theTask'] } }, { complete: 'theTask' }],
    end: { status: 'completed', counts: { theTask: 1 } },
  },
  {
    name: 'InclusiveGatewayTest.testSplitMergeSplit: split into two tasks, merge, then one task after the merge',
    kind: 'inclusive gateway', file: gw('InclusiveGatewayTest.testSplitMergeSplit'), variables: { input: 1 },
    start: { waiting: ['theTask1', 'theTask2'] },
    steps: [{ complete: 'theTask1', then: { waiting: ['theTask2'] } }, { complete: 'theTask2', then: { waiting: ['theTask3'] } }, { complete: 'theTask3' }],
    end: { status: 'completed', counts: { theTask3: 1, theEnd: 1 } },
  },
  {
    name: 'InclusiveGatewayTest.testJoinAfterSubprocesses: the join waits for the second sub-process before usertask3',
    kind: 'inclusive gateway', file: gw('InclusiveGatewayTest.testJoinAfterSubprocesses'), variables: { a: 1, b: 1 },
    start: { waiting: ['usertask1', 'usertask2'] },
    steps: [{ complete: 'usertask1', then: { waiting: ['usertask2'] } }, { complete: 'usertask2', then: { waiting: ['usertask3'] } }, { complete: 'usertask3' }],
    end: { status: 'completed', counts: { usertask3: 1 } },
  },
  {
    name: 'InclusiveGatewayTest.testJoinAfterSubprocesses: with only one sub-process started the join does not wait',
    kind: 'inclusive gateway', file: gw('InclusiveGatewayTest.testJoinAfterSubprocesses'), variables: { a: 1, b: 2 },
    start: { waiting: ['usertask1'] },
    steps: [{ complete: 'usertask1', then: { waiting: ['usertask3'] } }, { complete: 'usertask3' }],
    end: { status: 'completed', notEntered: ['subprocess2'] },
  },
  {
    name: 'InclusiveGatewayTest.testJoinAfterCall: the join waits for the task inside the called process (another corpus file)',
    kind: 'inclusive gateway', file: gw('InclusiveGatewayTest.testJoinAfterCall'), calledFiles: [gw('InclusiveGatewayTest.testJoinAfterCallSubProcess')],
    start: { waiting: ['taskA', 'taskB', 'taskC'] },
    steps: [
      { complete: 'taskA' },
      { complete: 'taskC', then: { waiting: ['taskB'], notEntered: ['taskD'] } },
      { complete: 'taskB', then: { waiting: ['taskD'] } },
      { complete: 'taskD' },
    ],
    end: { status: 'completed', counts: { taskD: 1, inclusivegateway2: 1 } },
  },
  {
    name: 'InclusiveGatewayTest.testJoinAfterEventBasedGateway: the join waits for the token parked at the event-based gateway',
    kind: 'inclusive gateway', file: gw('InclusiveGatewayTest.testJoinAfterEventBasedGateway'),
    start: { waiting: ['theTask'] },
    steps: [{ complete: 'theTask', then: { waiting: [], notEntered: ['taskAfterJoin'] } }, { message: 'foo', then: { waiting: ['taskAfterJoin'] } }, { complete: 'taskAfterJoin' }],
    end: { status: 'completed', notEntered: ['catch2'], counts: { taskAfterJoin: 1 } },
  },
  {
    name: 'InclusiveGatewayTest.testJoinAfterEventBasedGatewayInSubProcess: the same join inside a sub-process',
    kind: 'inclusive gateway', file: gw('InclusiveGatewayTest.testJoinAfterEventBasedGatewayInSubProcess'),
    start: { waiting: ['theTask'] },
    steps: [{ message: 'bar', then: { waiting: ['theTask'] } }, { complete: 'theTask', then: { waiting: ['taskAfterJoin'] } }, { complete: 'taskAfterJoin' }],
    end: { status: 'completed', notEntered: ['catch1'], counts: { theEnd: 1 } },
  },
  {
    name: 'InclusiveGatewayTest.testJoinAfterEventBasedGatewayContainedInSubProcess: the join waits for the sub-process with the event-based gateway',
    kind: 'inclusive gateway', file: gw('InclusiveGatewayTest.testJoinAfterEventBasedGatewayContainedInSubProcess'),
    start: { waiting: ['theTask'] },
    steps: [{ complete: 'theTask', then: { waiting: [], notEntered: ['taskAfterJoin'] } }, { message: 'foo', then: { waiting: ['taskAfterJoin'] } }, { complete: 'taskAfterJoin' }],
    end: { status: 'completed' },
  },
  {
    name: 'InclusiveGatewayTest.testJoinAfterNestedScopes: the join waits for the task two sub-processes deep',
    kind: 'inclusive gateway', file: gw('InclusiveGatewayTest.testJoinAfterNestedScopes'),
    start: { waiting: ['innersubprocessTask', 'task'] },
    steps: [{ complete: 'task', then: { waiting: ['innersubprocessTask'] } }, { complete: 'innersubprocessTask', then: { waiting: ['taskAfterJoin'] } }, { complete: 'taskAfterJoin' }],
    end: { status: 'completed', counts: { taskAfterJoin: 1 } },
  },
  {
    name: 'InclusiveGatewayTest.testJoinAfterParallelMultiInstanceSubProcess: the join waits for both sub-process instances',
    kind: 'inclusive gateway', file: gw('InclusiveGatewayTest.testJoinAfterParallelMultiInstanceSubProcess'),
    start: { waiting: ['innerTask', 'innerTask', 'task'] },
    steps: [{ complete: 'task' }, { complete: 'innerTask', then: { waiting: ['innerTask'] } }, { complete: 'innerTask', then: { waiting: ['taskAfterJoin'] } }, { complete: 'taskAfterJoin' }],
    end: { status: 'completed', counts: { innerTask: 2, taskAfterJoin: 1 } },
  },
];

const parallelGateway: CamundaCase[] = [
  {
    name: 'ParallelGatewayTest.testForkJoin: the join fires once, after both forked tasks',
    kind: 'parallel gateway', file: gw('ParallelGatewayTest.testForkJoin'),
    start: { waiting: ['receivePayment', 'shipOrder'] },
    steps: [{ complete: 'receivePayment', then: { waiting: ['shipOrder'] } }, { complete: 'shipOrder', then: { waiting: ['archiveOrder'] } }, { complete: 'archiveOrder' }],
    end: { status: 'completed', counts: { join: 1, archiveOrder: 1, theEnd: 1 } },
  },
  {
    name: 'ParallelGatewayTest.testUnbalancedForkJoin: task4 waits for two of three branches, the end for task3 and task4',
    kind: 'parallel gateway', file: gw('ParallelGatewayTest.testUnbalancedForkJoin'),
    start: { waiting: ['task1', 'task2', 'task3'] },
    steps: [{ complete: 'task1' }, { complete: 'task2', then: { waiting: ['task3', 'task4'] } }, { complete: 'task3', then: { waiting: ['task4'] } }, { complete: 'task4' }],
    end: { status: 'completed', counts: { theEnd: 1, task4: 1 } },
  },
  {
    name: 'ParallelGatewayTest.testNestedForkJoin: the nested join completes before the outer join',
    kind: 'parallel gateway', file: gw('ParallelGatewayTest.testNestedForkJoin'),
    start: { waiting: ['Task_0'] },
    steps: [
      { complete: 'Task_0', then: { waiting: ['Task_A', 'Task_B'] } },
      { complete: 'Task_B', then: { waiting: ['Task_A', 'Task_B1', 'Task_B2'] } },
      { complete: 'Task_B1' },
      { complete: 'Task_A', then: { waiting: ['Task_B2'] } },
      { complete: 'Task_B2', then: { waiting: ['Task_C'] } },
      { complete: 'Task_C' },
    ],
    end: { status: 'completed', counts: { End: 1, Task_C: 1 } },
  },
  {
    name: 'ParallelGatewayTest.testSplitMergeNoWaitstates: three flows from fork to join end in one token',
    kind: 'parallel gateway', file: gw('ParallelGatewayTest.testSplitMergeNoWaitstates'),
    end: { status: 'completed', counts: { join: 1, theEnd: 1 } },
  },
  {
    name: 'ParallelGatewayTest.testForkFollowedByOnlyEndEvents: the process completes when both end events are reached',
    kind: 'parallel gateway', file: gw('ParallelGatewayTest.testForkFollowedByOnlyEndEvents'),
    end: { status: 'completed', counts: { end1: 1, end2: 1 } },
  },
  {
    name: 'ParallelGatewayTest.testNestedForksFollowedByEndEvents: four end events each reached once',
    kind: 'parallel gateway', file: gw('ParallelGatewayTest.testNestedForksFollowedByEndEvents'),
    end: { status: 'completed', counts: { end1: 1, end2: 1, end3: 1, end4: 1 } },
  },
  {
    name: 'ParallelGatewayTest.testUnstructuredConcurrencyTwoForks: one join collects four tokens from two forks',
    kind: 'parallel gateway', file: gw('ParallelGatewayTest.testUnstructuredConcurrencyTwoForks'),
    start: { waiting: ['task1', 'task2', 'task3', 'task4'] },
    steps: [{ complete: 'task1' }, { complete: 'task2' }, { complete: 'task3', then: { notEntered: ['theEnd'] } }, { complete: 'task4' }],
    end: { status: 'completed', counts: { join: 1, theEnd: 1 } },
  },
  {
    name: 'ParallelGatewayTest.testUnstructuredConcurrencyTwoJoins: the second join collects the third branch and three more',
    kind: 'parallel gateway', file: gw('ParallelGatewayTest.testUnstructuredConcurrencyTwoJoins'),
    start: { waiting: ['task1', 'task2', 'task3'] },
    steps: [
      { complete: 'task3' },
      { complete: 'task1' },
      { complete: 'task2', then: { waiting: ['task4', 'task5', 'task6'] } },
      { complete: 'task4' },
      { complete: 'task5' },
      { complete: 'task6' },
    ],
    end: { status: 'completed', counts: { join2: 1, theEnd: 1 } },
  },
  {
    name: 'ParallelGatewayTest.testParallelGatewayBeforeAndInSubProcess: a fork inside a sub-process next to a fork outside',
    kind: 'parallel gateway', file: 'gateway/ParallelGatewayTest.testParallelGatewayBeforeAndInSubProcess.bpmn',
    start: { waiting: ['UserTask_1', 'UserTask_2', 'UserTask_4'] },
    steps: [{ complete: 'UserTask_2' }, { complete: 'UserTask_4', then: { waiting: ['UserTask_1'], entered: ['EndEvent_4'] } }, { complete: 'UserTask_1' }],
    end: { status: 'completed', counts: { EndEvent_1: 1, EndEvent_4: 1 } },
  },
  {
    name: 'ParallelGatewayTest.testReceyclingExecutionWithCallActivity: a forked call activity runs its child process next to a user task',
    kind: 'parallel gateway', file: gw('ParallelGatewayTest.testReceyclingExecutionWithCallActivity'), processId: 'parent-process',
    start: { waiting: ['sid-1F49ED80-AAF9-404B-81D7-C861BD4B720F', 'sid-AC64BD66-A295-4B1D-93F7-AB8F0AE05966'] },
    steps: [{ complete: 'sid-AC64BD66-A295-4B1D-93F7-AB8F0AE05966', then: { waiting: ['sid-1F49ED80-AAF9-404B-81D7-C861BD4B720F'] } }, { complete: 'sid-1F49ED80-AAF9-404B-81D7-C861BD4B720F' }],
    end: { status: 'completed', counts: { 'sid-B6458A9D-5A31-4D20-AB14-D2B29B984210': 1, 'sid-5063CC5A-B72E-4368-95BE-071F25311520': 1 } },
  },
  {
    name: 'ParallelGatewayTest.testCompletingJoin: a join without outgoing flows ends the process once both tasks arrived',
    kind: 'parallel gateway', file: 'gateway/ParallelGatewayTest.testCompletingJoin.bpmn', toleratedIssues: ['GATEWAY_WITHOUT_OUTGOING'],
    end: { status: 'completed', counts: { Task_1: 1, Task_2: 1, parallelJoinEnd: 1 } },
  },
  {
    name: 'ParallelGatewayTest.testCompletingJoinInSubProcess: the same join inside a sub-process completes the sub-process',
    kind: 'parallel gateway', file: 'gateway/ParallelGatewayTest.testCompletingJoinInSubProcess.bpmn', toleratedIssues: ['GATEWAY_WITHOUT_OUTGOING'],
    end: { status: 'completed', counts: { parallelJoinEnd: 1, SubProcess_1: 1 } },
  },
];

const eventBasedGateway: CamundaCase[] = [
  {
    name: 'EventBasedGatewayTest.testCatchAlertAndTimer: the signal wins the race and the timer is cancelled',
    kind: 'event-based gateway', file: gw('EventBasedGatewayTest.testCatchAlertAndTimer'),
    start: { waiting: [], timers: ['timerEvent'] },
    steps: [{ signal: 'alert', then: { waiting: ['task2'], timers: [] } }, { complete: 'task2' }],
    end: { status: 'completed', notEntered: ['timerEvent', 'task1'] },
  },
  {
    name: 'EventBasedGatewayTest.testCatchAlertAndTimer: the timer wins the race and a later signal is ignored',
    kind: 'event-based gateway', file: gw('EventBasedGatewayTest.testCatchAlertAndTimer'),
    steps: [{ timer: 'timerEvent', then: { waiting: ['task1'] } }, { signal: 'alert', then: { waiting: ['task1'] } }, { complete: 'task1' }],
    end: { status: 'completed', notEntered: ['signalEvent', 'task2'] },
  },
  {
    name: 'EventBasedGatewayTest.testCatchSignalAndMessageAndTimer: the message wins a three-way race',
    kind: 'event-based gateway', file: gw('EventBasedGatewayTest.testCatchSignalAndMessageAndTimer'),
    start: { timers: ['timerEvent'] },
    steps: [{ message: 'newInvoice', then: { waiting: ['task3'], timers: [] } }, { signal: 'alert', then: { waiting: ['task3'] } }, { complete: 'task3' }],
    end: { status: 'completed', notEntered: ['task1', 'task2', 'signalEvent'] },
  },
];


const timer = (name: string): string => `event/timer/${name}.bpmn20.xml`;
const dummy = (): Record<string, Handler> => ({
  // DummyServiceTask only records that it ran in a static field; no variables.
  'org.camunda.bpm.engine.test.bpmn.event.timer.DummyServiceTask': () => ({}),
});

const timers: CamundaCase[] = [
  {
    name: 'IntermediateTimerEventTest.testCatchingTimerEvent: the token waits at the timer and ends when it is due',
    kind: 'intermediate timer', file: timer('IntermediateTimerEventTest.testCatchingTimerEvent'),
    start: { status: 'running', timers: ['timer'], waiting: [] },
    steps: [{ timer: 'timer' }],
    end: { status: 'completed', counts: { theEnd: 1 }, timers: [] },
  },
  {
    name: 'IntermediateTimerEventTest.testExpression: the timer date comes from the dueDate variable',
    kind: 'intermediate timer', file: timer('IntermediateTimerEventTest.testExpression'), variables: { dueDate: '2026-01-06T01:00:00Z' },
    start: { timers: ['timer'] },
    steps: [{ timer: 'timer' }],
    end: { status: 'completed', counts: { theEnd: 1 } },
  },
  {
    name: 'BoundaryTimerEventTest.testInterruptingTimerDuration: the due timer cancels firstLineSupport and escalates',
    kind: 'boundary timer', file: timer('BoundaryTimerEventTest.testInterruptingTimerDuration'),
    start: { waiting: ['firstLineSupport'], timers: ['escalationTimer'] },
    steps: [{ timer: 'escalationTimer', then: { waiting: ['handleEscalation'] } }, { complete: 'handleEscalation' }],
    end: { status: 'completed', counts: { escalatedEnd: 1 }, notEntered: ['normalEnd'] },
  },
  {
    name: 'BoundaryTimerEventTest.testInterruptingTimerDuration: completing the task first cancels the timer',
    kind: 'boundary timer', file: timer('BoundaryTimerEventTest.testInterruptingTimerDuration'),
    steps: [{ complete: 'firstLineSupport' }],
    end: { status: 'completed', timers: [], counts: { normalEnd: 1 }, notEntered: ['escalationTimer', 'handleEscalation'] },
  },
  {
    name: 'BoundaryTimerEventTest.testMultipleTimersOnUserTask: the earliest of three interrupting timers wins',
    kind: 'boundary timer', file: timer('BoundaryTimerEventTest.testMultipleTimersOnUserTask'),
    start: { timers: ['escalationTimer1', 'escalationTimer2', 'escalationTimer3'] },
    steps: [{ timer: 'escalationTimer2', then: { waiting: ['thirdTask'], timers: [] } }, { complete: 'thirdTask' }],
    end: { status: 'completed', notEntered: ['secondTask', 'fourthTask', 'theEnd'] },
  },
  {
    name: 'BoundaryTimerEventTest.testTimerOnNestingOfSubprocesses: the timer on the outer sub-process cancels both nested tasks',
    kind: 'boundary timer', file: timer('BoundaryTimerEventTest.testTimerOnNestingOfSubprocesses'),
    start: { waiting: ['innerTask1', 'innerTask2'] },
    steps: [{ timer: 'boundaryTimer', then: { waiting: ['taskAfterCatch'] } }, { complete: 'taskAfterCatch' }],
    end: { status: 'completed', notEntered: ['theEnd'] },
  },
  {
    name: 'BoundaryTimerEventTest.testMultipleOutgoingSequenceFlows: an interrupting timer with two outgoing flows starts both tasks',
    kind: 'boundary timer', file: timer('BoundaryTimerEventTest.testMultipleOutgoingSequenceFlows'),
    steps: [{ timer: 'timer', then: { waiting: ['timerFiredTask1', 'timerFiredTask2'] } }, { complete: 'timerFiredTask1' }, { complete: 'timerFiredTask2' }],
    end: { status: 'completed', counts: { nonInterruptingEnd1: 1, nonInterruptingEnd2: 1 }, notEntered: ['end'] },
  },
  {
    name: 'BoundaryTimerNonInterruptingEventTest.testJoin: the escalation task and the main task join before the end',
    kind: 'boundary timer', file: timer('BoundaryTimerNonInterruptingEventTest.testJoin'),
    steps: [{ timer: 'IntermediateTimerEvent', then: { waiting: ['Escalation_Task', 'Main_Task'] } }, { complete: 'Escalation_Task', then: { waiting: ['Main_Task'] } }, { complete: 'Main_Task' }],
    end: { status: 'completed', counts: { EndNoneEvent: 1 } },
  },
  {
    name: 'BoundaryTimerNonInterruptingEventTest.testTimerOnConcurrentTasks: the non-interrupting timer leaves both forked tasks open',
    kind: 'boundary timer', file: timer('BoundaryTimerNonInterruptingEventTest.testTimerOnConcurrentTasks'),
    steps: [
      { timer: 'timer', then: { waiting: ['firstTask', 'secondTask', 'timerFiredTask'] } },
      { complete: 'timerFiredTask' },
      { complete: 'firstTask' },
      { complete: 'secondTask' },
    ],
    end: { status: 'completed', counts: { nonInterruptingEnd: 1, theEnd: 1 } },
  },
  {
    name: 'BoundaryTimerNonInterruptingEventTest.testTimerOnEmbeddedSubprocess: the sub-process keeps running next to the timer path',
    kind: 'boundary timer', file: timer('BoundaryTimerNonInterruptingEventTest.testTimerOnEmbeddedSubprocess'),
    steps: [{ timer: 'BoundaryEvent_1', then: { waiting: ['UserTask_1', 'UserTask_2'] } }, { complete: 'UserTask_1', then: { waiting: ['UserTask_2'], timers: [] } }, { complete: 'UserTask_2' }],
    end: { status: 'completed', counts: { EndEvent_5: 1, EndEvent_2: 1 } },
  },
  {
    name: 'BoundaryTimerNonInterruptingEventTest.testMultipleTimersOnUserTask: both non-interrupting timers fire and the task stays open',
    kind: 'boundary timer', file: timer('BoundaryTimerNonInterruptingEventTest.testMultipleTimersOnUserTask'),
    steps: [
      { timer: 'escalationTimer1', then: { waiting: ['firstTask', 'secondTask'], timers: ['escalationTimer2'] } },
      { timer: 'escalationTimer2', then: { waiting: ['firstTask', 'secondTask', 'thirdTask'] } },
      { complete: 'firstTask', then: { waiting: ['secondTask', 'thirdTask'] } },
      { complete: 'secondTask' },
      { complete: 'thirdTask' },
    ],
    end: { status: 'completed', counts: { theEnd: 1, escalatedEnd: 2 } },
  },
  {
    name: 'BoundaryTimerNonInterruptingEventTest.testTimerWithCycle: a cycle timer fires repeatedly while the task is open',
    kind: 'boundary timer', file: timer('BoundaryTimerNonInterruptingEventTest.testTimerWithCycle'),
    steps: [
      { timer: 'timer', then: { waiting: ['task', 'timerFiredTask'], timers: ['timer'] } },
      { timer: 'timer', then: { waiting: ['task', 'timerFiredTask', 'timerFiredTask'] } },
      { complete: 'task', then: { timers: [] } },
      { complete: 'timerFiredTask' },
      { complete: 'timerFiredTask' },
    ],
    end: { status: 'completed', counts: { end: 1, nonInterruptingEnd: 2 } },
  },
  {
    name: 'BoundaryTimerNonInterruptingEventTest.testTimerOnMiUserTask: a timer on a multi-instance task leaves its five instances open',
    kind: 'boundary timer', file: timer('BoundaryTimerNonInterruptingEventTest.testTimerOnMiUserTask'),
    start: { waiting: ['firstTask', 'firstTask', 'firstTask', 'firstTask', 'firstTask'], timers: ['escalationTimer1'] },
    steps: [
      { timer: 'escalationTimer1', then: { waiting: ['firstTask', 'firstTask', 'firstTask', 'firstTask', 'firstTask', 'secondTask'] } },
      { complete: 'secondTask' },
      ...Array.from({ length: 5 }, () => ({ complete: 'firstTask' })),
    ],
    end: { status: 'completed', counts: { theEnd: 1, escalatedEnd: 1 } },
  },
];

const eventSubProcesses: CamundaCase[] = [
  {
    name: 'StartTimerEventTest.testStartTimerEventInEventSubProcess: an interrupting timer event sub-process cancels the user task',
    kind: 'event sub-process', file: timer('StartTimerEventTest.testStartTimerEventInEventSubProcess'), handlers: dummy,
    start: { waiting: ['userTask'], timers: ['subprocessStartEvent'] },
    steps: [{ timer: 'subprocessStartEvent' }],
    end: { status: 'completed', counts: { subprocessServiceTask: 1, subprocessEndEvent: 1 }, notEntered: ['endEvent'] },
  },
  {
    name: 'StartTimerEventTest.testStartTimerEventInEventSubProcess: finishing the user task first removes the event sub-process timer',
    kind: 'event sub-process', file: timer('StartTimerEventTest.testStartTimerEventInEventSubProcess'), handlers: dummy,
    steps: [{ complete: 'userTask' }],
    end: { status: 'completed', timers: [], notEntered: ['subprocessServiceTask'] },
  },
  {
    name: 'StartTimerEventTest.testNonInterruptingStartTimerEventInEventSubProcess: the user task stays open while the event sub-process runs',
    kind: 'event sub-process', file: timer('StartTimerEventTest.testNonInterruptingStartTimerEventInEventSubProcess'), handlers: dummy,
    steps: [{ timer: 'subprocessStartEvent', then: { waiting: ['userTask'], counts: { subprocessEndEvent: 1 }, status: 'running' } }, { complete: 'userTask' }],
    end: { status: 'completed', counts: { endEvent: 1 } },
  },
  {
    name: 'StartTimerEventTest.testStartTimerEventSubProcessInSubProcess: the event sub-process interrupts only its parent sub-process',
    kind: 'event sub-process', file: timer('StartTimerEventTest.testStartTimerEventSubProcessInSubProcess'), handlers: dummy,
    start: { waiting: ['userTask'], timers: ['subprocessStartEvent'] },
    steps: [{ timer: 'subprocessStartEvent' }],
    end: { status: 'completed', counts: { subprocessEndEvent: 1, endEvent: 1 }, notEntered: ['parentSubProcessEndEvent'] },
  },
  {
    name: 'StartTimerEventTest.testStartTimerEventWithTwoEventSubProcesses: the first due of two timer event sub-processes wins',
    kind: 'event sub-process', file: timer('StartTimerEventTest.testStartTimerEventWithTwoEventSubProcesses'), handlers: dummy,
    start: { timers: ['secondSubprocessStartEvent', 'subprocessStartEvent'] },
    steps: [{ timer: 'subprocessStartEvent', then: { timers: [] } }],
    end: { status: 'completed', counts: { subprocessEndEvent: 1 }, notEntered: ['secondSubprocessServiceTask', 'endEvent'] },
  },
];

const end = (name: string): string => `event/end/TerminateEndEventTest.${name}.bpmn`;

const terminateEndEvents: CamundaCase[] = [
  {
    name: 'TerminateEndEventTest.testProcessTerminate: the terminate end event ends the whole process and cancels the other task',
    kind: 'terminate end event', file: end('testProcessTerminate'),
    start: { waiting: ['preNormalTerminateTask', 'preTerminateTask'] },
    steps: [{ complete: 'preTerminateTask' }],
    end: { status: 'terminated', waiting: [], notEntered: ['EndEvent_1'] },
  },
  {
    name: 'TerminateEndEventTest.testCancelActivity: ending the normal branch first leaves the terminate branch to end the process',
    kind: 'terminate end event', file: end('testCancelActivity'),
    steps: [{ complete: 'preNormalTerminateTask', then: { status: 'running', waiting: ['preTerminateTask'] } }, { complete: 'preTerminateTask' }],
    end: { status: 'terminated', counts: { EndEvent_1: 1, EndEvent_2: 1 } },
  },
  {
    name: 'TerminateEndEventTest.testTerminateInSubProcess: a terminate end event in a sub-process ends only the sub-process (§10.5.3)',
    kind: 'terminate end event', file: end('testTerminateInSubProcess'),
    start: { waiting: ['preNormalEnd'], entered: ['EndEvent_3'] },
    steps: [{ complete: 'preNormalEnd' }],
    end: { status: 'completed', counts: { EndEvent_3: 1, EndEvent_4: 1 } },
  },
  {
    name: 'TerminateEndEventTest.testTerminateInSubProcessConcurrent: the terminate end event cancels the sibling task inside the sub-process only',
    kind: 'terminate end event', file: end('testTerminateInSubProcessConcurrent'),
    start: { waiting: ['preNormalEnd'], entered: ['EndEvent_3'], notEntered: ['EndEvent_2'] },
    steps: [{ complete: 'preNormalEnd' }],
    end: { status: 'completed', counts: { EndEvent_4: 1 } },
  },
  {
    name: 'TerminateEndEventTest.testTerminateInSubProcessMultiInstance: each of five sub-process instances terminates itself, the body completes',
    kind: 'terminate end event', file: end('testTerminateInSubProcessMultiInstance'),
    start: { waiting: ['preNormalEnd'], counts: { EndEvent_1: 5, EndEvent_3: 1 } },
    steps: [{ complete: 'preNormalEnd' }],
    end: { status: 'completed' },
  },
  {
    name: 'TerminateEndEventTest.testTerminateWithSubProcess: terminating the process cancels the task inside a running sub-process',
    kind: 'terminate end event', file: end('testTerminateWithSubProcess'),
    start: { waiting: ['preNormalEnd', 'preTerminateEnd'] },
    steps: [{ complete: 'preTerminateEnd' }],
    end: { status: 'terminated', waiting: [], notEntered: ['EndEvent_1', 'EndEvent_3'] },
  },
  {
    name: 'TerminateEndEventTest.testTerminateInCallActivity: a terminate end event in the called process ends only the called process',
    kind: 'terminate end event', file: end('testTerminateInCallActivity'), calledFiles: [end('subProcessTerminate')],
    start: { waiting: ['preNormalEnd'], entered: ['EndEvent_1'] },
    steps: [{ complete: 'preNormalEnd' }],
    end: { status: 'completed', counts: { EndEvent_1: 1, EndEvent_3: 1 } },
  },
  {
    name: 'TerminateEndEventTest.testTerminateInCallActivityConcurrent: terminating the called process cancels its own task, the caller goes on',
    kind: 'terminate end event', file: end('testTerminateInCallActivityConcurrent'), calledFiles: [end('subProcessConcurrentTerminate')],
    start: { waiting: ['preNormalEnd'], entered: ['EndEvent_1'], notEntered: ['UserTask_1'] },
    steps: [{ complete: 'preNormalEnd' }],
    end: { status: 'completed' },
  },
  {
    name: 'TerminateEndEventTest.testTerminateWithCallActivity: terminating the caller also cancels the task in the called process',
    kind: 'terminate end event', file: end('testTerminateWithCallActivity'), calledFiles: [end('subProcessNoTerminate')],
    start: { waiting: ['preTerminateEnd', 'task'] },
    steps: [{ complete: 'preTerminateEnd' }],
    end: { status: 'terminated', waiting: [], notEntered: ['EndEvent_1', 'EndEvent_4'] },
  },
];

const link = (name: string): string => `event/link/LinkEventTest.${name}.bpmn20.xml`;

const linkEvents: CamundaCase[] = [
  {
    name: 'LinkEventTest.testValidEventLink: two link throws jump to the catch events of the same names',
    kind: 'link event', file: link('testValidEventLink'),
    start: { waiting: ['waitAfterLink1'] },
    steps: [{ complete: 'waitAfterLink1', then: { waiting: ['waitAfterLink2'], entered: ['IntermediateCatchEvent_2'] } }, { complete: 'waitAfterLink2' }],
    end: { status: 'completed', counts: { EndEvent_1: 1 } },
  },
  {
    name: 'LinkEventTest.testEventLinkMultipleSources: two throws of one link each reach the single catch',
    kind: 'link event', file: link('testEventLinkMultipleSources'),
    start: { waiting: ['ManualTask_1'] },
    steps: [{ complete: 'ManualTask_1', then: { waiting: ['WaitAfterLink', 'WaitAfterLink'], counts: { IntermediateCatchEvent_1: 2 } } }, { complete: 'WaitAfterLink' }, { complete: 'WaitAfterLink' }],
    end: { status: 'completed', counts: { EndEvent_1: 2 } },
  },
];

const receive = (name: string): string => `receivetask/ReceiveTaskTest.${name}.bpmn20.xml`;

const receiveTasks: CamundaCase[] = [
  {
    name: 'ReceiveTaskTest.singleReceiveTask: the receive task waits for its message and then ends',
    kind: 'receive task', file: receive('singleReceiveTask'),
    start: { waiting: ['waitState'] },
    steps: [{ message: 'newInvoiceMessage', variables: { invoice: 7 } }],
    end: { status: 'completed', variables: { invoice: 7 } },
  },
  {
    name: 'ReceiveTaskTest.testWaitStateBehavior: a receive task without a message is a plain wait state',
    kind: 'receive task', file: receive('testWaitStateBehavior'),
    start: { waiting: ['waitState'], status: 'running' },
    steps: [{ complete: 'waitState' }],
    end: { status: 'completed', counts: { theEnd: 1 } },
  },
  {
    name: 'ReceiveTaskTest.parallelGatewayReceiveTask: two receive tasks on forked paths take their own messages before the join',
    kind: 'receive task', file: receive('parallelGatewayReceiveTask'),
    start: { waiting: ['waitState1', 'waitState2'] },
    steps: [{ message: 'Message 2', then: { waiting: ['waitState1'] } }, { message: 'Message 1' }],
    end: { status: 'completed', counts: { theEnd: 1 } },
  },
  {
    name: 'ReceiveTaskTest.multiSequentialReceiveTask: a sequential multi-instance receive task takes one message per instance',
    kind: 'receive task', file: receive('multiSequentialReceiveTask'),
    start: { waiting: ['waitState'] },
    steps: [{ message: 'newInvoiceMessage', then: { waiting: ['waitState'] } }, { message: 'newInvoiceMessage', then: { waiting: ['interaction'] } }, { complete: 'interaction' }],
    end: { status: 'completed', counts: { waitState: 3 } },
  },
  {
    name: 'ReceiveTaskTest.multiParallelReceiveTaskBoundary: a message boundary event cancels both parallel receive instances',
    kind: 'receive task', file: receive('multiParallelReceiveTaskBoundary'),
    start: { waiting: ['waitState', 'waitState'] },
    steps: [{ message: 'newInvoiceMessage', then: { waiting: ['waitState'] } }, { message: 'cancelInvoiceMessage' }],
    end: { status: 'completed', counts: { invoiceCanceled: 1 }, notEntered: ['theEnd'], waiting: [] },
  },
  {
    name: 'ReceiveTaskTest.subProcessReceiveTask: a receive task inside a sub-process takes the message',
    kind: 'receive task', file: receive('subProcessReceiveTask'),
    steps: [{ message: 'newInvoiceMessage' }],
    end: { status: 'completed', counts: { subEnd: 1, theEnd: 1 } },
  },
];

const error = (name: string): string => `event/error/${name}.bpmn20.xml`;

/**
 * Stand-in for Camunda's ThrowBpmnErrorDelegate: counts its runs in `executions` and throws BPMN error "23" until
 * `executionsBeforeError` runs have succeeded (the Java exception branch is Camunda-specific and not used here).
 */
const throwBpmnErrorDelegate = (): Record<string, Handler> => ({
  'org.camunda.bpm.engine.test.bpmn.event.error.ThrowBpmnErrorDelegate': ({ variables }) => {
    const executions = (typeof variables.executions === 'number' ? variables.executions : 0) + 1;
    const before = variables.executionsBeforeError;
    if (typeof before !== 'number' || before < executions) throw new BpmnError('23');
    return { executions };
  },
});

const errors: CamundaCase[] = [
  {
    name: 'BoundaryErrorEventTest.testCatchErrorOnEmbeddedSubprocess: an error end event is caught by a catch-all boundary on the sub-process',
    kind: 'boundary error', file: error('BoundaryErrorEventTest.testCatchErrorOnEmbeddedSubprocess'),
    start: { waiting: ['subprocessTask'] },
    steps: [{ complete: 'subprocessTask', then: { waiting: ['taskAfterErrorCatch'] } }, { complete: 'taskAfterErrorCatch' }],
    end: { status: 'completed', notEntered: ['theEnd'], unhandledErrors: [] },
  },
  {
    name: 'BoundaryErrorEventTest.testCatchErrorOnEmbeddedSubprocessWithoutErrorCode: a boundary without error reference catches error 23',
    kind: 'boundary error', file: error('BoundaryErrorEventTest.testCatchErrorOnEmbeddedSubprocessWithoutErrorCode'),
    steps: [{ complete: 'subprocessTask', then: { waiting: ['taskAfterErrorCatch'] } }, { complete: 'taskAfterErrorCatch' }],
    end: { status: 'completed', notEntered: ['theEnd'] },
  },
  {
    name: 'BoundaryErrorEventTest.testCatchErrorOfInnerSubprocessOnOuterSubprocess: the inner boundary of another code lets the outer one catch',
    kind: 'boundary error', file: error('BoundaryErrorEventTest.testCatchErrorOfInnerSubprocessOnOuterSubprocess'),
    start: { waiting: ['innerTask1', 'innerTask2'] },
    steps: [{ complete: 'innerTask2', then: { waiting: ['taskAfterErrorCatch'] } }, { complete: 'taskAfterErrorCatch' }],
    end: { status: 'completed', notEntered: ['taskAfterCatchInSubprocess', 'theEnd'] },
  },
  {
    name: 'BoundaryErrorEventTest.testCatchErrorInConcurrentEmbeddedSubprocesses: error 2 is caught inside, error 1 then on the outer sub-process',
    kind: 'boundary error', file: error('BoundaryErrorEventTest.testCatchErrorInConcurrentEmbeddedSubprocesses'),
    start: { waiting: ['taskA', 'taskB'] },
    steps: [
      { complete: 'taskB', then: { waiting: ['taskA', 'taskC'] } },
      { complete: 'taskA', then: { waiting: ['taskD'] } },
      { complete: 'taskD' },
    ],
    end: { status: 'completed', counts: { end2: 1 }, notEntered: ['end1', 'subProcessEnd3'] },
  },
  {
    name: 'BoundaryErrorEventTest.testCatchErrorInConcurrentEmbeddedSubprocesses: error 1 first cancels both inner sub-processes',
    kind: 'boundary error', file: error('BoundaryErrorEventTest.testCatchErrorInConcurrentEmbeddedSubprocesses'),
    steps: [{ complete: 'taskA', then: { waiting: ['taskD'] } }, { complete: 'taskD' }],
    end: { status: 'completed', notEntered: ['taskC', 'end1'] },
  },
  {
    name: 'BoundaryErrorEventTest.testCatchErrorThrownByJavaDelegateOnServiceTask: a BPMN error from the delegate leads to escalatedTask',
    kind: 'boundary error', file: error('BoundaryErrorEventTest.testCatchErrorThrownByJavaDelegateOnServiceTask'), handlers: throwBpmnErrorDelegate,
    start: { waiting: ['escalatedTask'], notEntered: ['theEnd', 'escalatedExceptionTask'] },
    steps: [{ complete: 'escalatedTask' }],
    end: { status: 'completed' },
  },
  {
    name: 'BoundaryErrorEventTest.testCatchErrorThrownByJavaDelegateOnServiceTask: a delegate that succeeds takes the normal flow',
    kind: 'boundary error', file: error('BoundaryErrorEventTest.testCatchErrorThrownByJavaDelegateOnServiceTask'), handlers: throwBpmnErrorDelegate,
    variables: { executionsBeforeError: 1 },
    end: { status: 'completed', counts: { theEnd: 1 }, notEntered: ['escalatedTask'], variables: { executions: 1 } },
  },
  {
    name: 'BoundaryErrorEventTest.testCatchErrorThrownByJavaDelegateOnServiceTaskNotCancelActivity: an error boundary always interrupts (§10.5.4)',
    // The model sets cancelActivity="false" on an error boundary event; the spec allows only interrupting error boundaries.
    kind: 'boundary error', file: error('BoundaryErrorEventTest.testCatchErrorThrownByJavaDelegateOnServiceTaskNotCancelActivity'), handlers: throwBpmnErrorDelegate,
    start: { waiting: ['escalatedTask'], notEntered: ['theEnd'] },
    steps: [{ complete: 'escalatedTask' }],
    end: { status: 'completed', notEntered: ['theEnd'] },
  },
  {
    name: 'BoundaryErrorEventTest.testCatchErrorOnCallActivity: an error end event of the called process is caught on the call activity',
    kind: 'boundary error', file: error('BoundaryErrorEventTest.testCatchErrorOnCallActivity-parent'), calledFiles: [error('BoundaryErrorEventTest.subprocess')],
    start: { waiting: ['task'] },
    steps: [{ complete: 'task', then: { waiting: ['escalatedTask'] } }, { complete: 'escalatedTask' }],
    // `theEnd` is both the called process's error end event and the caller's normal end: reached once, by the child.
    end: { status: 'completed', counts: { theEnd: 1 } },
  },
  {
    name: 'BoundaryErrorEventTest.testCatchErrorOnParallelMultiInstance: an error in one of five instances cancels them all',
    kind: 'boundary error', file: error('BoundaryErrorEventTest.testCatchErrorOnParallelMultiInstance'), toleratedIssues: ['UNREACHABLE_ELEMENT'],
    start: { waiting: Array.from({ length: 5 }, () => 'subProcessTask') },
    steps: [{ complete: 'subProcessTask' }, { complete: 'subProcessTask', variables: { throwError: true } }],
    end: { status: 'completed', waiting: [], counts: { catchError: 1, normalEnd: 1, errorEnd: 1 }, notEntered: ['taskAfterSubProcess'] },
  },
  {
    name: 'BoundaryErrorEventTest.testCatchErrorOnSequentialMultiInstance: an error in the second of three instances ends the loop',
    kind: 'boundary error', file: error('BoundaryErrorEventTest.testCatchErrorOnSequentialMultiInstance'), toleratedIssues: ['UNREACHABLE_ELEMENT'],
    start: { waiting: ['subProcessTask'] },
    steps: [{ complete: 'subProcessTask', then: { waiting: ['subProcessTask'] } }, { complete: 'subProcessTask', variables: { throwError: true } }],
    end: { status: 'completed', waiting: [], counts: { subProcessTask: 2, catchError: 1 }, notEntered: ['taskAfterSubProcess'] },
  },
  ...[1, 2].map((input): CamundaCase => ({
    name: `BoundaryErrorEventTest.testDeeplyNestedErrorThrownOnlyAutomaticSteps: error${input} five levels deep is caught on ${input === 1 ? 'subprocess2' : 'subprocess1'}`,
    kind: 'boundary error', file: error('BoundaryErrorEventTest.testDeeplyNestedErrorThrownOnlyAutomaticSteps'), variables: { input },
    end: input === 1
      ? { status: 'completed', counts: { subprocess2Catch: 1, subprocess1End: 1, processEnd1: 1 }, notEntered: ['subprocess1Catch', 'subprocess2End'] }
      : { status: 'completed', counts: { subprocess1Catch: 1, processEnd2: 1 }, notEntered: ['subprocess2Catch', 'processEnd1'] },
  })),
  {
    name: 'UnhandledBpmnErrorTest.testUncaughtErrorSimpleProcess: an error end event nobody catches fails the instance',
    // Camunda 7 ends the instance as if the end event were a none end event (unless enableExceptionsAfterUnhandledBpmnError);
    // our engine reports error.unhandled and fails the instance: an uncaught error is not a normal completion (§10.5.3).
    kind: 'boundary error', file: error('UnhandledBpmnErrorTest.testUncaughtErrorSimpleProcess'),
    end: { status: 'failed', unhandledErrors: ['myError'] },
  },
  {
    name: 'ErrorEndEventTest.testError: an error end event right after the sub-process start is caught by the matching boundary',
    kind: 'boundary error', file: error('ErrorEndEventTest.testError'),
    start: { waiting: ['task'] },
    steps: [{ complete: 'task' }],
    end: { status: 'completed', counts: { endEvent: 1 } },
  },
  {
    name: 'ErrorEventSubProcessTest.testCatchErrorInEmbeddedSubProcess: an error event sub-process inside the sub-process catches, then the sub-process completes',
    kind: 'event sub-process', file: error('ErrorEventSubProcessTest.testCatchErrorInEmbeddedSubProcess'),
    start: { waiting: ['taskAfterErrorCatch'], notEntered: ['theEnd'] },
    steps: [{ complete: 'taskAfterErrorCatch' }],
    end: { status: 'completed', counts: { theEnd: 1 } },
  },
  {
    name: 'ErrorEventSubProcessTest.testEventSubprocessTakesPrecedence: the event sub-process inside the scope catches before the boundary outside',
    kind: 'event sub-process', file: error('ErrorEventSubProcessTest.testEventSubprocessTakesPrecedence'),
    start: { waiting: ['taskAfterErrorCatch'], notEntered: ['catchErrorBoundary'] },
    steps: [{ complete: 'taskAfterErrorCatch' }],
    end: { status: 'completed', counts: { theEnd: 1 } },
  },
];

const escalation = (name: string): string => `event/escalation/${name}.bpmn20.xml`;

const escalations: CamundaCase[] = [
  {
    name: 'EscalationEventTest.testInterruptingEscalationBoundaryEvent: the escalation cancels the sub-process and leads to the catching task',
    kind: 'boundary escalation', file: escalation('EscalationEventTest.testInterruptingEscalationBoundaryEvent'),
    start: { waiting: ['taskAfterCatchedEscalation'], notEntered: ['taskInSubprocess'] },
    steps: [{ complete: 'taskAfterCatchedEscalation' }],
    end: { status: 'completed', counts: { theEnd: 1 } },
  },
  {
    name: 'EscalationEventTest.testImplicitNonInterruptingEscalationBoundaryEvent: without cancelActivity the boundary interrupts (§10.5.4 default true)',
    // Camunda's own test for this model is disabled (CAM-4403): it wanted an implicit non-interrupting boundary.
    // BPMN 2.0 §10.5.4 gives cancelActivity the default true, so the sub-process is cancelled.
    kind: 'boundary escalation', file: escalation('EscalationEventTest.testImplicitNonInterruptingEscalationBoundaryEvent'),
    start: { waiting: ['taskAfterCatchedEscalation'], notEntered: ['taskInSubprocess'] },
    steps: [{ complete: 'taskAfterCatchedEscalation' }],
    end: { status: 'completed' },
  },
  {
    name: 'EscalationEventTest.testEscalationEndEvent: a non-interrupting boundary catches the escalation end event and the sub-process completes',
    kind: 'boundary escalation', file: escalation('EscalationEventTest.testEscalationEndEvent'),
    start: { waiting: ['taskAfterCatchedEscalation'], counts: { theEnd: 1 }, status: 'running' },
    steps: [{ complete: 'taskAfterCatchedEscalation' }],
    end: { status: 'completed', counts: { theEnd: 2 } },
  },
  {
    name: 'EscalationEventTest.testBoundaryEventWithEscalationCode: only the boundary of the thrown escalation code fires',
    kind: 'boundary escalation', file: escalation('EscalationEventTest.testBoundaryEventWithEscalationCode'),
    start: { waiting: ['taskAfterCatchedEscalation1', 'taskInSubprocess'], notEntered: ['taskAfterCatchedEscalation2'] },
    steps: [{ complete: 'taskInSubprocess' }, { complete: 'taskAfterCatchedEscalation1' }],
    end: { status: 'completed', counts: { theEnd: 2 } },
  },
  {
    name: 'EscalationEventTest.testThrowEscalationEventHierarchical: the innermost boundary catches and the outer one does not',
    kind: 'boundary escalation', file: escalation('EscalationEventTest.testThrowEscalationEventHierarchical'),
    start: { waiting: ['taskAfterCatchedEscalationInsideSubprocess', 'taskInSubprocess'], notEntered: ['taskAfterCatchedEscalation'] },
    steps: [{ complete: 'taskInSubprocess' }, { complete: 'taskAfterCatchedEscalationInsideSubprocess' }],
    end: { status: 'completed', counts: { endSubProcess: 2, theEnd: 1 } },
  },
  {
    name: 'EscalationEventTest.testParallelEscalationEndEvent: an escalation end event on one branch leaves the other branch running',
    kind: 'boundary escalation', file: escalation('EscalationEventTest.testParallelEscalationEndEvent'),
    start: { waiting: ['taskAfterCatchedEscalation', 'taskInSubprocess'] },
    steps: [{ complete: 'taskInSubprocess' }, { complete: 'taskAfterCatchedEscalation' }],
    end: { status: 'completed', counts: { theEnd: 2 } },
  },
  {
    name: 'EscalationEventTest.throwEscalationEvent: an uncaught escalation has no effect and the token goes on (§10.5.5)',
    kind: 'boundary escalation', file: escalation('EscalationEventTest.throwEscalationEvent'),
    start: { waiting: ['task'] },
    steps: [{ complete: 'task' }],
    end: { status: 'completed', unhandledErrors: [] },
  },
  {
    name: 'EscalationEventTest.interruptingEscalationBoundaryEventOnCallActivity: an escalation in the called process interrupts the call activity',
    kind: 'boundary escalation', file: escalation('EscalationEventTest.interruptingEscalationBoundaryEventOnCallActivity'), calledFiles: [escalation('EscalationEventTest.throwEscalationEvent')],
    start: { waiting: ['taskAfterCatchedEscalation'], notEntered: ['task'] },
    steps: [{ complete: 'taskAfterCatchedEscalation' }],
    end: { status: 'completed' },
  },
  {
    name: 'EscalationEventTest.nonInterruptingEscalationBoundaryEventOnCallActivity: the called process goes on next to the catching task',
    kind: 'boundary escalation', file: escalation('EscalationEventTest.nonInterruptingEscalationBoundaryEventOnCallActivity'), calledFiles: [escalation('EscalationEventTest.throwEscalationEvent')],
    start: { waiting: ['task', 'taskAfterCatchedEscalation'] },
    steps: [{ complete: 'task' }, { complete: 'taskAfterCatchedEscalation' }],
    end: { status: 'completed', counts: { theEnd: 2 } },
  },
  {
    name: 'EscalationEventSubprocessTest.testCatchEscalationEventInsideSubprocess: a non-interrupting escalation event sub-process runs next to the task',
    kind: 'event sub-process', file: escalation('EscalationEventSubprocessTest.testCatchEscalationEventInsideSubprocess'),
    start: { waiting: ['taskAfterCatchedEscalation', 'taskInSubprocess'] },
    steps: [{ complete: 'taskInSubprocess', then: { waiting: ['taskAfterCatchedEscalation'], notEntered: ['theEnd'] } }, { complete: 'taskAfterCatchedEscalation' }],
    end: { status: 'completed', counts: { theEnd: 1 } },
  },
  {
    name: 'EscalationEventSubprocessTest.testInterruptionEscalationEventSubprocess: an interrupting escalation event sub-process cancels the task',
    kind: 'event sub-process', file: escalation('EscalationEventSubprocessTest.testInterruptionEscalationEventSubprocess'),
    start: { waiting: ['taskAfterCatchedEscalation'], notEntered: ['taskInSubprocess'] },
    steps: [{ complete: 'taskAfterCatchedEscalation' }],
    end: { status: 'completed', counts: { theEnd: 1 } },
  },
  {
    name: 'EscalationEventSubprocessTest.testNonInterruptingEscalationTriggeredTwice: an intermediate and an end escalation each start the event sub-process',
    kind: 'event sub-process', file: escalation('EscalationEventSubprocessTest.testNonInterruptingEscalationTriggeredTwice'),
    start: { waiting: ['TaskInMainprocess', 'TaskInSubprocess'] },
    steps: [{ complete: 'TaskInMainprocess', then: { waiting: ['TaskInSubprocess', 'TaskInSubprocess'] } }, { complete: 'TaskInSubprocess' }, { complete: 'TaskInSubprocess' }],
    end: { status: 'completed', counts: { endInEscalationSubprocess: 2 } },
  },
  {
    name: 'EscalationEventSubprocessTest.testPreferEscalationEventSubprocessToBoundaryEvent: the event sub-process inside catches before the boundary',
    kind: 'event sub-process', file: escalation('EscalationEventSubprocessTest.testPreferEscalationEventSubprocessToBoundaryEvent'),
    start: { waiting: ['taskAfterCatchedEscalationInsideSubprocess', 'taskInSubprocess'], notEntered: ['taskAfterCatchedEscalation'] },
    steps: [{ complete: 'taskInSubprocess' }, { complete: 'taskAfterCatchedEscalationInsideSubprocess' }],
    end: { status: 'completed', counts: { theEnd: 1 } },
  },
];

const message = (name: string): string => `event/message/${name}.bpmn20.xml`;

const messages: CamundaCase[] = [
  {
    name: 'MessageIntermediateEventTest.testSingleIntermediateMessageEvent: the catch event waits for newInvoiceMessage',
    kind: 'message catch/throw', file: message('MessageIntermediateEventTest.testSingleIntermediateMessageEvent'),
    start: { waiting: [], status: 'running' },
    steps: [{ message: 'newInvoiceMessage', then: { waiting: ['task'] } }, { complete: 'task' }],
    end: { status: 'completed' },
  },
  {
    name: 'MessageIntermediateEventTest.testConcurrentIntermediateMessageEvent: two catch events of one message each take one delivery',
    kind: 'message catch/throw', file: message('MessageIntermediateEventTest.testConcurrentIntermediateMessageEvent'),
    steps: [{ message: 'newInvoiceMessage', then: { waiting: [], counts: { messageCatch1: 1 } } }, { message: 'newInvoiceMessage', then: { waiting: ['task'] } }, { complete: 'task' }],
    end: { status: 'completed', counts: { theEnd: 1 } },
  },
  {
    name: 'MessageStartEventTest.testMessageStartEventAndNoneStartEvent: a plain start uses the none start event',
    kind: 'message catch/throw', file: message('MessageStartEventTest.testMessageStartEventAndNoneStartEvent'),
    start: { waiting: ['taskAfterNoneStart'], notEntered: ['messageStart', 'taskAfterMessageStart'] },
    steps: [{ complete: 'taskAfterNoneStart' }],
    end: { status: 'completed' },
  },
  {
    name: 'MessageIntermediateThrowEventTest.testSingleIntermediateThrowMessageEvent: the throw event sends its message and the process ends',
    kind: 'message catch/throw', file: message('MessageIntermediateThrowEventTest.testSingleIntermediateThrowMessageEvent'),
    end: { status: 'completed', counts: { messageThrow: 1, theEnd: 1 } },
  },
  {
    name: 'MessageBoundaryEventTest.testSingleBoundaryMessageEvent: the message cancels the task and takes the boundary path',
    kind: 'boundary message', file: message('MessageBoundaryEventTest.testSingleBoundaryMessageEvent'),
    steps: [{ message: 'messageName', then: { waiting: ['taskAfterMessage'] } }, { complete: 'taskAfterMessage' }],
    end: { status: 'completed', notEntered: ['taskAfterTask'] },
  },
  {
    name: 'MessageBoundaryEventTest.testSingleBoundaryMessageEvent: once the task is done the boundary no longer listens',
    kind: 'boundary message', file: message('MessageBoundaryEventTest.testSingleBoundaryMessageEvent'),
    steps: [{ complete: 'task', then: { waiting: ['taskAfterTask'] } }, { message: 'messageName', rejected: 'EVENT_NOT_EXPECTED', then: { waiting: ['taskAfterTask'] } }, { complete: 'taskAfterTask' }],
    end: { status: 'completed', notEntered: ['taskAfterMessage'] },
  },
  {
    name: 'MessageBoundaryEventTest.testDoubleBoundaryMessageEvent: the second of two message boundaries fires',
    kind: 'boundary message', file: message('MessageBoundaryEventTest.testDoubleBoundaryMessageEvent'),
    steps: [{ message: 'messageName_2', then: { waiting: ['taskAfterMessage_2'] } }, { message: 'messageName_1', rejected: 'EVENT_NOT_EXPECTED', then: { waiting: ['taskAfterMessage_2'] } }, { complete: 'taskAfterMessage_2' }],
    end: { status: 'completed', notEntered: ['taskAfterMessage_1', 'taskAfterTask'] },
  },
  {
    name: 'MessageBoundaryEventTest.testBoundaryMessageEventOnSubprocess: a message boundary on the sub-process cancels its task',
    kind: 'boundary message', file: message('MessageBoundaryEventTest.testBoundaryMessageEventOnSubprocess'),
    start: { waiting: ['taskSubProcess'] },
    steps: [{ message: 'messageName_one', then: { waiting: ['taskAfterMessage_one'] } }, { complete: 'taskAfterMessage_one' }],
    end: { status: 'completed', notEntered: ['taskAfterSubProcess', 'subProcessEnd'] },
  },
  {
    name: 'MessageBoundaryEventTest.testBoundaryMessageEventConcurrent: the boundary on task1 leaves the concurrent task2 alone',
    kind: 'boundary message', file: message('MessageBoundaryEventTest.testBoundaryMessageEventConcurrent'),
    steps: [{ message: 'task1Message', then: { waiting: ['task1AfterMessage', 'task2'] } }, { complete: 'task2' }, { complete: 'task1AfterMessage' }],
    end: { status: 'completed', notEntered: ['task2AfterMessage'] },
  },
  {
    name: 'MessageNonInterruptingBoundaryEventTest.testSingleNonInterruptingBoundaryMessageEvent: each message adds a task and the task stays',
    kind: 'boundary message', file: message('MessageNonInterruptingBoundaryEventTest.testSingleNonInterruptingBoundaryMessageEvent'),
    steps: [
      { message: 'messageName', then: { waiting: ['task', 'taskAfterMessage'] } },
      { message: 'messageName', then: { waiting: ['task', 'taskAfterMessage', 'taskAfterMessage'] } },
      { complete: 'task', then: { waiting: ['taskAfterMessage', 'taskAfterMessage', 'taskAfterTask'] } },
      { message: 'messageName', rejected: 'EVENT_NOT_EXPECTED', then: { counts: { taskAfterMessage: 2 } } },
      { complete: 'taskAfterMessage' },
      { complete: 'taskAfterMessage' },
      { complete: 'taskAfterTask' },
    ],
    end: { status: 'completed', counts: { theEnd: 3 } },
  },
  {
    name: 'MessageEventSubprocessTest.testInterruptingUnderProcessDefinition: the message event sub-process replaces the process task',
    kind: 'event sub-process', file: message('MessageEventSubprocessTest.testInterruptingUnderProcessDefinition'),
    steps: [{ message: 'newMessage', then: { waiting: ['eventSubProcessTask'] } }, { complete: 'eventSubProcessTask' }],
    end: { status: 'completed', notEntered: ['theEnd'] },
  },
  {
    name: 'MessageEventSubprocessTest.testNonInterruptingUnderProcessDefinition: each message starts one more event sub-process instance',
    kind: 'event sub-process', file: message('MessageEventSubprocessTest.testNonInterruptingUnderProcessDefinition'),
    steps: [
      { message: 'newMessage' },
      { message: 'newMessage', then: { waiting: ['eventSubProcessTask', 'eventSubProcessTask', 'task'] } },
      { complete: 'task', then: { status: 'running' } },
      { complete: 'eventSubProcessTask' },
      { complete: 'eventSubProcessTask' },
    ],
    end: { status: 'completed', counts: { theEnd: 1, eventSubProcessEnd: 2 } },
  },
  {
    name: 'MessageEventSubprocessTest.testTwoInterruptingUnderProcessDefinition: the second event sub-process fires and the first no longer listens',
    kind: 'event sub-process', file: message('MessageEventSubprocessTest.testTwoInterruptingUnderProcessDefinition'),
    steps: [{ message: 'newMessage2', then: { waiting: ['eventSubProcessTask2'] } }, { message: 'newMessage', rejected: 'EVENT_NOT_EXPECTED', then: { waiting: ['eventSubProcessTask2'] } }, { complete: 'eventSubProcessTask2' }],
    end: { status: 'completed', notEntered: ['eventSubProcessTask'] },
  },
  {
    name: 'MessageEventSubprocessTest.testNonInterruptingInEmbeddedSubprocess: the sub-process waits for its event sub-process before completing',
    kind: 'event sub-process', file: message('MessageEventSubprocessTest.testNonInterruptingInEmbeddedSubprocess'),
    steps: [{ message: 'newMessage', then: { waiting: ['eventSubProcessTask', 'task'] } }, { complete: 'task', then: { waiting: ['eventSubProcessTask'], status: 'running' } }, { complete: 'eventSubProcessTask' }],
    end: { status: 'completed' },
  },
  {
    name: 'MessageEventSubprocessTest.testNonInterruptingWithTerminatingEndEvent: a terminate end event in the event sub-process ends only that event sub-process',
    kind: 'event sub-process', file: message('MessageEventSubprocessTest.testNonInterruptingWithTerminatingEndEvent'),
    start: { waiting: ['UserTask_1'] },
    steps: [{ message: 'message', then: { waiting: ['UserTask_1', 'UserTask_2'] } }, { complete: 'UserTask_2', then: { waiting: ['UserTask_1'], timers: [], status: 'running' } }, { complete: 'UserTask_1' }],
    end: { status: 'completed', counts: { EndEvent_2: 1 } },
  },
];

const signal = (name: string): string => `event/signal/${name}.bpmn20.xml`;
const signalDummy = (): Record<string, Handler> => ({
  // The Java DummyServiceTask only flips a static flag; no variables.
  'org.camunda.bpm.engine.test.bpmn.event.signal.DummyServiceTask': () => ({}),
});

const signals: CamundaCase[] = [
  {
    name: 'SignalEventTests.catchAlertSignal: the intermediate catch waits for the alert signal',
    kind: 'signal catch/throw', file: signal('SignalEventTests.catchAlertSignal'),
    start: { status: 'running', waiting: [] },
    steps: [{ signal: 'alert' }],
    end: { status: 'completed', counts: { end: 1 } },
  },
  {
    name: 'SignalEventTests.throwAlertSignal: the throw event broadcasts alert and the process ends',
    kind: 'signal catch/throw', file: signal('SignalEventTests.throwAlertSignal'),
    end: { status: 'completed', counts: { signalEvent: 1, end: 1 } },
  },
  {
    name: 'SignalEventTests.catchAlertSignalBoundary: the alert signal interrupts the task through its boundary',
    kind: 'boundary signal', file: signal('SignalEventTests.catchAlertSignalBoundary'),
    start: { waiting: ['task'] },
    steps: [{ signal: 'alert' }],
    end: { status: 'completed', waiting: [], counts: { boundary: 1, end: 1 } },
  },
  {
    name: 'SignalEventTests.catchMultipleSignals: abort and alert signals end the two branches',
    kind: 'signal catch/throw', file: signal('SignalEventTests.catchMultipleSignals'),
    start: { waiting: ['task'] },
    steps: [{ signal: 'abort', then: { waiting: ['task', 'taskAfterAbort'] } }, { signal: 'alert', then: { waiting: ['taskAfterAbort'] } }, { complete: 'taskAfterAbort' }],
    end: { status: 'completed', counts: { end: 2 } },
  },
  {
    name: 'SignalEventTests.catchAlertTwiceAndTerminate: one signal reaches both catches and the first terminate ends the process',
    kind: 'signal catch/throw', file: signal('SignalEventTests.catchAlertTwiceAndTerminate'),
    steps: [{ signal: 'alert' }],
    end: { status: 'terminated', waiting: [], counts: { catchAlertSignal1: 1, terminateEnd1: 1 } },
  },
  {
    name: 'SignalEventTest.testNonInterruptingSignal: the non-interrupting signal boundary adds a task and keeps the first',
    kind: 'boundary signal', file: signal('SignalEventTest.testNonInterruptingSignal'),
    steps: [{ signal: 'alert', then: { waiting: ['theUserTask', 'theUserTask2'] } }, { complete: 'theUserTask2' }, { complete: 'theUserTask' }],
    end: { status: 'completed', counts: { theEnd: 1, theEnd2: 1 } },
  },
  {
    name: 'SignalEventTest.testSignalBoundaryOnSubProcess: the stop signal interrupts the sub-process waiting on a timer',
    kind: 'boundary signal', file: signal('SignalEventTest.testSignalBoundaryOnSubProcess'),
    start: { timers: ['timer'] },
    steps: [{ signal: 'stopSignal', then: { timers: [] } }],
    end: { status: 'completed', counts: { end: 1 }, notEntered: ['sub-end'] },
  },
  {
    name: 'SignalEventTest.testNonInterruptingSignalWithSubProcess: the boundary starts a second sub-process and the first goes on',
    kind: 'boundary signal', file: signal('SignalEventTest.testNonInterruptingSignalWithSubProcess'),
    start: { waiting: ['UserTask_1'] },
    steps: [{ signal: 'alert', then: { waiting: ['UserTask_1', 'UserTask_2'] } }, { complete: 'UserTask_1' }, { complete: 'UserTask_2', then: { waiting: ['UserTask_3'] } }, { complete: 'UserTask_3' }],
    end: { status: 'completed', counts: { EndEvent_1: 1 } },
  },
  {
    name: 'SignalEventTest.testSignalStartEventInEventSubProcess: an interrupting signal event sub-process cancels the user task',
    kind: 'event sub-process', file: signal('SignalEventTest.testSignalStartEventInEventSubProcess'), handlers: signalDummy,
    steps: [{ signal: 'alert' }],
    end: { status: 'completed', waiting: [], counts: { subprocessServiceTask: 1 }, notEntered: ['endEvent'] },
  },
  {
    name: 'SignalEventTest.testNonInterruptingSignalStartEventInEventSubProcess: a non-interrupting signal event sub-process leaves the user task open',
    kind: 'event sub-process', file: signal('SignalEventTest.testNonInterruptingSignalStartEventInEventSubProcess'), handlers: signalDummy,
    steps: [{ signal: 'alert', then: { waiting: ['userTask'], counts: { subprocessEndEvent: 1 } } }, { signal: 'alert', then: { counts: { subprocessEndEvent: 2 } } }, { complete: 'userTask' }],
    end: { status: 'completed', counts: { endEvent: 1 } },
  },
  {
    name: 'SignalEventTest.testNoContinuationWhenSignalInterruptsThrowingActivity: the signal end event triggers the interrupting event sub-process of its own process',
    kind: 'event sub-process', file: signal('SignalEventTest.testNoContinuationWhenSignalInterruptsThrowingActivity'),
    start: { waiting: ['subProcessTask'] },
    steps: [{ complete: 'subProcessTask', then: { waiting: ['eventSubProcessTask'], notEntered: ['afterSubProcessTask'] } }, { complete: 'eventSubProcessTask' }],
    end: { status: 'completed', notEntered: ['afterSubProcessTask', 'end'] },
  },
];

const mi = (name: string): string => `multiinstance/MultiInstanceTest.${name}.bpmn20.xml`;
const times = <T>(n: number, item: T): T[] => Array.from({ length: n }, () => item);

const multiInstance: CamundaCase[] = [
  {
    name: 'MultiInstanceTest.testParallelUserTasks: a cardinality of ${5-2} opens three task instances at once',
    kind: 'multi-instance', file: mi('testParallelUserTasks'),
    start: { waiting: times(3, 'miTasks') },
    steps: [{ complete: 'miTasks' }, { complete: 'miTasks', then: { waiting: ['miTasks'], notEntered: ['theEnd'] } }, { complete: 'miTasks' }],
    end: { status: 'completed', counts: { theEnd: 1 } },
  },
  {
    name: 'MultiInstanceTest.testParallelUserTasksCompletionCondition: three of five completed instances satisfy the 0.5 ratio and cancel the rest',
    kind: 'multi-instance', file: mi('testParallelUserTasksCompletionCondition'),
    start: { waiting: times(5, 'miTasks') },
    steps: [{ complete: 'miTasks' }, { complete: 'miTasks', then: { waiting: times(3, 'miTasks') } }, { complete: 'miTasks' }],
    end: { status: 'completed', waiting: [], counts: { theEnd: 1 } },
  },
  {
    name: 'MultiInstanceTest.testParallelUserTasksBasedOnCollection: one instance per assignee, done after 60 % of them',
    kind: 'multi-instance', file: mi('testParallelUserTasksBasedOnCollection'),
    variables: { assigneeList: ['kermit', 'gonzo', 'mispiggy', 'fozzie', 'bubba'] },
    start: { waiting: times(5, 'miTasks') },
    steps: [{ complete: 'miTasks' }, { complete: 'miTasks', then: { status: 'running' } }, { complete: 'miTasks' }],
    end: { status: 'completed', waiting: [] },
  },
  {
    name: 'MultiInstanceTest.sequentialUserTasks: three sequential instances, one open at a time',
    kind: 'multi-instance', file: mi('sequentialUserTasks'), variables: { nrOfLoops: 3 },
    start: { waiting: ['miTasks'], timers: ['timer'] },
    steps: [{ complete: 'miTasks', then: { waiting: ['miTasks'], timers: ['timer'] } }, { complete: 'miTasks' }, { complete: 'miTasks' }],
    end: { status: 'completed', timers: [], counts: { miTasks: 4, theEnd: 1 } },
  },
  {
    name: 'MultiInstanceTest.sequentialUserTasks: the completion condition stops ten loops after five',
    kind: 'multi-instance', file: mi('sequentialUserTasks'), variables: { nrOfLoops: 10 },
    steps: times(5, { complete: 'miTasks' }),
    end: { status: 'completed', counts: { miTasks: 6, theEnd: 1 } },
  },
  {
    name: 'MultiInstanceTest.sequentialUserTasks: the interrupting timer on the multi-instance body cancels the loop',
    kind: 'multi-instance', file: mi('sequentialUserTasks'), variables: { nrOfLoops: 3 },
    steps: [{ complete: 'miTasks' }, { timer: 'timer', then: { waiting: ['taskAfterTimer'] } }, { complete: 'taskAfterTimer' }],
    end: { status: 'completed', notEntered: ['theEnd'], counts: { miTasks: 3 } },
  },
  {
    name: 'MultiInstanceTest.testParallelUserTasksWithTimer: the timer cancels all three parallel instances',
    kind: 'multi-instance', file: mi('testParallelUserTasksWithTimer'),
    start: { waiting: times(3, 'miTasks') },
    steps: [{ complete: 'miTasks' }, { timer: 'timer', then: { waiting: ['taskAfterTimer'] } }, { complete: 'taskAfterTimer' }],
    end: { status: 'completed', notEntered: ['theEnd'] },
  },
  {
    name: 'MultiInstanceTest.testNestedParallelUserTasks: four parallel instances three sub-processes deep',
    kind: 'multi-instance', file: mi('testNestedParallelUserTasks'),
    start: { waiting: times(4, 'miTasks') },
    steps: times(4, { complete: 'miTasks' }),
    end: { status: 'completed', counts: { subProcessEnd3: 1, theEnd: 1 } },
  },
  {
    name: 'MultiInstanceTest.testParallelReceiveTasks: three parallel receive instances take one message each',
    kind: 'multi-instance', file: mi('testParallelReceiveTasks'),
    start: { waiting: times(3, 'miTasks') },
    steps: [{ message: 'message' }, { message: 'message', then: { waiting: ['miTasks'] } }, { message: 'message' }],
    end: { status: 'completed', counts: { theEnd: 1 } },
  },
  {
    name: 'MultiInstanceTest.testSequentialSubProcess: four sequential sub-process instances, each with two forked tasks',
    kind: 'multi-instance', file: mi('testSequentialSubProcess'),
    start: { waiting: ['subProcessTask1', 'subProcessTask2'] },
    steps: times(4, [{ complete: 'subProcessTask1' }, { complete: 'subProcessTask2' }] as const).flat().map((step) => ({ ...step })),
    end: { status: 'completed', counts: { subProcessEnd1: 4, subProcessEnd2: 4, theEnd: 1 } },
  },
  {
    name: 'MultiInstanceTest.testSequentialSubProcessCompletionCondition: the third completed instance ends the loop of four',
    kind: 'multi-instance', file: mi('testSequentialSubProcessCompletionCondition'),
    steps: times(3, [{ complete: 'subProcessTask1' }, { complete: 'subProcessTask2' }] as const).flat().map((step) => ({ ...step })),
    end: { status: 'completed', counts: { subProcessTask1: 3, theEnd: 1 } },
  },
  {
    name: 'MultiInstanceTest.testParallelSubProcess: two parallel sub-process instances with a join each',
    kind: 'multi-instance', file: mi('testParallelSubProcess'),
    start: { waiting: ['subProcessTask1', 'subProcessTask1', 'subProcessTask2', 'subProcessTask2'] },
    steps: [{ complete: 'subProcessTask1' }, { complete: 'subProcessTask2' }, { complete: 'subProcessTask1' }, { complete: 'subProcessTask2' }],
    end: { status: 'completed', counts: { subProcessEnd: 2, theEnd: 1 } },
  },
  {
    name: 'MultiInstanceTest.testParallelSubProcessCompletionCondition: the first finished sub-process instance cancels the other',
    kind: 'multi-instance', file: mi('testParallelSubProcessCompletionCondition'),
    start: { waiting: ['subProcessTask1', 'subProcessTask1', 'subProcessTask2', 'subProcessTask2'] },
    // The first step completes instance 1's task 1, the second instance 1's task 2: instance 1 ends, the condition holds.
    steps: [{ complete: 'subProcessTask1' }, { complete: 'subProcessTask2' }],
    end: { status: 'completed', waiting: [], counts: { subProcessEnd: 1, theEnd: 1 } },
  },
  {
    name: 'MultiInstanceTest.testParallelCallActivity: six parallel calls of a process with two forked tasks',
    kind: 'multi-instance', file: mi('testParallelCallActivity'), calledFiles: [mi('externalSubProcess')],
    start: { waiting: [...times(6, 'task1'), ...times(6, 'task2')] },
    steps: [...times(6, { complete: 'task1' }), ...times(6, { complete: 'task2' })],
    end: { status: 'completed', counts: { end1: 6, end2: 6, theEnd: 1 } },
  },
  {
    name: 'MultiInstanceTest.testSequentialCallActivity: three sequential calls, one called process at a time',
    kind: 'multi-instance', file: mi('testSequentialCallActivity'), calledFiles: [mi('externalSubProcess')],
    start: { waiting: ['task1', 'task2'] },
    steps: times(3, [{ complete: 'task1' }, { complete: 'task2' }] as const).flat().map((step) => ({ ...step })),
    end: { status: 'completed', counts: { end1: 3, theEnd: 1 } },
  },
  {
    name: 'MultiInstanceTest.testSequentialScriptTasks: the script adds loopCounter to sum in five sequential runs',
    // loopCounter counts from 1 here (as in Camunda 8); Camunda 7 counts from 0 and gets 10 (README.md).
    kind: 'multi-instance', file: mi('testSequentialScriptTasks'), variables: { nrOfLoops: 5, sum: 0 },
    handlers: () => ({ script: ({ variables }) => ({ sum: Number(variables.sum) + Number(variables.loopCounter) }) }),
    start: { waiting: ['waitState'], variables: { sum: 15 } },
    steps: [{ complete: 'waitState' }],
    end: { status: 'completed', variables: { sum: 15 } },
  },
  {
    name: 'MultiInstanceTest.testSequentialServiceTaskWithClassAndCollection: the delegate runs once per collection item',
    kind: 'multi-instance', file: mi('testSequentialServiceTaskWithClassAndCollection'), variables: { items: [1, 2, 3, 4, 5] },
    // Stand-in for MultiInstanceDelegate: it records that it ran; here it appends the item to `seen`.
    handlers: () => ({
      'org.camunda.bpm.engine.test.bpmn.multiinstance.MultiInstanceDelegate': ({ variables }) => ({ seen: [...(Array.isArray(variables.seen) ? variables.seen : []), variables.item] }),
    }),
    start: { waiting: ['wait'], variables: { seen: [1, 2, 3, 4, 5] } },
    steps: [{ complete: 'wait' }],
    end: { status: 'completed' },
  },
];

const ca = (name: string): string => `callactivity/${name}.bpmn20.xml`;

const callActivities: CamundaCase[] = [
  {
    name: 'CallActivity.testCallSimpleSubProcess: the called process of another file runs between two tasks',
    kind: 'call activity', file: ca('CallActivity.testCallSimpleSubProcess'), calledFiles: [ca('simpleSubProcess')],
    start: { waiting: ['taskBeforeSubProcess'] },
    steps: [{ complete: 'taskBeforeSubProcess', then: { waiting: ['task'] } }, { complete: 'task', then: { waiting: ['taskAfterSubProcess'] } }, { complete: 'taskAfterSubProcess' }],
    end: { status: 'completed', counts: { callSubProcess: 1, theEnd: 2 } },
  },
  {
    name: 'CallActivity.testNestedCallActivity: a called process that itself calls a process',
    kind: 'call activity', file: ca('CallActivity.testNestedCallActivity'), calledFiles: [ca('CallActivity.testCallSimpleSubProcess'), ca('simpleSubProcess')],
    steps: [
      { complete: 'taskBeforeSubProcess', then: { waiting: ['taskBeforeSubProcess'] } },
      { complete: 'taskBeforeSubProcess', then: { waiting: ['task'] } },
      { complete: 'task', then: { waiting: ['taskAfterSubProcess'] } },
      { complete: 'taskAfterSubProcess', then: { waiting: ['taskAfterSubProcess'] } },
      { complete: 'taskAfterSubProcess' },
    ],
    end: { status: 'completed', counts: { theEnd: 3 } },
  },
  {
    name: 'CallActivity.testCallParallelSubProcess: the call activity completes after both branches of the called process',
    kind: 'call activity', file: ca('CallActivity.testCallParallelSubProcess'), calledFiles: [ca('simpleParallelSubProcess')],
    start: { waiting: ['taskA', 'taskB'] },
    steps: [{ complete: 'taskA', then: { notEntered: ['theEnd'] } }, { complete: 'taskB' }],
    end: { status: 'completed', counts: { theEnd: 1 } },
  },
  {
    name: 'CallActivity.testTwoSubProcesses: two forked calls of the same process join',
    kind: 'call activity', file: ca('CallActivity.testTwoSubProcesses'), calledFiles: [ca('simpleSubProcess')],
    start: { waiting: ['task', 'task'] },
    steps: [{ complete: 'task', then: { waiting: ['task'] } }, { complete: 'task' }],
    end: { status: 'completed', counts: { join: 1 } },
  },
  {
    name: 'CallActivity.testTimerOnCallActivity: the timer on the call activity cancels the called process',
    kind: 'call activity', file: ca('CallActivity.testTimerOnCallActivity'), calledFiles: [ca('simpleSubProcess')],
    start: { waiting: ['task'], timers: ['timer'] },
    steps: [{ timer: 'timer', then: { waiting: ['escalatedTask'] } }, { complete: 'escalatedTask' }],
    end: { status: 'completed', notEntered: ['theEnd'] },
  },
  {
    name: 'CallActivity.testSubProcessEndsSuperProcess: the end of the called process continues and ends the caller',
    kind: 'call activity', file: ca('CallActivity.testSubProcessEndsSuperProcess'), calledFiles: [ca('simpleSubProcess')],
    steps: [{ complete: 'task' }],
    end: { status: 'completed', counts: { theEnd: 2 } },
  },
  {
    name: 'CallActivity.testSubProcessDataInputOutput: in and out mappings by name and by expression',
    kind: 'call activity', file: ca('CallActivity.testSubProcessDataInputOutput'), calledFiles: [ca('simpleSubProcess')],
    variables: { superVariable: 'Hello from the super process.', x: 5 },
    start: { waiting: ['task'] },
    steps: [
      { complete: 'task', variables: { subVariable: 'Hello from sub process.' }, then: { waiting: ['userTask1'], variables: { superVariable: 'Hello from sub process.' } } },
      { complete: 'userTask1', then: { waiting: ['task'] } },
      { complete: 'task', then: { waiting: ['userTask2'], variables: { z: 15 } } },
      { complete: 'userTask2' },
    ],
    end: { status: 'completed', variables: { superVariable: 'Hello from sub process.', x: 5, z: 15 } },
  },
  {
    name: 'CallActivity.testSubProcessDataInputOutputAsExpression: the same mappings written as expressions',
    kind: 'call activity', file: ca('CallActivity.testSubProcessDataInputOutputAsExpression'), calledFiles: [ca('simpleSubProcess')],
    variables: { superVariable: 'Hello from the super process.', x: 5 },
    steps: [
      { complete: 'task', variables: { subVariable: 'Hello from sub process.' }, then: { variables: { superVariable: 'Hello from sub process.' } } },
      { complete: 'userTask1' },
      { complete: 'task', then: { variables: { z: 15 } } },
      { complete: 'userTask2' },
    ],
    end: { status: 'completed', variables: { z: 15 } },
  },
  {
    name: 'CallActivity.testSubProcessAllDataInputOutput: variables="all" passes every variable in and back out',
    kind: 'call activity', file: ca('CallActivity.testSubProcessAllDataInputOutput'), calledFiles: [ca('simpleSubProcess')],
    variables: { superVariable: 'Hello from the super process.', testVariable: 'Only a test.' },
    steps: [
      { complete: 'userTask1', then: { waiting: ['task'] } },
      { complete: 'task', variables: { superVariable: 'Hello from sub process.', subVariable: 'Hello again.' }, then: { waiting: ['userTask2'] } },
      { complete: 'userTask2' },
    ],
    end: { status: 'completed', variables: { superVariable: 'Hello from sub process.', subVariable: 'Hello again.', testVariable: 'Only a test.' } },
  },
];

const subProcesses: CamundaCase[] = [
  {
    name: 'SubProcessTest.testSimpleSubProcessWithTimer: the timer on the sub-process cancels its task',
    kind: 'boundary timer', file: 'subprocess/SubProcessTest.testSimpleSubProcessWithTimer.bpmn20.xml',
    start: { waiting: ['subProcessTask'], timers: ['escalationTimer'] },
    steps: [{ timer: 'escalationTimer', then: { waiting: ['escalationTask'] } }, { complete: 'escalationTask' }],
    end: { status: 'completed', notEntered: ['theEnd', 'subProcessEnd'] },
  },
  {
    name: 'SubProcessTest.testSimpleSubProcessWithConcurrentTimer: finishing the sub-process first removes its timer',
    kind: 'boundary timer', file: 'subprocess/SubProcessTest.testSimpleSubProcessWithConcurrentTimer.bpmn20.xml',
    steps: [{ complete: 'subProcessTask', then: { waiting: ['taskAfterSubProcess'], timers: [] } }, { complete: 'taskAfterSubProcess' }],
    end: { status: 'completed', notEntered: ['taskAfterTimer1', 'taskAfterTimer2'] },
  },
  {
    name: 'SubProcessTest.testTwoSubProcessInParallel: two forked sub-processes each continue on their own',
    kind: 'parallel gateway', file: 'subprocess/SubProcessTest.testTwoSubProcessInParallel.bpmn20.xml',
    start: { waiting: ['subProcessATask', 'subProcessBTask'] },
    steps: [{ complete: 'subProcessATask', then: { waiting: ['subProcessBTask', 'taskAfterSubProcessA'] } }, { complete: 'subProcessBTask' }, { complete: 'taskAfterSubProcessA' }, { complete: 'taskAfterSubProcessB' }],
    end: { status: 'completed', counts: { theEnd1: 1, theEnd2: 1 } },
  },
  {
    name: 'InterruptingEventSubProcessTest.testCancelTimer: the interrupting message event sub-process removes the boundary timer',
    kind: 'event sub-process', file: 'subprocess/InterruptingEventSubProcessTest.testCancelTimer.bpmn',
    start: { timers: ['BoundaryEvent_1'] },
    steps: [{ message: 'newMessage', then: { waiting: ['taskAfterMessageStartEvent'], timers: [] } }, { complete: 'taskAfterMessageStartEvent' }],
    end: { status: 'completed', notEntered: ['taskAfterTimer', 'end1'] },
  },
];

const compensate = (name: string): string => `event/compensate/CompensateEventTest.${name}.bpmn20.xml`;
const bookings = (): Record<string, Handler> => ({
  // camunda:expression="${true}": the booking does nothing observable.
  '${true}': () => ({}),
  // Stand-in for UndoService: counts compensations per handler id.
  'org.camunda.bpm.engine.test.bpmn.event.compensate.helper.UndoService': ({ elementId, variables }) => ({ [elementId]: (typeof variables[elementId] === 'number' ? (variables[elementId] as number) : 0) + 1 }),
});

const compensation: CamundaCase[] = [
  {
    name: 'CompensateEventTest.activityWithCompensationEndEvent: a compensation end event naming bookHotel runs only its handler',
    kind: 'compensation', file: compensate('activityWithCompensationEndEvent'), handlers: bookings,
    knownGap: 'the parser does not keep the association from a compensation boundary to its handler (§10.5.2), so with two handlers in the scope none is found',
    start: { waiting: ['undoBookHotel'], notEntered: ['undoBookFlight'] },
    steps: [{ complete: 'undoBookHotel' }],
    end: { status: 'completed', notEntered: ['undoBookFlight'] },
  },
  {
    name: 'CompensateEventTest.testReceiveTaskCompensationHandler: the compensation handler is a receive task the throw event waits for',
    kind: 'compensation', file: compensate('testReceiveTaskCompensationHandler'),
    knownGap: 'a compensation throw event does not wait for its handlers (waitForCompletion, §10.5.4); beforeEnd opens at once',
    steps: [{ complete: 'activity', then: { waiting: ['compensationHandler'], notEntered: ['beforeEnd'] } }, { message: 'Message', then: { waiting: ['beforeEnd'] } }, { complete: 'beforeEnd' }],
    end: { status: 'completed' },
  },
];

export const camundaCases: CamundaCase[] = [
  ...exclusiveGateway, ...inclusiveGateway, ...parallelGateway, ...eventBasedGateway, ...timers, ...eventSubProcesses, ...terminateEndEvents, ...linkEvents, ...receiveTasks,
  ...errors, ...escalations, ...messages, ...signals, ...multiInstance, ...callActivities, ...subProcesses, ...compensation,
];
