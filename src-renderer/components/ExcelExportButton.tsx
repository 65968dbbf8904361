import { useState } from 'react';
import { Button } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { ExportedFile } from '../../src-shared/contract/files';
import { useDownload } from './downloadFile';

/** «В Excel» for a list whose file the core writes (every list exportable, DESIGN §6). */
export function ExcelExportButton({ run, disabled }: { run: () => Promise<{ data?: ExportedFile; error?: unknown }>; disabled?: boolean }) {
  const download = useDownload();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<FileExcelOutlined />}
      loading={busy}
      disabled={disabled}
      onClick={() => {
        setBusy(true);
        void download(run, 'Файл Excel сохранён').finally(() => setBusy(false));
      }}
    >
      В Excel
    </Button>
  );
}
