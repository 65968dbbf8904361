import type { FormRule } from 'antd';
import { checkLogin, checkPassword } from '../../../src-shared/domain/passwordPolicy';

/** Form rules from the same policy the server checks. */
export function passwordRule(loginField?: string): FormRule {
  return (form) => ({
    validator: async (_rule, value: string | undefined) => {
      const problem = checkPassword(value ?? '', loginField ? form.getFieldValue(loginField) : null);
      if (problem) throw new Error(problem);
    },
  });
}

export function repeatRule(field: string): FormRule {
  return (form) => ({
    validator: async (_rule, value: string | undefined) => {
      if (value !== form.getFieldValue(field)) throw new Error('пароли не совпадают');
    },
  });
}

export const loginRule: FormRule = {
  validator: async (_rule, value: string | undefined) => {
    const problem = checkLogin((value ?? '').trim());
    if (problem) throw new Error(problem);
  },
};
