import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { seedSchool } from '../access/schoolFixture';

/** Issue 24, item 6: classes, rooms, subjects and users had no Excel export; each list now has one. */
async function sheetRows(base64: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

describeEachDb('Excel export of the set-up lists and the users', (kind) => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore(kind);
    await seedSchool(t.core.db);
    await t.client.call('setup.rooms.save', { id: null, version: 0, room: { number: '214', name: 'Кабинет физики', typeId: 'room-type-regular', floor: 2, capacity: 30 } });
    await t.client.call('setup.subjects.save', { id: null, version: 0, subject: { name: 'Краеведение', shortName: 'Краев.', points: [{ grade: 5, points: 7 }] } });
    await t.client.call('access.users.create', { login: 'sekretar', fullName: 'Секретарёва Нина Павловна', roles: ['secretary'], staffId: null, password: 'Vremenny-1' });
  });
  afterAll(async () => t?.cleanup());

  it('writes the classes, rooms, subjects and users with the columns the screens show, never a password', async () => {
    const year = await t.core.db.selectFrom('academicYear').select('id').where('isCurrent', '=', 1).executeTakeFirstOrThrow();
    const classes = await t.client.call('setup.classes.export', { yearId: year.id });
    expect(classes.fileName).toBe('Классы 2025-2026.xlsx');
    const c = await sheetRows(classes.contentBase64);
    expect(c[0]).toEqual(['№', 'Класс', 'Смена', 'Классный руководитель', 'Кабинет', 'Программа', 'Учебная неделя, дней', 'Обучающихся', 'Подгрупп', 'Был классом']);
    expect(c.slice(1).map((r) => [r[1], r[3]])).toEqual([
      ['5А', 'Кузнецова М. И.'],
      ['5Б', 'Орлов С. П.'],
    ]);

    const rooms = await sheetRows((await t.client.call('setup.rooms.export', {})).contentBase64);
    expect(rooms.find((r) => r[1] === '214')?.slice(1, 6)).toEqual(['214', 'Кабинет физики', expect.any(String), 2, 30]);

    const subjects = await sheetRows((await t.client.call('setup.subjects.export', {})).contentBase64);
    expect(subjects.find((r) => r[1] === 'Краеведение')?.slice(1, 6)).toEqual(['Краеведение', 'Краев.', '', 'нет', '5: 7']);

    const users = await t.client.call('access.users.export', {});
    expect(users.fileName).toBe('Пользователи программы.xlsx');
    const u = await sheetRows(users.contentBase64);
    expect(u[0]).toEqual(['№', 'ФИО', 'Логин', 'Роли', 'Карточка сотрудника', 'Состояние', 'Последний вход']);
    expect(u.find((r) => r[2] === 'sekretar')?.slice(1, 4)).toEqual(['Секретарёва Нина Павловна', 'sekretar', 'Секретарь']);
    expect(JSON.stringify(u)).not.toContain('Vremenny');
    // Personal data leaving the app is logged.
    const log = await t.core.db.selectFrom('auditLog').select('method').where('action', '=', 'export').execute();
    expect(log.map((l) => l.method)).toEqual(expect.arrayContaining(['setup.classes.export', 'access.users.export']));
  });
});
