import { useState } from 'react';
import { App, Button, Input, Select, Space } from 'antd';
import { CLOSURE_REASON_LABEL, CLOSURE_REASONS } from '../../../../src-shared/contract/timetableSubs';
import { DateField } from '../../../components/DateField';
import { errorText } from '../../../components/serverErrors';
import { useCreateClosureMutation } from './subsApi';

/** «Кабинет закрыт»: a room, the dates, the reason (ремонт, проверка) and a note; its lessons then need another room. */
export function ClosureForm({ date, rooms }: { date: string; rooms: { id: string; number: string }[] }) {
  const { message } = App.useApp();
  const [roomId, setRoomId] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(date);
  const [to, setTo] = useState<string | null>(date);
  const [reason, setReason] = useState<(typeof CLOSURE_REASONS)[number]>('repair');
  const [note, setNote] = useState('');
  const [create, { isLoading }] = useCreateClosureMutation();
  const save = async () => {
    if (!roomId || !from || !to) return void message.error('Выберите кабинет и даты закрытия');
    const r = await create({ roomId, dateFrom: from, dateTo: to, reason, note: note || null });
    if ('error' in r && r.error) message.error(errorText(r) ?? 'Не удалось сохранить');
    else message.success('Кабинет отмечен закрытым');
  };
  return (
    <Space wrap aria-label="Закрыть кабинет">
      <Select
        aria-label="Закрываемый кабинет"
        showSearch
        optionFilterProp="label"
        placeholder="Кабинет"
        style={{ width: 240 }}
        value={roomId}
        onChange={setRoomId}
        options={rooms.map((r) => ({ value: r.id, label: r.number }))}
      />
      <span>с</span>
      <DateField value={from} onChange={setFrom} id="closure-from" />
      <span>по</span>
      <DateField value={to} onChange={setTo} id="closure-to" />
      <Select aria-label="Причина закрытия" style={{ width: 160 }} value={reason} onChange={setReason} options={CLOSURE_REASONS.map((r) => ({ value: r, label: CLOSURE_REASON_LABEL[r] }))} />
      <Input aria-label="Пояснение" placeholder="Пояснение (покраска, проверка пожарной охраны)" style={{ width: 200 }} value={note} onChange={(e) => setNote(e.target.value)} />
      <Button loading={isLoading} onClick={save}>
        Закрыть кабинет
      </Button>
    </Space>
  );
}
