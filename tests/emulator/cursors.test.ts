import type { CommandStartedEvent, Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './start-emulator';

let emulator: RunningEmulator;
let db: Db;
const started: CommandStartedEvent[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ monitorCommands: true });
  emulator.client.on('commandStarted', (event) => started.push(event));
  db = emulator.client.db('cursors');
  await db.collection('items').insertMany(Array.from({ length: 25 }, (_, i) => ({ i })));
});
afterAll(async () => emulator?.stop());

function commandsNamed(name: string): CommandStartedEvent[] {
  return started.filter((event) => event.commandName === name);
}

describe('cursors in the emulator', () => {
  it('returns every document over several getMore batches of the requested size', async () => {
    // given
    started.length = 0;
    // when
    const all = await db.collection('items').find({}).sort({ i: 1 }).batchSize(4).toArray();
    // then
    expect(all.map((d) => d.i)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(commandsNamed('getMore')).toHaveLength(6);
  });

  it('kills a cursor closed before it is exhausted, after which getMore fails with CursorNotFound', async () => {
    // given
    started.length = 0;
    const cursor = db.collection('items').find({}).batchSize(5);
    await cursor.next();
    const id = cursor.id!;
    // when
    await cursor.close();
    const getMore = await db.command({ getMore: id, collection: 'items' }).catch((error: unknown) => error);
    // then
    expect(commandsNamed('killCursors')).toHaveLength(1);
    expect(getMore).toMatchObject({ code: 43, codeName: 'CursorNotFound' });
  });

  it('serves aggregate results through a cursor too', async () => {
    // given
    started.length = 0;
    // when
    const evens = await db.collection('items').aggregate([{ $match: { i: { $mod: [2, 0] } } }, { $sort: { i: -1 } }], { batchSize: 3 }).toArray();
    // then
    expect(evens.map((d) => d.i)).toEqual([24, 22, 20, 18, 16, 14, 12, 10, 8, 6, 4, 2, 0]);
    expect(commandsNamed('getMore').length).toBeGreaterThanOrEqual(4);
  });
});
