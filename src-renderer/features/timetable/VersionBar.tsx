import type { ReactNode } from 'react';
import { App, Button, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CopyOutlined, DeleteOutlined, LockOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { VERSION_STATUS_LABEL, type VersionMeta } from '../../../src-shared/contract/timetableFields';
import { formatDateRu, formatDateTimeRu } from '../../components/format';
import { useCopyTimetableVersionMutation, useDeleteTimetableVersionMutation, type VersionsList } from './timetableApi';

export const STATUS_COLOR: Record<VersionMeta['status'], string> = { draft: 'gold', approved: 'green', archived: 'default' };

/** «утверждено, действует с 01.09.2026» — the status of a version as a person says it. */
export function statusText(v: VersionMeta): string {
  if (v.status === 'draft') return VERSION_STATUS_LABEL.draft;
  // Replaced by another approval before its first day: its range ends before it starts.
  if (v.effectiveFrom && v.effectiveTo && v.effectiveTo < v.effectiveFrom) return `${VERSION_STATUS_LABEL[v.status]}, не вступало в силу (утверждено с ${formatDateRu(v.effectiveFrom)})`;
  const from = v.effectiveFrom ? ` с ${formatDateRu(v.effectiveFrom)}` : '';
  const to = v.effectiveTo ? ` по ${formatDateRu(v.effectiveTo)}` : '';
  return `${VERSION_STATUS_LABEL[v.status]}${from}${to}`;
}

/** Which version of the year is on screen: drafts, the approved one in force, the archive. */
export function VersionSelect({ list, value, onPick }: { list: VersionsList; value: string | null; onPick: (id: string) => void }) {
  return (
    <Select
      aria-label="Версия расписания"
      style={{ width: 440 }}
      popupMatchSelectWidth={false}
      value={value ?? undefined}
      placeholder="версий пока нет"
      onChange={onPick}
      labelRender={({ value: id }) => {
        const v = list.versions.find((x) => x.id === id);
        return v ? (
          <Space size={4}>
            {v.name}
            <Tag color={STATUS_COLOR[v.status]}>{v.status === 'draft' ? 'черновик' : v.status === 'approved' ? 'утверждено' : 'архив'}</Tag>
          </Space>
        ) : null;
      }}
      options={list.versions.map((v) => ({
        value: v.id,
        label: (
          <Space size={4}>
            {v.name}
            <Tag color={STATUS_COLOR[v.status]}>{v.status === 'draft' ? 'черновик' : v.status === 'approved' ? 'утверждено' : 'архив'}</Tag>
            {v.id === list.inForceId && <Tag color="blue">действует</Tag>}
          </Space>
        ),
      }))}
    />
  );
}

interface Props {
  meta: VersionMeta | null;
  canEdit: boolean;
  canApprove: boolean;
  busy: boolean;
  onPick: (id: string) => void;
  onNew: () => void;
  onGenerate: () => void;
  onApprove: () => void;
  onDeleted: () => void;
  /** More buttons at the end of the row (the downloads). */
  extra?: ReactNode;
}

/**
 * The version on screen: its status and dates, why it cannot be changed, and what the user may do
 * — составить, новый черновик, копировать, удалить, утвердить.
 */
export function VersionBar({ meta, canEdit, canApprove, busy, onPick, onNew, onGenerate, onApprove, onDeleted, extra }: Props) {
  const { message } = App.useApp();
  const [copy, { isLoading: copying }] = useCopyTimetableVersionMutation();
  const [remove, { isLoading: deleting }] = useDeleteTimetableVersionMutation();
  const draft = meta?.status === 'draft';
  const editable = Boolean(meta && meta.readOnlyReason === null);

  const doCopy = async () => {
    if (!meta) return;
    const name = meta.status === 'draft' ? `${meta.name} (копия)` : `${meta.name} — изменения`;
    const r = await copy({ versionId: meta.id, name });
    if ('data' in r && r.data) {
      message.success(`Создан черновик «${r.data.name}»`);
      onPick(r.data.id);
    } else message.error((r.error as { message?: string } | undefined)?.message ?? 'Не удалось скопировать');
  };
  const doDelete = async () => {
    if (!meta) return;
    const r = await remove({ versionId: meta.id, version: meta.version });
    if ('data' in r && r.data) {
      message.success(`Черновик «${meta.name}» удалён`);
      onDeleted();
    } else message.error((r.error as { message?: string } | undefined)?.message ?? 'Не удалось удалить');
  };

  return (
    <div data-testid="version-bar">
      <Space wrap size="small" style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap size="small">
          {canEdit && (
            <Button type="primary" icon={<ThunderboltOutlined />} disabled={busy} onClick={onGenerate}>
              Составить
            </Button>
          )}
          {canEdit && (
            <Button icon={<PlusOutlined />} onClick={onNew}>
              Новый черновик
            </Button>
          )}
          {canEdit && meta && (
            <Button icon={<CopyOutlined />} loading={copying} onClick={() => void doCopy()}>
              {meta.status === 'draft' ? 'Копировать' : meta.status === 'approved' ? 'Новый черновик из утверждённого' : 'Новый черновик из этой версии'}
            </Button>
          )}
          {canEdit && meta && draft && editable && (
            <Popconfirm title={`Удалить черновик «${meta.name}»?`} okText="Удалить" cancelText="Отмена" onConfirm={() => void doDelete()}>
              <Button danger icon={<DeleteOutlined />} loading={deleting}>
                Удалить
              </Button>
            </Popconfirm>
          )}
          {canApprove && draft && (
            <Button icon={<CheckCircleOutlined />} onClick={onApprove} disabled={busy}>
              Утвердить
            </Button>
          )}
          {extra}
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="version-status">
          {meta ? `${statusText(meta)}${meta.periodName ? ` · ${meta.periodName}` : ''}` : ''}
        </Typography.Text>
      </Space>
      {/* Those who could change or approve it are told why they cannot; a reader needs no reason. */}
      {meta?.readOnlyReason && (canEdit || canApprove) && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 13 }} data-testid="read-only-reason">
          <LockOutlined /> {meta.readOnlyReason}
          {meta.approvedByName && meta.approvedAt ? ` Утвердил(а): ${meta.approvedByName}, ${formatDateTimeRu(meta.approvedAt)}.` : ''}
        </Typography.Paragraph>
      )}
    </div>
  );
}
