/** Runs the outbox contract against the in-memory adapter. */
import { describe, expect, it } from 'vitest';
import { MemoryOutboxStore } from '../../server/src/persistence/memory/memory-outbox-store';
import { UndoLog } from '../../server/src/persistence/memory/undo-log';
import type { OutboxStore } from '../../server/src/outbox/outbox-store';
import { describeOutboxStoreContract } from './outbox-store.contract';
import { partitionedByProvince } from '../../server/src/persistence/memory/province-partitioned';
import { actInHomeProvince, besideNeighbour } from './support/beside-neighbour';
import { neighbourOutbox } from './support/neighbour-records';

actInHomeProvince();

/** In memory there is one process: "another process" sees the very same store. */
describeOutboxStoreContract('memory', besideNeighbour(async (consumers: string[]) => partitionedByProvince(MemoryOutboxStore, consumers), neighbourOutbox), async (outbox: OutboxStore) => outbox);

describe('MemoryOutboxStore in an in-memory unit of work', () => {
  it('undoes the entries, deliveries and claims made through withUndo when the unit rolls back', async () => {
    // given
    const outbox = new MemoryOutboxStore(['portal']);
    await outbox.enqueue([{ id: 'd1:1', dossierId: 'd1', seq: 1, kind: 'dossier.status_changed', payload: {}, createdAt: 1 }]);
    const undo = new UndoLog();
    const inside = outbox.withUndo(undo);
    await inside.enqueue([{ id: 'd1:2', dossierId: 'd1', seq: 2, kind: 'dossier.status_changed', payload: {}, createdAt: 2 }]);
    await inside.claimNext('portal', 10, 1000, 'a', 10);
    // when
    undo.rollback();
    // then
    expect((await outbox.listByDossier('d1')).map((entry) => entry.id)).toEqual(['d1:1']);
    expect(await outbox.deliveries('d1:2')).toEqual([]);
    expect(await outbox.claimNext('portal', 10, 1000, 'b', 10)).toEqual([expect.objectContaining({ id: 'd1:1', attempt: 1 })]);
  });
});
