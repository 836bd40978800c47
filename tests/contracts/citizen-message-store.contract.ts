/** The CitizenMessageStore contract (issue 20 item 6): messages per channel, receipts applied once, the citizen's channel choices. */
import { describe, expect, it } from 'vitest';
import type { CitizenMessageRecord, CitizenMessageStore } from '../../server/src/outbox/citizen-message-store';

const message = (overrides: Partial<CitizenMessageRecord> = {}): CitizenMessageRecord => ({
  id: 'd1:3:zns',
  entryId: 'd1:3',
  dossierId: 'd1',
  channel: 'zns',
  template: 'citizen.dossier.received',
  phone: '84******678',
  status: 'sent',
  providerMessageId: 'zns-msg-1',
  at: 1_000,
  ...overrides,
});

export function describeCitizenMessageStoreContract(adapter: string, makeStore: () => Promise<CitizenMessageStore>): void {
  describe(`CitizenMessageStore contract (${adapter})`, () => {
    it('gives back a saved message as saved, and replaces it when saved again under its id', async () => {
      const store = await makeStore();
      await store.save(message({ status: 'failed', error: 'ZNS refused the message (-100: Unknown error)', providerMessageId: undefined }));
      await store.save(message());
      expect(await store.get('d1:3:zns')).toEqual(message());
      expect(await store.get('d1:3:sms')).toBeUndefined();
    });

    it('applies a delivery receipt once: a repeat changes nothing, a receipt for no message is unknown', async () => {
      const store = await makeStore();
      await store.save(message());
      expect(await store.recordReceipt('d1:3:zns', { status: 'delivered', at: 2_000 })).toBe('recorded');
      expect(await store.recordReceipt('d1:3:zns', { status: 'undelivered', at: 3_000, error: 'late' })).toBe('repeated');
      expect(await store.recordReceipt('nothing', { status: 'delivered', at: 2_000 })).toBe('unknown');
      expect(await store.get('d1:3:zns')).toEqual(message({ status: 'delivered', deliveredAt: 2_000, receiptAt: 2_000 }));
    });

    it('takes no receipt for a message the provider never took', async () => {
      const store = await makeStore();
      await store.save(message({ status: 'failed', error: 'refused' }));
      expect(await store.recordReceipt('d1:3:zns', { status: 'delivered', at: 2_000 })).toBe('repeated');
      expect((await store.get('d1:3:zns'))?.status).toBe('failed');
    });

    it('lists a dossier\'s messages oldest first, and no other dossier\'s', async () => {
      const store = await makeStore();
      await store.save(message({ id: 'd1:5:sms', entryId: 'd1:5', channel: 'sms', at: 5_000 }));
      await store.save(message());
      await store.save(message({ id: 'd2:1:zns', entryId: 'd2:1', dossierId: 'd2' }));
      expect((await store.listByDossier('d1')).map((record) => record.id)).toEqual(['d1:3:zns', 'd1:5:sms']);
    });

    it('keeps each channel choice and answers the channels turned off by the last choice of each', async () => {
      const store = await makeStore();
      expect(await store.optedOut('d1')).toEqual([]);
      await store.choose('d1', { channel: 'zns', optedOut: true, at: 1 });
      await store.choose('d1', { channel: 'sms', optedOut: true, at: 2 });
      await store.choose('d1', { channel: 'zns', optedOut: false, at: 3 });
      expect(await store.optedOut('d1')).toEqual(['sms']);
      expect(await store.optedOut('d2')).toEqual([]);
      expect(await store.choices('d1')).toEqual([
        { channel: 'zns', optedOut: true, at: 1 },
        { channel: 'sms', optedOut: true, at: 2 },
        { channel: 'zns', optedOut: false, at: 3 },
      ]);
    });

    it('keeps only the last 100 choices of a dossier', async () => {
      const store = await makeStore();
      for (let at = 1; at <= 105; at += 1) await store.choose('d1', { channel: 'sms', optedOut: at % 2 === 1, at });
      const choices = await store.choices('d1');
      expect(choices).toHaveLength(100);
      expect(choices[0]?.at).toBe(6);
      expect(await store.optedOut('d1')).toEqual(['sms']);
    });
  });
}
