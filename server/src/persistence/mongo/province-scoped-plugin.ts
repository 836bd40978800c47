/**
 * @module province-scoped-plugin — confines every operation of a mongoose model to the current province
 * (tenancy/province-scope.ts; issue 18 item 2). Applied last in each model file, after its indexes are declared:
 *
 * - the schema gains a required `provinceCode`, and every index declared so far is prefixed by it (a unique index must
 *   start with the shard key, docs/production.md "A national deployment: sharding"), so a province's queries stay on
 *   its shard and one province's unique keys never collide with another's; TTL indexes stay single-field, as MongoDB
 *   requires for them to expire anything;
 * - every query (find, count, update, delete, distinct, findOneAnd…) gets `provinceCode` in its filter, every
 *   aggregation starts with `$match: { provinceCode }`, every new document (save, create, insertMany, bulkWrite
 *   inserts and upserts) is stamped with it; a document naming another province is refused;
 * - in a national scope reads see every province and writes are refused;
 * - `estimatedDocumentCount` (which takes no filter) is refused inside a province.
 *
 * Written here rather than taken from a multi-tenancy plugin on npm: the ones published (mongo-tenant,
 * mongoose-multitenant) are unmaintained, predate mongoose 9's middleware and keep one collection per tenant or
 * a tenant-bound model per request, while this deployment needs one collection sharded by province.
 * The raw driver (`Model.collection`, GridFS) bypasses middleware: adapters that use it put `provinceFilter()` in
 * their filters themselves.
 */
import type { Schema } from 'mongoose';
import { currentProvinceScope, provinceFilter, ProvinceWriteRefused, writingProvince } from '../../tenancy/province-scope';

const READS = ['find', 'findOne', 'countDocuments', 'distinct'] as const;
const RESULTS = ['find', 'findOne', 'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace'] as const;
const WRITES = ['updateOne', 'updateMany', 'replaceOne', 'deleteOne', 'deleteMany', 'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace'] as const;

/** The province a new document belongs to: the writing scope's; a document naming another one is refused. */
function stamp(document: Record<string, unknown>, operation: string): void {
  const provinceCode = writingProvince(operation);
  if (document.provinceCode !== undefined && document.provinceCode !== provinceCode) {
    throw new ProvinceWriteRefused(operation, `the document belongs to province ${String(document.provinceCode)}, this work acts in ${provinceCode}`);
  }
  document.provinceCode = provinceCode;
}

/** A filter confined to `provinceCode`; a filter already naming another province matches nothing. */
function confine(filter: Record<string, unknown>, provinceCode: string): Record<string, unknown> {
  if (filter.provinceCode === undefined || filter.provinceCode === provinceCode) return { ...filter, provinceCode };
  return { $and: [filter, { provinceCode }] };
}

interface BulkOperation {
  insertOne?: { document: Record<string, unknown> };
  updateOne?: { filter: Record<string, unknown> };
  updateMany?: { filter: Record<string, unknown> };
  replaceOne?: { filter: Record<string, unknown>; replacement: Record<string, unknown> };
  deleteOne?: { filter: Record<string, unknown> };
  deleteMany?: { filter: Record<string, unknown> };
}

export interface ProvinceScopedOptions {
  /**
   * Indexes (named by their first field) kept national rather than prefixed: a username is unique in the whole
   * deployment, because sign-in comes before anyone knows the province.
   */
  nationalIndexes?: string[];
  /**
   * Keep `provinceCode` in the records read (users and agencies): for them the province is a field of the domain
   * record, since sign-in finds a user across every province and the request then acts in the province it names.
   */
  exposeProvince?: boolean;
}

/** Every aggregation starts with `$match: { provinceCode }` inside a province. */
const confineAggregation = function (this: { pipeline(): Record<string, unknown>[] }) {
  const filter = provinceFilter('An aggregation');
  if (filter.provinceCode !== undefined) this.pipeline().unshift({ $match: { provinceCode: filter.provinceCode } });
} as never;

export function provinceScopedPlugin(schema: Schema, options: ProvinceScopedOptions = {}): void {
  const indexes = schema.indexes();
  schema.clearIndexes();
  schema.add({ provinceCode: { type: String, required: true } });
  for (const [fields, indexOptions] of indexes) {
    const { provinceCode: _ignored, ...rest } = fields as Record<string, unknown>;
    // A TTL index must have one field (MongoDB ignores `expireAfterSeconds` on a compound one): kept as declared.
    const ttl = (indexOptions as { expireAfterSeconds?: number } | undefined)?.expireAfterSeconds !== undefined;
    const national = ttl || (options.nationalIndexes?.includes(Object.keys(rest)[0] ?? '') ?? false);
    schema.index((national ? fields : { provinceCode: 1, ...rest }) as never, indexOptions);
  }
  // The shard key of a collection without a dossier key, and the sweeps' way into a province.
  schema.index({ provinceCode: 1, _id: 1 });

  schema.pre(READS as never, function (this: { model: { modelName: string }; getFilter(): Record<string, unknown>; setQuery(q: Record<string, unknown>): void; op?: string }) {
    const operation = `${this.model.modelName}.${this.op ?? 'read'}`;
    const scope = currentProvinceScope(operation);
    if (scope.kind === 'province') this.setQuery(confine(this.getFilter(), scope.provinceCode));
  } as never);

  schema.pre(WRITES as never, function (this: { model: { modelName: string }; getFilter(): Record<string, unknown>; setQuery(q: Record<string, unknown>): void; getUpdate(): unknown; setUpdate(u: unknown): void; op?: string }) {
    const operation = `${this.model.modelName}.${this.op ?? 'write'}`;
    const provinceCode = writingProvince(operation);
    this.setQuery(confine(this.getFilter(), provinceCode));
    const update = this.getUpdate() as Record<string, unknown> | null;
    // A replacement keeps the document in its province (the filter already confines which one it replaces).
    if ((this.op === 'replaceOne' || this.op === 'findOneAndReplace') && update) {
      stamp(update, operation);
      return;
    }
    // A replacement document, or a $set naming a province, may not move the document to another one.
    if (update && typeof update === 'object' && !Array.isArray(update)) {
      const set = (update.$set ?? (Object.keys(update).some((key) => key.startsWith('$')) ? undefined : update)) as Record<string, unknown> | undefined;
      if (set && set.provinceCode !== undefined && set.provinceCode !== provinceCode) {
        throw new ProvinceWriteRefused(operation, `an update may not move a document to province ${String(set.provinceCode)}`);
      }
    }
  } as never);

  schema.pre('estimatedDocumentCount', function (this: { model: { modelName: string } }) {
    if (currentProvinceScope().kind === 'province') throw new ProvinceWriteRefused(`${this.model.modelName}.estimatedDocumentCount`, 'counts every province: use countDocuments');
  } as never);

  // 'validate' runs before 'save' checks the required field.
  schema.pre('validate', function (this: Record<string, unknown> & { constructor: { modelName: string } }) {
    stamp(this, `${this.constructor.modelName}.save`);
  } as never);

  schema.pre('insertMany', function (this: { modelName: string }, ...args: unknown[]) {
    const docs = args.find((arg) => Array.isArray(arg) || (arg !== null && typeof arg === 'object' && typeof arg !== 'function'));
    for (const doc of Array.isArray(docs) ? docs : docs ? [docs] : []) stamp(doc as Record<string, unknown>, `${this.modelName}.insertMany`);
  } as never);

  schema.pre('bulkWrite', function (this: { modelName: string }, ...args: unknown[]) {
    const ops = args.find(Array.isArray) as BulkOperation[] | undefined;
    const operation = `${this.modelName}.bulkWrite`;
    const provinceCode = writingProvince(operation);
    for (const op of ops ?? []) {
      if (op.insertOne) stamp(op.insertOne.document, operation);
      for (const write of [op.updateOne, op.updateMany, op.deleteOne, op.deleteMany, op.replaceOne]) {
        if (write) write.filter = confine(write.filter, provinceCode);
      }
      if (op.replaceOne) stamp(op.replaceOne.replacement, operation);
    }
  } as never);

  schema.pre('aggregate', confineAggregation);

  // Records are the domain's, province-free: the scope, not the record, says where they live. Lean results lose the
  // field here; documents lose it when turned into plain objects. Users and agencies keep it (`exposeProvince`).
  if (options.exposeProvince) return;
  schema.post(RESULTS as never, function (result: unknown) {
    for (const doc of Array.isArray(result) ? result : [result]) {
      if (doc !== null && typeof doc === 'object' && !('$__' in doc)) delete (doc as Record<string, unknown>).provinceCode;
    }
  } as never);
  const dropProvince = (_doc: unknown, plain: Record<string, unknown>) => {
    delete plain.provinceCode;
    return plain;
  };
  schema.set('toObject', { ...(schema.get('toObject') ?? {}), transform: dropProvince });
  schema.set('toJSON', { ...(schema.get('toJSON') ?? {}), transform: dropProvince });
}
