import { formatNumberRu, plural } from '../../../src-shared/domain/plural';
import { useEffect, useState } from 'react';
import { Alert, Button, Modal, Skeleton, Table, Typography } from 'antd';
import { newId } from '../../../src-shared/domain/ids';
import type { ErrorBody } from '../../../src-shared/errors';
import type { ResultOf } from '../../api/contractApi';
import { useCancelRepairMutation, useRepairAroundMutation } from './timetableApi';
import type { TimetableIndex } from './timetableModel';
import type { HandEdit } from './useHandEditor';

interface Props {
  edit: HandEdit;
  index: TimetableIndex;
  moved: { lessonId: string; index: number };
  onClose: () => void;
}

type Proposal = ResultOf<'timetable.edit.repair'>;

/**
 * «Исправить»: the engine's repair around the lesson moved by hand, shown as a diff — which other
 * lessons move, from where to where — to accept (saved as one step of the session, undoable) or
 * reject (nothing changes). Locked lessons never appear: the engine keeps them where they stand.
 */
export function RepairModal({ edit, index, moved, onClose }: Props) {
  const [run, { isLoading }] = useRepairAroundMutation();
  const [cancelJob] = useCancelRepairMutation();
  // The window names the job, so «Остановить» (or closing the window) can stop it while the call waits.
  const [jobId] = useState(newId);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { id: versionId, version } = index.view.meta;

  useEffect(() => {
    let live = true;
    void run({ versionId, version, lessonId: moved.lessonId, index: moved.index, jobId }).then((r) => {
      if (!live) return;
      if ('data' in r && r.data) return setProposal(r.data);
      const e = r.error as ErrorBody | undefined;
      setError(e?.code === 'CANCELLED' ? 'Исправление остановлено — расписание не изменено' : (e?.message ?? 'Исправить не удалось'));
    });
    return () => {
      live = false;
    };
    // One proposal per opening: the version on screen when «Исправить» was pressed.
  }, []);

  const accept = async () => {
    if (!proposal) return;
    setSaving(true);
    const ok = await edit.apply(`Исправление: ${plural(proposal.changes.length, ['урок', 'урока', 'уроков'])}`, proposal.moves, null);
    setSaving(false);
    if (ok) onClose();
  };

  return (
    <Modal
      open
      title="Исправить расписание вокруг переноса"
      width={820}
      okText="Принять изменения"
      cancelText="Отклонить"
      okButtonProps={{ disabled: !proposal || proposal.changes.length === 0, loading: saving }}
      onOk={() => void accept()}
      onCancel={() => {
        if (isLoading) void cancelJob({ jobId });
        onClose();
      }}
    >
      {isLoading && !proposal && (
        <>
          <Skeleton active paragraph={{ rows: 3 }} />
          <Button onClick={() => void cancelJob({ jobId })}>Остановить поиск</Button>
        </>
      )}
      {error && <Alert type="error" showIcon title={error} />}
      {proposal && (
        <>
          <Typography.Paragraph>
            Нарушений сейчас: {proposal.hardBefore}, после исправления: {proposal.hardAfter}. Перенесённый вами урок и закреплённые уроки остаются на месте; передвигаются{' '}
            {plural(proposal.changes.length, ['другой урок', 'других урока', 'других уроков'])} (поиск занял {formatNumberRu(proposal.elapsedMs)} мс).
          </Typography.Paragraph>
          {proposal.hardAfter > 0 && <Alert type="warning" showIcon title="Исправить все нарушения не удалось — можно принять частичное исправление или перенести уроки вручную." style={{ marginBottom: 8 }} />}
          <Table
            size="small"
            rowKey={(c) => `${c.lessonId}:${c.index}`}
            pagination={false}
            dataSource={proposal.changes}
            aria-label="Предлагаемые изменения"
            columns={[
              { title: 'Урок', dataIndex: 'lesson' },
              { title: 'Было', dataIndex: 'fromText', width: 200 },
              { title: 'Станет', dataIndex: 'toText', width: 200 },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
