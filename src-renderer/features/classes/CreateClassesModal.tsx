import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { parseLetters } from '../../../src-shared/domain/schoolSetup/classRules';
import { useDialogSave } from '../../components/saveFeedback';
import { useCreateClassesMutation } from './classesApi';

const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

/** Creates whole parallels at once: grades × letters (1А–11Б); all or nothing. */
export function CreateClassesModal({ yearId, onClose }: { yearId: string; onClose: () => void }) {
  const [grades, setGrades] = useState<number[]>(GRADES);
  const [letters, setLetters] = useState('АБ');
  const [shift, setShift] = useState<1 | 2>(1);
  const [create, { isLoading }] = useCreateClassesMutation();
  const { error, finish } = useDialogSave(onClose);
  const list = parseLetters(letters);
  const preview = grades.flatMap((g) => list.map((l) => `${g}${l}`));
  const submit = async () => {
    const r = await create({ yearId, grades, letters: list, shift });
    finish(r, `Создано классов: ${preview.length}`);
  };
  return (
    <Modal open title="Создать классы параллелями" okText="Создать" cancelText="Отмена" confirmLoading={isLoading} onOk={() => void submit()} onCancel={onClose} okButtonProps={{ disabled: preview.length === 0 }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="form-error" />}
      <Form name="classesBulk" layout="vertical" aria-label="Форма: Создать классы">
        <Form.Item label="Параллели">
          <Select aria-label="Параллели" mode="multiple" value={grades} onChange={setGrades} options={GRADES.map((g) => ({ value: g, label: `${g}` }))} />
        </Form.Item>
        <Form.Item label="Литеры" extra="Например, АБВ или А, Б, В">
          <Input aria-label="Литеры" value={letters} onChange={(e) => setLetters(e.target.value)} />
        </Form.Item>
        <Form.Item label="Смена">
          <Radio.Group value={shift} onChange={(e) => setShift(e.target.value as 1 | 2)} options={[{ value: 1, label: '1' }, { value: 2, label: '2' }]} />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">
        Будут созданы ({preview.length}): {preview.join(', ')}
      </Typography.Text>
    </Modal>
  );
}
