import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSignedInUser } from '../../helpers/accessHelpers';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { closeYear, seedReportsSchool, type ReportsFixture } from './reportsFixture';
import { SOFFICE, cell, rowOf, sheetFor, sheetRow, sofficeSheets, workbookOf } from './readBack';

/**
 * The pupil reports of the catalogue on the hand-built school of reportsFixture.ts: every figure
 * below was counted by hand from the fixture's table of pupils, then read back from the Excel file
 * by exceljs and by LibreOffice.
 */
describeEachDb('pupil reports on a hand-counted school', (kind) => {
  let t: TestCore;
  let fx: ReportsFixture;

  beforeAll(async () => {
    t = await createTestCore(kind);
    fx = await seedReportsSchool(t.client);
  });
  afterAll(async () => t?.cleanup());

  it('«Общие сведения об обучающихся» on 1 October counts by grade, sex, age, health, PE and social categories', async () => {
    const r = await t.client.call('reports.school.run', { key: 'pupils-general', params: { date: '2026-10-01' } });
    expect(r.subtitle).toContain('01.10.2026');
    expect(rowOf(r, 'contingent', 'total')).toEqual({ classes: 6, total: 10, boys: 6, girls: 4, ovz: 2, disabled: 1, home: 1, boarding: 1, adapted: 1, foreign: 1 });
    expect(rowOf(r, 'contingent', 'g5')).toEqual({ classes: 2, total: 3, boys: 2, girls: 1, ovz: 1, disabled: 1, home: 1, boarding: 0, adapted: 0, foreign: 1 });
    expect(rowOf(r, 'contingent', 'noo')).toMatchObject({ classes: 2, total: 3 });
    expect(rowOf(r, 'contingent', 'ooo')).toMatchObject({ classes: 3, total: 5 });
    expect(rowOf(r, 'contingent', 'soo')).toMatchObject({ classes: 1, total: 2 });
    expect(rowOf(r, 'health', 'total')).toEqual({ total: 10, I: 2, II: 4, III: 1, IV: 1, V: 0, none: 2 });
    expect(rowOf(r, 'pe', 'total')).toMatchObject({ total: 10, основная: 6, подготовительная: 1, 'специальная «А»': 1, none: 2 });
    // Full years on 1 January 2027.
    expect(cell(r, 'age', 'a7', 'total')).toBe(2);
    expect(cell(r, 'age', 'a7', 'girls')).toBe(1);
    expect(cell(r, 'age', 'a11', 'g5')).toBe(2);
    expect(cell(r, 'age', 'a12', 'total')).toBe(1);
    expect(cell(r, 'age', 'a17', 'g11')).toBe(2);
    expect(cell(r, 'age', 'total', 'total')).toBe(10);
    expect(cell(r, 'birthYear', 'y2019', 'total')).toBe(2);
    expect(cell(r, 'birthYear', 'y2009', 'girls')).toBe(1);
    expect(rowOf(r, 'social', 'large')).toEqual({ total: 3, noo: 1, ooo: 1, soo: 1 });
    expect(rowOf(r, 'social', 'lowIncome')).toMatchObject({ total: 1, noo: 1 });
    expect(rowOf(r, 'social', 'guardianship')).toMatchObject({ total: 1, ooo: 1 });
    expect(rowOf(r, 'social', 'svo')).toMatchObject({ total: 1, ooo: 1 });
    expect(rowOf(r, 'social', 'foreign')).toMatchObject({ total: 1 });
    expect(r.checks.length).toBeGreaterThan(4);
    expect(r.checks.filter((c) => !c.passed)).toEqual([]);
    expect(r.notes.join(' ')).toContain('У 2 обучающихся не указана группа здоровья');

    // On 5 December the newcomer counts and the pupil who left does not.
    const later = await t.client.call('reports.school.run', { key: 'pupils-general', params: { date: '2026-12-05' } });
    expect(rowOf(later, 'contingent', 'g5')).toMatchObject({ total: 3, boys: 3, girls: 0, foreign: 0 });
  });

  it('drills down from a number to the pupils behind it, with why each is counted, and logs it as an export', async () => {
    const before = await t.core.db.selectFrom('auditLog').select('seq').where('action', '=', 'export').execute();
    const d = await t.client.call('reports.school.drill', { key: 'pupils-general', params: { date: '2026-10-01' }, target: { table: 'contingent', row: 'g5', column: 'ovz' } });
    expect(d.personKind).toBe('pupil');
    expect(d.people.map((p) => [p.fullName, p.where, p.detail])).toEqual([['Сидоров Иван Павлович', '5А', 'задержка психического развития (ЗПР)']]);
    const large = await t.client.call('reports.school.drill', { key: 'pupils-general', params: { date: '2026-10-01' }, target: { table: 'social', row: 'large', column: 'total' } });
    expect(large.people.map((p) => p.fullName).sort()).toEqual(['Волкова Дарья Андреевна', 'Морозова Ольга Николаевна', 'Петрова Анна Игоревна']);
    const health = await t.client.call('reports.school.drill', { key: 'pupils-general', params: { date: '2026-10-01' }, target: { table: 'health', row: 'total', column: 'none' } });
    expect(health.people.map((p) => p.fullName)).toEqual(['Лебедев Артём Ильич', 'Смирнов Олег Викторович']);
    const after = await t.core.db.selectFrom('auditLog').select(['seq', 'entity', 'changes']).where('action', '=', 'export').execute();
    expect(after.length - before.length).toBe(3);
    expect(after.at(-1)?.entity).toBe('report');
    expect(String(after.at(-1)?.changes)).toContain('Группы здоровья');
    await expect(t.client.call('reports.school.drill', { key: 'pupils-general', params: { date: '2026-10-01' }, target: { table: 'contingent', row: 'g5', column: 'nonsense' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('exports «Общие сведения» as a print-ready workbook that exceljs and LibreOffice read with the same numbers', async () => {
    const file = await t.client.call('reports.school.export', { key: 'pupils-general', params: { date: '2026-10-01' } });
    expect(file.fileName).toBe('Общие сведения об обучающихся на 01.10.2026.xlsx');
    expect(file.rows).toBe(10);
    const wb = await workbookOf(file.contentBase64);
    const ws = wb.getWorksheet('Контингент по параллелям');
    expect(ws).toBeDefined();
    if (!ws) return;
    expect(ws.getCell('A1').value).toBe('Общие сведения об обучающихся');
    expect(String(ws.getCell('A2').value)).toContain('МБОУ «СОШ № 6»; на 01.10.2026');
    expect(sheetRow(ws, 'Всего')).toEqual(['Всего', 6, 10, 6, 4, 2, 1, 1, 1, 1, 1]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen' });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1 });
    expect(ws.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    expect(ws.headerFooter.oddFooter).toContain('Страница &P из &N');
    const people = wb.getWorksheet('Обучающиеся');
    // Three title lines, the header and one line per pupil.
    expect(people?.actualRowCount).toBe(3 + 1 + 10);
    expect(wb.getWorksheet('Контрольные соотношения')).toBeDefined();
    if (!SOFFICE) return;
    const sheets = sofficeSheets(file.contentBase64);
    const contingent = sheetFor(sheets, 'Контингент по параллелям');
    expect(contingent.find((r) => r[0] === 'Всего')).toEqual(['Всего', '6', '10', '6', '4', '2', '1', '1', '1', '1', '1']);
    const health = sheetFor(sheets, 'Группы здоровья');
    expect(health.find((r) => r[0] === 'Всего')).toEqual(['Всего', '10', '2', '4', '1', '1', '0', '2']);
    const list = sheetFor(sheets, 'Обучающиеся');
    expect(list.filter((r) => /^\d+[А-Я]$/.test(r[0] ?? '')).length).toBe(10);
    expect(list.some((r) => r[1] === 'Смирнов Олег Викторович' && r.includes('ребёнок-инвалид'))).toBe(true);
  });

  it('«Итоговые данные по учащимся» counts the year from the movement book: arrivals, withdrawals, the annual orders', async () => {
    const open = await t.client.call('reports.school.run', { key: 'pupils-year-results', params: { yearId: fx.yearId } });
    expect(rowOf(open, 'results', 'total')).toMatchObject({ start: 10, arrived: 1, 'w:sameRegion': 1, left: 1, completed: 10, undecided: 10, promoted: 0 });
    expect(open.checks.every((c) => c.passed)).toBe(true);

    await closeYear(t.client, fx);
    const r = await t.client.call('reports.school.run', { key: 'pupils-year-results', params: { yearId: fx.yearId } });
    expect(rowOf(r, 'results', 'total')).toMatchObject({ start: 10, arrived: 1, left: 1, completed: 10, promoted: 5, conditional: 1, repeat: 1, graduated: 2, noCertificate: 1, undecided: 0 });
    expect(rowOf(r, 'results', 'g5')).toMatchObject({ start: 3, arrived: 1, 'w:sameRegion': 1, completed: 3, promoted: 2, conditional: 1 });
    expect(rowOf(r, 'results', 'g9')).toMatchObject({ start: 2, completed: 2, repeat: 1, graduated: 1 });
    expect(rowOf(r, 'results', 'g11')).toMatchObject({ start: 2, completed: 2, graduated: 1, noCertificate: 1 });
    expect(r.checks.filter((c) => !c.passed)).toEqual([]);
    const noCert = await t.client.call('reports.school.drill', { key: 'pupils-year-results', params: { yearId: fx.yearId }, target: { table: 'results', row: 'g11', column: 'noCertificate' } });
    expect(noCert.people).toHaveLength(1);
    expect(noCert.people[0].fullName).toBe('Зайцев Денис Олегович');
    expect(noCert.people[0].detail).toContain('справка об обучении');
    const file = await t.client.call('reports.school.export', { key: 'pupils-year-results', params: { yearId: fx.yearId } });
    const ws = (await workbookOf(file.contentBase64)).worksheets[0];
    expect(sheetRow(ws, 'Всего').slice(0, 3)).toEqual(['Всего', 10, 1]);
  });

  it('the social passports of the school and of a class count the same categories and name the pupils', async () => {
    const school = await t.client.call('reports.school.run', { key: 'social-passport-school', params: { date: '2026-10-01' } });
    expect(cell(school, 'passport', 'all', 'total')).toBe(10);
    expect(cell(school, 'passport', 'large', 'total')).toBe(3);
    expect(cell(school, 'passport', 'large', `c:${fx.classes['9А']}`)).toBe(1);
    expect(cell(school, 'passport', 'large', 'ooo')).toBe(1);
    expect(cell(school, 'passport', 'kdn', 'soo')).toBe(1);
    expect(cell(school, 'passport', 'boarding', 'total')).toBe(1);
    const klass = await t.client.call('reports.class.run', { key: 'social-passport-class', params: { date: '2026-10-01', classId: fx.classes['5А'] } });
    expect(klass.subtitle).toContain('5А класс');
    expect(klass.subtitle).toContain('Котов Андрей Олегович');
    expect(rowOf(klass, 'passport', 'all')).toEqual({ total: 2, boys: 1, girls: 1 });
    expect(rowOf(klass, 'passport', 'svo')).toEqual({ total: 1, boys: 1, girls: 0 });
    const names = klass.tables.find((x) => x.id === 'names');
    expect(names?.rows.map((x) => `${x.label}: ${x.cells[0]}`)).toEqual([
      'Сидоров Иван Павлович: Обучающиеся с ОВЗ',
      'Сидоров Иван Павлович: Из семей участников СВО',
      'Кузнецова Мария Алексеевна: Иностранные граждане и лица без гражданства',
    ]);
    await expect(t.client.call('reports.class.run', { key: 'social-passport-class', params: { date: '2026-10-01' } })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('class lists carry ФИО, birth date, address, parents and phones; Excel read back', async () => {
    const r = await t.client.call('reports.class.run', { key: 'class-lists', params: { date: '2026-09-01', classId: fx.classes['1А'] } });
    expect(r.tables).toHaveLength(1);
    const list = r.tables[0];
    expect(list.title).toBe('1А класс — классный руководитель Белова Наталья Ивановна');
    expect(list.rows.map((x) => [x.label, x.cells[1], x.cells[3], x.cells[4]])).toEqual([
      ['Иванов Пётр Сергеевич', '10.05.2019', '', ''],
      ['Петрова Анна Игоревна', '20.11.2019', 'Петрова Светлана Игоревна (мать)', '+7 (913) 111-22-33 (мать)'],
    ]);
    const all = await t.client.call('reports.class.run', { key: 'class-lists', params: { date: '2026-09-01' } });
    expect(all.tables.map((x) => x.title.split(' ')[0])).toEqual(['1А', '3В', '5А', '5Б', '9А', '11А']);
    const file = await t.client.call('reports.class.export', { key: 'class-lists', params: { date: '2026-09-01', classId: fx.classes['1А'] } });
    expect(file.rows).toBe(2);
    const ws = (await workbookOf(file.contentBase64)).worksheets[0];
    expect(sheetRow(ws, 'Петрова Анна Игоревна')).toEqual(['Петрова Анна Игоревна', 2, '20.11.2019', '', 'Петрова Светлана Игоревна (мать)', '+7 (913) 111-22-33 (мать)']);
  });

  it('a class teacher is refused school-wide reports and other classes; their own class works, parents follow their right', async () => {
    const tutor = (await createSignedInUser(t, { login: `tutor-${kind}`, roles: ['classTeacher'], staffId: fx.staff.s4 })).client;
    await expect(tutor.call('reports.school.run', { key: 'pupils-general', params: { date: '2026-10-01' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(tutor.call('reports.school.export', { key: 'oo1', params: {} })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(tutor.call('reports.class.run', { key: 'class-lists', params: { date: '2026-09-01', classId: fx.classes['1А'] } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(tutor.call('reports.class.drill', { key: 'social-passport-class', params: { date: '2026-10-01', classId: fx.classes['9А'] }, target: { table: 'passport', row: 'all', column: 'total' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(tutor.call('reports.staff.run', { key: 'staff-attestation', params: {} })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const own = await tutor.call('reports.class.run', { key: 'class-lists', params: { date: '2026-09-01' } });
    expect(own.tables.map((x) => x.title.split(' ')[0])).toEqual(['5А']);
    // Without a class named, his only class is the class passport's class.
    const passport = await tutor.call('reports.class.run', { key: 'social-passport-class', params: { date: '2026-10-01' } });
    expect(cell(passport, 'passport', 'all', 'total')).toBe(2);
    // A subject teacher of the same class sees no parents (no right to parents' cards).
    const teacher = (await createSignedInUser(t, { login: `teacher-${kind}`, roles: ['teacher'], staffId: fx.staff.s4 })).client;
    const lists = await teacher.call('reports.class.run', { key: 'class-lists', params: { date: '2026-09-01', classId: fx.classes['5А'] } });
    expect(lists.tables[0].columns[3].title).toBe('Родители (нет права просмотра)');
    expect(lists.notes.join(' ')).toContain('скрыты');
  });

  it('refuses bad parameters with a message naming the field, and an unknown year or class', async () => {
    await expect(t.client.call('reports.school.run', { key: 'pupils-general', params: { date: '2026-02-30' } })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('На дату') });
    await expect(t.client.call('reports.school.run', { key: 'class-lists' as never, params: {} })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Отчёт') });
    await expect(t.client.call('reports.school.run', { key: 'pupils-year-results', params: { yearId: 'нет-такого' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(t.client.call('reports.class.run', { key: 'class-lists', params: { classId: 'нет-такого' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  // Files are made in the core's job worker, which does not hear the server's dataChanged events:
  // a file asked for right after a card change must carry the change (this test runs last: it edits).
  it('a workbook made in the job worker counts a card change made a moment before', async () => {
    const healthRow = async () => {
      const file = await t.client.call('reports.school.export', { key: 'pupils-general', params: { date: '2026-10-01' } });
      const ws = (await workbookOf(file.contentBase64)).getWorksheet('Группы здоровья');
      return ws ? sheetRow(ws, 'Всего') : [];
    };
    expect(await healthRow()).toEqual(['Всего', 10, 2, 4, 1, 1, 0, 2]);
    expect(rowOf(await t.client.call('reports.school.run', { key: 'pupils-general', params: { date: '2026-10-01' } }), 'health', 'total')).toMatchObject({ I: 2, V: 0 });
    const card = await t.client.call('people.pupils.get', { id: fx.pupils.p1 });
    await t.client.call('people.pupils.update', { id: card.id, version: card.version, healthGroup: 'V' });
    expect(await healthRow()).toEqual(['Всего', 10, 1, 4, 1, 1, 1, 2]);
    expect(rowOf(await t.client.call('reports.school.run', { key: 'pupils-general', params: { date: '2026-10-01' } }), 'health', 'total')).toMatchObject({ I: 1, V: 1 });
  });
});
