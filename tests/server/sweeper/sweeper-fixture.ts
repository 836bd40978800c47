/** A deadline sweeper on a test app's stores, as the server's main would start one per process. */
import { randomUUID } from 'node:crypto';
import { createDeadlineSweeper } from '../../../server/src/sweeper/deadline-sweeper';
import type { TestApp } from '../dossiers/dossier-fixture';

export function sweeperOf(t: TestApp, owner: string, errors: unknown[] = []) {
  return createDeadlineSweeper({
    stores: t.stores,
    outbox: t.outbox,
    clock: t.clock,
    calendars: t.calendars,
    newId: randomUUID,
    owner,
    leaseMs: 60_000,
    batch: 50,
    onError: (error) => errors.push(error),
  });
}

/** Vietnam wall-clock time (UTC+7) as an instant. */
export const vn = (year: number, month: number, day: number, hour: number, minute = 0): number => Date.UTC(year, month - 1, day, hour - 7, minute);
