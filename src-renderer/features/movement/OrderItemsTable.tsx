import { Button, Input, Space, Table, Typography } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { DESTINATION_KINDS, ENROLL_KINDS, ORDER_TYPE_INFO, type OrderType } from '../../../src-shared/domain/movement/orderTypes';
import { formatDateRu } from '../../components/format';
import type { EditItem } from './orderModel';

type NameField = 'nameAccusative' | 'nameGenitive' | 'nameDative';
const NAME_COLUMNS: [NameField, string][] = [
  ['nameAccusative', 'винительный'],
  ['nameGenitive', 'родительный'],
  ['nameDative', 'дательный'],
];

/** The items of an order; the three ФИО forms are editable fields, what they hold is printed. */
export function OrderItemsTable({
  type,
  items,
  editable,
  namesEditable,
  onChange,
  onEdit,
}: {
  type: OrderType;
  items: EditItem[];
  editable: boolean;
  namesEditable: boolean;
  onChange: (items: EditItem[]) => void;
  onEdit: (item: EditItem) => void;
}) {
  const info = ORDER_TYPE_INFO[type];
  const setName = (key: string, field: NameField, value: string) => onChange(items.map((i) => (i.key === key ? { ...i, [field]: value } : i)));
  return (
    <Table<EditItem>
      rowKey="key"
      size="small"
      dataSource={items}
      pagination={items.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
      aria-label="Пункты приказа"
      locale={{ emptyText: editable ? 'Добавьте обучающихся кнопкой «Добавить обучающегося»' : 'Пунктов нет' }}
      scroll={{ x: 1000 }}
      columns={[
        { title: '№', width: 44, render: (_: unknown, _i, index) => index + 1 },
        {
          title: 'Обучающийся',
          width: 200,
          render: (_: unknown, i) => (
            <Space orientation="vertical" size={0}>
              <Typography.Text strong>{i.pupilName}</Typography.Text>
              <Typography.Text type="secondary">
                {i.sex === 'Ж' ? 'жен.' : 'муж.'}
                {i.birthDate ? `, ${formatDateRu(i.birthDate)}` : ''}
                {i.newPupil ? ', новая карточка' : ''}
              </Typography.Text>
            </Space>
          ),
        },
        ...(info.effect !== 'in' ? [{ title: 'Из класса', width: 76, render: (_: unknown, i: EditItem) => i.fromClassName ?? '—' }] : []),
        ...(info.effect !== 'out' ? [{ title: 'В класс', width: 76, render: (_: unknown, i: EditItem) => i.toClassName ?? <Typography.Text type="danger">не выбран</Typography.Text> }] : []),
        { title: 'С даты', width: 96, render: (_: unknown, i) => formatDateRu(i.effectiveDate) },
        {
          title: 'Подробности',
          render: (_: unknown, i) =>
            [i.enrollKind ? ENROLL_KINDS[i.enrollKind] : null, i.originSchool, i.originDocument, i.destinationKind ? DESTINATION_KINDS[i.destinationKind] : null, i.destinationSchool, i.reason].filter(Boolean).join('; '),
        },
        {
          title: 'ФИО в тексте приказа',
          width: 400,
          render: (_: unknown, i: EditItem) => (
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              {NAME_COLUMNS.map(([field, title]) => (
                <Input
                  key={field}
                  size="small"
                  addonBefore={<span style={{ display: 'inline-block', width: 84, textAlign: 'left' }}>{title}</span>}
                  aria-label={`${title}: ${i.pupilName}`}
                  value={i[field]}
                  disabled={!namesEditable}
                  status={i[field].trim() ? undefined : 'error'}
                  onChange={(e) => setName(i.key, field, e.target.value)}
                />
              ))}
            </Space>
          ),
        },
        ...(editable
          ? [
              {
                title: '',
                width: 84,
                fixed: 'right' as const,
                render: (_: unknown, i: EditItem) => (
                  <Space>
                    <Button size="small" icon={<EditOutlined />} aria-label={`Изменить пункт: ${i.pupilName}`} onClick={() => onEdit(i)} />
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label={`Убрать пункт: ${i.pupilName}`} onClick={() => onChange(items.filter((x) => x.key !== i.key))} />
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
