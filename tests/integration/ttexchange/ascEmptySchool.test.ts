import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../../src-shared/domain/ids';
import { classKey, readAsc } from '../../../src-main/core/sync/timetable/ascRead';
import { groupNumbers } from '../../../src-main/core/sync/timetable/ascLoad';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

/**
 * aSc Timetables into a school year with no classes (issue 17, part 3): the file builds the
 * subjects (starter ones with their SanPiN points), rooms, bells, classes, teachers (an existing
 * card matched by surname and initials) and the load, then the draft — all in one preview → apply.
 * The preview writes nothing and lists every record by kind; apply writes exactly that; re-apply is
 * a no-op; a file that cannot become a timetable leaves nothing behind. The demo school's own aSc
 * export (tests/fixtures/asc/demo-school.xml.gz, written by scripts/asc-demo-fixture.ts) imported into an empty year places the same lessons.
 */

const FIXTURES = path.join(__dirname, '../../fixtures/asc');
const file = (name: string, bytes: Uint8Array = fs.readFileSync(path.join(FIXTURES, name))) => ({ fileName: name, contentBase64: Buffer.from(bytes).toString('base64') });

const TABLES = ['subject', 'room', 'bellSchedule', 'schoolClass', 'staff', 'subgroup', 'teachingAssignment', 'jointGroup', 'curriculumPlan', 'curriculumRow', 'staffSubject', 'timetableVersion', 'auditLog'] as const;

async function counts(t: TestCore): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) out[table] = Number((await t.core.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return out;
}

async function emptyYear(t: TestCore, name: string, current: boolean): Promise<string> {
  const id = newId();
  const [from] = name.split('/');
  await t.core.db
    .insertInto('academicYear')
    .values({ id, name, startDate: `${from}-09-01`, endDate: `${Number(from) + 1}-08-31`, isCurrent: current ? 1 : 0, isClosed: 0, version: 1, updatedAt: new Date().toISOString() })
    .execute();
  return id;
}

/** A placed lesson by what a person reads: class (group), subject, teachers, day, start time, room. */
function cardsOfFile(bytes: Uint8Array): string[] {
  const f = readAsc('x.xml', bytes);
  const no = groupNumbers(f).no;
  const period = new Map(f.periods.map((p) => [p.period, p.start.replace(/^0/, '')]));
  return f.cards
    .map((c) => {
      const l = f.lessons.get(c.lessonId)!;
      const who = l.classIds.map((id) => classKey(f.classes.get(id)!.name)).sort().join('+');
      const group = l.groupIds.filter((g) => !f.groups.get(g)!.entire).map((g) => `:гр${no.get(g)}`).join('');
      const teachers = l.teacherIds.map((t) => f.teachers.get(t)!.name.split(' ')[0]).sort().join('+');
      const room = c.roomIds.map((r) => f.rooms.get(r)!.short).join('+');
      return `${who}${group}|${f.subjects.get(l.subjectId)!.name}|${teachers}|${c.day}|${period.get(c.period)}|${room}`;
    })
    .sort();
}

describeEachDb('aSc Timetables into an empty school', (kind) => {
  let t: TestCore;
  let yearId: string;
  beforeAll(async () => {
    t = await createTestCore(kind);
    yearId = await emptyYear(t, '2026/2027', true);
    // A teacher the school already has: the file's «Сидорова А.А.» is this card.
    await t.client.call('staff.create', { lastName: 'Сидорова', firstName: 'Алла', middleName: 'Андреевна', sex: 'Ж' });
  });
  afterAll(async () => t?.cleanup());

  it('builds subjects, rooms, bells, classes, teachers and load, then the draft; preview writes nothing, re-apply is a no-op', async () => {
    const input = { yearId, file: file('small-school.xml') };
    const before = await counts(t);
    const preview = await t.client.call('timetable.asc.preview', input);
    expect(await counts(t)).toEqual(before);
    const byKind: Record<string, string[]> = {};
    for (const c of preview.creates) (byKind[c.what] ??= []).push(c.label);
    expect(Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, v.length]))).toEqual({
      Предмет: 6,
      Кабинет: 3,
      Звонки: 1,
      Класс: 3,
      Сотрудник: 3,
      Подгруппа: 2,
      Нагрузка: 10,
      'Объединённая группа': 1,
      'Учебный план': 3,
    });
    expect(byKind['Класс']).toEqual(['5А', '5Б', '10А']);
    expect(byKind['Сотрудник'].sort()).toEqual(['Иванова Анна Петровна', 'Кузнецова Мария Ивановна', 'Петров Олег']);
    expect(byKind['Предмет']).toContain('Робототехника & конструирование');
    expect(preview.creates.find((c) => c.what === 'Звонки')!.detail).toBe('1 смена, 5 дн. в неделю, уроки: 1) 08:30–09:15, 2) 09:25–10:10, 3) 10:30–11:15, 4) 11:35–12:20');
    expect(preview.counts).toMatchObject({ inFile: 12, placed: 12, notPlaced: 0, unmatched: 0, clashes: 0 });
    expect(preview.lines.filter((l) => l.level === 'error')).toEqual([]);
    expect(preview.lines).toContainEqual(expect.objectContaining({ what: 'Нагрузка', label: '10А: Астрономия', message: expect.stringMatching(/^учитель в файле не указан/) }));
    expect(preview.notImported).toEqual([{ part: 'classroomsupervisions', count: 1, reason: 'раздел, для которого в программе нет места' }]);

    const applied = await t.client.call('timetable.asc.apply', { ...input, signature: preview.signature });
    expect(applied.created).toBe(true);
    const after = await counts(t);
    expect({ ...after, auditLog: 0 }).toEqual({
      ...before,
      subject: before.subject + 6,
      room: before.room + 3,
      bellSchedule: 1,
      schoolClass: 3,
      staff: before.staff + 3,
      subgroup: 2,
      teachingAssignment: 10,
      jointGroup: 1,
      curriculumPlan: 3,
      curriculumRow: after.curriculumRow,
      staffSubject: before.staffSubject + 5,
      timetableVersion: 1,
      auditLog: 0,
    });
    expect(after.auditLog).toBeGreaterThan(before.auditLog + 30);

    // The school's records as the owning domains show them.
    const classes = (await t.client.call('setup.classes.list', { yearId })).classes.map((c) => c.name).sort();
    expect(classes).toEqual(['10А', '5А', '5Б']);
    const subjects = await t.core.db.selectFrom('subject').select(['name', 'sanpinKey']).execute();
    expect(subjects.find((s) => s.name === 'Математика')!.sanpinKey).not.toBeNull();
    expect(subjects.find((s) => s.name === 'Робототехника & конструирование')!.sanpinKey).toBeNull();
    const sidorova = await t.core.db.selectFrom('staff').select('id').where('lastName', '=', 'Сидорова').execute();
    expect(sidorova).toHaveLength(1);
    const english = await t.core.db.selectFrom('teachingAssignment').select(['staffId', 'groupNo']).where('staffId', '=', sidorova[0].id).execute();
    expect(english).toEqual([{ staffId: sidorova[0].id, groupNo: 1 }]);

    // The draft: every card placed where the file has it, the double as one lesson of two periods.
    const v = await t.client.call('timetable.version.get', { versionId: applied.versionId! });
    expect(v.meta.source).toBe('asc');
    expect(v.placements).toHaveLength(12);
    const math10 = v.lessons.find((l) => l.duration === 2)!;
    expect(v.placements.filter((p) => p.lessonId === math10.id)).toEqual([expect.objectContaining({ day: 4, period: 2 })]);
    const exported = await t.client.call('timetable.asc.export', { versionId: applied.versionId! });
    expect(cardsOfFile(Buffer.from(exported.contentBase64, 'base64'))).toEqual(cardsOfFile(fs.readFileSync(path.join(FIXTURES, 'small-school.xml'))));

    const settled = await counts(t);
    const again = await t.client.call('timetable.asc.preview', input);
    expect(again).toMatchObject({ existing: { id: applied.versionId }, creates: [] });
    const reapplied = await t.client.call('timetable.asc.apply', { ...input, signature: preview.signature });
    expect(reapplied).toMatchObject({ created: false, versionId: applied.versionId });
    // Nothing but the dispatcher's trace of the call (action «call»).
    expect(await counts(t)).toEqual({ ...settled, auditLog: settled.auditLog + 1 });
  });

  it('writes nothing when the file cannot become a timetable after its set-up was planned (no bell times)', async () => {
    const other = await emptyYear(t, '2027/2028', false);
    const text = fs.readFileSync(path.join(FIXTURES, 'small-school.xml'), 'utf8').replace(/ starttime="[^"]*"/g, ' starttime=""');
    const before = await counts(t);
    const e = await t.client.call('timetable.asc.preview', { yearId: other, file: file('no-times.xml', Buffer.from(text, 'utf8')) }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^Файл «no-times\.xml»: ни один урок файла не сопоставлен/) });
    const applied = await t.client.call('timetable.asc.apply', { yearId: other, file: file('no-times.xml', Buffer.from(text, 'utf8')), signature: 'x' }).catch((x: unknown) => x);
    expect(applied).toMatchObject({ code: 'VALIDATION' });
    expect(await counts(t)).toEqual(before);
    // Class names without a grade: no class can be created — refused whole, naming them.
    const nameless = fs.readFileSync(path.join(FIXTURES, 'small-school.xml'), 'utf8').replace(/(<class id="C\d" name=")[^"]+(" short=")[^"]+(" (?:teacherid="[^"]*" classroomids="[^"]*" )?grade=")\d*"/g, '$1Класс Б$2КБ$3"');
    const refused = await t.client.call('timetable.asc.preview', { yearId: other, file: file('nameless.xml', Buffer.from(nameless, 'utf8')) }).catch((x: unknown) => x);
    expect(refused).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^Файл «nameless\.xml» не загружен: ни один класс файла не удалось создать \(Класс Б: по названию не понять параллель/) });
    expect(await counts(t)).toEqual(before);
  });

  it('imports the demo school\'s own aSc export into an empty year: the same lessons at the same times', async () => {
    const demoYear = await emptyYear(t, '2028/2029', false);
    const bytes = zlib.gunzipSync(fs.readFileSync(path.join(FIXTURES, 'demo-school.xml.gz')));
    const input = { yearId: demoYear, file: file('demo-school.xml', bytes) };
    const preview = await t.client.call('timetable.asc.preview', input);
    expect(preview.lines.filter((l) => l.level === 'error')).toEqual([]);
    expect(preview.counts).toMatchObject({ unmatched: 0, notPlaced: 0 });
    expect(preview.creates.filter((c) => c.what === 'Класс')).toHaveLength(33);
    const applied = await t.client.call('timetable.asc.apply', { ...input, signature: preview.signature });
    const v = await t.client.call('timetable.version.get', { versionId: applied.versionId! });
    expect(v.placements).toHaveLength(1082);
    // aSc has no shifts: classes whose day starts after the third period are the second shift, as in the demo.
    expect(new Set(v.classes.map((c) => c.shift))).toEqual(new Set([1, 2]));
    const exported = await t.client.call('timetable.asc.export', { versionId: applied.versionId! });
    expect(cardsOfFile(Buffer.from(exported.contentBase64, 'base64'))).toEqual(cardsOfFile(bytes));
  }, 120_000);

  it('builds a school from a real .fet (a FET example): grades from names or typed, SanPiN shown, constraints named; a damaged file changes nothing', async () => {
    const fetYear = await emptyYear(t, '2029/2030', false);
    const bytes = zlib.gunzipSync(fs.readFileSync(path.join(__dirname, '../../fixtures/timetable/brazil-achiles-manha.fet.gz')));
    const text = bytes.toString('utf8');
    const input = { yearId: fetYear, file: file('ACHILES-MANHA.fet', bytes) };
    const before = await counts(t);
    const first = await t.client.call('timetable.fetSchool.preview', input);
    expect(await counts(t)).toEqual(before);
    // «6D» does not say its grade plainly (D is no Cyrillic look-alike): the preview asks for it.
    expect(first.sanpin.classes.find((c) => c.name === '6D')).toEqual({ name: '6D', grade: null, source: 'none' });
    expect(first.sanpin.classes.find((c) => c.name === '6A')).toEqual({ name: '6A', grade: 6, source: 'name' });
    expect(first.lines).toContainEqual(expect.objectContaining({ level: 'error', what: 'Класс', label: '6D', message: expect.stringContaining('укажите её в предпросмотре') }));
    expect(first.sanpin.subjects.map((s) => s.source)).toEqual(first.sanpin.subjects.map(() => 'none'));
    // FET's rules have no place in the app's draft: each type named with its count.
    expect(first.notImported).toEqual(expect.arrayContaining([
      expect.objectContaining({ part: 'ConstraintMinDaysBetweenActivities', count: (text.match(/<ConstraintMinDaysBetweenActivities>/g) ?? []).length }),
      expect.objectContaining({ part: 'ConstraintTeacherNotAvailableTimes', count: (text.match(/<ConstraintTeacherNotAvailableTimes>/g) ?? []).length }),
    ]));

    const typed = { ...input, grades: { '6D': 6 }, bells: { start: '08:00', lessonMinutes: 40, breakMinutes: 5 } };
    const preview = await t.client.call('timetable.fetSchool.preview', typed);
    expect(preview.sanpin.classes.find((c) => c.name === '6D')).toEqual({ name: '6D', grade: 6, source: 'caller' });
    const classes = preview.creates.filter((c) => c.what === 'Класс').map((c) => c.label);
    expect(classes).toEqual(['6А', '6В', '6С', '6Д', '7А', '7В', '7С', '8А', '9А']);
    expect(preview.creates.find((c) => c.what === 'Звонки')!.detail).toBe('1 смена, 5 дн. в неделю, уроки: 1) 08:00–08:40, 2) 08:45–09:25, 3) 09:30–10:10, 4) 10:15–10:55, 5) 11:00–11:40');
    expect(preview.counts).toMatchObject({ inFile: 0, placed: 0 });
    // Teachers named by a first name only get no staff card: said on each line, never guessed.
    expect(preview.lines).toContainEqual(expect.objectContaining({ what: 'Учитель', label: 'Deyvide', message: expect.stringMatching(/^в файле нет полного имени/) }));
    expect(await counts(t)).toEqual(before);

    const applied = await t.client.call('timetable.fetSchool.apply', { ...typed, signature: preview.signature });
    expect(applied.created).toBe(true);
    const v = await t.client.call('timetable.version.get', { versionId: applied.versionId! });
    expect(v.meta.source).toBe('fet');
    expect(v.placements).toHaveLength(0);
    // Every period of the file's activities is a period of the draft's lessons.
    const periodsInFile = [...text.matchAll(/<Activity>[\s\S]*?<Duration>(\d+)<\/Duration>[\s\S]*?<\/Activity>/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(v.lessons.reduce((sum, l) => sum + l.duration * l.count, 0)).toBe(periodsInFile);
    expect((await t.client.call('setup.classes.list', { yearId: fetYear })).classes.map((c) => c.name).sort()).toEqual([...classes].sort());

    const settled = await counts(t);
    expect(await t.client.call('timetable.fetSchool.preview', typed)).toMatchObject({ existing: { id: applied.versionId }, creates: [] });
    expect(await t.client.call('timetable.fetSchool.apply', { ...typed, signature: preview.signature })).toMatchObject({ created: false, versionId: applied.versionId });
    expect(await counts(t)).toEqual({ ...settled, auditLog: settled.auditLog + 1 });

    // Damaged files are refused whole with the place; nothing changes.
    const other = await emptyYear(t, '2030/2031', false);
    const refuse = async (name: string, body: string) => t.client.call('timetable.fetSchool.preview', { yearId: other, file: file(name, Buffer.from(body, 'utf8')) }).catch((x: unknown) => x);
    expect(await refuse('cut.fet', text.slice(0, Math.floor(text.length / 2)))).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^Файл «cut\.fet» не загружен: строка \d+: /) });
    const unknownSet = text.replace(/<Students>6A<\/Students>/, '<Students>6Z</Students>');
    // The line of the activity's opening <Activity>.
    const line = unknownSet.slice(0, unknownSet.lastIndexOf('<Activity>', unknownSet.indexOf('<Students>6Z'))).split('\n').length;
    expect(await refuse('set.fet', unknownSet)).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(new RegExp(`^Файл «set\\.fet» не загружен: строка ${line}: занятие Id=\\d+: группы учащихся «6Z» нет в разделе Students_List`)) });
    expect(await refuse('result_activities.xml', '<?xml version="1.0"?>\n<Activities_Timetable></Activities_Timetable>\n')).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('это результат FET') });
    expect(await t.client.call('timetable.fetSchool.apply', { yearId: other, file: file('set.fet', Buffer.from(unknownSet, 'utf8')), signature: 'x' }).catch((x: unknown) => x)).toMatchObject({ code: 'VALIDATION' });
    expect(await counts(t)).toEqual({ ...settled, auditLog: settled.auditLog + 1 });
    // A teacher and a room no activity uses are not created, and the preview says so.
    const spare = text.replace('<Teachers_List>', '<Teachers_List>\n<Teacher><Name>Иванов Иван Иванович</Name></Teacher>').replace('</Rooms_List>', '<Room><Name>Каб. 12</Name><Capacity>30</Capacity></Room>\n</Rooms_List>');
    const spareLines = (await t.client.call('timetable.fetSchool.preview', { yearId: other, grades: { '6D': 6 }, file: file('spare.fet', Buffer.from(spare, 'utf8')) })).lines;
    expect(spareLines).toContainEqual({ level: 'info', what: 'Учитель', label: 'Иванов Иван Иванович', message: 'ни в одном занятии файла (1) — не создаётся' });
    expect(spareLines).toContainEqual({ level: 'info', what: 'Кабинет', label: 'Каб. 12', message: 'ни в одном занятии файла (1) — не создаётся' });
    // A year that has classes: a plain .fet would only give the school's own load unplaced — refused.
    await t.client.call('setup.classes.createMany', { yearId: other, grades: [6], letters: ['А'] });
    expect(await t.client.call('timetable.fetSchool.preview', { ...typed, yearId: other }).catch((x: unknown) => x)).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('в этом учебном году уже есть классы') });
  }, 60_000);
});
