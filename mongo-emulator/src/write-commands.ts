/** @module writeCommands: insert, update and delete with per-statement writeErrors, ordered or not. */
import { ObjectId, type Document } from 'bson';
import { applyUpdate, buildUpsertDocument, updateKindOf } from './apply-update';
import { CommandError, toCommandError } from './command-error';
import type { CommandContext, CommandSpec } from './command-spec';
import { isPlainObject } from './document-path';
import { assertHintExists, assertNoVariables, assertSimpleCollation, shapeResults } from './read-options';
import { toValueKey } from './value-key';

function collectionOf(context: CommandContext): string {
  const name = context.body[Object.keys(context.body)[0]!];
  if (typeof name !== 'string') throw new CommandError({ code: 73, message: `collection name has invalid type ${typeof name}` });
  return name;
}

function statements(context: CommandContext, field: string): Document[] {
  const list = context.body[field];
  if (!Array.isArray(list)) throw new CommandError({ code: 14, message: `BSON field '${Object.keys(context.body)[0]}.${field}' is the wrong type, expected type 'array'` });
  return list as Document[];
}

/** Statement documents are as strictly parsed as commands: an unknown field fails the whole command. */
function assertStatementFields(command: string, field: string, statement: Document, allowed: readonly string[]): void {
  for (const key of Object.keys(statement)) {
    if (!allowed.includes(key)) throw new CommandError({ code: 40415, message: `BSON field '${command}.${field}.${key}' is an unknown field.` });
  }
}

/**
 * Runs each statement; a failure becomes a writeErrors entry. Ordered writes stop at the first
 * failure; unordered ones carry on (CRUD spec: "ordered").
 */
function runStatements(context: CommandContext, list: Document[], run: (statement: Document, index: number) => void): Document[] {
  const ordered = context.body.ordered !== false;
  const writeErrors: Document[] = [];
  for (const [index, statement] of list.entries()) {
    try {
      run(statement, index);
    } catch (thrown) {
      const error = toCommandError(thrown);
      // Inside a transaction any failure ends the transaction, so it fails the whole command.
      if (context.transaction || error.code === 112) throw error;
      writeErrors.push(error.toWriteError(index));
      if (ordered) break;
    }
  }
  return writeErrors;
}

const insert: CommandSpec = {
  name: 'insert',
  writes: true,
  fields: ['documents', 'ordered', 'bypassDocumentValidation'],
  inTransaction: true,
  run(context) {
    const store = context.storeForWrite(collectionOf(context));
    let n = 0;
    const writeErrors = runStatements(context, statements(context, 'documents'), (doc) => {
      if (!isPlainObject(doc)) throw new CommandError({ code: 14, message: 'documents must be objects' });
      // mongod adds a missing _id as the first field.
      const { _id, ...rest } = doc;
      store.insert({ _id: _id ?? new ObjectId(), ...rest });
      n += 1;
    });
    return { n, ...(writeErrors.length > 0 ? { writeErrors } : {}) };
  },
};

const UPDATE_STATEMENT_FIELDS = ['q', 'u', 'upsert', 'multi', 'arrayFilters', 'collation', 'hint', 'c', 'sort'];

const update: CommandSpec = {
  name: 'update',
  writes: true,
  fields: ['updates', 'ordered', 'bypassDocumentValidation', 'let'],
  inTransaction: true,
  run(context) {
    const collection = collectionOf(context);
    const list = statements(context, 'updates');
    assertNoVariables('update', context.body.let);
    for (const statement of list) {
      assertStatementFields('update', 'updates', statement, UPDATE_STATEMENT_FIELDS);
      assertNoVariables('update', statement.c);
    }
    const store = context.storeForWrite(collection);
    let n = 0;
    let nModified = 0;
    const upserted: Document[] = [];
    const writeErrors = runStatements(context, list, (statement, index) => {
      assertSimpleCollation(statement.collation);
      assertHintExists(context, collection, statement.hint);
      const filter = (statement.q as Document | undefined) ?? {};
      const u = statement.u as Document | Document[];
      const multi = statement.multi === true;
      if (multi && updateKindOf(u) === 'replacement') throw new CommandError({ code: 9, message: 'multi update is not supported for replacement-style update' });
      let targets = store.find(filter);
      if (!multi) targets = statement.sort ? shapeResults(targets, { sort: statement.sort as Document, limit: 1 }) : targets.slice(0, 1);
      if (targets.length === 0 && statement.upsert === true) {
        const doc = buildUpsertDocument(filter, u, statement.arrayFilters as Document[] | undefined);
        store.insert(doc);
        upserted.push({ index, _id: doc._id });
        n += 1;
        return;
      }
      for (const doc of targets) {
        const next = applyUpdate(doc, u, { filter, inserting: false, arrayFilters: statement.arrayFilters as Document[] | undefined });
        n += 1;
        if (toValueKey(next) === toValueKey(doc)) continue;
        store.replace(doc, next);
        nModified += 1;
      }
    });
    return { n, nModified, ...(upserted.length > 0 ? { upserted } : {}), ...(writeErrors.length > 0 ? { writeErrors } : {}) };
  },
};

const remove: CommandSpec = {
  name: 'delete',
  writes: true,
  fields: ['deletes', 'ordered', 'let'],
  inTransaction: true,
  run(context) {
    const collection = collectionOf(context);
    const list = statements(context, 'deletes');
    assertNoVariables('delete', context.body.let);
    for (const statement of list) assertStatementFields('delete', 'deletes', statement, ['q', 'limit', 'collation', 'hint']);
    const store = context.store(collection);
    let n = 0;
    const writeErrors = runStatements(context, list, (statement) => {
      assertSimpleCollation(statement.collation);
      assertHintExists(context, collection, statement.hint);
      if (!store) return;
      const matches = store.find((statement.q as Document | undefined) ?? {});
      // limit 1 deletes one matching document, limit 0 all of them (manual: delete command).
      for (const doc of Number(statement.limit) === 1 ? matches.slice(0, 1) : matches) {
        store.remove(doc);
        n += 1;
      }
    });
    return { n, ...(writeErrors.length > 0 ? { writeErrors } : {}) };
  },
};

export const writeCommands: readonly CommandSpec[] = [insert, update, remove];
