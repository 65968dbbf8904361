import { Drawer, Select, Table, Tag, Typography } from 'antd';
import { isRightKey, type AppUserRow } from '../../../src-shared/contract/access';
import { useRightsMatrixQuery, useSetUserRightMutation } from './accessApi';

type Mode = 'default' | 'grant' | 'deny';

/** Personal rights on top of the roles: give one secretary the school card, take exports from another. */
export function UserRightsDrawer({ user, canEdit, onClose }: { user: AppUserRow | null; canEdit: boolean; onClose: () => void }) {
  const { data: matrix } = useRightsMatrixQuery(undefined, { skip: !user });
  const [setRight, { isLoading }] = useSetUserRightMutation();
  if (!user) return null;
  const fromRoles = new Set(user.roles.flatMap((r) => matrix?.effective[r] ?? []));
  const rows = (matrix?.rights ?? []).map((r) => {
    const override = user.rightOverrides[r.key];
    const mode: Mode = override === undefined ? 'default' : override ? 'grant' : 'deny';
    const effective = override ?? fromRoles.has(r.key);
    return { ...r, mode, effective, byRoles: fromRoles.has(r.key) };
  });
  return (
    <Drawer open title={`Права пользователя «${user.login}»`} size="large" onClose={onClose}>
      <Typography.Paragraph type="secondary">
        По умолчанию пользователь получает права своих ролей. Здесь можно выдать ему право сверх ролей или отозвать право роли
        только у него.
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: 'Право', dataIndex: 'label' },
          {
            title: 'Итог',
            width: 90,
            render: (_: unknown, r) => (r.effective ? <Tag color="green">есть</Tag> : <Tag>нет</Tag>),
          },
          {
            title: 'Настройка',
            width: 230,
            render: (_: unknown, r) => (
              <Select<Mode>
                aria-label={`Право «${r.label}»`}
                value={r.mode}
                disabled={!canEdit || isLoading}
                style={{ width: 210 }}
                onChange={(mode) => {
                  if (isRightKey(r.key)) void setRight({ userId: user.id, right: r.key, mode });
                }}
                options={[
                  { value: 'default', label: `По ролям (${r.byRoles ? 'есть' : 'нет'})` },
                  { value: 'grant', label: 'Выдать лично' },
                  { value: 'deny', label: 'Отозвать лично' },
                ]}
              />
            ),
          },
        ]}
      />
    </Drawer>
  );
}
