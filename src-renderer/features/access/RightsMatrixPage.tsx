import { Alert, Checkbox, Space, Table, Tooltip, Typography } from 'antd';
import { isRightKey, isRoleId, type RightsMatrix } from '../../../src-shared/contract/access';
import { useRightsMatrixQuery, useSetRoleRightMutation } from './accessApi';
import { useHasRight } from '../../components/useSession';

type Row = RightsMatrix['rights'][number] & { on: Record<string, boolean>; byDefault: Record<string, boolean> };

/**
 * «Права ролей»: rights down, roles across. A tick changes the role for every user who has it, from
 * their next action. A bold cell differs from the work-order default.
 */
export function RightsMatrixPage() {
  const canEdit = useHasRight('users.edit');
  const { data, isLoading } = useRightsMatrixQuery();
  const [setRight, { isLoading: saving }] = useSetRoleRightMutation();
  const locked = new Set(data?.locked ?? []);

  const columns = [
    { title: 'Право', dataIndex: 'label', fixed: 'left' as const, width: 250 },
    ...(data?.roles ?? []).map((role) => ({
      title: role.label,
      key: role.id,
      align: 'center' as const,
      // Seven roles beside the rights fit a 1366 px window (issue 24: «Учитель» was off-screen);
      // a smaller header keeps «Администратор» whole.
      width: 100,
      onHeaderCell: () => ({ style: { fontSize: 12, overflowWrap: 'normal', wordBreak: 'normal' } as const }),
      render: (_: unknown, r: Row) => {
        const on = r.on[role.id];
        const byDefault = r.byDefault[role.id];
        const isLocked = locked.has(`${role.id}:${r.key}`);
        const box = (
          <Checkbox
            checked={on}
            disabled={!canEdit || saving || isLocked}
            aria-label={`${role.label}: ${r.label}`}
            onChange={(e) => {
              if (isRoleId(role.id) && isRightKey(r.key)) void setRight({ role: role.id, right: r.key, granted: e.target.checked });
            }}
          />
        );
        return (
          <Tooltip title={isLocked ? 'Без этого права никто не сможет управлять пользователями' : on === byDefault ? 'Как по умолчанию' : 'Изменено администратором'}>
            <span style={{ fontWeight: on === byDefault ? undefined : 700, outline: on === byDefault ? undefined : '2px solid #faad14', padding: 2 }}>{box}</span>
          </Tooltip>
        );
      },
    })),
  ];

  // Rows carry the ticks, so a changed matrix gives new rows and the table redraws the cells.
  const rows: Row[] = (data?.rights ?? []).map((r) => ({
    ...r,
    on: Object.fromEntries((data?.roles ?? []).map((role) => [role.id, data?.effective[role.id]?.includes(r.key) ?? false])),
    byDefault: Object.fromEntries((data?.roles ?? []).map((role) => [role.id, data?.defaults[role.id]?.includes(r.key) ?? false])),
  }));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Права ролей
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        title="По умолчанию права ролей следуют порядку работы школы: кадры ведёт специалист по кадрам, карточки обучающихся и книгу движения — секретарь, учебный план и расписание — завуч, классный руководитель видит только свои классы. Изменённые клетки выделены."
      />
      <Table<Row> rowKey="key" loading={isLoading} dataSource={rows} columns={columns} pagination={false} scroll={{ x: 'max-content' }} aria-label="Права ролей" size="small" />
    </Space>
  );
}
