import type { AccountRow } from './accounts';
import type { ListColumn } from './peopleColumns';
import { ACCOUNT_KIND_TITLES, ACCOUNT_STATUSES } from '../domain/portalAccounts';

/**
 * Columns of the portal-account list: the table on «Учётные записи портала» and its Excel export
 * show the same ones, in the same order. Never a password — only whether one is stored.
 */
const ru = (iso: string | null) => (iso ? iso.split('-').reverse().join('.') : null);

export function deadlineText(r: Pick<AccountRow, 'status' | 'dueDate' | 'overdue' | 'daysLeft'>): string | null {
  if (r.status === 'handedOver' || !r.dueDate) return null;
  const left = r.daysLeft ?? 0;
  const note = r.overdue ? `просрочено на ${-left} раб. дн.` : left === 0 ? 'сегодня последний день' : `осталось ${left} раб. дн.`;
  return `до ${ru(r.dueDate)} (${note})`;
}

export const ACCOUNT_COLUMNS: ListColumn<AccountRow>[] = [
  { key: 'personKind', title: 'Вид', width: 14, visible: true, value: (r) => ACCOUNT_KIND_TITLES[r.personKind] },
  { key: 'personName', title: 'ФИО', width: 32, visible: true, value: (r) => r.personName },
  { key: 'className', title: 'Класс', width: 10, visible: true, value: (r) => r.className },
  { key: 'status', title: 'Состояние', width: 16, visible: true, value: (r) => ACCOUNT_STATUSES[r.status] },
  { key: 'deadline', title: 'Срок', width: 36, visible: true, value: deadlineText },
  { key: 'order', title: 'Приказ', width: 18, visible: true, value: (r) => [r.orderNumber && `№ ${r.orderNumber}`, r.orderDate && `от ${ru(r.orderDate)}`].filter(Boolean).join(' ') || null },
  { key: 'exportFile', title: 'Файл выгрузки в портал', width: 28, visible: false, value: (r) => r.exportFile },
  { key: 'sentOn', title: 'Передано в портал', width: 12, visible: false, value: (r) => ru(r.sentOn) },
  { key: 'login', title: 'Логин', width: 18, visible: true, value: (r) => r.login },
  { key: 'hasPassword', title: 'Начальный пароль', width: 12, visible: true, value: (r) => (r.hasPassword ? 'сохранён' : null) },
  { key: 'createdOn', title: 'Создана в портале', width: 12, visible: false, value: (r) => ru(r.createdOn) },
  { key: 'handedOver', title: 'Выдана', width: 30, visible: true, value: (r) => (r.handedOverOn ? `${ru(r.handedOverOn)}, ${r.handedOverTo ?? ''}` : r.exportFile ? `файл: ${r.exportFile}` : null) },
  { key: 'handedOverBy', title: 'Кто выдал', width: 24, visible: false, value: (r) => r.handedOverBy },
];
