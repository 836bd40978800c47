/**
 * @module pageWithTotal — a page of a query and the query's total, counting only when the page cannot tell it: a
 * page that is not full (and not past the end) ends the results, so the total is its offset plus its items. The
 * dossier command's read of its open steps, an inbox of a few steps, a first page of a short list: one round trip
 * instead of a find and a `countDocuments` (an aggregation) each time.
 */
import type { Page } from '../../stores';

export async function pageWithTotal<T>(page: { offset: number; limit: number }, items: () => Promise<T[]>, count: () => Promise<number>): Promise<Page<T>> {
  const found = await items();
  const ended = found.length < page.limit && (found.length > 0 || page.offset === 0);
  return { items: found, total: ended ? page.offset + found.length : await count() };
}
