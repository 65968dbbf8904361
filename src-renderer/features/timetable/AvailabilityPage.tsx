import { useMemo, useState } from 'react';
import { Input, Skeleton, Space, Table, Typography } from 'antd';
import { searchKey } from '../../../src-shared/domain/names';
import { useHasRight } from '../../components/useSession';
import { useSelectedYear } from '../../components/useSelectedYear';
import { AvailabilityEditor } from './AvailabilityEditor';
import { describeSlots } from './availabilityModel';
import { useOpenParam, YearHeader } from './pageParts';
import { useTeacherAvailabilityQuery, type TeacherAvailability } from './timetableApi';

/**
 * «Недоступность учителей»: every teacher with load and their time off for the year (методический
 * день, part days), which the solver keeps. A row opens the editor; `?staffId=` (a link of the
 * pre-check) opens it at once.
 */
export function AvailabilityPage() {
  const { years, year, setYearId, isLoading } = useSelectedYear();
  const canEdit = useHasRight('timetable.edit') && Boolean(year && !year.isClosed);
  const [search, setSearch] = useState('');
  const { data, error, isFetching } = useTeacherAvailabilityQuery({ yearId: year?.id ?? '' }, { skip: !year });
  const [staffId, setOpen] = useOpenParam('staffId');
  const open = data?.teachers.find((t) => t.staffId === staffId) ?? null;
  const rows = useMemo(() => {
    const key = searchKey(search);
    return (data?.teachers ?? []).filter((t) => !key || searchKey(t.fullName).includes(key));
  }, [data, search]);
  const manyShifts = (data?.shifts.length ?? 0) > 1;

  if (isLoading) return <Skeleton active />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <YearHeader title="Недоступность учителей" years={years} year={year} onYear={setYearId} error={error} />
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
              { title: 'Недоступен', key: 'slots', render: (_, t) => describeSlots(t.slots, manyShifts) || <Typography.Text type="secondary">нет</Typography.Text> },
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
