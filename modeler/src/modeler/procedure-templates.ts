/**
 * @module procedureTemplates — diagrams to start from: an empty procedure, and the common internal process
 * "one-stop counter → department → head of unit → counter" (tiếp nhận → thẩm định → phê duyệt → trả kết quả).
 */
import { t } from '../i18n/locale';

const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:lt="https://lienthong.gov.vn/schema/bpmn/1.0" id="Definitions_1" targetNamespace="https://lienthong.gov.vn/procedures">`;

/** A process with a start event and empty procedure metadata. */
export function emptyProcedureXml(): string {
  return `${HEADER}
  <bpmn:process id="Process_1" isExecutable="true">
    <bpmn:extensionElements><lt:procedure statutoryUnit="workingDays" supplementPolicy="pause" /></bpmn:extensionElements>
    <bpmn:startEvent id="StartEvent_1" name="${t('template.received')}" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Process_1">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1"><dc:Bounds x="180" y="160" width="36" height="36" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}

interface Step {
  id: string;
  name: string;
  lane: 0 | 1 | 2;
  x: number;
  days: string;
}

/** Counter → department → head → counter, budgets 0.5 + 7 + 2 + 0.5 of a 10-working-day deadline. */
export function oneStopTemplateXml(): string {
  const laneNames = [t('template.laneCounter'), t('template.laneDepartment'), t('template.laneHead')];
  const laneY = (lane: number) => 80 + lane * 150;
  const steps: Step[] = [
    { id: 'Task_Receive', name: t('template.taskReceive'), lane: 0, x: 350, days: '0.5' },
    { id: 'Task_Review', name: t('template.taskReview'), lane: 1, x: 510, days: '7' },
    { id: 'Task_Approve', name: t('template.taskApprove'), lane: 2, x: 670, days: '2' },
    { id: 'Task_Return', name: t('template.taskReturn'), lane: 0, x: 830, days: '0.5' },
  ];
  const nodes = ['Start', ...steps.map((step) => step.id), 'End'];
  const center = (id: string): [number, number] => {
    if (id === 'Start') return [280, laneY(0) + 75];
    if (id === 'End') return [1002, laneY(0) + 75];
    const step = steps.find((candidate) => candidate.id === id)!;
    return [step.x + 50, laneY(step.lane) + 75];
  };
  const edge = (from: string, to: string): [number, number][] => {
    const [fx, fy] = center(from);
    const [tx, ty] = center(to);
    const right = (id: string) => (id === 'Start' || id === 'End' ? 18 : 50);
    if (fy === ty) return [[fx + right(from), fy], [tx - right(to), ty]];
    return [[fx + right(from), fy], [tx, fy], [tx, ty + (ty > fy ? -40 : 40)]];
  };
  const flows = nodes.slice(1).map((to, index) => ({ id: `Flow_${index + 1}`, from: nodes[index]!, to }));
  const tasks = steps
    .map(
      (step) => `    <bpmn:userTask id="${step.id}" name="${step.name}">
      <bpmn:extensionElements><lt:budget value="${step.days}" unit="workingDays" /></bpmn:extensionElements>
    </bpmn:userTask>`,
    )
    .join('\n');
  const lanes = laneNames
    .map((name, lane) => {
      const refs = [...(lane === 0 ? ['Start', 'End'] : []), ...steps.filter((step) => step.lane === lane).map((step) => step.id)];
      return `        <bpmn:lane id="Lane_${lane + 1}" name="${name}">\n${refs.map((ref) => `          <bpmn:flowNodeRef>${ref}</bpmn:flowNodeRef>`).join('\n')}\n        </bpmn:lane>`;
    })
    .join('\n');
  const shapes = [
    `<bpmndi:BPMNShape id="Participant_1_di" bpmnElement="Participant_1" isHorizontal="true"><dc:Bounds x="160" y="80" width="920" height="450" /></bpmndi:BPMNShape>`,
    ...laneNames.map((_, lane) => `<bpmndi:BPMNShape id="Lane_${lane + 1}_di" bpmnElement="Lane_${lane + 1}" isHorizontal="true"><dc:Bounds x="190" y="${laneY(lane)}" width="890" height="150" /></bpmndi:BPMNShape>`),
    ...nodes.map((id) => {
      const [cx, cy] = center(id);
      const [w, h] = id === 'Start' || id === 'End' ? [36, 36] : [100, 80];
      return `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${cx - w / 2}" y="${cy - h / 2}" width="${w}" height="${h}" /></bpmndi:BPMNShape>`;
    }),
    ...flows.map((flow) => `<bpmndi:BPMNEdge id="${flow.id}_di" bpmnElement="${flow.id}">${edge(flow.from, flow.to).map(([x, y]) => `<di:waypoint x="${x}" y="${y}" />`).join('')}</bpmndi:BPMNEdge>`),
  ];
  return `${HEADER}
  <bpmn:collaboration id="Collaboration_1">
    <bpmn:participant id="Participant_1" name="${t('template.participant')}" processRef="Process_1" />
  </bpmn:collaboration>
  <bpmn:process id="Process_1" isExecutable="true">
    <bpmn:extensionElements><lt:procedure name="${t('template.participant')}" statutoryValue="10" statutoryUnit="workingDays" supplementPolicy="pause" /></bpmn:extensionElements>
    <bpmn:laneSet id="LaneSet_1">
${lanes}
    </bpmn:laneSet>
    <bpmn:startEvent id="Start" name="${t('template.received')}" />
${tasks}
    <bpmn:endEvent id="End" name="${t('template.returned')}" />
${flows.map((flow) => `    <bpmn:sequenceFlow id="${flow.id}" sourceRef="${flow.from}" targetRef="${flow.to}" />`).join('\n')}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Collaboration_1">
      ${shapes.join('\n      ')}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}
