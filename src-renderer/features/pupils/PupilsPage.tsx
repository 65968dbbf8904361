import { useCallback } from 'react';
import { Select, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { PUPIL_COLUMNS } from '../../../src-shared/contract/peopleColumns';
import { PUPIL_FLAG_LABELS, PUPIL_FLAGS, type PupilFlag, type PupilRow } from '../../../src-shared/contract/peopleViews';
import type { PupilFilter } from '../../../src-shared/contract/people';
import { useHasRight } from '../../components/useSession';
import { useExportPupilsMutation, usePupilsCountQuery, usePupilsQuery } from '../people/peopleApi';
import { PAGE_SIZE, PeopleListPage, usePages } from '../people/PeopleListPage';
import { useClassOptions } from '../people/useClassOptions';
import { useDebounced, usePersisted } from '../../components/usePersisted';
import { useListSort } from '../../components/useListSort';

interface Filters {
  search: string;
  classId: string | null;
  status: 'all' | 'studying' | 'notStudying';
  flags: PupilFlag[];
}

const yesTag = (on: boolean, text: string, color: string) => (on ? <Tag color={color}>{text}</Tag> : null);

export function PupilsPage() {
  const navigate = useNavigate();
  const canEdit = useHasRight('pupils.edit');
  const classes = useClassOptions();
  const [f, setF] = usePersisted<Filters>('pupils.filters', { search: '', classId: null, status: 'all', flags: [] });
  const search = useDebounced(f.search, 120);
  const filter: PupilFilter = { search: search || undefined, classId: f.classId ?? undefined, status: f.status, flags: f.flags.length ? f.flags : undefined };
  const [sort, onSort] = useListSort('pupils');
  const [pages, more] = usePages(JSON.stringify([filter, sort]));
  const { data, isFetching } = usePupilsQuery({ ...filter, sort: sort ?? undefined, limit: pages * PAGE_SIZE });
  const { data: count } = usePupilsCountQuery(filter);
  const [exportPupils] = useExportPupilsMutation();
  const onNearEnd = useCallback(() => {
    if (!isFetching && data && data.length === pages * PAGE_SIZE) more();
  }, [isFetching, data, pages, more]);

  return (
    <PeopleListPage<PupilRow>
      title="Обучающиеся"
      storageKey="pupils"
      sort={sort}
      onSort={onSort}
      columns={PUPIL_COLUMNS}
      renderers={{
        hasOvz: (r) => yesTag(r.hasOvz, 'ОВЗ', 'purple'),
        boarding: (r) => yesTag(r.boarding, 'интернат', 'blue'),
        homeSchooling: (r) => yesTag(r.homeSchooling, 'на дому', 'gold'),
        needsTransport: (r) => yesTag(r.needsTransport, 'подвоз', 'cyan'),
        freeMeals: (r) => yesTag(r.freeMeals, 'льгота', 'green'),
        pdRefusal: (r) => yesTag(r.pdRefusal, 'отказ ПДн', 'red'),
        className: (r) => r.className ?? <Tag>без класса</Tag>,
      }}
      rows={data}
      total={count?.total}
      loading={isFetching}
      search={f.search}
      onSearch={(search) => setF({ ...f, search })}
      searchPlaceholder="Фамилия, имя, отчество, СНИЛС или № документа"
      filters={
        <>
          <Select
            allowClear
            placeholder="Все классы"
            style={{ width: 130 }}
            value={f.classId}
            onChange={(classId) => setF({ ...f, classId: classId ?? null })}
            options={classes}
            aria-label="Класс"
          />
          <Select
            style={{ width: 170 }}
            value={f.status}
            onChange={(status) => setF({ ...f, status })}
            options={[
              { value: 'all', label: 'Все карточки' },
              { value: 'studying', label: 'Обучаются' },
              { value: 'notStudying', label: 'Без класса (выбыли)' },
            ]}
            aria-label="Статус"
          />
          <Select
            mode="multiple"
            allowClear
            placeholder="Признаки: ОВЗ, интернат…"
            style={{ minWidth: 240 }}
            value={f.flags}
            onChange={(flags) => setF({ ...f, flags })}
            options={PUPIL_FLAGS.map((k) => ({ value: k, label: PUPIL_FLAG_LABELS[k] }))}
            aria-label="Признаки"
          />
        </>
      }
      onNearEnd={onNearEnd}
      onOpen={(r) => navigate(`/pupils/${r.id}`)}
      rowKey={(r) => r.id}
      onCreate={canEdit ? () => navigate('/pupils/new') : undefined}
      createLabel="Новый обучающийся"
      onExport={async (columns) => {
        const r = await exportPupils({ ...filter, columns });
        return 'data' in r ? r.data : undefined;
      }}
    />
  );
}
