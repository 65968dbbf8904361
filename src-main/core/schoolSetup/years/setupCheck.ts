import type { SetupProblem } from '../../../../src-shared/contract/years';
import { missingYears, forecastYears } from '../../../../src-shared/domain/calendar/productionCalendar';
import { WEEKDAY_DATIVE_PLURAL } from '../../../../src-shared/domain/schoolSetup/bellSchedule';
import { formatGradeList } from '../../../../src-shared/domain/schoolSetup/gradeScope';
import { GRADES } from '../../../../src-shared/domain/schoolSetup/sanpinDifficulty';
import { weekLengthOf } from '../../../../src-shared/domain/calendar/schoolCalendar';
import type { HandlerContext } from '../../foundation/context';
import { loadSchoolCalendar } from '../repo/schoolCalendar';
import { bellDaysOfYear, classesForSetupCheck, yearBounds } from '../repo/years';
import { listSchemes } from '../repo/periods';
import { schemeGapWarnings } from './periodService';

/**
 * What is still missing or inconsistent in a year's set-up. Gaps between periods are reported here
 * (and as warnings when a scheme is saved) rather than refused, because the завуч usually enters the
 * periods before the holidays that will cover the gaps.
 */
export async function checkYearSetup(ctx: HandlerContext, yearId: string): Promise<{ problems: SetupProblem[] }> {
  const db = ctx.core.db;
  const { year, rows, production, calendar } = await loadSchoolCalendar(db, yearId, { logger: ctx.core.logger });
  const problems: SetupProblem[] = [];
  const schemes = await listSchemes(db, yearId);
  const classes = await classesForSetupCheck(db, yearId);

  const covered = new Set(schemes.flatMap((s) => s.grades));
  const gradesInUse = classes.length ? [...new Set(classes.map((c) => c.grade))] : [...GRADES];
  const uncovered = gradesInUse.filter((g) => !covered.has(g)).sort((a, b) => a - b);
  if (uncovered.length) problems.push({ area: 'periods', message: `Для параллелей ${formatGradeList(uncovered)} не заданы учебные периоды` });
  for (const s of schemes) {
    for (const message of schemeGapWarnings(s, calendar, yearBounds(year))) problems.push({ area: 'periods', message });
  }

  if (!rows.entries.some((e) => e.kind === 'holiday')) problems.push({ area: 'calendar', message: 'Не указаны каникулы' });

  if (classes.length === 0) {
    problems.push({ area: 'classes', message: 'В учебном году нет классов' });
  } else {
    const noTeacher = classes.filter((c) => !c.classTeacherId).map((c) => c.name);
    if (noTeacher.length) {
      problems.push({ area: 'classes', message: `Без классного руководителя: ${noTeacher.slice(0, 10).join(', ')}${noTeacher.length > 10 ? '…' : ''}` });
    }
  }

  const bells = await bellDaysOfYear(db, yearId);
  for (const shift of [...new Set(classes.map((c) => c.shift))].sort()) {
    const days = new Set<number>();
    for (const c of classes.filter((x) => x.shift === shift)) {
      const wl = c.weekLength === 5 || c.weekLength === 6 ? c.weekLength : weekLengthOf(calendar, c.grade);
      for (let d = 1; d <= wl; d++) days.add(d);
    }
    const have = new Set(bells.filter((b) => b.shift === shift).flatMap((b) => b.weekdays.split(',').map(Number)));
    const missing = [...days].filter((d) => !have.has(d)).sort();
    if (missing.length) {
      problems.push({ area: 'bells', message: `Для ${shift} смены нет расписания звонков по ${missing.map((d) => WEEKDAY_DATIVE_PLURAL[d - 1]).join(', ')}` });
    }
  }

  const spanned = [Number(year.startDate.slice(0, 4)), Number(year.endDate.slice(0, 4))];
  for (const y of missingYears(production, spanned)) {
    problems.push({ area: 'production', message: `В производственном календаре нет ${y} года: праздники и переносы этого года не учтены` });
  }
  for (const y of forecastYears(production).filter((f) => spanned.includes(f))) {
    problems.push({ area: 'production', message: `Производственный календарь на ${y} год — прогноз, постановление о переносе выходных не учтено` });
  }
  return { problems };
}
