import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space, Table, Typography } from 'antd';
import type { AccountRow } from '../../../src-shared/contract/accounts';
import { todayLocal } from '../../../src-shared/domain/personRules';
import { DateField } from '../../components/DateField';
import { useHandOverMutation, useMarkSentMutation, useParsePrintoutMutation, useRecordCreatedMutation } from './accountsApi';
import { errorText } from '../../components/serverErrors';

/**
 * The outcome of a step's call: a success note and the dialog closed, or the refusal kept for the
 * banner with the dialog open and what was typed kept.
 */
function useStepOutcome(onClose: () => void) {
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const done = (r: { data?: unknown; error?: unknown }, success: string) => {
    if ('data' in r) {
      message.success(success);
      onClose();
    } else setError(errorText(r) ?? 'Не удалось выполнить операцию');
  };
  return { error, setError, done };
}

/** The frame of a step's dialog: «Отмена», the refusal above the content, nothing kept after it closes. */
function StepModal(props: { open: boolean; width?: number; title: string; okText: string; loading: boolean; error: string | null; onClose: () => void; onOk: () => Promise<void>; children: ReactNode }) {
  return (
    <Modal open={props.open} width={props.width} title={props.title} okText={props.okText} cancelText="Отмена" confirmLoading={props.loading} destroyOnHidden onCancel={props.onClose} onOk={props.onOk}>
      {props.error && <Alert type="error" showIcon title={props.error} style={{ marginBottom: 12 }} />}
      {props.children}
    </Modal>
  );
}

/**
 * The steps of an account's life as dialogs: sent to the portal in an export file; logins and
 * initial passwords recorded (typed, or pasted from the portal's printout with the import code);
 * handed over to the person.
 */
export function MarkSentDialog({ rows, open, onClose }: { rows: AccountRow[]; open: boolean; onClose: () => void }) {
  const [fileName, setFileName] = useState('');
  const [date, setDate] = useState<string | null>(todayLocal());
  const { error, done } = useStepOutcome(onClose);
  const [markSent, { isLoading }] = useMarkSentMutation();
  return (
    <StepModal
      open={open}
      title={`Передано в портал: ${rows.length}`}
      okText="Отметить"
      loading={isLoading}
      error={error}
      onClose={onClose}
      onOk={async () => done(await markSent({ ids: rows.map((x) => x.id), fileName, date: date ?? todayLocal() }), 'Отмечено')}
    >
      <Form layout="vertical">
        <Form.Item label="Файл выгрузки, загруженный в портал">
          <Input value={fileName} onChange={(e) => setFileName(e.target.value)} placeholder="Например: Зачисление 5А.csv" />
        </Form.Item>
        <Form.Item label="Дата">
          <DateField value={date} onChange={setDate} />
        </Form.Item>
      </Form>
    </StepModal>
  );
}

interface Entry {
  id: string;
  version: number;
  personName: string;
  login: string;
  password: string;
}

export function RecordCreatedDialog({ rows, open, onClose }: { rows: AccountRow[]; open: boolean; onClose: () => void }) {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [text, setText] = useState('');
  const [code, setCode] = useState('');
  const [notes, setNotes] = useState<string[]>([]);
  const { error, setError, done } = useStepOutcome(onClose);
  const [date, setDate] = useState<string | null>(todayLocal());
  const [parse, { isLoading: parsing }] = useParsePrintoutMutation();
  const [record, { isLoading }] = useRecordCreatedMutation();

  useEffect(() => {
    if (open) setEntries(rows.map((r) => ({ id: r.id, version: r.version, personName: r.personName, login: r.login ?? '', password: '' })));
  }, [open, rows]);

  const applyPrintout = async () => {
    const r = await parse({ text, code: code.trim() || undefined });
    const data = 'data' in r ? r.data : undefined;
    if (!data) return setError((errorText(r) ?? 'Не удалось выполнить операцию'));
    const byId = new Map(data.matched.map((m) => [m.id, m]));
    const extra = data.matched.filter((m) => !entries.some((e) => e.id === m.id)).map((m) => ({ id: m.id, version: m.version, personName: m.personName, login: m.login, password: m.password ?? '' }));
    setEntries([...entries.map((e) => (byId.has(e.id) ? { ...e, login: byId.get(e.id)?.login ?? e.login, password: byId.get(e.id)?.password ?? e.password } : e)), ...extra]);
    setNotes(data.unmatched.map((u) => `Строка ${u.line}: ${u.text} — ${u.reason}`));
  };

  return (
    <StepModal
      open={open}
      width={860}
      title="Учётные записи созданы в портале: логины и начальные пароли"
      okText="Сохранить"
      loading={isLoading}
      error={error}
      onClose={onClose}
      onOk={async () => {
        const filled = entries.filter((e) => e.login.trim());
        if (filled.length === 0) return setError('Впишите хотя бы один логин.');
        const r = await record({ entries: filled.map((e) => ({ id: e.id, version: e.version, login: e.login.trim(), password: e.password.trim() || null })), date: date ?? todayLocal() });
        done(r, `Записано: ${r.data?.length ?? 0}`);
      }}
    >
      <Typography.Paragraph type="secondary">
        Пароли хранятся зашифрованными и удаляются, как только учётная запись выдана. Можно вставить распечатку портала («Печать» после импорта): по строке на человека — ФИО, логин, пароль.
        Если в распечатке нет паролей, укажите код импорта: начальный пароль портала — фамилия и этот код.
      </Typography.Paragraph>
      <Space align="start" style={{ width: '100%', marginBottom: 12 }}>
        <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} rows={3} style={{ width: 520 }} placeholder="Вставьте распечатку портала" aria-label="Распечатка портала" />
        <Space orientation="vertical">
          <Input value={code} onChange={(e) => setCode(e.target.value)} placeholder="Код импорта (4 цифры)" style={{ width: 200 }} aria-label="Код импорта" />
          <Button loading={parsing} disabled={!text.trim()} onClick={() => void applyPrintout()}>
            Разобрать распечатку
          </Button>
        </Space>
      </Space>
      {notes.length > 0 && <Alert type="warning" showIcon title="Не сопоставлены" description={notes.map((n) => <div key={n}>{n}</div>)} style={{ marginBottom: 12 }} />}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={entries}
        scroll={{ y: 320 }}
        columns={[
          { title: 'ФИО', dataIndex: 'personName' },
          {
            title: 'Логин',
            render: (_, e, i) => <Input aria-label={`Логин: ${e.personName}`} value={e.login} onChange={(ev) => setEntries(entries.map((x, j) => (j === i ? { ...x, login: ev.target.value } : x)))} />,
          },
          {
            title: 'Начальный пароль',
            render: (_, e, i) => <Input aria-label={`Пароль: ${e.personName}`} value={e.password} onChange={(ev) => setEntries(entries.map((x, j) => (j === i ? { ...x, password: ev.target.value } : x)))} />,
          },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <span>Дата создания в портале:</span>
        <DateField value={date} onChange={setDate} />
      </Space>
    </StepModal>
  );
}

export function HandOverDialog({ row, onClose }: { row: AccountRow | null; onClose: () => void }) {
  const [to, setTo] = useState('');
  const [date, setDate] = useState<string | null>(todayLocal());
  const { error, done } = useStepOutcome(onClose);
  const [handOver, { isLoading }] = useHandOverMutation();
  useEffect(() => {
    if (row) setTo(row.personKind === 'staff' ? 'лично' : row.personName);
  }, [row]);
  return (
    <StepModal
      open={row !== null}
      title={row ? `Выдача учётной записи: ${row.personName}` : ''}
      okText="Выдана"
      loading={isLoading}
      error={error}
      onClose={onClose}
      onOk={async () => {
        if (row) done(await handOver({ id: row.id, version: row.version, date: date ?? todayLocal(), to }), 'Выдача отмечена; начальный пароль удалён из программы');
      }}
    >
      <Form layout="vertical">
        <Form.Item label="Кому выдана (лично, родителю, через классного руководителя…)">
          <Input value={to} onChange={(e) => setTo(e.target.value)} />
        </Form.Item>
        <Form.Item label="Дата выдачи">
          <DateField value={date} onChange={setDate} />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">После отметки начальный пароль больше не хранится: напечатать письмо повторно будет нельзя.</Typography.Text>
    </StepModal>
  );
}
