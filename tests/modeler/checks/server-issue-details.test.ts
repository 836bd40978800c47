/**
 * A server finding worded with what the modeler reads from its diagram (issue 16): a step nobody can receive names the
 * unit it is routed to, its own or its lane's, by the names of the agency directory.
 */
import { describe, expect, it } from 'vitest';
import { createModdle } from '../../../engine/src/model/create-moddle';
import type { Agency } from '../../../modeler/src/api/api-client';
import { fromServerIssue } from '../../../modeler/src/modeler/checks/check-results';
import { stepUnit, withServerIssueDetails } from '../../../modeler/src/modeler/checks/server-issue-details';
import type { LintNode } from '../../../modeler/src/modeler/lint/lint-node';

const agencies: Agency[] = [{ id: 'ubnd-xa-demo', name: 'Ủy ban nhân dân xã Demo', departments: [{ id: 'tu-phap-ho-tich', name: 'Tư pháp – Hộ tịch' }] }];

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:lt="https://lienthong.gov.vn/schema/bpmn/1.0" id="Definitions_1">
  <bpmn:process id="Process_1" isExecutable="true">
    <bpmn:laneSet id="LaneSet_1">
      <bpmn:lane id="Lane_1" name="Tư pháp">
        <bpmn:extensionElements><lt:assignment agency="ubnd-xa-demo" department="tu-phap-ho-tich" /></bpmn:extensionElements>
        <bpmn:flowNodeRef>Task_Lane</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>Task_Own</bpmn:flowNodeRef>
      </bpmn:lane>
    </bpmn:laneSet>
    <bpmn:userTask id="Task_Lane" name="Thẩm định" />
    <bpmn:userTask id="Task_Own" name="Ký">
      <bpmn:extensionElements><lt:assignment agency="so-khong-co" /></bpmn:extensionElements>
    </bpmn:userTask>
  </bpmn:process>
</bpmn:definitions>`;

async function elements(): Promise<(id: string) => LintNode | undefined> {
  const { elementsById } = await createModdle().fromXML(xml, 'bpmn:Definitions');
  return (id) => elementsById[id] as LintNode | undefined;
}

describe('the details of a server finding', () => {
  it('names the unit a step is routed to: its lane’s by the directory’s names, its own by id when the directory lacks it', async () => {
    const elementOf = await elements();
    expect(stepUnit(elementOf('Task_Lane')!, agencies)).toBe('Tư pháp – Hộ tịch, Ủy ban nhân dân xã Demo');
    expect(stepUnit(elementOf('Task_Own')!, agencies)).toBe('so-khong-co');
  });

  it('words an unreachable unit with it, and leaves other findings as the server sent them', async () => {
    const elementOf = await elements();
    // given the server's findings about the lane's step
    const unreachable = fromServerIssue({ elementId: 'Task_Lane', code: 'UNIT_UNREACHABLE', severity: 'error', message: 'User task "Thẩm định" (Task_Lane) is routed to …' });
    const deadEnd = fromServerIssue({ elementId: 'Task_Lane', code: 'DEAD_END', severity: 'warning', message: 'User task "Thẩm định" (Task_Lane) has no outgoing sequence flow' });
    // then the unreachable unit is named, the dead end is unchanged
    expect(withServerIssueDetails(unreachable, elementOf, agencies)).toMatchObject({ variant: 'unit', params: { unit: 'Tư pháp – Hộ tịch, Ủy ban nhân dân xã Demo' } });
    expect(withServerIssueDetails(deadEnd, elementOf, agencies)).toBe(deadEnd);
  });
});
