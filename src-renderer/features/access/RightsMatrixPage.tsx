import { useState } from 'react';
import { Alert, App, Button, Checkbox, Space, Table, Tooltip, Typography } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import { isRightKey, isRoleId, type RightsMatrix, type RoleId } from '../../../src-shared/contract/access';
import type { Right as RightKey } from '../../../src-shared/contract/rights';
import { errorText } from '../../components/serverErrors';
import { useRightsMatrixQuery, useSetRoleRightMutation } from './accessApi';
import { useHasRight } from '../../components/useSession';

type Row = RightsMatrix['rights'][number] & { on: Record<string, boolean>; byDefault: Record<string, boolean> };

/** One saved change of a cell, kept so it can be taken back. */
interface Change {
  role: RoleId;
  roleLabel: string;
  right: RightKey;
  rightLabel: string;
  granted: boolean;
}

const changeText = (c: Change) => `${c.granted ? 'разрешить' : 'запретить'} роли «${c.roleLabel}»: «${c.rightLabel}»`;

/**
 * «Права ролей»: rights down, roles across. A tick changes the role for every user who has it, from
 * their next action — so it is asked first (what changes, for whom) and the last change can be
 * undone (issue 24, item 6). A bold cell differs from the work-order default.
 */
export function RightsMatrixPage() {
  const canEdit = useHasRight('users.edit');
  const { data, isLoading } = useRightsMatrixQuery();
  const [setRight, { isLoading: saving }] = useSetRoleRightMutation();
  const locked = new Set(data?.locked ?? []);
  const { modal, message } = App.useApp();
  const [last, setLast] = useState<Change | null>(null);

  const save = async (c: Change, undo: boolean) => {
    const r = await setRight({ role: c.role, right: c.right, granted: c.granted });
    if ('error' in r) return void message.error(errorText(r) ?? 'Права не сохранены');
    setLast(undo ? null : c);
    message.success(undo ? `Изменение отменено: ${changeText({ ...c, granted: !c.granted })}` : `Сохранено: ${changeText(c)}`);
  };
  const ask = (c: Change) =>
    modal.confirm({
      title: c.granted ? 'Разрешить роли это действие?' : 'Запретить роли это действие?',
      content: (
        <div data-testid="rights-confirm">
          <p>
            Роль «{c.roleLabel}»: {c.granted ? 'разрешить' : 'запретить'} «{c.rightLabel}».
          </p>
          <p>Изменение коснётся всех пользователей с ролью «{c.roleLabel}» с их следующего действия. Его можно будет отменить кнопкой «Отменить последнее изменение».</p>
        </div>
      ),
      okText: c.granted ? 'Разрешить' : 'Запретить',
      cancelText: 'Не менять',
      onOk: () => save(c, false),
    });

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
              if (isRoleId(role.id) && isRightKey(r.key)) ask({ role: role.id, roleLabel: role.label, right: r.key, rightLabel: r.label, granted: e.target.checked });
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
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Права ролей
        </Typography.Title>
        {canEdit && (
          <Button icon={<UndoOutlined />} disabled={!last || saving} onClick={() => last && void save({ ...last, granted: !last.granted }, true)} title={last ? `Вернуть: ${changeText({ ...last, granted: !last.granted })}` : 'Изменений в этом сеансе не было'}>
            Отменить последнее изменение
          </Button>
        )}
      </Space>
      <Alert
        type="info"
        showIcon
        title="По умолчанию права ролей следуют порядку работы школы: кадры ведёт специалист по кадрам, карточки обучающихся и книгу движения — секретарь, учебный план и расписание — завуч, классный руководитель видит только свои классы. Изменённые клетки выделены."
      />
      <Table<Row> rowKey="key" loading={isLoading} dataSource={rows} columns={columns} pagination={false} scroll={{ x: 'max-content' }} aria-label="Права ролей" size="small" />
    </Space>
  );
}
