/** @module read-options: checks shared by reads (hint, collation) and the find-style sort/skip/limit/projection. */
import type { Document } from 'bson';
import { Query } from 'mingo';
import { CommandError } from './command-error';
import type { CommandContext } from './command-spec';
import { toValueKey } from './value-key';

/** Collation changes string comparison, which mingo cannot follow faithfully here: only the default "simple" is accepted. */
export function assertSimpleCollation(collation: unknown): void {
  if (collation === undefined) return;
  const locale = (collation as Document | null)?.locale;
  if (locale !== 'simple') throw new CommandError({ code: 115, message: 'collation is not supported by the MongoDB emulator (only { locale: "simple" })' });
}

/** `let`/`c` variables are honoured only by aggregate; elsewhere they are refused rather than silently dropped. */
export function assertNoVariables(command: string, variables: unknown): void {
  if (variables === undefined || (typeof variables === 'object' && variables !== null && Object.keys(variables).length === 0)) return;
  throw new CommandError({ code: 115, message: `let variables are not supported by the MongoDB emulator for ${command}` });
}

/** mongod refuses a hint naming no existing index (error 2, "hint provided does not correspond to an existing index"). */
export function assertHintExists(context: CommandContext, collection: string, hint: unknown): void {
  if (hint === undefined) return;
  if (typeof hint === 'object' && hint !== null && Object.keys(hint).length === 0) return;
  if (typeof hint === 'object' && hint !== null && '$natural' in hint) return;
  const indexes = context.emulator.storage.getCollection(context.db, collection)?.indexes.list() ?? [];
  const found = typeof hint === 'string' ? indexes.some((index) => index.name === hint) : indexes.some((index) => toValueKey(index.spec.key) === toValueKey(hint));
  if (!found) throw new CommandError({ code: 2, message: 'error processing query: planner returned error :: caused by :: hint provided does not correspond to an existing index' });
}

export interface FindShape {
  sort?: Document;
  skip?: number;
  limit?: number;
  projection?: Document;
}

/** Sort, then skip and limit, then project, in the order find applies them. */
export function shapeResults(documents: Document[], shape: FindShape): Document[] {
  const hasProjection = shape.projection !== undefined && Object.keys(shape.projection).length > 0;
  let cursor = new Query({}).find<Document>(documents, hasProjection ? shape.projection : undefined);
  if (shape.sort && Object.keys(shape.sort).length > 0) cursor = cursor.sort(shape.sort as Record<string, 1 | -1>);
  if (shape.skip) cursor = cursor.skip(shape.skip);
  if (shape.limit) cursor = cursor.limit(shape.limit);
  const results = cursor.all();
  return hasProjection ? results.map(idFirst) : results;
}

/** mongod keeps `_id` as the first field of a projected document; mingo appends it last. */
function idFirst(doc: Document): Document {
  if (!('_id' in doc) || Object.keys(doc)[0] === '_id') return doc;
  const { _id, ...rest } = doc;
  return { _id, ...rest };
}
