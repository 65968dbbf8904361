import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { auditCount, createYear, refused } from './setupHelpers';

describeEachDb('subjects and rooms', (kind) => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore(kind);
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('loads the starter subjects with areas, SanPiN points and room needs, once', async () => {
    const first = await t.client.call('setup.subjects.loadStarter');
    expect(first.added.length).toBeGreaterThanOrEqual(28);
    expect(first.areasAdded).toBe(16);
    const again = await t.client.call('setup.subjects.loadStarter');
    expect(again).toEqual({ added: [], kept: first.added.length, areasAdded: 0 });
    const { subjects, areas } = await t.client.call('setup.subjects.list');
    const chem = subjects.find((s) => s.name === 'Химия');
    expect(chem).toMatchObject({ shortName: 'Хим.', areaName: 'Естественно-научные предметы', sanpinKey: 'chemistry', roomTypeIds: ['room-type-lab'], isSplit: false });
    expect(chem?.points).toEqual([
      { grade: 7, points: 13 },
      { grade: 8, points: 10 },
      { grade: 9, points: 12 },
      { grade: 10, points: 11 },
      { grade: 11, points: 11 },
    ]);
    expect(subjects.find((s) => s.name === 'Информатика')).toMatchObject({ isSplit: true, roomTypeIds: ['room-type-computer'] });
    expect(areas.find((a) => a.name === 'Математика и информатика')?.subjectCount).toBe(5);
    expect(subjects[0].name).toBe('Русский язык');
  });

  it('edits a subject’s points, refuses a duplicate name and deletes only unused subjects', async () => {
    await t.client.call('setup.subjects.loadStarter');
    const { subjects } = await t.client.call('setup.subjects.list');
    const math = subjects.find((s) => s.name === 'Математика');
    if (!math) throw new Error('no math');
    const saved = await t.client.call('setup.subjects.save', {
      id: math.id,
      version: math.version,
      subject: { ...math, points: math.points.map((p) => (p.grade === 5 ? { grade: 5, points: 11 } : p)) },
    });
    expect(saved.points.find((p) => p.grade === 5)?.points).toBe(11);
    const before = await auditCount(t);
    const dup = await refused(t.client.call('setup.subjects.save', { id: null, version: 0, subject: { name: 'математика', shortName: 'М' } }));
    expect(dup.message).toBe('Предмет «математика» уже есть в списке. Ничего не сохранено.');
    const badPoints = await refused(t.client.call('setup.subjects.save', { id: null, version: 0, subject: { name: 'Астрономия', shortName: 'Астр.', points: [{ grade: 11, points: 25 }] } }));
    expect(badPoints.message).toBe('Предмет, поле «Баллы трудности (строка 1)»: баллы — от 0 до 20. Ничего не сохранено.');
    expect(await auditCount(t)).toBe(before);

    const year = await createYear(t);
    const { created } = await t.client.call('setup.classes.createMany', { yearId: year.id, grades: [5], letters: ['А'] });
    const cls = (await t.client.call('setup.classes.list', { yearId: year.id })).classes[0];
    expect(cls.name).toBe(created[0]);
    const english = subjects.find((s) => s.name === 'Иностранный язык (английский)');
    if (!english) throw new Error('no english');
    await t.client.call('setup.subgroups.split', { classId: cls.id, subjectId: english.id, count: 2 });
    const used = await refused(t.client.call('setup.subjects.delete', { id: english.id, version: english.version }));
    expect(used.message).toBe('Предмет «Иностранный язык (английский)» используется в подгруппах: 5А (Группа 1), 5А (Группа 2) — отправьте его в архив вместо удаления. Ничего не сохранено.');
    const astro = await t.client.call('setup.subjects.save', { id: null, version: 0, subject: { name: 'Астрономия', shortName: 'Астр.' } });
    expect(await t.client.call('setup.subjects.delete', { id: astro.id, version: astro.version })).toEqual({ deleted: true });
  });

  it('keeps rooms with types, refuses a duplicate number and a home room in use', async () => {
    const { types } = await t.client.call('setup.roomTypes.list');
    expect(types.map((x) => x.code)).toEqual(['regular', 'gym', 'lab', 'computer', 'workshop', 'hall']);
    const gym = await t.client.call('setup.rooms.save', { id: null, version: 0, room: { number: 'Спортзал 1', typeId: 'room-type-gym', floor: 1, capacity: 60 } });
    const r12 = await t.client.call('setup.rooms.save', { id: null, version: 0, room: { number: '12', name: 'Кабинет математики', typeId: 'room-type-regular', floor: 2, capacity: 30 } });
    expect(gym).toMatchObject({ typeName: 'Спортивный зал', typeCode: 'gym', isActive: true });
    const dup = await refused(t.client.call('setup.rooms.save', { id: null, version: 0, room: { number: '12', typeId: 'room-type-lab' } }));
    expect(dup.message).toBe('Кабинет № 12 уже есть. Ничего не сохранено.');
    const badCap = await refused(t.client.call('setup.rooms.save', { id: null, version: 0, room: { number: '13', typeId: 'room-type-lab', capacity: 0 } }));
    expect(badCap.message).toBe('Кабинет, поле «Вместимость»: вместимость: от 1 до 1000. Ничего не сохранено.');

    const pool = await t.client.call('setup.roomTypes.save', { id: null, version: 0, type: { name: 'Бассейн' } });
    expect(pool.code).toBeNull();
    const builtin = types[0];
    expect((await refused(t.client.call('setup.roomTypes.delete', { id: builtin.id, version: builtin.version }))).message).toMatch(/встроенный/);
    expect(await t.client.call('setup.roomTypes.delete', { id: pool.id, version: pool.version })).toEqual({ deleted: true });

    const year = await createYear(t);
    await t.client.call('setup.classes.save', { yearId: year.id, id: null, version: 0, cls: { grade: 5, letter: 'А', homeRoomId: r12.id } });
    const inUse = await refused(t.client.call('setup.rooms.delete', { id: r12.id, version: r12.version }));
    expect(inUse.message).toMatch(/^Кабинет № 12 закреплён за классами: 5А \(2026\/2027\)/);
    const rooms = (await t.client.call('setup.rooms.list')).rooms;
    expect(rooms.map((r) => r.number)).toEqual(['12', 'Спортзал 1']);
    expect((await t.client.call('setup.roomTypes.list')).types.find((x) => x.code === 'gym')?.roomCount).toBe(1);
  });
});
