import { useEffect, useState } from 'react';
import { Alert, Col, Form, Input, InputNumber, Modal, Row, Select, Switch, Typography } from 'antd';
import { ROLE_IDS, ROLES, type RoleId } from '../../../src-shared/contract/access';
import type { RuleInput, RuleRow } from '../../../src-shared/contract/deadlines';
import { ANCHORS, ANCHOR_IDS, CHECKS, CHECK_IDS, CONFIRMS, CONFIRM_IDS, DIRECTIONS, describeTerm, type AnchorId, type CheckId, type ConfirmMode, type Direction, type UnitId } from '../../../src-shared/domain/deadlines/ruleModel';
import type { ErrorBody } from '../../../src-shared/errors';
import { useSaveDeadlineRuleMutation } from './deadlinesApi';

type Values = Omit<RuleInput, 'check'> & { check: CheckId | null };

const UNIT_OPTIONS: { value: UnitId; label: string }[] = [
  { value: 'workingDays', label: 'рабочих дней' },
  { value: 'calendarDays', label: 'календарных дней' },
  { value: 'weeks', label: 'недель' },
];

function valuesOf(rule: RuleRow | null): Values {
  if (!rule) return { title: '', description: null, role: 'deputy', anchor: 'yearDate', monthDay: '09-15', offset: 0, unit: 'calendarDays', direction: 'before', confirm: 'owner', check: null, section: '', link: null, isActive: true };
  return {
    title: rule.title,
    description: rule.description,
    role: rule.role as RoleId,
    anchor: rule.anchor as AnchorId,
    monthDay: rule.monthDay,
    offset: rule.offset,
    unit: rule.unit as UnitId,
    direction: rule.direction as Direction,
    confirm: rule.confirm as ConfirmMode,
    check: (rule.check as CheckId | null) ?? null,
    section: rule.section,
    link: rule.link,
    isActive: rule.isActive,
  };
}

/** Edits a rule (a shipped one becomes the school's version of it) or adds the school's own. */
export function RuleFormModal({ rule, onClose }: { rule: RuleRow | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [save, { isLoading }] = useSaveDeadlineRuleMutation();
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState<Values>(() => valuesOf(rule));
  useEffect(() => {
    form.setFieldsValue(valuesOf(rule));
  }, [rule, form]);

  const submit = async () => {
    const v = { ...valuesOf(rule), ...(form.getFieldsValue(true) as Values) };
    setError(null);
    const r = await save({ key: rule?.key ?? null, version: rule?.version ?? 0, rule: { ...v, monthDay: v.anchor === 'yearDate' ? v.monthDay : null, check: v.confirm === 'data' ? v.check : null } });
    if ('error' in r) setError((r.error as ErrorBody).message);
    else onClose();
  };
  const dated = ANCHORS[draft.anchor as AnchorId]?.dated ?? true;
  const checks = CHECK_IDS.filter((c) => (CHECKS[c].anchors as readonly string[]).includes(draft.anchor));

  return (
    <Modal open width={760} title={rule ? `Правило: ${rule.title}` : 'Своё правило срока'} okText="Сохранить" cancelText="Отмена" confirmLoading={isLoading} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      {rule?.origin !== 'own' && rule && (
        <Typography.Paragraph type="secondary">
          Поставляемое правило (п. {rule.section}). Изменение действует для вашей школы; вернуть поставляемое можно кнопкой «Вернуть» в списке.
          Открытые задачи пересчитаются, выполненные сохранят свой срок.
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" initialValues={valuesOf(rule)} onValuesChange={(_, all) => setDraft({ ...valuesOf(rule), ...all })}>
        <Form.Item name="title" label="Что сделать" rules={[{ required: true, message: 'обязательное поле' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label="Подробности">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="role" label="Ответственный">
              <Select options={ROLE_IDS.map((r) => ({ value: r, label: ROLES[r] }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="section" label="Пункт регламента" rules={[{ required: true, message: 'обязательное поле' }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="anchor" label="От какого события считается срок">
          <Select options={ANCHOR_IDS.map((a) => ({ value: a, label: ANCHORS[a].label }))} />
        </Form.Item>
        <Row gutter={12}>
          {draft.anchor === 'yearDate' && (
            <Col span={6}>
              <Form.Item name="monthDay" label="День и месяц" extra="ММ-ДД, например 09-15">
                <Input maxLength={5} />
              </Form.Item>
            </Col>
          )}
          <Col span={6}>
            <Form.Item name="offset" label="Срок">
              <InputNumber min={0} max={366} style={{ width: '100%' }} disabled={!dated && draft.anchor === 'continuous'} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="unit" label="Единица срока">
              <Select options={UNIT_OPTIONS} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="direction" label="До или после события">
              <Select options={(Object.keys(DIRECTIONS) as Direction[]).map((d) => ({ value: d, label: DIRECTIONS[d] }))} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph>
          Срок: <b data-testid="rule-term">{describeTerm({ anchor: draft.anchor as AnchorId, monthDay: draft.monthDay ?? null, offset: Number(draft.offset ?? 0), unit: draft.unit as UnitId, direction: draft.direction as Direction })}</b>
        </Typography.Paragraph>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="confirm" label="Как отмечается выполнение">
              <Select options={CONFIRM_IDS.map((c) => ({ value: c, label: CONFIRMS[c] }))} />
            </Form.Item>
          </Col>
          {draft.confirm === 'data' && (
            <Col span={12}>
              <Form.Item name="check" label="Что проверяет программа">
                <Select options={checks.map((c) => ({ value: c, label: CHECKS[c].label }))} notFoundContent="К этому событию проверки нет" />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="link" label="Экран программы" extra="Путь, например /accounts">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="isActive" label="Правило действует" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {/* Beside «Сохранить», where the eye is after pressing it (the form is taller than 768 px). */}
      {error && <Alert type="error" showIcon title={error} data-testid="rule-error" />}
    </Modal>
  );
}
