import { z } from './zodRu';
import { mutation, query } from './define';
import { isoDate, optText, reqText, version } from './fields';
import { exportedFile } from './files';
import { ROLE_IDS, type RoleId } from './access';
import { ANCHOR_IDS, CHECK_IDS, CONFIRM_IDS, DIRECTION_IDS, UNIT_IDS, isMonthDay, type AnchorId, type CheckId, type ConfirmMode, type Direction, type UnitId } from '../domain/deadlines/ruleModel';
import { TASK_STATUS_IDS, type TaskStatus } from '../domain/deadlines/taskStatus';

/**
 * The deadline monitor (issue 20): the work order's rules as data, the tasks they make from the
 * school's data, each role's home screen (today, this week, late), the owner's tick with a note, and
 * the director's journal of compliance with its Excel file.
 */
const role = z.enum(ROLE_IDS as [RoleId, ...RoleId[]], 'выберите роль из списка');
const ruleKey = z.string().trim().min(1, 'обязательное поле').max(60, 'не длиннее 60 символов');

export const RULE_LABELS: Record<string, string> = {
  key: 'Правило',
  'rule.title': 'Что сделать',
  'rule.description': 'Подробности',
  'rule.role': 'Ответственный',
  'rule.anchor': 'От какого события считается срок',
  'rule.monthDay': 'День и месяц',
  'rule.offset': 'Срок',
  'rule.unit': 'Единица срока',
  'rule.direction': 'До или после события',
  'rule.confirm': 'Как отмечается выполнение',
  'rule.check': 'Что проверяет программа',
  'rule.section': 'Пункт регламента',
  'rule.link': 'Экран программы',
  'rule.isActive': 'Правило действует',
  version: 'Версия',
  taskKey: 'Задача',
  note: 'Комментарий',
  doneOn: 'Дата выполнения',
  from: 'Начало периода',
  to: 'Конец периода',
  // Fields of the rule's and the task's history in the audit log.
  amount: 'Срок (число)',
  checkKind: 'Что проверяет программа',
  task: 'Задача',
  dueDate: 'Срок',
  doneBy: 'Кем выполнено',
  term: 'Срок (число)',
};

export const ruleInput = z.object({
  title: reqText(200),
  description: optText(1000),
  role,
  anchor: z.enum(ANCHOR_IDS as [AnchorId, ...AnchorId[]], 'неизвестное событие: выберите событие из списка'),
  monthDay: optText(5).refine((v) => v === null || isMonthDay(v), 'день и месяц в виде ММ-ДД, например 09-15'),
  offset: z
    .number({ error: 'укажите число дней' })
    .int('срок — целое число')
    .min(0, 'срок не может быть отрицательным: направление «до» или «после» задаётся отдельно')
    .max(366, 'не больше 366'),
  unit: z.enum(UNIT_IDS as [UnitId, ...UnitId[]], 'единица срока: рабочие дни, календарные дни или недели'),
  direction: z.enum(DIRECTION_IDS as [Direction, ...Direction[]], 'выберите «до» или «после» события'),
  confirm: z.enum(CONFIRM_IDS as [ConfirmMode, ...ConfirmMode[]], 'выберите, как отмечается выполнение'),
  check: z.enum(CHECK_IDS as [CheckId, ...CheckId[]], 'неизвестная проверка').nullable().optional().transform((v) => v ?? null),
  section: reqText(200),
  link: optText(200).refine((v) => v === null || v.startsWith('/'), 'экран программы — путь, начинающийся с «/»'),
  isActive: z.boolean(),
});
export type RuleInput = z.input<typeof ruleInput>;

export const ruleRow = z.object({
  key: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  role: z.string(),
  anchor: z.string(),
  monthDay: z.string().nullable(),
  offset: z.number().int(),
  unit: z.string(),
  direction: z.string(),
  confirm: z.string(),
  check: z.string().nullable(),
  section: z.string(),
  source: z.enum(['workOrder', 'federal', 'school']),
  reportKey: z.string().nullable(),
  link: z.string().nullable(),
  isActive: z.boolean(),
  /** The term in words: «не позднее 3 рабочих дней после приказа о зачислении». */
  term: z.string(),
  /** Dated rules make tasks; standing ones («постоянно», «в день урока») are reminders. */
  standing: z.boolean(),
  /** `shipped` — as delivered; `edited` — the administrator's copy of a shipped rule; `own` — the school's. */
  origin: z.enum(['shipped', 'edited', 'own']),
  /** For an edited rule: the shipped term, to compare. */
  shippedTerm: z.string().nullable(),
  version,
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type RuleRow = z.output<typeof ruleRow>;

const status = z.enum(TASK_STATUS_IDS as [TaskStatus, ...TaskStatus[]]);

export const taskRow = z.object({
  key: z.string(),
  ruleKey: z.string(),
  title: z.string(),
  subject: z.string(),
  role: z.string(),
  /** «Завуч: Петрова А. В.» — the role and who holds it, or the class teacher of the class. */
  owner: z.string(),
  classId: z.string().nullable(),
  anchorDate: z.string(),
  dueDate: z.string().nullable(),
  dueProblem: z.string().nullable(),
  forecast: z.boolean(),
  confirm: z.enum(CONFIRM_IDS as [ConfirmMode, ...ConfirmMode[]]),
  status,
  doneOn: z.string().nullable(),
  doneBy: z.string().nullable(),
  note: z.string().nullable(),
  progress: z.string().nullable(),
  link: z.string().nullable(),
  section: z.string(),
  /** The caller may tick it done (their role's task the app cannot check itself). */
  canTick: z.boolean(),
  /** The caller may take their tick back. */
  canUntick: z.boolean(),
  completionVersion: z.number().int().nullable(),
});
export type TaskRow = z.output<typeof taskRow>;

export const standingRow = z.object({ key: z.string(), title: z.string(), term: z.string(), role: z.string(), section: z.string(), link: z.string().nullable() });
export type StandingRow = z.output<typeof standingRow>;

const counts = z.object({ late: z.number().int(), today: z.number().int(), week: z.number().int(), noDate: z.number().int() });

export const homeView = z.object({
  today: z.string(),
  /** `mine` — the caller's roles (and classes); `all` — the whole school with owners (the director). */
  scope: z.enum(['mine', 'all']),
  late: z.array(taskRow),
  dueToday: z.array(taskRow),
  week: z.array(taskRow),
  noDate: z.array(taskRow),
  standing: z.array(standingRow),
  counts,
  /** Years without (or only with a forecast of) the production calendar: deadlines there are not computed (or may move). */
  calendarWarnings: z.array(z.string()),
});
export type HomeView = z.output<typeof homeView>;

export const journalRow = z.object({
  key: z.string(),
  title: z.string(),
  subject: z.string(),
  section: z.string(),
  owner: z.string(),
  dueDate: z.string().nullable(),
  doneOn: z.string().nullable(),
  doneBy: z.string().nullable(),
  note: z.string().nullable(),
  status,
  /** On time, late, or neither yet (open, a reminder). */
  compliance: z.enum(['onTime', 'late']).nullable(),
  /** The task's rule is switched off or its record was deleted: kept as history. */
  historyOnly: z.boolean(),
});
export type JournalRow = z.output<typeof journalRow>;

const journalInput = z
  .object({ from: isoDate, to: isoDate, role: role.optional() })
  .refine((v) => v.from <= v.to, { message: 'конец периода раньше его начала', path: ['to'] });

export const deadlinesContract = {
  /** Every rule: the shipped ones (as shipped or as the administrator changed them) and the school's own. */
  'deadlines.rules.list': query({
    summary: 'Правила сроков (регламент)',
    right: 'deadlines.read',
    input: z.object({}).optional(),
    output: z.object({ rules: z.array(ruleRow) }),
  }),
  /**
   * Saves a rule (a new own rule when `key` is null). Open tasks of the rule are recomputed; done
   * ones keep the date they were due. An unknown event or a negative offset is refused with the field named.
   */
  'deadlines.rules.save': mutation({
    summary: 'Сохранить правило срока',
    right: 'deadlines.rules',
    entity: 'deadline',
    record: 'Правило срока',
    labels: RULE_LABELS,
    input: z.object({ key: ruleKey.nullable(), version, rule: ruleInput }),
    output: z.object({ rule: ruleRow, frozen: z.number().int(), redated: z.number().int() }),
  }),
  /** A shipped rule goes back to the shipped text; the school's own rule is deleted. Done tasks keep their history. */
  'deadlines.rules.reset': mutation({
    summary: 'Вернуть правило к поставляемому (удалить своё)',
    right: 'deadlines.rules',
    entity: 'deadline',
    record: 'Правило срока',
    labels: RULE_LABELS,
    input: z.object({ key: ruleKey, version }),
    output: z.object({ rule: ruleRow.nullable(), frozen: z.number().int(), redated: z.number().int() }),
  }),
  /** The caller's home screen: late, today, the next seven days — their roles' tasks, or everything with owners for the director. */
  'deadlines.home': query({
    summary: 'Сроки на главной странице',
    right: 'deadlines.read',
    input: z.object({ scope: z.enum(['mine', 'all']).optional() }).optional(),
    output: homeView,
  }),
  /** Counts for the menu and the desktop's daily notice. */
  'deadlines.counts': query({
    summary: 'Число просроченных и срочных задач',
    right: 'deadlines.read',
    input: z.object({}).optional(),
    output: z.object({ on: z.string(), userId: z.string(), counts, lateTitles: z.array(z.string()) }),
  }),
  /** The owner marks a task done (with a note); the app cannot see it done in its own data. */
  'deadlines.tasks.tick': mutation({
    summary: 'Отметить задачу выполненной',
    right: 'deadlines.read',
    entity: 'deadline',
    record: 'Задача',
    labels: RULE_LABELS,
    input: z.object({ taskKey: z.string().min(1).max(300), note: optText(1000), doneOn: isoDate.optional() }),
    output: taskRow,
  }),
  /** Takes a tick back (a mistake); the log keeps both. */
  'deadlines.tasks.untick': mutation({
    summary: 'Снять отметку о выполнении',
    right: 'deadlines.read',
    entity: 'deadline',
    record: 'Задача',
    labels: RULE_LABELS,
    input: z.object({ taskKey: z.string().min(1).max(300), version }),
    output: taskRow,
  }),
  /** Every task due in a date range: due, done, by whom, late or on time. */
  'deadlines.journal': query({
    summary: 'Журнал соблюдения сроков',
    right: 'deadlines.journal',
    labels: RULE_LABELS,
    input: journalInput,
    output: z.object({ rows: z.array(journalRow), onTime: z.number().int(), late: z.number().int(), open: z.number().int() }),
  }),
  /** The journal as an Excel file; it names people (who did what), so the export is logged. */
  'deadlines.journal.export': query({
    summary: 'Выгрузить журнал соблюдения сроков в Excel',
    right: 'deadlines.journal',
    exportsPersonalData: true,
    labels: RULE_LABELS,
    input: journalInput,
    output: exportedFile,
  }),
};
