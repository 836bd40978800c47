/** @module CommandError: a command failure as mongod reports it ({ ok: 0, errmsg, code, codeName, errorLabels }). */
import type { Document } from 'bson';

/** The mongod error codes this emulator produces (src/mongo/base/error_codes.yml of the server). */
export const ERROR_CODE_NAMES: Readonly<Record<number, string>> = {
  2: 'BadValue',
  9: 'FailedToParse',
  13: 'Unauthorized',
  14: 'TypeMismatch',
  20: 'IllegalOperation',
  23: 'AlreadyInitialized',
  26: 'NamespaceNotFound',
  27: 'IndexNotFound',
  43: 'CursorNotFound',
  48: 'NamespaceExists',
  59: 'CommandNotFound',
  66: 'ImmutableField',
  67: 'CannotCreateIndex',
  72: 'InvalidOptions',
  73: 'InvalidNamespace',
  76: 'NoReplicationEnabled',
  85: 'IndexOptionsConflict',
  86: 'IndexKeySpecsConflict',
  91: 'ShutdownInProgress',
  93: 'InvalidReplicaSetConfig',
  94: 'NotYetInitialized',
  112: 'WriteConflict',
  115: 'CommandNotSupported',
  197: 'InvalidIndexSpecificationOption',
  225: 'TransactionTooOld',
  251: 'NoSuchTransaction',
  256: 'TransactionCommitted',
  263: 'OperationNotSupportedInTransaction',
  10107: 'NotWritablePrimary',
  11000: 'DuplicateKey',
  40415: 'Location40415',
};

export interface CommandErrorOptions {
  code: number;
  message: string;
  /** Labels such as TransientTransactionError that drive the client's retry logic. */
  labels?: string[];
  /** Extra reply fields, e.g. keyPattern/keyValue of a duplicate key error. */
  details?: Document;
}

/** A command that mongod would answer with ok: 0; the dispatcher turns it into the reply document. */
export class CommandError extends Error {
  readonly code: number;
  readonly labels: string[];
  readonly details: Document;

  constructor(options: CommandErrorOptions) {
    super(options.message);
    this.name = 'CommandError';
    this.code = options.code;
    this.labels = options.labels ?? [];
    this.details = options.details ?? {};
  }

  get codeName(): string {
    return ERROR_CODE_NAMES[this.code] ?? `Location${this.code}`;
  }

  /** The reply body mongod sends for this failure. */
  toReply(): Document {
    const reply: Document = { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName, ...this.details };
    if (this.labels.length > 0) reply.errorLabels = this.labels;
    return reply;
  }

  /** The entry of a write command's writeErrors array (CRUD spec: index, code, errmsg, plus details). */
  toWriteError(index: number): Document {
    return { index, code: this.code, errmsg: this.message, ...this.details };
  }
}

/**
 * Anything else a handler throws (mostly mingo rejecting an operator or expression) is reported as
 * BadValue (code 2), as mongod reports a malformed query; mingo's _id guard keeps mongod's ImmutableField.
 */
export function toCommandError(error: unknown): CommandError {
  if (error instanceof CommandError) return error;
  const message = (error instanceof Error ? error.message : String(error)).replace(/^mingo: /, '');
  if (/immutable field '_id'/.test(message)) return new CommandError({ code: 66, message });
  return new CommandError({ code: 2, message });
}
