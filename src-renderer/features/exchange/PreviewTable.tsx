import { useMemo, useState } from 'react';
import { Checkbox, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { PreviewAction, PreviewEntry } from '../../../src-shared/contract/exchange';
import { ACTION_COLORS, ACTION_LABELS, ENTITY_LABELS } from './exchangeLabels';

/**
 * The preview of a pull: every entry with what happens to it, field-by-field old → new, and every
 * problem with its row and column. Ambiguous matches get a choice.
 */
interface Props {
  entries: PreviewEntry[];
  decisions: Record<string, string>;
  onDecide?: (key: string, value: string) => void;
}

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
          {i.column ? `Строка ${i.row}, столбец ${i.columnLetter} «${i.caption}»: ` : i.row ? `Строка ${i.row}: ` : ''}
          {i.message}
        </Typography.Text>
      ))}
    </Space>
  );
}

export function PreviewTable({ entries, decisions, onDecide }: Props) {
  const [action, setAction] = useState<PreviewAction | 'all'>('all');
  const [entity, setEntity] = useState<string | null>(null);
  // Warnings sit on rows of every action (a pupil left unchanged because the office withdrew her):
  // a person reviewing thousands of rows needs to see just those, or find one by name.
  const [warnedOnly, setWarnedOnly] = useState(false);
  const [search, setSearch] = useState('');
  const counts = useMemo(() => {
    const c: Record<string, number> = { all: entries.length, warned: 0 };
    for (const e of entries) {
      c[e.action] = (c[e.action] ?? 0) + 1;
      if (e.issues.length > 0) c.warned++;
    }
    return c;
  }, [entries]);
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase().replace(/ё/g, 'е');
    return entries.filter(
      (e) =>
        (action === 'all' || e.action === action) &&
        (!entity || e.entity === entity) &&
        (!warnedOnly || e.issues.length > 0) &&
        (!needle || e.label.toLowerCase().replace(/ё/g, 'е').includes(needle)),
    );
  }, [entries, action, entity, warnedOnly, search]);
  const entities = [...new Set(entries.map((e) => e.entity))];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented
          value={action}
          onChange={(v) => setAction(v as PreviewAction | 'all')}
          options={[{ value: 'all', label: `Все (${counts.all})` }, ...(['create', 'update', 'ambiguous', 'rejected', 'unchanged'] as const).map((a) => ({ value: a, label: `${ACTION_LABELS[a]} (${counts[a] ?? 0})` }))]}
        />
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} aria-label="Что" placeholder="Что" style={{ width: 240 }} value={entity} onChange={(v) => setEntity(v ?? null)} options={entities.map((e) => ({ value: e, label: ENTITY_LABELS[e] }))} />
        <Checkbox checked={warnedOnly} onChange={(e) => setWarnedOnly(e.target.checked)}>
          Только с замечаниями ({counts.warned})
        </Checkbox>
        <Input.Search aria-label="Поиск в предпросмотре" placeholder="ФИО, класс, название" allowClear style={{ width: 260 }} onSearch={setSearch} onChange={(e) => e.target.value === '' && setSearch('')} />
      </Space>
      <Table<PreviewEntry>
        size="small"
        rowKey="key"
        dataSource={shown}
        pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (n) => `Записей: ${n}` }}
        data-testid="preview-table"
        columns={[
          { title: 'Действие', dataIndex: 'action', width: 150, render: (a: PreviewAction) => <Tag color={ACTION_COLORS[a]}>{ACTION_LABELS[a]}</Tag> },
          { title: 'Что', dataIndex: 'entity', width: 170, render: (e: PreviewEntry['entity']) => ENTITY_LABELS[e] },
          { title: 'Запись', dataIndex: 'label', render: (l: string, e) => (<><div>{l}</div><Typography.Text type="secondary">{e.fileName}{e.row ? `, строка ${e.row}` : ''}{e.matchedBy ? `; найдено по ${e.matchedBy === 'portalId' ? 'коду портала' : e.matchedBy === 'snils' ? 'СНИЛС' : e.matchedBy === 'fio' ? 'ФИО и дате рождения' : 'названию'}` : ''}</Typography.Text></>) },
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
