import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hasTool, sofficeConvert, tempFile } from '../movement/readers';
import { AppError } from '../../../src-shared/errors';
import type { PupilView } from '../../../src-shared/contract/peopleViews';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { seedSchool, type SchoolFixture } from '../access/schoolFixture';
import { enrolByOrder } from './enrol';

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const FULL_CARD = {
  lastName: 'ёлкина',
  firstName: 'ВАРВАРА',
  middleName: 'андреевна',
  sex: 'Ж' as const,
  birthDate: '2015-04-20',
  placeOfBirth: 'г. Барнаул',
  snils: '112-233-445 95',
  phoneMobile: '+7 (913) 123-45-67',
  email: 'elkina@mail.ru',
  documents: [{ type: 'birthCertificate' as const, series: 'iv-мю', number: '654321', issueDate: '2015-05-01', issuer: 'Отдел ЗАГС г. Барнаула', issuerCode: null }],
  addresses: [
    { kind: 'registration' as const, postalCode: '656056', region: 'Алтайский край', district: null, settlement: 'Барнаул', street: 'Ленина', house: '10', building: null, flat: '5' },
  ],
  healthGroup: 'II',
  peGroup: 'основная',
  hasOvz: true,
  ovzCategory: 'задержка психического развития (ЗПР)',
  adaptedProgramme: 'ФАОП НОО, вариант 7.2',
  pmpkNumber: '123',
  pmpkDate: '2022-05-10',
  boarding: true,
  needsTransport: true,
  freeMeals: true,
  familyComposition: 'полная семья',
  socialStatus: ['многодетная семья', 'семья участника СВО'],
};

describeEachDb('pupil cards', (kind) => {
  let t: TestCore;
  let fx: SchoolFixture;

  beforeAll(async () => {
    t = await createTestCore(kind);
    fx = await seedSchool(t.core.db);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('creates a full card with normalised names and documents; the enrolment order opens the account task', async () => {
    const created = await t.client.call('people.pupils.create', FULL_CARD);
    expect(created).toMatchObject({ className: null, account: null });
    await enrolByOrder(t.client, { pupilIds: [created.id], classId: fx.class5A, orderDate: '2025-08-29', effectiveDate: '2025-09-01', numberText: '12-з' });
    const pupil = await t.client.call('people.pupils.get', { id: created.id });
    expect(pupil).toMatchObject({
      lastName: 'Ёлкина',
      firstName: 'Варвара',
      middleName: 'Андреевна',
      className: '5А',
      hasOvz: true,
      socialStatus: ['многодетная семья', 'семья участника СВО'],
    });
    // The movement book numbered the pupil in the alphabet book and wrote the numbers on the card.
    expect(pupil.alphabetBookNumber).toMatch(/^\d+$/);
    expect(pupil.version).toBe(created.version + 1);
    expect(pupil.documents[0]).toMatchObject({ type: 'birthCertificate', series: 'IV-МЮ', number: '654321' });
    expect(pupil.addresses[0]).toMatchObject({ kind: 'registration', settlement: 'Барнаул', flat: '5' });
    // Friday 29 August 2025 + 3 working days = Wednesday 3 September.
    expect(pupil.account).toMatchObject({ status: 'toCreate', dueDate: '2025-09-03' });
    expect(pupil.classHistory).toEqual([expect.objectContaining({ className: '5А', startDate: '2025-09-01', endDate: null })]);
    const stored = await t.core.db.selectFrom('pupil').selectAll().where('id', '=', pupil.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ hasOvz: 1, boarding: 1, socialStatus: JSON.stringify(['многодетная семья', 'семья участника СВО']), searchKey: 'елкина варвара андреевна' });
  });

  it('refuses invalid input with a Russian message naming record and field, and saves nothing', async () => {
    const before = await t.core.db.selectFrom('pupil').select('id').execute();
    const badSnils = await refusal(t.client.call('people.pupils.create', { ...FULL_CARD, lastName: 'Иванов', snils: '112-233-445 94' }));
    expect(badSnils.code).toBe('VALIDATION');
    expect(badSnils.message).toBe('Карточка обучающегося, поле «СНИЛС»: неверная контрольная сумма — проверьте цифры. Ничего не сохранено.');
    const tooYoung = await refusal(t.client.call('people.pupils.create', { ...FULL_CARD, lastName: 'Иванов', snils: null, birthDate: '2024-01-01' }));
    expect(tooYoung.message).toMatch(/^Карточка обучающегося, поле «Дата рождения»: возраст обучающегося должен быть от 5 до 20 лет/);
    const latin = await refusal(t.client.call('people.pupils.create', { ...FULL_CARD, lastName: 'Ivanov', snils: null }));
    expect(latin.message).toMatch(/поле «Фамилия»: латинские буквы не допускаются/);
    const passport = await refusal(
      t.client.call('people.pupils.create', {
        ...FULL_CARD,
        lastName: 'Иванов',
        snils: null,
        documents: [{ type: 'passport', series: '0115', number: '123456', issueDate: '2024-05-01', issuer: null, issuerCode: '220-001' }],
      }),
    );
    expect(passport.message).toMatch(/поле «Документы, строка 1: дата выдачи»: паспорт гражданина РФ выдаётся с 14 лет/);
    expect(await t.core.db.selectFrom('pupil').select('id').execute()).toHaveLength(before.length);
  });

  it('saves only the fields given, audits old → new per field, and refuses a stale version', async () => {
    const [row] = await t.client.call('people.pupils.list', { search: 'ёлкина варв' });
    const card = await t.client.call('people.pupils.get', { id: row.id });
    const saved = await t.client.call('people.pupils.update', { id: card.id, version: card.version, phoneMobile: '+7 (913) 765-43-21', boarding: false, socialStatus: ['многодетная семья'] });
    expect(saved).toMatchObject({ version: card.version + 1, phoneMobile: '+7 (913) 765-43-21', boarding: false, email: 'elkina@mail.ru', hasOvz: true });
    const audit = await t.core.db.selectFrom('auditLog').selectAll().where('recordId', '=', card.id).where('action', '=', 'update').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.changes ?? '{}')).toEqual({
      phoneMobile: ['+7 (913) 123-45-67', '+7 (913) 765-43-21'],
      boarding: [true, false],
      socialStatus: [['многодетная семья', 'семья участника СВО'], ['многодетная семья']],
    });
    const stale = await refusal(t.client.call('people.pupils.update', { id: card.id, version: card.version, email: 'x@y.ru' }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toMatch(/только что изменил другой пользователь/);
    expect((await t.client.call('people.pupils.get', { id: card.id })).email).toBe('elkina@mail.ru');
  });

  it('warns about a duplicate pupil and links the existing card instead of creating a second one', async () => {
    const mother = await t.client.call('people.parents.create', { lastName: 'Ёлкина', firstName: 'Ирина', middleName: 'Петровна', sex: 'Ж', birthDate: '1986-01-15' });
    const count = async () => (await t.core.db.selectFrom('pupil').select('id').execute()).length;
    const before = await count();
    const dup = await refusal(t.client.call('people.pupils.create', { lastName: 'Елкина', firstName: 'варвара', middleName: 'Андреевна', sex: 'Ж', birthDate: '2015-04-20', parents: [{ parentId: mother.id, relation: 'мать' }] }));
    expect(dup.code).toBe('CONFLICT');
    expect(dup.message).toMatch(/^Карточка обучающегося «Ёлкина Варвара Андреевна» уже есть \(совпадают ФИО и дата рождения 20\.04\.2015\)/);
    const candidates = dup.details?.duplicates as { id: string; reason: string; detail: string }[];
    expect(candidates).toEqual([expect.objectContaining({ reason: 'name-birthdate', detail: '5А класс' })]);
    expect(await count()).toBe(before);
    // The form's «Привязать существующую»: the link goes to the card that exists.
    await t.client.call('people.links.add', { pupilId: candidates[0].id, parentId: mother.id, relation: 'мать' });
    const linked = await t.client.call('people.pupils.get', { id: candidates[0].id });
    expect(linked.parents.map((p) => [p.lastName, p.relation])).toEqual([['Ёлкина', 'мать']]);
    // The same СНИЛС is a duplicate too, whatever the name.
    const bySnils = await refusal(t.client.call('people.pupils.create', { lastName: 'Другая', firstName: 'Анна', sex: 'Ж', birthDate: '2015-01-01', snils: '11223344595' }));
    expect((bySnils.details?.duplicates as { reason: string }[])[0].reason).toBe('snils');
    // …unless the user confirms it is a different person.
    const twin = await t.client.call('people.pupils.create', { lastName: 'Ёлкина', firstName: 'Варвара', middleName: 'Андреевна', sex: 'Ж', birthDate: '2015-04-20', allowDuplicate: true });
    expect(twin.id).not.toBe(candidates[0].id);
    expect(await t.client.call('people.pupils.duplicates', { lastName: 'ЁЛКИНА', firstName: 'Варвара', middleName: 'андреевна', birthDate: '2015-04-20', excludeId: twin.id })).toHaveLength(1);
  });

  it('links siblings to one mother, stored once, and shows them on each other’s cards', async () => {
    const mother = await t.client.call('people.parents.create', {
      lastName: 'Смирнова',
      firstName: 'Ирина',
      sex: 'Ж',
      birthDate: '1985-03-03',
      children: [{ pupilId: fx.pupils5A[0], relation: 'мать' }],
      allowDuplicate: true,
    });
    const sibling = await t.client.call('people.pupils.create', { lastName: 'Смирнова', firstName: 'Дарья', middleName: 'Олеговна', sex: 'Ж', birthDate: '2017-02-02', parents: [{ parentId: mother.id, relation: 'мать' }] });
    const card = await t.client.call('people.parents.get', { id: mother.id });
    expect(card.children.map((c) => c.name)).toEqual(['Смирнов Артём Олегович', 'Смирнова Дарья Олеговна']);
    const older = (await t.client.call('people.pupils.get', { id: fx.pupils5A[0] })) as PupilView;
    expect(older.siblings).toEqual([{ pupilId: sibling.id, name: 'Смирнова Дарья Олеговна', className: null }]);
    expect(await t.core.db.selectFrom('parent').select('id').where('lastName', '=', 'Смирнова').where('firstName', '=', 'Ирина').execute()).toHaveLength(1);
    // A mother 14 years younger than the child is refused.
    const young = await t.client.call('people.parents.create', { lastName: 'Юная', firstName: 'Ольга', sex: 'Ж', birthDate: '2005-01-01' });
    const gap = await refusal(t.client.call('people.links.add', { pupilId: fx.pupils5A[0], parentId: young.id, relation: 'мать' }));
    expect(gap.message).toMatch(/не меньше чем на 14 лет/);
  });

  it('lists pupils with filters and exports the columns shown, logging the export', async () => {
    const ovz = await t.client.call('people.pupils.list', { flags: ['hasOvz'] });
    expect(ovz.map((p) => p.lastName)).toEqual(['Ёлкина']);
    expect(await t.client.call('people.pupils.count', { status: 'notStudying' })).toEqual({ total: 2 });
    const page = await t.client.call('people.pupils.list', { limit: 2, offset: 1 });
    const all = await t.client.call('people.pupils.list', {});
    expect(page.map((p) => p.id)).toEqual(all.slice(1, 3).map((p) => p.id));
    const file = await t.client.call('people.pupils.export', { classId: fx.class5A, columns: ['lastName', 'className', 'parentsText'] });
    expect(file.rows).toBe(3);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['№', 'Фамилия', 'Класс', 'Родители']);
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([2, 'Ёлкина', '5А', 'Ёлкина И. П. (мать)']);
    expect(ws.rowCount).toBe(4);
    // An independent reader (DESIGN.md §10) sees the same header and rows; once, on SQLite, to spare the machine.
    if (kind === 'sqlite' && hasTool('soffice')) {
      const { file: xlsx } = tempFile('pupils.xlsx', Buffer.from(file.contentBase64, 'base64'));
      const csv = fs.readFileSync(sofficeConvert(xlsx, 'csv:Text - txt - csv (StarCalc):44,34,76'), 'utf8');
      const fromExcelJs = [1, 2, 3, 4].map((n) => (ws.getRow(n).values as unknown[]).slice(1).join(','));
      expect(csv.split(/\r?\n/).slice(0, 4)).toEqual(fromExcelJs);
    }
    const log = await t.core.db.selectFrom('auditLog').selectAll().where('method', '=', 'people.pupils.export').execute();
    expect(JSON.parse(log[0].changes ?? '{}')).toMatchObject({ rows: 3, className: '5А', columns: ['lastName', 'className', 'parentsText'] });
  });

  it('shows the change history of the card, including link changes', async () => {
    const [row] = await t.client.call('people.pupils.list', { search: 'ёлкина', flags: ['hasOvz'] });
    const history = await t.client.call('people.pupils.history', { id: row.id });
    const actions = history.map((h) => h.action);
    // Created, enrolled by the movement book (its own entry), the account task opened, edited, linked.
    expect(actions[0]).toBe('create');
    expect(actions).toContain('account-create');
    expect(history.find((h) => JSON.stringify(h.changes).includes('+7 (913) 765-43-21'))).toBeDefined();
    expect(history[history.length - 1].changes).toEqual({ parents: [[], ['Ёлкина Ирина Петровна (мать)']] });
  });

  it('keeps «Состав семьи» as several values, searchable in the card and stored as a list', async () => {
    const p = await t.client.call('people.pupils.create', {
      lastName: 'Гусева',
      firstName: 'Мила',
      sex: 'Ж',
      birthDate: '2016-06-06',
      familyComposition: ['неполная семья (мать)', 'многодетная семья'],
      socialStatus: ['малоимущая семья'],
    });
    expect(p.familyComposition).toEqual(['неполная семья (мать)', 'многодетная семья']);
    const stored = await t.core.db.selectFrom('pupil').select('familyComposition').where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.familyComposition ?? 'null')).toEqual(['неполная семья (мать)', 'многодетная семья']);
    const saved = await t.client.call('people.pupils.update', { id: p.id, version: p.version, familyComposition: ['полная семья', 'многодетная семья'] });
    const audit = await t.core.db.selectFrom('auditLog').select('changes').where('recordId', '=', p.id).where('action', '=', 'update').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.changes ?? '{}')).toEqual({ familyComposition: [['неполная семья (мать)', 'многодетная семья'], ['полная семья', 'многодетная семья']] });
    expect(saved.familyComposition).toEqual(['полная семья', 'многодетная семья']);
  });

  it('refuses a birth-date change that leaves a linked parent less than 14 years older, on either card', async () => {
    const mother = await t.client.call('people.parents.create', { lastName: 'Павлова', firstName: 'Инна', sex: 'Ж', birthDate: '1995-01-01' });
    const child = await t.client.call('people.pupils.create', { lastName: 'Павлов', firstName: 'Кирилл', sex: 'М', birthDate: '2015-01-01', parents: [{ parentId: mother.id, relation: 'мать' }] });
    const pupilSide = await refusal(t.client.call('people.pupils.update', { id: child.id, version: child.version, birthDate: '2008-05-05' }));
    expect(pupilSide.message).toBe(
      'Карточка обучающегося, поле «Дата рождения»: родитель должен быть старше ребёнка не меньше чем на 14 лет — проверьте даты рождения (мать — Павлова Инна). Ничего не сохранено.',
    );
    const parentSide = await refusal(t.client.call('people.parents.update', { id: mother.id, version: mother.version, birthDate: '2005-01-01' }));
    expect(parentSide.message).toMatch(/^Карточка родителя, поле «Дата рождения»: родитель должен быть старше ребёнка .*\(ребёнок — Павлов Кирилл\)\. Ничего не сохранено\.$/);
    expect((await t.client.call('people.pupils.get', { id: child.id })).birthDate).toBe('2015-01-01');
    expect((await t.client.call('people.parents.get', { id: mother.id })).birthDate).toBe('1995-01-01');
    // A plausible correction still saves.
    expect((await t.client.call('people.parents.update', { id: mother.id, version: mother.version, birthDate: '1989-12-31' })).birthDate).toBe('1989-12-31');
  });
});
