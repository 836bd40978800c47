/** @module writeConflictError: error 112, labelled so the driver's withTransaction retries the whole transaction. */
import { CommandError } from './command-error';

/** mongod's text for a conflicting write inside a multi-document transaction (manual: "In-progress Transactions and Write Conflicts"). */
export function writeConflictError(): CommandError {
  return new CommandError({
    code: 112,
    message: 'Caused by :: Write conflict during plan execution and yielding is disabled. :: Please retry your operation or multi-document transaction.',
    labels: ['TransientTransactionError'],
  });
}
