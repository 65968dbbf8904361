import { Alert, Button, Card, Col, Popconfirm, Row, Space, Table, Tag } from 'antd';
import type { RolloverPreview } from '../../../../src-shared/contract/movementRollover';
import { ORDER_TYPE_INFO } from '../../../../src-shared/domain/movement/orderTypes';
import { formatDateRu } from '../../../components/format';

/** Step 4: what will be created — classes with their rosters, the orders — and the one button. */
export function PreviewStep({ preview, busy, onBack, onApply }: { preview: RolloverPreview; busy: boolean; onBack: () => void; onApply: () => void }) {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {preview.problems.length > 0 && <Alert type="error" showIcon message="Переход нельзя провести" description={<ul>{preview.problems.map((p) => <li key={p}>{p}</li>)}</ul>} />}
      {preview.warnings.length > 0 && <Alert type="warning" showIcon message="Обратите внимание" description={<ul>{preview.warnings.map((p) => <li key={p}>{p}</li>)}</ul>} />}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={`Классы ${preview.targetYear.name}${preview.targetYear.exists ? '' : ' (год будет создан)'}`}>
            <Table
              rowKey="name"
              size="small"
              pagination={false}
              dataSource={preview.classes}
              aria-label="Классы нового года"
              columns={[
                { title: 'Класс', dataIndex: 'name', width: 70 },
                { title: 'Из класса', dataIndex: 'fromClassName', width: 90, render: (v: string | null) => v ?? <Tag color="blue">новый</Tag> },
                { title: 'Классный руководитель', dataIndex: 'classTeacherName' },
                { title: 'Учеников', dataIndex: 'pupils', width: 90 },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="Приказы">
            <Table
              rowKey={(o) => `${o.type}:${o.title}`}
              size="small"
              pagination={false}
              dataSource={preview.orders}
              aria-label="Годовые приказы"
              columns={[
                { title: 'Приказ', dataIndex: 'title' },
                { title: 'Вид', dataIndex: 'type', render: (v: keyof typeof ORDER_TYPE_INFO) => ORDER_TYPE_INFO[v].label },
                { title: 'Дата', dataIndex: 'orderDate', width: 100, render: (v: string) => formatDateRu(v) },
                { title: 'С даты', dataIndex: 'effectiveDate', width: 100, render: (v: string) => formatDateRu(v) },
                { title: 'Пунктов', dataIndex: 'items', width: 80 },
              ]}
            />
          </Card>
        </Col>
      </Row>
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
