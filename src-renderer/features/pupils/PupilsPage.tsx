import { Select, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { PUPIL_COLUMNS } from '../../../src-shared/contract/peopleColumns';
import { PUPIL_FLAG_LABELS, PUPIL_FLAGS, type PupilFlag, type PupilRow } from '../../../src-shared/contract/peopleViews';
import type { PupilFilter } from '../../../src-shared/contract/people';
import { useHasRight } from '../../components/useSession';
import { useExportPupilsMutation, usePupilsCountQuery, usePupilsQuery } from '../people/peopleApi';
import { PeopleListPage, exportWith, usePagedRows } from '../people/PeopleListPage';
import { useClassOptions } from '../people/useClassOptions';
import { useDebounced, usePersisted } from '../../components/usePersisted';

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
  const list = usePagedRows('pupils', filter, usePupilsQuery);
  const { data: count } = usePupilsCountQuery(filter);
  const [exportPupils] = useExportPupilsMutation();

  return (
    <PeopleListPage<PupilRow>
      {...list}
      title="Обучающиеся"
      storageKey="pupils"
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
      total={count?.total}
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
      onOpen={(r) => navigate(`/pupils/${r.id}`)}
      rowKey={(r) => r.id}
      onCreate={canEdit ? () => navigate('/pupils/new') : undefined}
      createLabel="Новый обучающийся"
      onExport={exportWith(exportPupils, filter)}
    />
  );
}
