import { App, Button, Popconfirm, Space } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';

/**
 * «Изменить» and «Удалить» (with a confirmation) for one record of a list or card. A refused delete
 * shows the server's Russian message; `label` names the record for screen readers and tests.
 */
export function EditDeleteButtons({ label, confirm, onEdit, onDelete }: { label: string; confirm: string; onEdit: () => void; onDelete: () => Promise<unknown> }) {
  const { message } = App.useApp();
  return (
    <Space>
      <Button size="small" icon={<EditOutlined />} onClick={onEdit} aria-label={`Изменить ${label}`} />
      <Popconfirm
        title={confirm}
        okText="Удалить"
        cancelText="Отмена"
        onConfirm={async () => {
          const r = await onDelete();
          if (r && typeof r === 'object' && 'error' in r && r.error) message.error((r.error as { message: string }).message);
        }}
      >
        <Button size="small" danger icon={<DeleteOutlined />} aria-label={`Удалить ${label}`} />
      </Popconfirm>
    </Space>
  );
}
