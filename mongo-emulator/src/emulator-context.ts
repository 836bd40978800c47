/** @module EmulatorContext: the state every command handler shares (storage, cursors, sessions, replica set, log). */
import type { CmdLineOptions } from './cmd-line-options';
import { CursorRegistry } from './cursor-registry';
import type { Persistence } from './persistence';
import { ReplicaSetState } from './replica-set-state';
import { Storage } from './storage';
import type { StructuredLog } from './structured-log';
import { TransactionManager } from './transaction-manager';

export interface EmulatorContext {
  readonly options: CmdLineOptions;
  readonly storage: Storage;
  readonly cursors: CursorRegistry;
  readonly transactions: TransactionManager;
  readonly replication: ReplicaSetState;
  readonly log: StructuredLog;
  readonly startedAt: Date;
  /** serverStatus.metrics.commands as mongod reports them: per command name, how many ran and how many failed. */
  readonly commandTotals: Map<string, { total: number; failed: number }>;
  /** Set by the process entry: stops listening and exits (shutdown command, SIGTERM, SIGINT). */
  requestShutdown: () => void;
}

/** mongod's `transactionLifetimeLimitSeconds` (60 by default, settable with --setParameter), in milliseconds. */
function lifetimeLimitMs(options: CmdLineOptions): number {
  const seconds = Number(options.setParameters.transactionLifetimeLimitSeconds ?? 60);
  return (Number.isFinite(seconds) && seconds >= 1 ? seconds : 60) * 1000;
}

/** `persistence` (main opens it for --dbpath) makes the storage durable and loads what it holds. */
export function createEmulatorContext(options: CmdLineOptions, log: StructuredLog, persistence?: Persistence): EmulatorContext {
  const storage = new Storage(persistence);
  return {
    options,
    storage,
    cursors: new CursorRegistry(),
    transactions: new TransactionManager(storage, { lifetimeLimitMs: lifetimeLimitMs(options) }),
    replication: new ReplicaSetState(options.replSet, `${options.bindIp}:${options.port}`),
    log,
    startedAt: new Date(),
    commandTotals: new Map(),
    requestShutdown: () => undefined,
  };
}
