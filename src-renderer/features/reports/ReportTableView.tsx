import { useMemo } from 'react';
import { Button, Card, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { DrillTarget, ReportCell, ReportRow, ReportTable } from '../../../src-shared/contract/reportResult';
import { SortableTable } from '../../components/SortableTable';

/**
 * One table of a catalogue report on screen: the form's row and column numbers where it has them,
 * grouped headers, subtotal and total rows in bold, and every non-zero number a link to the people
 * behind it. A table of people links each name to the card.
 */
const LEVEL_STYLE = [undefined, { background: '#fafafa', fontWeight: 600 }, { background: '#e6f4ff', fontWeight: 600 }] as const;

function numberCell(v: ReportCell, label: string, onOpen: (() => void) | null, strong: boolean) {
  if (typeof v !== 'number') return <span>{v ?? ''}</span>;
  const text = Number.isInteger(v) ? String(v) : String(v).replace('.', ',');
  if (v === 0 || !onOpen) return <span style={{ color: v === 0 ? '#999' : undefined }}>{text}</span>;
  return (
    <Button type="link" size="small" style={{ padding: 0, fontWeight: strong ? 600 : undefined }} aria-label={label} onClick={onOpen}>
      {text}
    </Button>
  );
}

/** Heads of a grid in 12 px: a statistical form's heads are long, its numbers short. */
const GRID_HEAD = { fontSize: 12, lineHeight: 1.3, padding: '6px 4px' } as const;

/** About 8.6 px a letter of the bold 12 px head (Cyrillic is wide), plus the 4 px padding each side and the borders. */
function gridColumnWidth(title: string, code?: string | null): number {
  const longest = Math.max(...`${title} ${code ?? ''}`.split(/\s+/).map((w) => w.length));
  return Math.max(44, Math.ceil(longest * 8.6) + 14);
}

export function ReportTableView({ table, onDrill }: { table: ReportTable; onDrill: (target: DrillTarget, title: string) => void }) {
  const withCode = table.rows.some((r) => r.code);
  const personLink = (r: ReportRow) => {
    if (!r.personId || table.personKind === 'class') return r.label;
    return <Link to={`/${table.personKind === 'staff' ? 'staff' : 'pupils'}/${r.personId}`}>{r.label}</Link>;
  };
  const valueColumn = (c: ReportTable['columns'][number], i: number) => ({
    key: c.key,
    title: c.code ? (
      <div>
        {c.title}
        <div style={{ color: '#999', fontWeight: 400 }}>{c.code}</div>
      </div>
    ) : (
      c.title
    ),
    // A grid's column is as wide as the longest word of its head, no wider: the form's ten or
    // twelve number columns fit 1366 px without a sideways scroll and no head breaks inside a word.
    width: table.kind === 'grid' ? gridColumnWidth(c.title, c.code) : Math.max(64, c.width * 8),
    align: table.kind === 'grid' ? ('center' as const) : undefined,
    onHeaderCell: table.kind === 'grid' ? () => ({ style: GRID_HEAD }) : undefined,
    render: (_: unknown, r: ReportRow) =>
      table.kind === 'grid'
        ? numberCell(r.cells[i], `${r.label}: ${c.group ? `${c.group}, ` : ''}${c.title}`, () => onDrill({ table: table.id, row: r.key, column: c.key }, `${r.label} — ${c.group ? `${c.group}, ` : ''}${c.title}`), r.level > 0)
        : (r.cells[i] ?? ''),
  });
  // Neighbouring columns of one group share an upper header, as in the form.
  const grouped: ColumnsType<ReportRow> = [];
  table.columns.forEach((c, i) => {
    const col = valueColumn(c, i);
    const last = grouped[grouped.length - 1] as { title?: unknown; children?: unknown[] } | undefined;
    if (c.group && last?.children && last.title === c.group) last.children.push(col);
    else if (c.group) grouped.push({ key: `group-${i}`, title: c.group, children: [col] } as never);
    else grouped.push(col);
  });
  const columns: ColumnsType<ReportRow> = [
    { key: 'label', title: table.labelTitle, fixed: 'left', width: table.kind === 'list' ? 260 : withCode ? 320 : 220, render: (_: unknown, r) => personLink(r) },
    ...(withCode ? [{ key: 'code', title: '№ строки', dataIndex: 'code', width: 70, align: 'center' as const }] : []),
    ...grouped,
  ];
  // A list of people sorts by any column; a grid with subtotals and totals keeps the form's order.
  const sortValues = useMemo(
    () =>
      table.kind === 'list'
        ? Object.fromEntries([['label', (r: ReportRow) => r.label] as const, ...table.columns.map((c, i) => [c.key, (r: ReportRow) => r.cells[i] ?? null] as const)])
        : undefined,
    [table],
  );
  const width = columns.reduce((n, c) => n + (((c as { width?: number }).width ?? 0) || ((c as { children?: { width?: number }[] }).children ?? []).reduce((m, x) => m + (x.width ?? 80), 0)), 0);
  return (
    <Card size="small" title={table.title} styles={{ body: { padding: 8 } }}>
      {table.note && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          {table.note}
        </Typography.Paragraph>
      )}
      <SortableTable<ReportRow>
        listKey={`reports.result.${table.id}`}
        sortValues={sortValues}
        rowKey="key"
        bordered
        pagination={table.rows.length > 200 ? { pageSize: 100, showSizeChanger: false } : false}
        dataSource={table.rows}
        columns={columns}
        scroll={{ x: width }}
        aria-label={table.title}
        onRow={(r) => ({ style: LEVEL_STYLE[r.level] })}
        locale={{ emptyText: 'Нет данных' }}
      />
    </Card>
  );
}
