import { App } from 'antd';
import { useCallback, useState } from 'react';
import type { ErrorBody } from '../../src-shared/errors';

export type SaveOutcome = { ok: true } | { ok: false; message: string; error: ErrorBody | undefined };

/**
 * One way to report a save on the set-up pages: a short success note, the rule warnings
 * (SanPiN, notice periods, gaps) as a notification that stays long enough to read, and the
 * refusal text for the form's banner (VALIDATION and CONFLICT are not shown globally).
 */
export function useSaveFeedback() {
  const { message, notification } = App.useApp();
  return useCallback(
    (result: { data?: unknown; error?: unknown }, success: string): SaveOutcome => {
      if ('data' in result && result.data !== undefined) {
        message.success(success);
        const warnings = (result.data as { warnings?: string[] }).warnings ?? [];
        if (warnings.length) {
          notification.warning({
            message: 'Сохранено, но обратите внимание',
            description: warnings.map((w) => `• ${w}`).join('\n'),
            duration: 12,
            style: { whiteSpace: 'pre-line' },
          });
        }
        return { ok: true };
      }
      const error = result.error as ErrorBody | undefined;
      return { ok: false, message: error?.message ?? 'Не удалось сохранить', error };
    },
    [message, notification],
  );
}

/**
 * The save of an edit dialog: reported by `useSaveFeedback`, the dialog closed on success, the
 * refusal kept for the dialog's banner otherwise (the fields keep what was typed).
 */
export function useDialogSave(onClose: () => void) {
  const feedback = useSaveFeedback();
  const [error, setError] = useState<string | null>(null);
  const finish = (result: { data?: unknown; error?: unknown }, success: string) => {
    const out = feedback(result, success);
    if (out.ok) onClose();
    else setError(out.message);
  };
  return { error, setError, finish };
}

/** Which record a dialog saves: a new one (no id, version 0) or the one it was opened with, at the version shown. */
export const recordKey = (record: { id: string; version: number } | null | undefined) => ({ id: record?.id ?? null, version: record?.version ?? 0 });
