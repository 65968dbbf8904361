import { useEffect, useState } from 'react';
import { Checkbox, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { PreviewAction, PreviewEntity, PreviewEntry, PullPreview } from '../../../src-shared/contract/exchange';
import { formatCount } from '../../components/format';
import { ACTION_COLORS, ACTION_LABELS, ENTITY_LABELS } from './exchangeLabels';
import { usePullEntriesQuery } from './exchangeApi';

/**
 * The preview of a pull, page by page from the server (a district's list has tens of thousands of
 * entries): every entry with what happens to it, field-by-field old → new, and every problem with
 * its row and column. Filters by action and kind, «только с замечаниями» and a name search run on
 * the server. Ambiguous matches get a choice.
 */
interface Props {
  preview: PullPreview;
  decisions: Record<string, string>;
  onDecide?: (key: string, value: string) => void;
  /** Set from outside (a click in the summary): show this kind and action. */
  pick?: { entity: PreviewEntity; action: PreviewAction } | null;
}

const PAGE = 50;

function Changes({ e }: { e: PreviewEntry }) {
  if (e.changes.length === 0 && e.issues.length === 0) return null;
  return (
    <Space direction="vertical" size={2} style={{ width: '100%' }}>
      {e.changes.map((c) => (
        <div key={c.field} data-testid="change">
          <Typography.Text type="secondary">{c.label}: </Typography.Text>
          {c.old !== null && (
            <>
              <Typography.Text delete>{c.old}</Typography.Text>
              {' → '}
            </>
          )}
          <Typography.Text strong>{c.new ?? '—'}</Typography.Text>
        </div>
      ))}
      {e.issues.map((i, n) => (
        <Typography.Text key={n} type={i.severity === 'error' ? 'danger' : 'warning'} data-testid="issue">
          {i.column ? `Строка ${i.row}, столбец ${i.columnLetter} «${i.caption}»: ` : i.row && e.row ? `Строка ${i.row}: ` : ''}
          {i.message}
        </Typography.Text>
      ))}
    </Space>
  );
}

export function PreviewTable({ preview, decisions, onDecide, pick }: Props) {
  const [action, setAction] = useState<PreviewAction | 'all'>('all');
  const [entity, setEntity] = useState<PreviewEntity | null>(null);
  // Warnings sit on rows of every action (a pupil left unchanged because the office withdrew her):
  // a person reviewing thousands of rows needs to see just those, or find one by name.
  const [warnedOnly, setWarnedOnly] = useState(false);
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  useEffect(() => {
    if (!pick) return;
    setEntity(pick.entity);
    setAction(pick.action);
    setPage(1);
  }, [pick]);
  const filtered = action !== 'all' || entity !== null || warnedOnly || search !== '';
  const { data, isFetching } = usePullEntriesQuery(
    { exchangeId: preview.exchangeId, offset: (page - 1) * PAGE, limit: PAGE, action: action === 'all' ? null : action, entity, warnedOnly, search },
    // The first page of the whole preview came with it.
    { skip: !filtered && page === 1 },
  );
  const shown = !filtered && page === 1 ? { total: preview.total, entries: preview.entries } : (data ?? { total: 0, entries: [] });
  const counts: Record<string, number> = { all: preview.total, warned: 0 };
  for (const g of preview.groups) {
    if (entity && g.entity !== entity) continue;
    counts[g.action] = (counts[g.action] ?? 0) + g.count;
    counts.warned += g.warned;
  }
  const entities = [...new Set(preview.groups.map((g) => g.entity))];
  const entityCount = (e: PreviewEntity) => preview.groups.filter((g) => g.entity === e).reduce((n, g) => n + g.count, 0);
  const reset = () => setPage(1);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented
          value={action}
          onChange={(v) => {
            setAction(v as PreviewAction | 'all');
            reset();
          }}
          options={[{ value: 'all', label: `Все (${formatCount(entity ? entityCount(entity) : counts.all)})` }, ...(['create', 'update', 'ambiguous', 'rejected', 'unchanged'] as const).map((a) => ({ value: a, label: `${ACTION_LABELS[a]} (${formatCount(counts[a] ?? 0)})` }))]}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label="Что"
          placeholder="Что"
          style={{ width: 280 }}
          value={entity}
          onChange={(v) => {
            setEntity(v ?? null);
            reset();
          }}
          options={entities.map((e) => ({ value: e, label: `${ENTITY_LABELS[e]} (${formatCount(entityCount(e))})` }))}
        />
        <Checkbox
          checked={warnedOnly}
          onChange={(e) => {
            setWarnedOnly(e.target.checked);
            reset();
          }}
        >
          Только с замечаниями ({formatCount(counts.warned)})
        </Checkbox>
        <Input.Search
          aria-label="Поиск в предпросмотре"
          placeholder="ФИО, класс, название"
          allowClear
          style={{ width: 260 }}
          onSearch={(v) => {
            setSearch(v.trim());
            reset();
          }}
          onChange={(e) => e.target.value === '' && (setSearch(''), reset())}
        />
      </Space>
      <Table<PreviewEntry>
        size="small"
        rowKey="key"
        loading={isFetching}
        dataSource={shown.entries}
        pagination={{ current: page, pageSize: PAGE, total: shown.total, showSizeChanger: false, onChange: setPage, showTotal: (n) => `Записей: ${formatCount(n)}` }}
        data-testid="preview-table"
        columns={[
          { title: 'Действие', dataIndex: 'action', width: 150, render: (a: PreviewAction) => <Tag color={ACTION_COLORS[a]}>{ACTION_LABELS[a]}</Tag> },
          { title: 'Что', dataIndex: 'entity', width: 170, render: (e: PreviewEntry['entity']) => ENTITY_LABELS[e] },
          {
            title: 'Запись',
            dataIndex: 'label',
            render: (l: string, e) => (
              <>
                <div>{l}</div>
                <Typography.Text type="secondary">
                  {e.fileName}
                  {e.row ? `, строка ${e.row}` : ''}
                  {e.matchedBy ? `; найдено по ${e.matchedBy === 'portalId' ? 'коду портала' : e.matchedBy === 'snils' ? 'СНИЛС' : e.matchedBy === 'fio' ? 'ФИО и дате рождения' : 'названию'}` : ''}
                </Typography.Text>
              </>
            ),
          },
          {
            title: 'Изменения и замечания',
            render: (_: unknown, e) =>
              e.action === 'ambiguous' && onDecide ? (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Changes e={e} />
                  <Select
                    style={{ width: '100%' }}
                    value={decisions[e.key] ?? 'skip'}
                    onChange={(v) => onDecide(e.key, v)}
                    options={[{ value: 'skip', label: 'Пропустить строку' }, { value: 'new', label: 'Создать новую карточку' }, ...e.candidates.map((c) => ({ value: c.id, label: `Это ${c.label}` }))]}
                  />
                </Space>
              ) : (
                <Changes e={e} />
              ),
          },
        ]}
      />
    </Space>
  );
}
