import { Checkbox, Select, Space, Typography } from 'antd';
import type { TimetableOptions } from '../../../src-shared/contract/timetableFields';

interface Props {
  value?: TimetableOptions;
  onChange?: (v: TimetableOptions) => void;
  extracurricular: { id: string; name: string }[];
  disabled?: boolean;
}

/**
 * The завуч's switches of a version (a form field): the 2025 ministry rules and which courses of
 * внеурочная деятельность the timetable places (none unless asked).
 */
export function OptionsField({ value, onChange, extracurricular, disabled }: Props) {
  const v: TimetableOptions = value ?? { rules: { conversationsMonday: true, horizonsThursday: true }, extracurricularSubjectIds: [] };
  const set = (patch: Partial<TimetableOptions>) => onChange?.({ ...v, ...patch });
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Checkbox disabled={disabled} checked={v.rules.conversationsMonday} onChange={(e) => set({ rules: { ...v.rules, conversationsMonday: e.target.checked } })}>
        «Разговоры о важном» — в понедельник первым уроком
      </Checkbox>
      <Checkbox disabled={disabled} checked={v.rules.horizonsThursday} onChange={(e) => set({ rules: { ...v.rules, horizonsThursday: e.target.checked } })}>
        «Россия — мои горизонты» — в четверг первым уроком (6–11 классы)
      </Checkbox>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        Приказ Минпросвещения № 704 от 09.10.2024 и примерные расписания 2025 г.
      </Typography.Text>
      <div style={{ marginTop: 8 }}>
        <div>Внеурочная деятельность в расписании:</div>
        <Select
          mode="multiple"
          aria-label="Внеурочная деятельность в расписании"
          disabled={disabled}
          allowClear
          style={{ width: '100%' }}
          placeholder={extracurricular.length ? 'не ставить (выберите курсы, которые нужно поставить)' : 'в учебном плане нет курсов внеурочной деятельности'}
          value={v.extracurricularSubjectIds}
          onChange={(ids: string[]) => set({ extracurricularSubjectIds: ids })}
          options={extracurricular.map((s) => ({ value: s.id, label: s.name }))}
          optionFilterProp="label"
        />
      </div>
    </Space>
  );
}
