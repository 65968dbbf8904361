import { useMemo } from 'react';
import { AutoComplete, Select, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { STAFF_COLUMNS } from '../../../src-shared/contract/peopleColumns';
import type { StaffRow } from '../../../src-shared/contract/peopleViews';
import type { StaffFilter } from '../../../src-shared/contract/staff';
import { SCHOOL_POSITIONS } from '../../../src-shared/domain/positions';
import { formatDateRu } from '../../components/format';
import { useHasRight } from '../../components/useSession';
import { useExportStaffMutation, useStaffCountQuery, useStaffListQuery } from '../people/peopleApi';
import { PeopleListPage, exportWith, usePagedRows } from '../people/PeopleListPage';
import { useDebounced, usePersisted } from '../../components/usePersisted';

interface Filters {
  search: string;
  status: 'all' | 'working' | 'onLeave' | 'dismissed';
  position: string;
  department: string;
}

/** HR's list of staff: working or dismissed, by position, with attestation dates at hand. */
export function StaffPage() {
  const navigate = useNavigate();
  const canEdit = useHasRight('staff.edit');
  const [f, setF] = usePersisted<Filters>('staff.filters', { search: '', status: 'working', position: '', department: '' });
  const search = useDebounced(f.search, 120);
  const filter: StaffFilter = { search: search || undefined, status: f.status, position: f.position || undefined, department: f.department || undefined };
  const list = usePagedRows('staff', filter, useStaffListQuery);
  const { data: count } = useStaffCountQuery(filter);
  const [exportStaff] = useExportStaffMutation();
  // The departments HR has typed so far, for the filter's suggestions.
  const { data: everyone } = useStaffListQuery({ status: 'all' });
  const departments = useMemo(() => [...new Set((everyone ?? []).map((r) => r.department).filter((d): d is string => Boolean(d)))].sort((a, b) => a.localeCompare(b, 'ru')), [everyone]);
  const today = new Date().toISOString().slice(0, 10);

  return (
    <PeopleListPage<StaffRow>
      {...list}
      title="Сотрудники"
      storageKey="staff"
      columns={STAFF_COLUMNS}
      renderers={{
        nextAttestationDate: (r) => (r.nextAttestationDate ? <span style={{ color: r.nextAttestationDate < today ? '#cf1322' : undefined }}>{formatDateRu(r.nextAttestationDate)}</span> : ''),
        dismissalDate: (r) => (r.dismissalDate ? <Tag color="default">уволен(а) {formatDateRu(r.dismissalDate)}</Tag> : ''),
      }}
      total={count?.total}
      search={f.search}
      onSearch={(s) => setF({ ...f, search: s })}
      searchPlaceholder="Фамилия, имя, отчество, табельный № или СНИЛС"
      filters={
        <>
          <Select
            style={{ width: 250 }}
            value={f.status}
            onChange={(status) => setF({ ...f, status })}
            options={[
              { value: 'working', label: 'Работают' },
              { value: 'onLeave', label: 'В отпуске по уходу за ребёнком' },
              { value: 'dismissed', label: 'Уволены' },
              { value: 'all', label: 'Все' },
            ]}
            aria-label="Статус"
          />
          <AutoComplete
            allowClear
            placeholder="Должность"
            style={{ width: 280 }}
            value={f.position}
            onChange={(position) => setF({ ...f, position: position ?? '' })}
            options={SCHOOL_POSITIONS.map((p) => ({ value: p.name }))}
            filterOption={(input, o) => String(o?.value ?? '').toLowerCase().includes(input.toLowerCase())}
            aria-label="Должность"
          />
          <Select
            allowClear
            showSearch
            placeholder="Все подразделения"
            style={{ width: 240 }}
            value={f.department || null}
            onChange={(department: string | undefined) => setF({ ...f, department: department ?? '' })}
            options={departments.map((value) => ({ value, label: value }))}
            aria-label="Подразделение"
          />
        </>
      }
      onOpen={(r) => navigate(`/staff/${r.id}`)}
      rowKey={(r) => r.id}
      onCreate={canEdit ? () => navigate('/staff/new') : undefined}
      createLabel="Новый сотрудник"
      onExport={exportWith(exportStaff, filter)}
    />
  );
}
