import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { auditCount, refused } from '../schoolSetup/setupHelpers';
import { classroomTotal, inputRows, savePlan, yearWithGrade5 } from './curriculumHelpers';

describeEachDb('curriculum plans', (kind) => {
  let t: TestCore;
  let ctx: Awaited<ReturnType<typeof yearWithGrade5>>;
  beforeEach(async () => {
    t = await createTestCore(kind);
    ctx = await yearWithGrade5(t);
  });
  afterEach(async () => t?.cleanup());

  it('loads the ФОП starter plan of grade 5 within SanPiN, with half-year weeks and parts', async () => {
    const plan = await t.client.call('curriculum.plan.get', { yearId: ctx.year.id, grade: 5 });
    expect(plan.periods.map((p) => [p.name, p.weeks])).toEqual([
      ['I полугодие', 16],
      ['II полугодие', 18],
    ]);
    expect(plan.maxWeekly).toBe(29);
    expect(classroomTotal(plan)).toBe(29);
    expect(plan.rows.find((r) => r.subjectName === 'Математика')).toMatchObject({ part: 'mandatory', hours: [5], annualHours: 170, assessment: 'Контрольная работа' });
    expect(plan.rows.find((r) => r.subjectName === 'Иностранный язык (английский)')).toMatchObject({ groups: 2 });
    expect(plan.rows.find((r) => r.subjectName === 'Разговоры о важном')).toMatchObject({ part: 'extracurricular' });
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // Every class inherits it: no teachers yet, no subgroups yet — both flagged for each class.
    expect(plan.problems.filter((p) => p.rule === 'noTeacher').length).toBeGreaterThan(10);
    expect(plan.problems.some((p) => p.message.startsWith('5Б, «Иностранный язык (английский)»: по плану 2 подгруппы'))).toBe(true);
    const again = await t.client.call('curriculum.plan.loadStarter', { yearId: ctx.year.id, grades: [5, 6] });
    expect(again).toMatchObject({ created: [6], skipped: [5], replaced: [] });
  });

  it('flags 30 hours on a 5-day week and accepts them once grade 5 studies six days', async () => {
    const plan = await t.client.call('curriculum.plan.get', { yearId: ctx.year.id, grade: 5 });
    const rows = inputRows(plan);
    rows.push({ subjectId: ctx.subjects.get('Информатика') as string, part: 'formed', hours: [1], groups: 1, doubles: 0, assessment: 'Зачёт' });
    const saved = await savePlan(t, plan, rows);
    expect(saved.plan.version).toBe(plan.plan.version + 1);
    expect(saved.problems.find((p) => p.rule === 'sanpinWeekly')).toMatchObject({
      severity: 'error',
      message: '5-е классы: 30 ч в неделю при 5-дневной неделе — больше допустимых 29 ч',
      source: expect.stringContaining('СанПиН 1.2.3685-21'),
    });
    const y = ctx.year;
    await t.client.call('setup.years.save', { id: y.id, version: y.version, year: { name: y.name, startDate: y.startDate, endDate: y.endDate, weekLength: 5, weekLengthByGrade: { '5': 6 } } });
    const six = await t.client.call('curriculum.plan.get', { yearId: y.id, grade: 5 });
    expect(six.maxWeekly).toBe(32);
    expect(six.problems.filter((p) => p.rule === 'sanpinWeekly')).toEqual([]);
  });

  it('keeps a class’s own rows as differences from the grade; grade changes reach the rest', async () => {
    const b = ctx.classes.get('5Б')!;
    const classPlan = await t.client.call('curriculum.plan.get', { yearId: ctx.year.id, grade: 5, classId: b.id });
    expect(classPlan.plan.id).toBeNull();
    const math = ctx.subjects.get('Математика') as string;
    const music = ctx.subjects.get('Музыка') as string;
    const rows = inputRows(classPlan)
      .filter((r) => r.subjectId !== music)
      .map((r) => (r.subjectId === math ? { ...r, hours: [6] } : r));
    const saved = await savePlan(t, classPlan, rows);
    expect(saved.rows.find((r) => r.subjectId === math)).toMatchObject({ hours: [6], origin: 'changed' });
    expect(saved.rows.find((r) => r.subjectId === music)).toMatchObject({ origin: 'removed' });
    const stored = await t.core.db.selectFrom('curriculumRow').selectAll().where('planId', '=', saved.plan.id as string).execute();
    expect(stored.map((r) => [r.subjectId, Number(r.excluded)]).sort()).toEqual([[math, 0], [music, 1]].sort());

    // The grade plan changes Русский язык: 5Б takes the change, keeps its own Математика.
    const grade = await t.client.call('curriculum.plan.get', { yearId: ctx.year.id, grade: 5 });
    const rus = ctx.subjects.get('Русский язык') as string;
    await savePlan(t, grade, inputRows(grade).map((r) => (r.subjectId === rus && r.part === 'mandatory' ? { ...r, hours: [4] } : r)));
    const after = await t.client.call('curriculum.plan.get', { yearId: ctx.year.id, grade: 5, classId: b.id });
    expect(after.rows.find((r) => r.subjectId === rus && r.part === 'mandatory')?.hours).toEqual([4]);
    expect(after.rows.find((r) => r.subjectId === math)?.hours).toEqual([6]);
    const a = await t.client.call('curriculum.plan.get', { yearId: ctx.year.id, grade: 5, classId: ctx.classes.get('5А')!.id });
    expect(a.rows.find((r) => r.subjectId === math)).toMatchObject({ hours: [5], origin: 'grade' });

    // Made equal to the grade again, 5Б keeps no plan of its own.
    const back = await savePlan(t, after, inputRows(grade).map((r) => (r.subjectId === rus && r.part === 'mandatory' ? { ...r, hours: [4] } : r)));
    expect(back.plan.id).toBeNull();
    const overview = await t.client.call('curriculum.overview', { yearId: ctx.year.id });
    expect(overview.grades.find((g) => g.grade === 5)?.classes.map((c) => [c.name, c.hasOwnPlan])).toEqual([
      ['5А', false],
      ['5Б', false],
      ['5В', false],
    ]);
  });

  it('refuses bad rows naming the row, stale versions and closed years — and writes nothing', async () => {
    const plan = await t.client.call('curriculum.plan.get', { yearId: ctx.year.id, grade: 5 });
    const rows = inputRows(plan);
    const before = await auditCount(t);
    const dup = await refused(savePlan(t, plan, [...rows, { ...rows[0], hours: [1] }]));
    expect(dup.message).toBe(`Учебный план 5 классов: строка ${rows.length + 1} («Русский язык», обязательная часть): этот предмет в этой части плана уже есть в строке 1. Ничего не сохранено.`);
    const periods = await refused(savePlan(t, plan, rows.map((r, i) => (i === 2 ? { ...r, hours: [3, 3, 2] } : r))));
    expect(periods.message).toContain('строка 3 («Иностранный язык (английский)», обязательная часть): часы указаны для 3 периодов, а у 5 класса их 2');
    const badHours = await refused(savePlan(t, plan, rows.map((r, i) => (i === 0 ? { ...r, hours: [2.3] } : r))));
    expect(badHours.message).toBe('Учебный план, поле «строка 1: часы в неделю»: часы — целые или с половиной: 1, 1,5, 2. Ничего не сохранено.');
    await savePlan(t, plan, rows);
    await refused(savePlan(t, plan, rows), 'CONFLICT');
    expect(await auditCount(t)).toBe(before + 1);
    const y = ctx.year;
    const fresh = (await t.client.call('setup.years.list')).years.find((x) => x.id === y.id)!;
    await t.client.call('setup.years.setClosed', { id: y.id, closed: true, version: fresh.version });
    const latest = await t.client.call('curriculum.plan.get', { yearId: y.id, grade: 5 });
    expect(latest.readOnly).toBe(true);
    const closed = await refused(savePlan(t, latest, rows));
    expect(closed.message).toContain('закрыт');
  });

  it('exports «Учебный план» by grades and by classes in the usual layout', async () => {
    await t.client.call('curriculum.plan.loadStarter', { yearId: ctx.year.id, grades: [6, 7, 8, 9] });
    const file = await t.client.call('curriculum.export', { yearId: ctx.year.id, by: 'grade' });
    expect(file.fileName).toBe('Учебный план по параллелям 2026-2027.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('ООО (5–9 кл.)');
    if (!ws) throw new Error('no sheet');
    const text = (r: number, c: number) => String(ws.getRow(r).getCell(c).value ?? '');
    const rowOf = (label: string) => {
      for (let r = 1; r <= ws.rowCount; r++) if (text(r, 2) === label || text(r, 1) === label) return r;
      throw new Error(`no row ${label}`);
    };
    expect(text(1, 1)).toBe('Учебный план основного общего образования');
    expect(text(4, 3)).toBe('5 класс');
    expect(text(5, 3)).toBe('в неделю');
    const math = rowOf('Математика');
    expect([ws.getRow(math).getCell(3).value, ws.getRow(math).getCell(4).value, ws.getRow(math).getCell(5).value]).toEqual([5, 170, 5]);
    const total = rowOf('Итого аудиторная нагрузка (обязательная и формируемая части)');
    expect([3, 5, 7, 9, 11].map((c) => ws.getRow(total).getCell(c).value)).toEqual([29, 30, 31, 32, 32.5]);
    expect(ws.getRow(total).getCell(14).value).toBe(5253);
    const max = rowOf('Максимально допустимая недельная нагрузка');
    expect([3, 5, 7, 9, 11].map((c) => ws.getRow(max).getCell(c).value)).toEqual([29, 30, 32, 33, 33]);
    expect(wb.getWorksheet('Аттестация ООО')).toBeTruthy();

    const byClass = await t.client.call('curriculum.export', { yearId: ctx.year.id, by: 'class' });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(byClass.contentBase64, 'base64') as unknown as ArrayBuffer);
    const five = wb2.getWorksheet('5 классы');
    expect([3, 5, 7].map((c) => five?.getRow(4).getCell(c).value)).toEqual(['5А', '5Б', '5В']);
  });
});
