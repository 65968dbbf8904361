import { App } from 'antd';
import { useCallback } from 'react';
import type { ExportedFile } from '../../../src-shared/contract/files';
import type { ErrorBody } from '../../../src-shared/errors';
import { downloadFile } from '../../components/downloadFile';

/** Today as `YYYY-MM-DD` on this PC's calendar. */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function errorText(result: unknown, fallback = 'Не удалось выполнить операцию'): string | null {
  const error = (result as { error?: ErrorBody }).error;
  if (!error) return null;
  return error.message ?? fallback;
}

/** Runs an export mutation and saves its file, or shows why it failed. */
export function useDownload() {
  const { message } = App.useApp();
  return useCallback(
    async (run: () => Promise<{ data?: ExportedFile; error?: unknown }>, done?: string) => {
      const r = await run();
      if (r.data) {
        downloadFile(r.data);
        if (done) message.success(done);
        return true;
      }
      message.error(errorText(r) ?? 'Файл не сформирован');
      return false;
    },
    [message],
  );
}
