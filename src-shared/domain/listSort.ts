/**
 * Sorting a list by one column, the same on the screen and on the server (issue 24: «sort by any
 * column on every list»). Russian collation — «Ё» beside «Е», case ignored, «10А» after «9Б» because
 * numbers inside text compare as numbers; numbers as numbers; ISO dates as dates (their text order is
 * their time order); an empty cell last whichever the direction, so a reversed list does not start
 * with a screen of blanks.
 */
export type SortDirection = 'asc' | 'desc';

export interface ListSort {
  column: string;
  direction: SortDirection;
}

/** A cell's value as it sorts; `null`, `undefined` and blank text are «empty». */
export type SortValue = string | number | boolean | null | undefined;

const collator = new Intl.Collator('ru', { numeric: true, sensitivity: 'accent' });

const isEmpty = (v: SortValue): v is null | undefined | '' => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Ascending order of two non-empty values: numbers and booleans by value, text by Russian collation. */
function compareFilled(a: Exclude<SortValue, null | undefined>, b: Exclude<SortValue, null | undefined>): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const byText = collator.compare(String(a), String(b));
  // «Иванов» and «иванов» are equal to a case-blind collator; their code points decide, so the order
  // does not depend on how the rows arrived.
  return byText !== 0 ? byText : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/**
 * Compare two cells for `direction`: the result is already in the list's order (negative — `a`
 * first), with empty cells last in both directions.
 */
export function compareCells(a: SortValue, b: SortValue, direction: SortDirection = 'asc'): number {
  const ea = isEmpty(a);
  const eb = isEmpty(b);
  if (ea || eb) return ea === eb ? 0 : ea ? 1 : -1;
  const c = compareFilled(a, b);
  return direction === 'asc' ? c : -c;
}

/**
 * A sorted copy of `rows` by the value `valueOf` gives; ties keep a stable final order by `idOf`
 * (ascending whatever the direction), so a page boundary never shows a row twice or loses one.
 */
export function sortRows<R>(rows: readonly R[], valueOf: (row: R) => SortValue, direction: SortDirection, idOf: (row: R) => string): R[] {
  const keyed = rows.map((row) => ({ row, v: valueOf(row), id: idOf(row) }));
  keyed.sort((x, y) => compareCells(x.v, y.v, direction) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return keyed.map((k) => k.row);
}

/** The next state of a column head click: none → ascending → descending → ascending… */
export function nextSort(current: ListSort | null | undefined, column: string): ListSort {
  if (current?.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: 'asc' };
}
