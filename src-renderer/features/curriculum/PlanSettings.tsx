import { Input, InputNumber, Space, Typography } from 'antd';

/**
 * The plan's own fields above the grid: study weeks a year (a grade plan only — its classes follow
 * it) and the note that names the programme or profile («ФОП ООО…», «технологический профиль»).
 */
export function PlanSettings({
  isClass,
  readOnly,
  weeks,
  note,
  onWeeks,
  onNote,
}: {
  isClass: boolean;
  readOnly: boolean;
  weeks: number;
  note: string;
  onWeeks: (weeks: number) => void;
  onNote: (note: string) => void;
}) {
  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'center', width: '100%', flexWrap: 'wrap' }}>
      <Space size={6}>
        <label htmlFor="planWeeks">Учебных недель в году</label>
        {isClass ? (
          <Typography.Text strong id="planWeeks">
            {weeks} (как в параллели)
          </Typography.Text>
        ) : (
          <InputNumber id="planWeeks" min={30} max={40} precision={0} value={weeks} disabled={readOnly} onChange={(v) => typeof v === 'number' && onWeeks(v)} style={{ width: 72 }} />
        )}
      </Space>
      <div style={{ display: 'flex', gap: 6, alignItems: 'center', flex: 1, minWidth: 360 }}>
        <label htmlFor="planNote" style={{ whiteSpace: 'nowrap' }}>{isClass ? 'Программа, профиль' : 'Программа'}</label>
        <Input
          id="planNote"
          value={note}
          maxLength={1000}
          disabled={readOnly}
          placeholder={isClass ? 'например: технологический профиль; АООП, вариант 7.2' : 'например: ФОП ООО, вариант 1'}
          onChange={(e) => onNote(e.target.value)}
          style={{ flex: 1 }}
        />
      </div>
    </div>
  );
}
