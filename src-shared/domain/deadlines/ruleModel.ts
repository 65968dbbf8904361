/**
 * The work order's deadlines as data (issue 20): each rule says what must be done, by which role,
 * counted from which event or date, how many working or calendar days before or after it, and
 * where the rule comes from. The shipped set is in `defaultRules.ts`; the administrator edits a
 * copy of it (a school's own order may differ) and may add the school's own rules.
 */
import type { RoleId } from '../../contract/access';
import { plural } from '../plural';

/**
 * What a deadline counts from. Dated anchors make one task per occurrence in the school's data;
 * standing anchors (a lesson day, a document brought by a parent, «постоянно») have no date the app
 * can see, so their rules are shown as standing reminders.
 */
export const ANCHORS = {
  enrolmentOrder: { label: 'Приказ о зачислении обучающегося', phrase: 'приказа о зачислении', dated: true },
  hireOrder: { label: 'Приказ о приёме сотрудника на работу', phrase: 'приказа о приёме на работу', dated: true },
  transferInOrder: { label: 'Приказ о зачислении в порядке перевода из другой ОО', phrase: 'приказа о зачислении в порядке перевода', dated: true },
  transferOutOrder: { label: 'Приказ о выбытии в другую ОО', phrase: 'приказа о выбытии в другую ОО', dated: true },
  yearDate: { label: 'Дата учебного года (день и месяц)', phrase: '', dated: true },
  yearStart: { label: 'Начало учебного года', phrase: 'начала учебного года', dated: true },
  periodEnd: { label: 'Окончание учебного периода (по схеме периодов параллели)', phrase: 'окончания учебного периода', dated: true },
  schoolEvent: { label: 'Дата школьного мероприятия', phrase: 'даты школьного мероприятия', dated: true },
  classEvent: { label: 'Дата классного мероприятия', phrase: 'даты классного мероприятия', dated: true },
  holidayStart: { label: 'Начало каникул или выходного дня школы', phrase: 'начала каникул (выходного дня)', dated: true },
  dayTransfer: { label: 'Учебный день, на который переносится расписание', phrase: 'учебного дня, на который переносится расписание', dated: true },
  lessonDay: { label: 'День урока (постоянное правило)', phrase: 'дня урока', dated: false },
  absenceDocument: { label: 'Предоставление документа о причине пропуска (постоянное правило)', phrase: 'предоставления документа о причине пропуска', dated: false },
  continuous: { label: 'Постоянно', phrase: '', dated: false },
} as const;
export type AnchorId = keyof typeof ANCHORS;
export const ANCHOR_IDS = Object.keys(ANCHORS) as AnchorId[];

export const UNITS = {
  workingDays: { label: 'рабочих дней', forms: ['рабочий день', 'рабочих дня', 'рабочих дней'] },
  calendarDays: { label: 'календарных дней', forms: ['календарный день', 'календарных дня', 'календарных дней'] },
  weeks: { label: 'недель', forms: ['неделя', 'недели', 'недель'] },
} as const;
export type UnitId = keyof typeof UNITS;
export const UNIT_IDS = Object.keys(UNITS) as UnitId[];

export const DIRECTIONS = { before: 'до', after: 'после' } as const;
export type Direction = keyof typeof DIRECTIONS;
export const DIRECTION_IDS = Object.keys(DIRECTIONS) as Direction[];

/**
 * How the app learns that a task is done: from its own data (`data`, with a `check`), by the owner's
 * tick with a note (`owner`), or not at all (`none`: a reminder of a duty done in the portal by many
 * people, such as teachers' marks — shown before its date, never counted late).
 */
export const CONFIRMS = {
  data: 'Программа проверяет по своим данным',
  owner: 'Отмечает ответственный',
  none: 'Только напоминание (выполняется в портале)',
} as const;
export type ConfirmMode = keyof typeof CONFIRMS;
export const CONFIRM_IDS = Object.keys(CONFIRMS) as ConfirmMode[];

/** The checks the app can run on its own data, and the anchors each one fits. */
export const CHECKS = {
  accounts: { label: 'Учётные записи созданы и выданы', anchors: ['enrolmentOrder', 'hireOrder'] },
  entered: { label: 'Запись внесена в программу не позднее срока', anchors: ['schoolEvent', 'classEvent', 'holidayStart', 'dayTransfer'] },
  schoolData: { label: 'Карточка ОО заполнена, учебный год настроен без замечаний', anchors: ['yearDate', 'yearStart'] },
  curriculum: { label: 'У каждого класса есть учебный план без ошибок', anchors: ['yearDate', 'yearStart'] },
  timetable: { label: 'У каждого класса есть утверждённое расписание', anchors: ['yearDate', 'yearStart'] },
} as const satisfies Record<string, { label: string; anchors: readonly AnchorId[] }>;
export type CheckId = keyof typeof CHECKS;
export const CHECK_IDS = Object.keys(CHECKS) as CheckId[];

export const RULE_SOURCES = { workOrder: 'Порядок работы в АИС (приказ школы)', federal: 'Федеральный акт', school: 'Правило школы' } as const;
export type RuleSource = keyof typeof RULE_SOURCES;

/** A rule as the monitor uses it (the shipped one, the administrator's edit of it, or the school's own). */
export interface DeadlineRule {
  /** Stable: tasks, ticks and the reports catalogue refer to it. */
  key: string;
  title: string;
  /** Details: what exactly is entered or checked, which reports. */
  description: string | null;
  role: RoleId;
  anchor: AnchorId;
  /** `MM-DD` for `yearDate`: 15 September is `09-15` (of the year's autumn or, for Jan–Aug, its spring). */
  monthDay: string | null;
  offset: number;
  unit: UnitId;
  direction: Direction;
  confirm: ConfirmMode;
  check: CheckId | null;
  /** «3.6», «5.4»; for a federal rule the act and its item. */
  section: string;
  source: RuleSource;
  /** The report catalogue's key of the report this rule is about (issue 21), if any. */
  reportKey: string | null;
  /** The screen of the app where the task is done, e.g. `/accounts`. */
  link: string | null;
  isActive: boolean;
}

const MONTH_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

/** «15 сентября» for `09-15`. */
export function monthDayText(monthDay: string): string {
  const [m, d] = monthDay.split('-').map(Number);
  return `${d} ${MONTH_GENITIVE[m - 1] ?? '?'}`;
}

/** True for `MM-DD` of a day every year has (29 February is refused: it would vanish in three years of four). */
export function isMonthDay(value: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1];
}

/** The rule's term in words: «не позднее 3 рабочих дней после приказа о зачислении». */
export function describeTerm(rule: Pick<DeadlineRule, 'anchor' | 'monthDay' | 'offset' | 'unit' | 'direction'>): string {
  if (rule.anchor === 'continuous') return 'постоянно';
  const date = rule.anchor === 'yearDate' ? `${rule.monthDay ? monthDayText(rule.monthDay) : '(день и месяц не указаны)'} учебного года` : ANCHORS[rule.anchor].phrase;
  if (rule.offset === 0) return rule.direction === 'after' && rule.anchor !== 'yearDate' ? `в день ${date}` : `не позднее ${date}`;
  if (rule.direction === 'before') return `не позднее чем за ${plural(rule.offset, ACCUSATIVE[rule.unit])} до ${date}`;
  return `не позднее ${plural(rule.offset, GENITIVE[rule.unit])} после ${date}`;
}

/** «за 1 неделю / 2 недели / 5 недель». */
const ACCUSATIVE: Record<UnitId, readonly [string, string, string]> = {
  workingDays: ['рабочий день', 'рабочих дня', 'рабочих дней'],
  calendarDays: ['календарный день', 'календарных дня', 'календарных дней'],
  weeks: ['неделю', 'недели', 'недель'],
};

/** «не позднее 1 рабочего дня / 3 рабочих дней». */
const GENITIVE: Record<UnitId, readonly [string, string, string]> = {
  workingDays: ['рабочего дня', 'рабочих дней', 'рабочих дней'],
  calendarDays: ['календарного дня', 'календарных дней', 'календарных дней'],
  weeks: ['недели', 'недель', 'недель'],
};

/**
 * Problems of a rule's fields that the schema alone cannot see, as `{ field, message }` so the form
 * and the refusal name the field: a check that does not fit the anchor, a date of the year without
 * its day and month, a confirmation by data without a check.
 */
export function ruleProblems(rule: Pick<DeadlineRule, 'anchor' | 'monthDay' | 'offset' | 'confirm' | 'check'>): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (!Number.isInteger(rule.offset) || rule.offset < 0) out.push({ field: 'offset', message: 'срок — целое число дней не меньше 0 (направление «до» или «после» задаётся отдельно)' });
  if (rule.anchor === 'yearDate' && !rule.monthDay) out.push({ field: 'monthDay', message: 'для даты учебного года укажите день и месяц (ММ-ДД), например 09-15' });
  if (rule.monthDay && !isMonthDay(rule.monthDay)) out.push({ field: 'monthDay', message: `«${rule.monthDay}» — не день и месяц в виде ММ-ДД (29 февраля не подходит: его нет в трёх годах из четырёх)` });
  if (rule.confirm === 'data') {
    if (!rule.check) out.push({ field: 'check', message: 'выберите, что программа проверяет по своим данным, или отметку ответственным' });
    else if (!(CHECKS[rule.check].anchors as readonly AnchorId[]).includes(rule.anchor)) {
      out.push({ field: 'check', message: `проверка «${CHECKS[rule.check].label}» не подходит к событию «${ANCHORS[rule.anchor].label}»` });
    }
  }
  if (!ANCHORS[rule.anchor].dated && rule.confirm !== 'none') {
    out.push({ field: 'confirm', message: `у события «${ANCHORS[rule.anchor].label}» нет дат в программе: такое правило может быть только напоминанием` });
  }
  return out;
}
