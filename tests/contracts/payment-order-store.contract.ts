/**
 * The PaymentOrderStore contract (issue 20, online fees): orders stored and read as written, updated only at the
 * revision read (an order is paid once), listed per dossier, pending-too-long and refunds-to-send in their order, and
 * joined to a unit of work: a unit that throws leaves its orders as they were.
 */
import { describe, expect, it } from 'vitest';
import { ConcurrencyConflict, DuplicateKey, type Stores } from '../../server/src/stores';
import type { PaymentOrderRecord, PaymentOrderStore } from '../../server/src/payments/payment-order-store';

const order = (overrides: Partial<PaymentOrderRecord> = {}): Omit<PaymentOrderRecord, 'rev'> => ({
  id: 'a1b2c3',
  gateway: 'vnpay',
  dossierId: 'd-1',
  dossierCode: 'ttpvhcc-250303-0001',
  amount: 500_000,
  reason: 'Lệ phí đăng ký',
  feeRequestedAt: 1_000,
  status: 'pending',
  createdAt: 2_000,
  expiresAt: 2_000 + 15 * 60_000,
  ...overrides,
});

export function describePaymentOrderStoreContract(adapter: string, make: () => Promise<{ payments: PaymentOrderStore; stores: Stores }>): void {
  describe(`PaymentOrderStore contract (${adapter})`, () => {
    it('gives back an order as created, at revision 0, and refuses a second order with its id', async () => {
      const { payments } = await make();
      expect(await payments.create(order())).toEqual({ ...order(), rev: 0 });
      expect(await payments.get('a1b2c3')).toEqual({ ...order(), rev: 0 });
      expect(await payments.get('khong-co')).toBeUndefined();
      await expect(payments.create(order())).rejects.toBeInstanceOf(DuplicateKey);
    });

    it('updates only the revision it read, so of two results for one order only the first is written', async () => {
      const { payments } = await make();
      const created = await payments.create(order());
      const paid = await payments.update({ ...created, status: 'paid', applied: true, transaction: { transactionNo: '14000001', responseCode: '00', via: 'ipn', at: 3_000 } });
      expect(paid.rev).toBe(1);
      await expect(payments.update({ ...created, status: 'failed' })).rejects.toBeInstanceOf(ConcurrencyConflict);
      expect(await payments.get('a1b2c3')).toEqual(paid);
    });

    it('lists a dossier\'s orders oldest first, pending orders created by an instant, and refunds still to send', async () => {
      const { payments } = await make();
      await payments.create(order({ id: 'late', createdAt: 9_000 }));
      await payments.create(order({ id: 'early', createdAt: 1_500 }));
      await payments.create(order({ id: 'other', dossierId: 'd-2', createdAt: 1_000, status: 'paid', refund: { status: 'requested', reason: 'Dừng xử lý', requestedAt: 5_000, attempts: 0 } }));
      await payments.create(order({ id: 'done', dossierId: 'd-2', createdAt: 1_200, status: 'paid', refund: { status: 'refunded', reason: 'Dừng xử lý', requestedAt: 4_000, attempts: 1 } }));
      expect((await payments.listByDossier('d-1')).map((found) => found.id)).toEqual(['early', 'late']);
      expect((await payments.listPending(5_000, 10)).map((found) => found.id)).toEqual(['early']);
      expect((await payments.listPending(10_000, 1)).map((found) => found.id)).toEqual(['early']);
      expect((await payments.listRefundsRequested(10)).map((found) => found.id)).toEqual(['other']);
    });

    it('writes inside a unit of work with it, and a unit that throws leaves its orders as they were', async () => {
      const { payments, stores } = await make();
      const created = await payments.create(order());
      await expect(
        stores.transaction(async (tx) => {
          const inside = payments.within(tx.unit);
          await inside.update({ ...created, status: 'paid' });
          await inside.create(order({ id: 'second' }));
          throw new Error('the unit fails after writing');
        }),
      ).rejects.toThrow('the unit fails after writing');
      expect(await payments.get('a1b2c3')).toEqual(created);
      expect(await payments.get('second')).toBeUndefined();
      await stores.transaction(async (tx) => void (await payments.within(tx.unit).update({ ...created, status: 'paid' })));
      expect((await payments.get('a1b2c3'))?.status).toBe('paid');
    });
  });
}
