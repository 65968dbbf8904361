import { useState } from 'react';
import { App, Button, Empty, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import { AppstoreAddOutlined, ApartmentOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { SchoolClass } from '../../../src-shared/contract/classes';
import { useHasRight } from '../../components/useSession';
import { useSelectedYear } from '../../components/useSelectedYear';
import { useLinkedRecord } from '../../components/useLinkedRecord';
import { ClassFormModal } from './ClassFormModal';
import { CreateClassesModal } from './CreateClassesModal';
import { SubgroupsDrawer } from './SubgroupsDrawer';
import { TeacherCell } from './TeacherCell';
import { useClassesQuery, useDeleteClassMutation, useExportClassesMutation, useSetupStaffOptionsQuery } from './classesApi';
import { YearSelect } from '../../components/YearSelect';
import { ExcelExportButton } from '../../components/ExcelExportButton';
import { SortableTable } from '../../components/SortableTable';

/** «Классы»: the classes of a year with class teachers, shifts, rooms, programmes and subgroups. */
export function ClassesPage() {
  const { message } = App.useApp();
  const { years, year, setYearId, isLoading } = useSelectedYear();
  const { data, isFetching } = useClassesQuery({ yearId: year?.id ?? '' }, { skip: !year });
  const [remove] = useDeleteClassMutation();
  const { data: staffData } = useSetupStaffOptionsQuery();
  const staff = (staffData?.staff ?? []).map((s) => ({ value: s.id, label: s.fullName }));
  const canEdit = useHasRight('setup.edit') && Boolean(year && !year.isClosed);
  const canSeePupils = useHasRight('pupils.read');
  const [editing, setEditing] = useState<SchoolClass | null | 'new'>(null);
  const [bulk, setBulk] = useState(false);
  const [groupsOf, setGroupsOf] = useState<SchoolClass | null>(null);
  useLinkedRecord('classId', data?.classes, setEditing, canEdit);
  if (isLoading) return <Skeleton active />;
  const [exportClasses] = useExportClassesMutation();
  const classes = data?.classes ?? [];
  const pupils = classes.reduce((n, c) => n + c.pupilCount, 0);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Классы
        </Typography.Title>
        <Space>
          <ExcelExportButton disabled={!year} run={() => exportClasses({ yearId: year?.id ?? '' })} />
          <YearSelect years={years} value={year?.id ?? null} onChange={setYearId} />
        </Space>
      </Space>
      {!year && <Empty description="Сначала создайте учебный год в разделе «Учебный год и календарь»" />}
      {year && (
        <Space wrap>
          {canEdit && (
            <>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                Добавить класс
              </Button>
              <Button icon={<AppstoreAddOutlined />} onClick={() => setBulk(true)}>
                Создать параллели
              </Button>
            </>
          )}
          <Typography.Text type="secondary">
            Классов: {classes.length}, обучающихся: {pupils}
          </Typography.Text>
        </Space>
      )}
      {year && (
        <SortableTable<SchoolClass>
        listKey="classes"
          rowKey="id"
          loading={isFetching}
          dataSource={classes}
          // Fixed layout: the long programme names share what is left instead of pushing the
          // row's buttons out of a 1366 px window (issue 24).
          tableLayout="fixed"
          aria-label="Классы"
          columns={[
            { title: 'Класс', dataIndex: 'name', width: 70, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
            {
              title: 'Классный руководитель',
              dataIndex: 'classTeacherName',
              render: (v: string | null, c) =>
                canEdit ? <TeacherCell cls={c} staff={staff} /> : (v ?? <Typography.Text type="warning">не назначен</Typography.Text>),
            },
            { title: 'Смена', dataIndex: 'shift', width: 70 },
            { title: 'Кабинет', dataIndex: 'homeRoomNumber', width: 90 },
            { title: 'Программа', dataIndex: 'programmeTitle', width: 120, render: (v: string, c) => (c.programme === 'АООП' ? <Tag color="purple">{v}</Tag> : v) },
            { title: 'Неделя', dataIndex: 'effectiveWeekLength', width: 80, render: (v: number) => `${v} дн.` },
            { title: 'В прошлом году', dataIndex: 'previousClassName', width: 100 },
            { title: 'Учеников', dataIndex: 'pupilCount', width: 100 },
            { title: 'Подгрупп', dataIndex: 'subgroupCount', width: 100 },
            {
              title: '',
              width: 130,
              render: (_: unknown, c) => (
                <Space>
                  {canSeePupils && <Button size="small" icon={<ApartmentOutlined />} onClick={() => setGroupsOf(c)} aria-label={`Подгруппы ${c.name}`} title="Подгруппы" />}
                  {canEdit && <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(c)} aria-label={`Изменить ${c.name}`} />}
                  {canEdit && (
                    <Popconfirm
                      title={`Удалить класс ${c.name}?`}
                      okText="Удалить"
                      cancelText="Отмена"
                      onConfirm={async () => {
                        const r = await remove({ id: c.id, version: c.version });
                        if ('error' in r && r.error) message.error((r.error as { message: string }).message);
                      }}
                    >
                      <Button size="small" danger icon={<DeleteOutlined />} aria-label={`Удалить ${c.name}`} />
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      {year && editing !== null && <ClassFormModal year={year} years={years} cls={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {year && bulk && <CreateClassesModal yearId={year.id} onClose={() => setBulk(false)} />}
      {groupsOf && <SubgroupsDrawer cls={groupsOf} readOnly={Boolean(year?.isClosed)} onClose={() => setGroupsOf(null)} />}
    </Space>
  );
}
