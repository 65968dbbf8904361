import type { FormInstance } from 'antd';
import type { ErrorBody } from '../../../src-shared/errors';

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

export function errorOf(result: unknown): ErrorBody | undefined {
  return (result as { error?: ErrorBody }).error;
}
