import { Button, Card, Progress, Space, Typography } from 'antd';
import { useAppSelector } from '../../app/hooks';
import { usePullStopMutation } from './exchangeApi';

/**
 * A pull running in the background: its progress as the core reports it (reading, matching,
 * writing N of M) and «Остановить», which rolls everything it did back. The rest of the program
 * stays usable meanwhile.
 */
export function PullProgress({ jobId, title }: { jobId: string; title: string }) {
  const job = useAppSelector((s) => s.ui.jobs[jobId]);
  const [stop, stopState] = usePullStopMutation();
  const percent = job && job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;
  return (
    <Card size="small" data-testid="pull-progress">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text strong>{title}</Typography.Text>
        <Progress percent={percent} status="active" />
        <Typography.Text type="secondary">{job?.message ?? 'Начинаем…'}</Typography.Text>
        <Typography.Text type="secondary">Программой можно пользоваться, пока идёт загрузка.</Typography.Text>
        <Button danger loading={stopState.isLoading} onClick={() => void stop({ jobId })}>
          Остановить
        </Button>
      </Space>
    </Card>
  );
}
