import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ExchangeRow } from '../../../src-shared/contract/exchange';
import { downloadFile } from '../../components/downloadFile';
import { formatDateTimeRu, formatSize, todayIso } from '../../components/format';
import { errorText } from '../../components/serverErrors';
import { useHasRight } from '../../components/useSession';
import { useExchangeFileMutation, useExchangeHistoryQuery, useMarkImportedMutation } from './exchangeApi';
import { STATUS_LABELS } from './exchangeLabels';

/** «История»: every pull and push with its files; a push file is marked as imported into the portal here. */
export function HistoryTab() {
  const { message } = App.useApp();
  const canPush = useHasRight('exchange.push');
  const { data, isFetching } = useExchangeHistoryQuery({ limit: 200 });
  const [getFile] = useExchangeFileMutation();
  const [mark] = useMarkImportedMutation();
  const download = async (fileId: string) => {
    const r = await getFile({ fileId });
    if ('data' in r && r.data) downloadFile(r.data);
    else message.error(errorText(r) ?? 'Файл не получен');
  };
  const imported = async (row: ExchangeRow) => {
    const r = await mark({ exchangeId: row.id, version: row.version, date: todayIso() });
    if ('error' in r) message.error(errorText(r) ?? 'Не удалось отметить');
    else message.success('Отмечено: файл загружен в портал. Следующая загрузка из портала подтвердит его.');
  };
  return (
    <Table<ExchangeRow>
      size="small"
      rowKey="id"
      loading={isFetching}
      dataSource={data ?? []}
      data-testid="history-table"
      pagination={{ pageSize: 30, showSizeChanger: false }}
      columns={[
        { title: 'Когда', dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTimeRu(v) },
        { title: 'Направление', dataIndex: 'direction', width: 130, render: (d: string) => (d === 'pull' ? 'из портала' : 'в портал') },
        { title: 'Что', dataIndex: 'title', render: (t: string, r) => (<><div>{t}</div>{r.createdBy && <Typography.Text type="secondary">{r.createdBy}</Typography.Text>}</>) },
        { title: 'Состояние', dataIndex: 'status', width: 220, render: (s: string, r) => (<><Tag color={STATUS_LABELS[s]?.color}>{STATUS_LABELS[s]?.text ?? s}</Tag>{r.direction === 'push' && r.items > 0 && <div><Typography.Text type="secondary">подтверждено {r.confirmed} из {r.items}</Typography.Text></div>}</>) },
        {
          title: 'Файлы',
          render: (_: unknown, r) => (
            <Space direction="vertical" size={0}>
              {r.files.map((f) => (
                <Button key={f.id} type="link" size="small" style={{ padding: 0 }} onClick={() => download(f.id)}>
                  {f.fileName} ({formatSize(f.size)})
                </Button>
              ))}
            </Space>
          ),
        },
        {
          title: '',
          width: 200,
          render: (_: unknown, r) =>
            r.direction === 'push' && r.status === 'ready' && canPush ? (
              <Popconfirm title="Файл загружен в портал?" okText="Да, загружен" cancelText="Нет" onConfirm={() => imported(r)}>
                <Button size="small">Отметить загрузку в портал</Button>
              </Popconfirm>
            ) : null,
        },
      ]}
    />
  );
}
