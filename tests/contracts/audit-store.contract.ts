/** @module describeAuditStoreContract — what every AuditStore adapter must do. */
import { describe, expect, it } from 'vitest';
import { DuplicateKey, type AuditRecord, type Stores } from '../../server/src/stores';

function anEntry(id: string, overrides: Partial<AuditRecord> = {}): AuditRecord {
  return { id, dossierId: 'd1', at: 1_700_000_000_000, actorId: 'officer-1', action: 'dossier.received', details: {}, ...overrides };
}

export function describeAuditStoreContract(adapter: string, makeStores: () => Promise<Stores>): void {
  describe(`AuditStore contract (${adapter})`, () => {
    it("appends one command's entries together, those at the same instant in the order given", async () => {
      // given
      const stores = await makeStores();
      await stores.audit.append(anEntry('before', { at: 20 }));
      // when
      await stores.audit.appendMany([anEntry('z-1', { at: 20 }), anEntry('a-2', { at: 20 }), anEntry('late', { at: 30 })]);
      await stores.progress.appendMany([]);
      // then
      expect((await stores.audit.listByDossier('d1')).map((entry) => entry.id)).toEqual(['before', 'z-1', 'a-2', 'late']);
      await expect(stores.audit.appendMany([anEntry('fresh'), anEntry('late')])).rejects.toBeInstanceOf(DuplicateKey);
    });

    it("lists a dossier's trail in time order, entries at the same instant in the order they were appended", async () => {
      // given
      const { audit } = await makeStores();
      await audit.append(anEntry('e3', { at: 30 }));
      await audit.append(anEntry('e1', { at: 10, details: { note: 'first', attachments: ['a.pdf'] } }));
      await audit.append(anEntry('z-same-1', { at: 20 }));
      await audit.append(anEntry('a-same-2', { at: 20 }));
      await audit.append(anEntry('other', { dossierId: 'd2', at: 15 }));
      // when
      const trail = await audit.listByDossier('d1');
      // then
      expect(trail.map((entry) => entry.id)).toEqual(['e1', 'z-same-1', 'a-same-2', 'e3']);
      expect(trail[0]).toEqual(anEntry('e1', { at: 10, details: { note: 'first', attachments: ['a.pdf'] } }));
    });

    it('refuses to append an entry whose id is taken and keeps the original (append-only)', async () => {
      // given
      const { audit } = await makeStores();
      await audit.append(anEntry('e1', { action: 'dossier.received' }));
      // when
      const rewrite = audit.append(anEntry('e1', { action: 'dossier.rejected' }));
      // then
      await expect(rewrite).rejects.toBeInstanceOf(DuplicateKey);
      expect((await audit.listByDossier('d1')).map((entry) => entry.action)).toEqual(['dossier.received']);
    });

    it('hands out copies: changing a listed entry does not change the trail', async () => {
      // given
      const { audit } = await makeStores();
      await audit.append(anEntry('e1'));
      const [listed] = await audit.listByDossier('d1');
      // when
      listed!.action = 'forged';
      // then
      expect((await audit.listByDossier('d1'))[0]?.action).toBe('dossier.received');
      expect(await audit.listByDossier('unknown')).toEqual([]);
    });
  });
}
