/** @module compareBsonValues: MongoDB's comparison order across BSON types, used to keep index entries sorted. */
import { Binary, Decimal128, Long, MaxKey, MinKey, ObjectId, Timestamp } from 'bson';
import { toValueKey } from './value-key';

/** Rank of each BSON type in MongoDB's documented comparison order (MinKey < null < numbers < strings < … < MaxKey). */
export function bsonTypeRank(value: unknown): number {
  if (value instanceof MinKey) return 1;
  if (value === null || value === undefined) return 2;
  if (typeof value === 'number' || typeof value === 'bigint' || Long.isLong(value) || value instanceof Decimal128) return 3;
  if (typeof value === 'string') return 4;
  if (Array.isArray(value)) return 6;
  if (value instanceof Binary) return 7;
  if (value instanceof ObjectId) return 8;
  if (typeof value === 'boolean') return 9;
  if (value instanceof Date) return 10;
  if (value instanceof Timestamp) return 11;
  if (value instanceof RegExp) return 12;
  if (value instanceof MaxKey) return 13;
  return 5;
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (Long.isLong(value)) return value.toNumber();
  return Number(String(value));
}

function simple<T extends number | string>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Negative, zero or positive as `a` sorts before, with or after `b`. */
export function compareBsonValues(a: unknown, b: unknown): number {
  // Fast paths for the usual index values: two dates, two numbers, two strings.
  if (a instanceof Date && b instanceof Date) return simple(a.getTime(), b.getTime());
  if (typeof a === 'number' && typeof b === 'number') return simple(a, b);
  if (typeof a === 'string' && typeof b === 'string') return simple(a, b);
  const rankA = bsonTypeRank(a);
  const rankB = bsonTypeRank(b);
  if (rankA !== rankB) return rankA - rankB;
  switch (rankA) {
    case 2:
      return 0;
    case 3:
      return simple(toNumber(a), toNumber(b));
    case 4:
      return simple(a as string, b as string);
    case 8:
      return Buffer.compare((a as ObjectId).id, (b as ObjectId).id);
    case 9:
      return simple(Number(a), Number(b));
    case 10:
      return simple((a as Date).getTime(), (b as Date).getTime());
    case 11:
      return (a as Timestamp).compare(b as Timestamp);
    default:
      return simple(toValueKey(a), toValueKey(b));
  }
}
