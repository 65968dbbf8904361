import { Select, Space, Tag } from 'antd';
import type { AcademicYear } from '../../src-shared/contract/years';

export function YearSelect({ years, value, onChange }: { years: AcademicYear[]; value: string | null; onChange: (id: string) => void }) {
  return (
    <Space>
      <span>Учебный год:</span>
      <Select
        aria-label="Учебный год"
        style={{ minWidth: 200 }}
        value={value ?? undefined}
        placeholder="нет учебных лет"
        onChange={onChange}
        options={years.map((y) => ({
          value: y.id,
          label: (
            <Space size={4}>
              {y.name}
              {y.isCurrent && <Tag color="blue">текущий</Tag>}
              {y.isClosed && <Tag>закрыт</Tag>}
            </Space>
          ),
        }))}
      />
    </Space>
  );
}
