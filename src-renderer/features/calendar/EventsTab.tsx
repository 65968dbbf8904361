import { useEffect, useState } from 'react';
import { Button, Form, Input, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { SchoolEvent } from '../../../src-shared/contract/calendar';
import type { AcademicYear } from '../../../src-shared/contract/years';
import { DateField } from '../../components/DateField';
import { formatDateRu } from '../../components/format';
import { useHasRight } from '../../components/useSession';
import { useClassesQuery, useSetupStaffOptionsQuery } from '../classes/classesApi';
import { recordKey, useDialogSave } from '../../components/saveFeedback';
import { useDeleteEventMutation, useEventsQuery, useSaveEventMutation } from './calendarApi';
import { EditDeleteButtons } from '../../components/EditDeleteButtons';
import { FormModal } from '../../components/FormModal';

interface Values {
  title: string;
  date: string | null;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  classId: string | null;
  responsibleStaffId: string | null;
  description: string | null;
}

function EventModal({ year, event, onClose }: { year: AcademicYear; event: SchoolEvent | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [save, { isLoading }] = useSaveEventMutation();
  const { data: classes } = useClassesQuery({ yearId: year.id });
  const { data: staff } = useSetupStaffOptionsQuery();
  const { error, finish } = useDialogSave(onClose);
  useEffect(() => {
    form.setFieldsValue(event ? { ...event } : { title: '', date: null, startTime: null, endTime: null, place: null, classId: null, responsibleStaffId: null, description: null });
  }, [event, form]);
  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const r = await save({ yearId: year.id, ...recordKey(event), event: { ...v, title: v.title ?? '', date: v.date ?? '' } });
    finish(r, `Мероприятие «${v.title}» сохранено`);
  };
  return (
    <FormModal title={event ? event.title : 'Новое мероприятие'} label="Мероприятие" name="event" form={form} error={error} loading={isLoading} onSubmit={submit} onClose={onClose}>
      <Form.Item name="title" label="Название" required>
        <Input />
      </Form.Item>
      <Space align="start">
        <Form.Item name="date" label="Дата" required>
          <DateField />
        </Form.Item>
        <Form.Item name="startTime" label="Начало">
          <Input placeholder="09:00" style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="endTime" label="Окончание">
          <Input placeholder="10:30" style={{ width: 90 }} />
        </Form.Item>
      </Space>
      <Form.Item name="classId" label="Класс" extra="Пусто — общешкольное мероприятие">
        <Select allowClear placeholder="Вся школа" options={(classes?.classes ?? []).map((c) => ({ value: c.id, label: c.name }))} />
      </Form.Item>
      <Form.Item name="responsibleStaffId" label="Ответственный">
        <Select allowClear showSearch optionFilterProp="label" options={(staff?.staff ?? []).map((s) => ({ value: s.id, label: s.fullName }))} />
      </Form.Item>
      <Form.Item name="place" label="Место">
        <Input />
      </Form.Item>
      <Form.Item name="description" label="Описание">
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}

/** School and class events with date, time and a responsible person. */
export function EventsTab({ year }: { year: AcademicYear }) {
  const canEdit = useHasRight('calendar.edit') && !year.isClosed;
  const { data, isLoading } = useEventsQuery({ yearId: year.id });
  const [remove] = useDeleteEventMutation();
  const [editing, setEditing] = useState<SchoolEvent | null | 'new'>(null);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canEdit && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          Добавить мероприятие
        </Button>
      )}
      <Table<SchoolEvent>
        rowKey="id"
        loading={isLoading}
        dataSource={data?.events ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        aria-label="Мероприятия"
        columns={[
          { title: 'Дата', dataIndex: 'date', render: formatDateRu, width: 110 },
          { title: 'Время', render: (_: unknown, e) => [e.startTime, e.endTime].filter(Boolean).join('–'), width: 110 },
          { title: 'Мероприятие', dataIndex: 'title' },
          { title: 'Класс', dataIndex: 'className', render: (v: string | null) => (v ? <Tag>{v}</Tag> : 'вся школа') },
          { title: 'Место', dataIndex: 'place' },
          { title: 'Ответственный', dataIndex: 'responsibleName' },
          {
            title: '',
            width: 100,
            render: (_: unknown, e) =>
              canEdit && (
                <EditDeleteButtons label={e.title} confirm={`Удалить «${e.title}»?`} onEdit={() => setEditing(e)} onDelete={() => remove({ id: e.id, version: e.version })} />
              ),
          },
        ]}
      />
      {editing !== null && <EventModal year={year} event={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}
