import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { LoadGrid } from '../../../src-shared/contract/curriculumLoad';
import { plannedLessons } from '../../../src-main/core/curriculum/repo/plannedLessons';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { hasTool, sofficeConvert, tempFile } from '../movement/readers';
import { addStaff, auditCount, refused } from '../schoolSetup/setupHelpers';
import { yearWithGrade5 } from './curriculumHelpers';

function cell(grid: LoadGrid, className: string, subjectName: string) {
  const classId = grid.classes.find((c) => c.name === className)?.id;
  const subjectId = grid.subjects.find((s) => s.name === subjectName)?.id;
  const c = grid.cells.find((x) => x.classId === classId && x.subjectId === subjectId);
  if (!c) throw new Error(`no cell ${className} ${subjectName}`);
  return c;
}

describeEachDb('teaching load', (kind) => {
  let t: TestCore;
  let ctx: Awaited<ReturnType<typeof yearWithGrade5>>;
  let ivanova: string;
  let petrova: string;
  beforeEach(async () => {
    t = await createTestCore(kind);
    ctx = await yearWithGrade5(t);
    [ivanova, petrova] = await addStaff(t, [
      ['Иванова', 'Анна', 'Сергеевна'],
      ['Петрова', 'Ольга', 'Ивановна'],
    ]);
  });
  afterEach(async () => t?.cleanup());

  async function assign(grid: LoadGrid, list: [string, string, number, string | null][]) {
    return t.client.call('load.assign', {
      yearId: ctx.year.id,
      changes: list.map(([cls, subject, groupNo, staffId]) => {
        const c = cell(grid, cls, subject);
        const g = c.groups.find((x) => x.groupNo === groupNo);
        return { classId: c.classId, subjectId: c.subjectId, groupNo, staffId, version: g?.version ?? 0 };
      }),
    });
  }

  it('builds the grid from the plan: every row a vacancy until a teacher is assigned', async () => {
    const grid = await t.client.call('load.grid', { yearId: ctx.year.id });
    expect(grid.classes.map((c) => c.name)).toEqual(['5А', '5Б', '5В']);
    expect(cell(grid, '5А', 'Иностранный язык (английский)').groups.map((g) => g.groupNo)).toEqual([1, 2]);
    expect(cell(grid, '5А', 'Математика')).toMatchObject({ hours: 5, groups: [{ groupNo: 0, staffId: null }] });
    const rowsPerClass = grid.vacancies.rows.filter((r) => r.className === '5А').length;
    expect(grid.vacancies.rows).toHaveLength(rowsPerClass * 3);
    expect(grid.totals.vacantHours).toBe(grid.totals.hours);
    // Grade 5: 29 classroom + 1 внеурочная + 3 more for the second English group and 2 for the second технология group.
    expect(grid.totals.hours).toBe((29 + 1 + 3 + 2) * 3);
  });

  it('totals a teacher against the rate: 27 hours = 1.5 ставки; vacancies shrink; the card and Excel agree', async () => {
    const grid = await t.client.call('load.grid', { yearId: ctx.year.id });
    const english = 'Иностранный язык (английский)';
    const r = await assign(grid, [
      ['5А', 'Математика', 0, ivanova],
      ['5Б', 'Математика', 0, ivanova],
      ['5В', 'Математика', 0, ivanova],
      ['5А', english, 1, ivanova],
      ['5Б', english, 1, ivanova],
      ['5В', english, 1, ivanova],
      ['5А', english, 2, ivanova],
      ['5Б', english, 2, petrova],
    ]);
    expect(r.updated).toBe(8);
    expect(r.warnings).toEqual([]);
    const after = await t.client.call('load.grid', { yearId: ctx.year.id });
    const iv = after.teachers.find((x) => x.id === ivanova)!;
    expect(iv).toMatchObject({ hours: 27, classroomHours: 27, rates: 1.5, status: 'ok' });
    expect(after.vacancies.rows).toHaveLength(grid.vacancies.rows.length - 8);
    expect(after.vacancies.rows.some((v) => v.className === '5В' && v.subjectName === english && v.groupNo === 2)).toBe(true);
    expect(after.vacancies.bySubject.find((s) => s.subjectName === english)).toMatchObject({ hours: 3, classes: ['5В (гр. 2)'] });
    const card = await t.client.call('load.teacher', { yearId: ctx.year.id, staffId: ivanova });
    expect(card.rows).toHaveLength(7);
    expect(card.description).toBe('27 ч в неделю = 1,5 ставки (18 ч = 1 ставка)');

    // One more class makes an overload, and the answer says so.
    const over = await assign(after, [['5В', english, 2, ivanova]]);
    expect(over.warnings).toEqual(['Иванова А. С.: 30 ч в неделю = 1,67 ставки (18 ч = 1 ставка): перегрузка — больше 1,5 ставки']);

    const file = await t.client.call('load.export.tarification', { yearId: ctx.year.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Тарификация')!;
    const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
    const ivRow = rows.find((x) => x[2] === 'Иванова Анна Сергеевна')!;
    expect(ivRow.slice(3, 11)).toEqual(['Учитель', 'Иностранный язык (английский), Математика', 'Иностранный язык (английский): 5А (гр. 1), 5Б (гр. 1), 5В (гр. 1), 5А (гр. 2), 5В (гр. 2); Математика: 5А, 5Б, 5В', 30, 0, 30, 1.67, 'перегрузка']);
    const total = rows.find((x) => String(x[2]).startsWith('Итого'))!;
    expect(total[8]).toBe(33);
    const vacant = rows.find((x) => x[2] === 'Вакансии (часы без учителя)')!;
    expect(vacant[8]).toBe((29 + 1 + 3 + 2) * 3 - 33);
    // An independent reader opens the same file.
    if (hasTool('soffice')) {
      const { file: path } = tempFile('tarif.xlsx', Buffer.from(file.contentBase64, 'base64'));
      const csv = fs.readFileSync(sofficeConvert(path, 'csv:Text - txt - csv (StarCalc):44,34,76,1'), 'utf8');
      expect(csv).toContain('Иванова Анна Сергеевна');
      expect(csv).toMatch(/Итого: 2 учителя.*,33,/);
    }
  });

  it('refuses a stale cell and a row the plan does not have, changing nothing', async () => {
    const grid = await t.client.call('load.grid', { yearId: ctx.year.id });
    await assign(grid, [['5А', 'Математика', 0, ivanova]]);
    const before = await auditCount(t);
    const stale = await refused(assign(grid, [['5А', 'Математика', 0, petrova]]), 'CONFLICT');
    expect(stale.message).toContain('5А, «Математика»: учителя уже изменил другой пользователь');
    const fresh = await t.client.call('load.grid', { yearId: ctx.year.id });
    const math = cell(fresh, '5А', 'Математика');
    const bad = await refused(
      t.client.call('load.assign', {
        yearId: ctx.year.id,
        changes: [
          { classId: math.classId, subjectId: math.subjectId, groupNo: 0, staffId: petrova, version: 1 },
          { classId: math.classId, subjectId: math.subjectId, groupNo: 2, staffId: petrova, version: 0 },
        ],
      }),
    );
    expect(bad.message).toBe('Нагрузка: 5А, «Математика» (группа 2): такой строки нет в учебном плане класса — сначала добавьте предмет в план. Ничего не сохранено.');
    expect(await auditCount(t)).toBe(before);
    expect(cell(await t.client.call('load.grid', { yearId: ctx.year.id }), '5А', 'Математика').groups[0].staffId).toBe(ivanova);
  });

  it('suggests qualified teachers’ vacancies, warns about other subjects, and follows the configured rate', async () => {
    const math = ctx.subjects.get('Математика') as string;
    await t.client.call('load.qualifications.save', { staffId: petrova, subjectIds: [math] });
    const card = await t.client.call('load.teacher', { yearId: ctx.year.id, staffId: petrova });
    expect(card.teacher.qualifiedSubjectIds).toEqual([math]);
    expect(card.suggestions.map((s) => s.className)).toEqual(['5А', '5Б', '5В']);
    const grid = await t.client.call('load.grid', { yearId: ctx.year.id });
    const r = await assign(grid, [['5А', 'Биология', 0, petrova]]);
    expect(r.warnings).toEqual(['Петрова О. И.: «Биология» нет в списке предметов учителя']);

    await assign(await t.client.call('load.grid', { yearId: ctx.year.id }), [['5А', 'Математика', 0, ivanova], ['5Б', 'Математика', 0, ivanova]]);
    await t.client.call('load.settings.save', { hoursPerRate: 20, maxRates: 2 });
    const g = await t.client.call('load.grid', { yearId: ctx.year.id });
    expect(g.settings).toEqual({ hoursPerRate: 20, maxRates: 2 });
    expect(g.teachers.find((x) => x.id === ivanova)).toMatchObject({ hours: 10, rates: 0.5, status: 'under' });
  });

  it('marks an assignment whose row left the plan and lists «Вакансии» in Excel', async () => {
    const grid = await t.client.call('load.grid', { yearId: ctx.year.id });
    await assign(grid, [['5А', 'Музыка', 0, ivanova]]);
    const plan = await t.client.call('curriculum.plan.get', { yearId: ctx.year.id, grade: 5, classId: ctx.classes.get('5А')!.id });
    await t.client.call('curriculum.plan.save', {
      yearId: ctx.year.id,
      grade: 5,
      classId: plan.classId,
      version: 0,
      rows: plan.rows.filter((r) => r.subjectName !== 'Музыка').map((r) => ({ subjectId: r.subjectId, part: r.part, hours: r.hours, groups: r.groups, doubles: r.doubles, assessment: r.assessment })),
    });
    const after = await t.client.call('load.grid', { yearId: ctx.year.id });
    expect(after.orphans).toMatchObject([{ className: '5А', subjectName: 'Музыка', staffName: 'Иванова А. С.' }]);
    expect(after.teachers.find((x) => x.id === ivanova)?.hours).toBe(0);

    const file = await t.client.call('load.export.vacancies', { yearId: ctx.year.id });
    expect(file.rows).toBe(after.vacancies.rows.length);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const values = (wb.getWorksheet('Вакансии')!.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1, 5));
    for (const v of after.vacancies.rows) {
      expect(values.some((r) => r[0] === v.subjectName && r[1] === v.className && r[3] === v.hours), `${v.className} ${v.subjectName}`).toBe(true);
    }
    expect(values.find((r) => r[0] === 'Всего вакантных часов')?.[3]).toBe(after.vacancies.totalHours);
  });

  it('hands the timetable every lesson to place: hours per period, doubles, teacher and subgroup', async () => {
    const grid = await t.client.call('load.grid', { yearId: ctx.year.id });
    await assign(grid, [['5А', 'Иностранный язык (английский)', 2, petrova]]);
    await t.client.call('curriculum.subgroups.create', { yearId: ctx.year.id, date: '2026-09-01', distribute: 'none' });
    const lessons = await plannedLessons(t.core.db, ctx.year.id);
    const english = lessons.filter((l) => l.className === '5А' && l.subjectName === 'Иностранный язык (английский)');
    expect(english.map((l) => [l.groupNo, l.hoursByPeriod, l.teacherId, Boolean(l.subgroupId)])).toEqual([
      [1, [3, 3], null, true],
      [2, [3, 3], petrova, true],
    ]);
    expect(lessons.find((l) => l.className === '5А' && l.subjectName === 'Труд (технология)')).toMatchObject({ doubles: 1, groupCount: 2 });
    expect(lessons.find((l) => l.className === '5А' && l.subjectName === 'Разговоры о важном')).toMatchObject({ classroom: false, hoursByPeriod: [1, 1] });
    expect(lessons.find((l) => l.className === '5А' && l.subjectName === 'Физическая культура')).toMatchObject({ hoursByPeriod: [3, 3] });
  });
});
