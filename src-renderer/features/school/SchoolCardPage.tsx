import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Skeleton, Space, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { SCHOOL_CARD_LABELS as L, SCHOOL_KINDS, type SchoolCard, type SchoolCardInput } from '../../../src-shared/contract/school';
import type { ErrorBody } from '../../../src-shared/errors';
import { DateField } from '../../components/DateField';
import { enterMovesToNextField, useSaveShortcut } from '../../components/keyboard';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { ConflictMergeDialog } from '../../components/card/ConflictMergeDialog';
import { planMerge } from '../../components/card/threeWayMerge';
import { EMPTY_CARD, serverIssuesToFields, validateCard, type FieldErrors } from './schoolForm';
import { useSaveSchoolCardMutation, useSchoolCardQuery, type SchoolCardState } from './schoolApi';
import { useHasRight } from '../../components/useSession';
import { RecordHistory } from '../audit/RecordHistory';
import { requiredRule } from '../../components/requiredRule';

/** The card's fields, in the order the merge dialog lists them. */
const CARD_FIELDS = Object.keys(L) as (keyof SchoolCard)[];

interface ConflictInfo {
  message: string;
  current: SchoolCardState;
}

export function SchoolCardPage() {
  const { message } = App.useApp();
  const { data, isLoading } = useSchoolCardQuery();
  // Without «Редактирование карточки ОО» the card is read-only; the core refuses a save anyway.
  const canEdit = useHasRight('school.edit');
  const [save, { isLoading: saving }] = useSaveSchoolCardMutation();
  const [form] = Form.useForm<SchoolCardInput>();
  const [version, setVersion] = useState(0);
  // What this form loaded: the base of the three-way merge after a conflict.
  const [base, setBase] = useState<SchoolCardInput>(EMPTY_CARD);
  const [dirty, setDirty] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictInfo | null>(null);
  useUnsavedGuard(dirty);

  // Load the server's card into the form only when the user has nothing unsaved.
  useEffect(() => {
    if (!data || dirty) return;
    const loaded = { ...EMPTY_CARD, ...(data.card ?? {}) };
    form.setFieldsValue(loaded);
    setBase(loaded);
    setVersion(data.version);
  }, [data, dirty, form]);

  const showFieldErrors = useCallback(
    (errors: FieldErrors) => {
      form.setFields(Object.entries(errors).map(([name, err]) => ({ name: name as keyof SchoolCard, errors: [err as string] })));
    },
    [form],
  );

  const doSave = useCallback(
    async (againstVersion: number, override?: SchoolCardInput) => {
      const values = override ?? ({ ...EMPTY_CARD, ...form.getFieldsValue(true) } as SchoolCardInput);
      const { card, errors } = validateCard(values);
      setFormError(null);
      if (!card) {
        showFieldErrors(errors);
        const [field, text] = Object.entries(errors)[0] ?? [];
        setFormError(`Карточка ОО, поле «${L[field as keyof SchoolCard] ?? field}»: ${text}. Ничего не сохранено.`);
        return;
      }
      const r = await save({ card: values, version: againstVersion });
      if ('data' in r && r.data) {
        setConflict(null);
        setDirty(false);
        setVersion(r.data.version);
        const saved = { ...EMPTY_CARD, ...(r.data.card ?? {}) };
        form.setFieldsValue(saved);
        setBase(saved);
        message.success({ content: 'Карточка ОО сохранена', key: 'school-card-saved' });
        return;
      }
      const err = (r as { error?: ErrorBody }).error;
      if (err?.code === 'CONFLICT' && err.details?.current) {
        setConflict({ message: err.message, current: err.details.current as SchoolCardState });
      } else if (err?.code === 'VALIDATION') {
        showFieldErrors(serverIssuesToFields(err.details?.issues));
        setFormError(err.message);
      }
    },
    [form, save, message, showFieldErrors],
  );

  // A refusal or a conflict appears above the form: bring it into view.
  useEffect(() => {
    if (formError || conflict) window.scrollTo({ top: 0, behavior: 'smooth' });
  }, [formError, conflict]);

  useSaveShortcut(
    useCallback(() => {
      if (canEdit) void doSave(version);
    }, [doSave, version, canEdit]),
  );

  // Worked out once per refusal: my values as they were when I pressed «Сохранить».
  const plan = useMemo(
    () => (conflict ? planMerge(base, { ...EMPTY_CARD, ...form.getFieldsValue(true) }, { ...EMPTY_CARD, ...(conflict.current.card ?? {}) }, CARD_FIELDS, L) : null),
    [conflict, base, form],
  );

  if (isLoading) return <Skeleton active />;

  const text = (name: keyof SchoolCard, props: { span?: number; placeholder?: string; required?: boolean } = {}) => (
    <Col xs={24} md={props.span ?? 12}>
      <Form.Item name={name} label={L[name]} required={props.required} rules={props.required ? requiredRule(L[name]) : undefined}>
        <Input placeholder={props.placeholder} allowClear={!props.required} />
      </Form.Item>
    </Col>
  );
  const date = (name: keyof SchoolCard) => (
    <Col xs={24} md={8}>
      <Form.Item name={name} label={L[name]}>
        <DateField />
      </Form.Item>
    </Col>
  );

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 1100 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Карточка образовательной организации
      </Typography.Title>
      {!canEdit && <Alert type="info" showIcon title="Только просмотр: для изменения карточки нужно право «Редактирование карточки ОО»." data-testid="read-only" />}
      {!data?.card && <Alert type="info" showIcon title="Карточка ещё не заполнена. Начните с полного и краткого наименования." />}
      {formError && <Alert type="error" showIcon title={formError} data-testid="form-error" />}
      <ConflictMergeDialog
        message={conflict?.message ?? ''}
        plan={plan}
        saving={saving}
        onMerge={(values) => {
          if (!conflict) return;
          const merged = { ...EMPTY_CARD, ...(conflict.current.card ?? {}), ...values } as SchoolCardInput;
          form.setFieldsValue(merged);
          void doSave(conflict.current.version, merged);
        }}
        onTakeTheirs={() => {
          if (!conflict) return;
          const theirs = { ...EMPTY_CARD, ...(conflict.current.card ?? {}) };
          form.setFieldsValue(theirs);
          setBase(theirs);
          setVersion(conflict.current.version);
          setConflict(null);
          setDirty(false);
        }}
        onCancel={() => setConflict(null)}
      />
      {dirty && data && data.version > version && !conflict && (
        <Alert type="info" showIcon title="Карточку только что сохранил другой пользователь. Ваши изменения не потеряются: при сохранении программа покажет, что изменил он, и объединит." />
      )}
      <Form
        form={form}
        onKeyDown={enterMovesToNextField}
        layout="vertical"
        onValuesChange={() => setDirty(true)}
        onFinish={() => void doSave(version)}
        aria-label="Карточка ОО"
        disabled={!canEdit}
      >
        <Card title="Наименование и реквизиты">
          <Row gutter={16}>
            {text('fullName', { span: 24, required: true, placeholder: 'Муниципальное бюджетное общеобразовательное учреждение «…»' })}
            {text('shortName', { required: true, placeholder: 'МБОУ «СОШ № 1»' })}
            <Col xs={24} md={12}>
              <Form.Item name="kind" label={L.kind} required rules={requiredRule(L.kind)}>
                <Select options={SCHOOL_KINDS.map((k) => ({ value: k, label: k }))} />
              </Form.Item>
            </Col>
            {text('inn', { span: 8, placeholder: '10 цифр' })}
            {text('kpp', { span: 8, placeholder: '9 символов' })}
            {text('ogrn', { span: 8, placeholder: '13 цифр' })}
          </Row>
        </Card>
        <Card title="Адреса и контакты" style={{ marginTop: 16 }}>
          <Row gutter={16}>
            {text('legalAddress', { span: 24 })}
            {text('actualAddress', { span: 24 })}
            {text('phone', { span: 8, placeholder: '+7 (3852) 12-34-56' })}
            {text('email', { span: 8 })}
            {text('website', { span: 8 })}
            {text('directorName', { span: 12, placeholder: 'Фамилия Имя Отчество' })}
          </Row>
        </Card>
        <Card title="Лицензия и аккредитация" style={{ marginTop: 16 }}>
          <Row gutter={16}>
            {text('licenseNumber', { span: 8 })}
            {date('licenseDate')}
            {text('licenseIssuer', { span: 8 })}
            {text('accreditationNumber', { span: 8 })}
            {date('accreditationDate')}
            {date('accreditationValidUntil')}
          </Row>
        </Card>
        {canEdit && (
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
              Сохранить
            </Button>
            <Typography.Text type="secondary">Ctrl+S — сохранить{dirty ? ' · есть несохранённые изменения' : ''}</Typography.Text>
          </Space>
        )}
      </Form>
      <RecordHistory entity="school" recordId="main" />
    </Space>
  );
}
