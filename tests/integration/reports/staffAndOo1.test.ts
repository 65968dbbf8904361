import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateSchool } from '../../../src-main/core/demo/generateSchool';
import { writeDemo } from '../../../src-main/core/demo/writeDemo';
import { createSignedInUser } from '../../helpers/accessHelpers';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { seedReportsSchool } from './reportsFixture';
import { SOFFICE, cell, rowOf, sheetFor, sheetRow, sofficeSheets, workbookOf } from './readBack';

/**
 * Staff reports and the ОО-1 draft on the hand-built school (figures counted by hand from the staff
 * table in reportsFixture.ts), and ОО-1's control relations on the demo school.
 */
describeEachDb('staff reports and the ОО-1 draft on a hand-counted school', (kind) => {
  let t: TestCore;

  beforeAll(async () => {
    t = await createTestCore(kind);
    await seedReportsSchool(t.client);
  });
  afterAll(async () => t?.cleanup());

  it('categories and attestation: overdue, due in the next 3 months, later; external and dismissed staff left out', async () => {
    const r = await t.client.call('reports.staff.run', { key: 'staff-attestation', params: { date: '2026-12-05' } });
    expect(rowOf(r, 'categories', 'total')).toEqual({ total: 4, women: 3, teachers: 3 });
    expect(rowOf(r, 'categories', 'высшая')).toEqual({ total: 1, women: 1, teachers: 1 });
    expect(rowOf(r, 'categories', 'none')).toEqual({ total: 1, women: 0, teachers: 1 });
    expect(cell(r, 'deadlines', 'overdue', 'total')).toBe(1);
    expect(cell(r, 'deadlines', 'soon', 'total')).toBe(1);
    expect(cell(r, 'deadlines', 'soon', 'соответствие занимаемой должности')).toBe(1);
    expect(cell(r, 'deadlines', 'later', 'total')).toBe(1);
    expect(cell(r, 'deadlines', 'total', 'total')).toBe(3);
    const list = r.tables.find((x) => x.id === 'list');
    expect(list?.rows.map((x) => [x.label, x.cells[3], x.cells[4]])).toEqual([
      ['Белова Наталья Ивановна', '01.11.2026', 'Срок аттестации прошёл'],
      ['Ершова Алла Юрьевна', '20.01.2027', 'Истекает в ближайшие 3 месяца'],
      ['Полякова Галина Степановна', '10.01.2029', 'Истекает позже чем через год'],
    ]);
    expect(r.notes[0]).toBe('Аттестация истекает в ближайшие 3 месяца у 1 педагогов.');
    const soon = await t.client.call('reports.staff.drill', { key: 'staff-attestation', params: { date: '2026-12-05' }, target: { table: 'deadlines', row: 'soon', column: 'total' } });
    expect(soon.people.map((p) => [p.fullName, p.where, p.detail])).toEqual([['Ершова Алла Юрьевна', 'Педагог-психолог', 'срок 20.01.2027']]);
  });

  it('education and courses of the last three years, and who had none', async () => {
    const r = await t.client.call('reports.staff.run', { key: 'staff-education', params: { date: '2026-12-05' } });
    expect(rowOf(r, 'education', 'total')).toEqual({ total: 8, ped: 4, pedEdu: 5, unknownPed: 0 });
    expect(cell(r, 'education', 'высшее — специалитет', 'total')).toBe(3);
    expect(cell(r, 'education', 'среднее профессиональное', 'pedEdu')).toBe(1);
    expect(cell(r, 'education', 'не указано', 'total')).toBe(1);
    expect(rowOf(r, 'courses', 'qualification')).toEqual({ all: 4, ped: 2, heads: 2 });
    expect(rowOf(r, 'courses', 'retraining')).toEqual({ all: 1, ped: 1, heads: 0 });
    expect(rowOf(r, 'courses', 'none')).toEqual({ all: 3, ped: 1, heads: 0 });
    expect(r.tables.find((x) => x.id === 'untrained')?.rows.map((x) => x.label)).toEqual(['Белова Наталья Ивановна']);
  });

  it('age bands on 1 January and experience bands', async () => {
    const r = await t.client.call('reports.staff.run', { key: 'staff-age-experience', params: { date: '2026-12-05' } });
    expect(rowOf(r, 'age', 'a65')).toEqual({ total: 2, women: 1, ped: 1, pedWomen: 1 });
    expect(rowOf(r, 'age', 'a25')).toMatchObject({ total: 1, ped: 0 });
    expect(rowOf(r, 'age', 'total')).toMatchObject({ total: 8, ped: 4 });
    expect(rowOf(r, 'experience', 'e20')).toEqual({ total: 4, pedTotal: 1, ped: 1 });
    expect(rowOf(r, 'experience', 'e15')).toEqual({ total: 2, pedTotal: 2, ped: 2 });
    expect(rowOf(r, 'experience', 'e5')).toEqual({ total: 1, pedTotal: 1, ped: 1 });
    expect(rowOf(r, 'experience', 'e3')).toEqual({ total: 1, pedTotal: 0, ped: 0 });
  });

  it('ОО-1: classes and pupils by grade and term, inclusive classes, классы-комплекты, age; staff by row; every check passes', async () => {
    const r = await t.client.call('reports.school.run', { key: 'oo1', params: { date: '2026-09-20' } });
    expect(rowOf(r, '2.1.1', '05')).toMatchObject({ c3: 5, g1: 1, g1y1: 'х', g5: 2, g9: 1, g11: 1 });
    expect(rowOf(r, '2.1.1', '06')).toMatchObject({ c3: 9, g1: 2, g5: 3, g9: 2, g11: 2 });
    expect(rowOf(r, '2.1.2', '07')).toMatchObject({ c3: 1, g3: 1 });
    expect(rowOf(r, '2.1.2', '08')).toMatchObject({ c3: 1, g3: 1 });
    expect(rowOf(r, '2.2', '02')).toMatchObject({ c3: 1, g5: 1 });
    expect(rowOf(r, '2.4', '01')).toEqual({ c3: 5, c4: 5, c5: 0, c6: 0 });
    expect(rowOf(r, '2.4', '03')).toMatchObject({ c3: 3 });
    expect(rowOf(r, '2.4', '05')).toEqual({ c3: 5, c4: 5, c5: 0, c6: 'х' });
    expect(cell(r, 'age', 'total', 'total')).toBe(10);
    expect(cell(r, 'ovz', 'o6', 'total')).toBe(2);
    expect(rowOf(r, '3.1', '01')).toMatchObject({ c3: 8, c4: 5, c5: 4, c10: 1, c11: 1, c13: 2, c14: 1, c15: 6, c16: 'х' });
    for (const [row, n] of [['02', 2], ['03', 1], ['04', 1], ['06', 4], ['07', 3], ['08', 1], ['14', 1], ['18', 1], ['19', 1], ['35', 1], ['40', 1], ['41', 1], ['09', 0]] as const) expect(cell(r, '3.1', row, 'c3'), `стр. ${row}`).toBe(n);
    expect(cell(r, '3.1', '06', 'c16')).toBe(4);
    expect(cell(r, '3.1', '07', 'c16')).toBe(3.5);
    expect(rowOf(r, '3.2', '01')).toMatchObject({ c3: 8, te20: 4, te15: 2, te5: 1, te3: 1, c10: 6, c17: 2 });
    expect(rowOf(r, '3.3', '01')).toMatchObject({ c3: 8, a65: 2, a65w: 1, a55: 1, a25: 1 });
    expect(r.tables.find((x) => x.id === 'справка2')?.rows.map((x) => x.cells[0])).toEqual([2, 1, 3, 2]);
    expect(r.checks.length).toBeGreaterThan(20);
    expect(r.checks.filter((c) => !c.passed)).toEqual([]);
    const math = await t.client.call('reports.school.drill', { key: 'oo1', params: { date: '2026-09-20' }, target: { table: '3.1', row: '14', column: 'c3' } });
    expect(math.people.map((p) => p.fullName)).toEqual(['Котов Андрей Олегович']);
    const classes = await t.client.call('reports.school.drill', { key: 'oo1', params: { date: '2026-09-20' }, target: { table: '2.1.1', row: '05', column: 'g5' } });
    expect(classes.personKind).toBe('class');
    expect(classes.people.map((p) => p.fullName)).toEqual(['5А класс', '5Б класс']);
  });

  it('ОО-1 as Excel: the form row and column numbers, the checks sheet; LibreOffice reads the same', async () => {
    const file = await t.client.call('reports.school.export', { key: 'oo1', params: { date: '2026-09-20' } });
    const wb = await workbookOf(file.contentBase64);
    const ws = wb.worksheets.find((w) => w.name.startsWith('3.1.'));
    expect(ws).toBeDefined();
    if (!ws) return;
    const first = sheetRow(ws, 'Численность работников — всего (сумма строк 02, 06, 40, 41)');
    expect(first.slice(0, 3)).toEqual(['Численность работников — всего (сумма строк 02, 06, 40, 41)', '01', 8]);
    expect(sheetRow(ws, '1').slice(0, 4)).toEqual(['1', '2', '3', '4']);
    const checks = wb.getWorksheet('Контрольные соотношения');
    expect(checks?.actualRowCount).toBeGreaterThan(20);
    if (!SOFFICE) return;
    const sheets = sofficeSheets(file.contentBase64, 'oo1.xlsx');
    const staff = sheetFor(sheets, '3.1. Распределение численности персонала');
    // Row 06: four pedagogues, three with higher education (one СПО), two of them pedagogical.
    expect(staff.find((x) => x[1] === '06')?.slice(1, 5)).toEqual(['06', '4', '3', '2']);
    const verdicts = sheetFor(sheets, 'Контрольные соотношения').slice(5).map((x) => x[1]);
    expect(verdicts.length).toBeGreaterThan(20);
    expect(new Set(verdicts)).toEqual(new Set(['выполнено']));
  });

  it('the secretary runs ОО-1 but cannot see the staff behind its numbers; HR runs the staff reports, not the pupil ones', async () => {
    const secretary = (await createSignedInUser(t, { login: `secr-${kind}`, roles: ['secretary'] })).client;
    await secretary.call('reports.school.run', { key: 'oo1', params: { date: '2026-09-20' } });
    await expect(secretary.call('reports.school.drill', { key: 'oo1', params: { date: '2026-09-20' }, target: { table: '3.1', row: '14', column: 'c3' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(secretary.call('reports.staff.run', { key: 'staff-attestation', params: {} })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const hr = (await createSignedInUser(t, { login: `hr-${kind}`, roles: ['hr'] })).client;
    expect((await hr.call('reports.staff.run', { key: 'staff-education', params: {} })).tables.length).toBe(3);
    await expect(hr.call('reports.school.run', { key: 'pupils-general', params: {} })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describeEachDb('ОО-1 on the demo school', (kind) => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore(kind);
    await writeDemo(t.core.db, generateSchool());
  });
  afterAll(async () => t?.cleanup());

  it('passes every control relation of the form, counts the demo classes and staff, and the reports agree with each other', async () => {
    const r = await t.client.call('reports.school.run', { key: 'oo1', params: { date: '2026-09-20' } });
    expect(r.checks.filter((c) => !c.passed)).toEqual([]);
    expect(cell(r, '2.1.1', '05', 'c3')).toBe(33);
    const general = await t.client.call('reports.school.run', { key: 'pupils-general', params: { date: '2026-09-20' } });
    expect(cell(r, '2.1.1', '06', 'c3')).toBe(cell(general, 'contingent', 'total', 'total'));
    expect(general.checks.filter((c) => !c.passed)).toEqual([]);
    // Former employees are not counted; every other staff card is.
    expect(cell(r, '3.1', '01', 'c3')).toBe(70);
    // Courses were filled in the demo: most teachers trained in the last three years, some not.
    const trained = Number(cell(r, 'справка2', '56', 'c3'));
    expect(trained).toBeGreaterThan(30);
    expect(trained).toBeLessThan(Number(cell(r, '3.1', '06', 'c3')));
    const social = await t.client.call('reports.school.run', { key: 'social-passport-school', params: { date: '2026-10-01' } });
    expect(Number(cell(social, 'passport', 'large', 'total'))).toBeGreaterThan(10);
    const staff = await t.client.call('reports.staff.run', { key: 'staff-attestation', params: { date: '2026-12-05' } });
    expect(staff.checks).toEqual([]);
    expect(Number(cell(staff, 'categories', 'total', 'total'))).toBeGreaterThan(40);
  });
});
