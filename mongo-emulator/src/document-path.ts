/** @module valuesAtPath: the values a dotted path reaches in a document, descending into arrays as MongoDB does. */
import type { Document } from 'bson';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && (value.constructor === Object || Object.getPrototypeOf(value) === null);
}

/**
 * For an index key, an array value contributes each element (a "multikey" index) and a missing
 * field contributes null, as the MongoDB manual describes for multikey and sparse indexes.
 * Returns an empty array when the path does not exist at all.
 */
export function valuesAtPath(doc: Document, path: string): unknown[] {
  // Fast path for the common case: a top-level field holding a scalar.
  if (!path.includes('.')) {
    if (!(path in doc)) return [];
    const value = doc[path] as unknown;
    if (!Array.isArray(value)) return [value];
  }
  let current: unknown[] = [doc];
  for (const part of path.split('.')) {
    const next: unknown[] = [];
    for (const value of current) {
      if (Array.isArray(value)) {
        const index = Number(part);
        if (Number.isInteger(index) && String(index) === part && index < value.length) next.push(value[index]);
        for (const element of value) if (isPlainObject(element) && part in element) next.push(element[part]);
      } else if (isPlainObject(value) && part in value) {
        next.push(value[part]);
      }
    }
    current = next;
  }
  return current.flatMap((value) => (Array.isArray(value) ? (value.length === 0 ? [undefined] : value) : [value]));
}

/** Whether the path names a field in the document at all (sparse indexes skip documents where none does). */
export function hasPath(doc: Document, path: string): boolean {
  return valuesAtPath(doc, path).length > 0;
}

/** Whether following the path meets an array anywhere (the document makes an index on the path multikey). */
export function reachesArray(doc: Document, path: string): boolean {
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (Array.isArray(current)) return true;
    if (!isPlainObject(current) || !(part in current)) return false;
    current = current[part];
  }
  return Array.isArray(current);
}

export { isPlainObject };
