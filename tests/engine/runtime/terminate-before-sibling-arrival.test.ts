/**
 * A parallel fork whose first outgoing flow reaches a terminate end event: the sibling token, still queued, must
 * not start its task afterwards (BPMN 2.0 §13.5.6: terminate ends every activity of the process or called
 * process at once). Found on Camunda 7's TerminateEndEventTest.subProcessConcurrentTerminate model.
 */
import { describe, expect, it } from 'vitest';
import { parseProcedure } from '../../../engine/src/model/index';
import type { ProcedureDefinition } from '../../../engine/src/model/index';
import { RuntimeDriver } from './runtime-driver';

const forkToTerminateFirst = (id: string): string => `
    <startEvent id="${id}_start" /><sequenceFlow id="${id}_f1" sourceRef="${id}_start" targetRef="${id}_fork" />
    <parallelGateway id="${id}_fork" />
    <sequenceFlow id="${id}_f2" sourceRef="${id}_fork" targetRef="${id}_terminate" />
    <sequenceFlow id="${id}_f3" sourceRef="${id}_fork" targetRef="${id}_task" />
    <endEvent id="${id}_terminate"><terminateEventDefinition /></endEvent>
    <userTask id="${id}_task" /><sequenceFlow id="${id}_f4" sourceRef="${id}_task" targetRef="${id}_end" />
    <endEvent id="${id}_end" />`;

const xml = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" targetNamespace="urn:x">
  <process id="caller" isExecutable="true">
    <startEvent id="start" /><sequenceFlow id="c1" sourceRef="start" targetRef="call" />
    <callActivity id="call" calledElement="called" /><sequenceFlow id="c2" sourceRef="call" targetRef="after" />
    <userTask id="after" /><sequenceFlow id="c3" sourceRef="after" targetRef="end" />
    <endEvent id="end" />
  </process>
  <process id="called" isExecutable="true">${forkToTerminateFirst('child')}
  </process>
  <process id="alone" isExecutable="true">${forkToTerminateFirst('root')}
  </process>
</definitions>`;

async function load(): Promise<ProcedureDefinition> {
  const { definition } = await parseProcedure(xml);
  return definition!;
}

describe('terminate end event reached before a sibling token arrives', () => {
  it('ends the called process without starting its sibling task, and the caller goes on', async () => {
    // given
    const driver = new RuntimeDriver(await load());
    // when
    await driver.start({ processId: 'caller' });
    // then
    expect(driver.visited).not.toContain('child_task');
    expect(driver.openSteps()).toEqual(['after']);
    expect(driver.status).toBe('running');
  });

  it('terminates a process without activating the sibling task afterwards', async () => {
    // given
    const driver = new RuntimeDriver(await load());
    // when
    await driver.start({ processId: 'alone' });
    // then
    expect(driver.status).toBe('terminated');
    expect(driver.visited).not.toContain('root_task');
    expect(driver.effectsOf('step.activated')).toEqual([]);
  });
});
