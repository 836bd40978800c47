/** @module duplicateKeyError: the E11000 error mongod reports when a unique index would hold a key twice. */
import { Binary, ObjectId, type Document } from 'bson';
import { CommandError } from './command-error';

function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof ObjectId) return `ObjectId('${value.toHexString()}')`;
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (value instanceof Binary) return `BinData(${value.sub_type}, ${Buffer.from(value.buffer).toString('hex').toUpperCase()})`;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[ ${value.map(formatValue).join(', ')} ]`;
  if (typeof value === 'object' && value.constructor === Object) return formatDocument(value as Document);
  return String(value);
}

function formatDocument(doc: Document): string {
  const parts = Object.entries(doc).map(([k, v]) => `${k}: ${formatValue(v)}`);
  return parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`;
}

/**
 * Same text and fields as mongod 7.0:
 * `E11000 duplicate key error collection: db.coll index: name dup key: { field: value }`, with keyPattern and keyValue.
 */
export function duplicateKeyError(options: { namespace: string; indexName: string; keyPattern: Document; keyValue: Document }): CommandError {
  return new CommandError({
    code: 11000,
    message: `E11000 duplicate key error collection: ${options.namespace} index: ${options.indexName} dup key: ${formatDocument(options.keyValue)}`,
    details: { keyPattern: options.keyPattern, keyValue: options.keyValue },
  });
}
