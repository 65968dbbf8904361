import { Button, Card, Progress, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useHasRight } from '../../components/useSession';
import { useSetupStateQuery } from './settingsApi';

/**
 * On the home page until the administrator finishes the first-run wizard: how far it got and the
 * way back into it. Nobody else sees it (they cannot change what it asks for).
 */
export function SetupBanner() {
  const canManage = useHasRight('system.manage');
  const { data } = useSetupStateQuery(undefined, { skip: !canManage });
  const navigate = useNavigate();
  if (!canManage || !data || data.finished) return null;
  const done = data.steps.filter((s) => s.done).length;
  const started = done > 0 || data.skipped.length > 0 || data.current !== 'school';
  return (
    <Card size="small" style={{ marginBottom: 16 }} aria-label="Первоначальная настройка">
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, flexWrap: 'wrap' }}>
        <Progress type="circle" size={48} percent={Math.round((done / data.steps.length) * 100)} />
        <div style={{ flex: '1 1 320px' }}>
          <Typography.Text strong>Первоначальная настройка программы</Typography.Text>
          <br />
          <Typography.Text type="secondary">
            Карточка школы, учебный год, классы и пользователи — заполнено {done} из {data.steps.length}. Любой шаг можно пропустить и вернуться к
            нему позже.
          </Typography.Text>
        </div>
        <Button type="primary" onClick={() => navigate('/setup')}>
          {started ? 'Продолжить настройку' : 'Начать настройку'}
        </Button>
      </div>
    </Card>
  );
}
