/** The DraftStore contract (issue 16): analysts' drafts kept on the server, listed per owner, the last saved first. */
import { describe, expect, it } from 'vitest';
import type { DraftRecord, DraftStore } from '../../server/src/stores';

const draft = (overrides: Partial<DraftRecord> = {}): DraftRecord => ({
  id: 'draft-1',
  ownerId: 'u-analyst',
  key: 'cap-phep-thu',
  name: 'Cấp phép thử',
  xml: '<definitions/>',
  savedAt: Date.UTC(2025, 2, 3, 2),
  ...overrides,
});

export function describeDraftStoreContract(adapter: string, makeStore: () => Promise<DraftStore>): void {
  describe(`DraftStore contract (${adapter})`, () => {
    it('gives back a saved draft as it was saved, XML included', async () => {
      const store = await makeStore();
      await store.save(draft());
      expect(await store.get('draft-1')).toEqual(draft());
      expect(await store.get('draft-2')).toBeUndefined();
    });

    it('replaces the draft with the same id when it is saved again', async () => {
      const store = await makeStore();
      await store.save(draft());
      await store.save(draft({ name: 'Cấp phép thử (sửa)', xml: '<definitions id="b"/>', savedAt: Date.UTC(2025, 2, 3, 3) }));
      expect(await store.get('draft-1')).toEqual(draft({ name: 'Cấp phép thử (sửa)', xml: '<definitions id="b"/>', savedAt: Date.UTC(2025, 2, 3, 3) }));
      expect(await store.listByOwner('u-analyst')).toHaveLength(1);
    });

    it('lists only the owner’s drafts, the last saved first, without their XML', async () => {
      const store = await makeStore();
      await store.save(draft({ id: 'a', savedAt: 1_000 }));
      await store.save(draft({ id: 'b', savedAt: 3_000 }));
      await store.save(draft({ id: 'c', savedAt: 2_000 }));
      await store.save(draft({ id: 'other', ownerId: 'u-analyst-2', savedAt: 4_000 }));
      const listed = await store.listByOwner('u-analyst');
      expect(listed.map((summary) => summary.id)).toEqual(['b', 'c', 'a']);
      expect(listed[0]).toEqual({ id: 'b', ownerId: 'u-analyst', key: 'cap-phep-thu', name: 'Cấp phép thử', savedAt: 3_000 });
      expect(await store.listByOwner('u-nobody')).toEqual([]);
    });

    it('forgets a removed draft', async () => {
      const store = await makeStore();
      await store.save(draft());
      await store.remove('draft-1');
      expect(await store.get('draft-1')).toBeUndefined();
      expect(await store.listByOwner('u-analyst')).toEqual([]);
    });
  });
}
