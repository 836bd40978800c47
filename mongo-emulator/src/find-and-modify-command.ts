/** @module findAndModifyCommand: atomically find one document and update, replace or remove it. */
import type { Document } from 'bson';
import { applyUpdate, buildUpsertDocument } from './apply-update';
import { CommandError } from './command-error';
import type { CommandSpec } from './command-spec';
import { assertHintExists, assertNoVariables, assertSimpleCollation, shapeResults } from './read-options';
import { toValueKey } from './value-key';

function project(doc: Document | null, fields: Document | undefined): Document | null {
  if (!doc || !fields || Object.keys(fields).length === 0) return doc;
  return shapeResults([doc], { projection: fields })[0] ?? null;
}

/** Replies with `value` (the document before, or after when new: true) and `lastErrorObject` (manual: findAndModify > Output). */
export const findAndModifyCommand: CommandSpec = {
  name: 'findAndModify',
  writes: true,
  aliases: ['findandmodify'],
  fields: ['query', 'sort', 'remove', 'update', 'new', 'fields', 'upsert', 'bypassDocumentValidation', 'arrayFilters', 'collation', 'hint', 'let'],
  inTransaction: true,
  run(context) {
    const { body } = context;
    const collection = body[Object.keys(body)[0]!];
    if (typeof collection !== 'string') throw new CommandError({ code: 73, message: 'collection name has invalid type' });
    const remove = body.remove === true;
    if (remove === (body.update !== undefined)) throw new CommandError({ code: 9, message: 'Either an update or remove=true must be specified' });
    if (remove && (body.upsert === true || body.new === true)) throw new CommandError({ code: 9, message: 'Cannot specify both an update and remove=true' });
    assertSimpleCollation(body.collation);
    assertNoVariables('findAndModify', body.let);
    assertHintExists(context, collection, body.hint);
    const filter = (body.query as Document | undefined) ?? {};
    const store = context.storeForWrite(collection);
    const sort = body.sort as Document | undefined;
    // The first document in sort order, from an index walk that stops at the first match when an index serves the sort.
    const [target] = store.findSorted(filter, sort, 1) ?? shapeResults(store.find(filter), { sort, limit: 1 });
    const fields = body.fields as Document | undefined;
    if (remove) {
      if (target) store.remove(target);
      return { lastErrorObject: { n: target ? 1 : 0 }, value: project(target ?? null, fields) };
    }
    const update = body.update as Document | Document[];
    const arrayFilters = body.arrayFilters as Document[] | undefined;
    if (!target) {
      if (body.upsert !== true) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null };
      const doc = buildUpsertDocument(filter, update, arrayFilters);
      store.insert(doc);
      return { lastErrorObject: { n: 1, updatedExisting: false, upserted: doc._id }, value: project(body.new === true ? doc : null, fields) };
    }
    const next = applyUpdate(target, update, { filter, inserting: false, arrayFilters });
    if (toValueKey(next) !== toValueKey(target)) store.replace(target, next);
    return { lastErrorObject: { n: 1, updatedExisting: true }, value: project(body.new === true ? next : target, fields) };
  },
};
