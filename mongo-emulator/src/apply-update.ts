/** @module applyUpdate: one document through an update document, a replacement or an update pipeline (via mingo). */
import { BSON, ObjectId, type Document } from 'bson';
import { aggregate } from 'mingo';
import { updateOne } from 'mingo/updater';
import { CommandError } from './command-error';
import { filterContext } from './compiled-filter';
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
    const simple = options.arrayFilters?.length ? undefined : applyPlainOperators(doc, modifier);
    if (simple) {
      next = simple;
    } else {
      const documents = [cloneDocument(doc)];
      if (Object.keys(modifier).length > 0) {
        const filter = options.inserting ? {} : options.filter;
        const arrayFilters = options.arrayFilters ?? [];
        updateOne(documents, filter, modifier, { arrayFilters }, { context: filterContext(filter, arrayFilters, modifier) });
      }
      next = documents[0]!;
    }
  }
  if (next._id === undefined && doc._id !== undefined) next = { _id: doc._id, ...next };
  if (doc._id !== undefined && toValueKey(next._id) !== toValueKey(doc._id)) {
    throw new CommandError({ code: 66, message: `Performing an update on the path '_id' would modify the immutable field '_id'` });
  }
  return next;
}

/** Operators applied here, on plain field paths; the rest (and any harder path) go through mingo. */
const PLAIN_OPERATORS = new Set(['$set', '$unset', '$inc', '$max', '$min', '$push', '$addToSet']);

/** mongod's limit on the nesting of a document (manual: "Nested Depth for BSON Documents"); deeper paths go to mingo. */
const MAX_PATH_PARTS = 100;

/** A field name, not an array index, a positional operator or an inherited property. */
function isPlainPart(part: string): boolean {
  return part !== '' && !part.startsWith('$') && !/^\d+$/.test(part) && part !== '__proto__';
}

/**
 * `$set`, `$unset`, `$inc`, `$max`, `$min` and the one-value forms of `$push` and `$addToSet`, on field paths through
 * plain subdocuments, applied here rather than through mingo's `updateOne`, which sets up its operator context afresh
 * on every call (with the filters' compile, a sixth of the emulator's time under load: bench/README.md, "Load").
 * These are what the counters, rollups, timers and notes of a dossier command send. Undefined (and mingo takes it,
 * as before) when any path has an array index, a positional part or an array or scalar on its way, when one path
 * contains another (mongod refuses those, code 40), when `$inc`, `$max` or `$min` meet a value that is not a number,
 * when `$push` or `$addToSet` carry modifiers (`$each` …) or meet a value that is not an array. Only the subdocuments
 * on the paths are copied: stored documents are never changed in place, so the rest can be shared.
 */
function applyPlainOperators(doc: Document, modifier: Document): Document | undefined {
  const paths: string[] = [];
  for (const [operator, fields] of Object.entries(modifier)) {
    if (!PLAIN_OPERATORS.has(operator) || !isPlainObject(fields)) return undefined;
    for (const path of Object.keys(fields)) {
      const parts = path.split('.');
      if (parts.length > MAX_PATH_PARTS || !parts.every(isPlainPart)) return undefined;
      paths.push(path);
    }
  }
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i += 1) {
    if (sorted[i] === sorted[i - 1] || sorted[i]!.startsWith(`${sorted[i - 1]}.`)) return undefined;
  }
  const next: Document = { ...doc };
  for (const [operator, fields] of Object.entries(modifier)) {
    for (const [path, value] of Object.entries(fields as Document)) {
      if (!applyAtPath(next, path.split('.'), operator, value)) return undefined;
    }
  }
  return next;
}

/** One operator at one path of `root` (a copy whose containers on the path are copied on the way); false to give up. */
function applyAtPath(root: Document, parts: string[], operator: string, value: unknown): boolean {
  let node = root;
  for (const part of parts.slice(0, -1)) {
    const child = node[part];
    if (child === undefined) {
      if (operator === '$unset') return true;
      node[part] = {};
    } else if (isPlainObject(child)) {
      node[part] = { ...child };
    } else {
      return false;
    }
    node = node[part] as Document;
  }
  const field = parts[parts.length - 1]!;
  const current = node[field];
  switch (operator) {
    case '$unset':
      delete node[field];
      return true;
    case '$set':
      node[field] = copyOf(value);
      return true;
    case '$inc':
    case '$max':
    case '$min': {
      if (typeof value !== 'number' || Number.isNaN(value)) return false; // NaN orders below every number in BSON
      if (current !== undefined && (typeof current !== 'number' || Number.isNaN(current))) return false;
      if (current === undefined) node[field] = value;
      else if (operator === '$inc') node[field] = current + value;
      else if (operator === '$max' ? value > current : value < current) node[field] = value;
      return true;
    }
    default: {
      // $push and $addToSet of one value; their modifiers ($each, $sort, $slice, $position) go to mingo.
      if (isPlainObject(value) && Object.keys(value).some((key) => key.startsWith('$'))) return false;
      if (current !== undefined && !Array.isArray(current)) return false;
      const items = (current ?? []) as unknown[];
      if (operator === '$addToSet' && items.some((item) => toValueKey(item) === toValueKey(value))) return true;
      node[field] = [...items, copyOf(value)];
      return true;
    }
  }
}

/** A value of the update document as stored: objects copied (BSON types kept), so no two documents share one. */
function copyOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? cloneDocument({ value }).value : value;
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
