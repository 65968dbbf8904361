import { useState } from 'react';
import { Button, Input, Select, Space, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { BookEntry } from '../../../src-shared/contract/movement';
import { DateField } from '../../components/DateField';
import { formatDateRu, todayIso } from '../../components/format';
import { PupilTimelineDrawer } from './PupilTimelineDrawer';
import { useBookQuery, useClassesOnQuery, useExportBookMutation } from './movementApi';
import { useDownload } from '../../components/downloadFile';
import { SortableTable } from '../../components/SortableTable';

/** «Книга движения учащихся»: every item of every signed order, in the order things happened. */
/** The book's scroll height: what is left of the window under the page's header and filters. */
const bookHeight = () => Math.max(320, (typeof window === 'undefined' ? 768 : window.innerHeight) - 330);

export function BookTab() {
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [classId, setClassId] = useState<string | null>(null);
  const [pupilId, setPupilId] = useState<string | null>(null);
  // Classes of the year the period ends in: a class lives in one year.
  const { data: classes } = useClassesOnQuery({ date: to ?? from ?? todayIso() });
  const filter = { from, to, search, classId: classes?.some((c) => c.id === classId) ? classId : null };
  const { data, isFetching } = useBookQuery(filter);
  const [exportBook, { isLoading }] = useExportBookMutation();
  const download = useDownload();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <span>С</span>
        <div style={{ width: 150 }}>
          <DateField id="bookFrom" value={from} onChange={setFrom} />
        </div>
        <span>по</span>
        <div style={{ width: 150 }}>
          <DateField id="bookTo" value={to} onChange={setTo} />
        </div>
        <Select
          aria-label="Класс"
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="Все классы"
          style={{ minWidth: 160 }}
          value={filter.classId ?? undefined}
          onChange={(v?: string) => setClassId(v ?? null)}
          options={(classes ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.yearName})` }))}
        />
        <Input.Search aria-label="Поиск в книге движения" placeholder="ФИО" allowClear style={{ width: 240 }} onSearch={setSearch} />
        <Button icon={<FileExcelOutlined />} loading={isLoading} onClick={() => void download(() => exportBook(filter))}>
          Книга движения (Excel)
        </Button>
        <Typography.Text type="secondary">Записей: {data?.length ?? 0}</Typography.Text>
      </Space>
      <SortableTable<BookEntry>
        listKey="movement.book"
        rowKey="itemId"
        loading={isFetching}
        dataSource={data ?? []}
        aria-label="Книга движения учащихся"
        // Thousands of entries in a long-lived school: only the rows on screen are drawn (issue 24),
        // the whole book stays one list to scroll and sort; the height fits a 768 px window.
        virtual
        scroll={{ y: bookHeight() }}
        rowClassName={(r) => (r.status === 'cancelled' ? 'movement-cancelled' : '')}
        columns={[
          { title: '№', dataIndex: 'seq', width: 60 },
          { title: 'Дата', dataIndex: 'effectiveDate', width: 100, render: (v: string) => formatDateRu(v) },
          { title: 'Приказ', dataIndex: 'orderNumber', width: 140, render: (v: string | null, r) => <Link to={`/movement/orders/${r.orderId}`}>№ {v} от {formatDateRu(r.orderDate)}</Link> },
          // A long name wraps inside its cell: in the virtual book a cell does not clip, so a one-line link ran over the birth date.
          { title: 'ФИО', dataIndex: 'pupilName', render: (v: string, r) => <Button type="link" style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left', height: 'auto' }} onClick={() => setPupilId(r.pupilId)}>{v}</Button> },
          { title: 'Дата рождения', dataIndex: 'birthDate', width: 120, render: (v: string | null) => formatDateRu(v) },
          { title: 'Движение', dataIndex: 'event', width: 200, render: (v: string, r) => (r.status === 'cancelled' ? <Typography.Text delete>{v} (приказ отменён)</Typography.Text> : v) },
          { title: 'Из', dataIndex: 'fromClassName', width: 60 },
          { title: 'В', dataIndex: 'toClassName', width: 60 },
          { title: 'Подробности', dataIndex: 'details' },
        ]}
      />
      {pupilId && <PupilTimelineDrawer pupilId={pupilId} onClose={() => setPupilId(null)} />}
    </Space>
  );
}
