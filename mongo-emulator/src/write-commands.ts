/**
 * @module writeCommands: insert, update and delete with per-statement writeErrors, ordered or not, and MongoDB 8.0's
 * `bulkWrite` (one command writing to several collections: manual, "bulkWrite (database command)"), whose operations
 * run through the same statements.
 */
import { Long, ObjectId, type Document } from 'bson';
import { applyUpdate, buildUpsertDocument, updateKindOf } from './apply-update';
import { CommandError, toCommandError } from './command-error';
import type { CommandContext, CommandSpec } from './command-spec';
import type { DocumentStore } from './document-store';
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

/** One update statement, as the `update` command and `bulkWrite` give it. */
interface UpdateStatement {
  filter: Document | undefined;
  update: Document | Document[];
  multi: boolean;
  upsert: boolean;
  arrayFilters: Document[] | undefined;
  sort: Document | undefined;
  hint: unknown;
  collation: unknown;
}

/** Runs one update statement: `n` matched (or 1 upserted), `nModified` changed, the upserted `_id` if any. */
function updateStatement(context: CommandContext, collection: string, store: DocumentStore, statement: UpdateStatement): { n: number; nModified: number; upserted?: unknown } {
  assertSimpleCollation(statement.collation);
  assertHintExists(context, collection, statement.hint);
  const filter = statement.filter ?? {};
  const u = statement.update;
  if (statement.multi && updateKindOf(u) === 'replacement') throw new CommandError({ code: 9, message: 'multi update is not supported for replacement-style update' });
  let targets = store.find(filter);
  if (!statement.multi) targets = statement.sort ? shapeResults(targets, { sort: statement.sort, limit: 1 }) : targets.slice(0, 1);
  if (targets.length === 0 && statement.upsert) {
    const doc = buildUpsertDocument(filter, u, statement.arrayFilters);
    store.insert(doc);
    return { n: 1, nModified: 0, upserted: doc._id };
  }
  let nModified = 0;
  for (const doc of targets) {
    const next = applyUpdate(doc, u, { filter, inserting: false, arrayFilters: statement.arrayFilters });
    if (toValueKey(next) === toValueKey(doc)) continue;
    store.replace(doc, next);
    nModified += 1;
  }
  return { n: targets.length, nModified };
}

/** Runs one delete statement on `store` (absent: nothing to delete); the number deleted. */
function deleteStatement(context: CommandContext, collection: string, store: DocumentStore | undefined, statement: { filter: Document | undefined; multi: boolean; hint: unknown; collation: unknown }): number {
  assertSimpleCollation(statement.collation);
  assertHintExists(context, collection, statement.hint);
  if (!store) return 0;
  const matches = store.find(statement.filter ?? {});
  // limit 1 (multi: false) deletes one matching document, limit 0 all of them (manual: delete command).
  const deleted = statement.multi ? matches : matches.slice(0, 1);
  for (const doc of deleted) store.remove(doc);
  return deleted.length;
}

/** mongod adds a missing _id as the first field. */
function insertDocument(store: DocumentStore, doc: unknown): void {
  if (!isPlainObject(doc)) throw new CommandError({ code: 14, message: 'documents must be objects' });
  const { _id, ...rest } = doc as Document;
  store.insert({ _id: _id ?? new ObjectId(), ...rest });
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
      insertDocument(store, doc);
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
      const done = updateStatement(context, collection, store, { filter: statement.q as Document | undefined, update: statement.u as Document | Document[], multi: statement.multi === true, upsert: statement.upsert === true, arrayFilters: statement.arrayFilters as Document[] | undefined, sort: statement.sort as Document | undefined, hint: statement.hint, collation: statement.collation });
      n += done.n;
      nModified += done.nModified;
      if (done.upserted !== undefined) upserted.push({ index, _id: done.upserted });
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
      n += deleteStatement(context, collection, store, { filter: statement.q as Document | undefined, multi: Number(statement.limit) !== 1, hint: statement.hint, collation: statement.collation });
    });
    return { n, ...(writeErrors.length > 0 ? { writeErrors } : {}) };
  },
};

const BULK_OPERATION_FIELDS = {
  insert: ['insert', 'document'],
  update: ['update', 'filter', 'updateMods', 'multi', 'upsert', 'arrayFilters', 'hint', 'collation', 'sort'],
  delete: ['delete', 'filter', 'multi', 'hint', 'collation'],
} as const;

/**
 * MongoDB 8.0's `bulkWrite` against admin: `ops` name their namespace by its index in `nsInfo` and run in order, each
 * through the statement of `insert`, `update` or `delete`. The reply is a cursor of one result per operation
 * (`errorsOnly`: the failed ones only) with the counts beside it; the whole batch goes in its `firstBatch` (cursor id 0).
 * Inside a transaction a failed operation fails the command and the transaction, as for the other write commands.
 */
const bulkWrite: CommandSpec = {
  name: 'bulkWrite',
  writes: true,
  adminOnly: true,
  inTransaction: true,
  fields: ['ops', 'nsInfo', 'ordered', 'errorsOnly', 'bypassDocumentValidation', 'let', 'cursor'],
  run(context) {
    const ops = statements(context, 'ops');
    const nsInfo = statements(context, 'nsInfo');
    assertNoVariables('bulkWrite', context.body.let);
    const namespaces = nsInfo.map((info) => {
      assertStatementFields('bulkWrite', 'nsInfo', info, ['ns', 'collectionUUID', 'encryptionInformation']);
      const ns = info.ns;
      const dot = typeof ns === 'string' ? ns.indexOf('.') : -1;
      if (typeof ns !== 'string' || dot <= 0 || dot === ns.length - 1) throw new CommandError({ code: 73, message: `Invalid namespace specified '${String(ns)}'` });
      return { db: ns.slice(0, dot), collection: ns.slice(dot + 1) };
    });
    const parsed = ops.map((op) => {
      const kind = (['insert', 'update', 'delete'] as const).find((name) => name in op);
      if (!kind) throw new CommandError({ code: 40414, message: "BSON field 'bulkWrite.ops' is missing one of the required fields insert, update or delete" });
      assertStatementFields('bulkWrite', 'ops', op, BULK_OPERATION_FIELDS[kind]);
      const target = namespaces[Number(op[kind])];
      if (!target || !Number.isInteger(Number(op[kind]))) throw new CommandError({ code: 2, message: `BulkWrite ops entry ${kind} has an invalid nsInfo index ${String(op[kind])}` });
      return { kind, op, target };
    });
    const counts = { nInserted: 0, nMatched: 0, nModified: 0, nUpserted: 0, nDeleted: 0 };
    const results: Document[] = [];
    const writeErrors = runStatements(context, parsed as unknown as Document[], (entry, idx) => {
      const { kind, op, target } = entry as unknown as (typeof parsed)[number];
      const scoped = context.forDatabase(target.db);
      if (kind === 'insert') {
        insertDocument(scoped.storeForWrite(target.collection), op.document);
        counts.nInserted += 1;
        results.push({ ok: 1, idx, n: 1 });
      } else if (kind === 'update') {
        const done = updateStatement(scoped, target.collection, scoped.storeForWrite(target.collection), {
          filter: op.filter as Document | undefined,
          update: op.updateMods as Document | Document[],
          multi: op.multi === true,
          upsert: op.upsert === true,
          arrayFilters: op.arrayFilters as Document[] | undefined,
          sort: op.sort as Document | undefined,
          hint: op.hint,
          collation: op.collation,
        });
        if (done.upserted !== undefined) counts.nUpserted += 1;
        else counts.nMatched += done.n;
        counts.nModified += done.nModified;
        results.push({ ok: 1, idx, n: done.n, nModified: done.nModified, ...(done.upserted !== undefined ? { upserted: { _id: done.upserted } } : {}) });
      } else {
        const n = deleteStatement(scoped, target.collection, scoped.store(target.collection), { filter: op.filter as Document | undefined, multi: op.multi === true, hint: op.hint, collation: op.collation });
        counts.nDeleted += n;
        results.push({ ok: 1, idx, n });
      }
    });
    const errors = writeErrors.map(({ index, code, errmsg, ...details }) => ({ ok: 0, idx: index, code, codeName: new CommandError({ code: Number(code), message: String(errmsg) }).codeName, errmsg, ...details }));
    const firstBatch = context.body.errorsOnly === true ? errors : [...results, ...errors].sort((a, b) => Number(a.idx) - Number(b.idx));
    return { cursor: { id: Long.ZERO, firstBatch, ns: 'admin.$cmd.bulkWrite' }, nErrors: errors.length, ...counts };
  },
};

export const writeCommands: readonly CommandSpec[] = [insert, update, remove, bulkWrite];
