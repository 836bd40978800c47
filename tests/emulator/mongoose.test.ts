import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './start-emulator';

let emulator: RunningEmulator;
let connection: mongoose.Connection;

beforeAll(async () => {
  emulator = await startEmulator();
  connection = await mongoose.createConnection(emulator.uri, { dbName: 'mongoose' }).asPromise();
});
afterAll(async () => {
  await connection?.close();
  await emulator?.stop();
});

describe('mongoose over the emulator', () => {
  it('creates the model’s indexes, saves, queries, updates in a transaction and enforces uniqueness', async () => {
    // given
    const schema = new mongoose.Schema({ code: { type: String, required: true, unique: true }, dueAt: { type: Date, index: true }, steps: [String] });
    const Dossier = connection.model('Dossier', schema);
    await Dossier.init();
    // when
    await Dossier.create({ code: 'HS-1', dueAt: new Date('2026-03-01T00:00:00Z'), steps: ['received'] });
    await connection.transaction(async (session) => {
      await Dossier.updateOne({ code: 'HS-1' }, { $push: { steps: 'reviewed' } }, { session });
      await Dossier.create([{ code: 'HS-2', dueAt: new Date('2026-04-01T00:00:00Z') }], { session });
    });
    const due = await Dossier.find({ dueAt: { $lte: new Date('2026-03-15T00:00:00Z') } }).lean();
    const duplicate = await Dossier.create({ code: 'HS-2' }).catch((e: unknown) => e);
    const indexes = await Dossier.listIndexes();
    // then
    expect(due.map((d) => [d.code, d.steps])).toEqual([['HS-1', ['received', 'reviewed']]]);
    expect(await Dossier.countDocuments()).toBe(2);
    expect(duplicate).toMatchObject({ code: 11000, keyValue: { code: 'HS-2' } });
    expect(indexes.map((i) => i.name).sort()).toEqual(['_id_', 'code_1', 'dueAt_1']);
  });
});
