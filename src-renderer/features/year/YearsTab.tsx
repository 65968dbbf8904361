import { useState } from 'react';
import { App, Button, Popconfirm, Space, Tag } from 'antd';
import { CheckCircleOutlined, EditOutlined, LockOutlined, PlusOutlined, UnlockOutlined, DeleteOutlined } from '@ant-design/icons';
import type { AcademicYear } from '../../../src-shared/contract/years';
import { formatDateRu } from '../../components/format';
import { useHasRight } from '../../components/useSession';
import { YearFormModal } from './YearFormModal';
import { useDeleteYearMutation, useSetCurrentYearMutation, useSetYearClosedMutation } from './yearApi';
import { SortableTable } from '../../components/SortableTable';

function weekText(y: AcademicYear): string {
  const other = Object.entries(y.weekLengthByGrade).filter(([, w]) => w !== y.weekLength);
  const base = `${y.weekLength}-дневная`;
  return other.length ? `${base}; ${other.map(([g]) => g).join(', ')} кл. — ${y.weekLength === 5 ? 6 : 5}-дневная` : base;
}

/** The list of academic years: create, edit dates, make current, close (read-only) or delete. */
export function YearsTab({ years, loading }: { years: AcademicYear[]; loading: boolean }) {
  const { message } = App.useApp();
  const canEdit = useHasRight('years.edit');
  const [editing, setEditing] = useState<AcademicYear | null | 'new'>(null);
  const [setCurrent] = useSetCurrentYearMutation();
  const [setClosed] = useSetYearClosedMutation();
  const [remove] = useDeleteYearMutation();

  const report = (r: { error?: unknown }, ok: string) => {
    if ('error' in r && r.error) message.error((r.error as { message?: string }).message ?? 'Ошибка');
    else message.success(ok);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canEdit && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          Создать учебный год
        </Button>
      )}
      <SortableTable<AcademicYear>
        listKey="years"
        size="large"
        sortValues={{ week: (y: AcademicYear) => weekText(y) }}
        rowKey="id"
        loading={loading}
        dataSource={years}
        aria-label="Учебные годы"
        columns={[
          { title: 'Учебный год', dataIndex: 'name' },
          { title: 'Начало', dataIndex: 'startDate', render: formatDateRu },
          { title: 'Окончание', dataIndex: 'endDate', render: formatDateRu },
          { title: 'Учебная неделя', key: 'week', render: (_: unknown, y) => weekText(y) },
          {
            title: 'Состояние',
            render: (_: unknown, y) => (
              <Space size={4}>
                {y.isCurrent && <Tag color="blue">текущий</Tag>}
                {y.isClosed ? <Tag>закрыт</Tag> : <Tag color="green">открыт</Tag>}
              </Space>
            ),
          },
          {
            title: '',
            width: 360,
            render: (_: unknown, y) =>
              canEdit && (
                <Space wrap>
                  <Button size="small" icon={<EditOutlined />} disabled={y.isClosed} onClick={() => setEditing(y)} aria-label={`Изменить ${y.name}`}>
                    Изменить
                  </Button>
                  {!y.isCurrent && !y.isClosed && (
                    <Button size="small" icon={<CheckCircleOutlined />} onClick={async () => report(await setCurrent({ id: y.id }), `${y.name} — текущий учебный год`)}>
                      Сделать текущим
                    </Button>
                  )}
                  <Popconfirm
                    title={y.isClosed ? `Открыть ${y.name} для изменений?` : `Закрыть ${y.name}? Его данные станут только для чтения.`}
                    okText={y.isClosed ? 'Открыть' : 'Закрыть'}
                    cancelText="Отмена"
                    onConfirm={async () => report(await setClosed({ id: y.id, closed: !y.isClosed, version: y.version }), y.isClosed ? 'Учебный год открыт' : 'Учебный год закрыт')}
                  >
                    <Button size="small" icon={y.isClosed ? <UnlockOutlined /> : <LockOutlined />}>
                      {y.isClosed ? 'Открыть' : 'Закрыть'}
                    </Button>
                  </Popconfirm>
                  <Popconfirm
                    title={`Удалить учебный год ${y.name} вместе с его периодами и календарём?`}
                    okText="Удалить"
                    okButtonProps={{ danger: true }}
                    cancelText="Отмена"
                    onConfirm={async () => report(await remove({ id: y.id, version: y.version }), 'Учебный год удалён')}
                  >
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label={`Удалить ${y.name}`} />
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <YearFormModal open={editing !== null} year={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
    </Space>
  );
}
