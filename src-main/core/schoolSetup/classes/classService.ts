import type { SchoolClass } from '../../../../src-shared/contract/classes';
import { newId } from '../../../../src-shared/domain/ids';
import { compareRu, fullName, shortName } from '../../../../src-shared/domain/names';
import { className, classRegimeWarnings, programmeTitle, type Programme } from '../../../../src-shared/domain/schoolSetup/classRules';
import { diffFields } from '../../foundation/auditLog';
import type { HandlerContext } from '../../foundation/context';
import { parseWeekLengthByGrade } from '../repo/schoolCalendar';
import { findYear, writableYear, type YearRow } from '../repo/years';
import type { Executor } from '../../foundation/executor';
import { nowIso, schoolToday } from '../../foundation/clock';
import { isUniqueViolation } from '../../foundation/dbErrors';
import { expectVersion, notFound, refusal } from '../../foundation/refusals';
import { emitChanged } from '../../foundation/events';
import {
  classCounts,
  classDeleteBlockers,
  classNamed,
  classNamesOfYear,
  classPupilRows,
  classRows,
  classWithYear,
  classesLedBy,
  deleteClassRows,
  findClassRow,
  insertClass,
  roomExists,
  staffExists,
  updateClass,
} from '../repo/classes';

const RECORD = 'Класс';

type ParsedClass = {
  grade: number;
  letter: string;
  classTeacherId: string | null;
  shift: 1 | 2;
  homeRoomId: string | null;
  programme: Programme;
  programmeVariant: string | null;
  weekLength: 5 | 6 | null;
  previousClassId: string | null;
};

function gradeWeek(year: YearRow, grade: number): 5 | 6 {
  const byGrade = parseWeekLengthByGrade(year.weekLengthByGrade);
  return byGrade[String(grade)] ?? (year.weekLength === 6 ? 6 : 5);
}

export async function listClasses(db: Executor, yearId: string, id?: string, on = schoolToday()): Promise<SchoolClass[]> {
  const year = await findYear(db, yearId);
  if (!year) throw notFound('Учебный год');
  const rows = await classRows(db, yearId, id);
  const { pupils: pupilCount, groups: groupCount } = await classCounts(
    db,
    rows.map((r) => r.id),
    on,
  );
  return rows
    .map((r) => {
      const programme: Programme = r.programme === 'АООП' ? 'АООП' : 'ООП';
      const own: 5 | 6 | null = r.weekLength === 5 || r.weekLength === 6 ? r.weekLength : null;
      return {
        id: r.id,
        yearId: r.academicYearId,
        grade: r.grade,
        letter: r.letter,
        name: r.name,
        classTeacherId: r.classTeacherId,
        classTeacherName: r.lastName ? shortName({ lastName: r.lastName, firstName: r.firstName ?? '', middleName: r.middleName }) : null,
        shift: r.shift,
        homeRoomId: r.homeRoomId,
        homeRoomNumber: r.roomNumber ?? null,
        programme,
        programmeVariant: r.programmeVariant,
        programmeTitle: programmeTitle(programme, r.grade, r.programmeVariant),
        weekLength: own,
        effectiveWeekLength: own ?? gradeWeek(year, r.grade),
        previousClassId: r.previousClassId,
        previousClassName: r.previousName ?? null,
        pupilCount: pupilCount.get(r.id) ?? 0,
        subgroupCount: groupCount.get(r.id) ?? 0,
        version: r.version,
      };
    })
    .sort((a, b) => a.grade - b.grade || compareRu(a.letter, b.letter));
}

/** References of a class must exist; last year's class must come from an earlier year. */
async function checkReferences(db: Executor, year: YearRow, c: ParsedClass, name: string): Promise<void> {
  if (c.classTeacherId && !(await staffExists(db, c.classTeacherId))) {
    throw refusal(`${RECORD} ${name}: классный руководитель не найден среди сотрудников`);
  }
  if (c.homeRoomId && !(await roomExists(db, c.homeRoomId))) {
    throw refusal(`${RECORD} ${name}: кабинет не найден`);
  }
  if (c.previousClassId) {
    const prev = await classWithYear(db, c.previousClassId);
    if (!prev) throw refusal(`${RECORD} ${name}: класс прошлого года не найден`);
    if (prev.startDate >= year.startDate) throw refusal(`${RECORD} ${name}: класс ${prev.name} (${prev.yearName}) не из прошлого учебного года`);
    if (prev.grade > c.grade) throw refusal(`${RECORD} ${name}: класс прошлого года ${prev.name} старше, чем ${name}`);
  }
}

async function teacherWarnings(db: Executor, yearId: string, c: ParsedClass, selfId: string | null, name: string): Promise<string[]> {
  if (!c.classTeacherId) return [];
  const other = await classesLedBy(db, yearId, c.classTeacherId);
  const names = other.filter((o) => o.id !== selfId && o.name !== name).map((o) => o.name);
  return names.length ? [`Классный руководитель класса ${name} уже руководит классом ${names.join(', ')}`] : [];
}

function plain(c: ParsedClass | SchoolClass | null) {
  return c
    ? {
        grade: c.grade,
        letter: c.letter,
        classTeacherId: c.classTeacherId,
        shift: c.shift,
        homeRoomId: c.homeRoomId,
        programme: c.programme,
        programmeVariant: c.programmeVariant,
        weekLength: c.weekLength,
        previousClassId: c.previousClassId,
      }
    : null;
}

export async function saveClass(ctx: HandlerContext, yearId: string, id: string | null, input: ParsedClass, version: number): Promise<{ cls: SchoolClass; warnings: string[] }> {
  const c: ParsedClass = {
    grade: input.grade,
    letter: input.letter,
    classTeacherId: input.classTeacherId,
    shift: input.shift,
    homeRoomId: input.homeRoomId,
    programme: input.programme,
    programmeVariant: input.programme === 'АООП' ? input.programmeVariant : null,
    weekLength: input.weekLength,
    previousClassId: input.previousClassId,
  };
  const name = className(c.grade, c.letter);
  const at = nowIso();
  let warnings: string[] = [];
  const savedId = await ctx.core.db
    .transaction()
    .execute(async (trx) => {
      const year = await writableYear(trx, yearId);
      const twin = await classNamed(trx, yearId, name);
      if (twin && twin.id !== id) throw refusal(`${RECORD} ${name} уже есть в учебном году ${year.name}`);
      await checkReferences(trx, year, c, name);
      warnings = [
        ...classRegimeWarnings({ name, grade: c.grade, shift: c.shift, weekLength: c.weekLength ?? gradeWeek(year, c.grade), programme: c.programme }),
        ...(await teacherWarnings(trx, yearId, c, id, name)),
      ];
      const values = { ...c, name, updatedAt: at };
      if (id === null) {
        if (version !== 0) throw refusal(`${RECORD}: новая запись сохраняется с версией 0`);
        const newClassId = newId();
        await insertClass(trx, { id: newClassId, academicYearId: yearId, ...values, version: 1 });
        await ctx.audit.record(trx, { recordId: newClassId, action: 'create', changes: diffFields(null, plain(c)) });
        return newClassId;
      }
      const [before] = await listClasses(trx, yearId, id);
      if (!before) throw notFound(RECORD);
      expectVersion(before, version, `${RECORD} ${before.name}`);
      if (before.grade !== c.grade && before.pupilCount > 0) {
        throw refusal(`${RECORD} ${before.name}: в классе есть обучающиеся — параллель меняется приказом о переводе, а не правкой класса`);
      }
      await updateClass(trx, id, values, version);
      await ctx.audit.record(trx, { recordId: id, action: 'update', changes: diffFields(plain(before), plain(c)) });
      return id;
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) throw refusal(`${RECORD} ${name} уже есть в этом учебном году`);
      throw err;
    });
  emitChanged(ctx, 'schoolClass', savedId);
  const [cls] = await listClasses(ctx.core.db, yearId, savedId);
  return { cls, warnings };
}

export async function createClasses(
  ctx: HandlerContext,
  yearId: string,
  grades: number[],
  letters: string[],
  shift: 1 | 2,
): Promise<{ created: string[]; warnings: string[] }> {
  const at = nowIso();
  const planned = grades.flatMap((grade) => letters.map((letter) => ({ grade, letter, name: className(grade, letter) })));
  const warnings: string[] = [];
  await ctx.core.db
    .transaction()
    .execute(async (trx) => {
      const year = await writableYear(trx, yearId);
      const existing = new Set(await classNamesOfYear(trx, yearId));
      const dup = planned.filter((p) => existing.has(p.name)).map((p) => p.name);
      if (dup.length) throw refusal(`Классы ${dup.join(', ')} уже есть в учебном году ${year.name} — ни один класс не создан`);
      for (const p of planned) {
        const classId = newId();
        await insertClass(trx, { id: classId, academicYearId: yearId, grade: p.grade, letter: p.letter, name: p.name, shift, programme: 'ООП', classTeacherId: null, previousClassId: null, version: 1, updatedAt: at });
        await ctx.audit.record(trx, { recordId: classId, action: 'create', changes: diffFields(null, { name: p.name, shift }) });
        warnings.push(...classRegimeWarnings({ name: p.name, grade: p.grade, shift, weekLength: gradeWeek(year, p.grade), programme: 'ООП' }));
      }
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) throw refusal('Другой пользователь только что создал часть этих классов — обновите страницу; ни один класс не создан');
      throw err;
    });
  emitChanged(ctx, 'schoolClass');
  return { created: planned.map((p) => p.name), warnings };
}

export async function deleteClass(ctx: HandlerContext, id: string, version: number): Promise<{ deleted: boolean }> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const row = await findClassRow(trx, id);
    if (!row) throw notFound(RECORD);
    await writableYear(trx, row.academicYearId);
    expectVersion(row, version, `${RECORD} ${row.name}`);
    const blockers = await classDeleteBlockers(trx, id);
    if (blockers.hasMembers) throw refusal(`${RECORD} ${row.name}: в классе есть или были обучающиеся (книга движения) — удалить его нельзя`);
    if (blockers.nextName) throw refusal(`${RECORD} ${row.name}: на него ссылается класс следующего года ${blockers.nextName}`);
    if (blockers.eventTitle) throw refusal(`${RECORD} ${row.name}: у класса есть мероприятия (например, «${blockers.eventTitle}») — удалите их сначала`);
    await deleteClassRows(trx, id);
    await ctx.audit.record(trx, { recordId: id, action: 'delete', changes: { name: [row.name, null] } });
  });
  emitChanged(ctx, 'schoolClass', id);
  return { deleted: true };
}

export async function classPupils(db: Executor, classId: string, on = schoolToday()): Promise<{ id: string; fullName: string; sex: string }[]> {
  const rows = await classPupilRows(db, classId, on);
  return rows.map((r) => ({ id: r.id, fullName: fullName(r), sex: r.sex })).sort((a, b) => compareRu(a.fullName, b.fullName));
}
