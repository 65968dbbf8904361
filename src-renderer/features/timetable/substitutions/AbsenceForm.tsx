import { useState } from 'react';
import { App, Button, Input, Select, Space } from 'antd';
import { ABSENCE_REASON_LABEL, ABSENCE_REASONS } from '../../../../src-shared/contract/timetableSubs';
import { DateField } from '../../../components/DateField';
import { errorText } from '../../../components/serverErrors';
import { useCreateAbsenceMutation } from './subsApi';

/** «Отметить отсутствие»: a teacher, the dates and the reason; the day's list refreshes by itself. */
export function AbsenceForm({ date, teachers }: { date: string; teachers: { id: string; name: string }[] }) {
  const { message } = App.useApp();
  const [staffId, setStaffId] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(date);
  const [to, setTo] = useState<string | null>(date);
  const [reason, setReason] = useState<(typeof ABSENCE_REASONS)[number]>('sick');
  const [document, setDocument] = useState('');
  const [create, { isLoading }] = useCreateAbsenceMutation();
  const save = async () => {
    if (!staffId || !from || !to) return void message.error('Выберите учителя и даты отсутствия');
    const r = await create({ staffId, dateFrom: from, dateTo: to, reason, document: document || null });
    if ('error' in r && r.error) message.error(errorText(r) ?? 'Не удалось сохранить');
    else message.success('Отсутствие отмечено');
  };
  return (
    <Space wrap aria-label="Отметить отсутствие">
      <Select
        aria-label="Отсутствующий учитель"
        showSearch
        optionFilterProp="label"
        placeholder="Учитель"
        style={{ width: 240 }}
        value={staffId}
        onChange={setStaffId}
        options={teachers.map((t) => ({ value: t.id, label: t.name }))}
      />
      <span>с</span>
      <DateField value={from} onChange={setFrom} id="absence-from" />
      <span>по</span>
      <DateField value={to} onChange={setTo} id="absence-to" />
      <Select aria-label="Причина" style={{ width: 160 }} value={reason} onChange={setReason} options={ABSENCE_REASONS.map((r) => ({ value: r, label: ABSENCE_REASON_LABEL[r] }))} />
      <Input aria-label="Документ" placeholder="Документ (№ ЛН, приказ)" style={{ width: 200 }} value={document} onChange={(e) => setDocument(e.target.value)} />
      <Button type="primary" loading={isLoading} onClick={save}>
        Отметить отсутствие
      </Button>
    </Space>
  );
}
