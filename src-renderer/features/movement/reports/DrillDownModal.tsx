import { useState } from 'react';
import { Button, Modal, Table } from 'antd';
import { formatDateRu } from '../../../components/format';
import { PupilTimelineDrawer } from '../PupilTimelineDrawer';

export interface DrillRow {
  pupilId: string;
  fullName: string;
  birthDate: string | null;
  date?: string;
  orderNumber?: string | null;
  detail?: string;
  className?: string;
}

/** The pupils behind a number of a report; a name opens the pupil's history. */
export function DrillDownModal({ title, rows, onClose }: { title: string; rows: DrillRow[]; onClose: () => void }) {
  const [pupilId, setPupilId] = useState<string | null>(null);
  const moved = rows.some((r) => r.date);
  const classes = rows.some((r) => r.className);
  return (
    <Modal open width={moved ? 900 : 640} title={`${title}: ${rows.length}`} footer={null} onCancel={onClose}>
      <Table<DrillRow>
        rowKey={(r) => `${r.pupilId}:${r.date ?? ''}:${r.className ?? ''}`}
        size="small"
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        aria-label="Обучающиеся за числом"
        columns={[
          { title: '№', width: 50, render: (_: unknown, _r, i) => i + 1 },
          { title: 'ФИО', dataIndex: 'fullName', render: (v: string, r) => <Button type="link" style={{ padding: 0 }} onClick={() => setPupilId(r.pupilId)}>{v}</Button> },
          ...(classes ? [{ title: 'Класс', dataIndex: 'className', width: 80 }] : []),
          { title: 'Дата рождения', dataIndex: 'birthDate', width: 120, render: (v: string | null) => formatDateRu(v) },
          ...(moved
            ? [
                { title: 'Дата', dataIndex: 'date', width: 100, render: (v: string) => formatDateRu(v) },
                { title: 'Приказ', dataIndex: 'orderNumber', width: 90 },
                { title: 'Подробности', dataIndex: 'detail' },
              ]
            : []),
        ]}
      />
      {pupilId && <PupilTimelineDrawer pupilId={pupilId} onClose={() => setPupilId(null)} />}
    </Modal>
  );
}

/** A number that opens its list; zero stays plain. */
export function DrillNumber({ count, label, onOpen, strong }: { count: number; label: string; onOpen: () => void; strong?: boolean }) {
  if (count === 0) return <span style={{ color: '#999' }}>0</span>;
  return (
    <Button type="link" size="small" style={{ padding: 0, fontWeight: strong ? 600 : undefined }} aria-label={label} onClick={onOpen}>
      {count}
    </Button>
  );
}
