import { useState } from 'react';
import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import { FilePdfOutlined, FileExcelOutlined } from '@ant-design/icons';
import type { CompareChange } from '../../../src-shared/contract/timetableEdit';
import { DateField } from '../../components/DateField';
import { useDownload } from '../../components/downloadFile';
import { useChangesSheetMutation, useCompareVersionsQuery, type VersionsList } from './timetableApi';
import { statusText } from './VersionBar';

const KIND: Record<CompareChange['kind'], { text: string; color: string }> = {
  moved: { text: 'перенос', color: 'blue' },
  room: { text: 'кабинет', color: 'cyan' },
  teacher: { text: 'учитель', color: 'purple' },
  added: { text: 'новый', color: 'green' },
  removed: { text: 'снят', color: 'red' },
};

/**
 * Two versions of the year side by side (issue 16, part 4): what moved and for whom, and the
 * notice-board sheet «Изменения в расписании с …» (PDF or Excel) for the date the new one applies.
 */
export function CompareVersions({ list, currentId }: { list: VersionsList; currentId: string | null }) {
  const options = list.versions.map((v) => ({ value: v.id, label: `${v.name} (${statusText(v)})` }));
  const [fromId, setFrom] = useState<string | null>(() => list.inForceId ?? list.versions.find((v) => v.id !== currentId)?.id ?? null);
  const [toId, setTo] = useState<string | null>(() => (currentId && currentId !== fromId ? currentId : (list.versions.find((v) => v.id !== fromId)?.id ?? null)));
  const [date, setDate] = useState<string | null>(() => list.versions.find((v) => v.id === toId)?.effectiveFrom ?? null);
  const ready = Boolean(fromId && toId && fromId !== toId);
  const { data, error, isFetching } = useCompareVersionsQuery({ fromId: fromId ?? '', toId: toId ?? '' }, { skip: !ready });
  const [sheet, { isLoading }] = useChangesSheetMutation();
  const download = useDownload();
  const print = (format: 'pdf' | 'xlsx') => {
    if (!fromId || !toId || !date) return;
    void download(() => sheet({ fromId, toId, from: date, format, paper: 'A4' }));
  };
  if (list.versions.length < 2) return null;
  return (
    <section aria-label="Сравнение версий" data-testid="compare-versions" style={{ marginTop: 16 }}>
      <Typography.Title level={4}>Сравнить версии</Typography.Title>
      <Space wrap>
        <span>Было:</span>
        <Select aria-label="Было" style={{ minWidth: 260 }} value={fromId ?? undefined} options={options} onChange={setFrom} />
        <span>Стало:</span>
        <Select aria-label="Стало" style={{ minWidth: 260 }} value={toId ?? undefined} options={options} onChange={setTo} />
        <span>Изменения с:</span>
        <DateField id="changes-from" value={date} onChange={setDate} />
        <Button icon={<FilePdfOutlined />} disabled={!ready || !date || !data?.changes.length} loading={isLoading} onClick={() => print('pdf')}>
          Лист изменений (PDF)
        </Button>
        <Button icon={<FileExcelOutlined />} disabled={!ready || !date || !data?.changes.length} loading={isLoading} onClick={() => print('xlsx')}>
          Excel
        </Button>
      </Space>
      {error && <Typography.Paragraph type="danger">{(error as { message?: string }).message ?? 'Сравнить не удалось'}</Typography.Paragraph>}
      {ready && (
        <Table<CompareChange>
          style={{ marginTop: 8 }}
          size="small"
          loading={isFetching}
          rowKey={(c, i) => `${c.lesson}:${c.fromText}:${c.toText}:${i ?? 0}`}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={data?.changes ?? []}
          aria-label="Изменения между версиями"
          locale={{ emptyText: 'Версии не отличаются' }}
          columns={[
            { title: 'Класс', dataIndex: 'classes', width: 90 },
            { title: 'Предмет', dataIndex: 'subject' },
            { title: 'Учитель', dataIndex: 'teachers' },
            { title: 'Что', key: 'kind', width: 100, render: (_, c) => <Tag color={KIND[c.kind].color}>{KIND[c.kind].text}</Tag> },
            { title: 'Было', dataIndex: 'fromText' },
            { title: 'Стало', dataIndex: 'toText' },
          ]}
        />
      )}
    </section>
  );
}
