/**
 * @module demo-users — one demo user of each role (and officials at several agencies) for `npm start`. The
 * password of each is its username, which `npm start` prints: demo data only, never for a real deployment.
 */
import { DEMO_AGENCY_IDS as ids } from './demo-agencies';
import type { UserRecord } from './user-record';

/** A demo user: its province is the one the demo is seeded in (seed-demo-access.ts). */
export type DemoUser = Omit<UserRecord, 'passwordHash' | 'provinceCode'>;

export const DEMO_USERS: readonly DemoUser[] = [
  { id: 'u-admin', username: 'admin', displayName: 'Quản trị hệ thống', role: 'administrator', agencyId: ids.province },
  { id: 'u-analyst', username: 'analyst', displayName: 'Nguyễn Thị Phân Tích', role: 'analyst', agencyId: ids.province },
  {
    id: 'u-official-motcua',
    username: 'official.motcua',
    displayName: 'Trần Văn Tiếp Nhận',
    role: 'official',
    agencyId: ids.oneStopCentre,
    departmentId: 'quay-mot-cua',
  },
  {
    id: 'u-head-motcua',
    username: 'head.motcua',
    displayName: 'Lê Thị Trưởng Bộ Phận',
    role: 'headOfUnit',
    agencyId: ids.oneStopCentre,
    departmentId: 'quay-mot-cua',
  },
  {
    id: 'u-official-dkkd',
    username: 'official.dkkd',
    displayName: 'Phạm Văn Đăng Ký',
    role: 'official',
    agencyId: ids.finance,
    departmentId: 'phong-dkkd',
  },
  { id: 'u-head-taichinh', username: 'head.taichinh', displayName: 'Hoàng Văn Giám Đốc', role: 'headOfUnit', agencyId: ids.finance },
  {
    id: 'u-official-xaydung',
    username: 'official.xaydung',
    displayName: 'Đỗ Thị Cấp Phép',
    role: 'official',
    agencyId: ids.construction,
    departmentId: 'phong-quy-hoach',
  },
  {
    id: 'u-official-hotich',
    username: 'official.hotich',
    displayName: 'Vũ Thị Hộ Tịch',
    role: 'official',
    agencyId: ids.commune,
    departmentId: 'tu-phap-ho-tich',
  },
  { id: 'u-head-xa', username: 'head.xa', displayName: 'Bùi Văn Chủ Tịch', role: 'headOfUnit', agencyId: ids.commune },
  { id: 'u-official-congan', username: 'official.congan', displayName: 'Ngô Văn Cư Trú', role: 'official', agencyId: ids.communePolice },
  { id: 'u-official-bhxh', username: 'official.bhxh', displayName: 'Đặng Thị Bảo Hiểm', role: 'official', agencyId: ids.socialInsurance },
  { id: 'u-official-thue', username: 'official.thue', displayName: 'Lý Văn Thuế', role: 'official', agencyId: ids.tax },
  { id: 'u-official-datdai', username: 'official.datdai', displayName: 'Mai Thị Địa Chính', role: 'official', agencyId: ids.landRegistration },
  { id: 'u-supervisor', username: 'supervisor', displayName: 'Văn phòng UBND tỉnh (giám sát)', role: 'supervisor', agencyId: ids.province, supervisorScope: 'province' },
  // Every lane of the procedure library has an official and a head of unit to act and be escalated to.
  { id: 'u-official-dautu', username: 'official.dautu', displayName: 'Chuyên viên Quản lý đầu tư', role: 'official', agencyId: ids.finance, departmentId: 'phong-dau-tu' },
  { id: 'u-head-dautu', username: 'head.dautu', displayName: 'Trưởng phòng Quản lý đầu tư', role: 'headOfUnit', agencyId: ids.finance, departmentId: 'phong-dau-tu' },
  { id: 'u-head-dkkd', username: 'head.dkkd', displayName: 'Trưởng phòng Đăng ký kinh doanh', role: 'headOfUnit', agencyId: ids.finance, departmentId: 'phong-dkkd' },
  { id: 'u-official-ktht', username: 'official.ktht', displayName: 'Chuyên viên Kinh tế, Hạ tầng và Đô thị', role: 'official', agencyId: ids.commune, departmentId: 'kinh-te-ha-tang-do-thi' },
  { id: 'u-head-ktht', username: 'head.ktht', displayName: 'Trưởng phòng Kinh tế, Hạ tầng và Đô thị', role: 'headOfUnit', agencyId: ids.commune, departmentId: 'kinh-te-ha-tang-do-thi' },
  { id: 'u-official-vhxh', username: 'official.vhxh', displayName: 'Công chức Văn hóa - Xã hội', role: 'official', agencyId: ids.commune, departmentId: 'van-hoa-xa-hoi' },
  { id: 'u-official-vpdk', username: 'official.vpdk', displayName: 'Chuyên viên Chi nhánh VPĐK đất đai', role: 'official', agencyId: ids.landRegistration, departmentId: 'chi-nhanh-1' },
  { id: 'u-head-vpdk', username: 'head.vpdk', displayName: 'Giám đốc Chi nhánh VPĐK đất đai', role: 'headOfUnit', agencyId: ids.landRegistration, departmentId: 'chi-nhanh-1' },
  { id: 'u-head-congan', username: 'head.congan', displayName: 'Trưởng Công an xã', role: 'headOfUnit', agencyId: ids.communePolice },
  { id: 'u-head-bhxh', username: 'head.bhxh', displayName: 'Giám đốc Bảo hiểm xã hội tỉnh', role: 'headOfUnit', agencyId: ids.socialInsurance },
  { id: 'u-head-thue', username: 'head.thue', displayName: 'Trưởng Thuế cơ sở 1', role: 'headOfUnit', agencyId: ids.tax },
  // Deploying checks that every unit has someone to act and a head to escalate to (access/routing-coverage.ts).
  { id: 'u-head-xaydung', username: 'head.xaydung', displayName: 'Giám đốc Sở Xây dựng', role: 'headOfUnit', agencyId: ids.construction },
  {
    id: 'u-supervisor-xa',
    username: 'supervisor.xa',
    displayName: 'Giám sát liên thông cấp xã',
    role: 'supervisor',
    agencyId: ids.commune,
    supervisorScope: { agencyIds: [ids.commune, ids.communePolice, ids.socialInsurance] },
  },
];
