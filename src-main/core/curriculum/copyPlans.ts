import { activeRows, rowKey } from '../../../src-shared/domain/curriculum/effectivePlan';
import { groupLabel, groupNos } from '../../../src-shared/domain/curriculum/loadRows';
import { subjectGroups } from '../../../src-shared/domain/curriculum/checks';
import { shortName } from '../../../src-shared/domain/names';
import type { HandlerContext } from '../foundation/context';
import { writableYear } from '../schoolSetup/index';
import { insertAssignment, reassign, staffForCopy } from './repo/assignments';
import { deletePlanRecord, insertPlan, updatePlanHeader, writeRows } from './repo/plans';
import { classEffective, loadYearData, subjectNameOf, type YearData } from './repo/yearData';
import type { Executor } from '../foundation/executor';
import { nowIso } from '../foundation/clock';
import { refusal } from '../foundation/refusals';
import { emitChanged } from '../foundation/events';

/**
 * «Copy from last year»: grade plans by grade; a class's own plan and every teacher assignment
 * follow the class to its successor in the new year (`school_class.previous_class_id`, set by the
 * year rollover: 5А → 6А), so a teacher keeps their classes. What cannot follow is listed, not lost.
 */
export interface CopyResult {
  gradePlans: number[];
  classPlans: { from: string; to: string }[];
  assignments: number;
  skipped: string[];
}

async function copyGradePlans(trx: Executor, from: YearData, to: YearData, replace: boolean, at: string, out: CopyResult): Promise<void> {
  for (const [grade, plan] of [...from.gradePlans].sort((a, b) => a[0] - b[0])) {
    const existing = to.gradePlans.get(grade);
    if (existing && !replace) {
      out.skipped.push(`План ${grade} классов: в ${to.year.name} уже есть — не заменён`);
      continue;
    }
    const rows = plan.rows.filter((r) => !r.excluded);
    if (existing) {
      await updatePlanHeader(trx, existing, { weeksPerYear: plan.weeksPerYear, note: plan.note }, at);
      await writeRows(trx, existing.id, rows);
    } else {
      await writeRows(trx, await insertPlan(trx, { yearId: to.year.id, grade, classId: null, weeksPerYear: plan.weeksPerYear, note: plan.note }, at), rows);
    }
    out.gradePlans.push(grade);
  }
}

async function copyClassPlans(trx: Executor, from: YearData, to: YearData, replace: boolean, at: string, out: CopyResult): Promise<void> {
  for (const [classId, plan] of from.classPlans) {
    const source = from.classes.find((c) => c.id === classId);
    if (!source) continue;
    const next = to.classes.find((c) => c.previousClassId === classId);
    if (!next) {
      out.skipped.push(`Свой план класса ${source.name}: в ${to.year.name} нет класса, который его продолжает`);
      continue;
    }
    const existing = to.classPlans.get(next.id);
    if (existing && !replace) {
      out.skipped.push(`Свой план класса ${next.name}: уже есть — не заменён`);
      continue;
    }
    // The class moves up a grade: rows it dropped from the old grade's plan mean nothing in the new one.
    const nextGrade = new Set((to.gradePlans.get(next.grade)?.rows ?? []).map(rowKey));
    const rows = plan.rows.filter((r) => !r.excluded || nextGrade.has(rowKey(r)));
    if (existing) await deletePlanRecord(trx, existing.id);
    await writeRows(trx, await insertPlan(trx, { yearId: to.year.id, grade: next.grade, classId: next.id, weeksPerYear: plan.weeksPerYear, note: plan.note }, at), rows);
    out.classPlans.push({ from: source.name, to: next.name });
  }
}

async function copyLoad(trx: Executor, from: YearData, to: YearData, replace: boolean, at: string, out: CopyResult): Promise<void> {
  const subject = subjectNameOf(from);
  const staff = new Map((await staffForCopy(trx)).map((s) => [s.id, s]));
  const taken = new Map(to.assignments.map((a) => [`${a.classId}|${a.subjectId}|${a.groupNo}`, a]));
  const groupsOf = new Map(to.classes.map((c) => [c.id, subjectGroups(activeRows(classEffective(to, c)))]));
  for (const a of from.assignments) {
    const source = from.classes.find((c) => c.id === a.classId);
    const next = to.classes.find((c) => c.previousClassId === a.classId);
    const teacher = staff.get(a.staffId);
    const who = teacher ? shortName(teacher) : 'учитель';
    const what = `${source?.name ?? '?'}, «${subject(a.subjectId)}»${a.groupNo ? ` (${groupLabel(a.groupNo)})` : ''}, ${who}`;
    if (!next) {
      out.skipped.push(`${what}: класс не продолжается в ${to.year.name}`);
      continue;
    }
    if (teacher?.dismissalDate && teacher.dismissalDate <= to.year.startDate) {
      out.skipped.push(`${what}: учитель уволен`);
      continue;
    }
    const groups = groupsOf.get(next.id)?.get(a.subjectId);
    if (groups === undefined) {
      out.skipped.push(`${what}: в плане ${next.name} нет этого предмета`);
      continue;
    }
    if (!groupNos(groups).includes(a.groupNo)) {
      out.skipped.push(`${what}: в ${next.name} предмет ${groups > 1 ? `делится на ${groups} подгруппы` : 'не делится на подгруппы'}`);
      continue;
    }
    const key = `${next.id}|${a.subjectId}|${a.groupNo}`;
    const there = taken.get(key);
    if (there && !replace) continue;
    if (there) await reassign(trx, there, a.staffId, at);
    else await insertAssignment(trx, { yearId: to.year.id, classId: next.id, subjectId: a.subjectId, groupNo: a.groupNo }, a.staffId, at);
    out.assignments++;
  }
}

export async function copyFromYear(ctx: HandlerContext, fromYearId: string, toYearId: string, includeLoad: boolean, replace: boolean): Promise<CopyResult> {
  if (fromYearId === toYearId) throw refusal('Копирование учебного плана: выберите другой учебный год — нельзя копировать год в самого себя');
  const at = nowIso();
  const result = await ctx.core.db.transaction().execute(async (trx) => {
    await writableYear(trx, toYearId);
    const from = await loadYearData(trx, fromYearId);
    const out: CopyResult = { gradePlans: [], classPlans: [], assignments: 0, skipped: [] };
    await copyGradePlans(trx, from, await loadYearData(trx, toYearId), replace, at, out);
    await copyClassPlans(trx, from, await loadYearData(trx, toYearId), replace, at, out);
    if (includeLoad) await copyLoad(trx, from, await loadYearData(trx, toYearId), replace, at, out);
    const to = await loadYearData(trx, toYearId);
    await ctx.audit.record(trx, {
      recordId: toYearId,
      action: 'create',
      changes: { from: from.year.name, to: to.year.name, gradePlans: out.gradePlans, classPlans: out.classPlans.map((c) => `${c.from} → ${c.to}`), assignments: out.assignments, skipped: out.skipped.length },
      cause: `копирование учебного плана из ${from.year.name}`,
    });
    return out;
  });
  emitChanged(ctx, 'curriculumPlan');
  emitChanged(ctx, 'teachingAssignment');
  return result;
}
