import { Badge, Space, Tooltip, Typography } from 'antd';
import { DatabaseOutlined } from '@ant-design/icons';
import { useStatusQuery } from './systemApi';
import { useAppSelector } from '../../app/hooks';

/** Which database the office works with: people on several PCs must see they share one. */
export function StatusBar() {
  const { data, isError } = useStatusQuery(undefined, { pollingInterval: 60_000 });
  const connection = useAppSelector((s) => s.ui.connection);
  const lost = isError || connection === 'lost';
  const dbText = data
    ? data.database.kind === 'sqlite'
      ? `База: файл SQLite${data.database.encrypted ? ', зашифрован' : ''}`
      : `База: PostgreSQL ${data.database.location}`
    : 'База: …';
  return (
    <Space size="large" style={{ marginLeft: 'auto' }} data-testid="status-bar">
      <Tooltip title={data ? `${data.database.location} · схема ${data.database.schemaVersion}` : undefined}>
        <Space>
          <DatabaseOutlined />
          <Typography.Text>{dbText}</Typography.Text>
        </Space>
      </Tooltip>
      <Badge status={lost ? 'error' : 'success'} text={lost ? 'Нет связи' : 'Связь есть'} />
      {data && <Typography.Text type="secondary">версия {data.appVersion}</Typography.Text>}
    </Space>
  );
}
