import { Table, Tag, Typography } from 'antd';
import type { VersionMeta } from '../../../src-shared/contract/timetableFields';
import { formatDateTimeRu } from '../../components/format';
import { formatCount, formatShare } from './timetableModel';
import { STATUS_COLOR, statusText } from './VersionBar';
import type { VersionsList } from './timetableApi';

/** Every version of the year with its status, dates and figures; a click opens it. */
export function VersionsTable({ list, currentId, onOpen }: { list: VersionsList; currentId: string | null; onOpen: (id: string) => void }) {
  return (
    <Table<VersionMeta>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={list.versions}
      aria-label="Версии расписания"
      locale={{ emptyText: 'Версий расписания пока нет: нажмите «Составить» или «Новый черновик»' }}
      onRow={(v) => ({ onClick: () => onOpen(v.id), style: { cursor: 'pointer', background: v.id === currentId ? '#e6f4ff' : undefined } })}
      columns={[
        {
          title: 'Название',
          dataIndex: 'name',
          render: (n: string, v) => (
            <span>
              <Typography.Text strong>{n}</Typography.Text>
              {v.id === list.inForceId && (
                <Tag color="blue" style={{ marginLeft: 6 }}>
                  действует
                </Tag>
              )}
            </span>
          ),
        },
        { title: 'Статус', key: 'status', render: (_, v) => <Tag color={STATUS_COLOR[v.status]}>{statusText(v)}</Tag> },
        { title: 'Период', dataIndex: 'periodName' },
        { title: 'Поставлено', key: 'placed', align: 'right', render: (_, v) => (v.summary.units ? `${formatCount(v.summary.placed)} из ${formatCount(v.summary.units)}` : '—') },
        {
          title: 'Нарушений',
          key: 'hard',
          align: 'right',
          render: (_, v) => (v.summary.hard === null ? '—' : v.summary.hard > 0 ? <Typography.Text type="danger">{formatCount(v.summary.hard)}</Typography.Text> : '0'),
        },
        { title: 'Окна учителей', key: 'gaps', align: 'right', render: (_, v) => formatCount(v.summary.teacherGaps) },
        { title: 'Пик во вт/ср', key: 'peak', align: 'right', render: (_, v) => formatShare(v.summary.peakTueWedShare) },
        { title: 'Изменено', key: 'updated', render: (_, v) => `${formatDateTimeRu(v.updatedAt)}${v.updatedByName ? `, ${v.updatedByName}` : ''}` },
      ]}
    />
  );
}
