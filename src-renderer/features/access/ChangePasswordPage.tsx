import { useState } from 'react';
import { Alert, App, Button, Form, Input, Space } from 'antd';
import type { SessionUser } from '../../../src-shared/contract/access';
import { AuthScreen } from './AuthScreen';
import { useChangePasswordMutation } from './accessApi';
import { passwordRule, repeatRule } from './passwordRules';
import { errorOf, showServerError } from '../../components/serverErrors';

interface Values {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

export function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [change, { isLoading }] = useChangePasswordMutation();
  const [error, setError] = useState<string | null>(null);
  const submit = async ({ currentPassword, newPassword }: Values) => {
    setError(null);
    const r = await change({ currentPassword, newPassword });
    if ('data' in r && r.data) {
      message.success('Пароль изменён');
      form.resetFields();
      onDone();
    } else setError(showServerError(form, errorOf(r)));
  };
  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="Смена пароля">
        <Form.Item name="currentPassword" label="Текущий пароль" rules={[{ required: true, message: 'Введите текущий пароль' }]}>
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <Form.Item validateFirst name="newPassword" label="Новый пароль" extra="Не короче 8 символов, буквы и цифры." rules={[{ required: true, message: 'Придумайте пароль' }, passwordRule()]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item validateFirst name="repeat" label="Новый пароль ещё раз" dependencies={['newPassword']} rules={[{ required: true, message: 'Повторите пароль' }, repeatRule('newPassword')]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isLoading} block>
          Сменить пароль
        </Button>
      </Form>
    </>
  );
}

/** Shown instead of the app after an administrator set a temporary password. */
export function ChangePasswordPage({ user, onDone, onSignOut }: { user: SessionUser; onDone: () => void; onSignOut: () => Promise<void> }) {
  return (
    <AuthScreen title="Смените временный пароль">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={`${user.fullName}, администратор выдал вам временный пароль. Придумайте свой, чтобы продолжить.`} />
        <ChangePasswordForm onDone={onDone} />
        <Button type="link" onClick={() => void onSignOut()}>
          Выйти
        </Button>
      </Space>
    </AuthScreen>
  );
}
