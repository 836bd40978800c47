/** @module startEmulator: a one-member replica set of the emulator, started the way the product starts it (mongodb-memory-server). */
import { MongoClient, type MongoClientOptions } from 'mongodb';
import { MongoMemoryReplSet } from 'mongodb-memory-server';
import { EMULATOR_VERSION, emulatorBinaryPath } from '../../mongo-emulator/src/index';

export interface RunningEmulator {
  replSet: MongoMemoryReplSet;
  client: MongoClient;
  uri: string;
  stop(): Promise<void>;
}

/** `args` are extra mongod flags, e.g. `['--setParameter', 'ttlMonitorSleepSecs=1']`. */
export async function startEmulator(clientOptions: MongoClientOptions = {}, args: string[] = []): Promise<RunningEmulator> {
  console.log('[emulator] MongoDB wire-protocol emulator in use');
  const replSet = await MongoMemoryReplSet.create({
    replSet: { count: 1, storageEngine: 'wiredTiger', args },
    binary: { systemBinary: emulatorBinaryPath(), version: EMULATOR_VERSION },
  });
  const uri = replSet.getUri();
  const client = await MongoClient.connect(uri, clientOptions);
  return {
    replSet,
    client,
    uri,
    async stop() {
      await client.close();
      await replSet.stop();
    },
  };
}
