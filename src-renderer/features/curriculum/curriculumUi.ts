import { useCallback } from 'react';
import { App } from 'antd';
import type { ExportedFile } from '../../../src-shared/contract/files';
import { downloadFile } from '../../components/downloadFile';

/** The Russian message of a failed RTK Query call. */
export function errorText(r: { error?: unknown }): string | null {
  const e = r.error as { message?: string } | undefined;
  return e ? (e.message ?? 'Не удалось выполнить действие') : null;
}

/** Runs an export call and saves the file; a failure shows the server's Russian message. */
export function useDownload() {
  const { message } = App.useApp();
  return useCallback(
    async (run: () => Promise<{ data?: ExportedFile; error?: unknown }>) => {
      const r = await run();
      if (r.data) {
        downloadFile(r.data);
        return true;
      }
      message.error(errorText(r) ?? 'Файл не сформирован');
      return false;
    },
    [message],
  );
}

export function todayIso(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
