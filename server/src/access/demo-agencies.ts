/**
 * @module demo-agencies — the agency directory of the demo province for `npm start`: a province with its one-stop
 * centre, departments and a commune, the agencies of the two inter-agency procedure groups of Decree 63/2024
 * (commune People's Committee, commune Police, Social Insurance) and those of land and business procedures.
 * Ids are short demo codes; a real deployment uses national agency identifiers such as `000.00.64.H10`.
 */
import type { AgencyRecord } from './agency-store';

export const DEMO_AGENCY_IDS = {
  province: 'tinh-demo',
  oneStopCentre: 'ttpvhcc',
  finance: 'so-tai-chinh',
  construction: 'so-xay-dung',
  landRegistration: 'vpdk-dat-dai',
  commune: 'ubnd-xa-demo',
  communePolice: 'cong-an-xa-demo',
  socialInsurance: 'bhxh-tinh',
  tax: 'thue-co-so',
} as const;

const ids = DEMO_AGENCY_IDS;

/** A demo agency: its province is the one the demo is seeded in (seed-demo-access.ts). */
export type DemoAgency = Omit<AgencyRecord, 'provinceCode'>;

export const DEMO_AGENCIES: readonly DemoAgency[] = [
  { id: ids.province, name: 'Ủy ban nhân dân tỉnh Demo', kind: 'province', departments: [] },
  {
    id: ids.oneStopCentre,
    name: 'Trung tâm Phục vụ hành chính công tỉnh Demo',
    parentId: ids.province,
    kind: 'oneStopCentre',
    departments: [{ id: 'quay-mot-cua', name: 'Bộ phận Một cửa' }],
  },
  {
    id: ids.finance,
    name: 'Sở Tài chính',
    parentId: ids.province,
    kind: 'department',
    departments: [
      { id: 'phong-dkkd', name: 'Phòng Đăng ký kinh doanh' },
      { id: 'phong-dau-tu', name: 'Phòng Quản lý đầu tư' },
    ],
  },
  {
    id: ids.construction,
    name: 'Sở Xây dựng',
    parentId: ids.province,
    kind: 'department',
    departments: [{ id: 'phong-quy-hoach', name: 'Phòng Quy hoạch - Kiến trúc' }],
  },
  {
    id: ids.landRegistration,
    name: 'Văn phòng Đăng ký đất đai',
    parentId: ids.province,
    kind: 'landRegistration',
    departments: [{ id: 'chi-nhanh-1', name: 'Chi nhánh Văn phòng Đăng ký đất đai số 1' }],
  },
  {
    id: ids.commune,
    name: 'Ủy ban nhân dân xã Demo',
    parentId: ids.province,
    kind: 'commune',
    departments: [
      { id: 'tu-phap-ho-tich', name: 'Công chức Tư pháp - Hộ tịch' },
      { id: 'van-hoa-xa-hoi', name: 'Phòng Văn hóa - Xã hội' },
      { id: 'kinh-te-ha-tang-do-thi', name: 'Phòng Kinh tế, Hạ tầng và Đô thị' },
    ],
  },
  { id: ids.communePolice, name: 'Công an xã Demo', parentId: ids.commune, kind: 'police', departments: [] },
  { id: ids.socialInsurance, name: 'Bảo hiểm xã hội tỉnh Demo', kind: 'socialInsurance', departments: [] },
  { id: ids.tax, name: 'Thuế cơ sở 1 tỉnh Demo', kind: 'tax', departments: [] },
];
