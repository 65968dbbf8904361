import { sortValueOf, type ListColumn } from '../../../src-shared/contract/peopleColumns';
import { sortRows, type ListSort } from '../../../src-shared/domain/listSort';

/**
 * One page of a list sorted by a column the user clicked. The rows come whole (one school's pupils
 * or staff: a few thousand narrow rows) and are ordered by the same comparer the screen uses — Russian
 * collation, numbers and dates by value, empty last, ties by id — so the order is the same on SQLite
 * and PostgreSQL, whatever their collations, and holds across pages.
 */
export function sortedPage<R extends { id: string }>(rows: readonly R[], columns: readonly ListColumn<R>[], sort: ListSort, page: { offset?: number; limit?: number }): R[] {
  const column = columns.find((c) => c.key === sort.column);
  // The contract admits only the list's own columns; an unknown one here is a programming slip.
  if (!column) throw new Error(`sortedPage: no column ${sort.column}`);
  const from = page.offset ?? 0;
  const sorted = sortRows(rows, sortValueOf(column), sort.direction, (r) => r.id);
  return sorted.slice(from, page.limit === undefined ? undefined : from + page.limit);
}
