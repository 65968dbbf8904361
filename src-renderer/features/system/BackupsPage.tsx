import { App, Button, Space, Table, Typography } from 'antd';
import { useBackupsQuery, useCreateBackupMutation, useStatusQuery } from './systemApi';
import { formatDateTimeRu, formatSize } from '../../components/format';

export function BackupsPage() {
  const { message } = App.useApp();
  const { data: status } = useStatusQuery();
  const { data, isFetching } = useBackupsQuery();
  const [create, { isLoading }] = useCreateBackupMutation();
  const sqlite = status?.database.kind === 'sqlite';
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Резервные копии
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Копия делается автоматически перед каждым обновлением схемы базы. Здесь можно сделать копию вручную;
        каждая копия проверяется на целостность. {sqlite ? '' : 'Базу PostgreSQL копирует администратор сервера (pg_dump).'}
      </Typography.Paragraph>
      <Button
        type="primary"
        disabled={!sqlite}
        loading={isLoading}
        onClick={async () => {
          const r = await create({ jobId: `backup-${Date.now()}` });
          if ('data' in r && r.data) message.success(`Копия создана и проверена: ${r.data.file}`);
        }}
      >
        Создать копию сейчас
      </Button>
      <Table
        rowKey="file"
        loading={isFetching}
        dataSource={data ?? []}
        pagination={false}
        locale={{ emptyText: 'Копий пока нет' }}
        columns={[
          { title: 'Файл', dataIndex: 'file' },
          { title: 'Создана', dataIndex: 'createdAt', render: (v: string) => formatDateTimeRu(v), width: 180 },
          { title: 'Размер', dataIndex: 'size', render: (v: number) => formatSize(v), width: 120 },
        ]}
      />
    </Space>
  );
}
