import { App } from 'antd';
import { useCallback } from 'react';
import type { ExportedFile } from '../../src-shared/contract/files';
import { errorText } from './serverErrors';

/** Saves a generated file (Excel, Word, PDF) the way a browser download works, in Electron too. */
export function downloadFile(file: ExportedFile): void {
  const binary = atob(file.contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Runs an export call and saves its file (with an optional note), or shows why it failed. */
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
