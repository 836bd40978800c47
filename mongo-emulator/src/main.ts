/** @module main: the `mongod` entry point: flags, the data under --dbpath, mongod-style log lines, listening, clean shutdown. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { adminCommands } from './admin-commands';
import { BadOptionsError, parseCmdLineOptions } from './cmd-line-options';
import { CommandDispatcher } from './command-dispatcher';
import { crudCommands } from './crud-commands';
import { acquireDbpathLock, DbpathInUseError } from './dbpath-lock';
import { ddlCommands } from './ddl-commands';
import { createEmulatorContext } from './emulator-context';
import { EMULATOR_NOTICE, EMULATOR_VERSION } from './emulator-version';
import { LmdbPersistence } from './lmdb-persistence';
import type { Persistence } from './persistence';
import { replicationCommands } from './replication-commands';
import { sessionCommands } from './session-commands';
import { StructuredLog } from './structured-log';
import { startTtlMonitor } from './ttl-monitor';
import { startWireServer } from './wire-server';

/** `mongod --version` output: mongodb-memory-server reads the first line ("db version vX.Y.Z"). */
function printVersion(): void {
  const buildInfo = {
    version: EMULATOR_VERSION,
    gitVersion: 'emulator',
    modules: [],
    allocator: 'system',
    environment: { distmod: 'emulator', distarch: process.arch, target_arch: process.arch },
    emulator: EMULATOR_NOTICE,
  };
  process.stdout.write(`db version v${EMULATOR_VERSION}\nBuild Info: ${JSON.stringify(buildInfo, null, 4)}\n`);
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--version')) {
    printVersion();
    return;
  }
  let options;
  try {
    options = parseCmdLineOptions(argv);
  } catch (error) {
    if (!(error instanceof BadOptionsError)) throw error;
    process.stderr.write(`${error.message}\ntry 'mongod --help' for more information\n`);
    process.exit(2); // mongod's EXIT_BADOPTIONS
  }
  // A parent that stops reading our log must not crash the server with EPIPE.
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
  const log = new StructuredLog();
  process.stderr.write(`\n*** ${EMULATOR_NOTICE} ***\n\n`);
  log.log({ severity: 'W', component: 'CONTROL', id: 1, ctx: 'main', msg: EMULATOR_NOTICE, attr: { emulator: true } });
  const { persistence, releaseLock } = await openPersistence(options.dbpath, options.storageEngine, log);
  const loadStartedAt = Date.now();
  const emulator = createEmulatorContext(options, log, persistence);
  if (persistence) {
    const collections = emulator.storage.databaseNames().flatMap((db) => emulator.storage.collectionsOf(db));
    const documents = collections.reduce((sum, collection) => sum + collection.count(), 0);
    log.log({ component: 'STORAGE', id: 22315, msg: 'Data loaded from disk', attr: { path: persistence.location, collections: collections.length, documents, durationMillis: Date.now() - loadStartedAt } });
  }
  log.log({ component: 'CONTROL', id: 4615611, msg: 'MongoDB starting', attr: { pid: process.pid, port: options.port, dbPath: options.dbpath ?? null, durable: persistence !== undefined, architecture: '64-bit', host: 'emulator' } });
  const dispatcher = new CommandDispatcher(emulator).register([...adminCommands, ...replicationCommands, ...sessionCommands, ...ddlCommands, ...crudCommands]);
  let server;
  try {
    server = await startWireServer({ host: options.bindIp, port: options.port, dispatcher, log });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'EADDRINUSE' ? 'Address already in use' : String(error);
    log.log({ severity: 'E', component: 'NETWORK', id: 23024, msg: `Failed to set up listener: SocketException: ${message}` });
    process.exit(48); // mongod's EXIT_NET_ERROR
  }
  let stopping = false;
  emulator.requestShutdown = () => {
    if (stopping) return;
    stopping = true;
    log.log({ component: 'CONTROL', id: 4784900, ctx: 'SignalHandler', msg: 'Shutting down' });
    server.close();
    log.log({ component: 'CONTROL', id: 20565, ctx: 'SignalHandler', msg: 'Now exiting' });
    log.log({ component: 'CONTROL', id: 23138, ctx: 'SignalHandler', msg: 'Shutting down', attr: { exitCode: 0 } });
    // Every acknowledged write is on disk already (each commit waited for its flush); only the lock is left.
    releaseLock();
    process.exit(0);
  };
  const ttlSleepSecs = Number(options.setParameters.ttlMonitorSleepSecs ?? 60);
  startTtlMonitor(emulator.storage, emulator.replication, Number.isFinite(ttlSleepSecs) && ttlSleepSecs > 0 ? ttlSleepSecs : 60);
  process.on('SIGTERM', () => emulator.requestShutdown());
  process.on('SIGINT', () => emulator.requestShutdown());
  log.log({ component: 'NETWORK', id: 23015, ctx: 'listener', msg: 'Listening on', attr: { address: options.bindIp } });
  log.log({ component: 'NETWORK', id: 23016, ctx: 'listener', msg: 'Waiting for connections', attr: { port: options.port, ssl: 'off' } });
}

/**
 * With --dbpath and the default wiredTiger engine the data is kept in `<dbpath>/emulator.mdb` and read back at start,
 * as mongod keeps it; `--storageEngine inMemory` (or ephemeralForTest) keeps it in memory only, as before.
 * Exits 100 (mongod's DBPathInUse / bad dbpath) when another emulator holds the folder or a real mongod's files are there.
 */
async function openPersistence(dbpath: string | undefined, storageEngine: string, log: StructuredLog): Promise<{ persistence: Persistence | undefined; releaseLock: () => void }> {
  if (!dbpath || storageEngine !== 'wiredTiger') return { persistence: undefined, releaseLock: () => undefined };
  const fatal = (msg: string, attr: object = {}): never => {
    log.log({ severity: 'F', component: 'STORAGE', id: 28661, ctx: 'initandlisten', msg, attr: { dbPath: dbpath, ...attr } });
    process.stderr.write(`${msg}\n`);
    process.exit(100);
  };
  if (!existsSync(dbpath)) fatal(`Data directory ${dbpath} not found. Create the missing directory or specify another path using --dbpath`);
  if (existsSync(join(dbpath, 'WiredTiger'))) fatal(`${dbpath} holds a real mongod's files (WiredTiger); the emulator will not start on them`);
  let releaseLock: () => void = () => undefined;
  try {
    releaseLock = await acquireDbpathLock(dbpath);
  } catch (error) {
    if (error instanceof DbpathInUseError) fatal(error.message);
    throw error;
  }
  const persistence = LmdbPersistence.open(dbpath, (error) => {
    // Memory would now hold writes the disk does not: stop, as mongod does on a storage error; the restart reads the disk.
    log.log({ severity: 'F', component: 'STORAGE', id: 22435, msg: 'Durable write failed; stopping', attr: { error: String(error) } });
    process.stderr.write(`emulator: durable write failed, stopping: ${String(error)}\n`);
    process.exit(14);
  });
  return { persistence, releaseLock };
}

void main(process.argv.slice(2));
