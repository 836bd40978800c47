/** startDatabase picks the database in the order of issue 2 and says which one it picked. */
import { describe, expect, it } from 'vitest';
import { connectMongoose } from '../../server/src/persistence/mongo/connect-mongoose';
import { startDatabase } from '../../server/src/persistence/mongo/start-database';

function recordingLogger() {
  const lines: { level: 'info' | 'warn'; message: string }[] = [];
  return {
    lines,
    info: (_details: object, message: string) => void lines.push({ level: 'info', message }),
    warn: (_details: object, message: string) => void lines.push({ level: 'warn', message }),
  };
}

describe('startDatabase', () => {
  it('uses the server at the given URI as an external backend and starts nothing', async () => {
    // given
    const logger = recordingLogger();
    // when
    const database = await startDatabase({ uri: 'mongodb://db.example:27017/?replicaSet=rs0', logger });
    await database.stop();
    // then
    expect(database).toMatchObject({ uri: 'mongodb://db.example:27017/?replicaSet=rs0', backend: 'external' });
    expect(logger.lines.filter((line) => line.level === 'warn')).toEqual([]);
  });

  it('falls back to the emulator when no mongod starts in time, warns loudly, and serves a working replica set', async () => {
    // given a limit no real mongod can meet
    const logger = recordingLogger();
    // when
    const database = await startDatabase({ logger, mongodTimeoutMs: 1 });
    try {
      const connection = await connectMongoose(database.uri, { dbName: 'start-database-test' });
      const hello = await connection.db!.admin().command({ hello: 1 });
      await connection.close();
      // then
      expect(database.backend).toBe('emulator');
      expect(hello['setName']).toBeTypeOf('string');
      expect(hello['isWritablePrimary']).toBe(true);
      expect(logger.lines).toContainEqual({ level: 'warn', message: expect.stringContaining('NOT MONGODB') });
    } finally {
      await database.stop();
    }
  }, 60_000);
});
