/**
 * @module laneProcedureXml — a procedure drawn from a plain description: one pool, a lane per unit (its agency and
 * department), nodes placed in columns, flows routed at right angles. The template gallery is written with it.
 */

export interface LaneSpec {
  name: string;
  agency?: string;
  department?: string;
}

export interface NodeSpec {
  id: string;
  kind: 'startEvent' | 'endEvent' | 'userTask' | 'receiveTask' | 'exclusiveGateway';
  name: string;
  lane: number;
  column: number;
  /** Working days, on a user task. */
  days?: string;
  /** The message a receive task waits for (`supplement.received`, `fees.paid`). */
  message?: string;
  /** The flow taken when no condition holds, on a gateway. */
  default?: string;
}

export interface FlowSpec {
  id: string;
  from: string;
  to: string;
  name?: string;
  /** A FEEL condition such as `= decision = "supplement"`. */
  condition?: string;
}

export interface LaneProcedureSpec {
  name: string;
  /** The national procedure code (mã TTHC); a template's stands in until the analyst sets the real one. */
  procedureCode: string;
  statutoryDays: string;
  lanes: LaneSpec[];
  nodes: NodeSpec[];
  flows: FlowSpec[];
}

const LANE_HEIGHT = 150;
const POOL_X = 240;
const POOL_Y = 80;
const LABEL_WIDTH = 30;
const COLUMN_WIDTH = 150;
const FIRST_COLUMN_X = 340;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const sizeOf = (node: NodeSpec): [number, number] =>
  node.kind === 'startEvent' || node.kind === 'endEvent' ? [36, 36] : node.kind === 'exclusiveGateway' ? [50, 50] : [100, 80];

const messageId = (name: string) => `Message_${name.replace(/[^A-Za-z0-9]/g, '_')}`;

export function laneProcedureXml(spec: LaneProcedureSpec): string {
  const columns = Math.max(...spec.nodes.map((node) => node.column)) + 1;
  const poolWidth = FIRST_COLUMN_X - POOL_X + columns * COLUMN_WIDTH;
  const center = (node: NodeSpec): [number, number] => [FIRST_COLUMN_X + node.column * COLUMN_WIDTH + 50, POOL_Y + node.lane * LANE_HEIGHT + LANE_HEIGHT / 2];
  const byId = new Map(spec.nodes.map((node) => [node.id, node]));
  const waypoints = (flow: FlowSpec): [number, number][] => {
    const source = byId.get(flow.from)!;
    const target = byId.get(flow.to)!;
    const [sx, sy] = center(source);
    const [tx, ty] = center(target);
    const [sw, sh] = sizeOf(source);
    const [tw, th] = sizeOf(target);
    if (sy === ty && tx > sx) return [[sx + sw / 2, sy], [tx - tw / 2, ty]];
    if (tx > sx) return [[sx + sw / 2, sy], [tx, sy], [tx, ty + (ty > sy ? -th / 2 : th / 2)]];
    // Back to an earlier column: leave downwards, run under the lane, come up into the target.
    const below = Math.max(sy, ty) + LANE_HEIGHT / 2 - 12;
    return [[sx, sy + sh / 2], [sx, below], [tx, below], [tx, ty + th / 2]];
  };
  const laneXml = spec.lanes
    .map((lane, index) => {
      const assignment = lane.agency
        ? `\n          <bpmn:extensionElements><lt:assignment agency="${lane.agency}"${lane.department ? ` department="${lane.department}"` : ''} /></bpmn:extensionElements>`
        : '';
      const refs = spec.nodes.filter((node) => node.lane === index).map((node) => `\n          <bpmn:flowNodeRef>${node.id}</bpmn:flowNodeRef>`);
      return `        <bpmn:lane id="Lane_${index + 1}" name="${escape(lane.name)}">${assignment}${refs.join('')}\n        </bpmn:lane>`;
    })
    .join('\n');
  const nodeXml = spec.nodes
    .map((node) => {
      const incoming = spec.flows.filter((flow) => flow.to === node.id).map((flow) => `<bpmn:incoming>${flow.id}</bpmn:incoming>`);
      const outgoing = spec.flows.filter((flow) => flow.from === node.id).map((flow) => `<bpmn:outgoing>${flow.id}</bpmn:outgoing>`);
      const budget = node.days ? `<bpmn:extensionElements><lt:budget value="${node.days}" unit="workingDays" /></bpmn:extensionElements>` : '';
      const attributes = [`id="${node.id}"`, `name="${escape(node.name)}"`];
      if (node.message) attributes.push(`messageRef="${messageId(node.message)}"`);
      if (node.default) attributes.push(`default="${node.default}"`);
      return `    <bpmn:${node.kind} ${attributes.join(' ')}>${budget}${incoming.join('')}${outgoing.join('')}</bpmn:${node.kind}>`;
    })
    .join('\n');
  const flowXml = spec.flows
    .map((flow) => {
      const name = flow.name ? ` name="${escape(flow.name)}"` : '';
      const condition = flow.condition ? `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${escape(flow.condition)}</bpmn:conditionExpression>` : '';
      return `    <bpmn:sequenceFlow id="${flow.id}"${name} sourceRef="${flow.from}" targetRef="${flow.to}">${condition}</bpmn:sequenceFlow>`;
    })
    .join('\n');
  const messages = [...new Set(spec.nodes.flatMap((node) => (node.message ? [node.message] : [])))].map((name) => `  <bpmn:message id="${messageId(name)}" name="${name}" />`);
  const shapes = [
    `<bpmndi:BPMNShape id="Participant_1_di" bpmnElement="Participant_1" isHorizontal="true"><dc:Bounds x="${POOL_X}" y="${POOL_Y}" width="${poolWidth}" height="${spec.lanes.length * LANE_HEIGHT}" /></bpmndi:BPMNShape>`,
    ...spec.lanes.map(
      (_, index) =>
        `<bpmndi:BPMNShape id="Lane_${index + 1}_di" bpmnElement="Lane_${index + 1}" isHorizontal="true"><dc:Bounds x="${POOL_X + LABEL_WIDTH}" y="${POOL_Y + index * LANE_HEIGHT}" width="${poolWidth - LABEL_WIDTH}" height="${LANE_HEIGHT}" /></bpmndi:BPMNShape>`,
    ),
    ...spec.nodes.map((node) => {
      const [cx, cy] = center(node);
      const [width, height] = sizeOf(node);
      return `<bpmndi:BPMNShape id="${node.id}_di" bpmnElement="${node.id}"><dc:Bounds x="${cx - width / 2}" y="${cy - height / 2}" width="${width}" height="${height}" /></bpmndi:BPMNShape>`;
    }),
    ...spec.flows.map((flow) => `<bpmndi:BPMNEdge id="${flow.id}_di" bpmnElement="${flow.id}">${waypoints(flow).map(([x, y]) => `<di:waypoint x="${x}" y="${y}" />`).join('')}</bpmndi:BPMNEdge>`),
  ];
  const name = escape(spec.name);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:lt="https://lienthong.gov.vn/schema/bpmn/1.0" id="Definitions_1" targetNamespace="https://lienthong.gov.vn/procedures">
  <bpmn:collaboration id="Collaboration_1">
    <bpmn:participant id="Participant_1" name="${name}" processRef="Process_1" />
  </bpmn:collaboration>
${messages.join('\n')}
  <bpmn:process id="Process_1" name="${name}" isExecutable="true">
    <bpmn:extensionElements><lt:procedure procedureCode="${escape(spec.procedureCode)}" name="${name}" statutoryValue="${spec.statutoryDays}" statutoryUnit="workingDays" supplementPolicy="pause" /></bpmn:extensionElements>
    <bpmn:laneSet id="LaneSet_1">
${laneXml}
    </bpmn:laneSet>
${nodeXml}
${flowXml}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Collaboration_1">
      ${shapes.join('\n      ')}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}
