import { afterEach, beforeEach, expect, it } from 'vitest';
import { FORMATS } from '../../../src-main/core/sync/formats/catalog';
import type { FieldValues } from '../../../src-main/core/sync/formats/columns';
import { b64, demoPortal, exportCmOf, htmlXls } from '../../helpers/portalFiles';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { insertCurrentYear, previewAll } from './exchangeFixture';
import { newPupilItem, order, saveAndSign } from '../movement/movementFixture';

const portal = demoPortal({ classesPerGrade: 2, classSize: 4 });
const cm = exportCmOf(portal);
const TODAY = new Date().toISOString().slice(0, 10);
const PUPIL = { lastName: 'Ёлкина', firstName: 'Вера', middleName: 'Ильинична', sex: 'Ж' as const, birthDate: '2019-05-04' };
const MOTHER = { lastName: 'Ёлкина', firstName: 'Ирина', middleName: 'Петровна', sex: 'Ж' as const, birthDate: '1990-02-03' };
const FATHER = { lastName: 'Ёлкин', firstName: 'Илья', middleName: 'Сергеевич', sex: 'М' as const, birthDate: '1988-07-01' };

/** The portal's pupil export with one pupil as the portal has her. */
function portalList(p: { className: string; phone: string; father: boolean }): Buffer {
  const row: FieldValues = { rowNo: '1', className: p.className, ...PUPIL, phoneMobile: p.phone, citizenship: 'Российская Федерация' };
  for (const [prefix, who] of [['mother.', MOTHER], ...(p.father ? [['father.', FATHER] as const] : [])] as const) {
    Object.assign(row, { [`${prefix}lastName`]: who.lastName, [`${prefix}firstName`]: who.firstName, [`${prefix}middleName`]: who.middleName, [`${prefix}birthDate`]: who.birthDate, [`${prefix}relation`]: prefix === 'mother.' ? 'мать' : 'отец' });
  }
  return htmlXls('Список учащихся', 'Класс: все классы; учебный год 2026/2027', FORMATS.pupilsExtended.columns, [row]);
}

describeEachDb('portal outbox: nothing the office changed is left behind', (kind) => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore(kind);
    await insertCurrentYear(t);
  });
  afterEach(async () => t.cleanup());

  async function pull(fileName: string, bytes: Buffer) {
    const p = await previewAll(t, { files: [{ fileName, contentBase64: b64(bytes) }] });
    await t.client.call('exchange.pull.apply', { exchangeId: p.exchangeId, version: p.version, decisions: {} });
    return p;
  }

  it('a phone, a father and a transfer made before the first pull stay in «Исходящие» and «Сверка» until the portal has them', async () => {
    await pull('ExportCM.nsxml', cm.bytes);
    const classes = Object.fromEntries((await t.core.db.selectFrom('schoolClass').select(['id', 'name']).execute()).map((c) => [c.name, c.id]));
    // The office enrols the pupil into 1А with her mother, then — before the portal's list is pulled —
    // types a new phone, adds the father and transfers her to 1Б.
    const signed = await saveAndSign(t.client, order('enroll', '2026-09-01', [newPupilItem(PUPIL, classes['1А'], '2026-09-01')]));
    const pupilId = signed.items[0].pupilId;
    await t.client.call('people.parents.create', { ...MOTHER, children: [{ pupilId, relation: 'мать' }] });
    const card = await t.core.db.selectFrom('pupil').select(['version']).where('id', '=', pupilId).executeTakeFirstOrThrow();
    await t.client.call('people.pupils.update', { id: pupilId, version: Number(card.version), phoneMobile: '+7 (913) 111-22-33' });
    const father = await t.client.call('people.parents.create', { ...FATHER, children: [{ pupilId, relation: 'отец' }] });
    await saveAndSign(t.client, order('transfer', '2026-10-01', [{ pupilId, toClassId: classes['1Б'], effectiveDate: '2026-10-02', reason: 'заявление родителей' }]));

    // The portal still has her in 1А with the old phone and no father.
    const first = await pull('Список учащихся.xls', portalList({ className: '1А', phone: '+7 (900) 000-00-00', father: false }));
    const entry = first.entries.find((e) => e.entity === 'pupil')!;
    expect(entry).toMatchObject({ action: 'unchanged', recordId: pupilId });
    expect(entry.issues.map((i) => i.message)).toEqual(expect.arrayContaining([expect.stringContaining('«Мобильный телефон» изменено в программе'), expect.stringContaining('в портале класс 1А, в программе 1Б')]));
    expect((await t.core.db.selectFrom('pupil').select('phoneMobile').where('id', '=', pupilId).executeTakeFirstOrThrow()).phoneMobile).toBe('+7 (913) 111-22-33');

    const outbox = await t.client.call('exchange.outbox');
    const mine = outbox.entries.find((e) => e.personId === pupilId)!;
    expect(mine).toMatchObject({ action: 'update', className: '1Б', pushKinds: ['pupilsBatch'] });
    expect(mine.fields).toEqual(expect.arrayContaining([{ label: 'Мобильный телефон', value: '+7 (913) 111-22-33 (в портале: +7 (900) 000-00-00)' }, { label: 'Класс', value: '1Б (в портале: 1А)' }]));
    expect(mine.manual).toEqual(expect.arrayContaining([expect.stringContaining('книге движения'), expect.stringContaining('родителей')]));
    expect(outbox.entries.find((e) => e.personId === father.id)).toMatchObject({ personKind: 'parent', action: 'create' });
    expect(outbox.counts.pupilsBatch).toBe(1);
    const rec = await t.client.call('exchange.reconciliation');
    const differs = rec.rows.filter((r) => r.kind === 'differs' && r.entity === 'pupil').map((r) => [r.field, r.office, r.portal]);
    expect(differs).toEqual(
      expect.arrayContaining([
        ['Мобильный телефон', '+7 (913) 111-22-33', '+7 (900) 000-00-00'],
        ['Класс', '1Б', '1А'],
        ['Родители', 'Ёлкин Илья Сергеевич, 01.07.1988 (отец)', null],
      ]),
    );

    // An edit after the pull joins them; the batch file carries the fields, marked imported they leave.
    const again = await t.core.db.selectFrom('pupil').select(['version']).where('id', '=', pupilId).executeTakeFirstOrThrow();
    await t.client.call('people.pupils.update', { id: pupilId, version: Number(again.version), citizenship: 'Республика Беларусь' });
    expect((await t.client.call('exchange.outbox')).entries.find((e) => e.personId === pupilId)!.fields.map((f) => f.label)).toEqual(expect.arrayContaining(['Мобильный телефон', 'Гражданство', 'Класс', 'Родители']));
    const batch = await t.client.call('exchange.push.create', { kind: 'pupilsBatch' });
    expect(batch.file!.rows).toBe(1);
    const history = (await t.client.call('exchange.history')).find((h) => h.id === batch.exchangeId)!;
    await t.client.call('exchange.push.markImported', { exchangeId: history.id, version: history.version, date: TODAY });
    const left = (await t.client.call('exchange.outbox')).entries.find((e) => e.personId === pupilId)!;
    // The transfer and the father no file can carry: they stay, with what to do in the portal.
    expect(left.fields.map((f) => f.label).sort()).toEqual(['Класс', 'Родители']);
    expect(left.pushKinds).toEqual([]);

    // The portal catches up: the next pull finds it all the same, and nothing is left.
    await pull('Список учащихся (новый).xls', portalList({ className: '1Б', phone: '+7 (913) 111-22-33', father: true }));
    const finally_ = await t.client.call('exchange.outbox');
    expect(finally_.entries.filter((e) => e.personId === pupilId || e.personId === father.id)).toEqual([]);
    expect((await t.client.call('exchange.reconciliation')).rows.filter((r) => r.entity === 'pupil' && r.kind === 'differs')).toEqual([]);
  });
});
