/**
 * A process must not complete while a token is still on its way inside it (BPMN 2.0 §13.4.5: a process instance
 * completes when no token remains). Here a non-interrupting escalation boundary ends its path on the process level
 * in the same step (after a user task) in which the sub-process completes and sends its token to the process end event.
 */
import { describe, expect, it } from 'vitest';
import { parseProcedure } from '../../../engine/src/model/index';
import { RuntimeDriver } from './runtime-driver';

const xml = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" targetNamespace="urn:x">
  <escalation id="tooBig" escalationCode="TOO_BIG" />
  <process id="order" isExecutable="true">
    <startEvent id="start" /><sequenceFlow id="f1" sourceRef="start" targetRef="sub" />
    <subProcess id="sub">
      <startEvent id="subStart" /><sequenceFlow id="s0" sourceRef="subStart" targetRef="check" />
      <userTask id="check" /><sequenceFlow id="s1" sourceRef="check" targetRef="raise" />
      <intermediateThrowEvent id="raise"><escalationEventDefinition escalationRef="tooBig" /></intermediateThrowEvent>
      <sequenceFlow id="s2" sourceRef="raise" targetRef="subEnd" />
      <endEvent id="subEnd" />
    </subProcess>
    <sequenceFlow id="f2" sourceRef="sub" targetRef="end" />
    <endEvent id="end" />
    <boundaryEvent id="escalated" attachedToRef="sub" cancelActivity="false"><escalationEventDefinition escalationRef="tooBig" /></boundaryEvent>
    <sequenceFlow id="f3" sourceRef="escalated" targetRef="escalatedEnd" />
    <endEvent id="escalatedEnd" />
  </process>
</definitions>`;

describe('process completion while a token is in flight', () => {
  it('completes the process only after the token leaving the sub-process reached the end event', async () => {
    // given
    const { definition } = await parseProcedure(xml);
    const driver = new RuntimeDriver(definition!);
    // when
    await driver.start();
    await driver.complete('check');
    // then
    const order = driver.effects.flatMap((e) => (e.type === 'element.entered' ? [e.elementId] : e.type === 'process.completed' ? ['(completed)'] : []));
    expect(order.filter((id) => ['end', 'escalatedEnd', '(completed)'].includes(id))).toEqual(['escalatedEnd', 'end', '(completed)']);
    expect(driver.status).toBe('completed');
  });
});
