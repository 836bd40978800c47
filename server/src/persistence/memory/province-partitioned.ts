/**
 * @module provincePartitioned — province tenancy for the in-memory adapter (issue 18 item 2), in one place, as the
 * mongoose adapter has it in `province-scoped-plugin.ts`: a memory store is wrapped so that each province has an
 * instance of its own, and every call goes to the instance of the province the work runs in
 * (`currentProvinceScope()`, tenancy/province-scope.ts). Outside any scope that is the home province, so a
 * single-province deployment and every test that never names a province behave as before.
 *
 * - Writes (every method not declared a read) need a writing province: in a national scope they are refused
 *   (`ProvinceWriteRefused`), as the plugin refuses them.
 * - Reads in a national scope are answered across the provinces where that is meaningful, as MongoDB answers a query
 *   without a province filter: a read by id or key gives the first province's record found (`firstFound`; ids are
 *   random UUIDs, unique in the deployment); a list is merged in the store's own order (`sortedBy`, a `limit`
 *   argument applied after merging); a page asks each province for its first `offset + limit` records, merges them in
 *   the store's order and then applies `offset` and `limit`, summing the totals and any per-key counts (`pagedBy`).
 *   A read that cannot be answered honestly across provinces (one province's retention due list, which reads that
 *   province's dossiers) is refused with `NationalReadRefused` (`oneProvinceAtATime`).
 * - `withUndo(undo)` and `within(unit)` return views that are partitioned the same way: each province's view is its
 *   own instance's view, so a transaction's writes are undone in whichever province made them.
 * - A store that reads another (the step store reads its dossiers' facts) is given that store's instance of the
 *   same province (`partitionOf`), so even a national read never pairs one province's step with another's dossier.
 *
 * The wrapper is neutral about record fields: records carry no province here, the partition they live in says where.
 * Unlike MongoDB, whose `_id` index is one for the whole collection, the partitions do not share ids: the same id may
 * be created in two provinces in memory, and is refused (DuplicateKey) in the second one by MongoDB.
 *
 * @example
 * const drafts = provincePartitioned(MemoryDraftStore.nationalReads, () => new MemoryDraftStore());
 * await inProvince('79', async () => drafts.save(draft)); // stored in province 79's instance only
 */
import { currentProvinceScope, writingProvince } from '../../tenancy/province-scope';

/** How a read is answered in a national scope: what each province is asked, and how the answers are combined. */
export interface NationalRead {
  /** The arguments each province's instance is called with (default: the caller's). */
  ask?(args: unknown[]): unknown[];
  /** One answer from the answers of every province (in province-code order). */
  combine(answers: unknown[], args: unknown[], method: string): unknown;
}

/** The reads of a store and how each is answered nationally; every other method is a write. */
export type NationalReads<T> = { [K in keyof T]?: NationalRead };

/** Thrown when a read that only means something within one province runs in a national scope. */
export class NationalReadRefused extends Error {
  constructor(operation: string) {
    super(`${operation} reads one province at a time: run it inProvince(code, …)`);
    this.name = 'NationalReadRefused';
  }
}

/** Read by id or key: the first province holding it. */
export const firstFound: NationalRead = { combine: (answers) => answers.find((answer) => answer !== undefined) };

/** A list merged in the store's order; `limitAt`: the argument position of a `limit`, applied after merging. */
export function sortedBy<T>(compare: (a: T, b: T) => number, limitAt?: number): NationalRead {
  return {
    combine: (answers, args) => {
      const merged = (answers as T[][]).flat().sort(compare);
      const limit = limitAt === undefined ? undefined : (args[limitAt] as number);
      return limit === undefined ? merged : merged.slice(0, limit);
    },
  };
}

/**
 * A page (`{ items, total, …counts }`) merged in the store's order: the argument at `pageAt` is `{ offset, limit }`;
 * `compareOf` may read the other arguments (the urgency order depends on `now`). Totals and per-key counts are summed.
 */
export function pagedBy<T>(pageAt: number, compareOf: (args: unknown[]) => (a: T, b: T) => number): NationalRead {
  return {
    ask: (args) => {
      const { offset, limit } = args[pageAt] as { offset: number; limit: number };
      return args.map((arg, index) => (index === pageAt ? { offset: 0, limit: Math.min(offset + limit, Number.MAX_SAFE_INTEGER) } : arg));
    },
    combine: (answers, args) => {
      const { offset, limit } = args[pageAt] as { offset: number; limit: number };
      const pages = answers as ({ items: T[]; total: number } & Record<string, unknown>)[];
      const merged: Record<string, unknown> = {};
      for (const page of pages) {
        for (const [key, value] of Object.entries(page)) {
          if (key === 'items' || key === 'total') continue;
          const sums = (merged[key] ??= {}) as Record<string, number>;
          for (const [name, n] of Object.entries(value as Record<string, number>)) sums[name] = (sums[name] ?? 0) + n;
        }
      }
      const items = pages.flatMap((page) => page.items).sort(compareOf(args));
      return { items: items.slice(offset, offset + limit), total: pages.reduce((sum, page) => sum + page.total, 0), ...merged };
    },
  };
}

/** A read refused in a national scope. */
export const oneProvinceAtATime: NationalRead = {
  combine: (_answers, _args, method) => {
    throw new NationalReadRefused(method);
  },
};

/** Methods that return a view of the same store (a transaction's, a unit of work's), partitioned in turn. */
const VIEWS = new Set<PropertyKey>(['withUndo', 'within']);

interface Partitions<T> {
  name: string;
  of(provinceCode: string): T;
  provinceCodes(): string[];
}

const partitionsOf = new WeakMap<object, Partitions<object>>();

/**
 * Wraps a memory store: `create(provinceCode)` makes the instance of one province, on first use; `nationalReads`
 * names the reads (every other method is a write) and how each is answered in a national scope.
 */
export function provincePartitioned<T extends object>(nationalReads: NationalReads<T>, create: (provinceCode: string) => T): T {
  const instances = new Map<string, T>();
  const sample = create('00');
  const partitions: Partitions<T> = {
    name: sample.constructor.name,
    of(provinceCode) {
      let instance = instances.get(provinceCode);
      if (!instance) instances.set(provinceCode, (instance = create(provinceCode)));
      return instance;
    },
    provinceCodes: () => [...instances.keys()].sort(),
  };
  return scopedView(partitions, sample, nationalReads);
}

/** The instance of one province behind a partitioned store (for a store that reads another of the same province). */
export function partitionOf<T extends object>(store: T, provinceCode: string): T {
  const partitions = partitionsOf.get(store);
  if (!partitions) throw new Error('partitionOf: not a province-partitioned store');
  return partitions.of(provinceCode) as T;
}

function scopedView<T extends object>(partitions: Partitions<T>, sample: T, nationalReads: NationalReads<T>): T {
  const view = new Proxy(sample, {
    get(target, property) {
      const member = Reflect.get(target, property) as unknown;
      if (typeof member !== 'function') return member;
      const operation = `${partitions.name}.${String(property)}`;
      const call = (instance: T, args: unknown[]) => (instance as Record<PropertyKey, (...a: unknown[]) => unknown>)[property]!(...args);
      if (VIEWS.has(property)) {
        return (...args: unknown[]) => {
          const views = new Map<string, T>();
          const viewPartitions: Partitions<T> = {
            name: partitions.name,
            of(provinceCode) {
              let instance = views.get(provinceCode);
              if (!instance) views.set(provinceCode, (instance = call(partitions.of(provinceCode), args) as T));
              return instance;
            },
            provinceCodes: partitions.provinceCodes,
          };
          return scopedView(viewPartitions, call(sample, args) as T, nationalReads);
        };
      }
      const read = nationalReads[property as keyof T];
      // An async method refuses by rejecting, as the mongoose adapter's do; a synchronous one throws.
      const isAsync = member.constructor.name === 'AsyncFunction';
      const dispatch = (args: unknown[]): unknown => {
        const scope = currentProvinceScope(operation);
        if (scope.kind === 'province') return call(partitions.of(scope.provinceCode), args);
        if (!read) return call(partitions.of(writingProvince(operation)), args);
        const asked = read.ask ? read.ask(args) : args;
        const answers = partitions.provinceCodes().map((provinceCode) => call(partitions.of(provinceCode), asked));
        // Reads are async, except a store's synchronous lookups for another store (`factsOf`).
        if (answers.some((answer) => answer instanceof Promise)) return Promise.all(answers).then((all) => read.combine(all, args, operation));
        return read.combine(answers, args, operation);
      };
      return (...args: unknown[]) => {
        if (!isAsync) return dispatch(args);
        try {
          return dispatch(args);
        } catch (error) {
          return Promise.reject(error);
        }
      };
    },
  });
  partitionsOf.set(view, partitions as Partitions<object>);
  return view;
}

/**
 * A memory store class partitioned by province, each province's instance made with the same arguments.
 *
 * @example
 * const outbox = partitionedByProvince(MemoryOutboxStore, ['portal']);
 */
export function partitionedByProvince<T extends object, A extends unknown[]>(Store: { new (...args: A): T; readonly nationalReads: NationalReads<T> }, ...args: A): T {
  return provincePartitioned(Store.nationalReads, () => new Store(...args));
}
