import { useState } from 'react';
import { App, Button, Popconfirm, Skeleton, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { formatHours } from '../../../src-shared/domain/curriculum/hours';
import { useHasRight } from '../../components/useSession';
import { useLoadGridQuery } from '../load/loadApi';
import { useSelectedYear } from '../../components/useSelectedYear';
import { JointModal } from './JointModal';
import { useOpenParam, YearHeader } from './pageParts';
import { useDeleteJointMutation, useTimetableJointsQuery, type JointOut } from './timetableApi';

/**
 * «Объединённые занятия»: lessons that two or more classes (or their groups) attend together — one
 * lesson with several audiences in the timetable. `?jointId=` opens one (a link of the pre-check).
 */
export function JointsPage() {
  const { message } = App.useApp();
  const { years, year, setYearId, isLoading } = useSelectedYear();
  const canEdit = useHasRight('curriculum.edit') && Boolean(year && !year.isClosed);
  const { data, error, isFetching } = useTimetableJointsQuery({ yearId: year?.id ?? '' }, { skip: !year });
  const { data: grid } = useLoadGridQuery({ yearId: year?.id ?? '' }, { skip: !year || !canEdit });
  const [remove] = useDeleteJointMutation();
  const [creating, setCreating] = useState(false);
  const [jointId, setOpen] = useOpenParam('jointId');
  const open = data?.joints.find((j) => j.id === jointId) ?? null;

  if (isLoading) return <Skeleton active />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <YearHeader title="Объединённые занятия" years={years} year={year} onYear={setYearId} error={error} />
      {year && data && (
        <>
          <Space wrap>
            <Typography.Text type="secondary">Занятие, которое два класса или их группы посещают вместе, ставится одним уроком у одного учителя.</Typography.Text>
            {canEdit && (
              <Button icon={<PlusOutlined />} disabled={!grid} onClick={() => setCreating(true)}>
                Добавить
              </Button>
            )}
          </Space>
          <Table<JointOut>
            size="small"
            rowKey="id"
            loading={isFetching}
            pagination={false}
            dataSource={data.joints}
            aria-label="Объединённые занятия"
            locale={{ emptyText: 'Объединённых занятий нет' }}
            onRow={(j) => ({ onClick: () => canEdit && setOpen(j.id), style: { cursor: canEdit ? 'pointer' : undefined } })}
            columns={[
              { title: 'Название', dataIndex: 'name' },
              { title: 'Предмет', dataIndex: 'subjectName' },
              {
                title: 'Классы и группы',
                key: 'members',
                render: (_, j) => j.members.map((m) => `${m.className}${m.groupNo ? ` гр. ${m.groupNo}` : ''}${m.hours !== null ? ` (${formatHours(m.hours)} ч)` : ''}`).join(', '),
              },
              { title: 'Замечания', key: 'problems', render: (_, j) => (j.problems.length ? <Typography.Text type="danger">{j.problems.join('; ')}</Typography.Text> : '—') },
              ...(canEdit
                ? [
                    {
                      title: '',
                      key: 'delete',
                      width: 60,
                      render: (_: unknown, j: JointOut) => (
                        <span onClick={(e) => e.stopPropagation()}>
                          <Popconfirm
                            title={`Удалить «${j.name}»?`}
                            okText="Удалить"
                            cancelText="Отмена"
                            onConfirm={async () => {
                              const r = await remove({ id: j.id, version: j.version });
                              if ('error' in r && r.error) message.error((r.error as { message?: string }).message ?? 'Не удалось удалить');
                            }}
                          >
                            <Button type="text" danger icon={<DeleteOutlined />} aria-label={`Удалить «${j.name}»`} />
                          </Popconfirm>
                        </span>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
      {year && grid && (creating || open) && (
        <JointModal
          yearId={year.id}
          grid={grid}
          joint={creating ? null : open}
          onClose={() => {
            setCreating(false);
            setOpen(null);
          }}
        />
      )}
    </Space>
  );
}
