import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { Alert, App, Button, Col, Form, Row, Space, Tabs, Typography } from 'antd';
import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import type { DuplicateCandidate } from '../../../src-shared/contract/peopleViews';
import type { PersonKind } from '../../../src-shared/domain/personRules';
import type { ErrorBody } from '../../../src-shared/errors';
import { enterMovesToNextField } from '../../components/keyboard';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { changedKeys, checkCard, pick, serverProblems, summary, type FieldProblem } from './cardForm';
import { DuplicateAlert } from './DuplicateAlert';
import { PhotoField } from './PhotoField';
import { useEarlyDuplicates } from './useEarlyDuplicates';

/**
 * The frame every people card shares: header with photo, tabs, one form over all tabs, Ctrl+S,
 * Enter to the next field, the unsaved-changes guard, the same checks as the server before saving,
 * server messages on their fields, the duplicate warning and the «changed by someone else» notice.
 */
export interface CardTab {
  key: string;
  label: string;
  /** Top-level fields on this tab: the first field with an error opens its tab. */
  fields: readonly string[];
  content: ReactNode;
}

type CallResult<T> = { data: T } | { error: unknown };

interface Props<V extends { id: string; version: number }> {
  kind: PersonKind;
  record: string;
  labels: Record<string, string>;
  /** The card's own fields (row and child lists); the patch is built from these. */
  fieldKeys: readonly string[];
  /** Form values sent only when creating (the enrolment order of a new pupil). */
  createOnlyKeys?: readonly string[];
  patchSchema: z.ZodType;
  view: V | undefined;
  empty: Record<string, unknown>;
  title: string;
  subtitle?: ReactNode;
  tabs: CardTab[];
  canEdit: boolean;
  onBack: () => void;
  onCreate: (payload: Record<string, unknown>) => Promise<CallResult<V>>;
  onUpdate: (payload: Record<string, unknown>) => Promise<CallResult<V>>;
  onSaved: (v: V, created: boolean) => void;
  onOpenOther: (id: string) => void;
  /** Fetches the card again (after «changed by someone else»). */
  onReload?: () => void;
  /** «Привязать эту карточку» in the duplicate warning, when the form adds a family member. */
  onLinkExisting?: (id: string) => void;
  actions?: ReactNode;
}

export function PersonCardFrame<V extends { id: string; version: number; photo?: string | null }>(p: Props<V>) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const isNew = !p.view;
  const initial = useMemo(() => (p.view ? { ...p.view } : { ...p.empty }) as Record<string, unknown>, [p.view, p.empty]);
  const [dirty, setDirty] = useState(false);
  const [tab, setTab] = useState(p.tabs[0]?.key);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState<string | null>(null);
  const [dups, setDups] = useState<{ message: string; list: DuplicateCandidate[] } | null>(null);
  const [saving, setSaving] = useState(false);
  useUnsavedGuard(dirty);
  const probe = {
    lastName: Form.useWatch('lastName', form) as string | undefined,
    firstName: Form.useWatch('firstName', form) as string | undefined,
    middleName: Form.useWatch('middleName', form) as string | undefined,
    birthDate: Form.useWatch('birthDate', form) as string | undefined,
    snils: Form.useWatch('snils', form) as string | undefined,
  };
  const early = useEarlyDuplicates(p.kind, probe, isNew && p.canEdit && !dups);

  useEffect(() => {
    if (dirty) return;
    form.resetFields();
    form.setFieldsValue(initial);
  }, [initial, dirty, form]);

  const show = useCallback(
    (problems: FieldProblem[], text: string) => {
      form.setFields(problems.map((x) => ({ name: x.name, errors: [x.message] })));
      setError(text);
      const first = String(problems[0]?.name[0] ?? '');
      const owner = p.tabs.find((t) => t.fields.includes(first));
      if (owner) setTab(owner.key);
    },
    [form, p.tabs],
  );

  const save = useCallback(
    async (allowDuplicate = false) => {
      if (!p.canEdit || saving) return;
      const values = form.getFieldsValue(true) as Record<string, unknown>;
      const keys = [...p.fieldKeys, 'photo'];
      const changed = isNew ? [...keys, ...(p.createOnlyKeys ?? [])].filter((k) => k in values) : changedKeys(values, initial, keys);
      if (!isNew && changed.length === 0) {
        message.info('Изменений нет');
        return;
      }
      const payload = pick(values, changed);
      form.setFields(Object.keys(values).map((name) => ({ name, errors: [] })));
      const problems = checkCard(p.kind, p.patchSchema, Object.fromEntries(Object.entries(payload).filter(([k]) => k !== 'photo')), initial, isNew ? 'all' : changed, p.labels);
      if (problems.length > 0) return show(problems, summary(p.record, p.labels, problems));
      setSaving(true);
      setError(null);
      setStale(null);
      try {
        const r = isNew ? await p.onCreate({ ...payload, ...(allowDuplicate ? { allowDuplicate: true } : {}) }) : await p.onUpdate({ ...payload, id: p.view?.id, version: p.view?.version });
        if ('data' in r) {
          // The unsaved-changes guard must see the clean state before onSaved navigates away.
          flushSync(() => setDirty(false));
          setDups(null);
          message.success({ content: `${p.record} сохранена`, key: 'card-saved' });
          p.onSaved(r.data, isNew);
          return;
        }
        const err = r.error as ErrorBody;
        if (err?.code === 'VALIDATION') show(serverProblems(err.details?.issues), err.message);
        else if (err?.code === 'CONFLICT' && Array.isArray(err.details?.duplicates)) setDups({ message: err.message, list: err.details.duplicates as DuplicateCandidate[] });
        else if (err?.code === 'CONFLICT') setStale(err.message);
        else if (err?.message) setError(err.message);
      } finally {
        setSaving(false);
      }
    },
    [form, initial, isNew, message, p, saving, show],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  useEffect(() => {
    if (error || stale || dups) window.scrollTo({ top: 0, behavior: 'smooth' });
  }, [error, stale, dups]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 1200 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space align="start">
          <Button icon={<ArrowLeftOutlined />} onClick={p.onBack} aria-label="К списку" />
          <div>
            <Typography.Title level={2} style={{ margin: 0 }}>
              {p.title}
            </Typography.Title>
            {p.subtitle}
          </div>
        </Space>
        <Space wrap>
          {p.actions}
          {p.canEdit && (
            <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()}>
              {isNew ? 'Создать карточку' : 'Сохранить'}
            </Button>
          )}
        </Space>
      </Space>
      {error && <Alert type="error" showIcon title={error} data-testid="form-error" closable onClose={() => setError(null)} />}
      {stale && (
        <Alert
          type="warning"
          showIcon
          title={stale}
          data-testid="conflict"
          action={
            <Button
              onClick={() => {
                setDirty(false);
                setStale(null);
                p.onReload?.();
              }}
            >
              Загрузить свежую карточку
            </Button>
          }
        />
      )}
      {early.length > 0 && (
        <DuplicateAlert
          testId="duplicate-early"
          message={`Похоже, такая карточка уже есть (совпадают ФИО и дата рождения или СНИЛС) — откройте её${p.onLinkExisting ? ' или привяжите' : ''}, чтобы не вводить данные второй раз.`}
          candidates={early}
          onOpen={p.onOpenOther}
          onLink={p.onLinkExisting}
        />
      )}
      {dups && (
        <DuplicateAlert
          message={dups.message}
          candidates={dups.list}
          onOpen={p.onOpenOther}
          onLink={p.onLinkExisting}
          onCreateAnyway={() => {
            setDups(null);
            void save(true);
          }}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        disabled={!p.canEdit}
        onKeyDown={enterMovesToNextField}
        onValuesChange={() => setDirty(true)}
        aria-label={p.record}
      >
        <Row gutter={24} wrap={false}>
          <Col flex="none">
            <Form.Item name="photo" noStyle>
              <PhotoField />
            </Form.Item>
          </Col>
          <Col flex="auto" style={{ minWidth: 0 }}>
            <Tabs activeKey={tab} onChange={setTab} items={p.tabs.map((t) => ({ key: t.key, label: t.label, children: t.content, forceRender: true }))} />
          </Col>
        </Row>
      </Form>
      <Typography.Text type="secondary">
        Ctrl+S — сохранить · Enter — следующее поле{dirty ? ' · есть несохранённые изменения' : ''}
      </Typography.Text>
    </Space>
  );
}
