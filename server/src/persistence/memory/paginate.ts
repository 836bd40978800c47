/** @module paginate — one page of an already filtered and ordered list, with the total before paging. */
import type { Page } from '../../stores';

export function paginate<T>(items: T[], page: { offset: number; limit: number }): Page<T> {
  return { items: items.slice(page.offset, page.offset + page.limit), total: items.length };
}
