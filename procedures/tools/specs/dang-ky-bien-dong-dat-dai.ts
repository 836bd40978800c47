/**
 * @module dang-ky-bien-dong-dat-dai — registration of a change of land rights (transfer, inheritance, gift;
 * procedure 1.013831) at the Land Registration Office, with the commune's check when needed and the tax agency's
 * notice; the wait for the payment of taxes and fees is the citizen's time (status 6, clock paused).
 */
import type { RequiredComponent } from '../../../engine/src/index';
import type { EformSpec, ProcedureSpec } from '../procedure-spec';
import { AGENCIES, LADDER_LONG, MESSAGES, decisionIs, intake, supplementWait } from './conventions';
import { area, choice, date, eformSchema, group, longText, parcelNumber, personalIdNumber, phone, taxCode, text, RESULT_DELIVERY } from './eform-fields';

const COUNTER = 'lane-mot-cua';
const OFFICE = 'lane-vpdk';
const OFFICE_LEADER = 'lane-vpdk-lanh-dao';
const COMMUNE = 'lane-ubnd-xa';
const TAX = 'lane-thue';

const front = intake(COUNTER, { value: 0.5, unit: 'workingDays' }, 'gateway-review-merge');
const wait = supplementWait({ lane: OFFICE, col: 4, row: 1, from: 'gateway-review', backTo: 'gateway-review-merge', bounded: false });

/** The land user's application (Đơn đăng ký biến động đất đai, tài sản gắn liền với đất, Mẫu số 11/ĐK). */
const eform: EformSpec = {
  schema: eformSchema(
    'Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 11/ĐK)',
    {
      landUser: group('Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất (bên chuyển quyền)', {
        fullName: text('Họ, chữ đệm, tên'),
        idNumber: personalIdNumber(),
        address: text('Địa chỉ thường trú', { maxLength: 500 }),
        phone: phone(),
      }, ['fullName', 'idNumber', 'address']),
      certificate: group('Giấy chứng nhận đã cấp', {
        serialNumber: text('Số phát hành (số seri)', { maxLength: 20 }),
        registryNumber: text('Số vào sổ cấp Giấy chứng nhận', { maxLength: 20 }),
        issuedOn: date('Ngày cấp'),
      }, ['serialNumber', 'issuedOn']),
      parcel: group('Thửa đất có biến động', {
        parcelNumber: parcelNumber('Thửa đất số'),
        mapSheetNumber: parcelNumber('Tờ bản đồ số'),
        area: area('Diện tích (m²)'),
        address: text('Địa chỉ thửa đất', { maxLength: 500 }),
        landUsePurpose: text('Mục đích sử dụng đất', { maxLength: 200 }),
      }, ['parcelNumber', 'mapSheetNumber', 'area', 'address']),
      change: group('Nội dung biến động', {
        kind: choice('Hình thức', [['chuyen-nhuong', 'Chuyển nhượng'], ['thua-ke', 'Thừa kế'], ['tang-cho', 'Tặng cho']]),
        contractDate: date('Ngày hợp đồng, văn bản được công chứng, chứng thực'),
        reason: longText('Lý do biến động'),
      }, ['kind', 'contractDate']),
      transferee: {
        ...group('Bên nhận quyền', {
          kind: choice('Bên nhận là', [['ca-nhan', 'Cá nhân'], ['to-chuc', 'Tổ chức']]),
          fullName: text('Họ, chữ đệm, tên hoặc tên tổ chức'),
          idNumber: personalIdNumber(),
          taxCode: taxCode('Mã số thuế (bên nhận là tổ chức)'),
          address: text('Địa chỉ', { maxLength: 500 }),
        }, ['kind', 'fullName', 'address']),
        allOf: [
          { if: { properties: { kind: { const: 'ca-nhan' } }, required: ['kind'] }, then: { required: ['idNumber'] } },
          { if: { properties: { kind: { const: 'to-chuc' } }, required: ['kind'] }, then: { required: ['taxCode'] } },
        ],
      },
      resultDelivery: RESULT_DELIVERY,
    },
    ['landUser', 'certificate', 'parcel', 'change', 'transferee', 'resultDelivery'],
  ),
  example: {
    landUser: { fullName: 'Vũ Thị Hoa', idNumber: '001170044444', address: 'Thôn Bắc, xã Demo', phone: '0977123456' },
    certificate: { serialNumber: 'CS 01234567', registryNumber: 'CS00123', issuedOn: '2019-06-14' },
    parcel: { parcelNumber: 231, mapSheetNumber: 9, area: 152.3, address: 'Thôn Bắc, xã Demo', landUsePurpose: 'Đất ở tại nông thôn' },
    change: { kind: 'chuyen-nhuong', contractDate: '2025-09-15' },
    transferee: { kind: 'ca-nhan', fullName: 'Đặng Quang Huy', idNumber: '001090055555', address: 'Số 5 Lê Lợi, phường Demo' },
    resultDelivery: 'truc-tiep',
  },
};

const components: RequiredComponent[] = [
  {
    id: 'don-dang-ky-bien-dong',
    name: 'Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 11/ĐK)',
    copyType: 'original',
    quantity: 1,
    required: true,
    legalBasis: 'Nghị định 101/2024/NĐ-CP; Thông tư 10/2024/TT-BTNMT, Mẫu số 11/ĐK',
  },
  {
    id: 'giay-chung-nhan',
    name: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất đã cấp',
    copyType: 'original',
    quantity: 1,
    required: true,
    legalBasis: 'Nghị định 101/2024/NĐ-CP',
  },
  {
    id: 'hop-dong-van-ban',
    name: 'Hợp đồng, văn bản về chuyển nhượng, tặng cho hoặc văn bản về thừa kế quyền sử dụng đất, tài sản gắn liền với đất đã công chứng, chứng thực',
    copyType: 'original',
    quantity: 1,
    required: true,
    legalBasis: 'Luật Đất đai 2024, Điều 27 khoản 3; Nghị định 101/2024/NĐ-CP',
  },
  {
    id: 'to-khai-thue-phi',
    name: 'Tờ khai thuế thu nhập cá nhân và tờ khai lệ phí trước bạ',
    copyType: 'original',
    quantity: 1,
    required: true,
    legalBasis: 'Luật Quản lý thuế 2019; Nghị định 10/2022/NĐ-CP (lệ phí trước bạ)',
  },
  {
    id: 'giay-to-mien-giam',
    name: 'Giấy tờ chứng minh thuộc đối tượng được miễn, giảm thuế, lệ phí',
    copyType: 'certifiedCopy',
    quantity: 1,
    required: false,
    condition: 'Khi người sử dụng đất đề nghị miễn, giảm nghĩa vụ tài chính',
    legalBasis: 'Luật Thuế thu nhập cá nhân; Nghị định 10/2022/NĐ-CP',
  },
];

export const dangKyBienDongDatDai: ProcedureSpec = {
  slug: 'dang-ky-bien-dong-dat-dai',
  name: 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất (chuyển nhượng, thừa kế, tặng cho)',
  procedure: {
    procedureCode: '1.013831',
    name: 'Đăng ký biến động do chuyển nhượng, thừa kế, tặng cho quyền sử dụng đất, tài sản gắn liền với đất',
    statutoryValue: 14,
    statutoryUnit: 'workingDays',
    legalBasis:
      'Luật Đất đai 2024, Điều 133; Nghị định 101/2024/NĐ-CP; Nghị định 151/2025/NĐ-CP; Nghị định 103/2024/NĐ-CP (thu tiền sử dụng đất); ' +
      'Nghị định 61/2018/NĐ-CP, 107/2021/NĐ-CP',
    supplementPolicy: 'pause',
    maxReappointments: 1,
    leadAgency: 'vpdk-dat-dai',
  },
  eform,
  components,
  messages: [MESSAGES.supplementReceived, MESSAGES.feesPaid],
  pools: [
    {
      participantId: 'participant-bien-dong-dat-dai',
      participantName: 'Văn phòng Đăng ký đất đai – Đăng ký biến động',
      processId: 'process-bien-dong-dat-dai',
      processName: 'Đăng ký biến động đất đai',
      nearlyDue: { percent: 75 },
      escalation: LADDER_LONG,
      lanes: [
        { id: COUNTER, name: 'Bộ phận Một cửa', assignment: AGENCIES.oneStop },
        { id: OFFICE, name: 'Chuyên viên VP Đăng ký đất đai', assignment: AGENCIES.landRegistration },
        { id: OFFICE_LEADER, name: 'Lãnh đạo VPĐK đất đai', assignment: AGENCIES.landRegistration },
        { id: COMMUNE, name: 'UBND xã', assignment: AGENCIES.communeLeaders },
        { id: TAX, name: 'Cơ quan thuế', assignment: AGENCIES.tax },
      ],
      nodes: [
        ...front.nodes,
        { id: 'gateway-review-merge', kind: 'exclusiveGateway', name: '', lane: OFFICE, col: 2 },
        { id: 'task-review', kind: 'userTask', name: 'Kiểm tra hồ sơ, trích lục bản đồ địa chính', lane: OFFICE, col: 3, budget: { value: 2.5, unit: 'workingDays' } },
        { id: 'gateway-review', kind: 'exclusiveGateway', name: 'Kết quả kiểm tra?', lane: OFFICE, col: 4, defaultFlow: 'flow-review-approve' },
        { id: 'task-return-refusal', kind: 'userTask', name: 'Trả văn bản từ chối', lane: COUNTER, col: 4, budget: { value: 0.5, unit: 'workingDays' } },
        { id: 'end-refused', kind: 'endEvent', name: 'Hồ sơ bị từ chối', lane: COUNTER, col: 5 },
        ...wait.nodes,
        { id: 'gateway-commune', kind: 'exclusiveGateway', name: 'Cần UBND xã xác minh?', lane: OFFICE, col: 5, defaultFlow: 'flow-no-commune-check' },
        {
          id: 'task-commune-check',
          kind: 'userTask',
          name: 'Xác minh hiện trạng, tranh chấp',
          lane: COMMUNE,
          col: 6,
          budget: { value: 2, unit: 'workingDays' },
        },
        { id: 'gateway-commune-done', kind: 'exclusiveGateway', name: '', lane: OFFICE, col: 7 },
        { id: 'task-transfer-tax', kind: 'userTask', name: 'Lập phiếu chuyển thông tin sang cơ quan thuế', lane: OFFICE, col: 8, budget: { value: 0.5, unit: 'workingDays' } },
        { id: 'task-tax-notice', kind: 'userTask', name: 'Xác định nghĩa vụ tài chính, ra thông báo thuế', lane: TAX, col: 9, budget: { value: 3, unit: 'workingDays' } },
        {
          id: 'task-wait-fees',
          kind: 'receiveTask',
          name: 'Chờ người sử dụng đất nộp thuế, lệ phí',
          lane: TAX,
          col: 10,
          messageRef: MESSAGES.feesPaid.id,
          documentation: 'Trạng thái 6 (Yêu cầu thực hiện nghĩa vụ tài chính): thời gian nộp thuế không tính vào thời hạn giải quyết.',
        },
        { id: 'task-update-records', kind: 'userTask', name: 'Chỉnh lý hồ sơ địa chính, xác nhận biến động', lane: OFFICE, col: 12, budget: { value: 3, unit: 'workingDays' } },
        { id: 'gateway-update-merge', kind: 'exclusiveGateway', name: '', lane: OFFICE, col: 11 },
        { id: 'task-sign', kind: 'userTask', name: 'Lãnh đạo chi nhánh ký xác nhận', lane: OFFICE_LEADER, col: 13, budget: { value: 2, unit: 'workingDays' } },
        { id: 'gateway-sign', kind: 'exclusiveGateway', name: 'Ký duyệt?', lane: OFFICE_LEADER, col: 14, defaultFlow: 'flow-sign-approve' },
        { id: 'task-return', kind: 'userTask', name: 'Trả kết quả', lane: COUNTER, col: 15, budget: { value: 0.5, unit: 'workingDays' } },
        { id: 'end-returned', kind: 'endEvent', name: 'Đã trả kết quả', lane: COUNTER, col: 16 },
      ],
      flows: [
        ...front.flows,
        { id: 'flow-merge-to-review', from: 'gateway-review-merge', to: 'task-review' },
        { id: 'flow-review-to-decide', from: 'task-review', to: 'gateway-review' },
        { id: 'flow-review-reject', from: 'gateway-review', to: 'task-return-refusal', name: 'Từ chối', condition: decisionIs('reject') },
        { id: 'flow-refusal-to-end', from: 'task-return-refusal', to: 'end-refused' },
        ...wait.flows,
        { id: 'flow-review-approve', from: 'gateway-review', to: 'gateway-commune', name: 'Hợp lệ' },
        { id: 'flow-needs-commune-check', from: 'gateway-commune', to: 'task-commune-check', name: 'Cần xác minh', condition: '= needsCommuneCheck = true' },
        { id: 'flow-no-commune-check', from: 'gateway-commune', to: 'gateway-commune-done', name: 'Không' },
        { id: 'flow-commune-checked', from: 'task-commune-check', to: 'gateway-commune-done' },
        { id: 'flow-to-transfer-tax', from: 'gateway-commune-done', to: 'task-transfer-tax' },
        { id: 'flow-transfer-to-tax', from: 'task-transfer-tax', to: 'task-tax-notice' },
        { id: 'flow-notice-to-wait', from: 'task-tax-notice', to: 'task-wait-fees' },
        { id: 'flow-fees-paid', from: 'task-wait-fees', to: 'gateway-update-merge' },
        { id: 'flow-merge-to-update', from: 'gateway-update-merge', to: 'task-update-records' },
        { id: 'flow-update-to-sign', from: 'task-update-records', to: 'task-sign' },
        { id: 'flow-sign-to-decide', from: 'task-sign', to: 'gateway-sign' },
        { id: 'flow-sign-return', from: 'gateway-sign', to: 'gateway-update-merge', name: 'Trả lại', condition: decisionIs('return'), route: { kind: 'belowIntoLeft' } },
        { id: 'flow-sign-approve', from: 'gateway-sign', to: 'task-return', name: 'Đồng ý' },
        { id: 'flow-return-to-end', from: 'task-return', to: 'end-returned' },
      ],
    },
  ],
};
