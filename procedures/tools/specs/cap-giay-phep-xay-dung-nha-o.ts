/**
 * @module cap-giay-phep-xay-dung-nha-o — construction permit for an individual house, issued by the commune People's
 * Committee since local government has two tiers (1/7/2025): counter → urban office → head of office → People's
 * Committee → counter.
 */
import type { RequiredComponent } from '../../../engine/src/index';
import type { EformSpec, ProcedureSpec } from '../procedure-spec';
import { AGENCIES, LADDER_LONG, MESSAGES } from './conventions';
import { area, choice, count, eformSchema, group, parcelNumber, personalIdNumber, phone, text, RESULT_DELIVERY } from './eform-fields';
import { reviewRoute } from './review-route';

const route = reviewRoute({
  lanes: { counter: 'lane-mot-cua', expert: 'lane-chuyen-vien', head: 'lane-truong-phong', leader: 'lane-ubnd' },
  receive: { value: 1, unit: 'workingDays' },
  review: { name: 'Thẩm định hồ sơ, kiểm tra thực địa', budget: { value: 10, unit: 'workingDays' }, nearlyDue: { hoursBefore: 16 } },
  head: { name: 'Trưởng phòng xem xét, trình ký', budget: { value: 1, unit: 'workingDays' } },
  sign: { name: 'Chủ tịch UBND xã ký giấy phép', budget: { value: 2, unit: 'workingDays' } },
  returnResult: { name: 'Trả giấy phép xây dựng', budget: { value: 1, unit: 'workingDays' } },
  refusal: { value: 1, unit: 'workingDays' },
  resultName: 'Đã trả giấy phép',
});

/** The owner's application (Đơn đề nghị cấp giấy phép xây dựng, mẫu số 01 for an individual house). */
const eform: EformSpec = {
  schema: eformSchema(
    'Đơn đề nghị cấp giấy phép xây dựng (nhà ở riêng lẻ)',
    {
      owner: group('Chủ đầu tư', {
        fullName: text('Họ, chữ đệm, tên'),
        idNumber: personalIdNumber(),
        address: text('Địa chỉ liên hệ', { maxLength: 500 }),
        phone: phone(),
      }, ['fullName', 'idNumber', 'address', 'phone']),
      site: group('Địa điểm xây dựng', {
        parcelNumber: parcelNumber('Thửa đất số'),
        mapSheetNumber: parcelNumber('Tờ bản đồ số'),
        landArea: area('Diện tích thửa đất (m²)'),
        address: text('Địa chỉ (số nhà, đường/phố, xã/phường, tỉnh/thành phố)', { maxLength: 500 }),
        landCertificateNumber: text('Số phát hành Giấy chứng nhận quyền sử dụng đất', { maxLength: 30 }),
      }, ['parcelNumber', 'mapSheetNumber', 'landArea', 'address']),
      building: group('Nội dung đề nghị cấp phép', {
        grade: choice('Cấp công trình', [['cap-ii', 'Cấp II'], ['cap-iii', 'Cấp III'], ['cap-iv', 'Cấp IV']]),
        groundFloorArea: area('Diện tích xây dựng tầng 1 (tầng trệt) (m²)'),
        totalFloorArea: area('Tổng diện tích sàn (m²)'),
        height: { type: 'number', title: 'Chiều cao công trình (m)', exclusiveMinimum: 0, maximum: 300 },
        floors: count('Số tầng trên mặt đất', 50),
        basements: { type: 'integer', title: 'Số tầng hầm', minimum: 0, maximum: 5 },
      }, ['grade', 'groundFloorArea', 'totalFloorArea', 'height', 'floors']),
      // An individual house under 250 m² of floor and 3 floors may be designed by the household itself.
      designer: group('Tổ chức, cá nhân thiết kế (nếu có)', {
        name: text('Tên tổ chức hoặc họ, chữ đệm, tên'),
        certificateNumber: text('Mã số chứng chỉ năng lực hoặc chứng chỉ hành nghề', { maxLength: 50 }),
      }),
      expectedMonths: count('Dự kiến thời gian hoàn thành công trình (tháng)', 120),
      resultDelivery: RESULT_DELIVERY,
    },
    ['owner', 'site', 'building', 'expectedMonths', 'resultDelivery'],
  ),
  example: {
    owner: { fullName: 'Hoàng Văn Nam', idNumber: '001082033333', address: 'Thôn Nam, xã Demo', phone: '0903123456' },
    site: { parcelNumber: 125, mapSheetNumber: 14, landArea: 96.5, address: 'Thôn Nam, xã Demo', landCertificateNumber: 'DK 123456' },
    building: { grade: 'cap-iii', groundFloorArea: 80, totalFloorArea: 240, height: 12.6, floors: 3 },
    expectedMonths: 8,
    resultDelivery: 'truc-tiep',
  },
};

/** Law on Construction 2014 (amended 2020), Art. 95(1): the dossier for a new individual house. */
const components: RequiredComponent[] = [
  {
    id: 'don-de-nghi',
    name: 'Đơn đề nghị cấp giấy phép xây dựng',
    copyType: 'original',
    quantity: 1,
    required: true,
    legalBasis: 'Luật Xây dựng 2014, Điều 95 khoản 1 điểm a',
  },
  {
    id: 'giay-to-dat',
    name: 'Bản sao một trong những giấy tờ chứng minh quyền sử dụng đất theo quy định của pháp luật về đất đai',
    copyType: 'certifiedCopy',
    quantity: 1,
    required: true,
    legalBasis: 'Luật Xây dựng 2014, Điều 95 khoản 1 điểm b',
  },
  {
    id: 'ban-ve-thiet-ke',
    name: 'Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng, đấu nối hạ tầng)',
    copyType: 'original',
    quantity: 2,
    required: true,
    legalBasis: 'Luật Xây dựng 2014, Điều 95 khoản 1 điểm c',
  },
  {
    id: 'cam-ket-lien-ke',
    name: 'Bản cam kết bảo đảm an toàn đối với công trình liền kề',
    copyType: 'original',
    quantity: 1,
    required: false,
    condition: 'Khi công trình có công trình liền kề',
    legalBasis: 'Luật Xây dựng 2014, Điều 95 khoản 1 điểm d',
  },
];

export const capGiayPhepXayDungNhaO: ProcedureSpec = {
  slug: 'cap-giay-phep-xay-dung-nha-o',
  name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
  procedure: {
    procedureCode: '1.009994',
    name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
    statutoryValue: 15,
    statutoryUnit: 'workingDays',
    legalBasis:
      'Luật Xây dựng 2014 (sửa đổi 2020), Điều 95, 102, 103; Nghị định 175/2024/NĐ-CP; Nghị định 61/2018/NĐ-CP, 107/2021/NĐ-CP',
    supplementPolicy: 'pause',
    maxReappointments: 1,
    leadAgency: 'ubnd-xa-demo',
  },
  eform,
  components,
  messages: [MESSAGES.supplementReceived],
  pools: [
    {
      participantId: 'participant-giay-phep-xay-dung',
      participantName: 'UBND xã – Cấp giấy phép xây dựng nhà ở riêng lẻ',
      processId: 'process-giay-phep-xay-dung',
      processName: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
      nearlyDue: { percent: 75 },
      escalation: LADDER_LONG,
      lanes: [
        { id: 'lane-mot-cua', name: 'Bộ phận Một cửa', assignment: AGENCIES.oneStop },
        { id: 'lane-chuyen-vien', name: 'Chuyên viên P. KT, HT và ĐT', assignment: AGENCIES.communeUrban },
        { id: 'lane-truong-phong', name: 'Trưởng phòng KT, HT và ĐT', assignment: AGENCIES.communeUrban },
        { id: 'lane-ubnd', name: 'Lãnh đạo UBND xã', assignment: AGENCIES.communeLeaders },
      ],
      nodes: route.nodes,
      flows: route.flows,
    },
  ],
};
