import { Tag, Tooltip } from 'antd';
import type { AccountBrief } from '../../../src-shared/contract/peopleViews';
import { ACCOUNT_STATUSES } from '../../../src-shared/domain/portalAccounts';
import { formatDateRu } from '../../components/format';

/** The portal account's state on a card header: «Учётная запись портала: нужно создать до 03.09.2025». */
export function AccountBadge({ account }: { account: AccountBrief | null }) {
  if (!account) return <Tag>Учётная запись портала: задачи нет</Tag>;
  const status = ACCOUNT_STATUSES[account.status];
  if (account.status === 'handedOver') {
    return <Tag color="green">Учётная запись портала выдана{account.handedOverOn ? ` ${formatDateRu(account.handedOverOn)}` : ''}</Tag>;
  }
  const due = account.dueDate ? ` — срок ${formatDateRu(account.dueDate)}` : '';
  return (
    <Tooltip title="Порядок работы, п. 3.6: учётные записи создаются и выдаются в течение 3 рабочих дней после приказа">
      <Tag color={account.overdue ? 'red' : 'orange'} data-testid="account-deadline">
        Учётная запись портала: {status.toLowerCase()}
        {due}
        {account.overdue ? ' (просрочено)' : ''}
      </Tag>
    </Tooltip>
  );
}
