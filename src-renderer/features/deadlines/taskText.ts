import { ROLES, type RoleId } from '../../../src-shared/contract/access';
import type { TaskRow } from '../../../src-shared/contract/deadlines';
import { diffDays } from '../../../src-shared/domain/calendar/dates';
import { TASK_STATUSES } from '../../../src-shared/domain/deadlines/taskStatus';
import { plural } from '../../../src-shared/domain/plural';
import { formatDateRu } from '../../components/format';

/** How a task's date reads on the home screen: «срок 26.10.2026, просрочено на 40 дн.». */
export function dueText(t: TaskRow, today: string): string {
  if (!t.dueDate) return 'срок не рассчитан';
  const days = diffDays(today, t.dueDate);
  const when = `срок ${formatDateRu(t.dueDate)}${t.forecast ? ' (по прогнозу календаря)' : ''}`;
  if (t.status === 'doneLate') return `${when}, внесено ${formatDateRu(t.doneOn)} — позже срока`;
  if (t.status === 'done') return `${when}, выполнено ${formatDateRu(t.doneOn)}`;
  if (days < 0) return `${when}, просрочено на ${plural(-days, ['день', 'дня', 'дней'])}`;
  if (days === 0) return `${when}, сегодня последний день`;
  return `${when}, осталось ${plural(days, ['день', 'дня', 'дней'])}`;
}

export const STATUS_COLORS: Record<TaskRow['status'], string> = {
  open: 'blue',
  late: 'red',
  done: 'green',
  doneLate: 'orange',
  reminder: 'purple',
  noDate: 'default',
};

export function statusLabel(status: TaskRow['status']): string {
  return status === 'doneLate' ? 'Внесено позже срока' : TASK_STATUSES[status];
}

export function roleLabel(role: string): string {
  return ROLES[role as RoleId] ?? role;
}
