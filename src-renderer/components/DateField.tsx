import { DatePicker } from 'antd';
import dayjs from 'dayjs';

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  placeholder?: string;
}

/** A date typed or picked as дд.мм.гггг, stored as `YYYY-MM-DD`. */
export function DateField({ value, onChange, id, placeholder = 'дд.мм.гггг' }: Props) {
  return (
    <DatePicker
      id={id}
      format={['DD.MM.YYYY', 'D.M.YYYY', 'DDMMYYYY']}
      placeholder={placeholder}
      value={value ? dayjs(value, 'YYYY-MM-DD') : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
      style={{ width: '100%' }}
    />
  );
}
