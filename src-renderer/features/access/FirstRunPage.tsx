import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { AuthScreen } from './AuthScreen';
import { useCreateAdminMutation } from './accessApi';
import { loginRule, passwordRule, repeatRule } from './passwordRules';
import { errorOf, showServerError } from '../../components/serverErrors';

interface Values {
  login: string;
  fullName: string;
  password: string;
  repeat: string;
  setupCode?: string;
}

/**
 * First run on an empty database: the person setting the program up becomes its administrator. In a
 * browser they also type the one-time code `serve` printed on its console, so a page that merely
 * reached the server cannot take the administrator's place (the desktop window needs no code).
 */
export function FirstRunPage({ onDone, codeRequired }: { onDone: () => void; codeRequired: boolean }) {
  const [form] = Form.useForm<Values>();
  const [create, { isLoading }] = useCreateAdminMutation();
  const [error, setError] = useState<string | null>(null);

  const submit = async ({ login, fullName, password, setupCode }: Values) => {
    setError(null);
    const r = await create({ login: login.trim(), fullName: fullName.trim(), password, ...(codeRequired ? { setupCode: (setupCode ?? '').trim() } : {}) });
    if ('data' in r && r.data) onDone();
    else setError(showServerError(form, errorOf(r)));
  };

  return (
    <AuthScreen title="Первый запуск: администратор программы" width={520}>
      <Typography.Paragraph type="secondary">
        В программе хранятся персональные данные обучающихся, родителей и сотрудников (152-ФЗ), поэтому каждый работает под
        своим логином. Создайте учётную запись администратора: он заводит остальных пользователей и назначает им права.
        Пароля по умолчанию нет — придумайте свой.
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="Создание администратора">
        {codeRequired && (
          <Form.Item
            name="setupCode"
            label="Код первого запуска"
            extra="Напечатан в окне, где запущен сервер программы: строка «Код первого запуска: 1234-5678». Код знает только тот, кто запустил программу."
            rules={[{ required: true, whitespace: true, message: 'Введите код из окна сервера' }]}
          >
            <Input autoComplete="one-time-code" inputMode="numeric" placeholder="0000-0000" style={{ maxWidth: 200 }} />
          </Form.Item>
        )}
        <Form.Item name="fullName" label="ФИО" rules={[{ required: true, whitespace: true, message: 'Введите фамилию, имя и отчество' }]}>
          <Input autoFocus placeholder="Иванова Анна Петровна" />
        </Form.Item>
        <Form.Item validateFirst name="login" label="Логин" rules={[{ required: true, message: 'Введите логин' }, loginRule]}>
          <Input autoComplete="username" placeholder="admin" />
        </Form.Item>
        <Form.Item validateFirst name="password" label="Пароль" extra="Не короче 8 символов, буквы и цифры." rules={[{ required: true, message: 'Придумайте пароль' }, passwordRule('login')]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item validateFirst name="repeat" label="Пароль ещё раз" dependencies={['password']} rules={[{ required: true, message: 'Повторите пароль' }, repeatRule('password')]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SafetyCertificateOutlined />} loading={isLoading} block>
          Создать администратора и войти
        </Button>
      </Form>
    </AuthScreen>
  );
}
