import { Empty, Skeleton, Timeline, Typography } from 'antd';
import { AUDIT_ACTIONS } from '../../../src-shared/contract/audit';
import type { HistoryRow } from '../../../src-shared/contract/peopleViews';
import { formatDateTimeRu } from '../../components/format';
import { ChangesView } from '../audit/ChangesView';

/**
 * «История изменений» of a card: its own edits (old → new, field by field), link changes, its portal
 * account and the cards merged into it — newest first. Readable by whoever may read the card.
 */
const EXTRA_ACTIONS: Record<string, string> = {
  merge: 'Объединение карточек',
  'account-create': 'Учётная запись портала: задача поставлена',
  'account-update': 'Учётная запись портала',
  'account-export': 'Учётная запись портала: письмо напечатано',
};

export function HistoryTab({ entity, rows, loading, currentId }: { entity: string; rows: HistoryRow[] | undefined; loading: boolean; currentId: string }) {
  if (loading) return <Skeleton active />;
  if (!rows || rows.length === 0) return <Empty description="Изменений пока нет" />;
  return (
    <Timeline
      data-testid="card-history"
      items={[...rows].reverse().map((r) => ({
        key: r.id,
        content: (
          <div>
            <Typography.Text strong>{EXTRA_ACTIONS[r.action] ?? AUDIT_ACTIONS[r.action] ?? r.action}</Typography.Text> · {formatDateTimeRu(r.at)} · {r.userName ?? 'система'}
            {r.recordId && r.recordId !== currentId && !r.action.startsWith('account-') && <Typography.Text type="secondary"> (объединённая карточка)</Typography.Text>}
            <ChangesView row={{ entity: r.action.startsWith('account-') ? 'portalAccount' : entity, action: r.action.replace(/^account-/, ''), changes: r.changes, cause: r.cause }} />
          </div>
        ),
      }))}
    />
  );
}
