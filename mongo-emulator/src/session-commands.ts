/** @module sessionCommands: logical sessions and transaction outcomes (startSession, endSessions, killSessions, commit/abortTransaction). */
import { UUID, type Document } from 'bson';
import { CommandError } from './command-error';
import type { CommandSpec } from './command-spec';
import { sessionIdOf } from './transaction-manager';

const startSession: CommandSpec = {
  name: 'startSession',
  fields: [],
  run: () => ({ id: { id: new UUID() }, timeoutMinutes: 30 }),
};

/** A command that ends the sessions it lists: their unfinished transactions are aborted at once. */
function endingListedSessions(name: string): CommandSpec {
  return {
    name,
    fields: [],
    run({ body, emulator }) {
      const lsids = body[name];
      if (!Array.isArray(lsids)) throw new CommandError({ code: 14, message: `BSON field '${name}.${name}' is the wrong type, expected type 'array'` });
      for (const lsid of lsids as Document[]) {
        const sessionId = sessionIdOf(lsid);
        if (sessionId) emulator.transactions.endSession(sessionId);
      }
      return {};
    },
  };
}

/** Ends the listed sessions; their unfinished transactions are aborted (manual: endSessions). */
const endSessions = endingListedSessions('endSessions');

/**
 * Kills the listed sessions, freeing the documents their transactions hold (manual: killSessions). The server uses it
 * for the transactions of a request whose process died.
 */
const killSessions = endingListedSessions('killSessions');

const killAllSessions: CommandSpec = {
  name: 'killAllSessions',
  fields: [],
  run({ emulator }) {
    emulator.transactions.endAll();
    return {};
  },
};

/** The dispatcher has already found the transaction from lsid + txnNumber; these only settle it. */
const commitTransaction: CommandSpec = {
  name: 'commitTransaction',
  fields: ['recoveryToken'],
  adminOnly: true,
  inTransaction: true,
  run({ emulator, transaction }) {
    if (!transaction) throw new CommandError({ code: 50768, message: 'commitTransaction must be run within a transaction' });
    emulator.transactions.commit(transaction);
    return {};
  },
};

const abortTransaction: CommandSpec = {
  name: 'abortTransaction',
  fields: ['recoveryToken'],
  adminOnly: true,
  inTransaction: true,
  run({ emulator, transaction }) {
    if (!transaction) throw new CommandError({ code: 50768, message: 'abortTransaction must be run within a transaction' });
    emulator.transactions.abort(transaction);
    return {};
  },
};

export const sessionCommands: readonly CommandSpec[] = [startSession, endSessions, killSessions, killAllSessions, commitTransaction, abortTransaction];
