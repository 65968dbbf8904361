import { afterAll, beforeAll, expect, it } from 'vitest';
import { plannedLessons } from '../../../src-main/core/curriculum/index';
import { AppError } from '../../../src-shared/errors';
import type { ExplanationItem } from '../../../src-shared/contract/timetableFields';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { timetableSchool, type TimetableSchool } from './timetableFixture';

/**
 * The instance from the school's own data (issue 15, item 1): exactly the plan's hours per class,
 * subject and group; the joint lesson of two classes is one lesson; ministry lessons pinned; what
 * cannot fit is refused before solving with links to the screens where it is fixed.
 */
describeEachDb('timetable instance from the plan and load', (kind) => {
  let t: TestCore;
  let s: TimetableSchool;
  beforeAll(async () => {
    t = await createTestCore(kind);
    s = await timetableSchool(t);
  });
  afterAll(async () => t?.cleanup());

  it('has exactly the plan’s hours per class, subject and group; doubles, joint lessons and ministry lessons as asked', async () => {
    const draft = await t.client.call('timetable.version.create', { yearId: s.yearId, studyPeriodId: s.periodId, name: 'Проверка часов' });
    const v = await t.client.call('timetable.version.get', { versionId: draft.id });
    const planned = await plannedLessons(t.core.db, s.yearId);
    const hours = new Map<string, number>();
    for (const l of v.lessons) for (const a of l.audiences) hours.set(`${a.classId}|${l.subjectId}|${a.groupNo}`, (hours.get(`${a.classId}|${l.subjectId}|${a.groupNo}`) ?? 0) + l.duration * l.count);
    const expected = new Map<string, number>();
    const ministry = new Set(['Разговоры о важном', 'Россия — мои горизонты']);
    for (const p of planned) if (p.classroom || ministry.has(p.subjectName)) expected.set(`${p.classId}|${p.subjectId}|${p.groupNo}`, p.hoursByPeriod[0]);
    expect(Object.fromEntries(hours)).toEqual(Object.fromEntries(expected));
    // 5А: English in two groups taught at the same time by two teachers; технология 2 h as one double per group.
    const a5 = s.classes.get('5А')!;
    const english = v.lessons.filter((l) => l.subjectId === s.subjects.get('Иностранный язык (английский)') && l.audiences[0].classId === a5);
    expect(english.map((l) => l.audiences[0].groupNo).sort()).toEqual([1, 2]);
    expect(new Set(english.map((l) => l.parallelKey)).size).toBe(1);
    expect(english[0].parallelKey).not.toBeNull();
    expect(new Set(english.flatMap((l) => l.teacherIds)).size).toBe(2);
    const tech = v.lessons.filter((l) => l.subjectId === s.subjects.get('Труд (технология)') && l.audiences[0].classId === a5);
    expect(tech.map((l) => [l.duration, l.count])).toEqual([
      [2, 1],
      [2, 1],
    ]);
    // «Индивидуальный проект 10АБ»: one lesson with both classes as audiences.
    const project = v.lessons.filter((l) => l.subjectId === s.subjects.get('Индивидуальный проект'));
    expect(project).toHaveLength(1);
    expect(project[0].audiences.map((a) => a.label).sort()).toEqual(['10А', '10Б']);
    // «Разговоры о важном» first on Monday, «Россия — мои горизонты» first on Thursday (grades 6–11).
    const talks = v.lessons.filter((l) => l.subjectId === s.subjects.get('Разговоры о важном'));
    expect(talks).toHaveLength(4);
    for (const l of talks) expect(l).toMatchObject({ kind: 'ministry', pinned: { day: 0, period: 0 } });
    const horizons = v.lessons.filter((l) => l.subjectId === s.subjects.get('Россия — мои горизонты'));
    expect(horizons.map((l) => l.audiences[0].label).sort()).toEqual(['10А', '10Б']);
    for (const l of horizons) expect(l.pinned).toEqual({ day: 3, period: 0 });
    // Bells, days and the class windows the views draw.
    expect(v.days.map((d) => d.short)).toEqual(['Пн', 'Вт', 'Ср', 'Чт', 'Пт']);
    expect(v.periods.map((p) => p.label)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(v.bells.find((b) => b.weekday === 1)?.lessons[0]).toEqual({ number: 1, start: '08:30', end: '09:10' });
    expect(v.classes.find((c) => c.name === '5А')).toMatchObject({ maxPerDay: 6, firstPeriod: 0, lastPeriod: 6, divisions: expect.any(Array) });
  });

  it('switches the ministry rules off and places внеурочная only on request', async () => {
    const talks = s.subjects.get('Разговоры о важном')!;
    const off = await t.client.call('timetable.version.create', {
      yearId: s.yearId,
      studyPeriodId: s.periodId,
      name: 'Без правил',
      options: { rules: { conversationsMonday: false, horizonsThursday: false }, extracurricularSubjectIds: [] },
    });
    const v1 = await t.client.call('timetable.version.get', { versionId: off.id });
    expect(v1.lessons.some((l) => l.subjectId === talks)).toBe(false);
    const asked = await t.client.call('timetable.version.update', {
      versionId: off.id,
      version: off.version,
      options: { rules: { conversationsMonday: false, horizonsThursday: false }, extracurricularSubjectIds: [talks] },
    });
    const v2 = await t.client.call('timetable.version.get', { versionId: asked.id });
    const placed = v2.lessons.filter((l) => l.subjectId === talks);
    expect(placed).toHaveLength(4);
    for (const l of placed) expect(l).toMatchObject({ kind: 'extracurricular', pinned: null });
  });

  it('passes the pre-check of a school whose data fits', async () => {
    const pre = await t.client.call('timetable.precheck', { yearId: s.yearId, studyPeriodId: s.periodId });
    expect(pre.items.filter((i) => i.level === 'error')).toEqual([]);
    expect(pre.canGenerate).toBe(true);
    expect(pre.stats).toMatchObject({ classes: 4, days: 5, periods: 7 });
  });

  it('refuses to generate before solving: a load row without a teacher, a class over its daily maxima, a teacher with more lessons than free periods', async () => {
    const a5 = s.classes.get('5А')!;
    const math = s.subjects.get('Математика')!;
    const grid = await t.client.call('load.grid', { yearId: s.yearId });
    const cell = grid.cells.find((c) => c.classId === a5 && c.subjectId === math)!;
    const teacher = cell.groups[0].staffId;
    await t.client.call('load.assign', { yearId: s.yearId, changes: [{ classId: a5, subjectId: math, groupNo: 0, staffId: null, version: cell.groups[0].version }] });
    // Русакова is away four days of five: her 16 lessons and 5А's «Разговоры о важном» cannot fit in 7 periods.
    await t.client.call('timetable.availability.save', {
      yearId: s.yearId,
      staffId: s.staff.get('Русакова')!,
      version: 0,
      slots: [1, 2, 3, 4].map((weekday) => ({ weekday, shift: null, from: null, to: null, kind: 'unavailable' as const })),
      note: 'Курсы повышения квалификации',
    });
    // 5Б gets 8 more hours of music: 29 + 8 > 6 × 5.
    const plan = await t.client.call('curriculum.plan.get', { yearId: s.yearId, grade: 5, classId: s.classes.get('5Б')! });
    const rows = plan.rows.filter((r) => r.origin !== 'removed').map((r) => ({ subjectId: r.subjectId, part: r.part, hours: r.subjectName === 'Музыка' ? [9] : r.hours, groups: r.groups, doubles: r.doubles, assessment: r.assessment }));
    await t.client.call('curriculum.plan.save', { yearId: s.yearId, grade: 5, classId: s.classes.get('5Б')!, version: plan.plan.version, weeksPerYear: null, note: null, rows });

    const before = await t.core.db.selectFrom('timetableVersion').select('id').execute();
    const err = await t.client.call('timetable.generate.start', { target: 'new', yearId: s.yearId, studyPeriodId: s.periodId, name: 'Не составится', budget: { seconds: 5 } }).then(
      () => null,
      (e: AppError) => e,
    );
    expect(err?.code).toBe('VALIDATION');
    expect(err?.message).toMatch(/^Расписание не составлено: /);
    const items = (err?.details?.items ?? []) as ExplanationItem[];
    const byCode = (code: string) => items.filter((i) => i.code === code);
    expect(byCode('noTeacher')).toEqual([
      expect.objectContaining({ level: 'error', message: expect.stringContaining('5А, Математика: в нагрузке нет учителя'), link: { route: '/load', query: { tab: 'grid', yearId: s.yearId, classId: a5, subjectId: math }, label: 'Открыть нагрузку 5А' } }),
    ]);
    expect(byCode('classOverMax')[0]).toMatchObject({ message: expect.stringMatching(/^Класс 5Б: 37 уроков в неделю, а по СанПиН в день не больше 6/), link: { route: '/curriculum', query: { plan: `5:${s.classes.get('5Б')}` } }, refs: { classIds: [s.classes.get('5Б')] } });
    expect(byCode('teacherOverFree')[0]).toMatchObject({ message: expect.stringContaining('Учитель Русакова Анна Петровна: 17 уроков в неделю, а в сетке классов, где идут эти уроки, с учётом недоступности свободно только 7.'), link: { route: '/timetable/availability' } });
    expect(await t.core.db.selectFrom('timetableVersion').select('id').execute()).toHaveLength(before.length);
    // The same list before anyone presses «Составить».
    const pre = await t.client.call('timetable.precheck', { yearId: s.yearId, studyPeriodId: s.periodId });
    expect(pre.canGenerate).toBe(false);
    expect(pre.items.map((i) => i.code)).toEqual(expect.arrayContaining(['noTeacher', 'classOverMax', 'teacherOverFree']));

    // Put everything back for the other tests of this file.
    await t.client.call('load.assign', { yearId: s.yearId, changes: [{ classId: a5, subjectId: math, groupNo: 0, staffId: teacher, version: 0 }] });
    const saved = await t.client.call('timetable.availability.list', { yearId: s.yearId });
    const rus = saved.teachers.find((x) => x.staffId === s.staff.get('Русакова'))!;
    expect(rus.note).toBe('Курсы повышения квалификации');
    await t.client.call('timetable.availability.save', { yearId: s.yearId, staffId: rus.staffId, version: rus.version, slots: [], note: null });
  });
});
