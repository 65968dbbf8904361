import { Form, Input, Select } from 'antd';
import { formatDateRu } from '../../components/format';
import { OptionsField } from './OptionsField';
import type { VersionsList } from './timetableApi';

/** Fields of a new draft inside a form: name, study period, switches. */
export function NewVersionFields({ list }: { list: VersionsList }) {
  return (
    <>
      <Form.Item name="name" label="Название" rules={[{ required: true, whitespace: true, message: 'Укажите название' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="studyPeriodId" label="Учебный период (чьи часы ставить)">
        <Select
          aria-label="Учебный период"
          options={[
            ...list.periods.map((p) => ({
              value: p.id,
              label: `${p.name}: ${formatDateRu(p.startDate)} — ${formatDateRu(p.endDate)}${p.grades.length ? ` (${p.grades.join(', ')} кл.)` : ''}`,
            })),
            { value: '', label: 'Весь учебный год' },
          ]}
        />
      </Form.Item>
      <Form.Item name="options" label="Правила">
        <OptionsField extracurricular={list.extracurricularSubjects} />
      </Form.Item>
    </>
  );
}

export interface NewVersionValues {
  name: string;
  studyPeriodId: string;
  options: VersionsList['defaults'];
}

/** Starting values: the first period that has not ended, the year's default switches. */
export function newVersionDefaults(list: VersionsList, today: string): NewVersionValues {
  const period = list.periods.find((p) => p.endDate >= today) ?? list.periods[0];
  return {
    name: period ? `Расписание, ${period.name}` : 'Расписание',
    studyPeriodId: period?.id ?? '',
    options: list.defaults,
  };
}
