/** @module ddlCommands: collections and indexes (create, drop, listCollections, createIndexes, listIndexes, dropIndexes). */
import type { Document } from 'bson';
import { compileFilter } from './compiled-filter';
import type { Collection } from './collection';
import { CommandError } from './command-error';
import type { CommandContext, CommandSpec } from './command-spec';
import { toValueKey } from './value-key';

/** create options the emulator would have to honour to be truthful; refused rather than silently ignored. */
const UNSUPPORTED_CREATE_OPTIONS = ['capped', 'size', 'max', 'validator', 'timeseries', 'viewOn', 'pipeline', 'clusteredIndex', 'collation', 'expireAfterSeconds', 'encryptedFields'];
const IGNORED_CREATE_OPTIONS = ['validationLevel', 'validationAction', 'storageEngine', 'indexOptionDefaults', 'changeStreamPreAndPostImages', 'idIndex', 'autoIndexId'];
const INDEX_SPEC_FIELDS = ['key', 'name', 'unique', 'sparse', 'partialFilterExpression', 'expireAfterSeconds', 'background', 'hidden', 'collation', 'weights', 'default_language', 'language_override', 'textIndexVersion', '2dsphereIndexVersion', 'bits', 'min', 'max', 'v', 'storageEngine', 'wildcardProjection', 'ns'];

function collectionName(context: CommandContext): string {
  const name = context.body[Object.keys(context.body)[0]!];
  if (typeof name !== 'string') throw new CommandError({ code: 73, message: `collection name has invalid type ${typeof name}` });
  return name;
}

function existing(context: CommandContext, message: (ns: string) => string): Collection {
  const name = collectionName(context);
  const collection = context.emulator.storage.getCollection(context.db, name);
  if (!collection) throw new CommandError({ code: 26, message: message(`${context.db}.${name}`) });
  return collection;
}

const create: CommandSpec = {
  name: 'create',
  writes: true,
  fields: [...UNSUPPORTED_CREATE_OPTIONS, ...IGNORED_CREATE_OPTIONS],
  inTransaction: true,
  run(context) {
    const name = collectionName(context);
    const unsupported = UNSUPPORTED_CREATE_OPTIONS.filter((option) => context.body[option] !== undefined);
    if (unsupported.length > 0) throw new CommandError({ code: 115, message: `create option(s) ${unsupported.join(', ')} not supported by the MongoDB emulator` });
    const options = Object.fromEntries(IGNORED_CREATE_OPTIONS.filter((o) => context.body[o] !== undefined).map((o) => [o, context.body[o]]));
    const current = context.emulator.storage.getCollection(context.db, name);
    // Since 7.0 re-creating a collection with identical options succeeds; different options are NamespaceExists.
    if (current) {
      if (toValueKey(current.options) === toValueKey(options)) return {};
      throw new CommandError({ code: 48, message: `Collection ${context.db}.${name} already exists.` });
    }
    context.emulator.storage.ensureCollection(context.db, name, options);
    return {};
  },
};

/** Dropping a missing collection succeeds since MongoDB 7.0. */
const drop: CommandSpec = {
  name: 'drop',
  writes: true,
  fields: [],
  run(context) {
    const name = collectionName(context);
    const collection = context.emulator.storage.getCollection(context.db, name);
    context.emulator.storage.dropCollection(context.db, name);
    return collection ? { ns: collection.namespace, nIndexesWas: collection.indexes.list().length } : {};
  },
};

const listCollections: CommandSpec = {
  name: 'listCollections',
  fields: ['filter', 'nameOnly', 'authorizedCollections', 'cursor'],
  run({ db, body, emulator }) {
    const all = emulator.storage.collectionsOf(db).map((collection) => ({
      name: collection.namespace.slice(db.length + 1),
      type: 'collection',
      options: collection.options,
      info: { readOnly: false, uuid: collection.uuid },
      idIndex: { v: 2, key: { _id: 1 }, name: '_id_' },
    }));
    const query = body.filter ? compileFilter(body.filter as Document) : undefined;
    const filtered = query ? all.filter((entry) => query.test(entry)) : all;
    const entries = body.nameOnly === true ? filtered.map(({ name, type }) => ({ name, type })) : filtered;
    return { cursor: emulator.cursors.open(`${db}.$cmd.listCollections`, entries, (body.cursor as Document | undefined)?.batchSize as number | undefined) };
  },
};

function validateIndexSpec(spec: Document): void {
  for (const field of Object.keys(spec)) {
    if (!INDEX_SPEC_FIELDS.includes(field)) {
      throw new CommandError({ code: 197, message: `The field '${field}' is not valid for an index specification. Specification: ${JSON.stringify(spec)}` });
    }
  }
  if (typeof spec.key !== 'object' || spec.key === null || Object.keys(spec.key as Document).length === 0) {
    throw new CommandError({ code: 67, message: 'Index keys cannot be empty.' });
  }
  if (typeof spec.name !== 'string' || spec.name.length === 0) throw new CommandError({ code: 9, message: "The 'name' field is a required property of an index specification" });
  if (spec.collation !== undefined) throw new CommandError({ code: 115, message: 'index collation is not supported by the MongoDB emulator' });
}

const createIndexes: CommandSpec = {
  name: 'createIndexes',
  writes: true,
  fields: ['indexes', 'commitQuorum'],
  inTransaction: true,
  run(context) {
    const name = collectionName(context);
    const specs = context.body.indexes;
    if (!Array.isArray(specs) || specs.length === 0) throw new CommandError({ code: 2, message: 'Must specify at least one index to create' });
    for (const spec of specs as Document[]) validateIndexSpec(spec);
    const createdCollectionAutomatically = !context.emulator.storage.getCollection(context.db, name);
    const collection = context.emulator.storage.ensureCollection(context.db, name);
    const numIndexesBefore = collection.indexes.list().length;
    let created = 0;
    for (const spec of specs as Document[]) {
      // background and ns are accepted for old clients and meaningless since MongoDB 4.2.
      const rest = Object.fromEntries(Object.entries(spec).filter(([field]) => field !== 'background' && field !== 'ns'));
      if (collection.indexes.create(rest, collection.docs.entries()) === 'created') created += 1;
    }
    return {
      numIndexesBefore,
      numIndexesAfter: collection.indexes.list().length,
      createdCollectionAutomatically,
      ...(created === 0 ? { note: 'all indexes already exist' } : {}),
    };
  },
};

const listIndexes: CommandSpec = {
  name: 'listIndexes',
  fields: ['cursor'],
  run(context) {
    const collection = existing(context, (ns) => `ns does not exist: ${ns}`);
    const specs = collection.indexes.list().map((index) => index.spec);
    return { cursor: context.emulator.cursors.open(collection.namespace, specs, (context.body.cursor as Document | undefined)?.batchSize as number | undefined) };
  },
};

/** index may be a name, "*", a key pattern or an array of names (manual: dropIndexes). */
const dropIndexes: CommandSpec = {
  name: 'dropIndexes',
  writes: true,
  fields: ['index'],
  run(context) {
    const collection = existing(context, (ns) => `ns not found ${ns}`);
    const nIndexesWas = collection.indexes.list().length;
    const target = context.body.index;
    if (target === '*') collection.indexes.dropAll();
    else if (typeof target === 'string') collection.indexes.drop(target);
    else if (Array.isArray(target)) for (const name of target as string[]) collection.indexes.drop(name);
    else if (typeof target === 'object' && target !== null) {
      const match = collection.indexes.list().find((index) => toValueKey(index.spec.key) === toValueKey(target));
      if (!match) throw new CommandError({ code: 27, message: `can't find index with key: ${JSON.stringify(target)}` });
      collection.indexes.drop(match.name);
    } else throw new CommandError({ code: 14, message: "BSON field 'dropIndexes.index' is the wrong type" });
    return { nIndexesWas };
  },
};

export const ddlCommands: readonly CommandSpec[] = [create, drop, listCollections, createIndexes, listIndexes, dropIndexes];
