/**
 * @module lien-thong-khai-sinh — inter-agency group 1 of Decree 63/2024/NĐ-CP: birth registration (commune), permanent
 * residence registration (Police) and the health-insurance card of a child under 6 (Social Insurance). Each agency's
 * part is its own process in the same file, called from the agency's lane of the group route.
 */
import type { RequiredComponent } from '../../../engine/src/index';
import type { EformSpec, ProcedureSpec } from '../procedure-spec';
import { AGENCIES, LADDER_SHORT, MESSAGES, decisionIs, intake, supplementWait } from './conventions';
import { choice, date, eformSchema, email, group, personalIdNumber, phone, text, RESULT_DELIVERY, SEX } from './eform-fields';

const COUNTER = 'lane-mot-cua';
const CIVIL_STATUS = 'lane-ho-tich';
const POLICE = 'lane-cong-an';
const INSURANCE = 'lane-bhxh';

const front = intake(COUNTER, { value: 2, unit: 'workingHours' }, 'gateway-check-merge');
const wait = supplementWait({ lane: CIVIL_STATUS, col: 4, row: 1, from: 'gateway-birth', backTo: 'gateway-check-merge', bounded: true });

/**
 * The group's e-form: the three declarations the decree joins into one (Tờ khai đăng ký khai sinh, Tờ khai thay đổi
 * thông tin cư trú CT01, Tờ khai tham gia BHYT TK1-TS), with the fields each agency needs and nothing more.
 */
const eform: EformSpec = {
  schema: eformSchema(
    'Tờ khai liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
    {
      declarant: group('Người yêu cầu (người đi khai sinh)', {
        fullName: text('Họ, chữ đệm, tên'),
        idNumber: personalIdNumber(),
        relationship: choice('Quan hệ với người được khai sinh', [
          ['cha', 'Cha'],
          ['me', 'Mẹ'],
          ['ong-ba', 'Ông, bà'],
          ['nguoi-than', 'Người thân thích khác'],
          ['uy-quyen', 'Người được ủy quyền'],
        ]),
        phone: phone(),
        email: email(),
      }, ['fullName', 'idNumber', 'relationship']),
      child: group('Người được khai sinh', {
        fullName: text('Họ, chữ đệm, tên'),
        dateOfBirth: date('Ngày, tháng, năm sinh'),
        sex: SEX,
        ethnicity: text('Dân tộc', { maxLength: 50 }),
        nationality: text('Quốc tịch', { maxLength: 50 }),
        placeOfBirth: text('Nơi sinh', { maxLength: 500 }),
        hometown: text('Quê quán', { maxLength: 500 }),
      }, ['fullName', 'dateOfBirth', 'sex', 'ethnicity', 'nationality', 'placeOfBirth']),
      mother: group('Người mẹ', {
        fullName: text('Họ, chữ đệm, tên'),
        dateOfBirth: date('Ngày, tháng, năm sinh'),
        idNumber: personalIdNumber(),
        ethnicity: text('Dân tộc', { maxLength: 50 }),
        nationality: text('Quốc tịch', { maxLength: 50 }),
        residence: text('Nơi cư trú', { maxLength: 500 }),
      }, ['fullName', 'idNumber']),
      // No field of the father is required: the father may not be determined yet (Luật Hộ tịch 2014, Điều 15).
      father: group('Người cha (nếu đã xác định)', {
        fullName: text('Họ, chữ đệm, tên'),
        dateOfBirth: date('Ngày, tháng, năm sinh'),
        idNumber: personalIdNumber(),
        ethnicity: text('Dân tộc', { maxLength: 50 }),
        nationality: text('Quốc tịch', { maxLength: 50 }),
        residence: text('Nơi cư trú', { maxLength: 500 }),
      }),
      residence: group('Đăng ký thường trú cho trẻ', {
        address: text('Địa chỉ nơi đăng ký thường trú', { maxLength: 500 }),
        householdHeadName: text('Họ, chữ đệm, tên chủ hộ'),
        householdHeadIdNumber: personalIdNumber('Số định danh cá nhân của chủ hộ'),
        relationshipToHead: text('Quan hệ của trẻ với chủ hộ', { maxLength: 50 }),
      }, ['address', 'householdHeadName', 'householdHeadIdNumber', 'relationshipToHead']),
      healthInsurance: group('Cấp thẻ bảo hiểm y tế', {
        initialFacility: text('Nơi đăng ký khám bệnh, chữa bệnh bảo hiểm y tế ban đầu', { maxLength: 300 }),
      }, ['initialFacility']),
      resultDelivery: RESULT_DELIVERY,
    },
    ['declarant', 'child', 'mother', 'residence', 'healthInsurance', 'resultDelivery'],
  ),
  example: {
    declarant: { fullName: 'Nguyễn Thị Lan', idNumber: '001190012345', relationship: 'me', phone: '0912345678' },
    child: { fullName: 'Trần Minh An', dateOfBirth: '2025-09-30', sex: 'nam', ethnicity: 'Kinh', nationality: 'Việt Nam', placeOfBirth: 'Bệnh viện Phụ sản Hà Nội' },
    mother: { fullName: 'Nguyễn Thị Lan', dateOfBirth: '1990-04-12', idNumber: '001190012345', ethnicity: 'Kinh', nationality: 'Việt Nam', residence: 'Thôn Đông, xã Demo' },
    father: { fullName: 'Trần Văn Minh', dateOfBirth: '1988-11-02', idNumber: '001088054321', ethnicity: 'Kinh', nationality: 'Việt Nam', residence: 'Thôn Đông, xã Demo' },
    residence: { address: 'Thôn Đông, xã Demo', householdHeadName: 'Trần Văn Minh', householdHeadIdNumber: '001088054321', relationshipToHead: 'Con' },
    healthInsurance: { initialFacility: 'Trạm Y tế xã Demo' },
    resultDelivery: 'truc-tiep',
  },
};

const components: RequiredComponent[] = [
  {
    id: 'to-khai-lien-thong',
    name: 'Tờ khai liên thông (Tờ khai đăng ký khai sinh; Tờ khai thay đổi thông tin cư trú mẫu CT01; Tờ khai tham gia BHYT mẫu TK1-TS)',
    copyType: 'electronic',
    quantity: 1,
    required: true,
    legalBasis: 'Nghị định 63/2024/NĐ-CP; Luật Hộ tịch 2014, Điều 16 khoản 1; Luật Cư trú 2020, Điều 21',
  },
  {
    id: 'giay-chung-sinh',
    name: 'Giấy chứng sinh (hoặc văn bản của người làm chứng, giấy cam đoan về việc sinh khi không có giấy chứng sinh)',
    copyType: 'original',
    quantity: 1,
    required: true,
    legalBasis: 'Luật Hộ tịch 2014, Điều 16 khoản 1',
  },
  {
    id: 'y-kien-chu-ho',
    name: 'Ý kiến đồng ý của chủ hộ, chủ sở hữu chỗ ở hợp pháp cho trẻ đăng ký thường trú',
    copyType: 'electronic',
    quantity: 1,
    required: false,
    condition: 'Khi trẻ đăng ký thường trú vào chỗ ở không thuộc quyền sở hữu của cha, mẹ',
    legalBasis: 'Luật Cư trú 2020, Điều 21 khoản 1',
  },
  {
    id: 'van-ban-uy-quyen',
    name: 'Văn bản ủy quyền được chứng thực',
    copyType: 'certifiedCopy',
    quantity: 1,
    required: false,
    condition: 'Khi người khác nộp hồ sơ thay cha, mẹ (trừ ông, bà, người thân thích)',
    legalBasis: 'Thông tư 04/2020/TT-BTP, Điều 2',
  },
];

export const lienThongKhaiSinh: ProcedureSpec = {
  slug: 'lien-thong-khai-sinh',
  name: 'Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT cho trẻ em dưới 6 tuổi',
  procedure: {
    procedureCode: 'ND63-2024-NHOM-1',
    name: 'Liên thông: đăng ký khai sinh – đăng ký thường trú – cấp thẻ BHYT cho trẻ em dưới 6 tuổi',
    statutoryValue: 3,
    statutoryUnit: 'workingDays',
    legalBasis:
      'Nghị định 63/2024/NĐ-CP; Quyết định 296/QĐ-VPCP (2024); Luật Hộ tịch 2014, Điều 16; Luật Cư trú 2020, Điều 22; ' +
      'Luật Bảo hiểm y tế; Nghị định 61/2018/NĐ-CP, 107/2021/NĐ-CP; Nghị định 45/2020/NĐ-CP',
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
      participantId: 'participant-lien-thong-khai-sinh',
      participantName: 'Liên thông khai sinh – thường trú – thẻ BHYT',
      processId: 'process-lien-thong-khai-sinh',
      processName: 'Liên thông khai sinh – thường trú – thẻ BHYT',
      nearlyDue: { percent: 75 },
      escalation: LADDER_SHORT,
      lanes: [
        { id: COUNTER, name: 'Bộ phận Một cửa', assignment: AGENCIES.oneStop },
        { id: CIVIL_STATUS, name: 'UBND xã – Tư pháp - Hộ tịch', assignment: AGENCIES.communeCivilStatus },
        { id: POLICE, name: 'Công an xã', assignment: AGENCIES.communePolice },
        { id: INSURANCE, name: 'Bảo hiểm xã hội', assignment: AGENCIES.socialInsurance },
      ],
      nodes: [
        ...front.nodes,
        { id: 'gateway-check-merge', kind: 'exclusiveGateway', name: '', lane: CIVIL_STATUS, col: 2 },
        {
          id: 'task-register-birth',
          kind: 'userTask',
          name: 'Kiểm tra hồ sơ, đăng ký khai sinh',
          lane: CIVIL_STATUS,
          col: 3,
          budget: { unit: 'sameDay' },
          nearlyDue: { hoursBefore: 2 },
          documentation: 'Ngay trong ngày làm việc; hồ sơ nhận sau 15 giờ giải quyết trong ngày làm việc tiếp theo (Luật Hộ tịch, Điều 16).',
        },
        { id: 'gateway-birth', kind: 'exclusiveGateway', name: 'Kết quả kiểm tra?', lane: CIVIL_STATUS, col: 4, defaultFlow: 'flow-birth-registered' },
        { id: 'end-refused', kind: 'endEvent', name: 'Từ chối, trả văn bản nêu lý do', lane: COUNTER, col: 4, labelAt: 'above' },
        ...wait.nodes,
        { id: 'gateway-split', kind: 'parallelGateway', name: 'Chuyển đồng thời', lane: CIVIL_STATUS, col: 5 },
        {
          id: 'call-residence',
          kind: 'callActivity',
          name: 'Đăng ký thường trú (Công an xã)',
          lane: POLICE,
          col: 6,
          calledElement: 'process-dang-ky-thuong-tru',
          // Decree 63/2024/NĐ-CP: permanent residence within 2 working days (5 with verification, the step that extends it).
          agencyShare: { value: 2, unit: 'workingDays' },
          inputAll: true,
          outputs: [{ source: '= decision', target: 'residenceDecision' }],
        },
        {
          id: 'call-health-card',
          kind: 'callActivity',
          name: 'Cấp thẻ BHYT (Bảo hiểm xã hội)',
          lane: INSURANCE,
          col: 6,
          calledElement: 'process-cap-the-bhyt',
          // Decree 63/2024/NĐ-CP: the health-insurance card within 2 working days.
          agencyShare: { value: 2, unit: 'workingDays' },
          inputAll: true,
          outputs: [{ source: '= decision', target: 'healthCardDecision' }],
        },
        { id: 'gateway-join', kind: 'parallelGateway', name: 'Đủ kết quả', lane: CIVIL_STATUS, col: 7 },
        { id: 'task-return', kind: 'userTask', name: 'Trả kết quả', lane: COUNTER, col: 8, budget: { value: 0.5, unit: 'workingDays' } },
        { id: 'end-returned', kind: 'endEvent', name: 'Đã trả kết quả', lane: COUNTER, col: 9 },
      ],
      flows: [
        ...front.flows,
        { id: 'flow-merge-to-register', from: 'gateway-check-merge', to: 'task-register-birth' },
        { id: 'flow-register-to-decide', from: 'task-register-birth', to: 'gateway-birth' },
        { id: 'flow-birth-reject', from: 'gateway-birth', to: 'end-refused', name: 'Từ chối', condition: decisionIs('reject') },
        ...wait.flows,
        { id: 'flow-birth-registered', from: 'gateway-birth', to: 'gateway-split', name: 'Đã khai sinh' },
        { id: 'flow-split-to-residence', from: 'gateway-split', to: 'call-residence' },
        { id: 'flow-split-to-health-card', from: 'gateway-split', to: 'call-health-card' },
        { id: 'flow-residence-to-join', from: 'call-residence', to: 'gateway-join' },
        { id: 'flow-health-card-to-join', from: 'call-health-card', to: 'gateway-join' },
        { id: 'flow-join-to-return', from: 'gateway-join', to: 'task-return' },
        { id: 'flow-return-to-end', from: 'task-return', to: 'end-returned' },
      ],
    },
    {
      participantId: 'participant-dang-ky-thuong-tru',
      participantName: 'Công an xã – Đăng ký thường trú',
      processId: 'process-dang-ky-thuong-tru',
      processName: 'Đăng ký thường trú cho trẻ em',
      nearlyDue: { percent: 75 },
      escalation: LADDER_SHORT,
      lanes: [
        { id: 'lane-ca-can-bo', name: 'Cán bộ đăng ký cư trú', assignment: AGENCIES.communePolice },
        { id: 'lane-ca-lanh-dao', name: 'Trưởng Công an xã', assignment: AGENCIES.communePolice },
      ],
      nodes: [
        { id: 'start-residence', kind: 'startEvent', name: 'Nhận giấy khai sinh điện tử', lane: 'lane-ca-can-bo', col: 0 },
        { id: 'task-review-residence', kind: 'userTask', name: 'Thẩm định hồ sơ đăng ký thường trú', lane: 'lane-ca-can-bo', col: 1, budget: { value: 1, unit: 'workingDays' } },
        { id: 'gateway-verification', kind: 'exclusiveGateway', name: 'Cần xác minh?', lane: 'lane-ca-can-bo', col: 2, defaultFlow: 'flow-no-verification' },
        {
          id: 'task-verify-residence',
          kind: 'userTask',
          name: 'Xác minh nơi cư trú',
          lane: 'lane-ca-can-bo',
          col: 3,
          row: 1,
          // Decree 63/2024/NĐ-CP: the whole group takes 5 working days instead of 3 when the residence is verified.
          budget: { value: 1.5, unit: 'workingDays', extendsStatutoryTo: 5 },
          documentation: 'Chỉ khi cần xác minh: Nghị định 63/2024 cho phép cả nhóm đến 5 ngày làm việc.',
        },
        { id: 'gateway-verified', kind: 'exclusiveGateway', name: '', lane: 'lane-ca-can-bo', col: 4 },
        { id: 'task-approve-residence', kind: 'userTask', name: 'Phê duyệt, cập nhật CSDL cư trú', lane: 'lane-ca-lanh-dao', col: 5, budget: { value: 0.5, unit: 'workingDays' } },
        { id: 'gateway-residence', kind: 'exclusiveGateway', name: 'Phê duyệt?', lane: 'lane-ca-lanh-dao', col: 6, defaultFlow: 'flow-residence-approved' },
        { id: 'end-residence-registered', kind: 'endEvent', name: 'Đã đăng ký thường trú', lane: 'lane-ca-lanh-dao', col: 7 },
        { id: 'end-residence-refused', kind: 'endEvent', name: 'Không đăng ký thường trú', lane: 'lane-ca-lanh-dao', col: 7, row: 1 },
      ],
      flows: [
        { id: 'flow-residence-start', from: 'start-residence', to: 'task-review-residence' },
        { id: 'flow-residence-review-to-gateway', from: 'task-review-residence', to: 'gateway-verification' },
        { id: 'flow-needs-verification', from: 'gateway-verification', to: 'task-verify-residence', name: 'Cần xác minh', condition: '= needsVerification = true' },
        { id: 'flow-no-verification', from: 'gateway-verification', to: 'gateway-verified', name: 'Không' },
        { id: 'flow-verified', from: 'task-verify-residence', to: 'gateway-verified' },
        { id: 'flow-verified-to-approve', from: 'gateway-verified', to: 'task-approve-residence' },
        { id: 'flow-approve-to-gateway', from: 'task-approve-residence', to: 'gateway-residence' },
        { id: 'flow-residence-reject', from: 'gateway-residence', to: 'end-residence-refused', name: 'Từ chối', condition: decisionIs('reject') },
        { id: 'flow-residence-approved', from: 'gateway-residence', to: 'end-residence-registered', name: 'Đồng ý' },
      ],
    },
    {
      participantId: 'participant-cap-the-bhyt',
      participantName: 'Bảo hiểm xã hội – Cấp thẻ BHYT',
      processId: 'process-cap-the-bhyt',
      processName: 'Cấp thẻ BHYT cho trẻ em dưới 6 tuổi',
      nearlyDue: { percent: 75 },
      escalation: LADDER_SHORT,
      lanes: [
        { id: 'lane-bhxh-so-the', name: 'Bộ phận cấp sổ, thẻ', assignment: AGENCIES.socialInsurance },
        { id: 'lane-bhxh-lanh-dao', name: 'Lãnh đạo BHXH', assignment: AGENCIES.socialInsurance },
      ],
      nodes: [
        { id: 'start-health-card', kind: 'startEvent', name: 'Nhận thông tin khai sinh', lane: 'lane-bhxh-so-the', col: 0 },
        { id: 'task-issue-health-card', kind: 'userTask', name: 'Cấp mã số BHXH, lập thẻ BHYT', lane: 'lane-bhxh-so-the', col: 1, budget: { value: 1, unit: 'workingDays' } },
        { id: 'task-approve-health-card', kind: 'userTask', name: 'Phê duyệt, phát hành thẻ BHYT điện tử', lane: 'lane-bhxh-lanh-dao', col: 2, budget: { value: 0.5, unit: 'workingDays' } },
        { id: 'end-health-card-issued', kind: 'endEvent', name: 'Đã cấp thẻ BHYT', lane: 'lane-bhxh-lanh-dao', col: 3 },
      ],
      flows: [
        { id: 'flow-health-card-start', from: 'start-health-card', to: 'task-issue-health-card' },
        { id: 'flow-issue-to-approve', from: 'task-issue-health-card', to: 'task-approve-health-card' },
        { id: 'flow-approve-to-issued', from: 'task-approve-health-card', to: 'end-health-card-issued' },
      ],
    },
  ],
};
