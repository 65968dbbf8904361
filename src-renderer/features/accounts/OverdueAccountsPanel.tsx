import { Alert, Button, List, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { ACCOUNT_KIND_TITLES } from '../../../src-shared/domain/portalAccounts';
import { plural } from '../../../src-shared/domain/plural';
import { formatDateRu } from '../../components/format';
import { useHasRight } from '../../components/useSession';
import { useOverdueAccountsQuery } from './accountsApi';

/**
 * The start page of the secretary and HR: portal accounts past their 3-working-day deadline (work
 * order 3.6), the ones due today, and how many are still open.
 */
export function OverdueAccountsPanel() {
  const allowed = useHasRight('accounts.read');
  const navigate = useNavigate();
  const { data } = useOverdueAccountsQuery(undefined, { skip: !allowed });
  if (!allowed || !data || data.open === 0) return null;
  const overdue = data.overdue;
  return (
    <Alert
      style={{ marginBottom: 16 }}
      type={overdue.length > 0 ? 'error' : 'info'}
      showIcon
      data-testid="overdue-accounts"
      title={
        overdue.length > 0
          ? `Просрочены учётные записи портала: ${overdue.length} (срок — 3 рабочих дня после приказа)`
          : `Учётные записи портала в работе: ${data.open}${data.dueToday ? `, сегодня последний день — ${data.dueToday}` : ''}`
      }
      description={
        <>
          {overdue.length > 0 && (
            <List
              size="small"
              dataSource={overdue.slice(0, 8)}
              renderItem={(r) => (
                <List.Item>
                  {ACCOUNT_KIND_TITLES[r.personKind]}: {r.personName}
                  {r.className ? `, ${r.className}` : ''} — срок {formatDateRu(r.dueDate)}
                  {r.daysLeft !== null && r.daysLeft < 0 ? ` (просрочено на ${plural(-r.daysLeft, ['рабочий день', 'рабочих дня', 'рабочих дней'])})` : ''}
                </List.Item>
              )}
            />
          )}
          {overdue.length > 8 && <Typography.Text type="secondary">и ещё {overdue.length - 8}</Typography.Text>}
          <div>
            <Button size="small" type="primary" onClick={() => navigate('/accounts')}>
              Открыть учётные записи портала
            </Button>
          </div>
        </>
      }
    />
  );
}
