/**
 * @module dang-ky-thanh-lap-doanh-nghiep — enterprise registration at the Business Registration Office of the
 * Department of Finance: 3 working days from a valid dossier, counted again from the corrected dossier (restart).
 */
import type { RequiredComponent } from '../../../engine/src/index';
import type { EformSpec, ProcedureSpec } from '../procedure-spec';
import { AGENCIES, LADDER_SHORT, MESSAGES } from './conventions';
import { choice, date, eformSchema, email, group, money, personalIdNumber, phone, taxCode, text, RESULT_DELIVERY, SEX } from './eform-fields';
import { reviewRoute } from './review-route';

const route = reviewRoute({
  lanes: { counter: 'lane-mot-cua', expert: 'lane-chuyen-vien', head: 'lane-truong-phong' },
  receive: { value: 4, unit: 'workingHours' },
  review: { name: 'Kiểm tra tính hợp lệ của hồ sơ', budget: { value: 1.5, unit: 'workingDays' }, nearlyDue: { hoursBefore: 4 } },
  head: { name: 'Trưởng phòng ĐKKD duyệt, cấp Giấy chứng nhận', budget: { value: 4, unit: 'workingHours' } },
  returnResult: { name: 'Trả Giấy chứng nhận đăng ký doanh nghiệp', budget: { value: 4, unit: 'workingHours' } },
  refusal: { value: 4, unit: 'workingHours' },
  resultName: 'Đã trả kết quả',
});

/** The application for enterprise registration of a one-member limited company (Giấy đề nghị đăng ký doanh nghiệp). */
const eform: EformSpec = {
  schema: eformSchema(
    'Giấy đề nghị đăng ký công ty trách nhiệm hữu hạn một thành viên',
    {
      businessName: text('Tên công ty viết bằng tiếng Việt'),
      foreignName: text('Tên công ty viết bằng tiếng nước ngoài (nếu có)'),
      abbreviation: text('Tên công ty viết tắt (nếu có)', { maxLength: 100 }),
      headOffice: group('Địa chỉ trụ sở chính', {
        address: text('Số nhà, đường/phố, xã/phường, tỉnh/thành phố', { maxLength: 500 }),
        phone: phone(),
        email: email(),
      }, ['address', 'phone']),
      businessLines: {
        type: 'array',
        title: 'Ngành, nghề kinh doanh',
        minItems: 1,
        maxItems: 50,
        items: group('Ngành, nghề', {
          code: { type: 'string', title: 'Mã ngành (cấp 4)', pattern: '^[0-9]{4}$', description: '4 chữ số theo Hệ thống ngành kinh tế Việt Nam' },
          name: text('Tên ngành', { maxLength: 300 }),
        }, ['code', 'name']),
      },
      capital: money('Vốn điều lệ (đồng)'),
      owner: {
        ...group('Chủ sở hữu', {
          kind: choice('Chủ sở hữu là', [['ca-nhan', 'Cá nhân'], ['to-chuc', 'Tổ chức']]),
          name: text('Họ, chữ đệm, tên hoặc tên tổ chức'),
          idNumber: personalIdNumber('Số định danh cá nhân (chủ sở hữu là cá nhân)'),
          enterpriseCode: taxCode('Mã số doanh nghiệp (chủ sở hữu là tổ chức)'),
          address: text('Địa chỉ liên lạc hoặc trụ sở chính', { maxLength: 500 }),
        }, ['kind', 'name', 'address']),
        allOf: [
          { if: { properties: { kind: { const: 'ca-nhan' } }, required: ['kind'] }, then: { required: ['idNumber'] } },
          { if: { properties: { kind: { const: 'to-chuc' } }, required: ['kind'] }, then: { required: ['enterpriseCode'] } },
        ],
      },
      legalRepresentative: group('Người đại diện theo pháp luật', {
        fullName: text('Họ, chữ đệm, tên'),
        title: text('Chức danh', { maxLength: 100 }),
        dateOfBirth: date('Ngày, tháng, năm sinh'),
        sex: SEX,
        idNumber: personalIdNumber(),
        address: text('Địa chỉ liên lạc', { maxLength: 500 }),
      }, ['fullName', 'title', 'dateOfBirth', 'sex', 'idNumber', 'address']),
      resultDelivery: RESULT_DELIVERY,
    },
    ['businessName', 'headOffice', 'businessLines', 'capital', 'owner', 'legalRepresentative', 'resultDelivery'],
  ),
  example: {
    businessName: 'Công ty TNHH Sen Vàng',
    headOffice: { address: 'Số 1 Tràng Tiền, phường Hoàn Kiếm, Hà Nội', phone: '0912345678' },
    businessLines: [{ code: '4722', name: 'Bán lẻ thực phẩm trong các cửa hàng chuyên doanh' }],
    capital: 1_000_000_000,
    owner: { kind: 'ca-nhan', name: 'Trần Văn Dân', idNumber: '001085012345', address: 'Số 1 Tràng Tiền, Hà Nội' },
    legalRepresentative: { fullName: 'Trần Văn Dân', title: 'Giám đốc', dateOfBirth: '1985-03-20', sex: 'nam', idNumber: '001085012345', address: 'Số 1 Tràng Tiền, Hà Nội' },
    resultDelivery: 'truc-tiep',
  },
};

/** Law on Enterprises 2020, Art. 24 (the company's charter) and Art. 21 (a limited company's dossier). */
const components: RequiredComponent[] = [
  {
    id: 'giay-de-nghi',
    name: 'Giấy đề nghị đăng ký doanh nghiệp',
    copyType: 'original',
    quantity: 1,
    required: true,
    legalBasis: 'Luật Doanh nghiệp 2020, Điều 21 khoản 1',
  },
  {
    id: 'dieu-le',
    name: 'Điều lệ công ty',
    copyType: 'original',
    quantity: 1,
    required: true,
    legalBasis: 'Luật Doanh nghiệp 2020, Điều 21 khoản 2; Điều 24',
  },
  {
    id: 'giay-to-phap-ly-ca-nhan',
    name: 'Bản sao giấy tờ pháp lý của cá nhân đối với người đại diện theo pháp luật và chủ sở hữu là cá nhân',
    copyType: 'copy',
    quantity: 1,
    required: false,
    condition: 'Khi thông tin của cá nhân không được khai thác từ Cơ sở dữ liệu quốc gia về dân cư',
    legalBasis: 'Luật Doanh nghiệp 2020, Điều 21 khoản 4',
  },
  {
    id: 'giay-to-phap-ly-to-chuc',
    name: 'Bản sao giấy tờ pháp lý của tổ chức chủ sở hữu và văn bản cử người đại diện theo ủy quyền',
    copyType: 'certifiedCopy',
    quantity: 1,
    required: false,
    condition: 'Khi chủ sở hữu công ty là tổ chức',
    legalBasis: 'Luật Doanh nghiệp 2020, Điều 21 khoản 4',
  },
  {
    id: 'van-ban-uy-quyen',
    name: 'Văn bản ủy quyền cho người nộp hồ sơ',
    copyType: 'original',
    quantity: 1,
    required: false,
    condition: 'Khi người nộp hồ sơ không phải người đại diện theo pháp luật',
    legalBasis: 'Nghị định 168/2025/NĐ-CP',
  },
];

export const dangKyThanhLapDoanhNghiep: ProcedureSpec = {
  slug: 'dang-ky-thanh-lap-doanh-nghiep',
  name: 'Đăng ký thành lập doanh nghiệp',
  procedure: {
    procedureCode: '2.001610',
    name: 'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên',
    statutoryValue: 3,
    statutoryUnit: 'workingDays',
    legalBasis: 'Luật Doanh nghiệp 2020, Điều 26; Nghị định 168/2025/NĐ-CP; Nghị định 61/2018/NĐ-CP, 107/2021/NĐ-CP; Nghị định 45/2020/NĐ-CP',
    supplementPolicy: 'restart',
    maxReappointments: 1,
    leadAgency: 'so-tai-chinh',
  },
  eform,
  components,
  messages: [MESSAGES.supplementReceived],
  pools: [
    {
      participantId: 'participant-dang-ky-doanh-nghiep',
      participantName: 'Sở Tài chính – Đăng ký thành lập doanh nghiệp',
      processId: 'process-dang-ky-doanh-nghiep',
      processName: 'Đăng ký thành lập doanh nghiệp',
      nearlyDue: { percent: 75 },
      escalation: LADDER_SHORT,
      lanes: [
        { id: 'lane-mot-cua', name: 'Bộ phận Một cửa', assignment: AGENCIES.oneStop },
        { id: 'lane-chuyen-vien', name: 'Chuyên viên Phòng ĐKKD', assignment: AGENCIES.financeBusinessRegistration },
        { id: 'lane-truong-phong', name: 'Trưởng phòng ĐKKD', assignment: AGENCIES.financeBusinessRegistration },
      ],
      nodes: route.nodes,
      flows: route.flows,
    },
  ],
};
