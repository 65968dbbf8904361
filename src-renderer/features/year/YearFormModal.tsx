import { useEffect } from 'react';
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import type { AcademicYear } from '../../../src-shared/contract/years';
import { DateField } from '../../components/DateField';
import { recordKey, useDialogSave } from '../../components/saveFeedback';
import { useSaveYearMutation } from './yearApi';
import { requiredRule } from '../../components/requiredRule';

interface Values {
  name: string;
  startDate: string | null;
  endDate: string | null;
  weekLength: 5 | 6;
  otherGrades: number[];
}

const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

/** Creates or edits an academic year: name, dates and the 5- or 6-day week by grade. */
export function YearFormModal({ year, open, onClose }: { year: AcademicYear | null; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [save, { isLoading }] = useSaveYearMutation();
  const { error, setError, finish } = useDialogSave(onClose);
  const weekLength = Form.useWatch('weekLength', form) ?? 5;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (year) {
      const other = Object.entries(year.weekLengthByGrade)
        .filter(([, w]) => w !== year.weekLength)
        .map(([g]) => Number(g));
      form.setFieldsValue({ name: year.name, startDate: year.startDate, endDate: year.endDate, weekLength: year.weekLength, otherGrades: other });
    } else {
      form.setFieldsValue({ weekLength: 5, otherGrades: [10, 11], name: '', startDate: null, endDate: null });
    }
  }, [open, year, form]);

  // Typing «2026/2027» proposes the usual dates: 1 September to 26 May.
  const onName = (name: string) => {
    const m = /^(\d{4})\/(\d{4})$/.exec(name.trim());
    if (!m) return;
    if (!form.getFieldValue('startDate')) form.setFieldValue('startDate', `${m[1]}-09-01`);
    if (!form.getFieldValue('endDate')) form.setFieldValue('endDate', `${m[2]}-05-26`);
  };

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const other = v.weekLength === 5 ? 6 : 5;
    const weekLengthByGrade = Object.fromEntries((v.otherGrades ?? []).map((g) => [String(g), other as 5 | 6]));
    const r = await save({
      ...recordKey(year),
      year: { name: v.name?.trim() ?? '', startDate: v.startDate ?? '', endDate: v.endDate ?? '', weekLength: v.weekLength, weekLengthByGrade },
    });
    finish(r, year ? `Учебный год ${v.name} сохранён` : `Учебный год ${v.name} создан`);
  };

  return (
    <Modal
      open={open}
      title={year ? `Учебный год ${year.name}` : 'Новый учебный год'}
      okText="Сохранить"
      cancelText="Отмена"
      confirmLoading={isLoading}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="form-error" />}
      <Form form={form} name="year" layout="vertical" aria-label="Форма: Учебный год">
        <Form.Item name="name" label="Учебный год" required rules={requiredRule('Учебный год')} extra="Например, 2026/2027">
          <Input placeholder="2026/2027" onChange={(e) => onName(e.target.value)} />
        </Form.Item>
        <Form.Item name="startDate" label="Дата начала" required>
          <DateField />
        </Form.Item>
        <Form.Item name="endDate" label="Дата окончания" required>
          <DateField />
        </Form.Item>
        <Form.Item name="weekLength" label="Учебная неделя">
          <Radio.Group
            options={[
              { value: 5, label: 'пятидневная' },
              { value: 6, label: 'шестидневная' },
            ]}
          />
        </Form.Item>
        <Form.Item name="otherGrades" label={`Параллели с ${weekLength === 5 ? 'шестидневной' : 'пятидневной'} неделей`}>
          <Select mode="multiple" allowClear placeholder="нет" options={GRADES.map((g) => ({ value: g, label: `${g} кл.` }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
