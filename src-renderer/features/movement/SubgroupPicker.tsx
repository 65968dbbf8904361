import { Alert, Col, Row, Select, Typography } from 'antd';
import { useSubgroupsQuery } from '../classes/classesApi';

/**
 * «Subgroup memberships follow class changes»: a pupil leaving a class leaves its subgroups (the
 * core does that on signing); joining a class with subgroups, the secretary picks one per subject.
 */
export function SubgroupPicker({ classId, date, value, onChange }: { classId: string; date: string; value: string[]; onChange: (ids: string[]) => void }) {
  const { data, isError } = useSubgroupsQuery({ classId, date });
  if (isError || !data || data.subgroups.length === 0) return null;
  const subjects = [...new Map(data.subgroups.map((g) => [g.subjectId, g.subjectName])).entries()];
  return (
    <Alert
      type="info"
      style={{ marginBottom: 12 }}
      message="В этом классе есть подгруппы — выберите, в какую зачислить обучающегося по каждому предмету"
      description={
        <Row gutter={[12, 8]}>
          {subjects.map(([subjectId, subjectName]) => {
            const groups = data.subgroups.filter((g) => g.subjectId === subjectId);
            const chosen = value.find((id) => groups.some((g) => g.id === id));
            return (
              <Col span={12} key={subjectId}>
                <Typography.Text>{subjectName}</Typography.Text>
                <Select
                  aria-label={`Подгруппа: ${subjectName}`}
                  allowClear
                  style={{ width: '100%' }}
                  placeholder="не выбрана"
                  value={chosen}
                  onChange={(id: string | undefined) => onChange([...value.filter((v) => !groups.some((g) => g.id === v)), ...(id ? [id] : [])])}
                  options={groups.map((g) => ({ value: g.id, label: `${g.name} (${g.members.length} уч.)` }))}
                />
              </Col>
            );
          })}
        </Row>
      }
    />
  );
}
