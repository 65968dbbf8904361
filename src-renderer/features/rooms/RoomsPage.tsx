import { PageTitle } from '../../components/PageTitle';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Col, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Room } from '../../../src-shared/contract/rooms';
import { useHasRight } from '../../components/useSession';
import { RoomFormModal } from './RoomFormModal';
import { RoomTypesCard } from './RoomTypesCard';
import { useDeleteRoomMutation, useExportRoomsMutation, useRoomTypesQuery, useRoomsQuery } from './roomsApi';
import { ExcelExportButton } from '../../components/ExcelExportButton';
import { EditDeleteButtons } from '../../components/EditDeleteButtons';
import { SortableTable } from '../../components/SortableTable';

/** «Кабинеты»: rooms with type, floor and capacity; the types the subjects ask for. */
export function RoomsPage() {
  const canEdit = useHasRight('setup.edit');
  const { data, isLoading } = useRoomsQuery();
  const { data: types } = useRoomTypesQuery();
  const [remove] = useDeleteRoomMutation();
  const [editing, setEditing] = useState<Room | null | 'new'>(null);
  // A link (the timetable's pre-check: «a room type no room has») opens the list filtered by that type.
  const [params] = useSearchParams();
  const [typeFilter, setTypeFilter] = useState<string | null>(() => params.get('roomTypeId'));
  const [search, setSearch] = useState('');
  const [exportRooms] = useExportRoomsMutation();
  const rooms = (data?.rooms ?? []).filter((r) => (!typeFilter || r.typeId === typeFilter) && (!search || `${r.number} ${r.name ?? ''}`.toLowerCase().includes(search.toLowerCase())));
  const seats = rooms.reduce((n, r) => n + (r.capacity ?? 0), 0);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageTitle title="Кабинеты">
        <ExcelExportButton run={() => exportRooms({})} />
      </PageTitle>
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <Space wrap style={{ marginBottom: 12 }}>
            {canEdit && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                Добавить кабинет
              </Button>
            )}
            <Input.Search allowClear placeholder="Номер или название" style={{ width: 220 }} value={search} onChange={(e) => setSearch(e.target.value)} />
            <Select
              allowClear
              placeholder="Все типы"
              aria-label="Тип кабинета"
              style={{ width: 200 }}
              value={typeFilter ?? undefined}
              onChange={(v?: string) => setTypeFilter(v ?? null)}
              options={(types?.types ?? []).map((t) => ({ value: t.id, label: t.name }))}
            />
            <Typography.Text type="secondary">
              Кабинетов: {rooms.length}, мест: {seats}
            </Typography.Text>
          </Space>
          <SortableTable<Room>
            listKey="rooms"
            rowKey="id"
            loading={isLoading}
            dataSource={rooms}
            aria-label="Кабинеты"
            columns={[
              { title: '№', dataIndex: 'number', width: 110 },
              { title: 'Название', dataIndex: 'name' },
              { title: 'Тип', dataIndex: 'typeName', render: (v: string, r) => <Tag color={r.typeCode === 'regular' ? 'default' : 'geekblue'}>{v}</Tag> },
              { title: 'Этаж', dataIndex: 'floor', width: 70 },
              { title: 'Мест', dataIndex: 'capacity', width: 70 },
              { title: 'Примечание', dataIndex: 'note', render: (v: string | null, r) => (r.isActive ? v : <Typography.Text type="secondary">не используется{v ? `; ${v}` : ''}</Typography.Text>) },
              {
                title: '',
                width: 90,
                render: (_: unknown, r) =>
                  canEdit && (
                    <EditDeleteButtons label={`кабинет ${r.number}`} confirm={`Удалить кабинет ${r.number}?`} onEdit={() => setEditing(r)} onDelete={() => remove({ id: r.id, version: r.version })} />
                  ),
              },
            ]}
          />
        </Col>
        <Col xs={24} xl={7}>
          <RoomTypesCard types={types?.types ?? []} canEdit={canEdit} />
        </Col>
      </Row>
      {editing !== null && <RoomFormModal room={editing === 'new' ? null : editing} types={types?.types ?? []} onClose={() => setEditing(null)} />}
    </Space>
  );
}
