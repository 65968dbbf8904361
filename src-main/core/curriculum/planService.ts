import type { PlanDetail } from '../../../src-shared/contract/curriculum';
import { activeRows, classOverrides, rowKey, sameRow, type ClassRow, type PlanRow } from '../../../src-shared/domain/curriculum/effectivePlan';
import { formatHoursList, normaliseHours } from '../../../src-shared/domain/curriculum/hours';
import { defaultYearWeeks } from '../../../src-shared/domain/curriculum/norms';
import { PART_SHORT } from '../../../src-shared/domain/curriculum/parts';
import type { HandlerContext } from '../foundation/context';
import { writableYear } from '../schoolSetup/index';
import { classesWithOwnPlan, classNameOf, deletePlanRecord, findPlan, insertPlan, planById, updatePlanHeader, writeRows } from './repo/plans';
import { planDetail } from './planView';
import { classEffective, loadYearData, periodsOf, subjectNameOf, type YearData } from './repo/yearData';
import type { Executor } from '../foundation/executor';
import { nowIso } from '../foundation/clock';
import { isUniqueViolation } from '../foundation/dbErrors';
import { expectVersion, notFound, refusal, refusalOf } from '../foundation/refusals';
import { emitChanged } from '../foundation/events';

const RECORD = 'Учебный план';

export interface SavePlanInput {
  yearId: string;
  grade: number;
  classId: string | null;
  version: number;
  weeksPerYear: number | null;
  note: string | null;
  rows: PlanRow[];
}

function planName(grade: number, className: string | null): string {
  return className ? `${RECORD} класса ${className}` : `${RECORD} ${grade} классов`;
}

/** Refuses duplicate rows, unknown or archived subjects and hours for another number of periods, naming each row. */
function validateRows(data: YearData, input: SavePlanInput, before: readonly PlanRow[], name: string): PlanRow[] {
  const periods = periodsOf(data, input.grade).length;
  const had = new Set(before.map((r) => r.subjectId));
  const seen = new Map<string, number>();
  const problems: string[] = [];
  const rows = input.rows.map((r) => ({ ...r, hours: normaliseHours(r.hours) }));
  rows.forEach((r, i) => {
    const subject = data.subjects.get(r.subjectId);
    const where = `строка ${i + 1}${subject ? ` («${subject.name}», ${PART_SHORT[r.part]} часть)` : ''}`;
    if (!subject) problems.push(`${where}: предмет не найден — возможно, его удалили; обновите страницу`);
    else if (subject.isArchived && !had.has(r.subjectId)) problems.push(`${where}: предмет в архиве — верните его из архива в справочнике предметов`);
    const key = rowKey(r);
    const first = seen.get(key);
    if (first !== undefined) problems.push(`${where}: этот предмет в этой части плана уже есть в строке ${first + 1}`);
    else seen.set(key, i);
    if (r.hours.length !== 1 && r.hours.length !== periods) problems.push(`${where}: часы указаны для ${r.hours.length} периодов, а у ${input.grade} класса их ${periods}`);
  });
  if (problems.length) throw refusalOf(name, problems);
  return rows;
}

function describeRow(data: YearData, r: PlanRow): string {
  return `${subjectNameOf(data)(r.subjectId)} (${PART_SHORT[r.part]}): ${formatHoursList(r.hours)} ч`;
}

/** What changed between two versions of a plan, for the audit log. */
function rowChanges(data: YearData, before: readonly PlanRow[], after: readonly PlanRow[]) {
  const was = new Map(before.map((r) => [rowKey(r), r]));
  const now = new Map(after.map((r) => [rowKey(r), r]));
  return {
    added: after.filter((r) => !was.has(rowKey(r))).map((r) => describeRow(data, r)),
    removed: before.filter((r) => !now.has(rowKey(r))).map((r) => describeRow(data, r)),
    changed: after
      .filter((r) => was.has(rowKey(r)) && !sameRow(was.get(rowKey(r)) as PlanRow, r))
      .map((r) => `${describeRow(data, was.get(rowKey(r)) as PlanRow)} → ${formatHoursList(r.hours)} ч, подгрупп ${r.groups}, сдвоенных ${r.doubles}, аттестация: ${r.assessment ?? '—'}`),
  };
}

async function saveWithin(ctx: HandlerContext, trx: Executor, input: SavePlanInput, at: string): Promise<void> {
  await writableYear(trx, input.yearId);
  const data = await loadYearData(trx, input.yearId);
  const cls = input.classId ? data.classes.find((c) => c.id === input.classId) : undefined;
  if (input.classId && !cls) throw notFound('Класс');
  if (cls && cls.grade !== input.grade) throw refusal(`${RECORD}: класс ${cls.name} не относится к ${input.grade} классам`);
  const name = planName(input.grade, cls?.name ?? null);
  const existing = await findPlan(trx, input.yearId, input.grade, cls?.id ?? null);
  if (!existing && input.version !== 0) throw notFound(name);
  if (existing) expectVersion(existing, input.version, name);
  const before: PlanRow[] = cls ? activeRows(classEffective(data, cls)) : (existing?.rows.filter((r) => !r.excluded) ?? []);
  const rows = validateRows(data, input, before, name);
  const stored: ClassRow[] = cls
    ? classOverrides(data.gradePlans.get(input.grade)?.rows.filter((r) => !r.excluded) ?? [], rows)
    : rows.map((r) => ({ ...r, excluded: false }));
  const weeksPerYear = cls ? (data.gradePlans.get(input.grade)?.weeksPerYear ?? defaultYearWeeks(input.grade)) : (input.weeksPerYear ?? existing?.weeksPerYear ?? defaultYearWeeks(input.grade));
  let planId = existing?.id ?? null;
  if (cls && stored.length === 0 && !input.note) {
    // The class is now the same as its grade: it keeps no plan of its own, so later grade changes reach it.
    // (A note alone — «АООП, вариант 7.2» — is kept as a plan without rows.)
    if (existing) await deletePlanRecord(trx, existing.id);
  } else if (existing) {
    await updatePlanHeader(trx, existing, { weeksPerYear, note: input.note }, at);
    await writeRows(trx, existing.id, stored);
  } else {
    planId = await insertPlan(trx, { yearId: input.yearId, grade: input.grade, classId: cls?.id ?? null, weeksPerYear, note: input.note }, at);
    await writeRows(trx, planId, stored);
  }
  await ctx.audit.record(trx, {
    recordId: planId ?? cls?.id ?? null,
    action: existing ? 'update' : 'create',
    changes: { plan: name, year: data.year.name, ...rowChanges(data, before, rows), ...(existing && existing.note !== input.note ? { note: [existing.note, input.note] } : {}) },
  });
}

export async function savePlan(ctx: HandlerContext, input: SavePlanInput): Promise<PlanDetail> {
  const at = nowIso();
  await ctx.core.db
    .transaction()
    .execute((trx) => saveWithin(ctx, trx, input, at))
    .catch((err: unknown) => {
      // Two first saves of the same plan at once: the second finds the unique key taken.
      if (isUniqueViolation(err)) throw refusal(`${planName(input.grade, null)}: план только что создал другой пользователь — обновите страницу`);
      throw err;
    });
  emitChanged(ctx, 'curriculumPlan');
  return planDetail(await loadYearData(ctx.core.db, input.yearId), input.grade, input.classId);
}

export async function deletePlan(ctx: HandlerContext, id: string, version: number): Promise<{ deleted: boolean }> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const plan = await planById(trx, id);
    if (!plan) throw notFound(RECORD);
    await writableYear(trx, plan.yearId);
    const name = planName(plan.grade, plan.classId ? ((await classNameOf(trx, plan.classId)) ?? null) : null);
    expectVersion(plan, version, name);
    if (!plan.classId) {
      const own = await classesWithOwnPlan(trx, plan.yearId, plan.grade);
      if (own.length) throw refusal(`${name}: у классов ${own.join(', ')} свой план на его основе — сначала верните их к плану параллели`);
    }
    await deletePlanRecord(trx, id);
    await ctx.audit.record(trx, { recordId: id, action: 'delete', changes: { plan: [name, null], rows: plan.rows.length } });
  });
  emitChanged(ctx, 'curriculumPlan', id);
  return { deleted: true };
}
