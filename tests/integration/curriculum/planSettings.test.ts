import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { addStaff, refused } from '../schoolSetup/setupHelpers';
import { inputRows, yearWithGrade5 } from './curriculumHelpers';

describeEachDb('plan settings, adapted classes, subjects in use, files', (kind) => {
  let t: TestCore;
  let ctx: Awaited<ReturnType<typeof yearWithGrade5>>;
  beforeEach(async () => {
    t = await createTestCore(kind);
    ctx = await yearWithGrade5(t);
  });
  afterEach(async () => t?.cleanup());

  it('saves the weeks a year of a grade plan: periods and annual hours follow, classes inherit them', async () => {
    const plan = await t.client.call('curriculum.plan.get', { yearId: ctx.year.id, grade: 5 });
    const saved = await t.client.call('curriculum.plan.save', { yearId: ctx.year.id, grade: 5, classId: null, version: plan.plan.version, weeksPerYear: 35, note: 'ФОП ООО, вариант 1 (35 недель)', rows: inputRows(plan) });
    expect(saved.plan).toMatchObject({ weeksPerYear: 35, note: 'ФОП ООО, вариант 1 (35 недель)' });
    expect(saved.periods.map((p) => [p.weeks, p.startDate])).toEqual([
      [16, '2026-09-01'],
      [19, '2027-01-11'],
    ]);
    expect(saved.rows.find((r) => r.subjectName === 'Математика')?.annualHours).toBe(175);
    const a = await t.client.call('curriculum.plan.get', { yearId: ctx.year.id, grade: 5, classId: ctx.classes.get('5А')!.id });
    expect(a.plan.weeksPerYear).toBe(35);
    // A class plan cannot change the weeks: the input is ignored, the grade's weeks stay.
    const own = await t.client.call('curriculum.plan.save', { yearId: ctx.year.id, grade: 5, classId: a.classId, version: 0, weeksPerYear: 30, note: null, rows: inputRows(a).slice(1) });
    expect(own.plan.weeksPerYear).toBe(35);
    await refused(t.client.call('curriculum.plan.save', { yearId: ctx.year.id, grade: 5, classId: null, version: saved.plan.version, weeksPerYear: 41, note: null, rows: inputRows(plan) }));
  });

  it('notes an АООП class that follows the grade plan; a class note alone keeps a plan of its own', async () => {
    const v = ctx.classes.get('5В')!;
    await t.client.call('setup.classes.save', { yearId: ctx.year.id, id: v.id, version: v.version, cls: { grade: 5, letter: 'В', programme: 'АООП', programmeVariant: '7.2' } });
    const grade = await t.client.call('curriculum.plan.get', { yearId: ctx.year.id, grade: 5 });
    const note = grade.problems.filter((p) => p.rule === 'adaptedWithoutPlan');
    expect(note).toEqual([expect.objectContaining({ severity: 'info', classId: v.id, message: expect.stringMatching(/^5В: класс учится по АООП 7\.2/) })]);
    const overview = await t.client.call('curriculum.overview', { yearId: ctx.year.id });
    expect(overview.grades.find((g) => g.grade === 5)?.classes.find((c) => c.name === '5В')).toMatchObject({ programme: 'АООП 7.2', hasOwnPlan: false });

    // The завуч checked the plan: same rows as the grade, the programme written in the note.
    const classPlan = await t.client.call('curriculum.plan.get', { yearId: ctx.year.id, grade: 5, classId: v.id });
    const saved = await t.client.call('curriculum.plan.save', { yearId: ctx.year.id, grade: 5, classId: v.id, version: 0, note: 'АООП ООО для обучающихся с ЗПР, вариант 7.2', rows: inputRows(classPlan) });
    expect(saved.plan.id).not.toBeNull();
    expect(saved.plan.note).toBe('АООП ООО для обучающихся с ЗПР, вариант 7.2');
    expect(saved.rows.every((r) => r.origin === 'grade')).toBe(true);
    expect(saved.problems.some((p) => p.rule === 'adaptedWithoutPlan')).toBe(false);
  });

  it('refuses to delete a subject the plans or the load use, naming where; an unused one goes', async () => {
    const [teacher] = await addStaff(t, [['Иванова', 'Анна', 'Сергеевна']]);
    const grid = await t.client.call('load.grid', { yearId: ctx.year.id });
    const music = ctx.subjects.get('Музыка') as string;
    const cell = grid.cells.find((c) => c.classId === ctx.classes.get('5А')!.id && c.subjectId === music)!;
    await t.client.call('load.assign', { yearId: ctx.year.id, changes: [{ classId: cell.classId, subjectId: music, groupNo: 0, staffId: teacher, version: 0 }] });
    const subjects = (await t.client.call('setup.subjects.list')).subjects;
    const m = subjects.find((s) => s.id === music)!;
    const err = await refused(t.client.call('setup.subjects.delete', { id: m.id, version: m.version }));
    expect(err.message).toBe('Предмет «Музыка» используется в учебном плане 2026/2027: 5 кл.; в нагрузке учителей (1 назнач.) — отправьте его в архив вместо удаления. Ничего не сохранено.');
    expect((await t.client.call('setup.subjects.list')).subjects.some((s) => s.id === music)).toBe(true);
    const inPlan = new Set((await t.client.call('curriculum.plan.get', { yearId: ctx.year.id, grade: 5 })).rows.map((r) => r.subjectId));
    const free = subjects.find((s) => !inPlan.has(s.id))!;
    expect((await t.client.call('setup.subjects.delete', { id: free.id, version: free.version })).deleted).toBe(true);
  });

  it('writes half hours as numbers and an assessment sheet per grade in the class layout; the tarification export is audited', async () => {
    await t.client.call('curriculum.plan.loadStarter', { yearId: ctx.year.id, grades: [9] });
    const file = await t.client.call('curriculum.export', { yearId: ctx.year.id, by: 'grade' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('ООО (5–9 кл.)')!;
    let history = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(2).value === 'История') history = n;
    });
    // Columns: 5 класс (week, year), 9 класс (week, year), Всего (week, year).
    expect([3, 5, 7, 8].map((c) => ws.getRow(history).getCell(c).value)).toEqual([3, 2.5, 5.5, 187]);

    const byClass = await t.client.call('curriculum.export', { yearId: ctx.year.id, by: 'class' });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(byClass.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb2.worksheets.map((w) => w.name)).toEqual(['5 классы', 'Аттестация 5 кл.']);
    expect(wb2.getWorksheet('Аттестация 5 кл.')!.getRow(3).values).toEqual([undefined, 'Учебный предмет', '5А', '5Б', '5В']);

    const tar = await t.client.call('load.export.tarification', { yearId: ctx.year.id });
    const log = await t.core.db.selectFrom('auditLog').select(['method', 'action', 'entity', 'changes']).where('method', '=', 'load.export.tarification').execute();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: 'export', entity: 'teachingAssignment' });
    expect(JSON.parse(String(log[0].changes))).toMatchObject({ format: 'xlsx', file: tar.fileName, year: '2026/2027', rows: 0 });
  });
});
