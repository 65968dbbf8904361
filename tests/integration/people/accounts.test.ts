import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors';
import { KEY_FILE } from '../../../src-main/core/accounts/passwordVault';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { seedSchool, type SchoolFixture } from '../access/schoolFixture';
import { enrolByOrder } from './enrol';
import { createSignedInUser } from '../../helpers/accessHelpers';

function pdfText(base64: string, dir: string): string {
  const file = path.join(dir, `letters-${Date.now()}.pdf`);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describeEachDb('portal accounts and account letters', (kind) => {
  let t: TestCore;
  let fx: SchoolFixture;
  let pupilId: string;
  let motherId: string;

  beforeAll(async () => {
    t = await createTestCore(kind);
    fx = await seedSchool(t.core.db);
    const mother = await t.client.call('people.parents.create', { lastName: 'Голубева', firstName: 'Светлана', middleName: 'Олеговна', sex: 'Ж', birthDate: '1987-07-07' });
    motherId = mother.id;
    const pupil = await t.client.call('people.pupils.create', {
      lastName: 'Голубев',
      firstName: 'Матвей',
      middleName: 'Ильич',
      sex: 'М',
      birthDate: '2014-09-09',
      parents: [{ parentId: mother.id, relation: 'мать' }],
    });
    pupilId = pupil.id;
    await enrolByOrder(t.client, { pupilIds: [pupil.id], classId: fx.class5A, orderDate: '2025-09-05', effectiveDate: '2025-09-08', numberText: '101-з' });
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('opens tasks for the pupil and the parent enrolled by a signed order, due 3 working days after it', async () => {
    const rows = await t.client.call('accounts.list', { classId: fx.class5A });
    expect(rows.map((r) => [r.personKind, r.personName, r.status, r.orderNumber, r.dueDate])).toEqual([
      ['pupil', 'Голубев Матвей Ильич', 'toCreate', '101-з', '2025-09-10'],
      ['parent', 'Голубева Светлана Олеговна', 'toCreate', '101-з', '2025-09-10'],
    ]);
    // A second child of the same mother does not open a second task for her.
    const eva = await t.client.call('people.pupils.create', { lastName: 'Голубева', firstName: 'Ева', sex: 'Ж', birthDate: '2016-01-01', parents: [{ parentId: motherId, relation: 'мать' }] });
    await enrolByOrder(t.client, { pupilIds: [eva.id], classId: fx.class5B, orderDate: '2025-09-05', effectiveDate: '2025-09-08', numberText: '102-з' });
    const mothers = (await t.client.call('accounts.list', { personKind: 'parent' })).filter((r) => r.personName.startsWith('Голубева Светлана'));
    expect(mothers).toHaveLength(1);
    expect(mothers[0].className).toBe('5А, 5Б');
  });

  it('opens no task for pupils typed in from the paper book (ввод контингента): they have accounts already', async () => {
    const old = await t.client.call('people.pupils.create', { lastName: 'Старожилов', firstName: 'Пётр', sex: 'М', birthDate: '2014-02-02' });
    await enrolByOrder(t.client, { pupilIds: [old.id], classId: fx.class5A, orderDate: '2025-09-05', numberText: '103-з', enrollKind: 'contingent' });
    expect((await t.client.call('people.pupils.get', { id: old.id })).account).toBeNull();
  });

  it('lists overdue accounts for the start page', async () => {
    const { overdue, open } = await t.client.call('accounts.overdue', {});
    // Ordered on Friday 5 September 2025, due Wednesday 10 September: long overdue by now.
    expect(overdue.map((r) => r.dueDate)).toEqual(['2025-09-10', '2025-09-10', '2025-09-10']);
    expect(overdue.every((r) => (r.daysLeft ?? 0) < 0)).toBe(true);
    expect(open).toBe(3);
  });

  it('goes sent → created with an encrypted password → handed over with the password erased', async () => {
    const [pupil, mother] = (await t.client.call('accounts.list', { classId: fx.class5A })).slice(0, 2);
    const sent = await t.client.call('accounts.markSent', { ids: [mother.id, pupil.id], fileName: 'Зачисление 5А.csv', date: '2025-09-09' });
    expect(sent.map((r) => [r.status, r.exportFile])).toEqual([
      ['sentToPortal', 'Зачисление 5А.csv'],
      ['sentToPortal', 'Зачисление 5А.csv'],
    ]);
    const parsed = await t.client.call('accounts.parsePrintout', {
      text: 'ФИО\tЛогин\nГолубев Матвей Ильич\tГолубевМ\nГолубева Светлана Олеговна\tмГолубева\nНеизвестный Человек Какой-то\tкто',
      code: '4821',
    });
    expect(parsed.matched.map((m) => [m.personName, m.login, m.password])).toEqual([
      ['Голубев Матвей Ильич', 'ГолубевМ', 'Голубев4821'],
      ['Голубева Светлана Олеговна', 'мГолубева', 'Голубева4821'],
    ]);
    expect(parsed.unmatched).toEqual([{ line: 4, text: 'Неизвестный Человек Какой-то кто', reason: 'нет такой незакрытой учётной записи' }]);
    const created = await t.client.call('accounts.recordCreated', {
      entries: parsed.matched.map((m) => ({ id: m.id, version: m.version, login: m.login, password: m.password })),
      date: '2025-09-09',
    });
    expect(created.every((r) => r.status === 'created' && r.hasPassword)).toBe(true);
    // Encrypted at rest, with the key in the data folder (0600), never in the database.
    const stored = await t.core.db.selectFrom('portalAccount').select(['passwordEnc']).where('id', '=', pupil.id).executeTakeFirstOrThrow();
    expect(stored.passwordEnc).toMatch(/^v1:[0-9a-f]{8}:/);
    expect(stored.passwordEnc).not.toContain('Голубев4821');
    expect(fs.statSync(path.join(t.dataDir, KEY_FILE)).mode & 0o777).toBe(0o600);
    const log = await t.core.db.selectFrom('auditLog').select('changes').where('entity', '=', 'portalAccount').execute();
    expect(log.some((l) => (l.changes ?? '').includes('4821'))).toBe(false);
  });

  it('prints the class letters as PDF and DOCX with logins and initial passwords, and logs the export', async () => {
    const pdf = await t.client.call('accounts.letters', { classId: fx.class5A, format: 'pdf' });
    expect(pdf.fileName).toBe('Учётные записи портала 5А.pdf');
    expect(pdf.rows).toBe(2);
    const text = pdfText(pdf.contentBase64, t.dataDir);
    for (const s of ['Голубев Матвей Ильич', 'ГолубевМ', 'Голубев4821', 'Голубева Светлана Олеговна', 'мГолубева', 'Голубева4821', 'https://netschool.edu22.info', 'Как войти', 'Голубев Матвей Ильич (обучающийся, 5А)', 'родитель (мать) обучающегося Голубева Матвея Ильича, 5А']) {
      expect(text.replace(/\s+/g, ' '), s).toContain(s);
    }
    // Pupils of 5А without a created account are named, not silently left out.
    expect(pdf.skipped.sort()).toEqual(
      [
        'Ёлкина Алиса Дмитриевна — задача на учётную запись не поставлена',
        'Смирнов Артём Олегович — задача на учётную запись не поставлена',
        'Смирнова Ольга Викторовна — задача на учётную запись не поставлена',
        'Старожилов Пётр — задача на учётную запись не поставлена',
      ].sort(),
    );

    await t.client.call('accounts.settings.save', { portalUrl: 'https://sgo.edu22.info' });
    const docx = await t.client.call('accounts.letters', { classId: fx.class5A, format: 'docx' });
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(docx.contentBase64, 'base64') });
    for (const s of ['Голубев Матвей Ильич', 'ГолубевМ', 'Голубев4821', 'мГолубева', 'Голубева4821', 'https://sgo.edu22.info', 'Как войти']) expect(value, s).toContain(s);
    const exports = await t.core.db.selectFrom('auditLog').selectAll().where('method', '=', 'accounts.letters').execute();
    expect(exports.map((e) => e.action)).toEqual(['export', 'export']);
    expect(exports.every((e) => !(e.changes ?? '').includes('4821'))).toBe(true);
  });

  it('exports the account list to Excel with the columns shown, never a password, and logs the export', async () => {
    const file = await t.client.call('accounts.export', { classId: fx.class5A, columns: ['personName', 'status', 'deadline', 'login', 'hasPassword'] });
    expect(file.fileName).toBe('Учётные записи портала 5А.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['№', 'ФИО', 'Состояние', 'Срок', 'Логин', 'Начальный пароль']);
    const rows = [2, 3].map((n) => (ws.getRow(n).values as unknown[]).slice(1));
    expect(rows).toEqual([
      [1, 'Голубев Матвей Ильич', 'Создана', expect.stringMatching(/^до 10\.09\.2025 \(просрочено на \d+ раб\. дн\.\)$/), 'ГолубевМ', 'сохранён'],
      [2, 'Голубева Светлана Олеговна', 'Создана', expect.stringMatching(/^до 10\.09\.2025/), 'мГолубева', 'сохранён'],
    ]);
    const everything = JSON.stringify(wb.worksheets.map((w) => w.getSheetValues()));
    expect(everything).not.toContain('4821');
    const log = await t.core.db.selectFrom('auditLog').select(['action', 'changes']).where('method', '=', 'accounts.export').executeTakeFirstOrThrow();
    expect(log.action).toBe('export');
    expect(JSON.parse(log.changes ?? '{}')).toMatchObject({ rows: 2, columns: ['personName', 'status', 'deadline', 'login', 'hasPassword'] });
  });

  it('confirms hand-over per person, erasing the stored password, and refuses it twice', async () => {
    const rows = await t.client.call('accounts.list', { classId: fx.class5A, personKind: 'pupil' });
    const row = rows.find((r) => r.personId === pupilId) as (typeof rows)[number];
    const done = await t.client.call('accounts.handOver', { id: row.id, version: row.version, date: '2025-09-10', to: 'Голубев М. И. лично' });
    expect(done).toMatchObject({ status: 'handedOver', handedOverOn: '2025-09-10', handedOverTo: 'Голубев М. И. лично', handedOverBy: 'Система', hasPassword: false, overdue: false });
    const stored = await t.core.db.selectFrom('portalAccount').select('passwordEnc').where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(stored.passwordEnc).toBeNull();
    const again = await t.client.call('accounts.handOver', { id: row.id, version: done.version, date: '2025-09-10', to: 'ещё раз' }).catch((e: unknown) => e);
    expect((again as AppError).code).toBe('VALIDATION');
    const audit = await t.core.db.selectFrom('auditLog').selectAll().where('recordId', '=', row.id).where('method', '=', 'accounts.handOver').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.changes ?? '{}')).toMatchObject({ status: ['Создана', 'Выдана'], password: ['хранится', 'удалён'], handedOverTo: [null, 'Голубев М. И. лично'] });
    // The letter now goes only to the mother; the pupil is listed as handed over.
    const pdf = await t.client.call('accounts.letters', { classId: fx.class5A, format: 'pdf' });
    expect(pdf.rows).toBe(1);
    expect(pdf.skipped).toContain('Голубев Матвей Ильич — выдана');
    // The card's history shows the account's life.
    const history = await t.client.call('people.pupils.history', { id: pupilId });
    expect(history.filter((h) => h.action.startsWith('account-')).length).toBe(4);
  });

  it('opens a staff task from the hire date and the hiring order', async () => {
    const s = await t.client.call('staff.create', { lastName: 'Новикова', firstName: 'Елена', sex: 'Ж', birthDate: '1990-01-01', hireDate: '2025-09-01', hireOrderNumber: '44-к', hireOrder: { orderDate: '2025-08-29' } });
    expect(s.account).toMatchObject({ status: 'toCreate', dueDate: '2025-09-03' });
  });

  it('HR prints the letters of chosen staff; a class letter is refused with a word for HR; the secretary is refused staff letters', async () => {
    const s = await t.client.call('staff.create', { lastName: 'Журавлёва', firstName: 'Ольга', middleName: 'Петровна', sex: 'Ж', birthDate: '1984-03-03', positions: [{ position: 'учитель', kind: 'main', rate: 1, startDate: '2025-09-01', endDate: null, orderNumber: '45-к' }], hireDate: '2025-09-01', hireOrderNumber: '45-к', hireOrder: { orderDate: '2025-08-29' } });
    const waiting = await t.client.call('staff.create', { lastName: 'Ждунов', firstName: 'Иван', sex: 'М', birthDate: '1980-01-01', hireDate: '2025-09-01', hireOrderNumber: '46-к', hireOrder: { orderDate: '2025-08-29' } });
    const account = (await t.client.call('accounts.list', { personKind: 'staff' })).find((r) => r.personId === s.id)!;
    await t.client.call('accounts.markSent', { ids: [account.id], fileName: 'Сотрудники.csv', date: '2025-09-02' });
    const sent = (await t.client.call('accounts.list', { personKind: 'staff' })).find((r) => r.personId === s.id)!;
    await t.client.call('accounts.recordCreated', { entries: [{ id: sent.id, version: sent.version, login: 'ЖуравлёваО', password: 'Журавлёва7315' }], date: '2025-09-03' });

    const { client: hr } = await createSignedInUser(t, { login: 'kadry', roles: ['hr'] });
    const pdf = await hr.call('accounts.staffLetters', { staffIds: [s.id, waiting.id], format: 'pdf' });
    expect(pdf.rows).toBe(1);
    expect(pdf.fileName).toBe('Учётные записи портала, сотрудники.pdf');
    const text = pdfText(pdf.contentBase64, t.dataDir).replace(/\s+/g, ' ');
    for (const w of ['Журавлёва Ольга Петровна (учитель)', 'ЖуравлёваО', 'Журавлёва7315', 'обратитесь к специалисту по кадрам']) expect(text, w).toContain(w);
    expect(text).not.toContain('Родителям');
    expect(pdf.skipped).toEqual(['Ждунов Иван — нужно создать']);
    const docx = await hr.call('accounts.staffLetters', { staffIds: [s.id], format: 'docx' });
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(docx.contentBase64, 'base64') });
    for (const w of ['Журавлёва Ольга Петровна', 'учитель', 'ЖуравлёваО', 'Журавлёва7315']) expect(value, w).toContain(w);
    const log = await t.core.db.selectFrom('auditLog').select(['action', 'changes']).where('method', '=', 'accounts.staffLetters').execute();
    expect(log.map((l) => l.action)).toEqual(['export', 'export']);
    expect(JSON.stringify(log)).not.toContain('7315');

    // HR asking for a class: told who prints class letters and where HR's own letters are.
    await expect(hr.call('accounts.letters', { classId: fx.class5A, format: 'pdf' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/письма класса 5А .*печатают секретарь и классный руководитель.*Письма сотрудникам/),
    });
    const { client: secretary } = await createSignedInUser(t, { login: 'sekretar', roles: ['secretary'] });
    await expect(secretary.call('accounts.staffLetters', { staffIds: [s.id], format: 'pdf' })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('специалист по кадрам') });
    // Nobody is printed twice by mistake: an unknown id refuses the whole batch.
    await expect(hr.call('accounts.staffLetters', { staffIds: [s.id, '01900000-0000-7000-8000-000000000000'], format: 'pdf' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
