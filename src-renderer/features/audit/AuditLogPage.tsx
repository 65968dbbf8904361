import { PageTitle } from '../../components/PageTitle';
import { useState } from 'react';
import { App, Button, Card, Col, Input, Row, Select, Space, Table, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { AUDIT_ACTIONS, type AuditFilter, type AuditRow } from '../../../src-shared/contract/audit';
import { entityTitle } from '../../../src-shared/domain/auditLabels';
import { DateField } from '../../components/DateField';
import { downloadFile } from '../../components/downloadFile';
import { formatDateTimeRu } from '../../components/format';
import { useAuditFacetsQuery, useAuditListQuery, useExportAuditMutation } from './auditApi';
import { ChangesView } from './ChangesView';
import { serverSortHead, sortOfChange } from '../../components/SortableTable';
import { useListSort } from '../../components/useListSort';

const PAGE = 50;

/** «Журнал изменений»: every write and sign-in, filtered by user, period, object and record. */
export function AuditLogPage() {
  const { message } = App.useApp();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const [sort, , setSort] = useListSort('audit');
  const { data, isFetching } = useAuditListQuery({ ...filter, sort: sort ?? undefined, offset: (page - 1) * PAGE, limit: PAGE });
  const { data: facets } = useAuditFacetsQuery();
  const [exportLog, { isLoading: exporting }] = useExportAuditMutation();

  const change = (patch: Partial<AuditFilter>) => {
    setPage(1);
    setFilter((f) => {
      const next = { ...f, ...patch };
      for (const k of Object.keys(next) as (keyof AuditFilter)[]) if (!next[k]) delete next[k];
      return next;
    });
  };

  const doExport = async () => {
    const r = await exportLog(filter);
    if ('data' in r && r.data) {
      downloadFile(r.data);
      message.success(`Выгружено записей: ${r.data.rows}. Выгрузка записана в журнал.`);
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageTitle title="Журнал изменений">
        <Button icon={<FileExcelOutlined />} loading={exporting} onClick={() => void doExport()}>
          Выгрузить в Excel
        </Button>
      </PageTitle>
      <Card size="small">
        <Row gutter={[16, 8]} aria-label="Фильтры журнала">
          <Col xs={24} md={6}>
            <Typography.Text type="secondary">Пользователь</Typography.Text>
            <Select
              aria-label="Пользователь"
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: '100%' }}
              value={filter.userId}
              onChange={(v?: string) => change({ userId: v })}
              options={(facets?.users ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Col>
          <Col xs={12} md={4}>
            <label htmlFor="audit-from">
              <Typography.Text type="secondary">Период с</Typography.Text>
            </label>
            <DateField id="audit-from" value={filter.from ?? null} onChange={(v: string | null) => change({ from: v ?? undefined })} />
          </Col>
          <Col xs={12} md={4}>
            <label htmlFor="audit-to">
              <Typography.Text type="secondary">по</Typography.Text>
            </label>
            <DateField id="audit-to" value={filter.to ?? null} onChange={(v: string | null) => change({ to: v ?? undefined })} />
          </Col>
          <Col xs={12} md={4}>
            <Typography.Text type="secondary">Объект</Typography.Text>
            <Select
              aria-label="Объект"
              allowClear
              style={{ width: '100%' }}
              value={filter.entity}
              onChange={(v?: string) => change({ entity: v })}
              options={(facets?.entities ?? []).map((e) => ({ value: e, label: entityTitle(e) }))}
            />
          </Col>
          <Col xs={12} md={3}>
            <Typography.Text type="secondary">Действие</Typography.Text>
            <Select
              aria-label="Действие"
              allowClear
              style={{ width: '100%' }}
              value={filter.action}
              onChange={(v?: string) => change({ action: v })}
              options={(facets?.actions ?? []).map((a) => ({ value: a, label: AUDIT_ACTIONS[a] ?? a }))}
            />
          </Col>
          <Col xs={24} md={3}>
            <Typography.Text type="secondary">Запись (код)</Typography.Text>
            <Input.Search aria-label="Запись" allowClear onSearch={(v) => change({ recordId: v.trim() || undefined })} />
          </Col>
        </Row>
      </Card>
      <Table<AuditRow>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.rows ?? []}
        aria-label="Журнал изменений"
        pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => `Всего: ${n}` }}
        // Sorted on the server: the log is paged, a page sorted alone would lie about the order.
        onChange={(_p, _f, sorter, extra) => {
          const next = sortOfChange(sorter, extra.action);
          if (next !== undefined) {
            setSort(next);
            setPage(1);
          }
        }}
        // Fits 1366 px without a sideways scroll: the changes take what the fixed columns leave.
        tableLayout="fixed"
        columns={[
          { title: 'Когда', dataIndex: 'at', width: 116, ...serverSortHead('at', sort), render: (v: string) => formatDateTimeRu(v) },
          { title: 'Кто', dataIndex: 'userName', width: 150, ...serverSortHead('userName', sort), render: (v: string | null) => v ?? 'система' },
          { title: 'Действие', dataIndex: 'action', width: 126, ...serverSortHead('action', sort), render: (v: string) => AUDIT_ACTIONS[v] ?? v },
          { title: 'Объект', dataIndex: 'entity', width: 130, ...serverSortHead('entity', sort), render: (v: string) => entityTitle(v) },
          {
            title: 'Запись',
            width: 180,
            render: (_: unknown, r) => (
              <Button type="link" size="small" style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left', height: 'auto' }} disabled={!r.recordId} onClick={() => change({ entity: r.entity, recordId: r.recordId ?? undefined })}>
                {r.recordName ?? (r.recordId ? 'без названия' : '—')}
              </Button>
            ),
          },
          { title: 'Изменения', render: (_: unknown, r) => <ChangesView row={r} /> },
        ]}
      />
    </Space>
  );
}
