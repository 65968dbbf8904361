import { Select } from 'antd';
import { useNavigate } from 'react-router';
import { PARENT_COLUMNS } from '../../../src-shared/contract/peopleColumns';
import type { ParentRow } from '../../../src-shared/contract/peopleViews';
import type { ParentFilter } from '../../../src-shared/contract/peopleParents';
import { useExportParentsMutation, useParentsCountQuery, useParentsQuery } from '../people/peopleApi';
import { PeopleListPage, exportWith, usePagedRows } from '../people/PeopleListPage';
import { useClassOptions } from '../people/useClassOptions';
import { useDebounced, usePersisted } from '../../components/usePersisted';

interface Filters {
  search: string;
  classId: string | null;
  children: 'any' | 'with' | 'without';
}

/** Parents and legal representatives: one card per person, however many children they have. */
export function ParentsPage() {
  const navigate = useNavigate();
  const classes = useClassOptions();
  const [f, setF] = usePersisted<Filters>('parents.filters', { search: '', classId: null, children: 'any' });
  const search = useDebounced(f.search, 120);
  const filter: ParentFilter = { search: search || undefined, classId: f.classId ?? undefined, hasChildren: f.children === 'any' ? undefined : f.children === 'with' };
  const list = usePagedRows('parents', filter, useParentsQuery);
  const { data: count } = useParentsCountQuery(filter);
  const [exportParents] = useExportParentsMutation();

  return (
    <PeopleListPage<ParentRow>
      {...list}
      title="Родители и законные представители"
      storageKey="parents"
      columns={PARENT_COLUMNS}
      total={count?.total}
      search={f.search}
      onSearch={(s) => setF({ ...f, search: s })}
      searchPlaceholder="Фамилия, имя, отчество, СНИЛС или № паспорта"
      filters={
        <>
          <Select allowClear placeholder="Все классы детей" style={{ width: 170 }} value={f.classId} onChange={(classId) => setF({ ...f, classId: classId ?? null })} options={classes} aria-label="Класс" />
          <Select
            style={{ width: 170 }}
            value={f.children}
            onChange={(children) => setF({ ...f, children })}
            options={[
              { value: 'any', label: 'Все' },
              { value: 'with', label: 'С детьми' },
              { value: 'without', label: 'Без связанных детей' },
            ]}
            aria-label="Дети"
          />
        </>
      }
      onOpen={(r) => navigate(`/parents/${r.id}`)}
      rowKey={(r) => r.id}
      onExport={exportWith(exportParents, filter)}
    />
  );
}
