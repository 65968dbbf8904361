import { afterEach, beforeEach, expect, it } from 'vitest';
import { newId } from '../../../src-shared/domain/ids';
import { searchKey } from '../../../src-shared/domain/names';
import { createSignedInUser } from '../../helpers/accessHelpers';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { addStaff, auditCount, createYear, refused } from './setupHelpers';

async function addPupils(t: TestCore, classId: string, names: [string, string, 'М' | 'Ж'][], from = '2026-09-01'): Promise<string[]> {
  const at = new Date().toISOString();
  const ids: string[] = [];
  for (const [lastName, firstName, sex] of names) {
    const id = newId();
    await t.core.db.insertInto('pupil').values({ id, lastName, firstName, middleName: null, sex, birthDate: null, snils: null, searchKey: searchKey(lastName, firstName), version: 1, createdAt: at, updatedAt: at }).execute();
    await t.core.db.insertInto('classMembership').values({ id: newId(), pupilId: id, classId, startDate: from, endDate: null, cause: 'test' }).execute();
    ids.push(id);
  }
  return ids;
}

describeEachDb('classes and subgroups', (kind) => {
  let t: TestCore;
  let yearId: string;
  beforeEach(async () => {
    t = await createTestCore(kind);
    yearId = (await createYear(t)).id;
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('creates 1А–11Б at once, all or nothing, and sorts them by grade', async () => {
    const grades = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    const r = await t.client.call('setup.classes.createMany', { yearId, grades, letters: ['а', 'Б'] });
    expect(r.created).toHaveLength(22);
    const { classes } = await t.client.call('setup.classes.list', { yearId });
    expect(classes.map((c) => c.name).slice(0, 5)).toEqual(['1А', '1Б', '2А', '2Б', '3А']);
    expect(classes[classes.length - 1]).toMatchObject({ name: '11Б', programmeTitle: 'ООП СОО', effectiveWeekLength: 6, weekLength: null });
    const before = await auditCount(t);
    const again = await refused(t.client.call('setup.classes.createMany', { yearId, grades: [4, 5], letters: ['Б', 'В'] }));
    expect(again.message).toBe('Классы 4Б, 5Б уже есть в учебном году 2026/2027 — ни один класс не создан. Ничего не сохранено.');
    expect(await auditCount(t)).toBe(before);
    expect((await t.client.call('setup.classes.list', { yearId })).classes).toHaveLength(22);
  });

  it('refuses a duplicate class name in one year and keeps teacher, room, programme and last year’s class', async () => {
    const [kuz, orl] = await addStaff(t, [['Кузнецова', 'Мария', 'Ивановна'], ['Орлов', 'Сергей', 'Павлович']]);
    const room = await t.client.call('setup.rooms.save', { id: null, version: 0, room: { number: '21', typeId: 'room-type-regular' } });
    const { cls, warnings } = await t.client.call('setup.classes.save', {
      yearId,
      id: null,
      version: 0,
      cls: { grade: 5, letter: 'А', classTeacherId: kuz, homeRoomId: room.id, programme: 'АООП', programmeVariant: 'вариант 7.2 (ЗПР)', shift: 2 },
    });
    expect(cls).toMatchObject({ name: '5А', classTeacherName: 'Кузнецова М. И.', homeRoomNumber: '21', programmeTitle: 'АООП ООО, вариант 7.2 (ЗПР)', shift: 2 });
    expect(warnings).toEqual([
      'класс 5А: 5 классы учатся только в первую смену (СП 2.4.3648-20)',
      'класс 5А: классы для обучающихся с ОВЗ учатся только в первую смену (СП 2.4.3648-20)',
    ]);
    const before = await auditCount(t);
    const dup = await refused(t.client.call('setup.classes.save', { yearId, id: null, version: 0, cls: { grade: 5, letter: 'а', classTeacherId: orl } }));
    expect(dup.message).toBe('Класс 5А уже есть в учебном году 2026/2027. Ничего не сохранено.');
    const badLetter = await refused(t.client.call('setup.classes.save', { yearId, id: null, version: 0, cls: { grade: 5, letter: 'A' } }));
    expect(badLetter.message).toBe('Класс, поле «Литера»: литера — одна-две русские буквы, например А или АБ. Ничего не сохранено.');
    expect(await auditCount(t)).toBe(before);

    const older = await createYear(t, { name: '2025/2026', startDate: '2025-09-01', endDate: '2026-05-26' });
    const last = await t.client.call('setup.classes.save', { yearId: older.id, id: null, version: 0, cls: { grade: 4, letter: 'А', classTeacherId: kuz } });
    const linked = await t.client.call('setup.classes.save', { yearId, id: cls.id, version: cls.version, cls: { grade: 5, letter: 'А', classTeacherId: kuz, previousClassId: last.cls.id } });
    expect(linked.cls).toMatchObject({ previousClassName: '4А', programme: 'ООП', programmeVariant: null, version: 2 });
    const wrongWay = await refused(t.client.call('setup.classes.save', { yearId: older.id, id: last.cls.id, version: last.cls.version, cls: { grade: 4, letter: 'А', previousClassId: cls.id } }));
    expect(wrongWay.message).toBe('Класс 4А: класс 5А (2026/2027) не из прошлого учебного года. Ничего не сохранено.');
    const teacherTwice = await t.client.call('setup.classes.save', { yearId, id: null, version: 0, cls: { grade: 6, letter: 'Б', classTeacherId: kuz } });
    expect(teacherTwice.warnings).toEqual(['Классный руководитель класса 6Б уже руководит классом 5А']);
    const options = await t.client.call('setup.staff.options');
    expect(options.staff.map((s) => s.fullName)).toEqual(['Кузнецова Мария Ивановна', 'Орлов Сергей Павлович']);
  });

  it('splits a class into subgroups and keeps dated membership', async () => {
    await t.client.call('setup.subjects.loadStarter');
    const english = (await t.client.call('setup.subjects.list')).subjects.find((s) => s.name === 'Иностранный язык (английский)');
    if (!english) throw new Error('no english');
    const { cls } = await t.client.call('setup.classes.save', { yearId, id: null, version: 0, cls: { grade: 5, letter: 'А' } });
    const [a, b, c, d] = await addPupils(t, cls.id, [['Смирнов', 'Артём', 'М'], ['Ёлкина', 'Алиса', 'Ж'], ['Петров', 'Никита', 'М'], ['Соколова', 'Дарья', 'Ж']]);
    expect((await t.client.call('setup.classes.pupils', { classId: cls.id, date: '2026-10-01' })).pupils.map((p) => p.fullName)).toEqual([
      'Ёлкина Алиса',
      'Петров Никита',
      'Смирнов Артём',
      'Соколова Дарья',
    ]);
    const { subgroups } = await t.client.call('setup.subgroups.split', { classId: cls.id, subjectId: english.id, count: 2 });
    expect(subgroups.map((g) => g.name)).toEqual(['Группа 1', 'Группа 2']);
    const [g1, g2] = subgroups;
    const first = await t.client.call('setup.subgroups.setMembers', {
      classId: cls.id,
      subjectId: english.id,
      date: '2026-09-01',
      groups: [
        { subgroupId: g1.id, version: g1.version, pupilIds: [a, b] },
        { subgroupId: g2.id, version: g2.version, pupilIds: [c, d] },
      ],
    });
    // Smirnov moves to group 2 from 1 December: history keeps where he was in October.
    const [n1, n2] = first.subgroups;
    await t.client.call('setup.subgroups.setMembers', {
      classId: cls.id,
      subjectId: english.id,
      date: '2026-12-01',
      groups: [
        { subgroupId: n1.id, version: n1.version, pupilIds: [b] },
        { subgroupId: n2.id, version: n2.version, pupilIds: [a, c, d] },
      ],
    });
    const october = await t.client.call('setup.subgroups.list', { classId: cls.id, date: '2026-10-15' });
    const december = await t.client.call('setup.subgroups.list', { classId: cls.id, date: '2026-12-15' });
    expect(october.subgroups.map((g) => g.members.map((m) => m.fullName))).toEqual([['Ёлкина Алиса', 'Смирнов Артём'], ['Петров Никита', 'Соколова Дарья']]);
    expect(december.subgroups.map((g) => g.members.length)).toEqual([1, 3]);
    expect(december.subgroups[1].members.find((m) => m.pupilId === a)?.since).toBe('2026-12-01');

    const now = (await t.client.call('setup.subgroups.list', { classId: cls.id, date: '2026-12-15' })).subgroups;
    const both = await refused(
      t.client.call('setup.subgroups.setMembers', {
        classId: cls.id,
        subjectId: english.id,
        date: '2026-12-20',
        groups: [
          { subgroupId: now[0].id, version: now[0].version, pupilIds: [b, c] },
          { subgroupId: now[1].id, version: now[1].version, pupilIds: [a, c, d] },
        ],
      }),
    );
    expect(both.message).toBe('Состав подгрупп 5А, «Иностранный язык (английский)»: Петров Никита указан(а) и в «Группа 1», и в «Группа 2». Ничего не сохранено.');
    const stale = await refused(
      t.client.call('setup.subgroups.setMembers', { classId: cls.id, subjectId: english.id, date: '2026-12-20', groups: [{ subgroupId: g1.id, version: g1.version, pupilIds: [] }] }),
      'CONFLICT',
    );
    expect(stale.message).toMatch(/Подгруппа «Группа 1»: запись уже изменил другой пользователь/);
    const busy = await refused(t.client.call('setup.subgroups.delete', { id: now[0].id, version: now[0].version }));
    expect(busy.message).toMatch(/в ней есть ученики/);
    const hasPupils = await refused(t.client.call('setup.classes.delete', { id: cls.id, version: cls.version }));
    expect(hasPupils.message).toBe('Класс 5А: в классе есть или были обучающиеся (книга движения) — удалить его нельзя. Ничего не сохранено.');
  });

  it('shows rosters and subgroups only to those who may see the class', async () => {
    const [kuz] = await addStaff(t, [['Кузнецова', 'Мария', 'Ивановна']]);
    const a = await t.client.call('setup.classes.save', { yearId, id: null, version: 0, cls: { grade: 5, letter: 'А', classTeacherId: kuz } });
    const b = await t.client.call('setup.classes.save', { yearId, id: null, version: 0, cls: { grade: 5, letter: 'Б' } });
    await addPupils(t, a.cls.id, [['Смирнов', 'Артём', 'М']]);
    await t.client.call('access.setup.createAdmin', { login: 'admin', fullName: 'Админова Анна', password: 'Admin-2026-pass' });
    const { client } = await createSignedInUser(t, { login: 'kuz', fullName: 'Кузнецова М. И.', roles: ['classTeacher'], staffId: kuz });
    expect((await client.call('setup.classes.pupils', { classId: a.cls.id })).pupils).toHaveLength(1);
    await refused(client.call('setup.classes.pupils', { classId: b.cls.id }), 'FORBIDDEN');
    await refused(client.call('setup.subgroups.list', { classId: b.cls.id }), 'FORBIDDEN');
    await refused(client.call('setup.classes.createMany', { yearId, grades: [6], letters: ['А'] }), 'FORBIDDEN');
    expect((await client.call('setup.classes.list', { yearId })).classes).toHaveLength(2);
  });
});
