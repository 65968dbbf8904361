import { useMemo, useState } from 'react';
import { Alert, Empty, Input, Skeleton, Space, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { searchKey } from '../../../src-shared/domain/names';
import { useHasRight } from '../access/useSession';
import { YearSelect } from '../year/YearSelect';
import { useSelectedYear } from '../year/useSelectedYear';
import { AvailabilityEditor } from './AvailabilityEditor';
import { describeSlots } from './availabilityModel';
import { useTeacherAvailabilityQuery, type TeacherAvailability } from './timetableApi';

/**
 * «Недоступность учителей»: every teacher with load and their time off for the year (методический
 * день, part days), which the solver keeps. A row opens the editor; `?staffId=` (a link of the
 * pre-check) opens it at once.
 */
export function AvailabilityPage() {
  const { years, year, setYearId, isLoading } = useSelectedYear();
  const [params, setParams] = useSearchParams();
  const canEdit = useHasRight('timetable.edit') && Boolean(year && !year.isClosed);
  const [search, setSearch] = useState('');
  const { data, error, isFetching } = useTeacherAvailabilityQuery({ yearId: year?.id ?? '' }, { skip: !year });
  const staffId = params.get('staffId');
  const open = data?.teachers.find((t) => t.staffId === staffId) ?? null;
  const rows = useMemo(() => {
    const key = searchKey(search);
    return (data?.teachers ?? []).filter((t) => !key || searchKey(t.fullName).includes(key));
  }, [data, search]);
  const manyShifts = (data?.shifts.length ?? 0) > 1;
  const setOpen = (id: string | null) =>
    setParams((p) => {
      if (id) p.set('staffId', id);
      else p.delete('staffId');
      return p;
    });

  if (isLoading) return <Skeleton active />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Недоступность учителей
        </Typography.Title>
        <YearSelect years={years} value={year?.id ?? null} onChange={setYearId} />
      </Space>
      {!year && <Empty description="Сначала создайте учебный год" />}
      {error && <Alert type="error" showIcon title={(error as { message?: string }).message ?? 'Список не загружен'} />}
      {year && data && (
        <>
          <Typography.Text type="secondary">
            Составление расписания не ставит уроки учителю в отмеченное время («недоступен») и по возможности обходит «нежелательно».
          </Typography.Text>
          <Input.Search aria-label="Поиск учителя" placeholder="Поиск по ФИО" allowClear style={{ maxWidth: 360 }} value={search} onChange={(e) => setSearch(e.target.value)} />
          <Table<TeacherAvailability>
            size="small"
            rowKey="staffId"
            loading={isFetching}
            pagination={false}
            virtual
            scroll={{ y: Math.max(300, window.innerHeight - 360) }}
            dataSource={rows}
            aria-label="Учителя и их недоступность"
            locale={{ emptyText: 'Учителей с нагрузкой нет' }}
            onRow={(t) => ({ onClick: () => setOpen(t.staffId), style: { cursor: 'pointer' } })}
            columns={[
              { title: 'Учитель', dataIndex: 'fullName', width: 320 },
              { title: 'Недоступен', key: 'slots', render: (_, t) => describeSlots(t.slots, manyShifts) || <Typography.Text type="secondary">всё время</Typography.Text> },
              { title: 'Примечание', dataIndex: 'note', width: 260, ellipsis: true },
            ]}
          />
        </>
      )}
      {year && data && open && (
        <AvailabilityEditor key={`${open.staffId}:${open.version}`} yearId={year.id} teacher={open} shifts={data.shifts} weekdays={data.weekdays} canEdit={canEdit} onClose={() => setOpen(null)} />
      )}
    </Space>
  );
}
