import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Space } from 'antd';
import type { AccessSettings } from '../../../src-shared/contract/access';
import { useAccessSettingsQuery, useSaveAccessSettingsMutation } from './accessApi';
import { errorOf, showServerError } from '../../components/serverErrors';

export function AccessSettingsCard({ canEdit }: { canEdit: boolean }) {
  const { message } = App.useApp();
  const { data } = useAccessSettingsQuery();
  const [save, { isLoading }] = useSaveAccessSettingsMutation();
  const [form] = Form.useForm<AccessSettings>();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (data) form.setFieldsValue(data);
  }, [data, form]);
  const submit = async (v: AccessSettings) => {
    setError(null);
    const r = await save(v);
    if ('data' in r && r.data) message.success('Настройки входа сохранены');
    else setError(showServerError(form, errorOf(r)));
  };
  return (
    <Card title="Настройки входа" size="small">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="inline" disabled={!canEdit} onFinish={(v) => void submit(v)} aria-label="Настройки входа">
        <Form.Item name="sessionIdleMinutes" label="Выход после бездействия, минут" rules={[{ required: true, message: 'Укажите число' }]}>
          <InputNumber min={5} max={1440} />
        </Form.Item>
        <Form.Item name="lockMinutes" label="Блокировка после 5 неверных паролей, минут" extra="Каждая следующая блокировка подряд вдвое дольше." rules={[{ required: true, message: 'Укажите число' }]}>
          <InputNumber min={1} max={1440} />
        </Form.Item>
        {canEdit && (
          <Space>
            <Button htmlType="submit" loading={isLoading}>
              Сохранить
            </Button>
          </Space>
        )}
      </Form>
    </Card>
  );
}
