/**
 * @module startDatabase — finds the database, in the order of issue 2: the server at `uri`; else a one-member
 * replica set of a real `mongod` under mongodb-memory-server; else the repository's wire-protocol emulator
 * started the same way, so application code cannot tell the difference (but the logs say it loudly).
 */
import { lookup } from 'node:dns/promises';
import { mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DryMongoBinary, MongoMemoryReplSet } from 'mongodb-memory-server';
import { envToBool, resolveConfig, ResolveConfigVariables } from 'mongodb-memory-server-core/lib/util/resolveConfig';
import { EMULATOR_VERSION, emulatorBinaryPath } from '../../../../mongo-emulator/src/index';

export type DatabaseBackend = 'external' | 'mongod' | 'emulator';

/** The two levels startDatabase logs at; a pino logger fits. */
export interface DatabaseLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface StartDatabaseOptions {
  /** A MongoDB connection string (MONGODB_URI): used as is, nothing is started. */
  uri?: string;
  /** Where a real mongod keeps its files, so a restart loses nothing; without it, a temporary directory. */
  dataDir?: string;
  logger: DatabaseLogger;
  /** How long to wait for a real mongod (found, downloaded and started) before falling back; 20 s by default. */
  mongodTimeoutMs?: number;
}

export interface RunningDatabase {
  uri: string;
  backend: DatabaseBackend;
  stop(): Promise<void>;
}

export const EMULATOR_WARNING =
  'DATABASE IS THE MONGODB WIRE-PROTOCOL EMULATOR, NOT MONGODB: no mongod could be found or downloaded. ' +
  'Data is kept in memory and lost when the process stops. Set MONGODB_URI (or MONGOMS_SYSTEM_BINARY) for a real MongoDB.';

/**
 * Starts or finds the database and says which backend it is.
 *
 * @example
 * const database = await startDatabase({ uri: env.MONGODB_URI, dataDir: '.data/db', logger });
 * const connection = await connectMongoose(database.uri, { dbName: 'lienthong' });
 */
export async function startDatabase(options: StartDatabaseOptions): Promise<RunningDatabase> {
  const { logger } = options;
  if (options.uri) {
    logger.info({ backend: 'external' }, 'database: the MongoDB server at MONGODB_URI');
    return { uri: options.uri, backend: 'external', stop: async () => undefined };
  }
  try {
    const database = await startMongod(options);
    if (database.backend === 'mongod') logger.info({ backend: 'mongod', dataDir: options.dataDir }, 'database: embedded mongod replica set');
    else logger.warn({ backend: 'emulator' }, EMULATOR_WARNING);
    return database;
  } catch (error) {
    logger.info({ reason: error instanceof Error ? error.message : String(error) }, 'database: no real mongod available');
  }
  const replSet = await MongoMemoryReplSet.create({
    binary: { systemBinary: emulatorBinaryPath(), version: EMULATOR_VERSION },
    replSet: { count: 1, storageEngine: 'wiredTiger' },
  });
  logger.warn({ backend: 'emulator' }, EMULATOR_WARNING);
  return { uri: replSet.getUri(), backend: 'emulator', stop: () => stopReplSet(replSet) };
}

/** A real mongod (MONGOMS_SYSTEM_BINARY, the cache, or a download) as a one-member replica set, within a time limit. */
async function startMongod(options: StartDatabaseOptions): Promise<RunningDatabase> {
  const timeoutMs = options.mongodTimeoutMs ?? 20_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no mongod started within ${timeoutMs} ms (offline?)`)), timeoutMs);
  });
  try {
    const obtainable = ensureMongodObtainable();
    obtainable.catch(() => undefined); // if the timeout wins the race, a later failure here is of no interest
    await Promise.race([obtainable, timeout]);
    const replSet = await startReplSet(options.dataDir, timeout);
    // MONGOMS_SYSTEM_BINARY may itself point at the emulator: then say so, never pass it off as MongoDB.
    const backend: DatabaseBackend = (await isEmulator(replSet)) ? 'emulator' : 'mongod';
    return { uri: replSet.getUri(), backend, stop: () => stopReplSet(replSet) };
  } finally {
    clearTimeout(timer);
  }
}

/** A one-member replica set (transactions need one) keeping its files in `dataDir` when given. */
async function startReplSet(dataDir: string | undefined, timeout: Promise<never>): Promise<MongoMemoryReplSet> {
  const portFile = dataDir ? join(dirname(dataDir), `${basename(dataDir)}.port`) : undefined;
  if (dataDir) await mkdir(dataDir, { recursive: true });
  // The replica set config inside dataDir names host:port, so a restart must reuse the port it was created with.
  const port = portFile ? await readPort(portFile) : undefined;
  const replSet = new MongoMemoryReplSet({
    replSet: { count: 1, storageEngine: 'wiredTiger' },
    instanceOpts: [{ ...(dataDir ? { dbPath: dataDir } : {}), ...(port ? { port } : {}) }],
  });
  const started = replSet.start();
  try {
    await Promise.race([started, timeout]);
  } catch (error) {
    // A start still under way when time ran out is stopped once it settles, so no mongod is left behind.
    void started.then(() => stopReplSet(replSet), () => undefined);
    await replSet.stop({ doCleanup: true, force: false }).catch(() => undefined);
    throw error;
  }
  const startedPort = replSet.servers[0]?.instanceInfo?.port;
  if (portFile && startedPort) await writeFile(portFile, `${startedPort}\n`);
  return replSet;
}

/**
 * Fails at once, with a plain reason, when there is no mongod on this machine and none can be downloaded: an
 * offline machine then goes straight to the emulator instead of through three failed downloads and their stacks.
 */
async function ensureMongodObtainable(): Promise<void> {
  const binary = await DryMongoBinary.locateBinary(await DryMongoBinary.generateOptions());
  if (binary) return;
  if (!envToBool(resolveConfig(ResolveConfigVariables.RUNTIME_DOWNLOAD) ?? 'true')) {
    throw new Error('no mongod on this machine, and downloads are turned off (MONGOMS_RUNTIME_DOWNLOAD)');
  }
  const source =
    resolveConfig(ResolveConfigVariables.DOWNLOAD_URL) ?? resolveConfig(ResolveConfigVariables.DOWNLOAD_MIRROR) ?? 'https://fastdl.mongodb.org';
  const host = new URL(source).hostname;
  try {
    await lookup(host);
  } catch {
    throw new Error(`no mongod on this machine, and ${host} cannot be reached to download one`);
  }
}

async function readPort(portFile: string): Promise<number | undefined> {
  const text = await readFile(portFile, 'utf8').catch(() => undefined);
  const port = Number(text?.trim());
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

async function isEmulator(replSet: MongoMemoryReplSet): Promise<boolean> {
  const launched = replSet.servers[0]?.instanceInfo?.instance.mongodProcess?.spawnfile;
  if (!launched) return false;
  const [a, b] = await Promise.all([realpath(launched).catch(() => launched), realpath(emulatorBinaryPath()).catch(() => '')]);
  return a === b;
}

/** Stops the replica set; a dbPath we were given is kept (only temporary directories are removed). */
async function stopReplSet(replSet: MongoMemoryReplSet): Promise<void> {
  await replSet.stop({ doCleanup: true, force: false });
}
