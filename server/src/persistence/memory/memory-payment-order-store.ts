/**
 * @module MemoryPaymentOrderStore — PaymentOrderStore in memory for unit tests, with the same revision check as the
 * MongoDB adapter; `within(unit)` records the inverse of each write in the unit's undo log, so a unit of work that
 * throws leaves its orders as they were.
 */
import { ConcurrencyConflict, DuplicateKey } from '../../stores';
import type { PaymentOrderRecord, PaymentOrderStore } from '../../payments/payment-order-store';
import type { UnitOfWork } from '../../unit-of-work';
import { undoOf } from './memory-unit-of-work';
import type { UndoLog } from './undo-log';
import { firstFound, sortedBy, type NationalReads } from './province-partitioned';

const copy = <T>(value: T): T => structuredClone(value);

const byCreation = (a: PaymentOrderRecord, b: PaymentOrderRecord): number => a.createdAt - b.createdAt || a.id.localeCompare(b.id);

export class MemoryPaymentOrderStore implements PaymentOrderStore {
  /** How each read is answered in a national scope; every other method writes (province-partitioned.ts). */
  static readonly nationalReads: NationalReads<MemoryPaymentOrderStore> = {
    get: firstFound,
    listByDossier: sortedBy(byCreation),
    listPending: sortedBy(byCreation, 1),
    listRefundsRequested: sortedBy<PaymentOrderRecord>((a, b) => a.refund!.requestedAt - b.refund!.requestedAt || a.id.localeCompare(b.id), 0),
  };

  constructor(
    private readonly orders = new Map<string, PaymentOrderRecord>(),
    private readonly undo?: UndoLog,
  ) {}

  within(unit: UnitOfWork): MemoryPaymentOrderStore {
    const undo = undoOf(unit);
    return undo ? new MemoryPaymentOrderStore(this.orders, undo) : this;
  }

  async create(order: Omit<PaymentOrderRecord, 'rev'>): Promise<PaymentOrderRecord> {
    if (this.orders.has(order.id)) throw new DuplicateKey('paymentOrders', order.id);
    const stored = { ...copy(order), rev: 0 };
    this.orders.set(order.id, stored);
    this.undo?.record(() => this.orders.delete(order.id));
    return copy(stored);
  }

  async get(id: string): Promise<PaymentOrderRecord | undefined> {
    const found = this.orders.get(id);
    return found && copy(found);
  }

  async update(order: PaymentOrderRecord): Promise<PaymentOrderRecord> {
    const stored = this.orders.get(order.id);
    if (!stored || stored.rev !== order.rev) throw new ConcurrencyConflict('paymentOrders', order.id, order.rev);
    const next = { ...copy(order), rev: order.rev + 1 };
    this.orders.set(order.id, next);
    this.undo?.record(() => this.orders.set(order.id, stored));
    return copy(next);
  }

  async listByDossier(dossierId: string): Promise<PaymentOrderRecord[]> {
    return this.sorted((order) => order.dossierId === dossierId, (order) => order.createdAt);
  }

  async listPending(createdBefore: number, limit: number): Promise<PaymentOrderRecord[]> {
    return this.sorted((order) => order.status === 'pending' && order.createdAt <= createdBefore, (order) => order.createdAt).slice(0, limit);
  }

  async listRefundsRequested(limit: number): Promise<PaymentOrderRecord[]> {
    return this.sorted((order) => order.refund?.status === 'requested', (order) => order.refund!.requestedAt).slice(0, limit);
  }

  private sorted(keep: (order: PaymentOrderRecord) => boolean, by: (order: PaymentOrderRecord) => number): PaymentOrderRecord[] {
    return [...this.orders.values()]
      .filter(keep)
      .sort((a, b) => by(a) - by(b) || a.id.localeCompare(b.id))
      .map(copy);
  }
}
