import { Empty, Space, Table, Tag, Typography } from 'antd';
import { useCurriculumChecksQuery, type YearProblem } from './curriculumApi';

const SEVERITY = { error: <Tag color="red">ошибка</Tag>, warning: <Tag color="gold">предупреждение</Tag>, info: <Tag>замечание</Tag> };

/** Every finding of every plan of the year in one list: what to fix before 15 September (work order 5.1). */
export function ChecksTab({ yearId, onOpen }: { yearId: string; onOpen: (planKey: string) => void }) {
  const { data, isFetching } = useCurriculumChecksQuery(yearId);
  const problems = data?.problems ?? [];
  if (!isFetching && problems.length === 0) return <Empty description="Замечаний нет: планы всех параллелей и классов проходят проверку" />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
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
