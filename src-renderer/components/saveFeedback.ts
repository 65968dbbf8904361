import { App } from 'antd';
import { useCallback } from 'react';
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
