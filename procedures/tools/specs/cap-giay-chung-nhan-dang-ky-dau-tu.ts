/**
 * @module cap-giay-chung-nhan-dang-ky-dau-tu — investment registration certificate for a project that needs no
 * investment policy approval (procedure 1.009664), issued by the provincial Department of Finance.
 */
import type { ProcedureSpec } from '../procedure-spec';
import { AGENCIES, LADDER_LONG, MESSAGES } from './conventions';
import { reviewRoute } from './review-route';

const route = reviewRoute({
  lanes: { counter: 'lane-mot-cua', expert: 'lane-chuyen-vien', head: 'lane-truong-phong', leader: 'lane-lanh-dao-so' },
  receive: { value: 0.5, unit: 'workingDays' },
  review: { name: 'Thẩm định hồ sơ dự án đầu tư', budget: { value: 6.5, unit: 'workingDays' }, nearlyDue: { hoursBefore: 8 } },
  head: { name: 'Trưởng phòng kiểm tra, trình ký', budget: { value: 1.5, unit: 'workingDays' } },
  sign: { name: 'Lãnh đạo Sở ký Giấy chứng nhận', budget: { value: 1, unit: 'workingDays' } },
  returnResult: { name: 'Trả Giấy chứng nhận đăng ký đầu tư', budget: { value: 0.5, unit: 'workingDays' } },
  refusal: { value: 0.5, unit: 'workingDays' },
  resultName: 'Đã trả kết quả',
});

export const capGiayChungNhanDangKyDauTu: ProcedureSpec = {
  slug: 'cap-giay-chung-nhan-dang-ky-dau-tu',
  name: 'Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư',
  procedure: {
    procedureCode: '1.009664',
    name: 'Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư',
    statutoryValue: 10,
    statutoryUnit: 'workingDays',
    legalBasis:
      'Luật Đầu tư 2020, Điều 38; Nghị định 31/2021/NĐ-CP, Điều 36; Nghị định 61/2018/NĐ-CP, 107/2021/NĐ-CP; Nghị định 45/2020/NĐ-CP',
    supplementPolicy: 'restart',
    maxReappointments: 1,
    leadAgency: 'so-tai-chinh',
  },
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
