import { Modal, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { DrillPerson, DrillResult } from '../../../src-shared/contract/reportResult';
import { formatDateRu } from '../../components/format';

/** The people (or classes) behind one number of a report; a name opens the card. */
export function DrillModal({ title, result, loading, onClose }: { title: string; result: DrillResult | null; loading: boolean; onClose: () => void }) {
  const kind = result?.personKind ?? 'pupil';
  const whereTitle = kind === 'staff' ? 'Должность' : kind === 'class' ? 'Классный руководитель' : 'Класс';
  return (
    <Modal open width={860} title={`${title}${result ? `: ${result.people.length}` : ''}`} footer={null} onCancel={onClose} destroyOnHidden>
      {result && result.people.length === 0 && <Typography.Text type="secondary">Никого.</Typography.Text>}
      <Table<DrillPerson>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={result?.people ?? []}
        pagination={(result?.people.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        aria-label="Кто за числом"
        columns={[
          { title: '№', width: 50, render: (_: unknown, _r, i) => i + 1 },
          {
            title: kind === 'class' ? 'Класс' : 'ФИО',
            dataIndex: 'fullName',
            render: (v: string, p) => (kind === 'class' ? v : <Link to={`/${kind === 'staff' ? 'staff' : 'pupils'}/${p.id}`}>{v}</Link>),
          },
          ...(kind === 'class' ? [] : [{ title: 'Дата рождения', dataIndex: 'birthDate', width: 120, render: (v: string | null) => formatDateRu(v) }]),
          { title: whereTitle, dataIndex: 'where', width: kind === 'pupil' ? 80 : 220 },
          { title: 'Основание', dataIndex: 'detail' },
        ]}
      />
    </Modal>
  );
}
