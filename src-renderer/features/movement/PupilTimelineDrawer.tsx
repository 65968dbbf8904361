import { Descriptions, Drawer, Skeleton, Table, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { ORDER_STATUSES, ORDER_TYPE_INFO } from '../../../src-shared/domain/movement/orderTypes';
import { formatDateRu } from '../../components/format';
import { useTimelineQuery } from './movementApi';
import { STATUS_COLORS } from './OrdersTab';

/** A pupil's history in the movement book: every class with dates and the orders behind them. */
export function PupilTimelineDrawer({ pupilId, onClose }: { pupilId: string; onClose: () => void }) {
  const { data } = useTimelineQuery({ pupilId });
  return (
    <Drawer open width={720} title={data ? `История: ${data.pupil.fullName}` : 'История обучающегося'} onClose={onClose}>
      {!data ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="Дата рождения">{formatDateRu(data.pupil.birthDate)}</Descriptions.Item>
            <Descriptions.Item label="Пол">{data.pupil.sex}</Descriptions.Item>
            <Descriptions.Item label="№ в алфавитной книге">{data.register?.alphabetNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="№ личного дела">{data.register?.personalFileNumber ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>Классы</Typography.Title>
          <Timeline
            items={data.memberships.map((m) => ({
              color: m.endDate ? 'gray' : 'green',
              children: (
                <div>
                  <Typography.Text strong>{m.className}</Typography.Text> ({m.yearName}): с {formatDateRu(m.startDate)}
                  {m.endDate ? ` по ${formatDateRu(m.endDate)} (не включая)` : ' — по настоящее время'}
                  <br />
                  <Typography.Text type="secondary">
                    {m.startOrder ? `пришёл: приказ № ${m.startOrder.numberText} от ${formatDateRu(m.startOrder.orderDate)}` : (m.cause ?? 'без приказа')}
                    {m.endOrder ? `; ушёл: приказ № ${m.endOrder.numberText} от ${formatDateRu(m.endOrder.orderDate)}` : ''}
                  </Typography.Text>
                </div>
              ),
            }))}
          />
          <Typography.Title level={5}>Приказы</Typography.Title>
          <Table
            rowKey={(r) => `${r.orderId}:${r.effectiveDate}`}
            size="small"
            pagination={false}
            dataSource={data.orders}
            columns={[
              { title: '№', dataIndex: 'numberText', render: (v: string | null, r) => <Link to={`/movement/orders/${r.orderId}`}>{v ?? 'черновик'}</Link> },
              { title: 'Дата', dataIndex: 'orderDate', render: (v: string) => formatDateRu(v) },
              { title: 'Вид', dataIndex: 'type', render: (v: keyof typeof ORDER_TYPE_INFO) => ORDER_TYPE_INFO[v].label },
              { title: 'Классы', render: (_: unknown, r) => [r.fromClassName, r.toClassName].filter(Boolean).join(' → ') },
              { title: 'С даты', dataIndex: 'effectiveDate', render: (v: string) => formatDateRu(v) },
              { title: '', dataIndex: 'status', render: (v: keyof typeof ORDER_STATUSES) => <Tag color={STATUS_COLORS[v]}>{ORDER_STATUSES[v]}</Tag> },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
