import { Alert, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { ROLLOVER_ACTIONS, type RolloverPreview } from '../../../../src-shared/contract/movementRollover';
import { ORDER_TYPE_INFO } from '../../../../src-shared/domain/movement/orderTypes';
import { formatDateRu } from '../../../components/format';

type PlannedPupil = RolloverPreview['pupils'][number];

/** The pupils behind a row of the preview: who, from which class, where to. */
function PupilList({ pupils, emptyText }: { pupils: PlannedPupil[]; emptyText: string }) {
  return (
    <Table<PlannedPupil>
      rowKey="pupilId"
      size="small"
      pagination={pupils.length > 40 ? { pageSize: 40, showSizeChanger: false } : false}
      dataSource={pupils}
      aria-label="Обучающиеся"
      locale={{ emptyText }}
      columns={[
        { title: '№', width: 50, render: (_: unknown, _p, i) => i + 1 },
        { title: 'ФИО', dataIndex: 'fullName' },
        { title: 'Из класса', dataIndex: 'fromClassName', width: 100 },
        { title: 'В класс', dataIndex: 'toClassName', width: 100, render: (v: string | null) => v ?? '—' },
        { title: 'Действие', dataIndex: 'action', width: 260, render: (v: PlannedPupil['action']) => ROLLOVER_ACTIONS[v] },
      ]}
    />
  );
}

/**
 * Step 4: what will be written — the annual orders with every pupil in them, next year's classes
 * with their rosters — and the one button that signs it all in one transaction.
 */
export function PreviewStep({ preview, busy, onBack, onApply }: { preview: RolloverPreview; busy: boolean; onBack: () => void; onApply: () => void }) {
  const pupilById = new Map(preview.pupils.map((p) => [p.pupilId, p]));
  const total = preview.orders.reduce((n, o) => n + o.items, 0);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {preview.problems.length > 0 && <Alert type="error" showIcon message="Переход нельзя провести" description={<ul>{preview.problems.map((p) => <li key={p}>{p}</li>)}</ul>} />}
      {preview.warnings.length > 0 && <Alert type="warning" showIcon message="Обратите внимание" description={<ul>{preview.warnings.map((p) => <li key={p}>{p}</li>)}</ul>} />}
      <Card title={`Приказы (${preview.orders.length}, пунктов: ${total})`}>
        <Typography.Paragraph type="secondary">Все приказы будут подписаны сразу и получат следующие номера своих серий. Раскройте приказ, чтобы увидеть обучающихся.</Typography.Paragraph>
        <Table
          rowKey={(o) => `${o.type}:${o.title}`}
          size="small"
          pagination={false}
          dataSource={preview.orders}
          aria-label="Годовые приказы"
          expandable={{
            expandedRowRender: (o) => <PupilList pupils={o.pupilIds.map((id) => pupilById.get(id)).filter((p): p is PlannedPupil => Boolean(p))} emptyText="Нет обучающихся" />,
          }}
          columns={[
            { title: 'Приказ', dataIndex: 'title' },
            { title: 'Вид', dataIndex: 'type', width: 260, render: (v: keyof typeof ORDER_TYPE_INFO) => ORDER_TYPE_INFO[v].label },
            { title: 'Дата', dataIndex: 'orderDate', width: 110, render: (v: string) => formatDateRu(v) },
            { title: 'С даты', dataIndex: 'effectiveDate', width: 110, render: (v: string) => formatDateRu(v) },
            { title: 'Пунктов', dataIndex: 'items', width: 90 },
          ]}
        />
      </Card>
      <Card title={`Классы ${preview.targetYear.name}${preview.targetYear.exists ? '' : ' (год будет создан)'}`}>
        <Table
          rowKey="name"
          size="small"
          pagination={false}
          dataSource={preview.classes}
          aria-label="Классы нового года"
          expandable={{
            expandedRowRender: (c) => <PupilList pupils={preview.pupils.filter((p) => p.toClassName === c.name)} emptyText="Обучающихся пока нет — зачислите их приказом" />,
          }}
          columns={[
            { title: 'Класс', dataIndex: 'name', width: 90 },
            {
              title: 'Из класса',
              dataIndex: 'fromClassName',
              width: 170,
              render: (v: string | null, c) => (
                <Space size={4}>
                  {v ?? (c.exists ? null : <Tag color="blue">новый</Tag>)}
                  {c.exists && <Tag>уже создан</Tag>}
                </Space>
              ),
            },
            { title: 'Классный руководитель', dataIndex: 'classTeacherName', render: (v: string | null) => v ?? <Typography.Text type="warning">не назначен</Typography.Text> },
            { title: 'Учеников', dataIndex: 'pupils', width: 100 },
          ]}
        />
      </Card>
      <Space>
        <Button onClick={onBack}>Назад</Button>
        <Popconfirm
          title="Провести переход на новый учебный год?"
          description="Будут созданы классы и подписаны все приказы — одной операцией. Отменить можно будет отменой каждого приказа."
          okText="Провести"
          cancelText="Отмена"
          onConfirm={onApply}
          disabled={preview.problems.length > 0}
        >
          <Button type="primary" loading={busy} disabled={preview.problems.length > 0}>
            Провести переход
          </Button>
        </Popconfirm>
      </Space>
    </Space>
  );
}
