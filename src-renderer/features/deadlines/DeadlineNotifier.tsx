import { useEffect } from 'react';
import { App, Badge, Button } from 'antd';
import { useNavigate } from 'react-router';
import { plural } from '../../../src-shared/domain/plural';
import { useHasRight } from '../../components/useSession';
import { useDeadlineCountsQuery } from './deadlinesApi';

const POLL = 15 * 60_000;
const SEEN_KEY = 'school-office.deadlineNotice';

/** The menu's count: the user's late tasks and those due today. */
export function DeadlineBadge() {
  const allowed = useHasRight('deadlines.read');
  const { data } = useDeadlineCountsQuery({}, { skip: !allowed, pollingInterval: POLL });
  if (!data) return null;
  const late = data.counts.late;
  const today = data.counts.today;
  if (!late && !today) return null;
  return (
    <Badge
      data-testid="deadline-badge"
      count={late + today}
      color={late ? '#ff4d4f' : '#fa8c16'}
      size="small"
      title={[late && `просрочено: ${late}`, today && `сегодня: ${today}`].filter(Boolean).join(', ')}
      style={{ marginLeft: 8 }}
    />
  );
}

function seenToday(key: string, on: string): boolean {
  try {
    return window.localStorage.getItem(key) === on;
  } catch {
    return false;
  }
}

/**
 * Once a day per user, a notice in the window when some of their tasks are late (the desktop shell
 * adds a system notification, src-main/electron/dailyNotice.ts). No e-mail.
 */
export function DeadlineNotifier() {
  const allowed = useHasRight('deadlines.read');
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const { data } = useDeadlineCountsQuery({}, { skip: !allowed, pollingInterval: POLL });
  useEffect(() => {
    if (!data || data.counts.late === 0) return;
    const key = `${SEEN_KEY}.${data.userId}`;
    if (seenToday(key, data.on)) return;
    try {
      window.localStorage.setItem(key, data.on);
    } catch {
      // Without storage the notice may come again after a reload; better than never.
    }
    notification.warning({
      key: 'deadlines-late',
      title: `Просрочено: ${plural(data.counts.late, ['задача', 'задачи', 'задач'])}`,
      description: (
        <ul style={{ paddingLeft: 18, margin: 0 }}>
          {data.lateTitles.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      ),
      actions: (
        <Button
          type="primary"
          size="small"
          onClick={() => {
            notification.destroy('deadlines-late');
            navigate('/');
          }}
        >
          На главную
        </Button>
      ),
      duration: 12,
    });
  }, [data, notification, navigate]);
  return null;
}
