import { useState } from 'react';
import { Alert, App, Form, Modal, Typography } from 'antd';
import type { VersionMeta } from '../../../src-shared/contract/timetableFields';
import { DateField } from '../../components/DateField';
import { formatDateRu, todayIso } from '../../components/format';
import { useApproveTimetableVersionMutation } from './timetableApi';
import { errorOf } from '../../components/serverErrors';

/**
 * The director approves a draft from a date (дд.мм.гггг): it becomes read-only and the timetable in
 * force from then; the version in force before ends the day before and goes to the archive.
 */
export function ApproveModal({ meta, inForce, onClose }: { meta: VersionMeta; inForce: VersionMeta | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [approve, { isLoading }] = useApproveTimetableVersionMutation();
  const [date, setDate] = useState<string | null>(() => {
    const today = todayIso();
    return meta.periodStart && meta.periodStart > today ? meta.periodStart : today;
  });
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!date) {
      setError('Укажите дату, с которой действует расписание');
      return;
    }
    const r = await approve({ versionId: meta.id, version: meta.version, effectiveFrom: date });
    if ('data' in r && r.data) {
      const archived = r.data.archived
        .map((a) => (a.effectiveFrom && a.effectiveTo < a.effectiveFrom ? `«${a.name}» заменено до вступления в силу` : `«${a.name}» действовало по ${formatDateRu(a.effectiveTo)}`))
        .join('; ');
      message.success(`Расписание утверждено и действует с ${formatDateRu(date)}${archived ? `. ${archived}` : ''}`);
      onClose();
      return;
    }
    const e = errorOf(r);
    setError(e?.code === 'CONFLICT' ? `${e.message} Откройте версию заново и проверьте изменения.` : (e?.message ?? 'Не удалось утвердить'));
  };

  return (
    <Modal open title={`Утвердить «${meta.name}»`} okText="Утвердить" cancelText="Отмена" confirmLoading={isLoading} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      {/* No submit on Enter: Enter confirms the typed date; approving takes the button. */}
      <Form layout="vertical">
        <Form.Item label="Действует с" required>
          <DateField id="approve-effective-from" value={date} onChange={setDate} />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary">
        Утверждённое расписание изменить нельзя: для изменений создаётся новый черновик из утверждённого.
        {inForce && inForce.id !== meta.id ? ` Сейчас действует «${inForce.name}»: оно будет действовать по день перед этой датой и уйдёт в архив.` : ''}
      </Typography.Paragraph>
      {meta.summary.valid === false && (
        <Alert type="warning" showIcon title={`В этой версии есть нарушения обязательных правил (${meta.summary.hard ?? '?'}) или не все уроки поставлены.`} style={{ marginBottom: 8 }} />
      )}
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
