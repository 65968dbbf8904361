import iconv from 'iconv-lite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PreviewEntry, PullPreview } from '../../../src-shared/contract/exchange';
import { fingerprint } from '../../helpers/dbFingerprint';
import { damagedExportCm, realisticExportCm } from '../../helpers/exportCmFixture';
import { b64, demoPortal, pupilExportXls, staffExportCsv } from '../../helpers/portalFiles';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { insertCurrentYear, previewAll } from './exchangeFixture';

const portal = demoPortal();
const cm = realisticExportCm(portal);
const pupils = pupilExportXls(portal);
const staff = staffExportCsv(portal);

const created = (p: PullPreview, entity: PreviewEntry['entity']) => p.entries.filter((e) => e.entity === entity && e.action === 'create');
const sorted = (list: string[]) => [...list].sort((a, b) => a.localeCompare(b, 'ru'));

describeEachDb('portal pull: a real-shaped ExportCM', (kind) => {
  let t: TestCore;
  let preview: PullPreview;
  let written: Record<string, number>;
  beforeAll(async () => {
    t = await createTestCore(kind);
    await insertCurrentYear(t);
  });
  afterAll(async () => t?.cleanup());

  it('refuses every damaged copy — ExportCM, CSV and HTML — with its message, and the whole database stays as it was', async () => {
    const before = await fingerprint(t);
    const csv = iconv.decode(staff, 'win1251');
    const html = iconv.decode(pupils, 'win1251');
    const damaged: [string, Buffer, RegExp][] = [
      ...Object.entries(damagedExportCm(cm)).map(([k, bytes]): [string, Buffer, RegExp] => [
        `ExportCM.nsxml`,
        bytes,
        {
          cutAtLineEnd: /строка \d+: файл обрывается: не закрыты <Plan> \(строка \d+\), <TimeTableExchange>/,
          cutMidTag: /строка \d+: файл обрывается внутри тега <csg id="\d+"…>/,
          unclosedElement: /строка \d+: элемент <class name="3А"> \(строка \d+\) не закрыт: вместо <\/class> встретился <\/Plan>/,
          koi8r: /файл, похоже, в другой кодировке \(KOI8-R\?\)/,
          utf8DeclaredCp1251: /указана кодировка windows-1251, а записан файл в UTF-8/,
        }[k]!,
      ]),
      ['Сотрудники.csv', iconv.encode(csv.slice(0, csv.lastIndexOf(';', csv.length - 300)), 'win1251'), /строка \d+: строка обрывается: в ней \d+ пол\S+, а в строке выше 48 — файл обрезан/],
      ['Сотрудники.csv', iconv.encode(csv, 'koi8-r'), /файл, похоже, в другой кодировке \(KOI8-R\?\)/],
      ['Список учащихся.xls', iconv.encode(html.slice(0, Math.floor(html.length / 2)), 'win1251'), /таблица не закрыта \(нет «<\/table>»\) — файл обрезан/],
      ['Список учащихся.xls', iconv.encode(html, 'koi8-r'), /файл, похоже, в другой кодировке \(KOI8-R\?\)/],
      ['Список учащихся.xls', Buffer.from(html, 'utf8'), /указана кодировка windows-1251, а записан файл в UTF-8/],
    ];
    for (const [fileName, bytes, message] of damaged) {
      // Uploaded together with good files: the whole upload is refused, the good files too.
      const files = [
        { fileName, contentBase64: b64(bytes) },
        { fileName: 'Сотрудники (верный).csv', contentBase64: b64(staff) },
      ];
      const refused = await previewAll(t, { files }).then(
        () => null,
        (e: { code: string; message: string }) => e,
      );
      expect(refused, fileName).toMatchObject({ code: 'VALIDATION' });
      expect(refused!.message).toMatch(new RegExp(`^Файл «${fileName.replace(/[.()]/g, '\\$&')}» не загружен: `));
      expect(refused!.message).toMatch(message);
      expect(refused!.message).toMatch(/Ничего не изменено\.$/);
      expect(refused!.message).not.toContain('Внутренняя ошибка');
    }
    expect(await fingerprint(t)).toBe(before);
  });

  it('previews shifts, Saturdays, joint ИУП groups, qualifications, subgroups by the portal group id, full subject names, and names what it does not import', async () => {
    preview = await previewAll(t, {
      files: [
        { fileName: 'ExportCM.nsxml', contentBase64: b64(cm.bytes) },
        { fileName: 'Сотрудники.csv', contentBase64: b64(staff) },
        { fileName: 'Список учащихся.xls', contentBase64: b64(pupils) },
      ],
    });
    expect(preview.counts.rejected).toBe(0);
    const file = preview.files.find((f) => f.formatId === 'exportCm')!;
    expect(file.notImported.find((n) => n.part.startsWith('Расписание текущей недели'))).toMatchObject({ count: cm.facts.lessons });
    expect(file.notImported.length).toBeGreaterThanOrEqual(4);
    const classes = created(preview, 'class');
    expect(classes).toHaveLength(cm.facts.classes.length);
    for (const c of classes) {
      const name = /^Класс (\S+)/.exec(c.label)![1];
      expect(c.changes.find((x) => x.field === 'shift')?.new, name).toBe(cm.facts.secondShift.includes(name) ? '2' : '1');
      expect(c.changes.find((x) => x.field === 'weekLength')?.new, name).toBe(cm.facts.saturday.includes(name) ? '6 дней' : '5 дней (как у параллели)');
    }
    expect(created(preview, 'bells').map((b) => b.label)).toEqual(['Звонки, 1 смена (пн, вт, ср, чт, пт, сб)', 'Звонки, 2 смена (пн, вт, ср, чт, пт)']);
    expect(created(preview, 'jointGroup').map((j) => j.label)).toEqual(
      expect.arrayContaining(Object.entries(cm.facts.shared).map(([name, list]) => `Сводная группа «${name}»: ${list.join(', ')}`)),
    );
    expect(created(preview, 'qualification')).toHaveLength(cm.facts.links.length);
    // Subject names whole; a long abbreviation shortened at word boundaries, with a note.
    const subjects = created(preview, 'subject');
    expect(sorted(subjects.map((s) => s.label))).toEqual(sorted(cm.facts.subjects.map((s) => s.name)));
    const long = subjects.find((s) => s.label === 'Основы духовно-нравственной культуры народов России')!;
    expect(long.changes.find((c) => c.field === 'shortName')!.new).toBe('Основы духовн. культуры народов России');
    expect(long.issues[0].message).toContain('длиннее 40 символов');
    // 2А lists «англ.2 под» first: group numbers follow the portal's group id, as in 2Б.
    const english = (cls: string) => created(preview, 'subgroup').filter((e) => e.label.startsWith(`${cls}: Иностранный язык (Английский язык)`)).map((e) => e.label.replace(/^\S+ /, ''));
    expect(sorted(english('2А'))).toEqual(['Иностранный язык (Английский язык), подгруппа 1 «англ.1 под»', 'Иностранный язык (Английский язык), подгруппа 2 «англ.2 под»']);
    expect(sorted(english('2А'))).toEqual(sorted(english('2Б')));
  });

  it('writes exactly the rows the preview listed, table by table', async () => {
    const report = await t.client.call('exchange.pull.apply', { exchangeId: preview.exchangeId, version: preview.version, decisions: {} });
    written = report.written;
    const db = t.core.db;
    const labels = (entity: PreviewEntry['entity']) => sorted(created(preview, entity).map((e) => e.label));
    expect(sorted((await db.selectFrom('subject').select('name').execute()).map((s) => s.name))).toEqual(labels('subject'));
    expect(sorted((await db.selectFrom('schoolClass').select('name').execute()).map((c) => `Класс ${c.name}`))).toEqual(labels('class').map((l) => l.replace(/ \(в портале \d+ уч\.\)$/, '')).sort((a, b) => a.localeCompare(b, 'ru')));
    const bellLessons = await db.selectFrom('bellLesson as l').innerJoin('bellSchedule as b', 'b.id', 'l.scheduleId').select(['b.shift', 'l.lessonNumber', 'l.startTime', 'l.endTime']).execute();
    expect(sorted(bellLessons.map((l) => `${l.shift} смена, ${l.lessonNumber} урок: ${l.startTime}–${l.endTime}`))).toEqual(labels('bellLesson'));
    expect((await db.selectFrom('bellSchedule').select(['shift', 'weekdays']).orderBy('shift').execute()).map((b) => [Number(b.shift), b.weekdays])).toEqual([[1, '1,2,3,4,5,6'], [2, '1,2,3,4,5']]);
    const subgroups = await db.selectFrom('subgroup as s').innerJoin('schoolClass as c', 'c.id', 's.classId').innerJoin('subject as x', 'x.id', 's.subjectId').select(['c.name as cls', 'x.name as subject', 's.ordinal', 's.name']).execute();
    expect(sorted(subgroups.map((s) => `${s.cls}: ${s.subject}, подгруппа ${s.ordinal} «${s.name}»`))).toEqual(labels('subgroup'));
    // Every split class subject has at least two subgroups: no lone «subgroup» of a whole class.
    const perSubject = new Map<string, number>();
    for (const s of subgroups) perSubject.set(`${s.cls}|${s.subject}`, (perSubject.get(`${s.cls}|${s.subject}`) ?? 0) + 1);
    expect([...perSubject.entries()].filter(([, n]) => n < 2)).toEqual([]);
    const quals = await db.selectFrom('staffSubject as q').innerJoin('staff as s', 's.id', 'q.staffId').innerJoin('subject as x', 'x.id', 'q.subjectId').select(['s.lastName', 's.firstName', 's.middleName', 'x.name']).execute();
    expect(quals).toHaveLength(labels('qualification').length);
    const joint = await db.selectFrom('jointGroup as j').innerJoin('jointGroupSlot as s', 's.jointGroupId', 'j.id').innerJoin('schoolClass as c', 'c.id', 's.classId').select(['j.name', 'c.name as cls', 's.groupNo']).orderBy('c.name').execute();
    expect(sorted([...new Set(joint.map((j) => j.name))])).toEqual(sorted(Object.keys(cm.facts.shared)));
    expect(joint.filter((j) => j.name === 'Индивидуальный проект/10АБ').map((j) => [j.cls, Number(j.groupNo)])).toEqual([['10А', 0], ['10Б', 0]]);
    // The teacher of the joint project group teaches one hour for both classes, not two.
    const project = await db
      .selectFrom('teachingAssignment as a')
      .innerJoin('subject as x', 'x.id', 'a.subjectId')
      .innerJoin('schoolClass as c', 'c.id', 'a.classId')
      .select(['a.staffId', 'a.academicYearId', 'c.name'])
      .where('x.name', '=', 'Индивидуальный проект')
      .execute();
    expect(project.map((p) => p.name).sort()).toEqual(['10А', '10Б', '10В', '11А', '11Б', '11В']);
    const card = await t.client.call('load.teacher', { yearId: project[0].academicYearId, staffId: project.find((p) => p.name === '10А')!.staffId });
    const projectRows = card.rows.filter((r) => r.subjectName === 'Индивидуальный проект');
    expect(projectRows.filter((r) => r.className === '10А' || r.className === '10Б')).toHaveLength(2);
    expect(card.teacher.hours).toBe(card.rows.reduce((n, r) => n + r.hours, 0) - 1);

    expect(Number((await db.selectFrom('teachingAssignment').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(labels('assignment').length);
    expect(Number((await db.selectFrom('curriculumPlan').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(labels('curriculum').length);
    expect(Number((await db.selectFrom('curriculumRow').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(labels('curriculumRow').length);
    // People: cards, links and classes as previewed.
    for (const [table, entity] of [['pupil', 'pupil'], ['pupilParent', 'link'], ['classMembership', 'membership']] as const) {
      expect(Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n), table).toBe(labels(entity).length);
    }
    // The report counts what the preview listed.
    const pairs: [string, PreviewEntry['entity']][] = [['subject', 'subject'], ['room', 'room'], ['schoolClass', 'class'], ['bellSchedule', 'bells'], ['bellLesson', 'bellLesson'], ['subgroup', 'subgroup'], ['teachingAssignment', 'assignment'], ['staffSubject', 'qualification'], ['jointGroup', 'jointGroup'], ['curriculumPlan', 'curriculum'], ['curriculumRow', 'curriculumRow'], ['pupil', 'pupil'], ['link', 'link'], ['membership', 'membership']];
    for (const [key, entity] of pairs) expect(written[key] ?? 0, key).toBe(labels(entity).length);
  }, 180_000); // A whole school written on PostgreSQL: 40 s at load 20, over 60 s at load 25.

  it('re-pulling the same files finds everything in place and writes nothing', async () => {
    const again = await previewAll(t, {
      files: [
        { fileName: 'ExportCM.nsxml', contentBase64: b64(cm.bytes) },
        { fileName: 'Сотрудники.csv', contentBase64: b64(staff) },
        { fileName: 'Список учащихся.xls', contentBase64: b64(pupils) },
      ],
    });
    expect(again.entries.filter((e) => e.action === 'create' || e.action === 'update').map((e) => `${e.entity}: ${e.label}`)).toEqual([]);
    const before = await fingerprint(t);
    const report = await t.client.call('exchange.pull.apply', { exchangeId: again.exchangeId, version: again.version, decisions: {} });
    expect(report.written).toEqual({});
    // Only the exchange's own record, its audit rows and whom it saw in the portal changed.
    const tables = (s: string) => JSON.parse(s) as Record<string, string[]>;
    const a = tables(before);
    const b = tables(await fingerprint(t));
    expect(Object.keys(a).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort()).toEqual(['audit_log', 'portal_exchange', 'portal_seen']);
  });

  it('rejects in the preview a portal joint group whose class is already in the office’s own group of that subject, and writes none', async () => {
    const { years } = await t.client.call('setup.years.list');
    const yearId = years.find((y) => y.isCurrent)!.id;
    const [first] = (await t.client.call('curriculum.joints.list', { yearId })).joints;
    expect(first).toBeDefined();
    // The office regroups: the portal's group goes, its classes form a group of the office's own name.
    await t.client.call('curriculum.joints.delete', { id: first.id, version: first.version });
    await t.client.call('curriculum.joints.save', { yearId, id: null, version: 0, subjectId: first.subjectId, name: 'Своя группа', members: first.members.map((m) => ({ classId: m.classId, groupNo: m.groupNo })) });
    const again = await previewAll(t, { files: [{ fileName: 'ExportCM.nsxml', contentBase64: b64(cm.bytes) }] });
    const rejected = again.entries.filter((e) => e.entity === 'jointGroup' && e.action === 'rejected');
    expect(rejected.map((e) => e.label)).toEqual([expect.stringContaining(`«${first.name}»`)]);
    expect(rejected[0].issues[0].message).toContain('уже входит в сводную группу «Своя группа»');
    const report = await t.client.call('exchange.pull.apply', { exchangeId: again.exchangeId, version: again.version, decisions: {} });
    expect(report.written.jointGroup).toBeUndefined();
    expect((await t.client.call('curriculum.joints.list', { yearId })).joints.map((j) => j.name)).toContain('Своя группа');
    expect((await t.client.call('curriculum.joints.list', { yearId })).joints.map((j) => j.name)).not.toContain(first.name);
  });
});
