import { useEffect, useState } from 'react';
import { AutoComplete, Button, Form, Input, Radio, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { CalendarEntry } from '../../../src-shared/contract/calendar';
import type { AcademicYear } from '../../../src-shared/contract/years';
import { diffDays } from '../../../src-shared/domain/calendar/dates';
import { DateField } from '../../components/DateField';
import { formatDateRu } from '../../components/format';
import { useHasRight } from '../../components/useSession';
import { recordKey, useDialogSave } from '../../components/saveFeedback';
import { GradeScopeField, scopeText } from './GradeScopeField';
import { useDeleteEntryMutation, useEntriesQuery, useSaveEntryMutation } from './calendarApi';
import { EditDeleteButtons } from '../../components/EditDeleteButtons';
import { FormModal } from '../../components/FormModal';

const NAMES = ['Осенние каникулы', 'Зимние каникулы', 'Весенние каникулы', 'Дополнительные каникулы', 'Летние каникулы', 'День здоровья'];

interface Values {
  kind: 'holiday' | 'dayOff';
  name: string;
  startDate: string | null;
  endDate: string | null;
  grades: 'all' | number[];
  note: string | null;
}

function EntryModal({ year, entry, onClose }: { year: AcademicYear; entry: CalendarEntry | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [save, { isLoading }] = useSaveEntryMutation();
  const { error, finish } = useDialogSave(onClose);
  useEffect(() => {
    form.setFieldsValue(entry ? { ...entry } : { kind: 'holiday', name: '', startDate: null, endDate: null, grades: 'all', note: null });
  }, [entry, form]);
  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const r = await save({
      yearId: year.id,
      ...recordKey(entry),
      entry: { kind: v.kind, name: v.name ?? '', startDate: v.startDate ?? '', endDate: v.endDate ?? v.startDate ?? '', grades: v.grades ?? 'all', note: v.note },
    });
    finish(r, `«${v.name}» сохранено`);
  };
  return (
    <FormModal title={entry ? entry.name : 'Каникулы или выходной день'} label="Каникулы или выходной день" name="entry" form={form} error={error} loading={isLoading} onSubmit={submit} onClose={onClose}>
      <Form.Item name="kind" label="Вид">
        <Radio.Group options={[{ value: 'holiday', label: 'Каникулы' }, { value: 'dayOff', label: 'Выходной день' }]} />
      </Form.Item>
      <Form.Item name="name" label="Название" required>
        <AutoComplete options={NAMES.map((n) => ({ value: n }))} filterOption={(input, o) => String(o?.value).toLowerCase().includes(input.toLowerCase())}>
          <Input />
        </AutoComplete>
      </Form.Item>
      <Space>
        <Form.Item name="startDate" label="Дата начала" required>
          <DateField />
        </Form.Item>
        <Form.Item name="endDate" label="Дата окончания" required>
          <DateField />
        </Form.Item>
      </Space>
      <Form.Item name="grades" label="Для классов" extra="Пусто — для всех классов; дополнительные каникулы — только 1 класс">
        <GradeScopeField />
      </Form.Item>
      <Form.Item name="note" label="Примечание">
        <Input />
      </Form.Item>
    </FormModal>
  );
}

/** Holidays (каникулы) and the school's own days off for the year. */
export function HolidaysTab({ year }: { year: AcademicYear }) {
  const canEdit = useHasRight('calendar.edit') && !year.isClosed;
  const { data, isLoading } = useEntriesQuery({ yearId: year.id });
  const [remove] = useDeleteEntryMutation();
  const [editing, setEditing] = useState<CalendarEntry | null | 'new'>(null);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canEdit && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          Добавить каникулы или выходной
        </Button>
      )}
      <Table<CalendarEntry>
        rowKey="id"
        loading={isLoading}
        dataSource={data?.entries ?? []}
        pagination={false}
        aria-label="Каникулы и выходные дни"
        columns={[
          { title: 'Вид', dataIndex: 'kind', render: (k: string) => (k === 'holiday' ? <Tag color="orange">каникулы</Tag> : <Tag color="blue">выходной</Tag>) },
          { title: 'Название', dataIndex: 'name' },
          { title: 'Начало', dataIndex: 'startDate', render: formatDateRu },
          { title: 'Окончание', dataIndex: 'endDate', render: formatDateRu },
          { title: 'Дней', render: (_: unknown, e) => diffDays(e.startDate, e.endDate) + 1 },
          { title: 'Классы', dataIndex: 'grades', render: scopeText },
          { title: 'Примечание', dataIndex: 'note' },
          {
            title: '',
            width: 100,
            render: (_: unknown, e) =>
              canEdit && (
                <EditDeleteButtons label={e.name} confirm={`Удалить «${e.name}»?`} onEdit={() => setEditing(e)} onDelete={() => remove({ id: e.id, version: e.version })} />
              ),
          },
        ]}
      />
      {editing !== null && <EntryModal year={year} entry={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}
