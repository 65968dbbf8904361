import { Card, Empty, Timeline, Typography } from 'antd';
import { AUDIT_ACTIONS } from '../../../src-shared/contract/audit';
import { formatDateTimeRu } from '../../components/format';
import { useHasRight } from '../../components/useSession';
import { useRecordHistoryQuery } from './auditApi';
import { ChangesView } from './ChangesView';

/**
 * «История изменений» of one record — who changed what, when, old → new. Put it on any card:
 * `<RecordHistory entity="pupil" recordId={id} />` (entity = the contract method's `entity`). It
 * shows nothing to users without the right to read the log (it holds personal data).
 */
export function RecordHistory({ entity, recordId, title = 'История изменений' }: { entity: string; recordId: string; title?: string }) {
  const allowed = useHasRight('audit.read');
  const { data, isLoading } = useRecordHistoryQuery({ entity, recordId }, { skip: !allowed });
  if (!allowed) return null;
  return (
    <Card title={title} size="small" loading={isLoading} data-testid="record-history">
      {data && data.length === 0 ? (
        <Empty description="Изменений пока нет" />
      ) : (
        <Timeline
          items={[...(data ?? [])].reverse().map((r) => ({
            key: r.id,
            content: (
              <div>
                <Typography.Text strong>{AUDIT_ACTIONS[r.action] ?? r.action}</Typography.Text> · {formatDateTimeRu(r.at)} · {r.userName ?? 'система'}
                <ChangesView row={r} />
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
