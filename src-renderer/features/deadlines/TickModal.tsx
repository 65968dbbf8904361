import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import type { TaskRow } from '../../../src-shared/contract/deadlines';
import type { ErrorBody } from '../../../src-shared/errors';
import { DateField } from '../../components/DateField';
import { useTickTaskMutation } from './deadlinesApi';

/** The owner marks a task done: the date (today unless said otherwise) and a note for the director. */
export function TickModal({ task, today, onClose }: { task: TaskRow; today: string; onClose: () => void }) {
  const [tick, { isLoading }] = useTickTaskMutation();
  const [doneOn, setDoneOn] = useState<string | null>(today);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setError(null);
    const r = await tick({ taskKey: task.key, note: note.trim() || null, doneOn: doneOn ?? today });
    if ('error' in r) setError((r.error as ErrorBody).message);
    else onClose();
  };
  return (
    <Modal open title="Отметить выполнение" okText="Отметить выполненным" cancelText="Отмена" confirmLoading={isLoading} onOk={() => void save()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph>
        <b>{task.title}</b>
        <br />
        {task.subject}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form layout="vertical">
        <Form.Item label="Дата выполнения" htmlFor="tick-date">
          <DateField id="tick-date" value={doneOn} onChange={setDoneOn} />
        </Form.Item>
        <Form.Item label="Комментарий" htmlFor="tick-note" extra="Что сделано и где: например, «отчёты сформированы в портале, переданы директору».">
          <Input.TextArea id="tick-note" rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
