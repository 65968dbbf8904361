import { App, Button, Space, Table, Tag, Typography } from 'antd';
import type { BackupInfo } from '../../../src-shared/contract/system';
import { useBackupsQuery, useCreateBackupMutation, useStatusQuery } from './systemApi';
import { formatDateTimeRu, formatSize } from '../../components/format';
import { useHasRight } from '../../components/useSession';
import { BackupScheduleCard } from './BackupScheduleCard';
import { KeysCard } from './KeysCard';
import { useRestore } from './useRestore';

const KIND_LABEL: Record<BackupInfo['kind'], { text: string; color?: string }> = {
  manual: { text: 'вручную', color: 'blue' },
  daily: { text: 'ежедневная', color: 'green' },
  'before-migration': { text: 'перед обновлением' },
  'before-restore': { text: 'перед восстановлением', color: 'orange' },
  other: { text: 'другая' },
};

/**
 * «Администрирование → Резервные копии»: copies made by hand, daily and before updates; restore
 * from any of them without a terminal (issue 19, item 5).
 */
export function BackupsPage() {
  const { message } = App.useApp();
  const { data: status } = useStatusQuery();
  const { data, isFetching } = useBackupsQuery();
  const [create, { isLoading }] = useCreateBackupMutation();
  const canManage = useHasRight('system.manage');
  const restore = useRestore();
  const sqlite = status?.database.kind === 'sqlite';
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Резервные копии
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Копия делается автоматически раз в день, пока программа работает, и перед каждым обновлением схемы базы; каждая копия
        проверяется на целостность. Из любой копии базу можно восстановить: текущая база перед этим сохраняется отдельной копией.{' '}
        {sqlite ? '' : 'Базу PostgreSQL копирует и восстанавливает администратор сервера (pg_dump, pg_restore).'}
      </Typography.Paragraph>
      {sqlite && <BackupScheduleCard canEdit={canManage} />}
      {canManage && <KeysCard />}
      <Button
        type="primary"
        disabled={!sqlite}
        loading={isLoading}
        onClick={async () => {
          const r = await create({ jobId: `backup-${Date.now()}` });
          if ('data' in r && r.data) message.success(`Копия создана и проверена: ${r.data.name}`);
        }}
      >
        Создать копию сейчас
      </Button>
      <Table<BackupInfo>
        rowKey="file"
        loading={isFetching}
        dataSource={data ?? []}
        pagination={false}
        locale={{ emptyText: 'Копий пока нет' }}
        columns={[
          { title: 'Файл', dataIndex: 'name' },
          { title: 'Вид', dataIndex: 'kind', width: 190, render: (k: BackupInfo['kind']) => <Tag color={KIND_LABEL[k].color}>{KIND_LABEL[k].text}</Tag> },
          { title: 'Создана', dataIndex: 'createdAt', render: (v: string) => formatDateTimeRu(v), width: 160 },
          { title: 'Размер', dataIndex: 'size', render: (v: number) => formatSize(v), width: 110 },
          ...(canManage && sqlite
            ? [
                {
                  title: '',
                  key: 'restore',
                  width: 150,
                  render: (_: unknown, b: BackupInfo) => (
                    <Button size="small" danger onClick={() => restore.ask(b)} aria-label={`Восстановить из ${b.name}`}>
                      Восстановить…
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {restore.modal}
    </Space>
  );
}
