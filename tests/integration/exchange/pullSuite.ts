import { afterEach, beforeEach, expect, it } from 'vitest';
import type { FieldValues } from '../../../src-main/core/sync/formats/columns';
import { newId } from '../../../src-shared/domain/ids';
import { fieldLabel } from '../../../src-shared/domain/auditLabels';
import { b64, demoPortal, exportCmOf, movementBookXls, pupilExportXls, staffExportCsv } from '../../helpers/portalFiles';
import { createTestCore, describeEachDb, type TestCore, type TestDbKind } from '../../helpers/testDb';
import { insertCurrentYear, previewAll } from './exchangeFixture';
import { order, saveAndSign } from '../movement/movementFixture';

const portal = demoPortal();
const cm = exportCmOf(portal);
const first500 = portal.school.pupils.slice(0, 500).map((p) => p.id);
const BAD = { latin: 9, date: 199, sex: 399 };

/** The pupil export with three rows the portal itself would not have: a Latin surname, an impossible date, no sex. */
function withBadRows(rows: FieldValues[]): void {
  rows[BAD.latin].lastName = 'Ivanov';
  rows[BAD.date].birthDate = '2015-13-45';
  rows[BAD.sex].sex = null;
}

async function counts(t: TestCore) {
  const db = t.core.db;
  const n = async (table: 'pupil' | 'parent' | 'staff' | 'pupilParent' | 'classMembership' | 'schoolClass' | 'subject' | 'teachingAssignment' | 'portalRef') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { pupil: await n('pupil'), parent: await n('parent'), staff: await n('staff'), link: await n('pupilParent'), membership: await n('classMembership'), cls: await n('schoolClass'), subject: await n('subject'), assignment: await n('teachingAssignment'), ref: await n('portalRef') };
}

/**
 * The pull's suite, run per database kind from `pull.sqlite.test.ts` and `pull.postgres.test.ts`: the
 * suite is the slowest integration file (~3 min for both kinds), so its halves run on both workers.
 */
export function pullSuite(kinds: readonly TestDbKind[]): void {
describeEachDb('portal pull', (kind) => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore(kind);
    await insertCurrentYear(t);
  });
  afterEach(async () => t.cleanup());

  const files = () => [
    { fileName: 'ExportCM.nsxml', contentBase64: b64(cm.bytes) },
    { fileName: 'Список учащихся.xls', contentBase64: b64(pupilExportXls(portal, first500, withBadRows)) },
  ];

  it('previews 497 good rows and 3 errors with row and column; cancel changes nothing; apply creates exactly the preview; re-apply changes nothing', async () => {
    const empty = await counts(t);
    const preview = await previewAll(t, { files: files() });
    const pupils = preview.entries.filter((e) => e.entity === 'pupil');
    expect(pupils.filter((e) => e.action === 'create')).toHaveLength(497);
    const rejected = pupils.filter((e) => e.action === 'rejected');
    expect(rejected).toHaveLength(3);
    // HTML rows: title, filters and the two header rows come first, so pupil k is on row k + 5.
    const where = rejected.map((e) => ({ row: e.row, issue: e.issues.find((i) => i.severity === 'error') }));
    expect(where).toEqual([
      { row: BAD.latin + 5, issue: expect.objectContaining({ row: BAD.latin + 5, column: 3, columnLetter: 'C', caption: 'Фамилия', message: expect.stringContaining('не с русской буквы') }) },
      { row: BAD.date + 5, issue: expect.objectContaining({ row: BAD.date + 5, column: 6, caption: 'Дата рождения', message: 'нет такой даты «45.13.2015»' }) },
      { row: BAD.sex + 5, issue: expect.objectContaining({ row: BAD.sex + 5, column: 7, caption: 'Пол', message: 'обязательное поле не заполнено' }) },
    ]);
    expect(preview.files.map((f) => [f.formatId, f.container, f.encoding])).toEqual([
      ['exportCm', 'xml', 'windows-1251'],
      ['pupilsExtended', 'html', 'windows-1251'],
    ]);
    expect(await counts(t)).toEqual(empty);

    expect(await t.client.call('exchange.pull.cancel', { exchangeId: preview.exchangeId, version: preview.version })).toEqual({ cancelled: true });
    expect(await counts(t)).toEqual(empty);
    await expect(t.client.call('exchange.pull.apply', { exchangeId: preview.exchangeId, version: preview.version + 1, decisions: {} })).rejects.toMatchObject({ code: 'CONFLICT' });

    const second = await previewAll(t, { files: files() });
    const report = await t.client.call('exchange.pull.apply', { exchangeId: second.exchangeId, version: second.version, decisions: {} });
    const created = (entity: string) => second.entries.filter((e) => e.entity === entity && e.action === 'create').length;
    const after = await counts(t);
    expect(after.pupil).toBe(497);
    expect(after.parent).toBe(created('parent'));
    expect(after.parent).toBeGreaterThan(700);
    expect(after.link).toBe(created('link'));
    expect(after.membership).toBe(created('membership'));
    expect(after.membership).toBe(497);
    expect(after.cls).toBe(created('class'));
    expect(after.cls).toBe(portal.school.classes.length);
    expect(after.staff).toBe(created('staff'));
    expect(after.assignment).toBe(created('assignment'));
    expect(report.written.pupil).toBe(497);
    expect(report.counts).toEqual(second.counts);

    const pupilAudit = await t.core.db.selectFrom('auditLog').select(['cause']).where('entity', '=', 'pupil').where('action', '=', 'create').execute();
    expect(pupilAudit).toHaveLength(497);
    expect(pupilAudit[0].cause).toContain('Список учащихся.xls');
    // The links of one pull: one history row per card, its list before → after them all.
    const linkRows = await t.core.db.selectFrom('auditLog').select(['recordId', 'changes']).where('entity', '=', 'pupil').where('changes', 'like', '{"parents":%').execute();
    const linksOf = new Map<string, number>();
    for (const l of await t.core.db.selectFrom('pupilParent').select('pupilId').execute()) linksOf.set(l.pupilId, (linksOf.get(l.pupilId) ?? 0) + 1);
    expect(linkRows).toHaveLength(linksOf.size);
    expect(new Set(linkRows.map((r) => r.recordId)).size).toBe(linksOf.size);
    const twoParents = linkRows.find((r) => linksOf.get(r.recordId!) === 2)!;
    const [before, afterLinks] = (JSON.parse(twoParents.changes!) as { parents: [string[], string[]] }).parents;
    expect(before).toEqual([]);
    expect(afterLinks).toHaveLength(2);
    // A pupil's class from the pull: «Класс: — → 5А» in the history, the class's name only.
    const classRow = await t.core.db.selectFrom('auditLog').select(['recordId', 'changes']).where('entity', '=', 'pupil').where('changes', 'like', '{"class":%').executeTakeFirstOrThrow();
    const member = await t.core.db.selectFrom('classMembership').innerJoin('schoolClass', 'schoolClass.id', 'classMembership.classId').select('schoolClass.name').where('classMembership.pupilId', '=', classRow.recordId!).executeTakeFirstOrThrow();
    expect(JSON.parse(classRow.changes!)).toEqual({ class: [null, member.name] });
    expect(fieldLabel('pupil', 'class')).toBe('Класс');
    const parentRows = await t.core.db.selectFrom('auditLog').select('recordId').where('entity', '=', 'parent').where('changes', 'like', '{"children":%').execute();
    expect(new Set(parentRows.map((r) => r.recordId)).size).toBe(parentRows.length);

    const third = await previewAll(t, { files: files() });
    expect(third.counts.create).toBe(0);
    expect(third.counts.update).toBe(0);
    expect(third.counts.rejected).toBe(second.counts.rejected);
    const refsBefore = after.ref;
    const again = await t.client.call('exchange.pull.apply', { exchangeId: third.exchangeId, version: third.version, decisions: {} });
    expect(again.written).toEqual({});
    expect(await counts(t)).toEqual({ ...after, ref: refsBefore });
  });

  it('pages, filters and searches the stored preview on the server; counts by kind and action', async () => {
    const p = await t.client.call('exchange.pull.preview', { files: files() });
    expect(p.entries).toHaveLength(50);
    expect(p.total).toBe(p.groups.reduce((n, g) => n + g.count, 0));
    const page = (filter: Partial<{ offset: number; limit: number; action: 'rejected' | 'create'; entity: 'pupil' | 'link'; warnedOnly: boolean; search: string }>) => t.client.call('exchange.pull.entries', { exchangeId: p.exchangeId, ...filter });
    const rejected = await page({ action: 'rejected', entity: 'pupil' });
    expect(rejected.total).toBe(3);
    expect(rejected.entries.map((e) => e.row)).toEqual([BAD.latin + 5, BAD.date + 5, BAD.sex + 5]);
    expect((await page({ warnedOnly: true, limit: 1 })).total).toBe(p.groups.reduce((n, g) => n + g.warned, 0));
    const someone = portal.school.pupils[42];
    const found = await page({ entity: 'pupil', search: someone.lastName.toUpperCase().replace(/Ё/g, 'Е') });
    expect(found.entries.length).toBeGreaterThan(0);
    expect(found.entries.every((e) => e.label.toLowerCase().replace(/ё/g, 'е').includes(someone.lastName.toLowerCase().replace(/ё/g, 'е')))).toBe(true);
    // `%` and `_` are letters here, not wildcards.
    expect((await page({ search: '%' })).total).toBe(0);
    expect((await page({ search: '_' })).total).toBe(0);
    const second = await page({ offset: 50, limit: 50 });
    expect(second.entries[0].key).not.toBe(p.entries[0].key);
    // A reload of the preview (another office PC) shows the same first page and counts.
    const again = await t.client.call('exchange.pull.get', { exchangeId: p.exchangeId });
    expect({ ...again, entries: again.entries.map((e) => e.key) }).toEqual({ ...p, entries: p.entries.map((e) => e.key) });
  });

  it('imports an HTML-xls pupil export in cp1251 with parents linked to the right pupils, enrolment dates from the movement book', async () => {
    const ids = portal.school.pupils.slice(0, 120).map((p) => p.id);
    const preview = await previewAll(t, {
      files: [
        { fileName: 'ExportCM.nsxml', contentBase64: b64(cm.bytes) },
        { fileName: 'pupils.xls', contentBase64: b64(pupilExportXls(portal, ids)) },
        { fileName: 'movebook.xls', contentBase64: b64(movementBookXls(portal, ids.slice(0, 5), '2026-10-05')) },
        { fileName: 'staff.csv', contentBase64: b64(staffExportCsv(portal)) },
      ],
    });
    expect(preview.counts.rejected).toBe(0);
    await t.client.call('exchange.pull.apply', { exchangeId: preview.exchangeId, version: preview.version, decisions: {} });
    const db = t.core.db;
    for (const id of ids.slice(0, 40)) {
      const demo = portal.school.pupils.find((p) => p.id === id)!;
      const pupil = await db.selectFrom('pupil').select(['id', 'snils']).where('lastName', '=', demo.lastName).where('firstName', '=', demo.firstName).where('birthDate', '=', demo.birthDate).executeTakeFirstOrThrow();
      expect(pupil.snils?.replace(/\D/g, '')).toBe(demo.snils.replace(/\D/g, ''));
      const links = await db.selectFrom('pupilParent as pp').innerJoin('parent as p', 'p.id', 'pp.parentId').select(['p.lastName', 'p.firstName', 'p.birthDate', 'pp.relation']).where('pp.pupilId', '=', pupil.id).execute();
      const expected = portal.school.links
        .filter((l) => l.pupilId === id && l.relation !== 'опекун')
        .map((l) => {
          const p = portal.school.parents.find((x) => x.id === l.parentId)!;
          return { lastName: p.lastName, firstName: p.firstName, birthDate: p.birthDate, relation: l.relation };
        });
      expect(links.sort((a, b) => a.relation.localeCompare(b.relation))).toEqual(expected.sort((a, b) => a.relation.localeCompare(b.relation)));
    }
    // Siblings share one parent card: the portal's rule (same ФИО + date of birth = one person).
    const parentRows = await db.selectFrom('parent').select(['searchKey', 'birthDate']).execute();
    expect(new Set(parentRows.map((p) => `${p.searchKey}|${p.birthDate}`)).size).toBe(parentRows.length);
    const enrolled = portal.school.pupils.find((p) => p.id === ids[0])!;
    const m = await db.selectFrom('classMembership as cm').innerJoin('pupil as p', 'p.id', 'cm.pupilId').select(['cm.startDate']).where('p.lastName', '=', enrolled.lastName).where('p.birthDate', '=', enrolled.birthDate).executeTakeFirstOrThrow();
    expect(m.startDate).toBe('2026-10-05');
    // Staff from the extended staff list: positions and hiring from «Дата приема(№ приказа)».
    const staffCount = Number((await db.selectFrom('staff').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(staffCount).toBe(portal.school.staff.length);
    const director = await db.selectFrom('staff').select(['id', 'position']).where('position', '=', 'Директор').executeTakeFirst();
    expect(director).toBeTruthy();
  });

  /**
   * Onboards the first pupils of the demo school (ExportCM + the pupil list), and returns what a
   * later pull of the same, by then stale, portal files previews.
   */
  async function onboard(ids: readonly string[]) {
    const files = () => [
      { fileName: 'ExportCM.nsxml', contentBase64: b64(cm.bytes) },
      { fileName: 'pupils.xls', contentBase64: b64(pupilExportXls(portal, ids)) },
    ];
    const first = await previewAll(t, { files: files() });
    await t.client.call('exchange.pull.apply', { exchangeId: first.exchangeId, version: first.version, decisions: {} });
    const demo = portal.school.pupils.find((p) => p.id === ids[0])!;
    const pupil = await t.core.db.selectFrom('pupil').select(['id', 'version', 'citizenship']).where('lastName', '=', demo.lastName).where('birthDate', '=', demo.birthDate).executeTakeFirstOrThrow();
    const repull = async () => {
      const again = await previewAll(t, { files: files() });
      return { again, entry: again.entries.find((e) => e.entity === 'pupil' && e.recordId === pupil.id)!, apply: () => t.client.call('exchange.pull.apply', { exchangeId: again.exchangeId, version: again.version, decisions: {} }) };
    };
    return { pupil, repull };
  }

  it('finds the same cards whether the file names everybody in the database or a few of many', async () => {
    const ids = portal.school.pupils.slice(0, 30).map((p) => p.id);
    await onboard(ids);
    const changed = (rows: FieldValues[]) => (rows[0].citizenship = 'Республика Беларусь');
    const preview = async (some: readonly string[]) => {
      const p = await previewAll(t, { files: [{ fileName: 'pupils.xls', contentBase64: b64(pupilExportXls(portal, some, changed)) }] });
      return p.entries.map((e) => ({ row: e.row, entity: e.entity, action: e.action, recordId: e.recordId, matchedBy: e.matchedBy, changes: e.changes, issues: e.issues }));
    };
    // All 30 pupils: every card of a kind is read. Five of them: the plan first finds whom they match.
    const all = await preview(ids);
    const few = await preview(ids.slice(0, 5));
    const firstRows = new Set(few.map((e) => e.row));
    expect(few.length).toBeGreaterThan(5);
    expect(all.filter((e) => firstRows.has(e.row))).toEqual(few);
    const updated = few.filter((e) => e.action === 'update');
    expect(updated).toEqual([expect.objectContaining({ entity: 'pupil', matchedBy: 'snils', changes: [{ field: 'citizenship', label: 'Гражданство', old: 'Российская Федерация', new: 'Республика Беларусь' }] })]);
    expect(few.filter((e) => e.action !== 'update').every((e) => e.action === 'unchanged' && e.recordId)).toBe(true);
  });

  it('never re-enrols a pupil the office withdrew: a stale portal list only warns', async () => {
    const ids = portal.school.pupils.slice(0, 6).map((p) => p.id);
    const { pupil, repull } = await onboard(ids);
    await saveAndSign(t.client, order('withdraw', '2026-11-02', [{ pupilId: pupil.id, effectiveDate: '2026-11-03', destinationKind: 'sameRegion', destinationSchool: 'МБОУ «СОШ № 12»', reason: 'переезд' }]));
    const memberships = () => t.core.db.selectFrom('classMembership').select(['startDate', 'endDate']).where('pupilId', '=', pupil.id).execute();
    const before = await memberships();
    expect(before).toEqual([{ startDate: '2026-09-01', endDate: '2026-11-03' }]);

    // The portal has not heard of the withdrawal yet: its list still has the pupil in class.
    const { again, entry, apply } = await repull();
    expect(entry.action).toBe('unchanged');
    expect(entry.issues.map((i) => i.message)).toEqual([expect.stringMatching(/а в программе — выбытие из \S+ с 03\.11\.2026 по книге движения: класс не изменён/)]);
    expect(again.entries.filter((e) => e.entity === 'membership')).toEqual([]);
    await apply();
    expect(await memberships()).toEqual(before);
  });

  it('after onboarding, keeps a field the office edited whose push file is not marked imported yet: the stale portal value only warns', async () => {
    const ids = portal.school.pupils.slice(0, 4).map((p) => p.id);
    const { pupil: row, repull } = await onboard(ids);
    expect(row.citizenship).toBe('Российская Федерация');
    await t.client.call('people.pupils.update', { id: row.id, version: Number(row.version), citizenship: 'Республика Беларусь' });
    // A push file made but not yet marked imported: the portal may not have it, so the edit still stands.
    const pushed = await t.client.call('exchange.push.create', { kind: 'pupilsBatch' });
    expect(pushed.file?.rows).toBe(1);

    const { entry, apply } = await repull();
    expect(entry.action).toBe('unchanged');
    expect(entry.changes).toEqual([]);
    expect(entry.issues.map((i) => i.message)).toEqual([expect.stringMatching(/^«Гражданство» изменено в программе \d\d\.\d\d\.\d{4} и ещё не передано в портал: оставлено «Республика Беларусь», значение портала «Российская Федерация» не загружено$/)]);
    expect(entry.issues[0].caption).toBe('Гражданство');
    await apply();
    expect((await t.core.db.selectFrom('pupil').select('citizenship').where('id', '=', row.id).executeTakeFirstOrThrow()).citizenship).toBe('Республика Беларусь');
  });

  it('after onboarding, does not re-link a parent the office unlinked', async () => {
    const withParents = portal.school.pupils.filter((p) => portal.school.links.some((l) => l.pupilId === p.id && l.relation !== 'опекун'));
    const ids = withParents.slice(0, 3).map((p) => p.id);
    const { pupil, repull } = await onboard(ids);
    const links = () => t.core.db.selectFrom('pupilParent').select('parentId').where('pupilId', '=', pupil.id).execute();
    const before = await links();
    expect(before.length).toBeGreaterThan(0);
    await t.client.call('people.links.remove', { pupilId: pupil.id, parentId: before[0].parentId });

    const { again, entry, apply } = await repull();
    expect(again.entries.filter((e) => e.entity === 'link')).toEqual([]);
    expect(entry.issues.map((i) => i.message)).toEqual([expect.stringMatching(/: связь с обучающимся не создана — связи семьи изменены в программе \d\d\.\d\d\.\d{4} и ещё не переданы в портал$/)]);
    await apply();
    expect(await links()).toEqual(before.slice(1));
  });

  it('lists ambiguous matches for a person to decide and applies the decision', async () => {
    const demo = portal.school.pupils[0];
    const now = new Date().toISOString();
    const twins = [newId(), newId()];
    for (const id of twins) {
      await t.core.db
        .insertInto('pupil')
        .values({ id, lastName: demo.lastName, firstName: demo.firstName, middleName: demo.middleName, sex: demo.sex, birthDate: demo.birthDate, snils: null, searchKey: `${demo.lastName} ${demo.firstName} ${demo.middleName}`.toLowerCase().replace(/ё/g, 'е'), version: 1, createdAt: now, updatedAt: now })
        .execute();
    }
    const file = pupilExportXls(portal, [demo.id], (rows) => (rows[0].snils = null));
    const preview = await previewAll(t, { files: [{ fileName: 'one.xls', contentBase64: b64(file) }] });
    const amb = preview.entries.find((e) => e.entity === 'pupil')!;
    expect(amb.action).toBe('ambiguous');
    expect(amb.candidates.map((c) => c.id).sort()).toEqual([...twins].sort());
    const report = await t.client.call('exchange.pull.apply', { exchangeId: preview.exchangeId, version: preview.version, decisions: { [amb.key]: twins[1] } });
    expect(report.written.pupil).toBe(1);
    const chosen = await t.core.db.selectFrom('pupil').select(['version']).where('id', '=', twins[1]).executeTakeFirstOrThrow();
    expect(chosen.version).toBe(2);
    const other = await t.core.db.selectFrom('pupil').select(['version']).where('id', '=', twins[0]).executeTakeFirstOrThrow();
    expect(other.version).toBe(1);
  });

  it('refuses the whole upload when a file is no portal format, and rejects a staff row the portal would reject', async () => {
    const iconv = (await import('iconv-lite')).default;
    const staff = iconv.encode('Иванов;Иван;Иванович;М;29.03.69;УЗ;\r\nSmith;John;;М;01.01.1980;;\r\nПетрова;Анна;;X;1.02.1990;;\r\n', 'win1251');
    const notes = { fileName: 'notes.txt', contentBase64: Buffer.from('просто текст\nбез таблицы').toString('base64') };
    const staffFile = { fileName: 'staff.csv', contentBase64: staff.toString('base64') };
    await expect(previewAll(t, { files: [notes, staffFile] })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/^Файл «notes\.txt» не загружен: формат файла не распознан .* Ничего не изменено\.$/),
    });
    expect(await t.client.call('exchange.history')).toEqual([]);
    const preview = await previewAll(t, { files: [staffFile] });
    expect(preview.files[0]).toMatchObject({ formatId: 'staffSimple', encoding: 'windows-1251', rows: 3 });
    const staffEntries = preview.entries.filter((e) => e.entity === 'staff');
    expect(staffEntries.map((e) => [e.row, e.action])).toEqual([[1, 'create'], [2, 'rejected'], [3, 'rejected']]);
    expect(staffEntries[1].issues[0]).toMatchObject({ column: 1, caption: 'Фамилия' });
    expect(staffEntries[2].issues[0]).toMatchObject({ column: 4, caption: 'Пол', message: 'пол «X» — ожидается М или Ж' });
    const report = await t.client.call('exchange.pull.apply', { exchangeId: preview.exchangeId, version: preview.version, decisions: {} });
    expect(report.written).toEqual({ staff: 1 });
    const card = await t.core.db.selectFrom('staff').select(['lastName', 'birthDate']).executeTakeFirstOrThrow();
    expect(card).toEqual({ lastName: 'Иванов', birthDate: '1969-03-29' });
  });
}, kinds);
}
