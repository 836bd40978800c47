/**
 * @module InProcessEmulator: the emulator's command dispatcher without a socket or a child process, as a
 * one-member replica set, for property tests that run thousands of commands (the same handlers the wire serves).
 */
import { Binary, type Document } from 'bson';
import { randomUUID } from 'node:crypto';
import { parseCmdLineOptions } from '../../mongo-emulator/src/cmd-line-options';
import { CommandDispatcher } from '../../mongo-emulator/src/command-dispatcher';
import { crudCommands } from '../../mongo-emulator/src/crud-commands';
import { ddlCommands } from '../../mongo-emulator/src/ddl-commands';
import { createEmulatorContext } from '../../mongo-emulator/src/emulator-context';
import { replicationCommands } from '../../mongo-emulator/src/replication-commands';
import { sessionCommands } from '../../mongo-emulator/src/session-commands';
import { StructuredLog } from '../../mongo-emulator/src/structured-log';

export interface InProcessEmulator {
  /** Runs a command against `db` and returns its reply (failures are `{ ok: 0, code }`, never thrown). */
  run(body: Document, db?: string): Promise<Document>;
  /** A fresh logical session id, as a driver would send in `lsid`. */
  newSession(): Document;
}

export async function startInProcessEmulator(): Promise<InProcessEmulator> {
  const context = createEmulatorContext(parseCmdLineOptions(['--replSet', 'rs0', '--port', '27999']), new StructuredLog(() => undefined));
  const dispatcher = new CommandDispatcher(context).register([...replicationCommands, ...sessionCommands, ...ddlCommands, ...crudCommands]);
  const run = (body: Document, db = 'test'): Promise<Document> =>
    dispatcher.dispatch({ body: { ...body, $db: db }, connectionId: 1, isConnectionClosed: () => false });
  const initiated = await run({ replSetInitiate: {} }, 'admin');
  if (initiated.ok !== 1) throw new Error(`replSetInitiate failed: ${JSON.stringify(initiated)}`);
  return {
    run,
    newSession: () => ({ id: new Binary(Buffer.from(randomUUID().replaceAll('-', ''), 'hex'), Binary.SUBTYPE_UUID) }),
  };
}
