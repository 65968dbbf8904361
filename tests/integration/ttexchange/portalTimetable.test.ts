import iconv from 'iconv-lite';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { parseExportCm } from '../../../src-main/core/sync/formats/exportCm';
import { b64 } from '../../helpers/portalFiles';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { insertCurrentYear } from '../exchange/exchangeFixture';
import { lessonKey, portalWeek, withTimetable, type PortalWeek } from './portalTimetableFixture';

/**
 * The portal loop (issue 17, parts 1, 2 and 5) on both databases: ExportCM with the current week →
 * pull → draft «из портала» (preview changes nothing, apply once, re-apply is a no-op) → approved →
 * our TimeTableExchange file read back by the portal-format reader equals the week; a two-week
 * pattern over holidays; a lesson without a portal group refuses the whole file.
 */

async function count(t: TestCore, table: 'timetableVersion' | 'timetablePlacement' | 'portalExchange'): Promise<number> {
  return Number((await t.core.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

async function pull(t: TestCore, week: PortalWeek): Promise<void> {
  const preview = await t.client.call('exchange.pull.preview', { files: [{ fileName: 'ExportCM.nsxml', contentBase64: b64(week.bytes) }] });
  await t.client.call('exchange.pull.apply', { exchangeId: preview.exchangeId, version: preview.version, decisions: {} });
}

async function mappedCsgs(t: TestCore): Promise<Set<string>> {
  const rows = await t.core.db.selectFrom('portalRef').select('portalId').where('entity', '=', 'csg').execute();
  return new Set(rows.map((r) => r.portalId.replace(/^cm:/, '')));
}

function readBack(contentBase64: string) {
  const bytes = Buffer.from(contentBase64, 'base64');
  const text = iconv.decode(bytes, 'win1251');
  return { text, bytes, parsed: parseExportCm(text).data };
}

describeEachDb('timetable from and to the portal', (kind) => {
  let t: TestCore;
  let yearId: string;
  const week = portalWeek();
  beforeEach(async () => {
    t = await createTestCore(kind);
    await insertCurrentYear(t);
    yearId = (await t.client.call('setup.years.list')).years[0].id;
    await pull(t, week);
  });
  afterEach(async () => t.cleanup());

  it('pulls the current week into a draft, lists what matches nothing, re-apply writes nothing; the pushed file reads back as the same week', async () => {
    const mapped = await mappedCsgs(t);
    const matching = week.lessons.filter((l) => mapped.has(l.csgId));
    expect(matching.length).toBeGreaterThan(100);
    expect(matching.length).toBeLessThan(week.lessons.length);

    const preview = await t.client.call('timetable.portal.preview', { yearId });
    expect(await count(t, 'timetableVersion')).toBe(0);
    expect(preview.existing).toBeNull();
    expect(preview.counts.inFile).toBe(week.lessons.length);
    expect(preview.counts.unmatched).toBe(week.lessons.length - matching.length);
    const errors = preview.lines.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(preview.counts.unmatched);
    expect(errors[0]).toMatchObject({ what: 'Урок', label: expect.stringMatching(/^\d+А, .+, (пн|вт|ср|чт|пт), \d-й урок \(1 смена\)$/), message: expect.stringContaining('не сопоставлена с нагрузкой школы') });

    const applied = await t.client.call('timetable.portal.apply', { yearId, signature: preview.signature });
    expect(applied.created).toBe(true);
    expect(await count(t, 'timetableVersion')).toBe(1);
    const view = await t.client.call('timetable.version.get', { versionId: applied.versionId! });
    expect(view.meta.source).toBe('portal');
    // The English groups of a class sit in one portal Lesson: two occurrences, one per group lesson.
    expect(view.placements.length + preview.counts.notPlaced).toBe(view.lessons.reduce((s, l) => s + l.count, 0));
    const again = await t.client.call('timetable.portal.apply', { yearId, signature: preview.signature });
    expect(again).toMatchObject({ created: false, versionId: applied.versionId });
    expect(await count(t, 'timetableVersion')).toBe(1);

    // Approval is the director's step with its own checks (versions.test.ts); the portal's week has clashes it keeps.
    await t.core.db.updateTable('timetableVersion').set({ status: 'approved', effectiveFrom: '2026-09-01' }).where('id', '=', applied.versionId!).execute();
    const exchangesBefore = await count(t, 'portalExchange');
    const pushed = await t.client.call('timetable.portal.push', { versionId: applied.versionId!, from: '2026-09-07', to: '2026-09-20', pattern: 1 });
    expect(pushed.issues).toEqual([]);
    expect(pushed.warnings).toContainEqual(expect.stringContaining('на портале 5.x он не проверялся'));
    expect(await count(t, 'portalExchange')).toBe(exchangesBefore + 1);
    const back = readBack(pushed.file!.contentBase64);
    expect(back.text.startsWith('<?xml version="1.0" encoding="windows-1251"?>\r\n<TimeTableExchange')).toBe(true);
    expect(back.text.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
    expect(back.parsed.lessons!.map(lessonKey).sort()).toEqual(matching.map(lessonKey).sort());
    expect(pushed.form).toMatchObject({ from: '2026-09-07', to: '2026-09-20', pattern: 1, weeks: 2, lessons: matching.length });
    const stored = await t.core.db.selectFrom('portalExchangeFile').select(['fileName', 'formatId']).where('exchangeId', '=', pushed.exchangeId!).execute();
    expect(stored).toEqual([{ fileName: 'Расписание 07.09.2026-20.09.2026.xml', formatId: 'timetableExchange' }]);
    // Like the other files for the portal: in the exchange history, marked imported once the portal took it.
    const row = (await t.client.call('exchange.history', { limit: 10 })).find((e) => e.id === pushed.exchangeId)!;
    expect(row).toMatchObject({ direction: 'push', status: 'ready', title: expect.stringContaining('с 07.09.2026 по 20.09.2026') });
    const marked = await t.client.call('exchange.push.markImported', { exchangeId: row.id, version: row.version, date: '2026-09-05' });
    expect(marked.status).toBe('imported');
  });

  it('writes a two-week pattern and lists the holidays of the range; a lesson without its portal group refuses the whole file', async () => {
    const preview = await t.client.call('timetable.portal.preview', { yearId });
    const { versionId } = await t.client.call('timetable.portal.apply', { yearId, signature: preview.signature });
    const draft = await t.client.call('timetable.portal.push', { versionId: versionId!, from: '2026-10-26', to: '2026-11-15', pattern: 2 }).catch((e: unknown) => e);
    expect(draft).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('не утверждена') });
    await t.core.db.updateTable('timetableVersion').set({ status: 'approved', effectiveFrom: '2026-09-01' }).where('id', '=', versionId!).execute();
    await t.client.call('calendar.entries.save', { yearId, id: null, version: 0, entry: { kind: 'holiday', name: 'Осенние каникулы', startDate: '2026-11-02', endDate: '2026-11-08', grades: 'all', note: null } });

    const two = await t.client.call('timetable.portal.push', { versionId: versionId!, from: '2026-10-26', to: '2026-11-15', pattern: 2 });
    expect(two.issues).toEqual([]);
    const back = readBack(two.file!.contentBase64);
    const weeks = [...back.text.matchAll(/<Week id="(\d)" name="([^"]+)">/g)].map((m) => [m[1], m[2]]);
    expect(weeks).toEqual([['1', '1-я неделя'], ['2', '2-я неделя']]);
    const byWeek = (id: string) => back.parsed.lessons!.filter((l) => l.weekId === id).map(lessonKey).sort();
    expect(byWeek('2')).toEqual(byWeek('1'));
    expect(byWeek('1').length).toBe(two.form.lessons / 2);
    expect(two.holidays.map((h) => h.date)).toEqual(['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06']);
    expect(two.holidays[0].label).toBe('02.11.2026 — Осенние каникулы');

    // A newer ExportCM no longer has one class's English group 2 (the portal's groups were changed): nothing is written.
    const fresh = portalWeek();
    const cls = fresh.data.classes.find((c) => c.csgs.some((g) => g.groupId === '2'))!;
    const gone = cls.csgs.find((g) => g.groupId === '2')!;
    cls.csgs = cls.csgs.filter((g) => g !== gone);
    await pull(t, { ...fresh, bytes: withTimetable(fresh.data, fresh.lessons.filter((l) => l.csgId !== gone.id)) });
    const before = await count(t, 'portalExchange');
    const refused = await t.client.call('timetable.portal.push', { versionId: versionId!, from: '2026-09-07', to: '2026-09-13', pattern: 1 });
    expect(refused.file).toBeNull();
    expect(refused.exchangeId).toBeNull();
    expect(refused.issues).toEqual([{ lesson: `${cls.name} гр. 2, Английский язык`, reason: `нет группы 2 «Английский язык» ${cls.name} в выгрузке портала (группа csg ${gone.id} из прошлой выгрузки в последней не найдена) — сначала загрузите свежий ExportCM` }]);
    expect(await count(t, 'portalExchange')).toBe(before);
  });

  it('refuses a cut-off or foreign file whole, naming the line, and writes nothing', async () => {
    const text = iconv.decode(week.bytes, 'win1251');
    const cut = iconv.encode(text.slice(0, text.indexOf('<TimeTable>') + 400), 'win1251');
    const e = await t.client.call('timetable.portal.preview', { yearId, file: { fileName: 'ExportCM.nsxml', contentBase64: b64(cut) } }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^Файл «ExportCM\.nsxml» не загружен: строка \d+: .+Ничего не изменено\.$/) });
    const noWeek = iconv.encode(text.slice(0, text.indexOf('<TimeTable>')) + '</TimeTableExchange>\r\n', 'win1251');
    const e2 = await t.client.call('timetable.portal.preview', { yearId, file: { fileName: 'old.nsxml', contentBase64: b64(noWeek) } }).catch((x: unknown) => x);
    expect(e2).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('нет раздела TimeTable') });
    const utf8 = Buffer.from(text, 'utf8');
    const e3 = await t.client.call('timetable.portal.apply', { yearId, signature: 'x', file: { fileName: 'resaved.nsxml', contentBase64: b64(utf8) } }).catch((x: unknown) => x);
    expect(e3).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('кодировка windows-1251, а записан файл в UTF-8') });
    expect(await count(t, 'timetableVersion')).toBe(0);
  });
});
