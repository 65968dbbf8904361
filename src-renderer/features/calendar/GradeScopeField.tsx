import { Select } from 'antd';

const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

interface Props {
  value?: 'all' | number[];
  onChange?: (value: 'all' | number[]) => void;
  id?: string;
}

/** «Все классы» or a list of grades: an empty selection means all of them. */
export function GradeScopeField({ value, onChange, id }: Props) {
  const list = value === 'all' || !value ? [] : value;
  return (
    <Select
      id={id}
      mode="multiple"
      allowClear
      placeholder="Все классы"
      value={list}
      onChange={(v: number[]) => onChange?.(v.length ? v : 'all')}
      options={GRADES.map((g) => ({ value: g, label: `${g} кл.` }))}
    />
  );
}

export function scopeText(scope: 'all' | number[]): string {
  return scope === 'all' ? 'все классы' : `${scope.join(', ')} кл.`;
}
