import { App, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { Reconciliation } from '../../../src-shared/contract/exchange';
import { downloadFile } from '../../components/downloadFile';
import { formatDateTimeRu } from '../../components/format';
import { useReconciliationExportMutation, useReconciliationQuery } from './exchangeApi';
import { errorText } from '../../components/serverErrors';

/** «Сверка»: people and classes that differ between the office and the last pull, side by side. */
const ENTITY = { pupil: 'Обучающийся', parent: 'Родитель', staff: 'Сотрудник', class: 'Класс' } as const;
const KIND = { onlyOffice: { text: 'только в программе', color: 'purple' }, onlyPortal: { text: 'только в портале', color: 'orange' }, differs: { text: 'различается', color: 'blue' } } as const;

export function ReconciliationTab() {
  const { message } = App.useApp();
  const { data, isFetching } = useReconciliationQuery();
  const [exportFile, exportState] = useReconciliationExportMutation();
  if (data && !data.pullId) return <Empty description="Сверка появится после первой загрузки из портала" />;
  const download = async () => {
    const r = await exportFile();
    if ('data' in r && r.data) downloadFile(r.data);
    else message.error((errorText(r) ?? 'Не удалось выполнить операцию'));
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Typography.Text type="secondary">Последняя загрузка из портала: {data?.pulledAt ? formatDateTimeRu(data.pulledAt) : '…'}</Typography.Text>
        <Button icon={<FileExcelOutlined />} loading={exportState.isLoading} onClick={download}>Выгрузить в Excel</Button>
      </Space>
      <Table<Reconciliation['rows'][number]>
        size="small"
        loading={isFetching}
        rowKey={(r, i) => `${r.entity}|${r.label}|${r.field}|${i}`}
        dataSource={data?.rows ?? []}
        data-testid="reconciliation-table"
        pagination={{ pageSize: 50, showSizeChanger: false }}
        locale={{ emptyText: 'Расхождений нет' }}
        columns={[
          { title: 'Что', dataIndex: 'entity', width: 130, render: (e: keyof typeof ENTITY) => ENTITY[e] },
          { title: 'Запись', dataIndex: 'label' },
          { title: 'Расхождение', dataIndex: 'kind', width: 170, render: (k: keyof typeof KIND) => <Tag color={KIND[k].color}>{KIND[k].text}</Tag> },
          { title: 'Поле', dataIndex: 'field', width: 180 },
          { title: 'В программе', dataIndex: 'office' },
          { title: 'В портале', dataIndex: 'portal' },
        ]}
      />
    </Space>
  );
}
