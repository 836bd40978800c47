/** @module queryCommands: find, getMore, killCursors, aggregate, count and distinct. */
import type { Document } from 'bson';
import { Aggregator, ProcessingMode } from 'mingo';
import { CommandError } from './command-error';
import type { CommandContext, CommandSpec } from './command-spec';
import { valuesAtPath } from './document-path';
import { assertHintExists, assertNoVariables, assertSimpleCollation, shapeResults } from './read-options';
import { toValueKey } from './value-key';

function collectionOf(context: CommandContext): string {
  const name = context.body[Object.keys(context.body)[0]!];
  if (typeof name !== 'string') throw new CommandError({ code: 73, message: `collection name has invalid type ${typeof name}` });
  return name;
}

function filterOf(filter: unknown): Document {
  if (filter !== undefined && (typeof filter !== 'object' || filter === null || Array.isArray(filter))) {
    throw new CommandError({ code: 14, message: "BSON field 'filter' is the wrong type, expected type 'object'" });
  }
  return (filter as Document | undefined) ?? {};
}

function matching(context: CommandContext, collection: string, filter: unknown): Document[] {
  return context.store(collection)?.find(filterOf(filter)) ?? [];
}

/** Options of find that would change results in ways the emulator does not implement; refused, not ignored. */
const UNSUPPORTED_FIND_OPTIONS = ['tailable', 'awaitData', 'oplogReplay', 'min', 'max', 'returnKey', 'showRecordId'];

const find: CommandSpec = {
  name: 'find',
  fields: ['filter', 'sort', 'projection', 'hint', 'skip', 'limit', 'batchSize', 'singleBatch', 'let', 'noCursorTimeout', 'allowPartialResults', 'collation', 'allowDiskUse', 'readOnce', ...UNSUPPORTED_FIND_OPTIONS],
  inTransaction: true,
  run(context) {
    const { body } = context;
    const unsupported = UNSUPPORTED_FIND_OPTIONS.filter((option) => body[option] !== undefined && body[option] !== false);
    if (unsupported.length > 0) throw new CommandError({ code: 115, message: `find option(s) ${unsupported.join(', ')} not supported by the MongoDB emulator` });
    assertSimpleCollation(body.collation);
    assertNoVariables('find', body.let);
    const collection = collectionOf(context);
    assertHintExists(context, collection, body.hint);
    const limit = Math.abs(Number(body.limit ?? 0));
    const skip = Number(body.skip ?? 0);
    const projection = body.projection as Document | undefined;
    const store = context.store(collection);
    // A limited find whose sort an index serves walks the index instead of sorting every match.
    const presorted = limit > 0 ? store?.findSorted(filterOf(body.filter), body.sort as Document | undefined, skip + limit) : undefined;
    const documents = presorted
      ? shapeResults(presorted, { skip, projection })
      : shapeResults(matching(context, collection, body.filter), { sort: body.sort as Document | undefined, skip, limit, projection });
    // A negative limit means "one batch only" (legacy semantics still honoured by find).
    const singleBatch = body.singleBatch === true || Number(body.limit ?? 0) < 0;
    const batchSize = body.batchSize === undefined ? undefined : Number(body.batchSize);
    return { cursor: context.emulator.cursors.open(`${context.db}.${collection}`, documents, singleBatch && batchSize === undefined ? documents.length : batchSize, singleBatch) };
  },
};

const getMore: CommandSpec = {
  name: 'getMore',
  fields: ['collection', 'batchSize'],
  inTransaction: true,
  run({ body, db, emulator }) {
    const batchSize = body.batchSize === undefined ? undefined : Number(body.batchSize);
    return { cursor: emulator.cursors.next(body.getMore as number, `${db}.${String(body.collection)}`, batchSize) };
  },
};

const killCursors: CommandSpec = {
  name: 'killCursors',
  fields: ['cursors'],
  inTransaction: true,
  run({ body, emulator }) {
    if (!Array.isArray(body.cursors)) throw new CommandError({ code: 14, message: "BSON field 'killCursors.cursors' is the wrong type, expected type 'array'" });
    return emulator.cursors.kill(body.cursors as number[]);
  },
};

/** Stages that write elsewhere or need server internals are refused instead of half-working. */
const REFUSED_STAGES = new Set(['$out', '$merge', '$changeStream', '$currentOp', '$collStats', '$indexStats', '$listSessions', '$planCacheStats', '$search', '$geoNear']);
/** Stages that never modify their input documents, so no defensive copy is needed. */
const READ_ONLY_STAGES = new Set(['$match', '$sort', '$skip', '$limit', '$count', '$group', '$sortByCount']);

/**
 * `$match` then `$sort` (then perhaps `$limit`) that an index serves: the matches come from an index walk already in
 * order (stopping at the limit), and the `$sort` stage is dropped, as mongod's planner absorbs it into the index scan.
 */
function presortedInput(context: CommandContext, collection: string, match: Document, rest: Document[]): { input: Document[]; stages: Document[] } | undefined {
  const [second, third] = rest;
  if (!second || !('$sort' in second)) return undefined;
  const limit = third && '$limit' in third && Number.isInteger(third.$limit) ? (third.$limit as number) : Number.MAX_SAFE_INTEGER;
  const input = context.store(collection)?.findSorted(match, second.$sort as Document, limit);
  return input ? { input, stages: rest.slice(1) } : undefined;
}

const aggregateCommand: CommandSpec = {
  name: 'aggregate',
  fields: ['pipeline', 'explain', 'allowDiskUse', 'cursor', 'bypassDocumentValidation', 'collation', 'hint', 'let'],
  inTransaction: true,
  run(context) {
    const { body } = context;
    if (typeof body.aggregate !== 'string') throw new CommandError({ code: 115, message: 'collection-less aggregation ({ aggregate: 1 }) is not supported by the MongoDB emulator' });
    if (!Array.isArray(body.pipeline)) throw new CommandError({ code: 14, message: "BSON field 'aggregate.pipeline' is the wrong type, expected type 'array'" });
    if (body.explain === true) throw new CommandError({ code: 115, message: 'explain is not supported by the MongoDB emulator' });
    if (body.cursor === undefined) throw new CommandError({ code: 9, message: "The 'cursor' option is required, except for aggregate with the explain argument" });
    assertSimpleCollation(body.collation);
    assertHintExists(context, body.aggregate, body.hint);
    const pipeline = body.pipeline as Document[];
    for (const stage of pipeline) {
      const name = Object.keys(stage)[0] ?? '';
      if (REFUSED_STAGES.has(name)) throw new CommandError({ code: 115, message: `${name} is not supported by the MongoDB emulator` });
    }
    // A leading $match runs through the collection's indexes before the rest of the pipeline.
    const [first, ...rest] = pipeline;
    const leadingMatch = first && '$match' in first ? (first.$match as Document) : undefined;
    const presorted = leadingMatch ? presortedInput(context, body.aggregate, leadingMatch, rest) : undefined;
    const input = presorted?.input ?? matching(context, body.aggregate, leadingMatch ?? {});
    const stages = presorted?.stages ?? (leadingMatch ? rest : pipeline);
    const readOnly = stages.every((stage) => READ_ONLY_STAGES.has(Object.keys(stage)[0] ?? ''));
    const aggregator = new Aggregator(stages, {
      processingMode: readOnly ? ProcessingMode.CLONE_OFF : ProcessingMode.CLONE_INPUT,
      collectionResolver: (name: string) => context.store(name)?.find({}) ?? [],
      ...(body.let ? { variables: body.let as Document } : {}),
    });
    const documents = aggregator.run(input) as Document[];
    const batchSize = (body.cursor as Document).batchSize as number | undefined;
    return { cursor: context.emulator.cursors.open(`${context.db}.${body.aggregate}`, documents, batchSize) };
  },
};

/** count is refused inside transactions by mongod too; drivers use aggregate for countDocuments. */
const count: CommandSpec = {
  name: 'count',
  fields: ['query', 'limit', 'skip', 'hint', 'collation', 'fields', 'readConcern'],
  run(context) {
    const { body } = context;
    assertSimpleCollation(body.collation);
    const collection = collectionOf(context);
    assertHintExists(context, collection, body.hint);
    const query = body.query as Document | undefined;
    const store = context.store(collection);
    let n = query && Object.keys(query).length > 0 ? matching(context, collection, query).length : (store?.count() ?? 0);
    n = Math.max(0, n - Number(body.skip ?? 0));
    const limit = Math.abs(Number(body.limit ?? 0));
    return { n: limit > 0 ? Math.min(n, limit) : n };
  },
};

/** Array values contribute their elements, as distinct documents (manual: distinct > "Array Fields"). */
const distinct: CommandSpec = {
  name: 'distinct',
  fields: ['key', 'query', 'collation', 'hint'],
  inTransaction: true,
  run(context) {
    const { body } = context;
    if (typeof body.key !== 'string') throw new CommandError({ code: 14, message: "BSON field 'distinct.key' is missing or the wrong type, expected type 'string'" });
    assertSimpleCollation(body.collation);
    const seen = new Map<string, unknown>();
    for (const doc of matching(context, collectionOf(context), body.query)) {
      for (const value of valuesAtPath(doc, body.key)) if (value !== undefined) seen.set(toValueKey(value), value);
    }
    return { values: [...seen.values()] };
  },
};

export const queryCommands: readonly CommandSpec[] = [find, getMore, killCursors, aggregateCommand, count, distinct];
