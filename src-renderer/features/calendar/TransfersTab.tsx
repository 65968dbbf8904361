import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { DayTransfer } from '../../../src-shared/contract/calendar';
import type { AcademicYear } from '../../../src-shared/contract/years';
import { weekday } from '../../../src-shared/domain/calendar/dates';
import { WEEKDAY_NAMES, WEEKDAY_SHORT } from '../../../src-shared/domain/schoolSetup/bellSchedule';
import { DateField } from '../../components/DateField';
import { formatDateRu } from '../../components/format';
import { useHasRight } from '../../components/useSession';
import { recordKey, useDialogSave } from '../../components/saveFeedback';
import { GradeScopeField, scopeText } from './GradeScopeField';
import { useDeleteTransferMutation, useSaveTransferMutation, useTransfersQuery } from './calendarApi';
import { EditDeleteButtons } from '../../components/EditDeleteButtons';

interface Values {
  date: string | null;
  worksAs: number;
  dayOff: string | null;
  grades: 'all' | number[];
  reason: string | null;
  orderRef: string | null;
}

const withWeekday = (d: string | null) => (d ? `${formatDateRu(d)} (${WEEKDAY_SHORT[weekday(d) - 1].toLowerCase()})` : '—');

function TransferModal({ year, transfer, onClose }: { year: AcademicYear; transfer: DayTransfer | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [save, { isLoading }] = useSaveTransferMutation();
  const { error, finish } = useDialogSave(onClose);
  useEffect(() => {
    form.setFieldsValue(transfer ? { ...transfer } : { date: null, worksAs: 1, dayOff: null, grades: 'all', reason: null, orderRef: null });
  }, [transfer, form]);
  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const r = await save({
      yearId: year.id,
      ...recordKey(transfer),
      transfer: { date: v.date ?? '', worksAs: v.worksAs, dayOff: v.dayOff, grades: v.grades ?? 'all', reason: v.reason, orderRef: v.orderRef },
    });
    finish(r, 'Перенос учебного дня сохранён');
  };
  return (
    <Modal open title="Перенос учебного дня" okText="Сохранить" cancelText="Отмена" confirmLoading={isLoading} onOk={() => void submit()} onCancel={onClose}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="form-error" />}
      <Typography.Paragraph type="secondary">
        В выбранный день проводятся уроки по расписанию другого дня недели; освобождаемый день становится выходным. По Порядку (п. 5.5) перенос вносится не позднее чем за 3 рабочих дня.
      </Typography.Paragraph>
      <Form form={form} name="transfer" layout="vertical" aria-label="Форма: Перенос учебного дня">
        <Space align="start">
          <Form.Item name="date" label="Учебный день" required>
            <DateField />
          </Form.Item>
          <Form.Item name="worksAs" label="По расписанию дня">
            <Select style={{ width: 160 }} options={WEEKDAY_NAMES.slice(0, 6).map((n, i) => ({ value: i + 1, label: n }))} />
          </Form.Item>
        </Space>
        <Form.Item name="dayOff" label="Освобождаемый день (станет выходным)">
          <DateField />
        </Form.Item>
        <Form.Item name="grades" label="Для классов">
          <GradeScopeField />
        </Form.Item>
        <Form.Item name="reason" label="Основание">
          <Input placeholder="Например, отработка 2 ноября" />
        </Form.Item>
        <Form.Item name="orderRef" label="Приказ">
          <Input placeholder="№ 112 от 20.10.2026" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Transfers of school days (перенос учебного дня): date X works as weekday Y, date Z becomes a day off. */
export function TransfersTab({ year }: { year: AcademicYear }) {
  const canEdit = useHasRight('calendar.edit') && !year.isClosed;
  const { data, isLoading } = useTransfersQuery({ yearId: year.id });
  const [remove] = useDeleteTransferMutation();
  const [editing, setEditing] = useState<DayTransfer | null | 'new'>(null);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canEdit && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          Добавить перенос
        </Button>
      )}
      <Table<DayTransfer>
        rowKey="id"
        loading={isLoading}
        dataSource={data?.transfers ?? []}
        pagination={false}
        aria-label="Переносы учебных дней"
        columns={[
          { title: 'Учебный день', dataIndex: 'date', render: withWeekday },
          { title: 'По расписанию', dataIndex: 'worksAs', render: (w: number) => WEEKDAY_NAMES[w - 1] },
          { title: 'Освобождаемый день', dataIndex: 'dayOff', render: withWeekday },
          { title: 'Классы', dataIndex: 'grades', render: scopeText },
          { title: 'Основание', dataIndex: 'reason' },
          { title: 'Приказ', dataIndex: 'orderRef' },
          {
            title: '',
            width: 100,
            render: (_: unknown, t) =>
              canEdit && (
                <EditDeleteButtons label={`перенос ${formatDateRu(t.date)}`} confirm="Удалить перенос?" onEdit={() => setEditing(t)} onDelete={() => remove({ id: t.id, version: t.version })} />
              ),
          },
        ]}
      />
      {editing !== null && <TransferModal year={year} transfer={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}
