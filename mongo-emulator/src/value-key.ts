/** @module toValueKey: a canonical string per BSON value, equal exactly when MongoDB's equality match says so. */
import { Binary, Decimal128, Long, ObjectId, Timestamp } from 'bson';

/**
 * MongoDB compares numbers by value whatever their BSON type (int32, int64, double),
 * and compares embedded documents field by field in order; the key follows both rules.
 */
export function toValueKey(value: unknown): string {
  if (value === null || value === undefined) return 'z';
  switch (typeof value) {
    case 'number':
      return `n:${Object.is(value, -0) ? 0 : value}`;
    case 'string':
      return `s:${value}`;
    case 'boolean':
      return value ? 'b:1' : 'b:0';
    case 'bigint':
      return `n:${value}`;
    default:
      break;
  }
  if (value instanceof ObjectId) return `o:${value.toHexString()}`;
  if (value instanceof Date) return `d:${value.getTime()}`;
  if (Long.isLong(value)) return `n:${value.toString()}`;
  if (value instanceof Decimal128) return `n:${Number(value.toString())}`;
  if (value instanceof Timestamp) return `t:${value.toString()}`;
  if (value instanceof Binary) return `x:${value.sub_type}:${Buffer.from(value.buffer).toString('base64')}`;
  if (value instanceof RegExp) return `r:${value.source}/${value.flags}`;
  if (Array.isArray(value)) return `a:[${value.map(toValueKey).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}=${toValueKey(v)}`);
  return `O:{${entries.join(',')}}`;
}
