/** @module CommandSpec: how a command declares its accepted fields and its handler for the dispatcher. */
import type { Document } from 'bson';
import type { DocumentStore } from './document-store';
import type { EmulatorContext } from './emulator-context';
import type { Transaction } from './transaction-manager';

export interface CommandContext {
  readonly body: Document;
  /** The database named by `$db`. */
  readonly db: string;
  readonly emulator: EmulatorContext;
  readonly connectionId: number;
  /** The multi-document transaction this command runs in, if any. */
  readonly transaction: Transaction | undefined;
  /** The collection as this command may see it (through the transaction when there is one); undefined if absent. */
  store(collection: string): DocumentStore | undefined;
  /** Like `store`, creating the collection implicitly first. */
  storeForWrite(collection: string): DocumentStore;
  /** The same command's context on another database, in the same transaction (`bulkWrite` names its namespaces). */
  forDatabase(db: string): CommandContext;
  /** Resolves once the connection that sent the command is closed (awaitable hello stops waiting). */
  readonly isConnectionClosed: () => boolean;
}

export interface CommandSpec {
  /** The command name, i.e. the first field of the command document. */
  readonly name: string;
  readonly aliases?: readonly string[];
  /** Fields accepted besides the command name and the generic ones; anything else is refused (mongod's IDL is strict). */
  readonly fields: readonly string[] | 'any';
  /** Commands allowed inside a multi-document transaction (manual: "Operations in Transactions"). */
  readonly inTransaction?: boolean;
  /** Commands that write: refused with NotWritablePrimary (10107) by a replica-set member before replSetInitiate. */
  readonly writes?: boolean;
  /** Commands that only run against the admin database. */
  readonly adminOnly?: boolean;
  run(context: CommandContext): Document | Promise<Document>;
}

/** Fields the driver may add to any command (OP_MSG spec, sessions, transactions, stable API, server selection). */
export const GENERIC_FIELDS: ReadonlySet<string> = new Set([
  '$db', 'lsid', '$clusterTime', 'txnNumber', 'autocommit', 'startTransaction', 'readConcern', 'writeConcern',
  '$readPreference', 'apiVersion', 'apiStrict', 'apiDeprecationErrors', 'maxTimeMS', 'comment',
]);
