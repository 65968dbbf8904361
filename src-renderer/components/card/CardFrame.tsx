import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { Alert, App, Button, Col, Form, Row, Space, Tabs, Typography, type FormInstance } from 'antd';
import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import type { ErrorBody } from '../../../src-shared/errors';
import { enterMovesToNextField, useSaveShortcut } from '../keyboard';
import { useUnsavedGuard } from '../useUnsavedGuard';
import { ConflictMergeDialog } from './ConflictMergeDialog';
import { changedFields, pickValues, serverProblems, type FieldProblem } from './cardValues';
import { planMerge, type MergePlan } from './threeWayMerge';

/**
 * The frame of a record card: header with «back», title and actions, tabs over one form, Ctrl+S,
 * Enter to the next field, the unsaved-changes guard, the caller's checks before saving, server
 * messages on their fields — and multi-seat safety. The form remembers the version it loaded (the
 * base); another user's save refreshes the card only while nothing is typed, otherwise a notice says
 * so, and a save that the core refuses as stale opens the three-way merge instead of losing anything.
 */
export interface CardTab {
  key: string;
  label: string;
  /** Top-level fields on this tab: the first field with an error opens its tab. */
  fields: readonly string[];
  content: ReactNode;
}

export type CallResult<T> = { data: T } | { error: unknown };

export interface CardFrameProps<V extends { id: string; version: number }> {
  form: FormInstance;
  /** «Карточка обучающегося»: names the record in messages. */
  record: string;
  labels: Record<string, string>;
  /** The card's own fields; an update sends those the user changed. */
  fieldKeys: readonly string[];
  /** Form values sent only when creating. */
  createOnlyKeys?: readonly string[];
  view: V | undefined;
  empty: Record<string, unknown>;
  title: string;
  subtitle?: ReactNode;
  tabs: CardTab[];
  canEdit: boolean;
  onBack: () => void;
  /** The server's rules run here first: problems on fields, nothing sent. */
  check?: (payload: Record<string, unknown>, whole: Record<string, unknown>, changed: readonly string[] | 'all') => FieldProblem[];
  onCreate: (payload: Record<string, unknown>) => Promise<CallResult<V>>;
  onUpdate: (payload: Record<string, unknown>) => Promise<CallResult<V>>;
  onSaved: (v: V, created: boolean) => void;
  /** The record as saved now, for the merge after a stale save. */
  fetchLatest: () => Promise<V | undefined>;
  /** A refusal the card explains itself (a duplicate); `retry` saves again with extra input. */
  onRefused?: (error: ErrorBody, retry: (extra: Record<string, unknown>) => void) => boolean;
  /** Inside the form, left of the tabs (a photo). */
  aside?: ReactNode;
  /** Above the form (duplicate warnings). */
  alerts?: ReactNode;
  actions?: ReactNode;
}

interface Base {
  values: Record<string, unknown>;
  version: number;
}

interface Conflict<V> {
  message: string;
  plan: MergePlan;
  theirs: V;
}

const asValues = (v: object): Record<string, unknown> => ({ ...v });

/** The newer of two copies of one record: the saved answer can be ahead of the cached query. */
function newer<V extends { id: string; version: number }>(a: V | undefined, b: V | undefined): V | undefined {
  if (!a || !b || a.id !== b.id) return a ?? b;
  return b.version > a.version ? b : a;
}

export function CardFrame<V extends { id: string; version: number }>(p: CardFrameProps<V>) {
  const { message } = App.useApp();
  const { form } = p;
  const [saved, setSaved] = useState<V | undefined>(undefined);
  const latest = newer(p.view, saved);
  const isNew = !latest;
  const [dirty, setDirty] = useState(false);
  const [tab, setTab] = useState(p.tabs[0]?.key);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<Conflict<V> | null>(null);
  // What the form was loaded from: the base of an update and of the three-way merge.
  const baseRef = useRef<Base>({ values: asValues(p.empty), version: 0 });
  const [baseVersion, setBaseVersion] = useState(0);
  const setBase = useCallback((values: Record<string, unknown>, version: number) => {
    baseRef.current = { values, version };
    setBaseVersion(version);
  }, []);
  useUnsavedGuard(dirty);

  const load = useCallback(
    (record: V | undefined) => {
      const values = asValues(record ?? p.empty);
      form.resetFields();
      form.setFieldsValue(values);
      setBase(values, record?.version ?? 0);
    },
    [form, p.empty, setBase],
  );

  // Another user's save (pushed by the core) reloads the card only while nothing is typed.
  useEffect(() => {
    if (!dirty) load(latest);
  }, [latest, dirty, load]);

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

  const openMerge = useCallback(
    async (text: string) => {
      const theirs = await p.fetchLatest();
      if (!theirs) return setError(text);
      const mine = form.getFieldsValue(true) as Record<string, unknown>;
      setConflict({ message: text, theirs, plan: planMerge(baseRef.current.values, mine, asValues(theirs), p.fieldKeys, p.labels) });
    },
    [form, p],
  );

  const save = useCallback(
    async (extra: Record<string, unknown> = {}) => {
      if (!p.canEdit || saving) return;
      const values = form.getFieldsValue(true) as Record<string, unknown>;
      const base = baseRef.current;
      const changed = isNew ? [...p.fieldKeys, ...(p.createOnlyKeys ?? [])].filter((k) => k in values) : changedFields(values, base.values, p.fieldKeys);
      if (!isNew && changed.length === 0) {
        flushSync(() => setDirty(false));
        message.info('Изменений нет');
        return;
      }
      const payload = pickValues(values, changed);
      form.setFields(Object.keys(values).map((name) => ({ name, errors: [] })));
      const problems = p.check?.(payload, base.values, isNew ? 'all' : changed) ?? [];
      if (problems.length > 0) {
        const first = problems[0];
        const label = p.labels[first.name.join('.')] ?? String(first.name[0] ?? 'данные');
        const more = problems.length > 1 ? ` (и ещё ошибок: ${problems.length - 1})` : '';
        return show(problems, `${p.record}, поле «${label}»: ${first.message}${more}. Ничего не сохранено.`);
      }
      setSaving(true);
      setError(null);
      try {
        const r = isNew ? await p.onCreate({ ...payload, ...extra }) : await p.onUpdate({ ...payload, id: latest?.id, version: base.version });
        if ('data' in r) {
          // The unsaved-changes guard must see the clean state before onSaved navigates away.
          flushSync(() => {
            setDirty(false);
            setSaved(r.data);
          });
          message.success({ content: `${p.record} сохранена`, key: 'card-saved' });
          p.onSaved(r.data, isNew);
          return;
        }
        const err = r.error as ErrorBody | undefined;
        if (err && p.onRefused?.(err, (more) => void save({ ...extra, ...more }))) return;
        if (err?.code === 'VALIDATION') show(serverProblems(err.details?.issues), err.message);
        // The core's text advises a reload; here the merge does that without losing the form.
        else if (err?.code === 'CONFLICT' && !isNew) await openMerge('Пока вы редактировали, другой пользователь сохранил эту карточку. Ваши изменения ещё не записаны.');
        else if (err?.message) setError(err.message);
      } finally {
        setSaving(false);
      }
    },
    [form, isNew, latest, message, openMerge, p, saving, show],
  );

  const merge = (values: Record<string, unknown>) => {
    if (!conflict) return;
    // From now on the other user's version is the base: what differs from it is mine to send.
    const theirs = asValues(conflict.theirs);
    setBase(theirs, conflict.theirs.version);
    setSaved((s) => newer(s, conflict.theirs));
    form.setFieldsValue(values);
    setConflict(null);
    void save();
  };

  const takeTheirs = () => {
    if (!conflict) return;
    flushSync(() => {
      setDirty(false);
      setSaved((s) => newer(s, conflict.theirs));
    });
    load(conflict.theirs);
    setConflict(null);
  };

  useSaveShortcut(useCallback(() => void save(), [save]));

  useEffect(() => {
    if (error) window.scrollTo({ top: 0, behavior: 'smooth' });
  }, [error]);

  const staleNow = dirty && latest !== undefined && latest.version > baseVersion && !conflict;
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
      {staleNow && (
        <Alert
          type="info"
          showIcon
          data-testid="stale-notice"
          title="Карточку только что сохранил другой пользователь. Ваши изменения не потеряются: при сохранении программа покажет, что изменил он, и объединит."
        />
      )}
      {p.alerts}
      <Form form={form} layout="vertical" disabled={!p.canEdit} onKeyDown={enterMovesToNextField} onValuesChange={() => setDirty(true)} aria-label={p.record}>
        <Row gutter={24} wrap={false}>
          {p.aside && <Col flex="none">{p.aside}</Col>}
          <Col flex="auto" style={{ minWidth: 0 }}>
            {/* A narrow gutter keeps all of a card's tabs in view at 1366 px (no «…» menu, issue 24). */}
            <Tabs activeKey={tab} onChange={setTab} tabBarGutter={20} items={p.tabs.map((t) => ({ key: t.key, label: t.label, children: t.content, forceRender: true }))} />
          </Col>
        </Row>
      </Form>
      <Typography.Text type="secondary">
        Ctrl+S — сохранить · Enter — следующее поле{dirty ? ' · есть несохранённые изменения' : ''}
      </Typography.Text>
      <ConflictMergeDialog message={conflict?.message ?? ''} plan={conflict?.plan ?? null} saving={saving} onMerge={merge} onTakeTheirs={takeTheirs} onCancel={() => setConflict(null)} />
    </Space>
  );
}
