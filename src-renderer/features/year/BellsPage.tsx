import { useState } from 'react';
import { Button, Card, Col, Empty, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { BellScheduleView } from '../../../src-shared/contract/bells';
import { WEEKDAY_SHORT } from '../../../src-shared/domain/schoolSetup/bellSchedule';
import { useHasRight } from '../../components/useSession';
import { BellFormModal } from './BellFormModal';
import { useBellsQuery, useDeleteBellsMutation } from './yearApi';
import { useSelectedYear } from '../../components/useSelectedYear';
import { YearSelect } from '../../components/YearSelect';
import { EditDeleteButtons } from '../../components/EditDeleteButtons';

/** «Звонки»: bell schedules of the year by shift and weekday (a shortened Saturday is its own). */
export function BellsPage() {
  const { years, year, setYearId, isLoading } = useSelectedYear();
  const { data } = useBellsQuery({ yearId: year?.id ?? '' }, { skip: !year });
  const [remove] = useDeleteBellsMutation();
  const canEdit = useHasRight('calendar.edit') && Boolean(year && !year.isClosed);
  const [editing, setEditing] = useState<BellScheduleView | null | 'new'>(null);
  if (isLoading) return <Skeleton active />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Расписание звонков
        </Typography.Title>
        <YearSelect years={years} value={year?.id ?? null} onChange={setYearId} />
      </Space>
      {!year && <Empty description="Сначала создайте учебный год" />}
      {year && canEdit && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          Добавить расписание звонков
        </Button>
      )}
      {year && data?.schedules.length === 0 && <Empty description="Расписание звонков ещё не задано" />}
      <Row gutter={[16, 16]}>
        {(data?.schedules ?? []).map((s) => (
          <Col key={s.id} xs={24} md={12} xl={8}>
            <Card
              title={s.name}
              extra={
                canEdit && (
                  <EditDeleteButtons label={s.name} confirm={`Удалить «${s.name}»?`} onEdit={() => setEditing(s)} onDelete={() => remove({ id: s.id, version: s.version })} />
                )
              }
            >
              <Space style={{ marginBottom: 8 }} wrap>
                <Tag color={s.shift === 1 ? 'blue' : 'purple'}>{s.shift} смена</Tag>
                {s.weekdays.map((d) => (
                  <Tag key={d}>{WEEKDAY_SHORT[d - 1]}</Tag>
                ))}
              </Space>
              <Table
                size="small"
                rowKey="number"
                pagination={false}
                dataSource={s.lessons}
                columns={[
                  { title: 'Урок', dataIndex: 'number', width: 60 },
                  { title: 'Начало', dataIndex: 'start' },
                  { title: 'Окончание', dataIndex: 'end' },
                  { title: 'Перемена', render: (_: unknown, l: { number: number }) => { const b = s.breaks.find((x) => x.after === l.number); return b ? `${b.minutes} мин` : ''; } },
                ]}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {year && editing !== null && <BellFormModal year={year} schedule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}
