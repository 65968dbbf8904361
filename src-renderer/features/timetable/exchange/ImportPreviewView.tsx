import { Alert, Collapse, Descriptions, Space, Table, Tag } from 'antd';
import type { ImportPreview } from './ttExchangeApi';

const LEVEL: Record<ImportPreview['lines'][number]['level'], { color: string; text: string }> = {
  error: { color: 'red', text: 'не загружено' },
  warning: { color: 'orange', text: 'внимание' },
  info: { color: 'default', text: 'сведения' },
};

const n = (x: number) => x.toLocaleString('ru-RU');

/** What an import will write — the new draft's counts, every line about the file, parts not imported — before anything is written. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const c = preview.counts;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {preview.existing ? (
        <Alert type="info" showIcon title={`Это расписание уже загружено: версия «${preview.existing.name}». Повторная загрузка ничего не изменит.`} />
      ) : (
        <Alert type="success" showIcon title={`Будет создан черновик «${preview.versionName}». Пока ничего не записано.`} />
      )}
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label="Уроков в файле">{n(c.inFile)}</Descriptions.Item>
        <Descriptions.Item label="Расставлено">{n(c.placed)}</Descriptions.Item>
        <Descriptions.Item label="Не расставлено">{n(c.notPlaced)}</Descriptions.Item>
        <Descriptions.Item label="Не сопоставлено">{n(c.unmatched)}</Descriptions.Item>
        <Descriptions.Item label="Накладок">{n(c.clashes)}</Descriptions.Item>
        <Descriptions.Item label="Нарушений СанПиН и др.">{preview.summary.hard === null ? '—' : n(preview.summary.hard)}</Descriptions.Item>
      </Descriptions>
      {preview.creates.length > 0 && <CreatesView creates={preview.creates} />}
      {preview.notImported.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="Не загружается"
          description={preview.notImported.map((p) => `${p.part} (${n(p.count)}): ${p.reason}`).join('; ')}
        />
      )}
      {preview.lines.length > 0 && (
        <Table
          size="small"
          rowKey={(_r, i) => String(i)}
          dataSource={preview.lines}
          pagination={{ pageSize: 8, showSizeChanger: false, showTotal: (t) => `${n(t)} строк` }}
          columns={[
            { title: '', dataIndex: 'level', width: 110, render: (l: keyof typeof LEVEL) => <Tag color={LEVEL[l].color}>{LEVEL[l].text}</Tag> },
            { title: 'Что', dataIndex: 'what', width: 90 },
            { title: 'Запись', dataIndex: 'label' },
            { title: 'Причина', dataIndex: 'message' },
          ]}
        />
      )}
    </Space>
  );
}

/** Records of the school the import creates (aSc into an empty year): counts by kind, each list unfolds. */
function CreatesView({ creates }: { creates: ImportPreview['creates'] }) {
  const kinds = new Map<string, ImportPreview['creates']>();
  for (const c of creates) kinds.set(c.what, [...(kinds.get(c.what) ?? []), c]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title={`В учебном году ещё нет классов: вместе с черновиком будут созданы записи школы (${n(creates.length)})`}
        description={[...kinds].map(([what, list]) => `${what}: ${n(list.length)}`).join(', ')}
      />
      <Collapse
        size="small"
        items={[...kinds].map(([what, list]) => ({
          key: what,
          label: `${what} — ${n(list.length)}`,
          children: (
            <Table
              size="small"
              rowKey={(_r, i) => String(i)}
              dataSource={list}
              pagination={list.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              columns={[
                { title: 'Запись', dataIndex: 'label' },
                { title: 'Подробности', dataIndex: 'detail', render: (d: string | null) => d ?? '' },
              ]}
            />
          ),
        }))}
      />
    </Space>
  );
}
