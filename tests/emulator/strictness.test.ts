import { Long, type Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './start-emulator';

let emulator: RunningEmulator;
let db: Db;

beforeAll(async () => {
  emulator = await startEmulator();
  db = emulator.client.db('strict');
  await db.collection('things').insertOne({ a: 1 });
});
afterAll(async () => emulator?.stop());

async function failureOf(command: Record<string, unknown>): Promise<unknown> {
  return db.command(command).then(
    (reply) => ({ unexpectedSuccess: reply }),
    (error: unknown) => error,
  );
}

describe('the emulator refuses what it does not know', () => {
  it('answers an unknown command with CommandNotFound (59)', async () => {
    // when
    const error = await failureOf({ frobnicate: 1 });
    // then
    expect(error).toMatchObject({ code: 59, codeName: 'CommandNotFound', message: "no such command: 'frobnicate'" });
  });

  it('answers an unknown option of a known command with an error, not a silent success', async () => {
    // when
    const onFind = await failureOf({ find: 'things', filter: {}, frobnicate: true });
    const onStatement = await failureOf({ update: 'things', updates: [{ q: {}, u: { $set: { b: 1 } }, frobnicate: 1 }] });
    // then
    expect(onFind).toMatchObject({ code: 40415, message: "BSON field 'find.frobnicate' is an unknown field." });
    expect(onStatement).toMatchObject({ code: 40415, message: "BSON field 'update.updates.frobnicate' is an unknown field." });
    expect(await db.collection('things').findOne({}, { projection: { _id: 0 } })).toEqual({ a: 1 });
  });

  it('refuses an unknown update operator and an unknown query operator', async () => {
    // when
    const badUpdate = await db.collection('things').updateOne({}, { $frobnicate: { a: 1 } } as never).catch((e: unknown) => e);
    const badQuery = await db.collection('things').find({ a: { $frobnicate: 1 } }).toArray().catch((e: unknown) => e);
    // then
    expect(badUpdate).toMatchObject({ code: 9 });
    expect(badQuery).toMatchObject({ code: 2 });
  });

  it('refuses features it does not implement instead of ignoring them', async () => {
    // when
    const collation = await db.collection('things').find({}).collation({ locale: 'vi' }).toArray().catch((e: unknown) => e);
    const out = await db.collection('things').aggregate([{ $out: 'copy' }]).toArray().catch((e: unknown) => e);
    const capped = await failureOf({ create: 'capped-log', capped: true, size: 4096 });
    // then
    expect(collation).toMatchObject({ code: 115 });
    expect(out).toMatchObject({ code: 115 });
    expect(capped).toMatchObject({ code: 115 });
  });

  it('refuses a transaction statement that names no open transaction', async () => {
    // given
    const session = emulator.client.startSession();
    // when
    const error = await db
      .command({ find: 'things', txnNumber: Long.fromNumber(42), autocommit: false }, { session })
      .catch((e: unknown) => e);
    await session.endSession();
    // then
    expect(error).toMatchObject({ code: 251, codeName: 'NoSuchTransaction' });
  });
});
