/** @module adminCommands: handshake, diagnostics and server-wide commands (hello, ping, buildInfo, shutdown …). */
import { calculateObjectSize, Long, type Document } from 'bson';
import { compileFilter } from './compiled-filter';
import { CommandError } from './command-error';
import { GENERIC_FIELDS, type CommandSpec } from './command-spec';
import { EMULATOR_NOTICE, EMULATOR_VERSION, MAX_WIRE_VERSION } from './emulator-version';


const hello: CommandSpec = {
  name: 'hello',
  aliases: ['isMaster', 'ismaster'],
  // The handshake is the one lenient command: mongod ignores fields it does not know there, so newer
  // drivers can announce capabilities (e.g. driver 7's `backpressure`) to older servers.
  fields: 'any',
  async run({ body, emulator, connectionId, isConnectionClosed }) {
    const replication = emulator.replication;
    if (body.maxAwaitTimeMS !== undefined && body.topologyVersion !== undefined) {
      await replication.awaitChange(body.topologyVersion as Document, Number(body.maxAwaitTimeMS), isConnectionClosed);
    }
    const { isWritablePrimary, ...replicaFields } = replication.helloFields();
    // The legacy isMaster spelling answers with `ismaster` (manual: "hello > Output").
    const legacy = Object.keys(body)[0] !== 'hello';
    return {
      ...(body.helloOk === true ? { helloOk: true } : {}),
      ...(legacy ? { ismaster: isWritablePrimary } : { isWritablePrimary }),
      ...replicaFields,
      topologyVersion: replication.topologyVersion,
      maxBsonObjectSize: 16 * 1024 * 1024,
      maxMessageSizeBytes: 48_000_000,
      maxWriteBatchSize: 100_000,
      localTime: new Date(),
      logicalSessionTimeoutMinutes: 30,
      connectionId,
      minWireVersion: 0,
      maxWireVersion: MAX_WIRE_VERSION,
      readOnly: false,
    };
  },
};

const ping: CommandSpec = { name: 'ping', fields: [], run: () => ({}) };

const buildInfo: CommandSpec = {
  name: 'buildInfo',
  aliases: ['buildinfo'],
  fields: [],
  run: () => ({
    version: EMULATOR_VERSION,
    gitVersion: 'emulator',
    versionArray: [...EMULATOR_VERSION.split('.').map(Number), 0],
    bits: 64,
    debug: false,
    maxBsonObjectSize: 16 * 1024 * 1024,
    storageEngines: ['ephemeralForTest', 'wiredTiger'],
    javascriptEngine: 'none',
    modules: [],
    openssl: { running: 'disabled' },
    emulator: EMULATOR_NOTICE,
  }),
};

const getParameter: CommandSpec = {
  name: 'getParameter',
  fields: 'any',
  adminOnly: true,
  run({ body, emulator }) {
    const known: Document = { featureCompatibilityVersion: { version: '8.0' }, authenticationMechanisms: ['SCRAM-SHA-1', 'SCRAM-SHA-256'], ...emulator.options.setParameters };
    if (body.getParameter === '*') return known;
    const requested = Object.keys(body).slice(1).filter((name) => !GENERIC_FIELDS.has(name));
    const reply: Document = {};
    for (const name of requested) {
      if (!(name in known)) throw new CommandError({ code: 72, message: 'no option found to get' });
      reply[name] = known[name];
    }
    return reply;
  },
};

const getCmdLineOpts: CommandSpec = {
  name: 'getCmdLineOpts',
  fields: [],
  adminOnly: true,
  run({ emulator }) {
    const { options } = emulator;
    return {
      argv: ['mongod', ...options.argv],
      parsed: {
        net: { port: options.port, bindIp: options.bindIp },
        storage: { ...(options.dbpath ? { dbPath: options.dbpath } : {}), engine: options.storageEngine },
        ...(options.replSet ? { replication: { replSet: options.replSet } } : {}),
        security: { authorization: options.auth ? 'enabled' : 'disabled' },
        ...(Object.keys(options.setParameters).length > 0 ? { setParameter: options.setParameters } : {}),
      },
    };
  },
};

/** Deliberately small: only figures the emulator really knows. */
const serverStatus: CommandSpec = {
  name: 'serverStatus',
  fields: 'any',
  run({ emulator }) {
    const uptimeMillis = Date.now() - emulator.startedAt.getTime();
    return {
      host: emulator.replication.host,
      version: EMULATOR_VERSION,
      process: 'mongod',
      pid: process.pid,
      uptime: Math.floor(uptimeMillis / 1000),
      uptimeMillis,
      localTime: new Date(),
      storageEngine: emulator.storage.durable ? { name: 'emulator-lmdb', persistent: true } : { name: 'emulator-in-memory', persistent: false },
      metrics: {
        cursor: { open: { total: emulator.cursors.openCount } },
        commands: Object.fromEntries([...emulator.commandTotals].map(([name, { total, failed }]) => [name, { total: Long.fromNumber(total), failed: Long.fromNumber(failed) }])),
      },
      transactions: Object.fromEntries(Object.entries(emulator.transactions.totals).map(([name, n]) => [name, Long.fromNumber(n)])),
      emulator: EMULATOR_NOTICE,
    };
  },
};

const listDatabases: CommandSpec = {
  name: 'listDatabases',
  fields: ['filter', 'nameOnly', 'authorizedDatabases'],
  adminOnly: true,
  run({ body, emulator }) {
    const all = emulator.storage.databaseNames().map((name) => ({ name, sizeOnDisk: 0, empty: false }));
    const query = body.filter ? compileFilter(body.filter as Document) : undefined;
    const filtered = query ? all.filter((db) => query.test(db)) : all;
    if (body.nameOnly === true) return { databases: filtered.map(({ name }) => ({ name })) };
    return { databases: filtered, totalSize: 0, totalSizeMb: 0 };
  },
};

const dropDatabase: CommandSpec = {
  name: 'dropDatabase',
  writes: true,
  fields: [],
  run({ db, emulator }) {
    emulator.storage.dropDatabase(db);
    return { dropped: db };
  },
};

/** Counts and BSON sizes of what is held in memory; there is no storage or index size to report. */
const dbStats: CommandSpec = {
  name: 'dbStats',
  fields: ['scale', 'freeStorage'],
  run({ db, emulator }) {
    const collections = emulator.storage.collectionsOf(db);
    let objects = 0;
    let dataSize = 0;
    for (const collection of collections) {
      objects += collection.count();
      for (const doc of collection.docs.values()) dataSize += calculateObjectSize(doc);
    }
    const indexes = collections.reduce((sum, collection) => sum + collection.indexes.list().length, 0);
    return { db, collections: collections.length, views: 0, objects, avgObjSize: objects ? dataSize / objects : 0, dataSize, indexes, scaleFactor: 1 };
  },
};

const connectionStatus: CommandSpec = {
  name: 'connectionStatus',
  fields: ['showPrivileges'],
  run: () => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] } }),
};

/** Replies, then stops the process once the reply is written (mongodb-memory-server sends { shutdown: 1, force: true }). */
const shutdown: CommandSpec = {
  name: 'shutdown',
  fields: ['force', 'timeoutSecs'],
  adminOnly: true,
  run({ emulator }) {
    setTimeout(() => emulator.requestShutdown(), 20);
    return {};
  },
};

export const adminCommands: readonly CommandSpec[] = [hello, ping, buildInfo, getParameter, getCmdLineOpts, serverStatus, listDatabases, dropDatabase, dbStats, connectionStatus, shutdown];
