import { useState, type ReactNode } from 'react';
import { Alert, App, Modal, Typography } from 'antd';
import type { BackupInfo } from '../../../src-shared/contract/system';
import { formatDateTimeRu } from '../../components/format';
import { useRestoreBackupMutation } from './systemApi';

/**
 * The restore confirmation: what will happen (the current base is kept as a copy, everyone signs in
 * again), then the result; the page reloads to the sign-in screen, since every session has ended.
 */
export function useRestore(): { ask(b: BackupInfo): void; modal: ReactNode } {
  const { modal } = App.useApp();
  const [chosen, setChosen] = useState<BackupInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [restore, { isLoading }] = useRestoreBackupMutation();
  const close = () => {
    setChosen(null);
    setError(null);
  };
  const run = async () => {
    if (!chosen) return;
    setError(null);
    const r = await restore({ name: chosen.name, jobId: `restore-${Date.now()}` });
    if (!('data' in r) || !r.data) {
      const e = (r as { error?: { message?: string } }).error;
      setError(e?.message ?? 'Не удалось восстановить базу.');
      return;
    }
    const done = r.data;
    close();
    modal.success({
      title: 'База восстановлена',
      content: (
        <>
          <Typography.Paragraph>
            Данные восстановлены из копии от {formatDateTimeRu(done.restoredFrom.createdAt)} ({done.restoredFrom.name}).
          </Typography.Paragraph>
          <Typography.Paragraph>Прежняя база сохранена копией «{done.savedBefore.name}». Все пользователи входят в программу заново.</Typography.Paragraph>
        </>
      ),
      okText: 'Войти снова',
      onOk: () => window.location.reload(),
    });
  };
  return {
    ask: (b) => setChosen(b),
    modal: (
      <Modal
        open={chosen !== null}
        title="Восстановить базу из резервной копии?"
        okText="Восстановить"
        okButtonProps={{ danger: true }}
        cancelText="Отмена"
        confirmLoading={isLoading}
        onOk={() => void run()}
        onCancel={close}
        destroyOnHidden
      >
        {chosen && (
          <>
            <Typography.Paragraph>
              Все данные программы станут такими, какими были <b>{formatDateTimeRu(chosen.createdAt)}</b> (копия {chosen.name}). Изменения, сделанные после этого, в
              восстановленной базе не будет.
            </Typography.Paragraph>
            <Typography.Paragraph>
              Текущая база сначала сохранится отдельной копией «перед восстановлением» — из неё можно вернуться. Копия проверяется до замены; на несколько секунд
              программа перестанет отвечать, затем все пользователи войдут заново.
            </Typography.Paragraph>
          </>
        )}
        {error && <Alert type="error" showIcon title={error} />}
      </Modal>
    ),
  };
}
