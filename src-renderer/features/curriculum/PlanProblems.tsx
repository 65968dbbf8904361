import { Alert, List, Tag, Typography } from 'antd';
import { CloseCircleFilled, ExclamationCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import type { PlanProblemOut } from '../../../src-shared/contract/curriculum';

const ICON = {
  error: <CloseCircleFilled style={{ color: '#ff4d4f' }} />,
  warning: <ExclamationCircleFilled style={{ color: '#faad14' }} />,
  info: <InfoCircleFilled style={{ color: '#8c8c8c' }} />,
};

/** The live checks under the plan: each finding with the rule's source. */
export function PlanProblems({ problems, title = 'Проверка плана' }: { problems: PlanProblemOut[]; title?: string }) {
  if (problems.length === 0) return <Alert type="success" showIcon title={`${title}: замечаний нет`} data-testid="plan-problems" />;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  return (
    <div data-testid="plan-problems">
      <Typography.Text strong>
        {title}: {errors ? <Tag color="red">ошибок: {errors}</Tag> : null}
        {warnings ? <Tag color="gold">предупреждений: {warnings}</Tag> : null}
        {problems.length - errors - warnings ? <Tag>замечаний: {problems.length - errors - warnings}</Tag> : null}
      </Typography.Text>
      <List
        size="small"
        style={{ maxHeight: 320, overflowY: 'auto' }}
        dataSource={problems}
        renderItem={(p) => (
          <List.Item>
            <List.Item.Meta avatar={ICON[p.severity]} title={<span style={{ fontWeight: 400 }}>{p.message}</span>} description={<Typography.Text type="secondary" style={{ fontSize: 12 }}>Источник: {p.source}</Typography.Text>} />
          </List.Item>
        )}
      />
    </div>
  );
}
