import { Typography } from 'antd';
import type { AuditRow } from '../../../src-shared/contract/audit';
import { fieldChanges, fieldLabel, formatDetails, formatFieldValue } from '../../../src-shared/domain/auditLabels';

/** «Поле: было → стало» for edits, the details for other events. */
export function ChangesView({ row }: { row: Pick<AuditRow, 'entity' | 'action' | 'changes' | 'cause' | 'refs'> }) {
  const fields = fieldChanges(row.action, row.changes);
  return (
    <div>
      {fields ? (
        fields.map((f) => (
          <div key={f.field}>
            <Typography.Text type="secondary">{fieldLabel(row.entity, f.field)}:</Typography.Text> {formatFieldValue(f.field, f.before, row.entity, row.refs)} →{' '}
            <Typography.Text strong>{formatFieldValue(f.field, f.after, row.entity, row.refs)}</Typography.Text>
          </div>
        ))
      ) : (
        <Typography.Text type="secondary">{formatDetails(row.changes, row.refs)}</Typography.Text>
      )}
      {row.cause && <div>Основание: {row.cause}</div>}
    </div>
  );
}
