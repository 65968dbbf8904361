import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Radio, Select, Skeleton, Space, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import type { LocalSettings } from '../../../src-shared/contract/settings';
import { UPDATE_CHANNELS, UPDATE_CHANNEL_LABELS, UPDATE_MODES, UPDATE_MODE_LABELS } from '../../../src-shared/domain/updates';
import { errorOf, showServerError } from '../../components/serverErrors';
import { useHasRight } from '../../components/useSession';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { PortalUrl } from '../accounts/PortalUrl';
import { BackupScheduleCard } from '../system/BackupScheduleCard';
import { KeysCard } from '../system/KeysCard';
import { useSaveSettingsMutation, useSettingsQuery } from './settingsApi';
import { UpdatesCard } from './UpdatesCard';
import { LogButton } from './LogDialog';
import { SetupDatabaseCard } from './SetupDatabaseCard';

interface Values {
  backupDir: string;
  mode: LocalSettings['updates']['mode'];
  channel: LocalSettings['updates']['channel'];
  feedUrl: string;
}

const toValues = (s: LocalSettings): Values => ({ backupDir: s.backupDir ?? '', mode: s.updates.mode, channel: s.updates.channel, feedUrl: s.updates.feedUrl ?? '' });
const fromValues = (v: Values): LocalSettings => ({
  backupDir: v.backupDir.trim() || null,
  updates: { mode: v.mode, channel: v.channel, feedUrl: v.feedUrl.trim() || null },
});

/**
 * «Администрирование → Настройки программы» (issue 23, part 5): where the data is, where backups go
 * and how often, how the program updates itself, the portal's address and the encryption keys. The
 * folder and update settings belong to this computer (the data folder's settings.json); the core
 * checks the folder can be written before it keeps it, and every change is in the audit log.
 */
export function SettingsPage() {
  const { message } = App.useApp();
  const { data, isLoading } = useSettingsQuery();
  const [save, { isLoading: saving }] = useSaveSettingsMutation();
  const canManage = useHasRight('system.manage');
  const canLogs = useHasRight('system.logs');
  const [form] = Form.useForm<Values>();
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useUnsavedGuard(dirty);
  useEffect(() => {
    if (data && !dirty) form.setFieldsValue(toValues(data.saved));
  }, [data, dirty, form]);
  if (isLoading || !data) return <Skeleton active />;

  const submit = async (v: Values) => {
    setError(null);
    const r = await save(fromValues(v));
    if ('data' in r && r.data) {
      setDirty(false);
      message.success('Настройки сохранены');
    } else {
      const err = errorOf(r);
      // The form's fields are flat; the contract's are nested under `updates`.
      const issues = (err?.details?.issues ?? []).map((i) => ({ ...i, path: i.path.replace(/^updates\./, '') }));
      setError(showServerError(form, err ? { ...err, details: { ...err.details, issues } } : undefined));
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 900 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Настройки программы
      </Typography.Title>
      {data.fileProblem && <Alert type="warning" showIcon title={data.fileProblem} />}
      <Card size="small" title="Данные">
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label="Папка данных">
            <Typography.Text copyable>{data.dataDir}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="Файл настроек">
            <Typography.Text copyable>{data.settingsFile}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="Журнал программы">
            <Space wrap>
              <Typography.Text copyable>{data.logsDir}</Typography.Text>
              {canLogs && <LogButton />}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="Версия программы">{data.appVersion}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          Папку данных выбирают при запуске (параметр --data или переменная SCHOOL_OFFICE_DATA). Базу — ниже или переменной DATABASE_URL;
          программа не переносит открытую базу сама.
        </Typography.Paragraph>
      </Card>
      <SetupDatabaseCard />
      <Form
        form={form}
        layout="vertical"
        disabled={!canManage}
        aria-label="Настройки программы"
        onValuesChange={() => setDirty(true)}
        onFinish={(v) => void submit(v)}
      >
        <Card size="small" title="Резервные копии" style={{ marginBottom: 16 }}>
          <Form.Item
            name="backupDir"
            label="Папка резервных копий"
            extra={`Пусто — папка по умолчанию: ${data.backupDirDefault}. Сейчас копии сохраняются в ${data.backupDir}. Лучше указать другой диск или сетевую папку.`}
          >
            <Input placeholder={data.backupDirDefault} />
          </Form.Item>
        </Card>
        <Card size="small" title="Обновления" style={{ marginBottom: 16 }}>
          <Form.Item name="mode" label="Проверять обновления">
            <Radio.Group options={UPDATE_MODES.map((m) => ({ value: m, label: UPDATE_MODE_LABELS[m] }))} />
          </Form.Item>
          <Form.Item name="channel" label="Канал">
            <Select style={{ maxWidth: 320 }} options={UPDATE_CHANNELS.map((c) => ({ value: c, label: UPDATE_CHANNEL_LABELS[c] }))} />
          </Form.Item>
          <Form.Item name="feedUrl" label="Адрес обновлений" extra="Папка на сервере школы или поставщика, где лежат latest.yml и установщик.">
            <Input placeholder="https://school.example.ru/updates/" />
          </Form.Item>
        </Card>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        {canManage && (
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
            Сохранить настройки
          </Button>
        )}
      </Form>
      <UpdatesCard />
      {data.database.kind === 'sqlite' && <BackupScheduleCard canEdit={canManage} />}
      <Card size="small" title="Портал «Сетевой город»">
        <PortalUrl />
      </Card>
      {canManage && <KeysCard />}
    </Space>
  );
}
