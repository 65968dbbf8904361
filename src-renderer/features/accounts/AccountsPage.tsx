import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Input, Select, Space, Tag, Typography } from 'antd';
import { FileExcelOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { ACCOUNT_COLUMNS } from '../../../src-shared/contract/accountColumns';
import type { AccountRow } from '../../../src-shared/contract/accounts';
import { ACCOUNT_KIND_TITLES, ACCOUNT_STATUSES, ACCOUNT_STATUS_IDS, type AccountStatus } from '../../../src-shared/domain/portalAccounts';
import type { PersonKind } from '../../../src-shared/domain/personRules';
import { plural } from '../../../src-shared/domain/plural';
import { downloadFile } from '../../components/downloadFile';
import { formatDateRu } from '../../components/format';
import { useHasRight } from '../../components/useSession';
import { useClassOptions } from '../people/useClassOptions';
import { HandOverDialog, MarkSentDialog, RecordCreatedDialog } from './AccountDialogs';
import { useAccountsQuery, useExportAccountsMutation, useLettersMutation, useStaffLettersMutation } from './accountsApi';
import { PortalUrl } from './PortalUrl';
import { useDebounced, usePersisted } from '../../components/usePersisted';
import { errorText } from '../../components/serverErrors';
import { SortableTable } from '../../components/SortableTable';
import type { SortValue } from '../../../src-shared/domain/listSort';

/**
 * «Учётные записи портала»: every account the user looks after with its state and 3-working-day
 * deadline (work order 3.6), bulk steps, hand-over per person, and the class's account letters.
 */
const STATUS_COLORS: Record<AccountStatus, string> = { toCreate: 'orange', sentToPortal: 'gold', created: 'blue', handedOver: 'green' };

interface Filters {
  kind: PersonKind | null;
  status: AccountStatus | null;
  classId: string | null;
  overdueOnly: boolean;
  search: string;
}

function Deadline({ r }: { r: AccountRow }) {
  if (r.status === 'handedOver' || !r.dueDate) return null;
  const left = r.daysLeft ?? 0;
  const text = r.overdue ? `просрочено на ${plural(-left, ['рабочий день', 'рабочих дня', 'рабочих дней'])}` : left === 0 ? 'сегодня последний день' : `осталось ${plural(left, ['рабочий день', 'рабочих дня', 'рабочих дней'])}`;
  return (
    <span data-testid="deadline">
      до {formatDateRu(r.dueDate)} <Typography.Text type={r.overdue ? 'danger' : left <= 1 ? 'warning' : 'secondary'}>({text})</Typography.Text>
    </span>
  );
}

function LettersCard() {
  const { message } = App.useApp();
  const classes = useClassOptions();
  const [classId, setClassId] = usePersisted<{ id: string | null }>('accounts.lettersClass', { id: null });
  const [letters, { isLoading }] = useLettersMutation();
  const [skipped, setSkipped] = useState<string[]>([]);
  const print = async (format: 'pdf' | 'docx') => {
    if (!classId.id) return;
    const r = await letters({ classId: classId.id, format });
    const file = 'data' in r ? r.data : undefined;
    if (!file) return message.error((errorText(r) ?? 'Не удалось выполнить операцию'));
    downloadFile(file);
    setSkipped(file.skipped);
    message.success(`Писем: ${file.rows}`);
  };
  return (
    <Card size="small" title="Письма с учётными записями класса (для классного руководителя)">
      <Space wrap>
        <Select placeholder="Класс" style={{ width: 120 }} value={classId.id} onChange={(id) => setClassId({ id })} options={classes} aria-label="Класс для писем" />
        <Button icon={<FilePdfOutlined />} loading={isLoading} disabled={!classId.id} onClick={() => void print('pdf')}>
          Письма PDF
        </Button>
        <Button icon={<FileWordOutlined />} loading={isLoading} disabled={!classId.id} onClick={() => void print('docx')}>
          Письма DOCX
        </Button>
      </Space>
      {skipped.length > 0 && (
        <Alert style={{ marginTop: 12 }} type="info" showIcon title={`Без письма: ${skipped.length}`} description={skipped.map((s) => <div key={s}>{s}</div>)} closable onClose={() => setSkipped([])} />
      )}
    </Card>
  );
}

/** HR's letters for the staff rows ticked in the table (issue 24, item 3). */
function StaffLetters({ rows }: { rows: AccountRow[] }) {
  const { message } = App.useApp();
  const [letters, { isLoading }] = useStaffLettersMutation();
  const [skipped, setSkipped] = useState<string[]>([]);
  const staffIds = [...new Set(rows.filter((r) => r.personKind === 'staff').map((r) => r.personId))];
  const print = async (format: 'pdf' | 'docx') => {
    const r = await letters({ staffIds, format });
    const file = 'data' in r ? r.data : undefined;
    if (!file) return message.error(errorText(r) ?? 'Не удалось выполнить операцию');
    downloadFile(file);
    setSkipped(file.skipped);
    message.success(`Писем: ${file.rows}`);
  };
  return (
    <>
      <Button icon={<FilePdfOutlined />} loading={isLoading} disabled={staffIds.length === 0} onClick={() => void print('pdf')} title="Отметьте строки сотрудников">
        Письма сотрудникам PDF
      </Button>
      <Button icon={<FileWordOutlined />} loading={isLoading} disabled={staffIds.length === 0} onClick={() => void print('docx')}>
        Письма сотрудникам DOCX
      </Button>
      {skipped.length > 0 && (
        <Alert type="info" showIcon title={`Без письма: ${skipped.length}`} description={skipped.map((s) => <div key={s}>{s}</div>)} closable onClose={() => setSkipped([])} />
      )}
    </>
  );
}

// The table below shows exactly the columns marked visible; the export writes the same ones.
const SHOWN_COLUMNS = ACCOUNT_COLUMNS.filter((c) => c.visible).map((c) => c.key);

/** What the columns drawn from several fields sort by. */
const ACCOUNT_SORT: Record<string, (r: AccountRow) => SortValue> = {
  kind: (r) => ACCOUNT_KIND_TITLES[r.personKind],
  status: (r) => ACCOUNT_STATUSES[r.status],
  deadline: (r) => r.dueDate,
  order: (r) => r.orderDate,
  login: (r) => r.login,
  password: (r) => (r.hasPassword ? 'сохранён' : null),
  handedOver: (r) => r.handedOverOn,
};

export function AccountsPage() {
  const { message } = App.useApp();
  const [exportAccounts, { isLoading: exporting }] = useExportAccountsMutation();
  const canEdit = useHasRight('accounts.edit');
  const canHandOver = useHasRight('accounts.handOver');
  // Class letters are for pupils and parents (secretary, class teacher); staff letters are HR's.
  const canClassLetters = useHasRight('pupils.read');
  const canStaffLetters = useHasRight('staff.edit') && canHandOver;
  const classes = useClassOptions();
  const [f, setF] = usePersisted<Filters>('accounts.filters', { kind: null, status: null, classId: null, overdueOnly: false, search: '' });
  const search = useDebounced(f.search, 150);
  const filter = { personKind: f.kind ?? undefined, status: f.status ?? undefined, classId: f.classId ?? undefined, overdueOnly: f.overdueOnly || undefined, search: search || undefined };
  const { data, isFetching } = useAccountsQuery(filter);
  const toExcel = async () => {
    const r = await exportAccounts({ ...filter, columns: SHOWN_COLUMNS });
    if ('data' in r && r.data) {
      downloadFile(r.data);
      message.success(`Выгружено в Excel: ${plural(r.data.rows, ['строка', 'строки', 'строк'])}`);
    } else if ('error' in r) message.error((errorText(r) ?? 'Не удалось выполнить операцию'));
  };
  const [selected, setSelected] = useState<string[]>([]);
  const [dialog, setDialog] = useState<'sent' | 'created' | null>(null);
  const [handing, setHanding] = useState<AccountRow | null>(null);
  const rows = useMemo(() => data ?? [], [data]);
  const chosen = rows.filter((r) => selected.includes(r.id));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Учётные записи портала
        </Typography.Title>
        <Button icon={<FileExcelOutlined />} loading={exporting} onClick={() => void toExcel()}>
          В Excel
        </Button>
      </Space>
      <Typography.Text type="secondary">Порядок работы, п. 3.5–3.8: учётные записи создаются и выдаются в течение 3 рабочих дней после приказа о зачислении или приёме на работу.</Typography.Text>
      {canClassLetters && <LettersCard />}
      <Space wrap>
        <Input.Search allowClear placeholder="ФИО или логин" style={{ width: 260 }} value={f.search} onChange={(e) => setF({ ...f, search: e.target.value })} aria-label="Поиск" />
        <Select allowClear placeholder="Все" style={{ width: 160 }} value={f.kind} onChange={(kind) => setF({ ...f, kind: kind ?? null })} options={Object.entries(ACCOUNT_KIND_TITLES).map(([value, label]) => ({ value, label }))} aria-label="Вид" />
        <Select allowClear placeholder="Любое состояние" style={{ width: 190 }} value={f.status} onChange={(status) => setF({ ...f, status: status ?? null })} options={ACCOUNT_STATUS_IDS.map((s) => ({ value: s, label: ACCOUNT_STATUSES[s] }))} aria-label="Состояние" />
        <Select allowClear placeholder="Все классы" style={{ width: 130 }} value={f.classId} onChange={(classId) => setF({ ...f, classId: classId ?? null })} options={classes} aria-label="Класс" />
        <Checkbox checked={f.overdueOnly} onChange={(e) => setF({ ...f, overdueOnly: e.target.checked })}>
          Только просроченные
        </Checkbox>
      </Space>
      {canEdit && (
        <Space wrap>
          <Typography.Text>Выбрано: {chosen.length}</Typography.Text>
          <Button disabled={chosen.length === 0} onClick={() => setDialog('sent')}>
            Передано в портал…
          </Button>
          <Button type="primary" disabled={chosen.length === 0} onClick={() => setDialog('created')}>
            Созданы: записать логины и пароли…
          </Button>
          {canStaffLetters && <StaffLetters rows={chosen} />}
        </Space>
      )}
      <SortableTable<AccountRow>
        listKey="accounts"
        sortValues={ACCOUNT_SORT}
        rowKey="id"
        loading={isFetching}
        dataSource={rows}
        virtual
        scroll={{ x: 1560, y: 520 }}
        aria-label="Учётные записи портала"
        rowSelection={canEdit ? { columnWidth: 48, selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (r) => ({ disabled: r.status === 'handedOver' }) } : undefined}
        rowClassName={(r) => (r.overdue ? 'account-overdue' : '')}
        columns={[
          { title: 'Вид', key: 'kind', width: 130, render: (_, r) => ACCOUNT_KIND_TITLES[r.personKind] },
          { title: 'ФИО', width: 260, dataIndex: 'personName' },
          { title: 'Класс', width: 90, dataIndex: 'className' },
          { title: 'Состояние', key: 'status', width: 150, render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{ACCOUNT_STATUSES[r.status]}</Tag> },
          { title: 'Срок', key: 'deadline', width: 340, render: (_, r) => <Deadline r={r} /> },
          { title: 'Приказ', key: 'order', width: 140, render: (_, r) => [r.orderNumber && `№ ${r.orderNumber}`, r.orderDate && `от ${formatDateRu(r.orderDate)}`].filter(Boolean).join(' ') },
          { title: 'Логин', key: 'login', width: 140, render: (_, r) => r.login ?? '' },
          { title: 'Пароль', key: 'password', width: 90, render: (_, r) => (r.hasPassword ? 'сохранён' : '') },
          { title: 'Выдана', key: 'handedOver', width: 220, render: (_, r) => (r.handedOverOn ? `${formatDateRu(r.handedOverOn)}, ${r.handedOverTo ?? ''}` : r.exportFile ? `файл: ${r.exportFile}` : '') },
          {
            title: '',
            width: 100,
            fixed: 'right',
            render: (_, r) =>
              canHandOver && r.status === 'created' ? (
                <Button size="small" onClick={() => setHanding(r)}>
                  Выдать
                </Button>
              ) : null,
          },
        ]}
      />
      <PortalUrl />
      <MarkSentDialog rows={chosen} open={dialog === 'sent'} onClose={() => { setDialog(null); setSelected([]); }} />
      <RecordCreatedDialog rows={chosen} open={dialog === 'created'} onClose={() => { setDialog(null); setSelected([]); }} />
      <HandOverDialog row={handing} onClose={() => setHanding(null)} />
    </Space>
  );
}
