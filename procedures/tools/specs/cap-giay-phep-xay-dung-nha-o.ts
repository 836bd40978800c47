/**
 * @module cap-giay-phep-xay-dung-nha-o — construction permit for an individual house, issued by the commune People's
 * Committee since local government has two tiers (1/7/2025): counter → urban office → head of office → People's
 * Committee → counter.
 */
import type { ProcedureSpec } from '../procedure-spec';
import { AGENCIES, LADDER_LONG, MESSAGES } from './conventions';
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
