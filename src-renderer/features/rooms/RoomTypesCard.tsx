import { App, Button, Card, Input, List, Popconfirm, Space, Tag } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { RoomType } from '../../../src-shared/contract/rooms';
import { useDeleteRoomTypeMutation, useSaveRoomTypeMutation } from './roomsApi';

/** Room types: six built-in (renamable) and the school's own (бассейн, кабинет химии …). */
export function RoomTypesCard({ types, canEdit }: { types: RoomType[]; canEdit: boolean }) {
  const { message } = App.useApp();
  const [save] = useSaveRoomTypeMutation();
  const [remove] = useDeleteRoomTypeMutation();
  const [name, setName] = useState('');
  const add = async () => {
    const r = await save({ id: null, version: 0, type: { name } });
    if ('error' in r && r.error) message.error((r.error as { message: string }).message);
    else setName('');
  };
  return (
    <Card size="small" title="Типы кабинетов">
      <List
        size="small"
        dataSource={types}
        renderItem={(t) => (
          <List.Item
            actions={
              canEdit && !t.code
                ? [
                    <Popconfirm
                      key="d"
                      title={`Удалить тип «${t.name}»?`}
                      okText="Удалить"
                      cancelText="Отмена"
                      onConfirm={async () => {
                        const r = await remove({ id: t.id, version: t.version });
                        if ('error' in r && r.error) message.error((r.error as { message: string }).message);
                      }}
                    >
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`Удалить тип ${t.name}`} />
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Space>
              {t.name}
              <Tag>{t.roomCount}</Tag>
              {t.code && <Tag color="default">встроенный</Tag>}
            </Space>
          </List.Item>
        )}
      />
      {canEdit && (
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input placeholder="Новый тип, например «Бассейн»" value={name} onChange={(e) => setName(e.target.value)} onPressEnter={() => void add()} />
          <Button icon={<PlusOutlined />} disabled={!name.trim()} onClick={() => void add()}>
            Добавить
          </Button>
        </Space.Compact>
      )}
    </Card>
  );
}
