import { Alert, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import type { SubgroupStatus } from '../../../src-shared/contract/curriculumLoad';
import { useCurriculumChecksQuery, type YearProblem } from './curriculumApi';

const SEVERITY = { error: <Tag color="red">ошибка</Tag>, warning: <Tag color="gold">предупреждение</Tag>, info: <Tag>замечание</Tag> };

/** Subgroups a roster change left out of step with the class (a new pupil in none, a leaver still listed). */
function SubgroupFlags({ items, onOpen }: { items: SubgroupStatus[]; onOpen: () => void }) {
  const lines = items.flatMap((s) => s.messages);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="subgroup-flags"
      title={`Подгруппы требуют внимания: ${items.length}`}
      description={
        <>
          {lines.slice(0, 5).map((m) => (
            <div key={m}>{m}</div>
          ))}
          {lines.length > 5 && <div>…и ещё {lines.length - 5}</div>}
        </>
      }
      action={
        <Button size="small" onClick={onOpen}>
          Открыть «Подгруппы»
        </Button>
      }
    />
  );
}

/** Every finding of every plan of the year in one list: what to fix before 15 September (work order 5.1). */
export function ChecksTab({ yearId, onOpen, subgroupFlags = [], onOpenSubgroups }: { yearId: string; onOpen: (planKey: string) => void; subgroupFlags?: SubgroupStatus[]; onOpenSubgroups: () => void }) {
  const { data, isFetching } = useCurriculumChecksQuery({ yearId });
  const problems = data?.problems ?? [];
  const flags = subgroupFlags.length > 0 && <SubgroupFlags items={subgroupFlags} onOpen={onOpenSubgroups} />;
  if (!isFetching && problems.length === 0) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {flags}
        <Empty description="Замечаний нет: планы всех параллелей и классов проходят проверку" />
      </Space>
    );
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {flags}
      <Typography.Text type="secondary">Проверяются недельная нагрузка по СанПиН, объём часов уровня по ФГОС, сдвоенные уроки, подгруппы и учителя. Нажмите на строку, чтобы открыть план.</Typography.Text>
      <Table<YearProblem & { key: number }>
        size="small"
        loading={isFetching}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        dataSource={problems.map((p, i) => ({ ...p, key: i }))}
        onRow={(p) => ({ onClick: () => onOpen(p.classId ? `${p.grade}:${p.classId}` : String(p.grade)), style: { cursor: 'pointer' } })}
        columns={[
          { title: '', dataIndex: 'severity', width: 140, render: (s: YearProblem['severity']) => SEVERITY[s] },
          { title: 'Параллель', dataIndex: 'grade', width: 100, render: (g: number) => `${g} кл.` },
          { title: 'Замечание', dataIndex: 'message' },
          { title: 'Источник правила', dataIndex: 'source', width: 320, render: (s: string) => <Typography.Text type="secondary">{s}</Typography.Text> },
        ]}
      />
    </Space>
  );
}
