/**
 * A task's state and where it goes on the home screen. One rule for the server, the screen and the
 * journal: a task is late when its date has passed and it is not done; done after its date is
 * «выполнено с опозданием»; a reminder (a duty done in the portal) is never late.
 */
import { addDays, type IsoDate } from '../calendar/dates';
import type { ConfirmMode } from './ruleModel';

export const TASK_STATUSES = {
  open: 'В работе',
  late: 'Просрочено',
  done: 'Выполнено',
  doneLate: 'Выполнено с опозданием',
  reminder: 'Напоминание',
  noDate: 'Срок не рассчитан',
} as const;
export type TaskStatus = keyof typeof TASK_STATUSES;
export const TASK_STATUS_IDS = Object.keys(TASK_STATUSES) as TaskStatus[];

export function taskStatus(t: { confirm: ConfirmMode; dueDate: IsoDate | null; done: boolean; doneOn: IsoDate | null }, today: IsoDate): TaskStatus {
  if (t.done) return t.dueDate && t.doneOn && t.doneOn > t.dueDate ? 'doneLate' : 'done';
  if (!t.dueDate) return 'noDate';
  if (t.confirm === 'none') return 'reminder';
  return t.dueDate < today ? 'late' : 'open';
}

export type HomeBucket = 'late' | 'today' | 'week' | 'noDate';

/** How long a task done late stays in «Просрочено» so its owner sees it (e.g. to warn the participants of an event). */
export const DONE_LATE_VISIBLE_DAYS = 7;
/** «На этой неделе»: the next seven days, so on a Friday the Monday deadlines are already there. */
export const WEEK_DAYS = 7;

/** The home screen's section of a task, or null when it is not shown there (done, far off, passed reminder). */
export function homeBucket(t: { status: TaskStatus; dueDate: IsoDate | null; doneOn: IsoDate | null }, today: IsoDate): HomeBucket | null {
  if (t.status === 'late') return 'late';
  if (t.status === 'doneLate') return t.doneOn && t.doneOn >= addDays(today, -(DONE_LATE_VISIBLE_DAYS - 1)) ? 'late' : null;
  if (t.status === 'noDate') return 'noDate';
  if ((t.status === 'open' || t.status === 'reminder') && t.dueDate) {
    if (t.dueDate === today) return 'today';
    if (t.dueDate > today && t.dueDate <= addDays(today, WEEK_DAYS)) return 'week';
  }
  return null;
}

/** Late or on time, as the compliance journal says it; null while it is neither (open, a reminder). */
export function complianceOf(status: TaskStatus): 'onTime' | 'late' | null {
  if (status === 'done') return 'onTime';
  if (status === 'doneLate' || status === 'late') return 'late';
  return null;
}
