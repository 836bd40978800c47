import { describe, expect, it } from 'vitest';
import { parseProcedure, type ProcedureDefinition } from '../../../engine/src/model/index';
import { readFixture } from './read-fixture';

async function parseFixture(name: string): Promise<ProcedureDefinition> {
  const { definition } = await parseProcedure(readFixture(name));
  if (!definition) throw new Error(`${name} did not parse`);
  return definition;
}

describe('reading the lt: extensions', () => {
  it('reads the procedure metadata: code, statutory deadline, legal basis, lead agency and form schema', async () => {
    // given / when
    const { procedure } = await parseFixture('three-lane-procedure.bpmn');
    // then
    expect(procedure).toMatchObject({
      procedureCode: '1.009999',
      statutoryBudget: { value: 15, unit: 'workingDays' },
      legalBasis: 'Luật Xây dựng 2014, Điều 102; Nghị định 15/2021/NĐ-CP',
      maxReappointments: 1,
      leadAgencyId: 'ubnd-quan-1',
    });
    expect(JSON.parse(procedure?.formSchema ?? '{}')).toMatchObject({ required: ['applicantName'] });
  });

  it('reads a bounded-wait supplement policy with its wait budget', async () => {
    // given / when
    const { procedure } = await parseFixture('three-lane-procedure.bpmn');
    // then
    expect(procedure?.supplementPolicy).toEqual({ kind: 'boundedWait', waitBudget: { value: 7, unit: 'workingDays' } });
  });

  it('reads a restart supplement policy, and pauses the clock when none is declared', async () => {
    // given / when
    const restart = await parseFixture('budget-exceeds-statutory.bpmn');
    const undeclared = await parseFixture('unassigned-user-task-in-procedure.bpmn');
    // then
    expect(restart.procedure?.supplementPolicy).toEqual({ kind: 'restart' });
    expect(undeclared.procedure?.supplementPolicy).toEqual({ kind: 'pause' });
  });

  it('treats undeclared expressions as FEEL in a document with lt:procedure', async () => {
    // given / when
    const { flows } = (await parseFixture('budget-exceeds-statutory.bpmn')).processes[0];
    // then
    expect(flows['flow-rework'].condition).toEqual({ body: 'rework = true', language: 'feel' });
  });

  it('reads step budgets in working days and working hours', async () => {
    // given / when
    const { nodes } = (await parseFixture('three-lane-procedure.bpmn')).processes[0];
    // then
    expect(nodes['task-receive'].budget).toEqual({ value: 0.5, unit: 'workingDays' });
    expect(nodes['task-approve'].budget).toEqual({ value: 24, unit: 'workingHours' });
  });

  it('gives a task the assignment of its innermost lane, climbing to the parent lane, unless it has its own', async () => {
    // given / when
    const { nodes, lanes } = (await parseFixture('three-lane-procedure.bpmn')).processes[0];
    // then
    expect(nodes['task-receive']).toMatchObject({ laneId: 'lane-counter', assignment: { agencyId: 'ubnd-quan-1', departmentId: 'mot-cua' } });
    expect(nodes['task-approve']).toMatchObject({ laneId: 'lane-urban-head', assignment: { agencyId: 'ubnd-quan-1', departmentId: 'qldt' } });
    expect(nodes['task-sign'].assignment).toEqual({ agencyId: 'ubnd-quan-1', departmentId: 'chu-tich' });
    expect(lanes['lane-urban'].childLaneIds).toEqual(['lane-urban-head']);
    expect(lanes['lane-urban-head'].assignment).toBeUndefined();
  });

  it('gives a task inside a sub-process the assignment of the sub-process lane, and a task in an unassigned lane the process one', async () => {
    // given / when
    const { nodes } = (await parseFixture('assignment-inheritance.bpmn')).processes[0];
    // then
    expect(nodes['task-inside-sub-process'].assignment).toEqual({ agencyId: 'cong-an-xa', departmentId: 'cu-tru' });
    expect(nodes['task-with-own-assignment'].assignment).toEqual({ agencyId: 'cong-an-huyen' });
    expect(nodes['task-in-unassigned-lane'].assignment).toEqual({ agencyId: 'ubnd-tinh' });
    expect(nodes['task-inside-sub-process'].escalation).toEqual([{ afterWorkingHours: 0, target: 'supervisor' }]);
  });

  it('reads a same-day budget without a value', async () => {
    // given
    const { definition, issues } = await parseProcedure(readFixture('assignment-inheritance.bpmn'));
    // when
    const nodes = definition?.processes[0].nodes ?? {};
    // then
    expect(nodes['task-in-unassigned-lane'].budget).toEqual({ value: 0, unit: 'sameDay' });
    expect(nodes['task-with-own-assignment'].budget).toBeUndefined();
    expect(issues.map((issue) => [issue.code, issue.elementId])).toContainEqual(['PROCEDURE_METADATA_INVALID', 'task-with-own-assignment']);
  });

  it('sorts the escalation ladder by hours after due and lets nested lanes inherit it', async () => {
    // given / when
    const { nodes } = (await parseFixture('three-lane-procedure.bpmn')).processes[0];
    // then
    const ladder = [
      { afterWorkingHours: 0, target: 'headOfUnit' },
      { afterWorkingHours: 8, target: 'supervisor' },
      { afterWorkingHours: 16, target: 'headOfUnit', reassign: true },
    ];
    expect(nodes['task-review'].escalation).toEqual(ladder);
    expect(nodes['task-approve'].escalation).toEqual(ladder);
    expect(nodes['task-receive'].escalation).toBeUndefined();
  });

  it('takes the nearly-due threshold of the step, else of the process', async () => {
    // given / when
    const { nodes } = (await parseFixture('three-lane-procedure.bpmn')).processes[0];
    // then
    expect(nodes['task-review'].nearlyDue).toEqual({ kind: 'workingHoursBefore', hours: 4 });
    expect(nodes['task-sign'].nearlyDue).toEqual({ kind: 'percentOfBudget', percent: 75 });
  });

  it('reads lt:handler, lt:loopCharacteristics and lt:in/lt:out as FEEL', async () => {
    // given / when
    const { nodes } = (await parseFixture('lt-step-details.bpmn')).processes[0];
    // then
    expect(nodes['task-notify'].handler).toBe('notifyAgency');
    expect(nodes['task-notify'].loop).toEqual({
      type: 'multiInstance',
      isSequential: false,
      inputCollection: { body: '= dossier.agencies', language: 'feel' },
      inputElement: 'agency',
      outputCollection: 'receipts',
      outputElement: { body: '= receipt', language: 'feel' },
    });
    expect(nodes['call-residence']).toMatchObject({
      calledElement: 'residence-registration',
      inputMappings: [{ source: { body: '= child.name', language: 'feel' }, target: 'childName' }],
      outputMappings: [{ source: { body: 'residenceBookNumber', language: 'feel' }, target: 'residenceBook' }],
      outputAllVariables: true,
    });
  });
});
