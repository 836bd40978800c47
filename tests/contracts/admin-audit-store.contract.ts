/** @module describeAdminAuditStoreContract — what every AdminAuditStore adapter must do: append, filter, page; nothing else. */
import { describe, expect, it } from 'vitest';
import { DuplicateKey, type AdminAuditRecord, type AdminAuditStore } from '../../server/src/stores';

const record = (n: number, fields: Partial<AdminAuditRecord> = {}): AdminAuditRecord => ({
  id: `r${n}`,
  at: 1_000 * n,
  actorId: 'u-admin',
  action: 'agency.changed',
  target: { kind: 'agency', id: 'so-tai-chinh' },
  before: { name: 'Sở Tài chính', departments: [] },
  after: { name: 'Sở Tài chính tỉnh Demo', departments: [{ id: 'phong-dkkd', name: 'Phòng ĐKKD' }] },
  address: '192.0.2.1',
  ...fields,
});

export function describeAdminAuditStoreContract(adapter: string, makeStore: () => Promise<AdminAuditStore>): void {
  describe(`AdminAuditStore contract (${adapter})`, () => {
    it('keeps each record as appended, before and after included, and refuses a second record with the same id', async () => {
      // given
      const audit = await makeStore();
      // when
      await audit.append(record(1));
      // then
      expect(await audit.list({}, { offset: 0, limit: 10 })).toEqual({ items: [record(1)], total: 1 });
      await expect(audit.append(record(1, { action: 'agency.created' }))).rejects.toBeInstanceOf(DuplicateKey);
      expect((await audit.list({}, { offset: 0, limit: 10 })).items).toEqual([record(1)]);
    });

    it('lists newest first, filtered by actor, action, target and period, with the total before paging', async () => {
      // given
      const audit = await makeStore();
      await audit.append(record(1));
      await audit.append(record(2, { actorId: 'u-other', action: 'user.changed', target: { kind: 'user', id: 'u-1' } }));
      await audit.append(record(3));
      await audit.append(record(4, { action: 'calendar.changed', target: { kind: 'calendar', id: 'tinh-demo' }, before: undefined }));
      // when / then
      const page = await audit.list({}, { offset: 1, limit: 2 });
      expect(page.total).toBe(4);
      expect(page.items.map((r) => r.id)).toEqual(['r3', 'r2']);
      expect((await audit.list({ actorId: 'u-admin' }, { offset: 0, limit: 10 })).items.map((r) => r.id)).toEqual(['r4', 'r3', 'r1']);
      expect((await audit.list({ action: 'agency.changed' }, { offset: 0, limit: 10 })).items.map((r) => r.id)).toEqual(['r3', 'r1']);
      expect((await audit.list({ targetKind: 'user', targetId: 'u-1' }, { offset: 0, limit: 10 })).items.map((r) => r.id)).toEqual(['r2']);
      expect((await audit.list({ from: 2_000, to: 3_000 }, { offset: 0, limit: 10 })).items.map((r) => r.id)).toEqual(['r3', 'r2']);
      expect((await audit.list({ targetKind: 'calendar' }, { offset: 0, limit: 10 })).items[0]!.before).toBeUndefined();
    });

    it('offers no way to change or remove a record: append, list, and append inside a unit of work (within)', async () => {
      const audit = await makeStore();
      const methods = new Set<string>();
      for (let proto = Object.getPrototypeOf(audit); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
        for (const name of Object.getOwnPropertyNames(proto)) if (name !== 'constructor') methods.add(name);
      }
      expect([...methods].sort()).toEqual(['append', 'list', 'within']);
    });
  });
}
