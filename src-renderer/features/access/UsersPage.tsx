import { PageTitle } from '../../components/PageTitle';
import { useState } from 'react';
import { App, Button, Space, Tag, Tooltip, Typography } from 'antd';
import { KeyOutlined, SafetyOutlined, UnlockOutlined, UserAddOutlined, EditOutlined } from '@ant-design/icons';
import { ROLES, type AppUserRow } from '../../../src-shared/contract/access';
import { formatDateTimeRu } from '../../components/format';
import { RecordHistory } from '../audit/RecordHistory';
import { AccessSettingsCard } from './AccessSettingsCard';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';
import { UserRightsDrawer } from './UserRightsDrawer';
import { useExportUsersMutation, useUnlockUserMutation, useUsersQuery } from './accessApi';
import { useHasRight } from '../../components/useSession';
import { ExcelExportButton } from '../../components/ExcelExportButton';
import { SortableTable } from '../../components/SortableTable';
import type { SortValue } from '../../../src-shared/domain/listSort';

function status(u: AppUserRow) {
  if (!u.isActive) return <Tag>отключён</Tag>;
  if (u.lockedUntil) return <Tag color="red">заблокирован до {formatDateTimeRu(u.lockedUntil)}</Tag>;
  if (u.mustChangePassword) return <Tag color="orange">должен сменить пароль</Tag>;
  return <Tag color="green">активен</Tag>;
}

/** What the drawn columns sort by: the roles' Russian names, the state's word. */
const USER_SORT: Record<string, (u: AppUserRow) => SortValue> = {
  roles: (u) => u.roles.map((r) => ROLES[r as keyof typeof ROLES] ?? r).join(', '),
  status: (u) => (!u.isActive ? 'отключён' : u.lockedUntil ? 'заблокирован' : u.mustChangePassword ? 'должен сменить пароль' : 'активен'),
};

/** «Пользователи»: who may sign in, with which roles; temporary passwords, locks, personal rights. */
export function UsersPage() {
  const { message } = App.useApp();
  const canEdit = useHasRight('users.edit');
  const { data, isLoading } = useUsersQuery();
  const [exportUsers] = useExportUsersMutation();
  const [unlock] = useUnlockUserMutation();
  const [editing, setEditing] = useState<AppUserRow | null | 'new'>(null);
  const [resetting, setResetting] = useState<AppUserRow | null>(null);
  const [rightsOf, setRightsOf] = useState<string | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const rightsUser = data?.find((u) => u.id === rightsOf) ?? null;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageTitle title="Пользователи программы">
        <Space>
          <ExcelExportButton run={() => exportUsers({})} />
          {canEdit && (
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setEditing('new')}>
              Создать пользователя
            </Button>
          )}
        </Space>
      </PageTitle>
      <SortableTable<AppUserRow>
        listKey="users"
        size="large"
        sortValues={USER_SORT}
        rowKey="id"
        loading={isLoading}
        dataSource={data ?? []}
        aria-label="Пользователи"
        expandable={{
          expandedRowKeys: historyOf ? [historyOf] : [],
          onExpand: (open, u) => setHistoryOf(open ? u.id : null),
          expandedRowRender: (u) => <RecordHistory entity="appUser" recordId={u.id} title="История пользователя" />,
        }}
        columns={[
          {
            title: 'ФИО',
            dataIndex: 'fullName',
            render: (_: unknown, u) => (
              <Space orientation="vertical" size={0}>
                <span>{u.fullName}</span>
                <Typography.Text type="secondary">{u.login}</Typography.Text>
              </Space>
            ),
          },
          { title: 'Роли', key: 'roles', render: (_: unknown, u) => u.roles.map((r) => <Tag key={r}>{ROLES[r as keyof typeof ROLES] ?? r}</Tag>) },
          { title: 'Сотрудник', dataIndex: 'staffName', render: (v: string | null) => v ?? '—' },
          { title: 'Состояние', key: 'status', render: (_: unknown, u) => status(u) },
          { title: 'Последний вход', dataIndex: 'lastSignInAt', render: (v: string | null) => (v ? formatDateTimeRu(v) : 'не входил') },
          {
            title: '',
            width: 200,
            render: (_: unknown, u) =>
              canEdit && (
                <Space>
                  <Tooltip title="Изменить">
                    <Button size="small" icon={<EditOutlined />} aria-label={`Изменить ${u.login}`} onClick={() => setEditing(u)} />
                  </Tooltip>
                  <Tooltip title="Права пользователя">
                    <Button size="small" icon={<SafetyOutlined />} aria-label={`Права ${u.login}`} onClick={() => setRightsOf(u.id)} />
                  </Tooltip>
                  <Tooltip title="Сбросить пароль">
                    <Button size="small" icon={<KeyOutlined />} aria-label={`Сбросить пароль ${u.login}`} onClick={() => setResetting(u)} />
                  </Tooltip>
                  {u.lockedUntil && (
                    <Tooltip title="Разблокировать">
                      <Button
                        size="small"
                        icon={<UnlockOutlined />}
                        aria-label={`Разблокировать ${u.login}`}
                        onClick={async () => {
                          const r = await unlock({ id: u.id });
                          if ('data' in r) message.success(`Вход для «${u.login}» разблокирован`);
                        }}
                      />
                    </Tooltip>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <AccessSettingsCard canEdit={canEdit} />
      <UserFormModal open={editing !== null} user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <UserRightsDrawer user={rightsUser} canEdit={canEdit} onClose={() => setRightsOf(null)} />
    </Space>
  );
}
