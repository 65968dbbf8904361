import { useState } from 'react';
import { Alert, App, Button, Card, Collapse, Form, Input, InputNumber, Space, Typography } from 'antd';
import { DatabaseOutlined } from '@ant-design/icons';
import { DATABASE_SOURCE_TITLES, type SettingsView } from '../../../src-shared/contract/settings';
import { errorText } from '../../components/serverErrors';
import { useHasRight } from '../../components/useSession';
import { useChooseDatabaseMutation, useSettingsQuery, useTestDatabaseMutation } from './settingsApi';

interface Target {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
}

const kindTitle = (kind: SettingsView['database']['kind']) => (kind === 'sqlite' ? 'Файл SQLite на этом компьютере' : 'Сервер PostgreSQL (несколько рабочих мест)');

/**
 * Where the data lives (issue 23, part 4), on the wizard's first page and on «Настройки программы»:
 * the database open now, the one the next start opens, a connection test for a PostgreSQL server
 * shared by several PCs and, after a successful test, «Использовать при следующем запуске» (the
 * values exactly as tested; any edit asks for a new test). The password stays in this form until
 * then; the core keeps it sealed in the settings file.
 */
export function SetupDatabaseCard() {
  const { message } = App.useApp();
  const { data } = useSettingsQuery();
  const canManage = useHasRight('system.manage');
  const [test, { isLoading }] = useTestDatabaseMutation();
  const [choose, { isLoading: choosing }] = useChooseDatabaseMutation();
  const [result, setResult] = useState<{ ok: boolean; message: string; tested?: Target } | null>(null);
  const [chooseError, setChooseError] = useState<string | null>(null);
  if (!data) return null;
  const next = data.nextStart;
  const run = async (v: Target) => {
    setChooseError(null);
    const r = await test(v);
    setResult('data' in r && r.data ? { ...r.data, tested: r.data.ok ? v : undefined } : { ok: false, message: errorText(r) ?? 'Проверка не выполнена' });
  };
  const use = async (input: Parameters<typeof choose>[0]) => {
    setChooseError(null);
    const r = await choose(input);
    if ('data' in r && r.data) {
      setResult(null);
      message.success(input.kind === 'postgres' ? 'Сервер PostgreSQL будет использоваться после перезапуска программы' : 'После перезапуска программа вернётся к файлу SQLite');
    } else setChooseError(errorText(r) ?? 'Не сохранено');
  };
  return (
    <Card size="small" title="Где хранятся данные">
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        <DatabaseOutlined /> Сейчас: {kindTitle(data.database.kind)}: <Typography.Text copyable>{data.database.location}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="next-start">
        При следующем запуске: {kindTitle(next.kind)}: <Typography.Text strong>{next.location}</Typography.Text> ({DATABASE_SOURCE_TITLES[next.source]})
      </Typography.Paragraph>
      {next.differs && !next.problem && (
        <Alert style={{ marginBottom: 8 }} type="info" showIcon title="Вступит в силу после перезапуска программы; до тех пор программа работает с базой, открытой сейчас. Данные между базами не переносятся." />
      )}
      {next.problem && <Alert style={{ marginBottom: 8 }} type="error" showIcon title={`${next.problem}. Выберите базу заново.`} />}
      {canManage && next.source !== 'env' && (next.kind === 'postgres' || next.problem) && (
        <Button style={{ marginBottom: 8 }} loading={choosing} onClick={() => void use({ kind: 'sqlite' })}>
          Вернуться к файлу SQLite
        </Button>
      )}
      {chooseError && <Alert style={{ marginBottom: 8 }} type="error" showIcon title={chooseError} />}
      {canManage && (
        <Collapse
          size="small"
          items={[
            {
              key: 'pg',
              label: 'Проверить подключение к PostgreSQL',
              children: (
                <Form<Target>
                  layout="inline"
                  aria-label="Подключение к PostgreSQL"
                  initialValues={{ host: '', port: 5432, database: 'school_office', user: '', password: '' }}
                  onValuesChange={() => setResult(null)}
                  onFinish={(v) => void run(v)}
                >
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
                  {result && (
                    <Space orientation="vertical" style={{ marginTop: 8, width: '100%' }}>
                      <Alert type={result.ok ? 'success' : 'error'} showIcon title={result.message} />
                      {result.tested && (
                        <Button type="primary" loading={choosing} onClick={() => void use({ kind: 'postgres', ...result.tested! })}>
                          Использовать при следующем запуске
                        </Button>
                      )}
                    </Space>
                  )}
                </Form>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
