import { useEffect } from 'react';
import { Alert, Button, Col, Form, Input, Modal, Row, Select, Space } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import type { AcademicYear, PeriodScheme } from '../../../src-shared/contract/years';
import { PERIOD_KINDS, PERIOD_KIND_KEYS, suggestPeriods, type PeriodKind } from '../../../src-shared/domain/schoolSetup/studyPeriods';
import { DateField } from '../../components/DateField';
import { useEntriesQuery } from '../calendar/calendarApi';
import { recordKey, useDialogSave } from '../../components/saveFeedback';
import { useSavePeriodsMutation } from './yearApi';

interface Values {
  name: string;
  kind: PeriodKind;
  grades: number[];
  periods: { name: string; startDate: string | null; endDate: string | null }[];
}

const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

/** A scheme of study periods for some grades: kind, grades and the dated periods. */
export function SchemeFormModal({ year, scheme, open, onClose, takenGrades }: { year: AcademicYear; scheme: PeriodScheme | null; open: boolean; onClose: () => void; takenGrades: number[] }) {
  const [form] = Form.useForm<Values>();
  const [save, { isLoading }] = useSavePeriodsMutation();
  const { data: entries } = useEntriesQuery({ yearId: year.id });
  const { error, setError, finish } = useDialogSave(onClose);

  const propose = (kind: PeriodKind) => {
    const holidays = (entries?.entries ?? []).filter((e) => e.kind === 'holiday' && e.grades === 'all').map((e) => ({ from: e.startDate, to: e.endDate }));
    form.setFieldValue('periods', suggestPeriods(kind, year, holidays));
  };

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (scheme) {
      form.setFieldsValue({ name: scheme.name, kind: scheme.kind, grades: scheme.grades, periods: scheme.periods.map((p) => ({ name: p.name, startDate: p.startDate, endDate: p.endDate })) });
    } else {
      const free = GRADES.filter((g) => !takenGrades.includes(g));
      form.setFieldsValue({ name: PERIOD_KINDS.quarters.label, kind: 'quarters', grades: free.filter((g) => g <= 9), periods: [] });
      propose('quarters');
    }
    // Runs when the dialog opens, not when holidays reload: that would overwrite dates being typed.
  }, [open, scheme, form]);

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const r = await save({
      yearId: year.id,
      ...recordKey(scheme),
      scheme: { name: v.name ?? '', kind: v.kind, grades: v.grades ?? [], periods: (v.periods ?? []).map((p) => ({ name: p.name ?? '', startDate: p.startDate ?? '', endDate: p.endDate ?? '' })) },
    });
    finish(r, `Учебные периоды «${v.name}» сохранены`);
  };

  return (
    <Modal open={open} width={760} title={scheme ? `Учебные периоды: ${scheme.name}` : 'Новая схема учебных периодов'} okText="Сохранить" cancelText="Отмена" confirmLoading={isLoading} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="form-error" />}
      <Form form={form} name="scheme" layout="vertical" aria-label="Форма: Учебные периоды">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="kind" label="Вид периодов">
              <Select
                options={PERIOD_KIND_KEYS.map((k) => ({ value: k, label: PERIOD_KINDS[k].label }))}
                onChange={(k: PeriodKind) => {
                  form.setFieldValue('name', PERIOD_KINDS[k].label);
                  propose(k);
                }}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="name" label="Название" required>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="grades" label="Параллели" required>
          <Select mode="multiple" options={GRADES.map((g) => ({ value: g, label: `${g} кл.`, disabled: takenGrades.includes(g) }))} />
        </Form.Item>
        <Space style={{ marginBottom: 8 }}>
          <Button icon={<ThunderboltOutlined />} onClick={() => propose(form.getFieldValue('kind'))}>
            Заполнить даты по каникулам
          </Button>
        </Space>
        <Form.List name="periods">
          {(fields) =>
            fields.map((f, i) => (
              <Row gutter={8} key={f.key}>
                <Col span={8}>
                  <Form.Item name={[f.name, 'name']} label={i === 0 ? 'Период' : undefined}>
                    <Input aria-label={`Период ${i + 1}: название`} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={[f.name, 'startDate']} label={i === 0 ? 'Начало' : undefined}>
                    <DateField id={`period-${i}-start`} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={[f.name, 'endDate']} label={i === 0 ? 'Окончание' : undefined}>
                    <DateField id={`period-${i}-end`} />
                  </Form.Item>
                </Col>
              </Row>
            ))
          }
        </Form.List>
      </Form>
    </Modal>
  );
}
