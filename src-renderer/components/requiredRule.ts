import type { Rule } from 'antd/es/form';

/**
 * The form's rule of a required field (issue 24): the asterisk comes with it, and an empty field is
 * named in Russian at once, before the server refuses the same with the same field. Dates are left to
 * their own check (an impossible date is «такой даты нет», never «заполните»).
 */
export function requiredRule(label: string): Rule[] {
  return [{ required: true, whitespace: true, message: `Заполните поле «${label}»` }];
}
