import { useState } from 'react';
import { Alert, Button, Card, Collapse, Form, Input, InputNumber, Typography } from 'antd';
import { DatabaseOutlined } from '@ant-design/icons';
import { errorText } from '../../components/serverErrors';
import { useHasRight } from '../../components/useSession';
import { useSettingsQuery, useTestDatabaseMutation } from './settingsApi';

interface Target {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
}

/**
 * The wizard's first page (issue 23, part 4): where the data lives now, and a connection test for a
 * PostgreSQL server shared by several PCs. Nothing is saved here; the password stays in this form.
 */
export function SetupDatabaseCard() {
  const { data } = useSettingsQuery();
  const canManage = useHasRight('system.manage');
  const [test, { isLoading }] = useTestDatabaseMutation();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  if (!data) return null;
  const run = async (v: Target) => {
    const r = await test(v);
    setResult('data' in r && r.data ? r.data : { ok: false, message: errorText(r) ?? 'Проверка не выполнена' });
  };
  return (
    <Card size="small" title="Где хранятся данные">
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        <DatabaseOutlined />{' '}
        {data.database.kind === 'sqlite' ? 'Файл SQLite на этом компьютере' : 'Сервер PostgreSQL (несколько рабочих мест)'}: <Typography.Text copyable>{data.database.location}</Typography.Text>
      </Typography.Paragraph>
      {canManage && (
        <Collapse
          size="small"
          items={[
            {
              key: 'pg',
              label: 'Проверить подключение к PostgreSQL',
              children: (
                <Form<Target> layout="inline" aria-label="Подключение к PostgreSQL" initialValues={{ host: '', port: 5432, database: 'school_office', user: '', password: '' }} onFinish={(v) => void run(v)}>
                  <Form.Item name="host" label="Сервер" rules={[{ required: true, message: 'укажите сервер' }]}>
                    <Input placeholder="192.168.1.10" />
                  </Form.Item>
                  <Form.Item name="port" label="Порт">
                    <InputNumber min={1} max={65535} />
                  </Form.Item>
                  <Form.Item name="database" label="База данных" rules={[{ required: true, message: 'укажите базу данных' }]}>
                    <Input />
                  </Form.Item>
                  <Form.Item name="user" label="Пользователь" rules={[{ required: true, message: 'укажите пользователя' }]}>
                    <Input />
                  </Form.Item>
                  <Form.Item name="password" label="Пароль">
                    <Input.Password autoComplete="off" />
                  </Form.Item>
                  <Button htmlType="submit" loading={isLoading}>
                    Проверить подключение
                  </Button>
                  {result && <Alert style={{ marginTop: 8, width: '100%' }} type={result.ok ? 'success' : 'error'} showIcon title={result.message} />}
                </Form>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
