import { useState } from 'react';
import { Button, Dropdown, Modal, Space, Typography } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { ROLES } from '../../../src-shared/contract/access';
import { ChangePasswordForm } from './ChangePasswordPage';
import { useSession } from '../../components/useSession';

/** Who is working here, with «Сменить пароль» and «Выйти» — on a shared office PC this matters. */
export function UserMenu() {
  const { user, signOut } = useSession();
  const [changing, setChanging] = useState(false);
  const roles = user.roles.map((r) => ROLES[r as keyof typeof ROLES] ?? r).join(', ');
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', icon: <KeyOutlined />, label: 'Сменить пароль' },
            { key: 'signout', icon: <LogoutOutlined />, label: 'Выйти', danger: true },
          ],
          onClick: ({ key }) => (key === 'signout' ? void signOut() : setChanging(true)),
        }}
      >
        <Button type="text" data-testid="user-menu" aria-label={`Пользователь: ${user.fullName}`}>
          <Space>
            <UserOutlined />
            <span>{user.fullName}</span>
            {roles && <Typography.Text type="secondary">{roles}</Typography.Text>}
          </Space>
        </Button>
      </Dropdown>
      <Modal open={changing} title="Смена пароля" footer={null} onCancel={() => setChanging(false)} destroyOnHidden>
        <ChangePasswordForm onDone={() => setChanging(false)} />
      </Modal>
    </>
  );
}
