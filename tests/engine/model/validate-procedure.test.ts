import { describe, expect, it } from 'vitest';
import {
  parseProcedure,
  validateGateways,
  validateProcedure,
  type ProcedureDefinition,
  type ValidationCode,
  type ValidationIssue,
} from '../../../engine/src/model/index';
import { readFixture } from './read-fixture';

async function issuesOf(fixture: string): Promise<ValidationIssue[]> {
  return (await parseProcedure(readFixture(fixture))).issues;
}

function withCode(issues: ValidationIssue[], code: ValidationCode): ValidationIssue[] {
  return issues.filter((issue) => issue.code === code);
}

describe('validation rules', () => {
  it('reports an exclusive gateway without outgoing flows by its name and id', async () => {
    // given / when
    const issues = await issuesOf('gateway-without-outgoing.bpmn');
    // then
    expect(withCode(issues, 'GATEWAY_WITHOUT_OUTGOING')).toEqual([
      {
        elementId: 'gw-approved',
        code: 'GATEWAY_WITHOUT_OUTGOING',
        severity: 'error',
        message: 'Exclusive gateway "Approved?" (gw-approved) has no outgoing sequence flow',
      },
    ]);
  });

  it('reports a flow to nowhere and a flow from nowhere, naming the missing element', async () => {
    // given / when
    const issues = await issuesOf('dangling-flows.bpmn');
    // then
    expect(withCode(issues, 'FLOW_TO_NOWHERE')).toEqual([expect.objectContaining({ elementId: 'flow-to-nowhere', severity: 'error' })]);
    expect(withCode(issues, 'FLOW_TO_NOWHERE')[0].message).toContain('task-missing');
    expect(withCode(issues, 'FLOW_FROM_NOWHERE')).toEqual([expect.objectContaining({ elementId: 'flow-from-nowhere' })]);
    expect(withCode(issues, 'FLOW_FROM_NOWHERE')[0].message).toContain('task-ghost');
  });

  it('reports FEEL conditions and timers that do not parse, and leaves JUEL alone', async () => {
    // given / when
    const issues = await issuesOf('invalid-expressions.bpmn');
    // then
    expect(withCode(issues, 'CONDITION_INVALID').map((issue) => issue.elementId)).toEqual(['flow-feel-broken', 'flow-feel-declared-broken']);
    expect(withCode(issues, 'EXPRESSION_INVALID').map((issue) => issue.elementId)).toEqual(['boundary-timer-broken']);
    expect(withCode(issues, 'CONDITION_INVALID')[0].message).toContain('incomplete comparison');
  });

  it('makes a user task without agency or budget an error inside a procedure', async () => {
    // given / when
    const issues = await issuesOf('unassigned-user-task-in-procedure.bpmn');
    // then
    expect(withCode(issues, 'USER_TASK_WITHOUT_AGENCY')).toEqual([expect.objectContaining({ elementId: 'task-unassigned', severity: 'error' })]);
    expect(withCode(issues, 'USER_TASK_WITHOUT_BUDGET')).toEqual([expect.objectContaining({ elementId: 'task-unassigned', severity: 'error' })]);
  });

  it('makes a user task without agency only a warning in plain BPMN without lt:procedure', async () => {
    // given / when
    const issues = await issuesOf('ordinary-elements.bpmn');
    // then
    const agencyIssues = withCode(issues, 'USER_TASK_WITHOUT_AGENCY');
    expect(agencyIssues.map((issue) => issue.elementId)).toEqual(['task-check', 'task-review']);
    expect(agencyIssues.every((issue) => issue.severity === 'warning')).toBe(true);
  });

  it('reports unconnected nodes as unreachable but counts boundary events, event sub-processes and link events as entries', async () => {
    // given / when
    const issues = await issuesOf('reachability.bpmn');
    // then
    expect(withCode(issues, 'UNREACHABLE_ELEMENT').map((issue) => issue.elementId)).toEqual(['task-orphan', 'task-dead-end', 'sub-orphan']);
  });

  it('reports a process and an event sub-process without start event, as a warning in a non-executable process', async () => {
    // given / when
    const issues = await issuesOf('no-start-event.bpmn');
    // then
    expect(withCode(issues, 'NO_START_EVENT').map((issue) => [issue.elementId, issue.severity])).toEqual([
      ['process-no-start', 'error'],
      ['event-sub-without-start', 'error'],
      ['process-descriptive', 'warning'],
    ]);
  });

  it('reports an exclusive gateway whose split has an unguarded flow and no default', async () => {
    // given / when
    const issues = await issuesOf('exclusive-gateway-guards.bpmn');
    // then
    expect(withCode(issues, 'EXCLUSIVE_GATEWAY_UNGUARDED')).toEqual([expect.objectContaining({ elementId: 'gw-unguarded' })]);
    expect(withCode(issues, 'EXCLUSIVE_GATEWAY_UNGUARDED')[0].message).toContain('flow-unguarded');
  });

  it('reports a boundary event attached to an element that does not exist', async () => {
    // given / when
    const issues = await issuesOf('boundary-without-activity.bpmn');
    // then
    expect(withCode(issues, 'BOUNDARY_WITHOUT_ACTIVITY')).toEqual([expect.objectContaining({ elementId: 'boundary-detached', severity: 'error' })]);
    expect(withCode(issues, 'BOUNDARY_WITHOUT_ACTIVITY')[0].message).toContain('task-deleted');
  });

  it('turns bpmn-moddle warnings into duplicate id, unresolved reference and XML warning issues', async () => {
    // given / when
    const issues = await issuesOf('moddle-warnings.bpmn');
    // then
    expect(withCode(issues, 'DUPLICATE_ID')).toEqual([expect.objectContaining({ elementId: 'end', severity: 'error' })]);
    expect(withCode(issues, 'UNRESOLVED_REFERENCE')).toEqual([expect.objectContaining({ elementId: 'catch-undeclared', severity: 'warning' })]);
    expect(withCode(issues, 'UNRESOLVED_REFERENCE')[0].message).toContain('message-undeclared');
    expect(withCode(issues, 'XML_WARNING')).toEqual([expect.objectContaining({ elementId: 'process-warnings', severity: 'warning' })]);
  });

  it('keeps the raw id of an unresolved message reference in the definition', async () => {
    // given / when
    const { definition } = await parseProcedure(readFixture('moddle-warnings.bpmn'));
    // then
    expect(definition?.processes[0].nodes['catch-undeclared'].eventDefinitions).toEqual([{ type: 'message', messageRef: 'message-undeclared' }]);
  });

  it('reports step budgets along the longest path that exceed the statutory deadline, and by how much', async () => {
    // given / when
    const issues = await issuesOf('budget-exceeds-statutory.bpmn');
    // then
    const [issue] = withCode(issues, 'BUDGET_EXCEEDS_STATUTORY');
    expect(issue).toMatchObject({ elementId: 'process-budget', severity: 'error' });
    expect(issue.message).toContain('5.5 working days (Receive 1 + Review 3 + Sign 1.5), 0.5 more than the statutory 5 working days');
  });

  it('accepts step budgets that add up to exactly the statutory deadline', async () => {
    // given / when
    const issues = await issuesOf('three-lane-procedure.bpmn');
    // then
    expect(issues).toEqual([]);
  });

  it('reports invalid procedure metadata and step extension values', async () => {
    // given / when
    const issues = withCode(await issuesOf('procedure-metadata-invalid.bpmn'), 'PROCEDURE_METADATA_INVALID');
    // then
    expect(issues.map((issue) => issue.elementId)).toEqual([
      'task-bad-values',
      'task-bad-values',
      'task-bad-values',
      'definitions-metadata-invalid',
      'definitions-metadata-invalid',
      'definitions-metadata-invalid',
    ]);
    const messages = issues.map((issue) => issue.message).join('\n');
    for (const bad of ['"weeks"', '"150"', '"mayor"', '"ten"', '"forever"', '"1.5"']) expect(messages).toContain(bad);
  });

  it('reports unsupported elements as errors only inside executable processes', async () => {
    // given / when
    const issues = await issuesOf('unsupported-elements.bpmn');
    // then
    expect(withCode(issues, 'UNSUPPORTED_ELEMENT').map((issue) => [issue.elementId, issue.severity])).toEqual([
      ['gw-complex', 'error'],
      ['adhoc-drawn', 'warning'],
      ['choreography-drawn', 'warning'],
      ['conversation-drawn', 'warning'],
    ]);
  });

  it('reports definitions without any executable process, as a warning outside a procedure', async () => {
    // given / when
    const issues = await issuesOf('unsupported-elements.bpmn');
    // then
    expect(withCode(issues, 'NO_EXECUTABLE_PROCESS')).toEqual([]);
    const descriptiveOnly = await parseProcedure(readFixture('unsupported-elements.bpmn').replace('isExecutable="true"', 'isExecutable="false"'));
    expect(withCode(descriptiveOnly.issues, 'NO_EXECUTABLE_PROCESS')).toEqual([
      expect.objectContaining({ elementId: 'definitions-unsupported', severity: 'warning' }),
    ]);
  });

  it('runs each rule as a plain function of the definition', async () => {
    // given
    const { definition } = await parseProcedure(readFixture('gateway-without-outgoing.bpmn'));
    // when
    const issues = validateGateways(definition as ProcedureDefinition);
    // then
    expect(issues.map((issue) => issue.code)).toEqual(['GATEWAY_WITHOUT_OUTGOING']);
    expect(validateProcedure(definition as ProcedureDefinition)).toEqual(expect.arrayContaining(issues));
  });
});
