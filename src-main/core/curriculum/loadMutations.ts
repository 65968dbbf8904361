import { groupLabel, loadKey, teacherTotals } from '../../../src-shared/domain/curriculum/loadRows';
import { describeLoad, loadStatus, type LoadSettings } from '../../../src-shared/domain/curriculum/rates';
import { AppError } from '../../../src-shared/errors';
import type { HandlerContext } from '../foundation/context';
import { writableYear } from '../schoolSetup/index';
import { deleteAssignment, insertAssignment, qualificationNames, reassign, staffExists, subjectsAmong, writeQualifications } from './repo/assignments';
import { loadStaff, readLoadSettings, writeLoadSettings } from './repo/loadStaff';
import { loadYearData, subjectNameOf, yearLoadRows } from './repo/yearData';
import { nowIso } from '../foundation/clock';
import { refusal, refusalOf } from '../foundation/refusals';
import { emitChanged } from '../foundation/events';

const RECORD = 'Нагрузка';

export interface AssignChange {
  classId: string;
  subjectId: string;
  groupNo: number;
  staffId: string | null;
  version: number;
}

/**
 * Sets or clears teachers of load rows in one transaction. Every change names the version of the
 * assignment it read (0 — none), so two завучи editing the same cell cannot overwrite each other.
 */
export async function assignTeachers(ctx: HandlerContext, yearId: string, changes: AssignChange[]): Promise<{ updated: number; warnings: string[] }> {
  const at = nowIso();
  const result = await ctx.core.db.transaction().execute(async (trx) => {
    await writableYear(trx, yearId);
    const data = await loadYearData(trx, yearId);
    const staff = await loadStaff(trx);
    const subject = subjectNameOf(data);
    const rows = yearLoadRows(data);
    const slots = new Map(rows.map((r) => [loadKey(r), r]));
    const existing = new Map(data.assignments.map((a) => [loadKey(a), a]));
    const problems: string[] = [];
    const log: string[] = [];
    const touched = new Set<string>();
    const seen = new Set<string>();
    for (const c of changes) {
      const cls = data.classes.find((x) => x.id === c.classId);
      const where = `${cls?.name ?? 'класс'}, «${subject(c.subjectId)}»${c.groupNo ? ` (${groupLabel(c.groupNo)})` : ''}`;
      const key = loadKey(c);
      if (!cls) {
        problems.push(`${where}: класс не относится к учебному году ${data.year.name}`);
        continue;
      }
      if (seen.has(key)) {
        problems.push(`${where}: указан дважды`);
        continue;
      }
      seen.add(key);
      const was = existing.get(key);
      if ((was?.version ?? 0) !== c.version) {
        throw new AppError('CONFLICT', `${RECORD}, ${where}: учителя уже изменил другой пользователь. Ваши изменения не записаны — обновите данные и повторите.`, { currentVersion: was?.version ?? 0 });
      }
      if (c.staffId === null) {
        if (was) {
          await deleteAssignment(trx, was.id);
          log.push(`${where}: ${staff.get(was.staffId)?.shortName ?? '?'} → вакансия`);
          touched.add(was.staffId);
        }
        continue;
      }
      const teacher = staff.get(c.staffId);
      if (!teacher) {
        problems.push(`${where}: сотрудник не найден — возможно, карточку удалили`);
        continue;
      }
      if (teacher.dismissed) {
        problems.push(`${where}: ${teacher.shortName} уволен(а)`);
        continue;
      }
      if (!slots.has(key)) {
        problems.push(`${where}: такой строки нет в учебном плане класса — сначала добавьте предмет в план`);
        continue;
      }
      if (was) {
        if (was.staffId === c.staffId) continue;
        await reassign(trx, was, c.staffId, at);
        touched.add(was.staffId);
      } else {
        await insertAssignment(trx, { yearId, classId: c.classId, subjectId: c.subjectId, groupNo: c.groupNo }, c.staffId, at);
      }
      log.push(`${where}: ${was ? (staff.get(was.staffId)?.shortName ?? '?') : 'вакансия'} → ${teacher.shortName}`);
      touched.add(c.staffId);
    }
    if (problems.length) throw refusalOf(RECORD, problems);
    const after = await loadYearData(trx, yearId);
    const totals = teacherTotals(yearLoadRows(after), after.assignments, after.jointSlots);
    const settings = await readLoadSettings(trx);
    const warnings: string[] = [];
    for (const id of touched) {
      const t = staff.get(id);
      const hours = totals.get(id)?.hours ?? 0;
      if (t && loadStatus(hours, settings, t.ownRate) === 'over') warnings.push(`${t.shortName}: ${describeLoad(hours, settings, t.ownRate)}`);
    }
    for (const c of changes) {
      const t = c.staffId ? staff.get(c.staffId) : undefined;
      if (t && t.qualifiedSubjectIds.length > 0 && !t.qualifiedSubjectIds.includes(c.subjectId)) {
        warnings.push(`${t.shortName}: «${subject(c.subjectId)}» нет в списке предметов учителя`);
      }
    }
    if (log.length) await ctx.audit.record(trx, { recordId: yearId, action: 'update', changes: { year: data.year.name, assignments: log } });
    return { updated: log.length, warnings: [...new Set(warnings)] };
  });
  emitChanged(ctx, 'teachingAssignment');
  return result;
}

export async function saveQualifications(ctx: HandlerContext, staffId: string, subjectIds: string[]): Promise<{ subjectIds: string[] }> {
  const unique = [...new Set(subjectIds)];
  await ctx.core.db.transaction().execute(async (trx) => {
    if (!(await staffExists(trx, staffId))) throw refusal('Предметы учителя: сотрудник не найден — возможно, карточку удалили');
    const known = await subjectsAmong(trx, unique);
    if (known.length !== unique.length) throw refusal('Предметы учителя: одного из предметов уже нет в справочнике — обновите страницу');
    const before = await qualificationNames(trx, staffId);
    await writeQualifications(trx, staffId, unique);
    await ctx.audit.record(trx, { recordId: staffId, action: 'update', changes: { subjects: [before, known.map((k) => k.name)] } });
  });
  emitChanged(ctx, 'staffSubject', staffId);
  return { subjectIds: unique };
}

export async function saveLoadSettings(ctx: HandlerContext, settings: LoadSettings): Promise<LoadSettings> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const before = await readLoadSettings(trx);
    await writeLoadSettings(trx, settings, nowIso());
    await ctx.audit.record(trx, { recordId: 'load', action: 'update', changes: { hoursPerRate: [before.hoursPerRate, settings.hoursPerRate], maxRates: [before.maxRates, settings.maxRates] } });
  });
  emitChanged(ctx, 'loadSettings');
  return settings;
}
