import { useEffect } from 'react';
import { App, Button, Card, Form, InputNumber, Switch, Typography } from 'antd';
import { formatDateTimeRu } from '../../components/format';
import { useBackupScheduleQuery, useSaveBackupScheduleMutation } from './systemApi';

interface Values {
  enabled: boolean;
  keep: number;
}

/** Daily automatic backups: on or off and how many to keep (the administrator changes them). */
export function BackupScheduleCard({ canEdit }: { canEdit: boolean }) {
  const { message } = App.useApp();
  const { data } = useBackupScheduleQuery();
  const [save, { isLoading }] = useSaveBackupScheduleMutation();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (data) form.setFieldsValue({ enabled: data.enabled, keep: data.keep });
  }, [data, form]);
  return (
    <Card size="small" title="Ежедневные копии" style={{ maxWidth: 720 }}>
      <Form
        form={form}
        layout="inline"
        disabled={!canEdit}
        onFinish={async (v) => {
          const r = await save(v);
          if ('data' in r && r.data) message.success('Расписание копий сохранено');
        }}
      >
        <Form.Item name="enabled" label="Копия раз в день, пока программа работает" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="keep" label="Хранить копий" rules={[{ required: true, type: 'integer', min: 1, max: 365, message: 'от 1 до 365' }]}>
          <InputNumber min={1} max={365} style={{ width: 90 }} />
        </Form.Item>
        {canEdit && (
          <Button htmlType="submit" loading={isLoading}>
            Сохранить
          </Button>
        )}
      </Form>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {data?.lastDaily ? `Последняя ежедневная копия: ${formatDateTimeRu(data.lastDaily.createdAt)}.` : 'Ежедневных копий ещё не было: первая появится через минуту после запуска программы.'}
      </Typography.Paragraph>
    </Card>
  );
}
