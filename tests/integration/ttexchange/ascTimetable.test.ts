import { afterEach, beforeEach, expect, it } from 'vitest';
import type { VersionView } from '../../../src-shared/contract/timetableFields';
import { readAsc } from '../../../src-main/core/sync/timetable/ascRead';
import { b64 } from '../../helpers/portalFiles';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { insertCurrentYear } from '../exchange/exchangeFixture';
import { portalWeek } from './portalTimetableFixture';

/**
 * aSc Timetables both ways (issue 17, part 3) on both databases: a version (the portal's week of the
 * demo school, pulled) → our aSc export (every id resolves, every teacher named) → our aSc import
 * (preview writes nothing, apply once, re-apply a no-op) equals the version; a file of another
 * school is refused whole.
 */

function placed(v: VersionView): string[] {
  const lessons = new Map(v.lessons.map((l) => [l.id, l]));
  return v.placements.map((p) => `${lessons.get(p.lessonId)!.key}|${p.day}|${p.period}|${p.roomId ?? ''}`).sort();
}

async function versions(t: TestCore): Promise<number> {
  return Number((await t.core.db.selectFrom('timetableVersion').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

describeEachDb('timetable to and from aSc Timetables', (kind) => {
  let t: TestCore;
  let yearId: string;
  let versionId: string;
  const week = portalWeek();
  beforeEach(async () => {
    t = await createTestCore(kind);
    await insertCurrentYear(t);
    yearId = (await t.client.call('setup.years.list')).years[0].id;
    const pull = await t.client.call('exchange.pull.preview', { files: [{ fileName: 'ExportCM.nsxml', contentBase64: b64(week.bytes) }] });
    await t.client.call('exchange.pull.apply', { exchangeId: pull.exchangeId, version: pull.version, decisions: {} });
    const preview = await t.client.call('timetable.portal.preview', { yearId });
    versionId = (await t.client.call('timetable.portal.apply', { yearId, signature: preview.signature })).versionId!;
  });
  afterEach(async () => t.cleanup());

  it('exports a version that reads back whole and imports it into an equal draft; re-apply writes nothing', async () => {
    const source = await t.client.call('timetable.version.get', { versionId });
    const file = await t.client.call('timetable.asc.export', { versionId });
    const bytes = Buffer.from(file.contentBase64, 'base64');
    const text = bytes.toString('utf8');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\r\n<timetable ascttversion="2012"')).toBe(true);
    // The independent check of ids: the reader refuses any id that does not resolve.
    const asc = readAsc(file.fileName, bytes);
    expect([...asc.teachers.values()].every((x) => x.name.length > 0)).toBe(true);
    expect(asc.cards.length).toBe(source.placements.reduce((s, p) => s + source.lessons.find((l) => l.id === p.lessonId)!.duration, 0));
    for (const tag of ['periods', 'subjects', 'teachers', 'classrooms', 'classes', 'groups', 'lessons', 'cards']) {
      const m = new RegExp(`<${tag} options="[^"]*" columns="([^"]+)">\\r\\n\\s*<\\w+ ([^/]+)/>`).exec(text);
      expect(m, tag).not.toBeNull();
      expect([...m![2].matchAll(/(\w+)="/g)].map((x) => x[1]).join(','), tag).toBe(m![1]);
    }
    const exported = await t.core.db.selectFrom('auditLog').select(['action']).where('action', '=', 'export').execute();
    expect(exported.length).toBeGreaterThan(0);

    const before = await versions(t);
    const preview = await t.client.call('timetable.asc.preview', { yearId, file: { fileName: file.fileName, contentBase64: file.contentBase64 } });
    expect(await versions(t)).toBe(before);
    expect(preview.counts.unmatched).toBe(0);
    expect(preview.lines.filter((l) => l.level === 'error')).toEqual([]);
    const applied = await t.client.call('timetable.asc.apply', { yearId, file: { fileName: file.fileName, contentBase64: file.contentBase64 }, signature: preview.signature });
    expect(applied.created).toBe(true);
    const imported = await t.client.call('timetable.version.get', { versionId: applied.versionId! });
    expect(imported.meta.source).toBe('asc');
    expect(placed(imported)).toEqual(placed(source));
    const again = await t.client.call('timetable.asc.apply', { yearId, file: { fileName: file.fileName, contentBase64: file.contentBase64 }, signature: preview.signature });
    expect(again).toMatchObject({ created: false, versionId: applied.versionId });
    expect(await versions(t)).toBe(before + 1);
  });

  it('refuses a file of another school whole and writes nothing', async () => {
    const file = await t.client.call('timetable.asc.export', { versionId });
    const other = Buffer.from(file.contentBase64, 'base64').toString('utf8').replace(/(<class id="[^"]+" name=")(\d+)([А-Я])(" short=")\d+[А-Я]/g, '$1$2Щ$4$2Щ');
    const before = await versions(t);
    const e = await t.client.call('timetable.asc.preview', { yearId, file: { fileName: 'other.xml', contentBase64: b64(Buffer.from(other, 'utf8')) } }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^Файл «other\.xml» не загружен: ни один класс файла \(1Щ, 2Щ, .+\) не найден в школе — похоже, это выгрузка другой школы или другого года\. Ничего не изменено\.$/) });
    expect(await versions(t)).toBe(before);
  });

  it('exports the version as .fet and reads a FET result of it into a draft based on it; a file that is not a result is refused', async () => {
    const source = await t.client.call('timetable.version.get', { versionId });
    const fet = await t.client.call('timetable.fet.export', { versionId });
    const xml = Buffer.from(fet.contentBase64, 'base64').toString('utf8');
    expect(xml).toContain('<fet version=');
    const names = (list: string) => [...xml.slice(xml.indexOf(`<${list}>`), xml.indexOf(`</${list}>`)).matchAll(/<Name>([^<]*)<\/Name>/g)].map((m) => m[1]);
    const days = names('Days_List');
    const hours = names('Hours_List');
    // FET numbers the activities in the order of the lessons and their occurrences; a result gives each its day and hour.
    const units = source.lessons.flatMap((l) => Array.from({ length: l.count }, (_, k) => ({ l, k })));
    const activities = units.map(({ l, k }, i) => {
      const p = source.placements.find((x) => x.lessonId === l.id && x.index === k);
      return `<Activity><Id>${i + 1}</Id><Day>${p ? days[p.day] : ''}</Day><Hour>${p ? hours[p.period] : ''}</Hour><Room></Room></Activity>`;
    });
    const result = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\r\n<Activities_Timetable>\r\n${activities.join('\r\n')}\r\n</Activities_Timetable>\r\n`, 'utf8').toString('base64');
    const before = await versions(t);
    const preview = await t.client.call('timetable.fet.preview', { versionId, file: { fileName: 'demo_activities.xml', contentBase64: result } });
    expect(await versions(t)).toBe(before);
    expect(preview.counts).toMatchObject({ inFile: units.length, placed: source.placements.length, unmatched: 0 });
    const applied = await t.client.call('timetable.fet.apply', { versionId, file: { fileName: 'demo_activities.xml', contentBase64: result }, signature: preview.signature });
    const imported = await t.client.call('timetable.version.get', { versionId: applied.versionId! });
    expect(imported.meta).toMatchObject({ source: 'fet', basedOnId: versionId });
    const noRoom = (v: VersionView) => placed(v).map((x) => x.replace(/\|[^|]*$/, ''));
    expect(noRoom(imported)).toEqual(noRoom(source));
    expect(await t.client.call('timetable.fet.apply', { versionId, file: { fileName: 'demo_activities.xml', contentBase64: result }, signature: preview.signature })).toMatchObject({ created: false });
    const wrong = await t.client.call('timetable.fet.preview', { versionId, file: { fileName: 'demo.fet', contentBase64: fet.contentBase64 } }).catch((x: unknown) => x);
    expect(wrong).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('это не результат FET') });
    expect(await versions(t)).toBe(before + 1);
  }, 240_000);
});
