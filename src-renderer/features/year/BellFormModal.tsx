import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Col, Form, Input, InputNumber, Modal, Radio, Row, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { BellScheduleView } from '../../../src-shared/contract/bells';
import type { AcademicYear } from '../../../src-shared/contract/years';
import { WEEKDAY_SHORT, checkBellSchedule, generateBells, type BellLesson } from '../../../src-shared/domain/schoolSetup/bellSchedule';
import { recordKey, useDialogSave } from '../../components/saveFeedback';
import { useSaveBellsMutation } from './yearApi';

interface Values {
  name: string;
  shift: 1 | 2;
  weekdays: number[];
  lessons: { start: string; end: string }[];
}

/** A bell schedule: shift, weekdays, lessons; SanPiN checks shown live while typing. */
export function BellFormModal({ year, schedule, onClose }: { year: AcademicYear; schedule: BellScheduleView | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [save, { isLoading }] = useSaveBellsMutation();
  const { error, finish } = useDialogSave(onClose);
  const [gen, setGen] = useState({ start: '08:30', count: 6, length: 40, shortBreak: 10, longBreak: 20 });
  const watched = Form.useWatch('lessons', form) as Values['lessons'] | undefined;
  const lessons: BellLesson[] = (watched ?? []).map((l, i) => ({ number: i + 1, start: l?.start ?? '', end: l?.end ?? '' }));
  const check = lessons.length ? checkBellSchedule(lessons) : null;

  useEffect(() => {
    form.setFieldsValue(
      schedule
        ? { name: schedule.name, shift: schedule.shift as 1 | 2, weekdays: schedule.weekdays, lessons: schedule.lessons.map((l) => ({ start: l.start, end: l.end })) }
        : { name: '1 смена', shift: 1, weekdays: [1, 2, 3, 4, 5], lessons: generateBells({ ...gen, longAfter: [2, 3] }).map((l) => ({ start: l.start, end: l.end })) },
    );
    // Filled once per opening: later changes of the generator apply only through «Заполнить».
  }, [schedule, form]);

  const fill = () => form.setFieldValue('lessons', generateBells({ ...gen, longAfter: gen.count >= 4 ? [2, 3] : [2] }).map((l) => ({ start: l.start, end: l.end })));

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const r = await save({
      yearId: year.id,
      ...recordKey(schedule),
      schedule: { name: v.name ?? '', shift: v.shift, weekdays: v.weekdays ?? [], lessons: (v.lessons ?? []).map((l, i) => ({ number: i + 1, start: l.start ?? '', end: l.end ?? '' })) },
    });
    finish(r, `Расписание звонков «${v.name}» сохранено`);
  };

  return (
    <Modal open width={680} title={schedule ? schedule.name : 'Новое расписание звонков'} okText="Сохранить" cancelText="Отмена" confirmLoading={isLoading} onOk={() => void submit()} onCancel={onClose}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="form-error" />}
      <Form form={form} name="bells" layout="vertical" aria-label="Форма: Расписание звонков">
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="name" label="Название" required>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="shift" label="Смена">
              <Radio.Group options={[{ value: 1, label: '1 смена' }, { value: 2, label: '2 смена' }]} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="weekdays" label="Дни недели">
          <Checkbox.Group options={WEEKDAY_SHORT.slice(0, 6).map((d, i) => ({ value: i + 1, label: d }))} />
        </Form.Item>
        <Space wrap style={{ marginBottom: 12 }}>
          <span>Начало</span>
          <Input aria-label="Начало первого урока" style={{ width: 70 }} value={gen.start} onChange={(e) => setGen({ ...gen, start: e.target.value })} />
          <span>уроков</span>
          <InputNumber aria-label="Число уроков" min={1} max={10} style={{ width: 60 }} value={gen.count} onChange={(v) => setGen({ ...gen, count: Number(v) || 1 })} />
          <span>по</span>
          <InputNumber aria-label="Длительность урока" min={20} max={90} style={{ width: 60 }} value={gen.length} onChange={(v) => setGen({ ...gen, length: Number(v) || 40 })} />
          <span>мин, перемены</span>
          <InputNumber aria-label="Перемена" min={0} max={60} style={{ width: 60 }} value={gen.shortBreak} onChange={(v) => setGen({ ...gen, shortBreak: Number(v) || 0 })} />
          <span>и</span>
          <InputNumber aria-label="Большая перемена" min={0} max={60} style={{ width: 60 }} value={gen.longBreak} onChange={(v) => setGen({ ...gen, longBreak: Number(v) || 0 })} />
          <Button icon={<ThunderboltOutlined />} onClick={fill}>
            Заполнить
          </Button>
        </Space>
        <Form.List name="lessons">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline">
                  <Typography.Text style={{ width: 60, display: 'inline-block' }}>{i + 1} урок</Typography.Text>
                  <Form.Item name={[f.name, 'start']} style={{ marginBottom: 6 }}>
                    <Input aria-label={`Урок ${i + 1}: начало`} placeholder="08:30" style={{ width: 80 }} />
                  </Form.Item>
                  <span>–</span>
                  <Form.Item name={[f.name, 'end']} style={{ marginBottom: 6 }}>
                    <Input aria-label={`Урок ${i + 1}: окончание`} placeholder="09:10" style={{ width: 80 }} />
                  </Form.Item>
                  <Typography.Text type="secondary">
                    {check?.breaks.find((b) => b.after === i + 1) ? `перемена ${check.breaks.find((b) => b.after === i + 1)?.minutes} мин` : ''}
                  </Typography.Text>
                  {i === fields.length - 1 && <MinusCircleOutlined aria-label="Убрать последний урок" onClick={() => remove(f.name)} />}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ start: '', end: '' })} disabled={fields.length >= 10}>
                Добавить урок
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      {check && check.errors.length > 0 && <Alert style={{ marginTop: 12 }} type="error" showIcon message={check.errors.join('; ')} />}
      {check && check.errors.length === 0 && check.warnings.length > 0 && <Alert style={{ marginTop: 12 }} type="warning" showIcon message={check.warnings.join('; ')} />}
    </Modal>
  );
}
