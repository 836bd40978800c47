/**
 * @module procedureTemplates — diagrams to start from: an empty procedure, and the template gallery — one-stop counter
 * with one department, two departments in sequence, an inter-agency hand-off, supplement and fee steps. Each lane is
 * given the demo directory's unit when the server knows it, so each template passes the checks and deploys as it is.
 */
import { t, type MessageKey } from '../i18n/locale';
import type { Agency } from '../api/api-client';
import { laneProcedureXml, type LaneSpec, type LaneProcedureSpec } from './lane-procedure-xml';

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

export interface ProcedureTemplate {
  /** The procedure key it suggests. */
  key: string;
  /** A message of the catalogue, or the text of a library procedure's own name (a proper name, the same in every language). */
  title: MessageKey | { text: string };
  description: MessageKey | { text: string };
  xml(agencies: Agency[]): string;
}

/** A lane of `agency` (and `department`) when the directory has them, else a lane to assign. */
function lane(agencies: Agency[], name: string, agency: string, department?: string): LaneSpec {
  const found = agencies.find((candidate) => candidate.id === agency);
  if (!found) return { name };
  return { name, agency, department: department && found.departments.some((candidate) => candidate.id === department) ? department : undefined };
}

const start = { id: 'Start', kind: 'startEvent', name: 'Hồ sơ được nộp', lane: 0, column: 0 } as const;
const receive = { id: 'Task_Receive', kind: 'userTask', name: 'Tiếp nhận hồ sơ', lane: 0, column: 1, days: '0.5' } as const;
const chain = (ids: string[]) => ids.slice(1).map((to, index) => ({ id: `Flow_${index + 1}`, from: ids[index]!, to }));

/**
 * A template whose steps follow one another: received at the one-stop counter (lane 0), then each step in its lane,
 * then the result returned at the counter. Written as a row of this table; `chainSpec` draws it.
 */
interface ChainTemplate {
  name: string;
  procedureCode: string;
  statutoryDays: string;
  /** Name, agency and department of each lane; lane 0 is the counter. */
  lanes: [name: string, agency: string, department?: string][];
  /** Id, name, lane and working days of each step between receiving and returning. */
  steps: [id: string, name: string, lane: number, days: string][];
}

const COUNTER: ChainTemplate['lanes'][number] = ['Bộ phận Một cửa', 'ttpvhcc', 'quay-mot-cua'];

const chainSpec = (template: ChainTemplate, agencies: Agency[]): LaneProcedureSpec => {
  const steps = template.steps.map(([id, name, laneIndex, days], index) => ({ id, kind: 'userTask', name, lane: laneIndex, column: index + 2, days }) as const);
  const last = steps.length + 2;
  return {
    name: template.name,
    procedureCode: template.procedureCode,
    statutoryDays: template.statutoryDays,
    lanes: template.lanes.map(([name, agency, department]) => lane(agencies, name, agency, department)),
    nodes: [
      start,
      receive,
      ...steps,
      { id: 'Task_Return', kind: 'userTask', name: 'Trả kết quả', lane: 0, column: last, days: '0.5' },
      { id: 'End', kind: 'endEvent', name: 'Đã trả kết quả', lane: 0, column: last + 1 },
    ],
    flows: chain(['Start', 'Task_Receive', ...steps.map((step) => step.id), 'Task_Return', 'End']),
  };
};

const oneStop: ChainTemplate = {
  name: 'Thủ tục mẫu: một cửa và một phòng chuyên môn',
  procedureCode: 'MAU-01',
  statutoryDays: '10',
  lanes: [COUNTER, ['Phòng chuyên môn', 'ubnd-xa-demo', 'kinh-te-ha-tang-do-thi'], ['Lãnh đạo', 'ubnd-xa-demo']],
  steps: [
    ['Task_Review', 'Thẩm định hồ sơ', 1, '7'],
    ['Task_Approve', 'Phê duyệt kết quả', 2, '2'],
  ],
};

const twoDepartments: ChainTemplate = {
  name: 'Thủ tục mẫu: hai phòng chuyên môn nối tiếp',
  procedureCode: 'MAU-02',
  statutoryDays: '15',
  lanes: [COUNTER, ['Phòng Kinh tế, Hạ tầng và Đô thị', 'ubnd-xa-demo', 'kinh-te-ha-tang-do-thi'], ['Phòng Quản lý đầu tư', 'so-tai-chinh', 'phong-dau-tu'], ['Lãnh đạo', 'ubnd-xa-demo']],
  steps: [
    ['Task_Review', 'Thẩm định hồ sơ', 1, '5'],
    ['Task_Opinion', 'Cho ý kiến chuyên ngành', 2, '5'],
    ['Task_Approve', 'Phê duyệt kết quả', 3, '2'],
  ],
};

const interAgency: ChainTemplate = {
  name: 'Thủ tục mẫu: liên thông với cơ quan khác',
  procedureCode: 'MAU-03',
  statutoryDays: '5',
  lanes: [COUNTER, ['Công chức Văn hóa - Xã hội', 'ubnd-xa-demo', 'van-hoa-xa-hoi'], ['Công an xã (cơ quan phối hợp)', 'cong-an-xa-demo']],
  steps: [
    ['Task_Register', 'Giải quyết phần của xã', 1, '2'],
    ['Task_HandOff', 'Chuyển Công an xã giải quyết', 2, '2'],
  ],
};

const supplementAndFee = (agencies: Agency[]): LaneProcedureSpec => ({
  name: 'Thủ tục mẫu: có bổ sung hồ sơ và nộp phí',
  procedureCode: 'MAU-04',
  statutoryDays: '10',
  lanes: [lane(agencies, ...COUNTER), lane(agencies, 'Phòng chuyên môn', 'ubnd-xa-demo', 'kinh-te-ha-tang-do-thi')],
  nodes: [
    start,
    receive,
    { id: 'Gateway_Merge', kind: 'exclusiveGateway', name: '', lane: 1, column: 2 },
    { id: 'Task_Review', kind: 'userTask', name: 'Thẩm định hồ sơ', lane: 1, column: 3, days: '5' },
    { id: 'Gateway_Review', kind: 'exclusiveGateway', name: 'Kết quả thẩm định?', lane: 1, column: 4, default: 'Flow_Passed' },
    { id: 'Task_WaitSupplement', kind: 'receiveTask', name: 'Chờ công dân bổ sung hồ sơ', lane: 0, column: 5, message: 'supplement.received' },
    { id: 'Task_FeeNotice', kind: 'userTask', name: 'Thông báo phí, lệ phí', lane: 1, column: 6, days: '0.5' },
    { id: 'Task_WaitFees', kind: 'receiveTask', name: 'Chờ công dân nộp phí', lane: 0, column: 7, message: 'fees.paid' },
    { id: 'Task_Return', kind: 'userTask', name: 'Trả kết quả', lane: 0, column: 8, days: '0.5' },
    { id: 'End', kind: 'endEvent', name: 'Đã trả kết quả', lane: 0, column: 9 },
  ],
  flows: [
    ...chain(['Start', 'Task_Receive', 'Gateway_Merge', 'Task_Review', 'Gateway_Review']),
    { id: 'Flow_Supplement', from: 'Gateway_Review', to: 'Task_WaitSupplement', name: 'Bổ sung', condition: '= decision = "supplement"' },
    { id: 'Flow_Supplemented', from: 'Task_WaitSupplement', to: 'Gateway_Merge' },
    { id: 'Flow_Passed', from: 'Gateway_Review', to: 'Task_FeeNotice', name: 'Đạt' },
    { id: 'Flow_Notified', from: 'Task_FeeNotice', to: 'Task_WaitFees' },
    { id: 'Flow_Paid', from: 'Task_WaitFees', to: 'Task_Return' },
    { id: 'Flow_Returned', from: 'Task_Return', to: 'End' },
  ],
});

/** The gallery, in the order it is shown. */
export const procedureTemplates: ProcedureTemplate[] = [
  { key: 'mot-cua-mot-phong', title: 'gallery.oneStop', description: 'gallery.oneStop.about', xml: (agencies) => laneProcedureXml(chainSpec(oneStop, agencies)) },
  { key: 'hai-phong-noi-tiep', title: 'gallery.twoDepartments', description: 'gallery.twoDepartments.about', xml: (agencies) => laneProcedureXml(chainSpec(twoDepartments, agencies)) },
  { key: 'lien-thong-co-quan-khac', title: 'gallery.interAgency', description: 'gallery.interAgency.about', xml: (agencies) => laneProcedureXml(chainSpec(interAgency, agencies)) },
  { key: 'bo-sung-va-nop-phi', title: 'gallery.supplementFee', description: 'gallery.supplementFee.about', xml: (agencies) => laneProcedureXml(supplementAndFee(agencies)) },
];
