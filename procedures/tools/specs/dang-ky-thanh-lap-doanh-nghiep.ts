/**
 * @module dang-ky-thanh-lap-doanh-nghiep — enterprise registration at the Business Registration Office of the
 * Department of Finance: 3 working days from a valid dossier, counted again from the corrected dossier (restart).
 */
import type { ProcedureSpec } from '../procedure-spec';
import { AGENCIES, LADDER_SHORT, MESSAGES } from './conventions';
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
