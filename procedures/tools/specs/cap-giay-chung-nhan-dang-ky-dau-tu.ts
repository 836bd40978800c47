/**
 * @module cap-giay-chung-nhan-dang-ky-dau-tu — investment registration certificate for a project that needs no
 * investment policy approval (procedure 1.009664), issued by the provincial Department of Finance within 15 days of a
 * valid dossier (Law on Investment 2020, Art. 38(1)(b)).
 */
import type { RequiredComponent } from '../../../engine/src/index';
import type { EformSpec, ProcedureSpec } from '../procedure-spec';
import { AGENCIES, LADDER_LONG, MESSAGES } from './conventions';
import { area, choice, count, date, eformSchema, email, group, longText, money, personalIdNumber, phone, taxCode, text, RESULT_DELIVERY } from './eform-fields';
import { reviewRoute } from './review-route';

const route = reviewRoute({
  lanes: { counter: 'lane-mot-cua', expert: 'lane-chuyen-vien', head: 'lane-truong-phong', leader: 'lane-lanh-dao-so' },
  receive: { value: 0.5, unit: 'workingDays' },
  review: { name: 'Thẩm định hồ sơ dự án đầu tư', budget: { value: 10, unit: 'workingDays' }, nearlyDue: { hoursBefore: 16 } },
  head: { name: 'Trưởng phòng kiểm tra, trình ký', budget: { value: 2, unit: 'workingDays' } },
  sign: { name: 'Lãnh đạo Sở ký Giấy chứng nhận', budget: { value: 2, unit: 'workingDays' } },
  returnResult: { name: 'Trả Giấy chứng nhận đăng ký đầu tư', budget: { value: 0.5, unit: 'workingDays' } },
  refusal: { value: 0.5, unit: 'workingDays' },
  resultName: 'Đã trả kết quả',
});

/** The investor's request to carry out an investment project (Văn bản đề nghị thực hiện dự án đầu tư, mẫu A.I.1). */
const eform: EformSpec = {
  schema: eformSchema(
    'Văn bản đề nghị thực hiện dự án đầu tư',
    {
      investor: {
        ...group('Nhà đầu tư', {
          kind: choice('Loại nhà đầu tư', [['to-chuc', 'Tổ chức kinh tế'], ['ca-nhan', 'Cá nhân']]),
          name: text('Tên tổ chức hoặc họ, chữ đệm, tên của nhà đầu tư'),
          enterpriseCode: taxCode('Mã số doanh nghiệp (nhà đầu tư là tổ chức)'),
          idNumber: personalIdNumber('Số định danh cá nhân (nhà đầu tư là cá nhân)'),
          address: text('Địa chỉ trụ sở chính hoặc nơi cư trú', { maxLength: 500 }),
          representativeName: text('Người đại diện theo pháp luật'),
          representativeTitle: text('Chức danh', { maxLength: 100 }),
          phone: phone(),
          email: email(),
        }, ['kind', 'name', 'address', 'phone']),
        allOf: [
          { if: { properties: { kind: { const: 'to-chuc' } }, required: ['kind'] }, then: { required: ['enterpriseCode', 'representativeName'] } },
          { if: { properties: { kind: { const: 'ca-nhan' } }, required: ['kind'] }, then: { required: ['idNumber'] } },
        ],
      },
      project: group('Dự án đầu tư', {
        name: text('Tên dự án', { maxLength: 300 }),
        objectives: longText('Mục tiêu hoạt động'),
        scale: longText('Quy mô dự án (công suất, sản phẩm, diện tích xây dựng)'),
        location: text('Địa điểm thực hiện dự án', { maxLength: 500 }),
        landArea: area('Diện tích đất dự kiến sử dụng (m²)'),
        totalCapital: money('Tổng vốn đầu tư (đồng)'),
        contributedCapital: money('Vốn góp của nhà đầu tư (đồng)'),
        durationYears: count('Thời hạn hoạt động của dự án (năm)', 70),
        startDate: date('Tiến độ: dự kiến ngày bắt đầu thực hiện'),
        incentivesRequested: longText('Đề xuất ưu đãi, hỗ trợ đầu tư (nếu có)'),
      }, ['name', 'objectives', 'scale', 'location', 'totalCapital', 'contributedCapital', 'durationYears', 'startDate']),
      resultDelivery: RESULT_DELIVERY,
    },
    ['investor', 'project', 'resultDelivery'],
  ),
  example: {
    investor: {
      kind: 'to-chuc',
      name: 'Công ty cổ phần Sen Vàng',
      enterpriseCode: '0101234567',
      address: 'Số 1 Tràng Tiền, phường Hoàn Kiếm, Hà Nội',
      representativeName: 'Phạm Quốc Bảo',
      representativeTitle: 'Tổng giám đốc',
      phone: '02438123456',
    },
    project: {
      name: 'Nhà máy chế biến nông sản Sen Vàng',
      objectives: 'Sơ chế, chế biến và bảo quản rau quả',
      scale: '5.000 tấn sản phẩm mỗi năm',
      location: 'Cụm công nghiệp xã Demo',
      landArea: 20000,
      totalCapital: 120_000_000_000,
      contributedCapital: 30_000_000_000,
      durationYears: 50,
      startDate: '2026-03-01',
    },
    resultDelivery: 'truc-tiep',
  },
};

/** Law on Investment 2020, Art. 33(1): the dossier of a project that needs no investment policy approval. */
const components: RequiredComponent[] = [
  {
    id: 'van-ban-de-nghi',
    name: 'Văn bản đề nghị thực hiện dự án đầu tư, gồm cả cam kết chịu mọi chi phí, rủi ro nếu dự án không được chấp thuận',
    copyType: 'original',
    quantity: 1,
    required: true,
    legalBasis: 'Luật Đầu tư 2020, Điều 33 khoản 1 điểm a',
  },
  {
    id: 'tu-cach-phap-ly',
    name: 'Tài liệu về tư cách pháp lý của nhà đầu tư',
    copyType: 'certifiedCopy',
    quantity: 1,
    required: true,
    legalBasis: 'Luật Đầu tư 2020, Điều 33 khoản 1 điểm b',
  },
  {
    id: 'nang-luc-tai-chinh',
    name: 'Tài liệu chứng minh năng lực tài chính của nhà đầu tư (báo cáo tài chính 02 năm gần nhất, cam kết hỗ trợ tài chính hoặc tài liệu khác)',
    copyType: 'copy',
    quantity: 1,
    required: true,
    legalBasis: 'Luật Đầu tư 2020, Điều 33 khoản 1 điểm c',
  },
  {
    id: 'de-xuat-du-an',
    name: 'Đề xuất dự án đầu tư',
    copyType: 'original',
    quantity: 1,
    required: true,
    legalBasis: 'Luật Đầu tư 2020, Điều 33 khoản 1 điểm d',
  },
  {
    id: 'quyen-su-dung-dia-diem',
    name: 'Bản sao giấy tờ về quyền sử dụng đất hoặc tài liệu khác xác định quyền sử dụng địa điểm thực hiện dự án',
    copyType: 'copy',
    quantity: 1,
    required: false,
    condition: 'Khi dự án không đề nghị Nhà nước giao đất, cho thuê đất, cho phép chuyển mục đích sử dụng đất',
    legalBasis: 'Luật Đầu tư 2020, Điều 33 khoản 1 điểm đ',
  },
  {
    id: 'giai-trinh-cong-nghe',
    name: 'Nội dung giải trình về công nghệ sử dụng trong dự án đầu tư',
    copyType: 'original',
    quantity: 1,
    required: false,
    condition: 'Khi dự án thuộc diện thẩm định, lấy ý kiến về công nghệ theo pháp luật về chuyển giao công nghệ',
    legalBasis: 'Luật Đầu tư 2020, Điều 33 khoản 1 điểm e',
  },
  {
    id: 'hop-dong-bcc',
    name: 'Hợp đồng BCC',
    copyType: 'copy',
    quantity: 1,
    required: false,
    condition: 'Khi dự án đầu tư theo hình thức hợp đồng BCC',
    legalBasis: 'Luật Đầu tư 2020, Điều 33 khoản 1 điểm g',
  },
];

export const capGiayChungNhanDangKyDauTu: ProcedureSpec = {
  slug: 'cap-giay-chung-nhan-dang-ky-dau-tu',
  name: 'Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư',
  procedure: {
    procedureCode: '1.009664',
    name: 'Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư',
    statutoryValue: 15,
    statutoryUnit: 'workingDays',
    legalBasis:
      'Luật Đầu tư 2020, Điều 38; Nghị định 31/2021/NĐ-CP, Điều 36; Nghị định 61/2018/NĐ-CP, 107/2021/NĐ-CP; Nghị định 45/2020/NĐ-CP',
    supplementPolicy: 'restart',
    maxReappointments: 1,
    leadAgency: 'so-tai-chinh',
    // The certificate the Department issues (Luật Đầu tư 2020, Điều 40: its contents), signed by its director.
    result: {
      title: 'Giấy chứng nhận đăng ký đầu tư',
      signer: 'Giám đốc',
      template: [
        'Căn cứ {{procedure.legalBasis}};',
        'Căn cứ hồ sơ số {{dossierCode}}, tiếp nhận {{receivedAt}};',
        '{{agency.name}} chứng nhận nhà đầu tư {{form.investor.name}}, địa chỉ {{form.investor.address}}, đăng ký thực hiện dự án đầu tư với nội dung sau:',
        'Điều 1. Tên dự án: {{form.project.name}}.\nMục tiêu hoạt động: {{form.project.objectives}}.\nQuy mô: {{form.project.scale}}.\nĐịa điểm thực hiện: {{form.project.location}}.',
        'Điều 2. Tổng vốn đầu tư: {{form.project.totalCapital}} đồng, trong đó vốn góp của nhà đầu tư {{form.project.contributedCapital}} đồng. Thời hạn hoạt động: {{form.project.durationYears}} năm.',
      ].join('\n\n'),
    },
  },
  eform,
  components,
  messages: [MESSAGES.supplementReceived],
  pools: [
    {
      participantId: 'participant-dang-ky-dau-tu',
      participantName: 'Sở Tài chính – Cấp Giấy chứng nhận đăng ký đầu tư',
      processId: 'process-dang-ky-dau-tu',
      processName: 'Cấp Giấy chứng nhận đăng ký đầu tư',
      nearlyDue: { percent: 75 },
      escalation: LADDER_LONG,
      lanes: [
        { id: 'lane-mot-cua', name: 'Bộ phận Một cửa', assignment: AGENCIES.oneStop },
        { id: 'lane-chuyen-vien', name: 'Chuyên viên P. Quản lý đầu tư', assignment: AGENCIES.financeInvestment },
        { id: 'lane-truong-phong', name: 'Trưởng phòng QL đầu tư', assignment: AGENCIES.financeInvestment },
        { id: 'lane-lanh-dao-so', name: 'Lãnh đạo Sở Tài chính', assignment: AGENCIES.financeLeaders },
      ],
      nodes: route.nodes,
      flows: route.flows,
    },
  ],
};
