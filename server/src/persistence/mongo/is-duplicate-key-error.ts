/** @module isDuplicateKeyError — recognises MongoDB's E11000 so adapters can throw the port's DuplicateKey. */

/** The duplicate key error MongoDB reports (code 11000), and the fields of the index it hit when it says so. */
export function isDuplicateKeyError(error: unknown): error is { code: 11000; keyValue?: Record<string, unknown>; message: string } {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

/** Whether the duplicate key was on `field` (from `keyValue`, else from the message naming the index). */
export function duplicateOn(error: { keyValue?: Record<string, unknown>; message: string }, field: string): boolean {
  return error.keyValue ? field in error.keyValue : error.message.includes(field);
}
