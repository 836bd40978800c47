/** The emulator's transactionLifetimeLimitSeconds: a transaction left open (its client died) stops holding its documents. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './start-emulator';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({}, ['--setParameter', 'transactionLifetimeLimitSeconds=1']);
});
afterAll(async () => emulator?.stop());

it('aborts a transaction open past transactionLifetimeLimitSeconds, so another transaction may write its documents', async () => {
  const counters = emulator.client.db('lifetime').collection<{ _id: string; n: number }>('counters');
  await counters.insertOne({ _id: 'day', n: 0 });
  const abandoned = emulator.client.startSession();
  abandoned.startTransaction();
  await counters.updateOne({ _id: 'day' }, { $inc: { n: 1 } }, { session: abandoned });

  const other = emulator.client.startSession();
  const write = async () => {
    other.startTransaction();
    try {
      await counters.updateOne({ _id: 'day' }, { $inc: { n: 10 } }, { session: other });
      await other.commitTransaction();
    } catch (error) {
      await other.abortTransaction().catch(() => undefined);
      throw error;
    }
  };
  await expect(write(), 'the open transaction holds the document').rejects.toMatchObject({ code: 112 });
  await new Promise((done) => setTimeout(done, 1_300));
  await write();
  expect((await counters.findOne({ _id: 'day' }))?.n).toBe(10);
  await expect(abandoned.commitTransaction(), 'the abandoned transaction was aborted').rejects.toMatchObject({ code: 251 });
  await abandoned.endSession();
  await other.endSession();
});
