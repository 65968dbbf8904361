import { useState } from 'react';
import { Button, Input, Space, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { AlphabetEntry } from '../../../src-shared/contract/movement';
import { formatDateRu } from '../../components/format';
import { PupilTimelineDrawer } from './PupilTimelineDrawer';
import { useAlphabetQuery, useExportAlphabetMutation } from './movementApi';
import { useDownload } from '../../components/downloadFile';
import { SortableTable } from '../../components/SortableTable';

/** Алфавитная книга: numbers handed out at enrolment, never reused; annulled entries stay struck out. */
export function AlphabetTab() {
  const [search, setSearch] = useState('');
  const [pupilId, setPupilId] = useState<string | null>(null);
  const { data, isFetching } = useAlphabetQuery({ search });
  const [exportAlphabet, { isLoading }] = useExportAlphabetMutation();
  const download = useDownload();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search aria-label="Поиск в алфавитной книге" placeholder="ФИО или № личного дела" allowClear style={{ width: 280 }} onSearch={setSearch} />
        <Button icon={<FileExcelOutlined />} loading={isLoading} onClick={() => void download(() => exportAlphabet({ search }))}>
          Алфавитная книга (Excel)
        </Button>
        <Typography.Text type="secondary">Записей: {data?.length ?? 0}</Typography.Text>
      </Space>
      <SortableTable<AlphabetEntry>
        listKey="movement.alphabet"
        rowKey="number"
        loading={isFetching}
        dataSource={data ?? []}
        aria-label="Алфавитная книга"
        pagination={{ pageSize: 100, showSizeChanger: false }}
        columns={[
          { title: '№ записи', dataIndex: 'number', width: 90 },
          { title: '№ личного дела', dataIndex: 'personalFileNumber', width: 120 },
          {
            title: 'ФИО',
            dataIndex: 'pupilName',
            render: (v: string, r) =>
              r.status === 'annulled' ? <Typography.Text delete>{v}</Typography.Text> : <Button type="link" style={{ padding: 0 }} onClick={() => setPupilId(r.pupilId)}>{v}</Button>,
          },
          { title: 'Дата рождения', dataIndex: 'birthDate', width: 120, render: (v: string | null) => formatDateRu(v) },
          { title: 'Дата записи', dataIndex: 'assignedOn', width: 110, render: (v: string) => formatDateRu(v) },
          { title: 'Приказ', dataIndex: 'orderNumber', width: 90 },
          { title: 'Класс сейчас', dataIndex: 'currentClassName', width: 110 },
          { title: 'Отметка', dataIndex: 'annulReason', render: (v: string | null, r) => (r.status === 'annulled' ? <Typography.Text type="danger">аннулирована: {v}</Typography.Text> : '') },
        ]}
      />
      {pupilId && <PupilTimelineDrawer pupilId={pupilId} onClose={() => setPupilId(null)} />}
    </Space>
  );
}
