import { useState } from 'react';
import { Alert, App, Button, Card, Radio, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { PUSH_KINDS, PUSH_KIND_TITLES, type OutboxEntry, type PushKind, type PushResult } from '../../../src-shared/contract/exchange';
import { downloadFile } from '../../components/downloadFile';
import { formatDateRu, formatDateTimeRu } from '../../components/format';
import { useHasRight } from '../../components/useSession';
import { useOutboxQuery, usePushCreateMutation } from './exchangeApi';
import { STATUS_LABELS } from './exchangeLabels';
import { errorText } from '../../components/serverErrors';

/**
 * «Исходящие»: who changed since the portal last saw them, what will change in the portal, and the
 * import files that carry them. A file is checked before it is written; problems are listed with
 * the record, row and column.
 */
const KIND_LABELS = { pupil: 'Обучающийся', parent: 'Родитель', staff: 'Сотрудник' } as const;

export function OutboxTab() {
  const { message } = App.useApp();
  const canPush = useHasRight('exchange.push');
  const { data, isFetching } = useOutboxQuery();
  const [push, pushState] = usePushCreateMutation();
  const [separator, setSeparator] = useState<';' | ','>(';');
  const [problems, setProblems] = useState<PushResult['issues']>([]);
  const entries = data?.entries ?? [];
  // The rows each file would have: the server counts them the way it writes them.
  const carried = (k: PushKind) => data?.counts[k] ?? 0;

  const make = async (kind: PushKind) => {
    setProblems([]);
    const r = await push({ kind, separator });
    if (!('data' in r) || !r.data) return message.error((errorText(r) ?? 'Не удалось выполнить операцию'));
    if (!r.data.file) {
      setProblems(r.data.issues);
      return message.error('Файл не сформирован: портал не примет некоторые значения. Исправьте карточки и повторите.');
    }
    downloadFile(r.data.file);
    message.success(`Файл «${r.data.file.fileName}» сформирован: ${r.data.file.rows} чел. Загрузите его в портал и отметьте это на вкладке «История».`);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph type="secondary">
        {data?.since
          ? `Всё, чего в портале ещё нет: изменения после того, как портал последний раз показал человека (загрузка от ${formatDateTimeRu(data.since)} и позже) или получил его файлом, и расхождения, которые загрузка нашла и оставила значение программы. Человек остаётся здесь, пока файл с ним не отмечен загруженным в портал.`
          : 'Загрузок из портала ещё не было: в исходящих все изменения карточек.'}
      </Typography.Paragraph>
      <Card size="small" title="Файлы для импорта в портал">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space>
            Разделитель:
            <Radio.Group value={separator} onChange={(e) => setSeparator(e.target.value)} options={[{ value: ';', label: 'точка с запятой (;)' }, { value: ',', label: 'запятая (,)' }]} />
          </Space>
          <Space wrap>
            {PUSH_KINDS.map((k) => (
              <Button key={k} icon={<DownloadOutlined />} disabled={!canPush || carried(k) === 0} loading={pushState.isLoading && pushState.originalArgs?.kind === k} onClick={() => make(k)} data-testid={`push-${k}`}>
                {PUSH_KIND_TITLES[k]} — {carried(k)}
              </Button>
            ))}
          </Space>
          {problems.length > 0 && (
            <Alert
              type="error"
              showIcon
              message="Портал не примет эти значения — файл не записан"
              description={
                <ul style={{ margin: 0 }} data-testid="push-problems">
                  {problems.map((p, i) => (
                    <li key={i}>
                      {p.record}: строка {p.row}, столбец {p.columnLetter} «{p.caption}» — {p.message}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
        </Space>
      </Card>
      <Table<OutboxEntry>
        size="small"
        loading={isFetching}
        rowKey={(e) => `${e.personKind}|${e.personId}`}
        dataSource={entries}
        data-testid="outbox-table"
        pagination={{ pageSize: 50, showSizeChanger: false }}
        locale={{ emptyText: 'Нет изменений для портала' }}
        columns={[
          { title: 'Кто', render: (_: unknown, e) => (<><div>{e.label}</div><Typography.Text type="secondary">{KIND_LABELS[e.personKind]}{e.className ? `, ${e.className}` : ''}</Typography.Text></>) },
          { title: 'В портале', width: 140, render: (_: unknown, e) => (e.action === 'create' ? <Tag color="green">появится</Tag> : <Tag color="blue">изменится</Tag>) },
          {
            title: 'Что изменится в портале',
            render: (_: unknown, e) => (
              <Space direction="vertical" size={0}>
                {e.fields.map((f, i) => (
                  <span key={i}>
                    <Typography.Text type="secondary">{f.label}: </Typography.Text>
                    {f.value ?? '—'}
                  </span>
                ))}
              </Space>
            ),
          },
          { title: 'Изменено', dataIndex: 'changedAt', width: 150, render: (v: string) => formatDateTimeRu(v) },
          {
            title: 'Каким файлом',
            width: 260,
            render: (_: unknown, e) => (
              <Space direction="vertical" size={0}>
                {e.pushKinds.length > 0 && <span>{e.pushKinds.map((k) => PUSH_KIND_TITLES[k].split(' (')[0]).join('; ')}</span>}
                {e.pushKinds.length === 0 && e.manual.length === 0 && <Typography.Text type="warning">после подписания приказа о зачислении</Typography.Text>}
                {e.manual.map((m) => (
                  <Typography.Text key={m} type="warning" data-testid="outbox-manual">
                    Вручную в портале: {m}
                  </Typography.Text>
                ))}
              </Space>
            ),
          },
          { title: 'Прошлая передача', width: 220, render: (_: unknown, e) => (e.lastPush ? <span>{e.lastPush.fileName}, {formatDateRu(e.lastPush.at)} <Tag color={STATUS_LABELS[e.lastPush.status]?.color}>{STATUS_LABELS[e.lastPush.status]?.text}</Tag></span> : '—') },
        ]}
      />
    </Space>
  );
}
