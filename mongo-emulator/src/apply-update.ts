/** @module applyUpdate: one document through an update document, a replacement or an update pipeline (via mingo). */
import { BSON, ObjectId, type Document } from 'bson';
import { aggregate, updateOne } from 'mingo';
import { CommandError } from './command-error';
import { isPlainObject } from './document-path';
import { toValueKey } from './value-key';

/** Update operators of the manual's "Update Operators" page that mingo implements, plus $setOnInsert handled here. */
const OPERATORS = new Set(['$set', '$unset', '$inc', '$mul', '$min', '$max', '$rename', '$currentDate', '$push', '$pull', '$pullAll', '$addToSet', '$pop', '$bit', '$setOnInsert']);

/** A deep copy keeping BSON types (ObjectId, Binary, Date …), so stored documents are never changed in place. */
export function cloneDocument(doc: Document): Document {
  return BSON.deserialize(BSON.serialize(doc));
}

export type UpdateKind = 'operators' | 'replacement' | 'pipeline';

/** Classifies `u`; mixing operators and plain fields is refused as mongod does. */
export function updateKindOf(update: unknown): UpdateKind {
  if (Array.isArray(update)) return 'pipeline';
  if (!isPlainObject(update)) throw new CommandError({ code: 9, message: 'Update argument must be either an object or an array' });
  const keys = Object.keys(update);
  const operators = keys.filter((key) => key.startsWith('$'));
  if (operators.length === 0) return 'replacement';
  if (operators.length !== keys.length) {
    const plain = keys.find((key) => !key.startsWith('$'));
    throw new CommandError({ code: 9, message: `Unknown modifier: ${plain}. Expected a valid update modifier or pipeline-style update specified as an array` });
  }
  for (const operator of operators) {
    if (!OPERATORS.has(operator)) {
      throw new CommandError({ code: 9, message: `Unknown modifier: ${operator}. Expected a valid update modifier or pipeline-style update specified as an array` });
    }
  }
  return 'operators';
}

export interface UpdateOptions {
  arrayFilters?: Document[];
  /** The statement's filter, which resolves the positional `$` operator. */
  filter: Document;
  /** True while building the document an upsert inserts: $setOnInsert applies only then. */
  inserting: boolean;
}

/** Returns the updated copy; `_id` may not change (manual: "_id Field": ImmutableField, code 66). */
export function applyUpdate(doc: Document, update: Document | Document[], options: UpdateOptions): Document {
  const kind = updateKindOf(update);
  let next: Document;
  if (kind === 'replacement') {
    next = { ...(doc._id !== undefined ? { _id: doc._id } : {}), ...cloneDocument(update as Document) };
  } else if (kind === 'pipeline') {
    next = aggregate([cloneDocument(doc)], update as Document[])[0] ?? {};
  } else {
    const { $setOnInsert, ...modifier } = update as Document;
    if (options.inserting && $setOnInsert) modifier.$set = { ...(modifier.$set as Document | undefined), ...($setOnInsert as Document) };
    const documents = [cloneDocument(doc)];
    if (Object.keys(modifier).length > 0) {
      updateOne(documents, options.inserting ? {} : options.filter, modifier, { arrayFilters: options.arrayFilters ?? [] });
    }
    next = documents[0]!;
  }
  if (next._id === undefined && doc._id !== undefined) next = { _id: doc._id, ...next };
  if (doc._id !== undefined && toValueKey(next._id) !== toValueKey(doc._id)) {
    throw new CommandError({ code: 66, message: `Performing an update on the path '_id' would modify the immutable field '_id'` });
  }
  return next;
}

function setPath(target: Document, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(node[part])) node[part] = {};
    node = node[part] as Document;
  }
  node[parts[parts.length - 1]!] = value;
}

/** Equality conditions of a filter become fields of the inserted document (manual: "Upsert with Dotted _id Query" and "upsert: true"). */
function collectEqualities(filter: Document, into: Document): void {
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const part of condition as Document[]) collectEqualities(part, into);
    } else if (!field.startsWith('$')) {
      if (isPlainObject(condition) && Object.keys(condition).some((key) => key.startsWith('$'))) {
        if ('$eq' in condition) setPath(into, field, condition.$eq);
      } else {
        setPath(into, field, condition);
      }
    }
  }
}

/** The document an upsert inserts when nothing matched. */
export function buildUpsertDocument(filter: Document, update: Document | Document[], arrayFilters?: Document[]): Document {
  const seed: Document = {};
  collectEqualities(filter, seed);
  const kind = updateKindOf(update);
  const base = kind === 'replacement' ? { ...(seed._id !== undefined ? { _id: seed._id } : {}) } : seed;
  const result = applyUpdate(base, update, { filter, inserting: true, arrayFilters });
  const { _id, ...rest } = result;
  return { _id: _id ?? new ObjectId(), ...rest };
}
