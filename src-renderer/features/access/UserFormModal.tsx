import { useEffect, useState } from 'react';
import { Alert, App, Checkbox, Col, Form, Input, Modal, Row, Select, Switch } from 'antd';
import { isRoleId, ROLE_IDS, ROLES, type AppUserRow, type RoleId } from '../../../src-shared/contract/access';
import { useCreateUserMutation, useStaffOptionsQuery, useUpdateUserMutation } from './accessApi';
import { loginRule, passwordRule, repeatRule } from './passwordRules';
import { errorOf, showServerError } from '../../components/serverErrors';

interface Values {
  login: string;
  fullName: string;
  staffId: string | null;
  roles: RoleId[];
  isActive: boolean;
  password: string;
  repeat: string;
}

/** Create (with a temporary password the user changes at first sign-in) or edit a user. */
export function UserFormModal({ user, open, onClose }: { user: AppUserRow | null; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { data: staff } = useStaffOptionsQuery(undefined, { skip: !open });
  const [create, { isLoading: creating }] = useCreateUserMutation();
  const [update, { isLoading: updating }] = useUpdateUserMutation();
  const [error, setError] = useState<string | null>(null);
  const creatingNew = user === null;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      user
        ? { login: user.login, fullName: user.fullName, staffId: user.staffId, roles: user.roles.filter(isRoleId), isActive: user.isActive }
        : { login: '', fullName: '', staffId: null, roles: [], isActive: true },
    );
  }, [open, user, form]);

  const submit = async (v: Values) => {
    setError(null);
    const r = creatingNew
      ? await create({ login: v.login.trim(), fullName: v.fullName.trim(), staffId: v.staffId ?? null, roles: v.roles, password: v.password })
      : await update({ id: user.id, version: user.version, fullName: v.fullName.trim(), staffId: v.staffId ?? null, roles: v.roles, isActive: v.isActive });
    if ('data' in r && r.data) {
      message.success(creatingNew ? `Пользователь «${r.data.login}» создан. При первом входе он сменит пароль.` : 'Пользователь сохранён');
      onClose();
    } else setError(showServerError(form, errorOf(r)));
  };

  return (
    <Modal
      open={open}
      title={creatingNew ? 'Новый пользователь' : `Пользователь «${user.login}»`}
      okText={creatingNew ? 'Создать' : 'Сохранить'}
      cancelText="Отмена"
      confirmLoading={creating || updating}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      // Two columns and a body that scrolls inside: the dialog fits a 768 px high window (issue 24).
      width={720}
      style={{ top: 24 }}
      styles={{ body: { maxHeight: 'calc(100vh - 180px)', overflowY: 'auto' } }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="user-form-error" />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="Пользователь">
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="fullName" label="ФИО" rules={[{ required: true, whitespace: true, message: 'Введите ФИО' }]}>
              <Input autoFocus />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item validateFirst name="login" label="Логин" rules={creatingNew ? [{ required: true, message: 'Введите логин' }, loginRule] : []}>
              <Input disabled={!creatingNew} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="staffId" label="Сотрудник" extra="Классный руководитель видит свои классы по карточке сотрудника.">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="Не привязан"
            options={(staff ?? []).map((s) => ({ value: s.id, label: s.position ? `${s.fullName} — ${s.position}` : s.fullName }))}
          />
        </Form.Item>
        <Form.Item name="roles" label="Роли" rules={[{ required: true, type: 'array', min: 1, message: 'Выберите хотя бы одну роль' }]}>
          <Checkbox.Group options={ROLE_IDS.map((r) => ({ value: r, label: ROLES[r] }))} />
        </Form.Item>
        {creatingNew ? (
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item validateFirst name="password" label="Временный пароль" extra="Сообщите его пользователю лично; при первом входе он придумает свой." rules={[{ required: true, message: 'Задайте временный пароль' }, passwordRule('login')]}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item validateFirst name="repeat" label="Временный пароль ещё раз" dependencies={['password']} rules={[{ required: true, message: 'Повторите пароль' }, repeatRule('password')]}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <Form.Item name="isActive" label="Может входить в программу" valuePropName="checked">
            <Switch checkedChildren="да" unCheckedChildren="нет" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
