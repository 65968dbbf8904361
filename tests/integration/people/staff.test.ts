import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

const TEACHER = {
  lastName: 'Лебедева',
  firstName: 'Татьяна',
  middleName: 'Николаевна',
  sex: 'Ж' as const,
  birthDate: '1979-06-15',
  citizenship: 'Российская Федерация',
  snils: '087-654-303 00',
  inn: '500100732259',
  documents: [{ type: 'passport' as const, series: '01 04', number: '123456', issueDate: '2004-07-01', issuer: 'ОВД Центрального района г. Барнаула', issuerCode: '222-001' }],
  addresses: [
    { kind: 'registration' as const, postalCode: '656000', region: 'Алтайский край', district: null, settlement: 'Барнаул', street: 'Попова', house: '12', building: '2', flat: '40' },
    { kind: 'actual' as const, postalCode: null, region: null, district: null, settlement: 'Барнаул', street: 'Малахова', house: '3', building: null, flat: '7' },
  ],
  phoneMobile: '+7 (913) 555-55-55',
  email: 'lebedeva@school6.ru',
  personnelNumber: '0042',
  hireDate: '2003-08-25',
  hireOrderNumber: '61-к',
  pedExperienceStart: '2001-09-01',
  payGrade: '14',
  employeeCategory: 'педагогический работник',
  qualificationCategory: 'высшая',
  categoryDate: '2022-12-20',
  nextAttestationDate: '2027-12-20',
  academicDegree: null,
  awards: 'Почётная грамота Министерства просвещения РФ (2019)',
  department: 'Кафедра русского языка',
  familyStatus: 'состоит в браке',
  positions: [
    { position: 'Учитель', kind: 'main' as const, rate: 1, startDate: '2003-08-25', endDate: null, orderNumber: '61-к' },
    { position: 'Заместитель директора по учебно-воспитательной работе', kind: 'additional' as const, rate: 0.5, startDate: '2020-09-01', endDate: null, orderNumber: '88-к' },
  ],
  educations: [
    { level: 'высшее — специалитет', institution: 'Барнаульский государственный педагогический университет', diplomaDate: '2001-06-30', diplomaNumber: 'ДВС 0123456', specialty: 'Филология', qualification: 'Учитель русского языка и литературы' },
  ],
};

describeEachDb('staff cards', (kind) => {
  let t: TestCore;

  beforeAll(async () => {
    t = await createTestCore(kind);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('creates a full HR card with dated positions and education; the main position is kept on the staff row', async () => {
    const s = await t.client.call('staff.create', TEACHER);
    expect(s).toMatchObject({ position: 'Учитель', inn: '500100732259', qualificationCategory: 'высшая', payGrade: '14' });
    expect(s.positions.map((p) => [p.position, p.kind, p.rate])).toEqual([
      ['Учитель', 'main', 1],
      ['Заместитель директора по учебно-воспитательной работе', 'additional', 0.5],
    ]);
    expect(s.educations[0]).toMatchObject({ institution: 'Барнаульский государственный педагогический университет', qualification: 'Учитель русского языка и литературы' });
    expect(s.documents[0]).toMatchObject({ series: '0104', issuerCode: '222-001' });
    const row = await t.core.db.selectFrom('staff').select(['position', 'personnelNumber']).where('id', '=', s.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ position: 'Учитель', personnelNumber: '0042' });
    // A new main position closes the old one: the staff row follows the position valid today.
    const promoted = await t.client.call('staff.update', {
      id: s.id,
      version: s.version,
      positions: [
        { ...TEACHER.positions[0], endDate: '2024-08-31' },
        { position: 'Заместитель директора по учебно-воспитательной работе', kind: 'main', rate: 1, startDate: '2024-09-01', endDate: null, orderNumber: '90-к' },
      ],
    });
    expect(promoted.position).toBe('Заместитель директора по учебно-воспитательной работе');
    const audit = await t.core.db.selectFrom('auditLog').select('changes').where('recordId', '=', s.id).where('action', '=', 'update').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.changes ?? '{}').positions).toEqual([
      ['Учитель (основная, 1 ст.), с 25.08.2003, приказ 61-к', 'Заместитель директора по учебно-воспитательной работе (дополнительная, 0,5 ст.), с 01.09.2020, приказ 88-к'],
      ['Учитель (основная, 1 ст.), с 25.08.2003 по 31.08.2024, приказ 61-к', 'Заместитель директора по учебно-воспитательной работе (основная, 1 ст.), с 01.09.2024, приказ 90-к'],
    ]);
  });

  it('refuses an invalid СНИЛС and ИНН with Russian messages and saves nothing', async () => {
    const before = (await t.core.db.selectFrom('staff').select('id').execute()).length;
    const err = await t.client.call('staff.create', { ...TEACHER, lastName: 'Иванова', snils: '112-233-445 94' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toBe('Карточка сотрудника, поле «СНИЛС»: неверная контрольная сумма — проверьте цифры. Ничего не сохранено.');
    const inn = await t.client.call('staff.create', { ...TEACHER, lastName: 'Иванова', snils: null, inn: '500100732258' }).catch((e: unknown) => e);
    expect((inn as AppError).message).toBe('Карточка сотрудника, поле «ИНН»: неверная контрольная сумма — проверьте цифры. Ничего не сохранено.');
    const young = await t.client.call('staff.create', { ...TEACHER, lastName: 'Иванова', snils: null, birthDate: '2015-01-01' }).catch((e: unknown) => e);
    expect((young as AppError).message).toMatch(/поле «Дата рождения»: возраст сотрудника должен быть от 16 до 90 лет/);
    expect((await t.core.db.selectFrom('staff').select('id').execute()).length).toBe(before);
  });

  it('lists, filters and exports staff with the columns shown', async () => {
    await t.client.call('staff.create', { lastName: 'Сторожев', firstName: 'Иван', sex: 'М', birthDate: '1960-01-01', positions: [{ position: 'Сторож (вахтёр)', kind: 'main', rate: 1, startDate: '2010-01-01', endDate: null, orderNumber: null }], dismissalDate: '2024-01-10', hireDate: '2010-01-01' });
    expect((await t.client.call('staff.list', { status: 'working' })).map((r) => r.lastName)).toEqual(['Лебедева']);
    expect((await t.client.call('staff.list', { status: 'dismissed' })).map((r) => r.lastName)).toEqual(['Сторожев']);
    expect((await t.client.call('staff.list', { position: 'Заместитель директора по учебно-воспитательной работе' })).map((r) => r.lastName)).toEqual(['Лебедева']);
    expect((await t.client.call('staff.list', { search: '0042' })).map((r) => r.lastName)).toEqual(['Лебедева']);
    const file = await t.client.call('staff.export', { columns: ['lastName', 'position', 'qualificationCategory', 'nextAttestationDate'] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['№', 'Фамилия', 'Основная должность', 'Категория', 'Следующая аттестация']);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([1, 'Лебедева', 'Заместитель директора по учебно-воспитательной работе', 'высшая', '20.12.2027']);
    const log = await t.core.db.selectFrom('auditLog').select(['action', 'changes']).where('method', '=', 'staff.export').executeTakeFirstOrThrow();
    expect(log.action).toBe('export');
  });

  it('keeps the family on the card, ends the positions on dismissal, and lists staff on leave', async () => {
    const created = await t.client.call('staff.create', {
      lastName: 'Миронова',
      firstName: 'Ксения',
      middleName: 'Андреевна',
      sex: 'Ж',
      birthDate: '1993-02-11',
      hireDate: '2018-08-27',
      department: 'Начальная школа',
      maternityLeaveFrom: '2025-11-01',
      maternityLeaveTo: '2028-09-14',
      familyStatus: 'состоит в браке',
      familyMembers: [
        { relation: 'муж', lastName: 'миронов', firstName: 'Павел', middleName: 'Сергеевич', birthDate: '1991-07-07' },
        { relation: 'дочь', lastName: 'Миронова', firstName: 'Вера', middleName: 'Павловна', birthDate: '2025-09-14' },
      ],
      positions: [
        { position: 'Учитель начальных классов', kind: 'main', rate: 1, startDate: '2018-08-27', endDate: null, orderNumber: '50-к' },
        { position: 'Педагог-организатор', kind: 'additional', rate: 0.5, startDate: '2021-09-01', endDate: null, orderNumber: '70-к' },
      ],
    });
    expect(created.familyMembers.map((m) => `${m.relation}: ${m.lastName} ${m.firstName}, ${m.birthDate}`)).toEqual(['муж: Миронов Павел, 1991-07-07', 'дочь: Миронова Вера, 2025-09-14']);
    expect((await t.client.call('staff.list', { status: 'onLeave' })).map((r) => r.lastName)).toEqual(['Миронова']);
    expect((await t.client.call('staff.list', { department: 'Начальная школа' })).map((r) => r.lastName)).toEqual(['Миронова']);

    // A relative born in the future is refused, naming the line; nothing changes.
    const future = await t.client.call('staff.update', { id: created.id, version: created.version, familyMembers: [...created.familyMembers, { relation: 'сын', lastName: 'Миронов', firstName: 'Лев', middleName: null, birthDate: '2099-01-01' }] }).catch((e: unknown) => e);
    expect((future as AppError).message).toBe('Карточка сотрудника, поле «Состав семьи, строка 3: дата рождения»: дата рождения не может быть в будущем. Ничего не сохранено.');

    // The dismissal: every position in force ends on that day, the card has no position today, and
    // the history shows the positions closed by the same save.
    const dismissed = await t.client.call('staff.update', { id: created.id, version: created.version, dismissalDate: '2026-06-30', dismissalOrderNumber: '41-к' });
    expect(dismissed.positions.map((p) => [p.position, p.endDate])).toEqual([
      ['Учитель начальных классов', '2026-06-30'],
      ['Педагог-организатор', '2026-06-30'],
    ]);
    expect(dismissed.position).toBeNull();
    expect((await t.core.db.selectFrom('staff').select('position').where('id', '=', created.id).executeTakeFirstOrThrow()).position).toBeNull();
    const audit = await t.core.db.selectFrom('auditLog').select('changes').where('recordId', '=', created.id).where('action', '=', 'update').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    const changes = JSON.parse(audit.changes ?? '{}') as Record<string, [unknown, unknown]>;
    expect(changes.dismissalDate).toEqual([null, '2026-06-30']);
    expect(changes.positions[1]).toEqual([
      'Учитель начальных классов (основная, 1 ст.), с 27.08.2018 по 30.06.2026, приказ 50-к',
      'Педагог-организатор (дополнительная, 0,5 ст.), с 01.09.2021 по 30.06.2026, приказ 70-к',
    ]);
    expect((await t.client.call('staff.list', { status: 'onLeave' })).map((r) => r.lastName)).toEqual([]);
    expect((await t.client.call('staff.list', { status: 'dismissed' })).map((r) => r.lastName).sort()).toEqual(['Миронова', 'Сторожев']);
    // The family survives the other edits; the history tab names the relatives readably.
    const history = await t.client.call('staff.history', { id: created.id });
    expect(JSON.stringify(history[0].changes)).toContain('дочь: Миронова Вера Павловна, 14.09.2025 г. р.');
  });
});
