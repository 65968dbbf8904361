import { useEffect, useState } from 'react';
import { Alert, Button, Modal, Radio, Space, Table, Typography } from 'antd';
import { applyMerge, describeValue, type MergeField, type MergePlan, type Pick } from './threeWayMerge';

interface Props {
  /** The core's refusal («… только что изменил другой пользователь …»). */
  message: string;
  plan: MergePlan | null;
  saving?: boolean;
  /** Saves the merged values (over the other user's version). */
  onMerge: (values: Record<string, unknown>) => void;
  /** Drops my edits and shows the card as the other user saved it. */
  onTakeTheirs: () => void;
  /** Back to the form with my edits as they are. */
  onCancel: () => void;
}

function FieldList({ title, fields, value }: { title: string; fields: MergeField[]; value: (f: MergeField) => unknown }) {
  if (fields.length === 0) return null;
  return (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
        {fields.map((f) => (
          <li key={f.key}>
            {f.label}: <Typography.Text code>{describeValue(value(f))}</Typography.Text>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * What the three-way merge of a stale save will do, before it does it: the other user's changes that
 * are taken, my changes that are kept, and for every field we both changed both values side by side
 * with a choice. Nothing is saved until the user presses «Объединить и сохранить».
 */
export function ConflictMergeDialog({ message, plan, saving, onMerge, onTakeTheirs, onCancel }: Props) {
  const [picks, setPicks] = useState<Record<string, Pick>>({});
  useEffect(() => setPicks({}), [plan]);
  if (!plan) return null;
  const undecided = plan.conflicts.filter((f) => !picks[f.key]);
  return (
    <Modal
      open
      width={820}
      title="Карточку изменил другой пользователь"
      onCancel={onCancel}
      maskClosable={false}
      footer={[
        <Button key="theirs" onClick={onTakeTheirs}>
          Отказаться от моих изменений
        </Button>,
        <Button key="cancel" onClick={onCancel}>
          Вернуться к карточке
        </Button>,
        <Button key="merge" type="primary" loading={saving} disabled={undecided.length > 0} onClick={() => onMerge(applyMerge(plan, picks))}>
          Объединить и сохранить
        </Button>,
      ]}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="merge-dialog">
        <Alert type="warning" showIcon title={message} description="Ничьи изменения не потеряются: посмотрите, что получится, и сохраните ещё раз." />
        <FieldList title="Изменил другой пользователь — будет взято у него:" fields={plan.taken} value={(f) => f.theirs} />
        <FieldList title="Ваши изменения — останутся:" fields={plan.kept} value={(f) => f.mine} />
        {plan.conflicts.length > 0 && (
          <div>
            <Typography.Text strong>Вы оба изменили — выберите, что оставить:</Typography.Text>
            <Table<MergeField>
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={plan.conflicts}
              aria-label="Поля, изменённые обоими"
              columns={[
                { title: 'Поле', dataIndex: 'label', width: 180 },
                {
                  title: 'Ваше значение',
                  render: (_: unknown, f) => (
                    <Radio checked={picks[f.key] === 'mine'} onChange={() => setPicks((p) => ({ ...p, [f.key]: 'mine' }))} aria-label={`${f.label}: оставить ваше`}>
                      {describeValue(f.mine)}
                    </Radio>
                  ),
                },
                {
                  title: 'Значение другого пользователя',
                  render: (_: unknown, f) => (
                    <Radio checked={picks[f.key] === 'theirs'} onChange={() => setPicks((p) => ({ ...p, [f.key]: 'theirs' }))} aria-label={`${f.label}: взять другого пользователя`}>
                      {describeValue(f.theirs)}
                    </Radio>
                  ),
                },
              ]}
            />
            {undecided.length > 0 && <Typography.Text type="secondary">Осталось выбрать: {undecided.map((f) => f.label).join(', ')}.</Typography.Text>}
          </div>
        )}
        {plan.taken.length === 0 && plan.kept.length === 0 && plan.conflicts.length === 0 && (
          <Typography.Text>Другой пользователь сохранил карточку, но поля, которые вы видите, не изменились.</Typography.Text>
        )}
      </Space>
    </Modal>
  );
}
