import { useMemo } from 'react';
import { Table, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { AnyObject } from 'antd/es/_util/type';
import { compareCells, type ListSort, type SortValue } from '../../src-shared/domain/listSort';
import { useListSort } from './useListSort';

/**
 * Columns with a `dataIndex` sort by the raw value there (an ISO date, a number — not the text
 * drawn); `sortValues` of the table says what to sort by when there is no such field; a column with
 * neither (row buttons) or with its own `sorter` keeps its head as it is.
 */
type Column<R> = ColumnType<R>;

interface SortProps<R> {
  /** Where the chosen column is remembered across reloads (`<listKey>.sort`); one per list. */
  listKey: string;
  /** What a column sorts by when it has no `dataIndex` or shows something else, by column key. */
  sortValues?: Record<string, (row: R) => SortValue>;
}

type Path = string | number | readonly (string | number)[] | undefined;
// antd types dataIndex as a deep path over the row type; narrowing that makes the compiler expand it
// for every row type, so it is read as the plain path it is at run time.
const pathOf = <R,>(c: Column<R>): Path => (c as { dataIndex?: unknown }).dataIndex as Path;

function keyOf<R>(c: Column<R>): string | null {
  const path = pathOf(c);
  if (c.key !== undefined) return String(c.key);
  if (typeof path === 'string' || typeof path === 'number') return String(path);
  if (Array.isArray(path)) return path.join('.');
  return null;
}

function valueAt<R>(c: Column<R>, key: string, sortValues: Record<string, (row: R) => SortValue> | undefined): ((row: R) => SortValue) | null {
  if (sortValues?.[key]) return sortValues[key];
  const raw = pathOf(c);
  if (raw === undefined) return null;
  const path: readonly (string | number)[] = typeof raw === 'string' || typeof raw === 'number' ? [raw] : raw;
  return (row: R) => {
    let v: unknown = row;
    for (const k of path) v = v == null ? undefined : (v as Record<string | number, unknown>)[k];
    return v === undefined || v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
  };
}

/** Columns with antd sorters driven by `sort`: Russian collation, empty cells last in both directions. */
export function withSorters<R>(columns: readonly Column<R>[], sort: ListSort | null, sortValues?: Record<string, (row: R) => SortValue>): Column<R>[] {
  return columns.map((c) => {
    const key = keyOf(c);
    const value = !key || c.sorter !== undefined ? null : valueAt(c, key, sortValues);
    if (!key || !value) return c;
    return {
      ...c,
      key,
      // antd negates the result for «descend»; compareCells already gives the list's order, so undo it.
      sorter: (a: R, b: R, order?: 'ascend' | 'descend' | null) => (order === 'descend' ? -compareCells(value(a), value(b), 'desc') : compareCells(value(a), value(b), 'asc')),
      sortOrder: sort?.column === key ? (sort.direction === 'asc' ? 'ascend' : 'descend') : null,
      // A third click reverses again instead of dropping the order — a list always has one.
      sortDirections: ['ascend', 'descend', 'ascend'],
      showSorterTooltip: { title: 'Упорядочить по этому столбцу' },
    };
  });
}

/**
 * antd's Table whose every column head sorts (issue 24), the choice remembered per list. For lists
 * the screen has whole; a server-paged list sorts on the server (see `useListSort`, `VirtualTable`).
 * Compact and unpaged unless told otherwise (`size`, `pagination`), as the office's lists are.
 */
export function SortableTable<R extends AnyObject>(props: TableProps<R> & SortProps<R>) {
  // Worked on as plain objects inside: spreading the rest of a generic TableProps<R> back into
  // Table<R> makes the compiler expand antd's whole props type per use and run out of memory.
  const { listKey, sortValues, columns, onChange, ...rest } = props as unknown as TableProps<AnyObject> & SortProps<AnyObject>;
  const [sort, , setSort] = useListSort(listKey);
  // Column groups (with children) are left as they are: none of the office lists has them.
  const cols = useMemo(() => withSorters((columns ?? []) as Column<AnyObject>[], sort, sortValues), [columns, sort, sortValues]);
  const changed: TableProps<AnyObject>['onChange'] = (pagination, filters, sorter, extra) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    if (extra.action === 'sort') setSort(s?.order && s.columnKey !== undefined ? { column: String(s.columnKey), direction: s.order === 'ascend' ? 'asc' : 'desc' } : null);
    onChange?.(pagination, filters, sorter, extra);
  };
  return (
    <>
      <style href="so-sortable" precedence="default">
        {SORTER_CSS}
      </style>
      <Table<AnyObject> size="small" pagination={false} {...rest} className={[rest.className, 'so-sortable'].filter(Boolean).join(' ')} columns={cols} onChange={changed} />
    </>
  );
}

/**
 * antd reserves room for the sort arrows in every head, which breaks short heads inside a word
 * («Кла/сс») at 1366 px. The arrows take no room here: drawn over the head's right padding, and only
 * on the sorted column or the one under the mouse; the whole head stays the click target.
 */
const SORTER_CSS = `
.so-sortable th.ant-table-column-has-sorters { position: relative; }
.so-sortable .ant-table-column-sorters { display: block; }
.so-sortable .ant-table-column-sorter { position: absolute; right: 1px; top: 50%; transform: translateY(-50%); margin: 0; font-size: 10px; visibility: hidden; }
.so-sortable th.ant-table-column-sort .ant-table-column-sorter,
.so-sortable th.ant-table-column-has-sorters:hover .ant-table-column-sorter { visibility: visible; }
`;

/**
 * Head props of a column a server-paged antd table sorts by (the audit log): the page asks the server
 * for the order, antd only draws the arrow.
 */
export function serverSortHead(key: string, sort: ListSort | null) {
  return {
    key,
    sorter: true,
    sortOrder: sort?.column === key ? (sort.direction === 'asc' ? ('ascend' as const) : ('descend' as const)) : null,
    sortDirections: ['ascend' as const, 'descend' as const, 'ascend' as const],
    showSorterTooltip: { title: 'Упорядочить по этому столбцу' },
  };
}

/** The sort a server-paged table's change asks for, or undefined when the change was not a sort. */
export function sortOfChange(sorter: unknown, action: string): ListSort | null | undefined {
  if (action !== 'sort') return undefined;
  const s = (Array.isArray(sorter) ? sorter[0] : sorter) as { order?: 'ascend' | 'descend' | null; columnKey?: string | number } | undefined;
  return s?.order && s.columnKey !== undefined ? { column: String(s.columnKey), direction: s.order === 'ascend' ? 'asc' : 'desc' } : null;
}
