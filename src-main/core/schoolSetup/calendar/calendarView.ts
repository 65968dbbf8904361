import type { CalendarView } from '../../../../src-shared/contract/calendar';
import { daysInMonth, diffDays, formatIsoDate, parseIsoDate } from '../../../../src-shared/domain/calendar/dates';
import { forecastYears, missingYears } from '../../../../src-shared/domain/calendar/productionCalendar';
import { holidaysFor, weekLengthOf } from '../../../../src-shared/domain/calendar/schoolCalendar';
import { classifyRange, summarisePeriods, weeksText } from '../../../../src-shared/domain/schoolSetup/calendarDays';
import type { HandlerContext } from '../../foundation/context';
import { listSchemes } from '../repo/periods';
import { listEvents } from '../repo/calendarRecords';
import { loadClassCalendar, loadSchoolCalendar, type LoadedCalendar } from '../repo/schoolCalendar';
import { notFound, refusal } from '../../foundation/refusals';
import { classIdsOfGrade } from '../repo/classes';

/**
 * The year calendar of one grade (or one class): every date of the months the year touches,
 * classified, with the grade's study periods, holidays and the events that concern it.
 */
export async function calendarView(ctx: HandlerContext, yearId: string, grade: number, classId?: string | null): Promise<CalendarView> {
  const db = ctx.core.db;
  let loaded: LoadedCalendar;
  let className: string | null = null;
  if (classId) {
    const c = await loadClassCalendar(db, classId, ctx.core.logger);
    if (c.year.id !== yearId) throw refusal(`Класс ${c.className} не относится к выбранному учебному году`);
    loaded = c;
    grade = c.grade;
    className = c.className;
  } else {
    loaded = await loadSchoolCalendar(db, yearId, { logger: ctx.core.logger });
  }
  const { year, calendar, production } = loaded;
  if (!year) throw notFound('Учебный год');
  const start = parseIsoDate(year.startDate);
  const end = parseIsoDate(year.endDate);
  const from = formatIsoDate(start.year, start.month, 1);
  const to = formatIsoDate(end.year, end.month, daysInMonth(end.year, end.month));

  const events = await listEvents(db, yearId);
  let relevantClassIds: Set<string>;
  if (classId) {
    relevantClassIds = new Set([classId]);
  } else {
    relevantClassIds = new Set(await classIdsOfGrade(db, yearId, grade));
  }
  const byDate = new Map<string, CalendarView['days'][number]['events']>();
  for (const e of events) {
    if (e.classId && !relevantClassIds.has(e.classId)) continue;
    const list = byDate.get(e.date) ?? [];
    list.push({ id: e.id, title: e.className ? `${e.className}: ${e.title}` : e.title, startTime: e.startTime, classId: e.classId });
    byDate.set(e.date, list);
  }

  const days = classifyRange(calendar, grade, from, to).map((d) => ({ ...d, events: byDate.get(d.date) ?? [] }));
  const scheme = (await listSchemes(db, yearId)).find((s) => s.grades.includes(grade));
  const periods = scheme ? summarisePeriods(calendar, grade, scheme.periods) : [];
  const holidays = holidaysFor(calendar, grade).map((h) => ({ name: h.name, startDate: h.from, endDate: h.to, days: diffDays(h.from, h.to) + 1 }));
  const schoolDays = days.filter((d) => d.kind === 'school').length;
  const weekLength = weekLengthOf(calendar, grade);

  const spanned = [start.year, end.year];
  const warnings = [
    ...missingYears(production, spanned).map((y) => `Нет данных производственного календаря за ${y} год: праздники и переносы не учтены.`),
    ...forecastYears(production)
      .filter((y) => spanned.includes(y))
      .map((y) => `Производственный календарь на ${y} год — прогноз: даты могут измениться после постановления о переносе выходных.`),
  ];
  if (!scheme) warnings.push(`Для ${grade} параллели не заданы учебные периоды.`);

  return {
    yearId,
    yearName: year.name,
    startDate: year.startDate,
    endDate: year.endDate,
    grade,
    className,
    weekLength,
    days,
    periods,
    holidays,
    schoolDays,
    weeks: weeksText(schoolDays, weekLength),
    warnings,
  };
}
