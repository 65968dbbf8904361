import { PageTitle } from '../../components/PageTitle';
import { useState } from 'react';
import { App, Button, Card, Col, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { ROLE_IDS, ROLES, type RoleId } from '../../../src-shared/contract/access';
import type { JournalRow } from '../../../src-shared/contract/deadlines';
import { todayLocal } from '../../../src-shared/domain/personRules';
import type { ErrorBody } from '../../../src-shared/errors';
import { DateField } from '../../components/DateField';
import { downloadFile } from '../../components/downloadFile';
import { formatDateRu } from '../../components/format';
import { useDeadlineJournalQuery, useExportDeadlineJournalMutation } from './deadlinesApi';
import { STATUS_COLORS, statusLabel } from './taskText';

/** The academic year so far: 1 September (of this autumn, or last autumn before September) to today. */
function defaultRange(today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4)) - (today.slice(5) < '09-01' ? 1 : 0);
  return { from: `${year}-09-01`, to: today };
}

/**
 * «Журнал соблюдения сроков» for the director (work order 3.1): every task due in a date range,
 * when it was done and by whom, late or on time; the Excel file names people, so it is logged.
 */
export function DeadlineJournalPage() {
  const { message } = App.useApp();
  const [range, setRange] = useState(() => defaultRange(todayLocal()));
  const [role, setRole] = useState<RoleId | undefined>(undefined);
  const valid = range.from <= range.to;
  const input = { ...range, ...(role ? { role } : {}) };
  const { data, isFetching } = useDeadlineJournalQuery(input, { skip: !valid });
  const [exportJournal, { isLoading: exporting }] = useExportDeadlineJournalMutation();

  const doExport = async () => {
    const r = await exportJournal(input);
    if ('data' in r && r.data) {
      downloadFile(r.data);
      message.success(`Выгружено задач: ${r.data.rows}. Выгрузка записана в журнал изменений.`);
    } else if ('error' in r) message.error((r.error as ErrorBody).message);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageTitle title="Журнал соблюдения сроков">
        <Button icon={<FileExcelOutlined />} loading={exporting} disabled={!valid} onClick={() => void doExport()}>
          Выгрузить в Excel
        </Button>
      </PageTitle>
      <Card size="small">
        <Row gutter={[16, 8]} align="bottom">
          <Col xs={12} md={4}>
            <label htmlFor="journal-from">
              <Typography.Text type="secondary">Сроки с</Typography.Text>
            </label>
            <DateField id="journal-from" value={range.from} onChange={(v) => v && setRange((r) => ({ ...r, from: v }))} />
          </Col>
          <Col xs={12} md={4}>
            <label htmlFor="journal-to">
              <Typography.Text type="secondary">по</Typography.Text>
            </label>
            <DateField id="journal-to" value={range.to} onChange={(v) => v && setRange((r) => ({ ...r, to: v }))} />
          </Col>
          <Col xs={24} md={6}>
            <Typography.Text type="secondary">Ответственный</Typography.Text>
            <Select
              aria-label="Ответственный"
              allowClear
              placeholder="все"
              style={{ width: '100%' }}
              value={role}
              onChange={(v?: RoleId) => setRole(v)}
              options={ROLE_IDS.map((r) => ({ value: r, label: ROLES[r] }))}
            />
          </Col>
          {data && (
            <Col xs={24} md={10}>
              <Space size="large">
                <Statistic title="В срок" value={data.onTime} />
                <Statistic title="С нарушением срока" value={data.late} styles={{ content: { color: data.late ? '#cf1322' : undefined } }} />
                <Statistic title="В работе" value={data.open} />
              </Space>
            </Col>
          )}
        </Row>
        {!valid && <Typography.Text type="danger">Конец периода раньше его начала.</Typography.Text>}
      </Card>
      <Table<JournalRow>
        rowKey="key"
        size="small"
        loading={isFetching}
        dataSource={data?.rows ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          { title: 'Срок', dataIndex: 'dueDate', width: 100, render: (v: string | null) => (v ? formatDateRu(v) : 'не рассчитан') },
          {
            title: 'Что сделать',
            key: 'what',
            render: (_, r) => (
              <>
                <div>{r.title}</div>
                <Typography.Text type="secondary">
                  {r.subject}
                  {r.historyOnly ? ' (правило отключено или запись удалена)' : ''}
                </Typography.Text>
              </>
            ),
          },
          { title: 'Пункт', dataIndex: 'section', width: 80 },
          { title: 'Ответственный', dataIndex: 'owner', width: 220 },
          { title: 'Выполнено', dataIndex: 'doneOn', width: 100, render: (v: string | null) => formatDateRu(v) },
          { title: 'Кем', dataIndex: 'doneBy', width: 160 },
          {
            title: 'Итог',
            key: 'result',
            width: 170,
            render: (_, r) =>
              r.compliance === 'onTime' ? <Tag color="green">в срок</Tag> : r.compliance === 'late' ? <Tag color="red">{r.status === 'late' ? 'просрочено' : 'с нарушением срока'}</Tag> : <Tag color={STATUS_COLORS[r.status]}>{statusLabel(r.status)}</Tag>,
          },
          { title: 'Комментарий', dataIndex: 'note', width: 180 },
        ]}
      />
    </Space>
  );
}
