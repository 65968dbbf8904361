import type { FormInstance } from 'antd';
import type { ErrorBody } from '../../src-shared/errors';

/** The core's refusal carried by an RTK Query result, if the call was refused. */
export function errorOf(result: unknown): ErrorBody | undefined {
  return (result as { error?: ErrorBody }).error;
}

/** The Russian message of a refused call (null when it succeeded). */
export function errorText(result: unknown, fallback = 'Не удалось выполнить операцию'): string | null {
  const error = errorOf(result);
  if (!error) return null;
  return error.message ?? fallback;
}

/** Puts the server's per-field messages next to the fields; returns the text for the form's banner. */
export function showServerError(form: FormInstance, error: ErrorBody | undefined): string {
  if (!error) return 'Неизвестная ошибка';
  const issues = error.details?.issues ?? [];
  if (issues.length) {
    form.setFields(
      issues.map((i) => ({
        name: i.path.split('.')[0],
        errors: [i.message.replace(/^поле «[^»]+»: /, '')],
      })),
    );
  }
  return error.message;
}
