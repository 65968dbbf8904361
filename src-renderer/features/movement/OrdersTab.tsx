import { useState } from 'react';
import { Button, Dropdown, Input, Select, Space, Tag, Typography } from 'antd';
import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { OrderRow } from '../../../src-shared/contract/movementFields';
import { ORDER_STATUSES, ORDER_TYPES, ORDER_TYPE_INFO, type OrderStatus, type OrderType } from '../../../src-shared/domain/movement/orderTypes';
import { formatDateRu } from '../../components/format';
import { useHasRight } from '../../components/useSession';
import { useSelectedYear } from '../../components/useSelectedYear';
import { useExportOrderBookMutation, useOrdersQuery } from './movementApi';
import { YearSelect } from '../../components/YearSelect';
import { useDownload } from '../../components/downloadFile';
import { SortableTable } from '../../components/SortableTable';

export const STATUS_COLORS: Record<OrderStatus, string> = { draft: 'default', signed: 'green', cancelled: 'red' };

/** The orders of a year, newest first, with «Новый приказ» by type and «Книга приказов» in Excel. */
export function OrdersTab() {
  const navigate = useNavigate();
  const { years, year, setYearId } = useSelectedYear();
  const [type, setType] = useState<OrderType | null>(null);
  const [status, setStatus] = useState<OrderStatus | null>(null);
  const [search, setSearch] = useState('');
  const { data, isFetching } = useOrdersQuery({ yearId: year?.id ?? null, type, status, search }, { skip: !year });
  const [exportBook, { isLoading: exporting }] = useExportOrderBookMutation();
  const download = useDownload();
  const canEdit = useHasRight('movement.edit');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <YearSelect years={years} value={year?.id ?? null} onChange={setYearId} />
        {canEdit && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: ORDER_TYPES.map((t) => ({ key: t, label: ORDER_TYPE_INFO[t].label })),
              onClick: (e) => navigate(`/movement/orders/new?type=${e.key}`),
            }}
          >
            <Button type="primary" icon={<PlusOutlined />}>
              Новый приказ
            </Button>
          </Dropdown>
        )}
        <Button icon={<FileExcelOutlined />} loading={exporting} onClick={() => void download(() => exportBook({ yearId: year?.id ?? null }))}>
          Книга приказов (Excel)
        </Button>
      </Space>
      <Space wrap>
        <Select<OrderType | null>
          aria-label="Вид приказа"
          allowClear
          placeholder="Все виды"
          style={{ minWidth: 240 }}
          value={type}
          onChange={(v) => setType(v ?? null)}
          options={ORDER_TYPES.map((t) => ({ value: t, label: ORDER_TYPE_INFO[t].label }))}
        />
        <Select<OrderStatus | null>
          aria-label="Состояние"
          allowClear
          placeholder="Любое состояние"
          style={{ minWidth: 180 }}
          value={status}
          onChange={(v) => setStatus(v ?? null)}
          options={(Object.keys(ORDER_STATUSES) as OrderStatus[]).map((s) => ({ value: s, label: ORDER_STATUSES[s] }))}
        />
        <Input.Search aria-label="Поиск приказа" placeholder="ФИО или номер приказа" allowClear style={{ width: 280 }} onSearch={setSearch} />
      </Space>
      <SortableTable<OrderRow>
        listKey="movement.orders"
        rowKey="id"
        loading={isFetching}
        dataSource={data ?? []}
        aria-label="Приказы"
        pagination={{ pageSize: 50, showSizeChanger: false }}
        locale={{ emptyText: 'Приказов пока нет' }}
        onRow={(o) => ({ onClick: () => navigate(`/movement/orders/${o.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '№', dataIndex: 'numberText', width: 90, render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text> },
          { title: 'Дата', dataIndex: 'orderDate', width: 110, render: (v: string) => formatDateRu(v) },
          { title: 'Вид', dataIndex: 'type', width: 220, render: (v: OrderType) => ORDER_TYPE_INFO[v].label },
          { title: 'Заголовок', dataIndex: 'title' },
          { title: 'Обучающиеся', dataIndex: 'pupilsPreview', render: (v: string, o) => (o.itemCount ? v : <Typography.Text type="secondary">нет пунктов</Typography.Text>) },
          { title: 'Пунктов', dataIndex: 'itemCount', width: 90 },
          {
            title: 'Состояние',
            dataIndex: 'status',
            width: 140,
            render: (v: OrderStatus, r) => (
              <>
                <Tag color={STATUS_COLORS[v]}>{ORDER_STATUSES[v]}</Tag>
                {r.source === 'portal' && <Tag title="Перенесён из книги движения портала «Сетевой город»">из портала</Tag>}
              </>
            ),
          },
        ]}
      />
    </Space>
  );
}
