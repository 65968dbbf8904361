import { useEffect, useRef } from 'react';
import { Badge, Button, notification as notices } from 'antd';
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
 * Antd's notices stack above dialogs (z-index 2050 against 1000), so this one, open for 12 seconds
 * right after sign-in, covered the top right corner of any dialog opened meanwhile — its close
 * button among it. It lives in a layer of its own just under the dialogs' (the mask dims it and the
 * dialog stays whole); error notices keep the app's shared holder, above everything, on purpose.
 */
const LAYER_Z = 999;

/**
 * Once a day per user, a notice in the window when some of their tasks are late (the desktop shell
 * adds a system notification, src-main/electron/dailyNotice.ts). No e-mail.
 */
export function DeadlineNotifier() {
  const allowed = useHasRight('deadlines.read');
  const layer = useRef<HTMLDivElement>(null);
  const [notification, holder] = notices.useNotification({ getContainer: () => layer.current ?? document.body });
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
  return (
    <div ref={layer} data-testid="deadline-notice-layer" style={{ position: 'fixed', top: 0, right: 0, zIndex: LAYER_Z }}>
      {holder}
    </div>
  );
}
