/** @module describeAgencyStoreContract — what every AgencyStore adapter must do. */
import { describe, expect, it } from 'vitest';
import type { AgencyRecord, AgencyStore } from '../../server/src/access/agency-store';
import { HOME_PROVINCE } from './support/beside-neighbour';

const finance: AgencyRecord = {
  id: 'so-tai-chinh',
  name: 'Sở Tài chính',
  provinceCode: HOME_PROVINCE,
  parentId: 'tinh-demo',
  kind: 'department',
  departments: [{ id: 'phong-dkkd', name: 'Phòng Đăng ký kinh doanh' }],
};

export function describeAgencyStoreContract(adapter: string, makeStore: () => Promise<AgencyStore>): void {
  describe(`AgencyStore contract (${adapter})`, () => {
    it('stores an agency with its departments and finds it by id', async () => {
      // given
      const agencies = await makeStore();
      // when
      await agencies.put(finance);
      // then
      expect(await agencies.get('so-tai-chinh')).toEqual(finance);
      expect(await agencies.get('unknown')).toBeUndefined();
    });

    it('replaces the agency with the same id on a second put', async () => {
      // given
      const agencies = await makeStore();
      await agencies.put(finance);
      // when
      const { parentId: _parentId, ...renamed } = { ...finance, name: 'Sở Tài chính tỉnh Demo', departments: [] };
      await agencies.put(renamed);
      // then
      expect(await agencies.get('so-tai-chinh')).toEqual(renamed);
      expect(await agencies.list()).toHaveLength(1);
    });

    it('lists every agency in id order', async () => {
      // given
      const agencies = await makeStore();
      await agencies.put({ id: 'ubnd-xa-demo', name: 'UBND xã Demo', provinceCode: HOME_PROVINCE, kind: 'commune', departments: [] });
      await agencies.put(finance);
      await agencies.put({ id: 'bhxh-tinh', name: 'BHXH tỉnh', provinceCode: HOME_PROVINCE, kind: 'socialInsurance', departments: [] });
      // when
      const listed = await agencies.list();
      // then
      expect(listed.map((agency) => agency.id)).toEqual(['bhxh-tinh', 'so-tai-chinh', 'ubnd-xa-demo']);
      expect(listed[1]).toEqual(finance);
    });
  });
}
