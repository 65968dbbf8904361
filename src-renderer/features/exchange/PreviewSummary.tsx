import { Alert, Card, List, Space, Table, Tag, Typography } from 'antd';
import type { PreviewAction, PreviewEntity, PullPreview } from '../../../src-shared/contract/exchange';
import { formatCount } from '../../components/format';
import { ACTION_COLORS, ACTION_LABELS, CONFIDENCE_LABELS, ENTITY_LABELS } from './exchangeLabels';

/**
 * What a pull will do, before the list of entries: each file (format, encoding, remarks, and the
 * parts of it the program does not import, with counts), then every kind of record with how many
 * will be created, changed, left or rejected — the same rows apply writes.
 */
const ACTIONS: PreviewAction[] = ['create', 'update', 'unchanged', 'rejected', 'ambiguous'];

export function PreviewSummary({ preview, onPick }: { preview: PullPreview; onPick: (entity: PreviewEntity, action: PreviewAction) => void }) {
  const byEntity = new Map<PreviewEntity, Record<string, number>>();
  for (const g of preview.groups) {
    const row = byEntity.get(g.entity) ?? {};
    row[g.action] = g.count;
    row.warned = (row.warned ?? 0) + g.warned;
    byEntity.set(g.entity, row);
  }
  const rows = [...byEntity.entries()].map(([entity, c]) => ({ entity, ...c }));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title="Файлы">
        <List
          size="small"
          dataSource={preview.files}
          renderItem={(f) => (
            <List.Item>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap>
                  <b>{f.fileName}</b>
                  {f.formatTitle ? <Tag>{f.formatTitle}</Tag> : <Tag color="red">формат не распознан</Tag>}
                  {f.confidence && <Tag color={CONFIDENCE_LABELS[f.confidence].color}>{CONFIDENCE_LABELS[f.confidence].text}</Tag>}
                  <Typography.Text type="secondary">
                    {f.container.toUpperCase()}
                    {f.encoding ? `, ${f.encoding}` : ''}, записей: {formatCount(f.rows)}
                  </Typography.Text>
                </Space>
                {f.issues.map((i, n) => (
                  <Typography.Text key={n} type={i.severity === 'error' ? 'danger' : 'warning'}>
                    {i.message}
                  </Typography.Text>
                ))}
                {f.notImported.length > 0 && (
                  <Alert
                    type="info"
                    showIcon
                    data-testid="not-imported"
                    message="Не загружается из этого файла"
                    description={
                      <ul style={{ margin: 0, paddingLeft: 18 }}>
                        {f.notImported.map((n) => (
                          <li key={n.part}>
                            <b>{n.part}</b> — {formatCount(n.count)}: {n.reason}
                          </li>
                        ))}
                      </ul>
                    }
                  />
                )}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title="Что будет записано" data-testid="preview-groups">
        <Table
          size="small"
          rowKey="entity"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: 'Что', dataIndex: 'entity', render: (e: PreviewEntity) => ENTITY_LABELS[e] },
            ...ACTIONS.map((a) => ({
              title: <Tag color={ACTION_COLORS[a]}>{ACTION_LABELS[a]}</Tag>,
              dataIndex: a,
              align: 'right' as const,
              render: (n: number | undefined, r: { entity: PreviewEntity }) => (n ? <Typography.Link onClick={() => onPick(r.entity, a)}>{formatCount(n)}</Typography.Link> : ''),
            })),
            { title: 'С замечаниями', dataIndex: 'warned', align: 'right' as const, render: (n: number) => (n ? formatCount(n) : '') },
          ]}
        />
      </Card>
    </Space>
  );
}
