import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { LoginOutlined } from '@ant-design/icons';
import { AuthScreen } from './AuthScreen';
import { useSignInMutation } from './accessApi';
import { errorOf } from '../../components/serverErrors';

export function SignInPage({ notice, onDone }: { notice: string | null; onDone: () => void }) {
  const [form] = Form.useForm<{ login: string; password: string }>();
  const [signIn, { isLoading }] = useSignInMutation();
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: { login: string; password: string }) => {
    setError(null);
    const r = await signIn(values);
    if ('data' in r && r.data) {
      onDone();
      return;
    }
    setError(errorOf(r)?.message ?? 'Не удалось войти');
    form.setFieldValue('password', '');
  };

  return (
    <AuthScreen title="Вход">
      {notice && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="signin-error" />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="Вход в программу" requiredMark={false}>
        <Form.Item name="login" label="Логин" rules={[{ required: true, message: 'Введите логин' }]}>
          <Input autoFocus autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label="Пароль" rules={[{ required: true, message: 'Введите пароль' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<LoginOutlined />} loading={isLoading} block>
          Войти
        </Button>
      </Form>
    </AuthScreen>
  );
}
