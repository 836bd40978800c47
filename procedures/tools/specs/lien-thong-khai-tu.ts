/**
 * @module lien-thong-khai-tu — inter-agency group 2 of Decree 63/2024/NĐ-CP: death registration (commune), deletion
 * of the permanent residence (Police) and the funeral allowance, paid by Social Insurance for the insured or by the
 * commune's social affairs office for social-assistance beneficiaries. Each agency's part is its own process.
 */
import type { RequiredComponent } from '../../../engine/src/index';
import type { EformSpec, PoolSpec, ProcedureSpec } from '../procedure-spec';
import { AGENCIES, LADDER_SHORT, MESSAGES, decisionIs, intake, supplementWait } from './conventions';
import { choice, date, eformSchema, group, personalIdNumber, phone, text, RESULT_DELIVERY, SEX } from './eform-fields';

const COUNTER = 'lane-mot-cua';
const CIVIL_STATUS = 'lane-ho-tich';
const SOCIAL = 'lane-xa-hoi';
const INSURANCE = 'lane-bhxh';
const POLICE = 'lane-cong-an';

const front = intake(COUNTER, { value: 2, unit: 'workingHours' }, 'gateway-check-merge');
const wait = supplementWait({ lane: CIVIL_STATUS, col: 4, row: 1, from: 'gateway-death', backTo: 'gateway-check-merge', bounded: true });

/** A called agency route of two or three steps in a row, each in its lane. */
function agencyRoute(options: {
  key: string;
  participantName: string;
  processName: string;
  startName: string;
  endName: string;
  lanes: PoolSpec['lanes'];
  steps: { id: string; name: string; lane: string; days: number }[];
}): PoolSpec {
  const { key, steps } = options;
  const ids = [`start-${key}`, ...steps.map((step) => step.id), `end-${key}`];
  return {
    participantId: `participant-${key}`,
    participantName: options.participantName,
    processId: `process-${key}`,
    processName: options.processName,
    nearlyDue: { percent: 75 },
    escalation: LADDER_SHORT,
    lanes: options.lanes,
    nodes: [
      { id: ids[0]!, kind: 'startEvent', name: options.startName, lane: steps[0]!.lane, col: 0 },
      ...steps.map((step, index) => ({
        id: step.id,
        kind: 'userTask' as const,
        name: step.name,
        lane: step.lane,
        col: index + 1,
        budget: { value: step.days, unit: 'workingDays' as const },
      })),
      { id: ids[ids.length - 1]!, kind: 'endEvent', name: options.endName, lane: steps[steps.length - 1]!.lane, col: steps.length + 1 },
    ],
    flows: ids.slice(1).map((id, index) => ({ id: `flow-${key}-${index + 1}`, from: ids[index]!, to: id })),
  };
}

/**
 * The group's e-form: the death registration declaration (Tờ khai đăng ký khai tử) and the funeral allowance request.
 * `funeralAllowance` is the variable the group route's split reads (procedures/README.md "Other variables").
 */
const eform: EformSpec = {
  schema: eformSchema(
    'Tờ khai liên thông đăng ký khai tử, xóa đăng ký thường trú, giải quyết mai táng phí',
    {
      declarant: group('Người yêu cầu (người đi khai tử)', {
        fullName: text('Họ, chữ đệm, tên'),
        idNumber: personalIdNumber(),
        relationship: text('Quan hệ với người đã chết', { maxLength: 50 }),
        phone: phone(),
      }, ['fullName', 'idNumber', 'relationship']),
      deceased: group('Người đã chết', {
        fullName: text('Họ, chữ đệm, tên'),
        dateOfBirth: date('Ngày, tháng, năm sinh'),
        sex: SEX,
        idNumber: personalIdNumber(),
        ethnicity: text('Dân tộc', { maxLength: 50 }),
        nationality: text('Quốc tịch', { maxLength: 50 }),
        lastResidence: text('Nơi cư trú cuối cùng', { maxLength: 500 }),
        dateOfDeath: date('Ngày chết'),
        timeOfDeath: { type: 'string', title: 'Giờ, phút chết', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'giờ:phút, ví dụ 14:30' },
        placeOfDeath: text('Nơi chết', { maxLength: 500 }),
        causeOfDeath: text('Nguyên nhân chết', { maxLength: 500 }),
        deathNoticeNumber: text('Số Giấy báo tử hoặc giấy tờ thay thế', { maxLength: 50 }),
      }, ['fullName', 'sex', 'idNumber', 'lastResidence', 'dateOfDeath', 'placeOfDeath']),
      funeralAllowance: choice('Trợ cấp mai táng', [
        ['insurance', 'Trợ cấp mai táng do Bảo hiểm xã hội chi trả (người chết đang đóng hoặc hưởng bảo hiểm xã hội)'],
        ['social', 'Hỗ trợ chi phí mai táng của UBND xã (người chết là đối tượng bảo trợ xã hội)'],
        ['none', 'Không đề nghị'],
      ]),
      socialInsuranceNumber: { type: 'string', title: 'Mã số bảo hiểm xã hội của người chết', pattern: '^[0-9]{10}$', description: '10 chữ số' },
      allowanceRecipient: group('Người nhận trợ cấp mai táng', {
        fullName: text('Họ, chữ đệm, tên'),
        idNumber: personalIdNumber(),
        bankAccount: { type: 'string', title: 'Số tài khoản ngân hàng (nếu nhận qua tài khoản)', pattern: '^[0-9]{6,20}$', description: 'từ 6 đến 20 chữ số' },
        bankName: text('Tên ngân hàng', { maxLength: 100 }),
      }, ['fullName', 'idNumber']),
      resultDelivery: RESULT_DELIVERY,
    },
    ['declarant', 'deceased', 'funeralAllowance', 'resultDelivery'],
    {
      allOf: [
        { if: { properties: { funeralAllowance: { const: 'insurance' } }, required: ['funeralAllowance'] }, then: { required: ['socialInsuranceNumber', 'allowanceRecipient'] } },
        { if: { properties: { funeralAllowance: { const: 'social' } }, required: ['funeralAllowance'] }, then: { required: ['allowanceRecipient'] } },
      ],
    },
  ),
  example: {
    declarant: { fullName: 'Lê Văn Hùng', idNumber: '001075011111', relationship: 'Con', phone: '0987654321' },
    deceased: {
      fullName: 'Lê Văn Phúc',
      dateOfBirth: '1945-02-15',
      sex: 'nam',
      idNumber: '001045022222',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      lastResidence: 'Thôn Tây, xã Demo',
      dateOfDeath: '2025-08-25',
      timeOfDeath: '05:30',
      placeOfDeath: 'Thôn Tây, xã Demo',
      causeOfDeath: 'Già yếu',
      deathNoticeNumber: '12/GBT',
    },
    funeralAllowance: 'insurance',
    socialInsuranceNumber: '0145022222',
    allowanceRecipient: { fullName: 'Lê Văn Hùng', idNumber: '001075011111' },
    resultDelivery: 'truc-tiep',
  },
};

const components: RequiredComponent[] = [
  {
    id: 'to-khai-lien-thong',
    name: 'Tờ khai liên thông (Tờ khai đăng ký khai tử; đề nghị giải quyết mai táng phí)',
    copyType: 'electronic',
    quantity: 1,
    required: true,
    legalBasis: 'Nghị định 63/2024/NĐ-CP; Luật Hộ tịch 2014, Điều 34 khoản 1',
  },
  {
    id: 'giay-bao-tu',
    name: 'Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử',
    copyType: 'original',
    quantity: 1,
    required: true,
    legalBasis: 'Luật Hộ tịch 2014, Điều 34 khoản 1; Nghị định 123/2015/NĐ-CP, Điều 4',
  },
  {
    id: 'to-khai-mai-tang-bao-tro',
    name: 'Tờ khai đề nghị hỗ trợ chi phí mai táng (Mẫu số 04, Nghị định 20/2021/NĐ-CP)',
    copyType: 'original',
    quantity: 1,
    required: false,
    condition: 'Khi người chết là đối tượng bảo trợ xã hội (trợ cấp mai táng do UBND xã giải quyết)',
    legalBasis: 'Nghị định 20/2021/NĐ-CP, Điều 11',
  },
  {
    id: 'van-ban-uy-quyen',
    name: 'Văn bản ủy quyền được chứng thực',
    copyType: 'certifiedCopy',
    quantity: 1,
    required: false,
    condition: 'Khi người khác nộp hồ sơ thay thân nhân của người chết',
    legalBasis: 'Thông tư 04/2020/TT-BTP, Điều 2',
  },
];

export const lienThongKhaiTu: ProcedureSpec = {
  slug: 'lien-thong-khai-tu',
  name: 'Liên thông đăng ký khai tử, xóa đăng ký thường trú, giải quyết mai táng phí',
  procedure: {
    procedureCode: '1.011537',
    name: 'Liên thông: đăng ký khai tử – xóa đăng ký thường trú – trợ cấp mai táng',
    statutoryValue: 5,
    statutoryUnit: 'workingDays',
    legalBasis:
      'Nghị định 63/2024/NĐ-CP; Quyết định 296/QĐ-VPCP (2024); Luật Hộ tịch 2014, Điều 33; Luật Cư trú 2020, Điều 24; ' +
      'Luật Bảo hiểm xã hội; Nghị định 20/2021/NĐ-CP (trợ giúp xã hội); Nghị định 61/2018/NĐ-CP, 107/2021/NĐ-CP',
    supplementPolicy: 'boundedWait',
    supplementWaitValue: 7,
    supplementWaitUnit: 'workingDays',
    maxReappointments: 1,
    leadAgency: 'ubnd-xa-demo',
  },
  eform,
  components,
  messages: [MESSAGES.supplementReceived, MESSAGES.supplementWindowClosed],
  pools: [
    {
      participantId: 'participant-lien-thong-khai-tu',
      participantName: 'Liên thông khai tử – xóa thường trú – mai táng phí',
      processId: 'process-lien-thong-khai-tu',
      processName: 'Liên thông khai tử – xóa thường trú – mai táng phí',
      nearlyDue: { percent: 75 },
      escalation: LADDER_SHORT,
      lanes: [
        { id: COUNTER, name: 'Bộ phận Một cửa', assignment: AGENCIES.oneStop },
        { id: CIVIL_STATUS, name: 'UBND xã – Tư pháp - Hộ tịch', assignment: AGENCIES.communeCivilStatus },
        { id: SOCIAL, name: 'UBND xã – Văn hóa - Xã hội', assignment: AGENCIES.communeSocialAffairs },
        { id: INSURANCE, name: 'Bảo hiểm xã hội', assignment: AGENCIES.socialInsurance },
        { id: POLICE, name: 'Công an xã', assignment: AGENCIES.communePolice },
      ],
      nodes: [
        ...front.nodes,
        { id: 'gateway-check-merge', kind: 'exclusiveGateway', name: '', lane: CIVIL_STATUS, col: 2 },
        {
          id: 'task-register-death',
          kind: 'userTask',
          name: 'Kiểm tra hồ sơ, đăng ký khai tử',
          lane: CIVIL_STATUS,
          col: 3,
          budget: { unit: 'sameDay' },
          nearlyDue: { hoursBefore: 2 },
          documentation: 'Ngay trong ngày làm việc; hồ sơ nhận sau 15 giờ giải quyết trong ngày làm việc tiếp theo (Luật Hộ tịch, Điều 33).',
        },
        { id: 'gateway-death', kind: 'exclusiveGateway', name: 'Kết quả kiểm tra?', lane: CIVIL_STATUS, col: 4, defaultFlow: 'flow-death-registered' },
        { id: 'end-refused', kind: 'endEvent', name: 'Từ chối, trả văn bản nêu lý do', lane: COUNTER, col: 4, labelAt: 'above' },
        ...wait.nodes,
        { id: 'gateway-split', kind: 'parallelGateway', name: 'Chuyển đồng thời', lane: CIVIL_STATUS, col: 5 },
        {
          id: 'gateway-allowance',
          kind: 'exclusiveGateway',
          name: 'Trợ cấp mai táng?',
          lane: CIVIL_STATUS,
          col: 6,
          defaultFlow: 'flow-allowance-insurance',
        },
        {
          id: 'call-funeral-social',
          kind: 'callActivity',
          name: 'Hỗ trợ chi phí mai táng (Văn hóa - Xã hội)',
          lane: SOCIAL,
          col: 7,
          calledElement: 'process-ho-tro-mai-tang',
          inputAll: true,
          outputs: [{ source: '= decision', target: 'funeralAllowanceDecision' }],
        },
        {
          id: 'call-funeral-insurance',
          kind: 'callActivity',
          name: 'Mai táng phí, tử tuất (BHXH)',
          lane: INSURANCE,
          col: 7,
          calledElement: 'process-mai-tang-phi-bhxh',
          inputAll: true,
          outputs: [{ source: '= decision', target: 'funeralAllowanceDecision' }],
        },
        { id: 'gateway-allowance-done', kind: 'exclusiveGateway', name: '', lane: CIVIL_STATUS, col: 8 },
        {
          id: 'call-deregister',
          kind: 'callActivity',
          name: 'Xóa đăng ký thường trú (Công an xã)',
          lane: POLICE,
          col: 6,
          calledElement: 'process-xoa-dang-ky-thuong-tru',
          inputAll: true,
          outputs: [{ source: '= decision', target: 'residenceDecision' }],
        },
        { id: 'gateway-join', kind: 'parallelGateway', name: 'Đủ kết quả', lane: CIVIL_STATUS, col: 9 },
        { id: 'task-return', kind: 'userTask', name: 'Trả kết quả', lane: COUNTER, col: 10, budget: { value: 0.5, unit: 'workingDays' } },
        { id: 'end-returned', kind: 'endEvent', name: 'Đã trả kết quả', lane: COUNTER, col: 11 },
      ],
      flows: [
        ...front.flows,
        { id: 'flow-merge-to-register', from: 'gateway-check-merge', to: 'task-register-death' },
        { id: 'flow-register-to-decide', from: 'task-register-death', to: 'gateway-death' },
        { id: 'flow-death-reject', from: 'gateway-death', to: 'end-refused', name: 'Từ chối', condition: decisionIs('reject') },
        ...wait.flows,
        { id: 'flow-death-registered', from: 'gateway-death', to: 'gateway-split', name: 'Đã khai tử' },
        { id: 'flow-split-to-allowance', from: 'gateway-split', to: 'gateway-allowance' },
        { id: 'flow-split-to-deregister', from: 'gateway-split', to: 'call-deregister' },
        {
          id: 'flow-allowance-social',
          from: 'gateway-allowance',
          to: 'call-funeral-social',
          name: 'Đối tượng bảo trợ xã hội',
          condition: '= funeralAllowance = "social"',
        },
        { id: 'flow-allowance-insurance', from: 'gateway-allowance', to: 'call-funeral-insurance', name: 'Người tham gia BHXH' },
        { id: 'flow-allowance-none', from: 'gateway-allowance', to: 'gateway-allowance-done', name: 'Không đề nghị', condition: '= funeralAllowance = "none"' },
        { id: 'flow-social-done', from: 'call-funeral-social', to: 'gateway-allowance-done' },
        { id: 'flow-insurance-done', from: 'call-funeral-insurance', to: 'gateway-allowance-done' },
        { id: 'flow-allowance-to-join', from: 'gateway-allowance-done', to: 'gateway-join' },
        { id: 'flow-deregister-to-join', from: 'call-deregister', to: 'gateway-join' },
        { id: 'flow-join-to-return', from: 'gateway-join', to: 'task-return' },
        { id: 'flow-return-to-end', from: 'task-return', to: 'end-returned' },
      ],
    },
    agencyRoute({
      key: 'xoa-dang-ky-thuong-tru',
      participantName: 'Công an xã – Xóa đăng ký thường trú',
      processName: 'Xóa đăng ký thường trú',
      startName: 'Nhận thông tin khai tử',
      endName: 'Đã xóa đăng ký thường trú',
      lanes: [
        { id: 'lane-ca-can-bo', name: 'Cán bộ đăng ký cư trú', assignment: AGENCIES.communePolice },
        { id: 'lane-ca-lanh-dao', name: 'Trưởng Công an xã', assignment: AGENCIES.communePolice },
      ],
      steps: [
        { id: 'task-deregister-check', name: 'Kiểm tra, xóa đăng ký thường trú', lane: 'lane-ca-can-bo', days: 1 },
        { id: 'task-deregister-approve', name: 'Phê duyệt, cập nhật CSDL cư trú', lane: 'lane-ca-lanh-dao', days: 0.5 },
      ],
    }),
    agencyRoute({
      key: 'ho-tro-mai-tang',
      participantName: 'UBND xã – Hỗ trợ chi phí mai táng',
      processName: 'Hỗ trợ chi phí mai táng (trợ giúp xã hội)',
      startName: 'Nhận thông tin khai tử',
      endName: 'Đã quyết định hỗ trợ',
      lanes: [
        { id: 'lane-vhxh-cong-chuc', name: 'Công chức Văn hóa - Xã hội', assignment: AGENCIES.communeSocialAffairs },
        { id: 'lane-ubnd-chu-tich', name: 'Chủ tịch UBND xã', assignment: AGENCIES.communeLeaders },
      ],
      steps: [
        { id: 'task-social-review', name: 'Thẩm định hồ sơ hỗ trợ mai táng', lane: 'lane-vhxh-cong-chuc', days: 2 },
        { id: 'task-social-decide', name: 'Quyết định hỗ trợ chi phí mai táng', lane: 'lane-ubnd-chu-tich', days: 1 },
      ],
    }),
    agencyRoute({
      key: 'mai-tang-phi-bhxh',
      participantName: 'Bảo hiểm xã hội – Mai táng phí, tử tuất',
      processName: 'Giải quyết mai táng phí, tử tuất',
      startName: 'Nhận thông tin khai tử',
      endName: 'Đã chi trả',
      lanes: [
        { id: 'lane-bhxh-che-do', name: 'Bộ phận chế độ BHXH', assignment: AGENCIES.socialInsurance },
        { id: 'lane-bhxh-lanh-dao', name: 'Lãnh đạo BHXH', assignment: AGENCIES.socialInsurance },
      ],
      steps: [
        { id: 'task-insurance-review', name: 'Thẩm định hồ sơ mai táng phí, tử tuất', lane: 'lane-bhxh-che-do', days: 2 },
        { id: 'task-insurance-approve', name: 'Phê duyệt quyết định hưởng', lane: 'lane-bhxh-lanh-dao', days: 1 },
        { id: 'task-insurance-pay', name: 'Chi trả trợ cấp', lane: 'lane-bhxh-che-do', days: 0.5 },
      ],
    }),
  ],
};
