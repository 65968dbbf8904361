import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import type { AppUserRow } from '../../../src-shared/contract/access';
import { useResetPasswordMutation } from './accessApi';
import { passwordRule, repeatRule } from './passwordRules';
import { errorOf, showServerError } from '../../components/serverErrors';

export function ResetPasswordModal({ user, onClose }: { user: AppUserRow | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; repeat: string }>();
  const [reset, { isLoading }] = useResetPasswordMutation();
  const [error, setError] = useState<string | null>(null);
  const submit = async ({ password }: { password: string }) => {
    if (!user) return;
    const r = await reset({ id: user.id, password });
    if ('data' in r && r.data) {
      message.success(`Пароль «${user.login}» сброшен. При входе пользователь сменит его.`);
      onClose();
    } else setError(showServerError(form, errorOf(r)));
  };
  return (
    <Modal open={user !== null} title={`Сброс пароля «${user?.login ?? ''}»`} okText="Сбросить" cancelText="Отмена" confirmLoading={isLoading} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        Пользователь выйдет на всех компьютерах, будет разблокирован и при следующем входе должен будет придумать свой пароль.
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="Сброс пароля">
        <Form.Item validateFirst name="password" label="Временный пароль" rules={[{ required: true, message: 'Задайте временный пароль' }, passwordRule()]}>
          <Input.Password autoFocus autoComplete="new-password" />
        </Form.Item>
        <Form.Item validateFirst name="repeat" label="Временный пароль ещё раз" dependencies={['password']} rules={[{ required: true, message: 'Повторите пароль' }, repeatRule('password')]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
