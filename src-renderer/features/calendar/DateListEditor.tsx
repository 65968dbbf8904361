import { useState } from 'react';
import { Button, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { weekday } from '../../../src-shared/domain/calendar/dates';
import { WEEKDAY_SHORT } from '../../../src-shared/domain/schoolSetup/bellSchedule';
import { DateField } from '../../components/DateField';
import { formatDateRu } from '../../components/format';

/** A list of dates shown as tags (дд.мм, weekday); a date is added with the field, removed with ×. */
export function DateListEditor({ label, value, onChange, disabled }: { label: string; value: string[]; onChange: (v: string[]) => void; disabled: boolean }) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }} aria-label={label}>
      <Space wrap size={[4, 4]}>
        {value.length === 0 && <span style={{ color: '#999' }}>нет</span>}
        {value.map((d) => (
          <Tag key={d} closable={!disabled} onClose={() => onChange(value.filter((x) => x !== d))}>
            {formatDateRu(d)} {WEEKDAY_SHORT[weekday(d) - 1].toLowerCase()}
          </Tag>
        ))}
      </Space>
      {!disabled && (
        <Space>
          <div style={{ width: 150 }}>
            <DateField value={draft} onChange={setDraft} placeholder="дд.мм.гггг" />
          </div>
          <Button
            size="small"
            icon={<PlusOutlined />}
            disabled={!draft || value.includes(draft)}
            onClick={() => {
              if (draft) onChange([...value, draft].sort());
              setDraft(null);
            }}
          >
            Добавить
          </Button>
        </Space>
      )}
    </Space>
  );
}
