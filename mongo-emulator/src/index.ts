/** @module mongo-emulator: the public entry: where the emulator's `mongod` lives and which version it reports. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export { EMULATOR_VERSION } from './emulator-version';

/**
 * Absolute path of `mongo-emulator/bin/mongod`, for `MONGOMS_SYSTEM_BINARY` or mongodb-memory-server's `binary.systemBinary`.
 * @example
 * const replSet = await MongoMemoryReplSet.create({ binary: { systemBinary: emulatorBinaryPath(), version: EMULATOR_VERSION } });
 */
export function emulatorBinaryPath(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'mongod');
}
