import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty, Spin, Typography } from 'antd';
import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import type { ListSort } from '../../../src-shared/domain/listSort';

/**
 * A list of thousands of rows that renders only what is on screen (@tanstack/react-virtual), with
 * a sticky header, keyboard navigation (↑/↓, PageUp/PageDown, Enter opens) and a callback when the
 * user nears the end, so the page can fetch the next slice.
 */
export interface VirtualColumn<R> {
  key: string;
  title: string;
  /** Width in px; the last column takes the rest. */
  width: number;
  render: (row: R) => ReactNode;
  /** False for a column that has no order of its own (an action button). */
  sortable?: boolean;
}

interface Props<R> {
  columns: VirtualColumn<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  onOpen?: (row: R) => void;
  onNearEnd?: () => void;
  loading?: boolean;
  height?: number | string;
  emptyText?: string;
  ariaLabel: string;
  /** The column the rows are sorted by (the page sorts them, on the server for a paged list). */
  sort?: ListSort | null;
  /** A click on a column head: the page switches to that column or reverses it. */
  onSort?: (column: string) => void;
}

const ROW_HEIGHT = 36;

export function VirtualTable<R>({ columns, rows, rowKey, onOpen, onNearEnd, loading, height = 'calc(100vh - 300px)', emptyText = 'Никого не найдено', ariaLabel, sort, onSort }: Props<R>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1];

  useEffect(() => {
    if (last && last.index >= rows.length - 20) onNearEnd?.();
  }, [last, rows.length, onNearEnd]);

  useEffect(() => {
    if (active >= rows.length) setActive(Math.max(0, rows.length - 1));
  }, [rows.length, active]);

  const move = (to: number) => {
    const i = Math.max(0, Math.min(rows.length - 1, to));
    setActive(i);
    virtualizer.scrollToIndex(i, { align: 'auto' });
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    if (e.key === 'ArrowDown') move(active + 1);
    else if (e.key === 'ArrowUp') move(active - 1);
    else if (e.key === 'PageDown') move(active + page);
    else if (e.key === 'PageUp') move(active - page);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(rows.length - 1);
    else if (e.key === 'Enter' && rows[active]) onOpen?.(rows[active]);
    else return;
    e.preventDefault();
  };

  // A column is never narrower than its header (issue 24: «Дата ро…», «Кл…»): about 10 px a
  // letter of the bold 14 px header plus the padding, and the arrow of the column sorted by (only
  // that one: room for an arrow on every head would push the last columns out of a 1366 px window).
  const widthOf = (c: VirtualColumn<R>) => Math.max(c.width, c.title.length * 10 + 20 + (sort?.column === c.key ? 16 : 0));
  const template = columns.map((c, i) => (i === columns.length - 1 ? `minmax(${widthOf(c)}px, 1fr)` : `${widthOf(c)}px`)).join(' ');
  const totalWidth = columns.reduce((s, c) => s + widthOf(c), 0);
  const cell = { padding: '0 8px', overflow: 'hidden', whiteSpace: 'nowrap' as const, textOverflow: 'ellipsis', lineHeight: `${ROW_HEIGHT}px` };

  return (
    <div style={{ border: '1px solid #f0f0f0', borderRadius: 8, background: '#fff' }}>
      <div
        ref={scrollRef}
        role="grid"
        aria-label={ariaLabel}
        aria-rowcount={rows.length + 1}
        tabIndex={0}
        onKeyDown={onKey}
        style={{ height, overflow: 'auto', outline: 'none', position: 'relative' }}
      >
        <div role="row" style={{ display: 'grid', gridTemplateColumns: template, minWidth: totalWidth, position: 'sticky', top: 0, zIndex: 1, background: '#fafafa', borderBottom: '1px solid #f0f0f0', fontWeight: 600 }}>
          {columns.map((c) => {
            const canSort = onSort !== undefined && c.sortable !== false;
            const dir = sort?.column === c.key ? sort.direction : null;
            return (
              <div
                key={c.key}
                role="columnheader"
                aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : canSort ? 'none' : undefined}
                title={canSort ? 'Щелчок — упорядочить по этому столбцу, ещё щелчок — в обратном порядке' : undefined}
                onClick={canSort ? () => onSort(c.key) : undefined}
                style={{ ...cell, cursor: canSort ? 'pointer' : undefined, userSelect: 'none' }}
              >
                {c.title}
                {dir && <span style={{ marginLeft: 4, color: '#1677ff', fontSize: 11 }}>{dir === 'asc' ? <CaretUpOutlined aria-label="по возрастанию" /> : <CaretDownOutlined aria-label="по убыванию" />}</span>}
              </div>
            );
          })}
        </div>
        {rows.length === 0 && !loading ? (
          <Empty style={{ marginTop: 48 }} description={emptyText} />
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: totalWidth }}>
            {items.map((v) => {
              const row = rows[v.index];
              return (
                <div
                  key={rowKey(row)}
                  role="row"
                  aria-rowindex={v.index + 2}
                  aria-selected={v.index === active}
                  onClick={() => setActive(v.index)}
                  onDoubleClick={() => onOpen?.(row)}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    transform: `translateY(${v.start}px)`,
                    height: ROW_HEIGHT,
                    display: 'grid',
                    gridTemplateColumns: template,
                    cursor: 'pointer',
                    borderBottom: '1px solid #f5f5f5',
                    background: v.index === active ? '#e6f4ff' : v.index % 2 ? '#fcfcfc' : '#fff',
                  }}
                >
                  {columns.map((c) => (
                    <div key={c.key} role="gridcell" style={cell}>
                      {c.render(row)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
      <div style={{ padding: '4px 12px', borderTop: '1px solid #f0f0f0', display: 'flex', gap: 12, alignItems: 'center' }}>
        {loading && <Spin size="small" />}
        <Typography.Text type="secondary">↑ ↓ — выбрать, Enter или двойной щелчок — открыть карточку</Typography.Text>
      </div>
    </div>
  );
}
