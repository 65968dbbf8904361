import { Alert, Collapse, Tag } from 'antd';
import type { SetupProblem } from '../../../src-shared/contract/years';
import { useSetupCheckQuery } from './yearApi';

const AREA: Record<SetupProblem['area'], string> = {
  periods: 'Периоды',
  calendar: 'Календарь',
  classes: 'Классы',
  bells: 'Звонки',
  production: 'Произв. календарь',
};

/** What is still missing in the year's set-up, so nothing is forgotten before 1 September. */
export function SetupCheckPanel({ yearId }: { yearId: string }) {
  const { data } = useSetupCheckQuery({ yearId });
  const problems = data?.problems ?? [];
  if (!data) return null;
  if (problems.length === 0) return <Alert type="success" showIcon message="Настройка учебного года проверена: замечаний нет" />;
  return (
    <Collapse
      size="small"
      items={[
        {
          key: 'check',
          label: `Проверка настройки учебного года: замечаний — ${problems.length}`,
          children: (
            <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="setup-problems">
              {problems.map((p, i) => (
                <li key={i}>
                  <Tag>{AREA[p.area]}</Tag>
                  {p.message}
                </li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}
