/** @module describeAuditStoreContract — what every AuditStore adapter must do. */
import { describe, expect, it } from 'vitest';
import { DuplicateKey, type AuditRecord, type Stores } from '../../server/src/stores';

function anEntry(id: string, overrides: Partial<AuditRecord> = {}): AuditRecord {
  return { id, dossierId: 'd1', at: 1_700_000_000_000, actorId: 'officer-1', action: 'dossier.received', details: {}, ...overrides };
}

export function describeAuditStoreContract(adapter: string, makeStores: () => Promise<Stores>): void {
  describe(`AuditStore contract (${adapter})`, () => {
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
