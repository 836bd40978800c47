/**
 * @module startDatabase — finds the database, in the order of issue 2: the server at `uri`; else a one-member
 * replica set of a real `mongod` under mongodb-memory-server; else the repository's wire-protocol emulator
 * started the same way, so application code cannot tell the difference (but the logs say it loudly). With a
 * `dataDir`, both embedded backends keep their data there across restarts (`db/` for mongod, `emulator/` for the
 * emulator), and a data folder the emulator wrote is served by the emulator again (issue 14).
 */
import { execFile } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { existsSync } from 'node:fs';
import { mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DryMongoBinary, MongoMemoryReplSet } from 'mongodb-memory-server';
import type { StorageEngine } from 'mongodb-memory-server-core/lib/util/MongoInstance';
import { envToBool, resolveConfig, ResolveConfigVariables } from 'mongodb-memory-server-core/lib/util/resolveConfig';

export type DatabaseBackend = 'external' | 'mongod' | 'emulator';

/** The two levels startDatabase logs at; a pino logger fits. */
export interface DatabaseLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface StartDatabaseOptions {
  /** A MongoDB connection string (MONGODB_URI): used as is, nothing is started. */
  uri?: string;
  /**
   * The data folder (DATA_DIR, `.data` for `npm start`): a real mongod keeps its files in `<dataDir>/db`, the emulator
   * in `<dataDir>/emulator`, so a restart (or a SIGKILL) loses nothing acknowledged. Without it (tests) the database
   * lives in memory or a temporary directory removed at stop.
   */
  dataDir?: string;
  logger: DatabaseLogger;
  /** How long to wait for a real mongod (found, downloaded and started) before falling back; 20 s by default. */
  mongodTimeoutMs?: number;
  /** How long the download host may take to resolve before the machine counts as offline; 1.5 s by default. */
  dnsTimeoutMs?: number;
  /** The emulator's `mongod` look-alike; the repository's `mongo-emulator/bin/mongod` by default. */
  emulatorBinary?: string;
}

export interface RunningDatabase {
  uri: string;
  backend: DatabaseBackend;
  /** Whether an acknowledged write survives a restart of the process (for MONGODB_URI: the server's own affair, taken as yes). */
  durable: boolean;
  /** Where the embedded database keeps its files, when it keeps them. */
  path?: string;
  stop(): Promise<void>;
}

export const EMULATOR_WARNING =
  'DATABASE IS THE MONGODB WIRE-PROTOCOL EMULATOR, NOT MONGODB: no mongod could be found or downloaded. ' +
  'It keeps its data on this machine only, without replication, backups or authentication. ' +
  'Set MONGODB_URI (or MONGOMS_SYSTEM_BINARY) for a real MongoDB.';

/**
 * The emulator is started as a binary, the way mongodb-memory-server starts a mongod: this layer knows its path and
 * asks it its version (`--version`, answered without starting Node), never imports its source.
 */
const EMULATOR_BINARY = fileURLToPath(new URL('../../../../mongo-emulator/bin/mongod', import.meta.url));

async function binaryVersion(binary: string): Promise<string> {
  const { stdout } = await promisify(execFile)(binary, ['--version'], { timeout: 10_000 });
  const version = /db version v(\d+\.\d+\.\d+)/.exec(stdout)?.[1];
  if (!version) throw new Error(`${binary} --version did not say which version it is`);
  return version;
}

/** The emulator's data file inside its folder (mongo-emulator/src/lmdb-persistence.ts writes it). */
const EMULATOR_DATA_FILE = 'emulator.mdb';

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
    return { uri: options.uri, backend: 'external', durable: true, stop: async () => undefined };
  }
  const emulatorDir = options.dataDir ? join(options.dataDir, 'emulator') : undefined;
  // Data the emulator wrote stays with the emulator: a mongod started beside it would begin empty. This also skips
  // the search for a mongod (and its DNS lookup) on every restart of an offline machine.
  if (emulatorDir && existsSync(join(emulatorDir, EMULATOR_DATA_FILE))) {
    logger.info({ path: emulatorDir }, 'database: the emulator, whose data is in this folder (move the folder away to use a real mongod)');
    return startEmulator(emulatorDir, logger, options.emulatorBinary ?? EMULATOR_BINARY);
  }
  try {
    const database = await startMongod(options);
    if (database.backend === 'mongod') logger.info({ backend: 'mongod', path: database.path }, 'database: embedded mongod replica set');
    else logger.warn({ backend: 'emulator', durable: database.durable, path: database.path }, EMULATOR_WARNING);
    return database;
  } catch (error) {
    logger.info({ reason: error instanceof Error ? error.message : String(error) }, 'database: no real mongod available');
  }
  return startEmulator(emulatorDir, logger, options.emulatorBinary ?? EMULATOR_BINARY);
}

/**
 * The emulator as a one-member replica set: durable in `dir` (its wiredTiger-engine mode), or in memory without one
 * (`inMemory`: tests, whose temporary directory mongodb-memory-server removes at stop).
 */
async function startEmulator(dir: string | undefined, logger: DatabaseLogger, binary: string): Promise<RunningDatabase> {
  if (dir) await mkdir(dir, { recursive: true });
  const replSet = await MongoMemoryReplSet.create({
    binary: { systemBinary: binary, version: await binaryVersion(binary) },
    // `inMemory` (MongoDB Enterprise's engine name) is passed through as --storageEngine; the library's type names
    // only the community engines.
    replSet: { count: 1, storageEngine: dir ? 'wiredTiger' : ('inMemory' as StorageEngine) },
    ...(dir ? { instanceOpts: [{ dbPath: dir }] } : {}),
  });
  logger.warn({ backend: 'emulator', durable: dir !== undefined, path: dir }, EMULATOR_WARNING);
  return { uri: replSet.getUri(), backend: 'emulator', durable: dir !== undefined, ...(dir ? { path: dir } : {}), stop: () => stopReplSet(replSet) };
}

/** A real mongod (MONGOMS_SYSTEM_BINARY, the cache, or a download) as a one-member replica set, within a time limit. */
async function startMongod(options: StartDatabaseOptions): Promise<RunningDatabase> {
  const timeoutMs = options.mongodTimeoutMs ?? 20_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no mongod started within ${timeoutMs} ms (offline?)`)), timeoutMs);
  });
  try {
    const obtainable = ensureMongodObtainable(options.dnsTimeoutMs ?? 1_500);
    obtainable.catch(() => undefined); // if the timeout wins the race, a later failure here is of no interest
    await Promise.race([obtainable, timeout]);
    const dbPath = options.dataDir ? join(options.dataDir, 'db') : undefined;
    const replSet = await startReplSet(dbPath, timeout);
    // MONGOMS_SYSTEM_BINARY may itself point at the emulator: then say so, never pass it off as MongoDB.
    const backend: DatabaseBackend = (await isEmulator(replSet, options.emulatorBinary ?? EMULATOR_BINARY)) ? 'emulator' : 'mongod';
    return { uri: replSet.getUri(), backend, durable: dbPath !== undefined, ...(dbPath ? { path: dbPath } : {}), stop: () => stopReplSet(replSet) };
  } finally {
    clearTimeout(timer);
  }
}

/** A one-member replica set (transactions need one) keeping its files in `dataDir` when given. */
async function startReplSet(dataDir: string | undefined, timeout: Promise<never>): Promise<MongoMemoryReplSet> {
  const portFile = dataDir ? `${dataDir}.port` : undefined;
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
async function ensureMongodObtainable(dnsTimeoutMs: number): Promise<void> {
  const binary = await DryMongoBinary.locateBinary(await DryMongoBinary.generateOptions());
  if (binary) return;
  if (!envToBool(resolveConfig(ResolveConfigVariables.RUNTIME_DOWNLOAD) ?? 'true')) {
    throw new Error('no mongod on this machine, and downloads are turned off (MONGOMS_RUNTIME_DOWNLOAD)');
  }
  const source =
    resolveConfig(ResolveConfigVariables.DOWNLOAD_URL) ?? resolveConfig(ResolveConfigVariables.DOWNLOAD_MIRROR) ?? 'https://fastdl.mongodb.org';
  const host = new URL(source).hostname;
  // Offline networks often answer DNS slowly rather than not at all (resolv.conf: 5 s per try, 2 tries per server).
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), dnsTimeoutMs);
  });
  try {
    await Promise.race([lookup(host), slow]);
  } catch {
    throw new Error(`no mongod on this machine, and ${host} cannot be reached to download one`);
  } finally {
    clearTimeout(timer);
  }
}

/** A path for logs and /health: relative to the working directory when inside it (`.data/emulator`). */
export function displayPath(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside && !inside.startsWith('..') ? inside : path;
}

async function readPort(portFile: string): Promise<number | undefined> {
  const text = await readFile(portFile, 'utf8').catch(() => undefined);
  const port = Number(text?.trim());
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

async function isEmulator(replSet: MongoMemoryReplSet, emulatorBinary: string): Promise<boolean> {
  const launched = replSet.servers[0]?.instanceInfo?.instance.mongodProcess?.spawnfile;
  if (!launched) return false;
  const [a, b] = await Promise.all([realpath(launched).catch(() => launched), realpath(emulatorBinary).catch(() => '')]);
  return a === b;
}

/** Stops the replica set; a dbPath we were given is kept (only temporary directories are removed). */
async function stopReplSet(replSet: MongoMemoryReplSet): Promise<void> {
  await replSet.stop({ doCleanup: true, force: false });
}
