import { useMemo, useState } from 'react';
import { Alert, App, Checkbox, Modal, Select, Space, Table, Typography } from 'antd';
import type { PersonKind } from '../../../src-shared/domain/personRules';
import { formatAuditValue } from '../../../src-shared/domain/auditLabels';
import { formatDateRu } from '../../components/format';
import { useMergeMutation, useMergePreviewQuery, useParentsQuery, usePupilsQuery, useStaffListQuery } from './peopleApi';
import { useDebounced } from '../../components/usePersisted';
import { errorText } from '../../components/serverErrors';

/**
 * «Объединить карточки»: the second card of the same person is chosen by search, the fields that
 * differ are shown side by side (take the second card's value where it is right), the links and
 * records that move are listed, and the second card is merged into this one.
 */
function useCandidates(kind: PersonKind, search: string, exclude: string) {
  const skip = search.trim().length < 2;
  const pupils = usePupilsQuery({ search, limit: 20 }, { skip: skip || kind !== 'pupil' });
  const parents = useParentsQuery({ search, limit: 20 }, { skip: skip || kind !== 'parent' });
  const staff = useStaffListQuery({ search, limit: 20, status: 'all' }, { skip: skip || kind !== 'staff' });
  const rows = (kind === 'pupil' ? pupils.data : kind === 'parent' ? parents.data : staff.data) ?? [];
  return rows
    .filter((r) => r.id !== exclude)
    .map((r) => ({ value: r.id, label: `${r.lastName} ${r.firstName} ${r.middleName ?? ''}${r.birthDate ? `, ${formatDateRu(r.birthDate)}` : ''}` }));
}

export function MergeModal({ kind, keepId, keepName, open, onClose }: { kind: PersonKind; keepId: string; keepName: string; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const search = useDebounced(text, 150);
  const [removeId, setRemoveId] = useState<string | null>(null);
  const [take, setTake] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<string | null>(null);
  const options = useCandidates(kind, search, keepId);
  const { data: preview, isFetching } = useMergePreviewQuery({ kind, keepId, removeId: removeId ?? '' }, { skip: !removeId });
  const [merge, { isLoading }] = useMergeMutation();
  const chosen = useMemo(() => {
    const out: Record<string, boolean> = {};
    for (const f of preview?.fields ?? []) out[f.field] = take[f.field] ?? f.result === 'remove';
    return out;
  }, [preview, take]);

  return (
    <Modal
      open={open}
      width={900}
      title={`Объединить с карточкой «${keepName}»`}
      okText="Объединить"
      cancelText="Отмена"
      okButtonProps={{ disabled: !preview, danger: true }}
      confirmLoading={isLoading}
      destroyOnHidden
      onCancel={onClose}
      onOk={async () => {
        if (!preview || !removeId) return;
        const r = await merge({
          kind,
          keepId,
          removeId,
          keepVersion: preview.keepVersion,
          removeVersion: preview.removeVersion,
          takeFromRemoved: Object.entries(chosen)
            .filter(([, v]) => v)
            .map(([k]) => k),
        });
        if ('data' in r) {
          message.success(`Карточки объединены${r.data?.moved.length ? `: перенесено ${r.data.moved.join(', ')}` : ''}`);
          onClose();
        } else setError((errorText(r) ?? 'Не удалось выполнить операцию'));
      }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">
        Вторая карточка будет удалена; её связи, записи о классах, учётная запись портала и история изменений перейдут к этой карточке. Пустые поля этой карточки заполнятся из второй.
      </Typography.Paragraph>
      <Select
        showSearch
        filterOption={false}
        style={{ width: '100%' }}
        placeholder="Вторая карточка того же человека: начните вводить ФИО или СНИЛС"
        onSearch={setText}
        value={removeId}
        onChange={(id) => {
          setRemoveId(id);
          setTake({});
        }}
        options={options}
        aria-label="Вторая карточка"
      />
      {removeId && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
          {preview && preview.moves.length > 0 && <Alert type="info" showIcon title={`Перейдут к этой карточке: ${preview.moves.join(', ')}`} />}
          <Table
            size="small"
            rowKey="field"
            loading={isFetching}
            pagination={false}
            dataSource={preview?.fields ?? []}
            locale={{ emptyText: 'Карточки совпадают во всех полях' }}
            scroll={{ y: 360 }}
            columns={[
              { title: 'Поле', dataIndex: 'label', width: 200 },
              { title: 'Эта карточка', render: (_, f) => formatAuditValue(f.keep) },
              { title: 'Вторая карточка', render: (_, f) => formatAuditValue(f.remove) },
              {
                title: 'Взять из второй',
                width: 140,
                render: (_, f) =>
                  f.result === 'both' ? (
                    <Typography.Text type="secondary">списки объединятся</Typography.Text>
                  ) : (
                    <Checkbox checked={chosen[f.field]} onChange={(e) => setTake({ ...take, [f.field]: e.target.checked })} aria-label={`Взять из второй: ${f.label}`} />
                  ),
              },
            ]}
          />
        </Space>
      )}
    </Modal>
  );
}
