import { Alert, Typography } from 'antd';
import { Link } from 'react-router';
import type { BuilderResult } from '../../../src-shared/contract/reportBuilder';
import { SortableTable } from '../../components/SortableTable';

/**
 * A builder report on screen: group headers with their counts and totals, then the rows of the
 * group; the total at the end. A person's name opens the card.
 */
type Line = { key: string; kind: 'group' | 'row' | 'total'; level: number; n: number | null; id: string | null; cells: (string | number | null)[]; label?: string };

const CARD_PATH: Partial<Record<BuilderResult['entity'], string>> = { pupils: '/pupils', parents: '/parents', staff: '/staff' };

export function BuilderResultView({ result }: { result: BuilderResult }) {
  const lines: Line[] = [];
  const starts = new Map<number, BuilderResult['groups']>();
  for (const g of result.groups) starts.set(g.start, [...(starts.get(g.start) ?? []), g]);
  result.rows.forEach((r, i) => {
    for (const g of starts.get(i) ?? []) lines.push({ key: `g-${g.level}-${g.start}`, kind: 'group', level: g.level, n: null, id: null, cells: g.totals, label: `${g.label} — ${g.count}` });
    lines.push({ key: `r-${r.id}-${i}`, kind: 'row', level: 0, n: i + 1, id: r.id, cells: r.cells });
  });
  lines.push({ key: 'total', kind: 'total', level: 0, n: null, id: null, cells: result.totals, label: `Итого: ${result.total}` });
  const path = CARD_PATH[result.entity];
  return (
    <>
      {result.truncated && <Alert type="info" showIcon message={`На экране первые ${result.rows.length} строк из ${result.total}; в файле Excel — все.`} style={{ marginBottom: 8 }} />}
      <Typography.Text type="secondary">{result.subtitle}</Typography.Text>
      <SortableTable<Line>
        listKey="reports.builder"
        rowKey="key"
        bordered
        dataSource={lines}
        pagination={lines.length > 300 ? { pageSize: 200, showSizeChanger: false } : false}
        scroll={{ x: 160 + result.columns.length * 180 }}
        aria-label={result.title}
        onRow={(l) => ({ style: l.kind === 'group' ? { background: l.level === 0 ? '#f0f5ff' : '#f7f7f7', fontWeight: 600 } : l.kind === 'total' ? { background: '#e6f4ff', fontWeight: 600 } : undefined })}
        columns={[
          // A group's or the total's label spans the number and the first column.
          { key: 'n', title: '№', width: 60, onCell: (l: Line) => (l.kind === 'row' ? {} : { colSpan: 2 }), render: (_: unknown, l: Line) => (l.kind === 'row' ? l.n : l.label) },
          ...result.columns.map((c, i) => ({
            key: c.key,
            title: c.label,
            width: c.type === 'text' || c.type === 'list' ? 220 : 110,
            onCell: (l: Line) => (l.kind !== 'row' && i === 0 ? { colSpan: 0 } : {}),
            render: (_: unknown, l: Line) => {
              const v = l.cells[i];
              if (l.kind !== 'row') return v === null ? '' : v;
              if (i === 0 && path && l.id && typeof v === 'string') return <Link to={`${path}/${l.id}`}>{v}</Link>;
              return v === null ? '' : v;
            },
          })),
        ]}
      />
    </>
  );
}
