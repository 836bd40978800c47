/** `step.returned`: a token goes back to an earlier user task of the same scope, across a restart, exactly once. */
import { describe, expect, it } from 'vitest';
import { createEngine, EngineError, parseProcedure, type InstanceSnapshot, type ProcedureDefinition } from '../../../engine/src/index';

const xml = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs-return" targetNamespace="urn:test">
  <process id="process-return" isExecutable="true">
    <startEvent id="start" />
    <sequenceFlow id="flow-start-to-draft" sourceRef="start" targetRef="task-draft" />
    <userTask id="task-draft" name="Draft" />
    <sequenceFlow id="flow-draft-to-approve" sourceRef="task-draft" targetRef="task-approve" />
    <userTask id="task-approve" name="Approve" />
    <boundaryEvent id="boundary-reminder" attachedToRef="task-approve" cancelActivity="false">
      <timerEventDefinition><timeDuration>PT4H</timeDuration></timerEventDefinition>
    </boundaryEvent>
    <sequenceFlow id="flow-reminder-to-end" sourceRef="boundary-reminder" targetRef="end-reminded" />
    <endEvent id="end-reminded" />
    <sequenceFlow id="flow-approve-to-end" sourceRef="task-approve" targetRef="end" />
    <endEvent id="end" />
  </process>
</definitions>`;

const restart = (snapshot: InstanceSnapshot): InstanceSnapshot => JSON.parse(JSON.stringify(snapshot)) as InstanceSnapshot;

async function atApproval() {
  const { definition } = await parseProcedure(xml);
  const engine = createEngine({ clock: { now: () => Date.parse('2025-03-03T01:00:00Z') } });
  let { snapshot } = await engine.start(definition as ProcedureDefinition, {});
  const [draft] = engine.activeSteps(snapshot);
  ({ snapshot } = await engine.deliver(definition as ProcedureDefinition, snapshot, { type: 'task.completed', stepId: draft!.stepId }));
  return { engine, definition: definition as ProcedureDefinition, snapshot, approve: engine.activeSteps(snapshot)[0]! };
}

describe('step.returned', () => {
  it('cancels the open step and its boundary timer, opens the earlier user task with a fresh token, then runs on after a restart', async () => {
    // given the approval step open with its reminder timer armed
    const { engine, definition, snapshot, approve } = await atApproval();
    expect(approve.elementId).toBe('task-approve');
    // when the approver returns it to the draft step, and the server restarts
    const returned = await engine.deliver(definition, restart(snapshot), { type: 'step.returned', stepId: approve.stepId, toElementId: 'task-draft', reason: 'Sửa lại số liệu' });
    // then the approval step and its timer are cancelled and a new draft step opens
    expect(returned.effects.map((e) => e.type)).toEqual(['timer.cancelled', 'step.cancelled', 'step.activated']);
    const [draftAgain] = engine.activeSteps(returned.snapshot);
    expect(draftAgain!.elementId).toBe('task-draft');
    expect(draftAgain!.stepId).not.toBe(approve.stepId);
    expect(returned.snapshot.sc[returned.snapshot.r]!.v).toMatchObject({ returnReason: 'Sửa lại số liệu' });
    // and after another restart the route runs to the end as drawn
    let next = await engine.deliver(definition, restart(returned.snapshot), { type: 'task.completed', stepId: draftAgain!.stepId });
    const [approveAgain] = engine.activeSteps(next.snapshot);
    next = await engine.deliver(definition, restart(next.snapshot), { type: 'task.completed', stepId: approveAgain!.stepId });
    expect(next.status).toBe('completed');
  });

  it('refuses a target that is not another user task of the scope, and a step that is no longer open', async () => {
    const { engine, definition, snapshot, approve } = await atApproval();
    for (const toElementId of ['end', 'no-such-element', 'task-approve']) {
      await expect(engine.deliver(definition, snapshot, { type: 'step.returned', stepId: approve.stepId, toElementId, reason: 'x' })).rejects.toMatchObject({ code: 'EVENT_NOT_EXPECTED' });
    }
    const done = await engine.deliver(definition, snapshot, { type: 'task.completed', stepId: approve.stepId });
    const late = engine.deliver(definition, done.snapshot, { type: 'step.returned', stepId: approve.stepId, toElementId: 'task-draft', reason: 'x' });
    await expect(late).rejects.toBeInstanceOf(EngineError);
  });
});
