import type { CheckResult } from '../../../src-shared/domain/deadlines/generateTasks';
import { lastChangeTrace } from '../audit/index';
import { loadYearData, overview } from '../curriculum/index';
import type { HandlerContext } from '../foundation/context';
import { checkYearSetup, getSchoolCard, listSchemes } from '../schoolSetup/index';
import type { SchoolClass } from '../../../src-shared/contract/classes';
import { approvedCoverage } from '../timetable/index';
import { localDate } from './localDate';

/**
 * The checks of a year's data behind the «by 15 September» tasks (work order 5.1): what the app can
 * see for itself. Each answers done or not, what is still missing, and the last change of the
 * checked data (when and by whom, from the audit log) as the day it was done.
 */

const CARD_FIELDS = {
  fullName: 'полное наименование',
  inn: 'ИНН',
  ogrn: 'ОГРН',
  legalAddress: 'юридический адрес',
  directorName: 'директор',
  licenseNumber: 'номер лицензии',
  licenseDate: 'дата лицензии',
} as const;

function listed(items: readonly string[], max = 3): string {
  return items.length > max ? `${items.slice(0, max).join('; ')} и ещё ${items.length - max}` : items.join('; ');
}

async function traced(ctx: HandlerContext, entities: string[], ids: string[]): Promise<{ on: string | null; by: string | null }> {
  const t = await lastChangeTrace(ctx.core.db, entities, ids);
  return t ? { on: localDate(t.at), by: t.userName } : { on: null, by: null };
}

/** Work order 2.1 «Администратор»: the school card and the year's set-up without remarks. */
export async function schoolDataCheck(ctx: HandlerContext, yearId: string, classes: readonly SchoolClass[]): Promise<CheckResult> {
  const { card } = await getSchoolCard(ctx);
  const problems: string[] = [];
  if (!card) problems.push('нет карточки ОО');
  else {
    const empty = (Object.keys(CARD_FIELDS) as (keyof typeof CARD_FIELDS)[]).filter((k) => !card[k]).map((k) => CARD_FIELDS[k]);
    if (empty.length) problems.push(`в карточке ОО не заполнено: ${empty.join(', ')}`);
  }
  // The production calendar is the administrator's too, but its warnings have their own banner.
  problems.push(...(await checkYearSetup(ctx, yearId)).problems.filter((p) => p.area !== 'production').map((p) => p.message));
  const schemes = await listSchemes(ctx.core.db, yearId);
  const when = await traced(ctx, ['school', 'academicYear', 'studyPeriodScheme', 'schoolClass'], ['main', yearId, ...schemes.map((s) => s.id), ...classes.map((c) => c.id)]);
  const done = problems.length === 0;
  return { done, on: done ? when.on : null, by: done ? when.by : null, progress: done ? 'карточка ОО заполнена, замечаний к учебному году нет' : listed(problems) };
}

/** Work order 5.1: every class has a curriculum (its grade's or its own) and no plan has errors. */
export async function curriculumCheck(ctx: HandlerContext, yearId: string): Promise<CheckResult> {
  const data = await loadYearData(ctx.core.db, yearId);
  const view = overview(data);
  const withoutPlan = view.grades.flatMap((g) => (g.planId ? [] : g.classes.filter((c) => !c.hasOwnPlan).map((c) => c.name)));
  const errors = view.grades.reduce((n, g) => n + g.errors, 0) + view.levelProblems.filter((p) => p.severity === 'error').length;
  const problems: string[] = [];
  if (data.classes.length === 0) problems.push('в учебном году нет классов');
  if (withoutPlan.length) problems.push(`нет учебного плана: ${listed(withoutPlan, 8)}`);
  if (errors) problems.push(`ошибок в учебных планах: ${errors}`);
  const planIds = [...data.gradePlans.values(), ...data.classPlans.values()].map((p) => p.id);
  const when = planIds.length ? await traced(ctx, ['curriculumPlan', 'curriculum'], planIds) : { on: null, by: null };
  const done = problems.length === 0;
  return { done, on: done ? when.on : null, by: done ? when.by : null, progress: done ? `учебные планы всех классов без ошибок (${data.classes.length} кл.)` : problems.join('; ') };
}

/**
 * Work order 5.4: an approved timetable covering every class of the year. Done on the day the first
 * version placing lessons for all of them was approved, by whoever approved it.
 */
export async function timetableCheck(ctx: HandlerContext, yearId: string, classes: readonly SchoolClass[]): Promise<CheckResult> {
  if (classes.length === 0) return { done: false, on: null, by: null, progress: 'в учебном году нет классов' };
  const versions = await approvedCoverage(ctx.core.db, yearId);
  if (versions.length === 0) return { done: false, on: null, by: null, progress: 'нет утверждённого расписания' };
  const full = versions.find((v) => classes.every((c) => v.classIds.includes(c.id)));
  if (full) return { done: true, on: localDate(full.approvedAt), by: full.approvedByName, progress: `расписание утверждено для всех классов (${classes.length} кл.)` };
  const latest = versions[versions.length - 1];
  const missing = classes.filter((c) => !latest.classIds.includes(c.id)).map((c) => c.name);
  return { done: false, on: null, by: null, progress: `в утверждённом расписании нет уроков: ${listed(missing, 8)}` };
}
