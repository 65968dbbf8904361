import { afterEach, beforeEach, expect, it } from 'vitest';
import { b64, demoPortal, exportCmOf, movementBookDocsXls, pupilExportXls, type MoveBookDoc } from '../../helpers/portalFiles';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { insertCurrentYear, previewAll } from './exchangeFixture';

/**
 * The portal's movement-book export becomes the history of our movement book: one signed order per
 * document with its pupils, the portal's number and date, marked as imported; class memberships
 * stay those of the pupil list.
 */
const portal = demoPortal();
const cm = exportCmOf(portal);
const pupils = portal.school.pupils;
const listed = pupils.slice(0, 30).map((p) => p.id);
/** In the portal's movement book but not in the pupil list (left the school before the export). */
const gone = pupils[200];

const DOCS: MoveBookDoc[] = [
  { type: 'Зачисление', subtype: 'Прибыл из другой ОО', number: '1-з', date: '2026-09-01', pupilIds: listed.slice(0, 3) },
  { type: 'Зачисление', subtype: 'Зачисление в 1 класс', number: '2-з', date: '2026-10-05', pupilIds: listed.slice(3, 5) },
  { type: 'Перевод', subtype: 'Перевод в другой класс', number: '3-п', date: '2026-11-10', pupilIds: listed.slice(5, 7) },
  { type: 'Выбытие', subtype: 'Выбыл в другую ОО региона', number: '4-в', date: '2026-11-20', pupilIds: [listed[7], gone.id] },
];
// Rows (the HTML title, filters and captions come first): 4-6 «1-з», 7-8 «2-з», 9-10 «3-п», 11-12 «4-в», then the extra rows.
const ROW = { gone: 12, unknownType: 13, brokenDate: 14 };

function movebook(docs: MoveBookDoc[] = DOCS): Buffer {
  return movementBookDocsXls(portal, docs, (rows) => {
    const p = pupils[8];
    rows.push({ docDate: '2026-10-01', docNumber: '5', docType: 'Смена ФИО', docSubtype: null, lastName: p.lastName, firstName: p.firstName, middleName: p.middleName, birthDate: p.birthDate, className: null });
    rows.push({ ...rows[0], docDate: '2026-13-45', docNumber: '6-з' });
  });
}

const files = (ids: readonly string[] = listed, book = movebook()) => [
  { fileName: 'ExportCM.nsxml', contentBase64: b64(cm.bytes) },
  { fileName: 'movebook.xls', contentBase64: b64(book) },
  { fileName: 'pupils.xls', contentBase64: b64(pupilExportXls(portal, ids)) },
];

async function orderCount(t: TestCore): Promise<number> {
  return Number((await t.core.db.selectFrom('movementOrder').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

describeEachDb('portal pull: the movement book', (kind) => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore(kind);
    await insertCurrentYear(t);
  });
  afterEach(async () => t.cleanup());

  it('previews one order per document; cancel writes nothing; apply creates exactly those orders as portal history; re-applying changes nothing', async () => {
    const preview = await previewAll(t, { files: files() });
    const orders = preview.entries.filter((e) => e.entity === 'order');
    expect(orders.map((e) => [e.action, e.label])).toEqual([
      ['create', 'Приказ № 1-з от 01.09.2026 «О зачислении обучающихся» — 3 обучающихся'],
      ['create', 'Приказ № 2-з от 05.10.2026 «О зачислении обучающихся» — 2 обучающихся'],
      ['create', 'Приказ № 3-п от 10.11.2026 «О переводе обучающихся в другой класс» — 2 обучающихся'],
      ['create', 'Приказ № 4-в от 20.11.2026 «О выбытии обучающихся» — 1 обучающийся'],
    ]);
    const first = pupils.find((p) => p.id === listed[0])!;
    expect(orders[0].changes[0]).toMatchObject({ field: 'item1', label: 'Пункт 1', old: null, new: expect.stringContaining(`${first.lastName} ${first.firstName}`) });
    expect(orders[0].changes).toHaveLength(3);
    // The pupil the office does not have is a warning on its row; the order keeps the pupil it has.
    const withdrawal = orders[3];
    expect(withdrawal.issues).toContainEqual(expect.objectContaining({ row: ROW.gone, severity: 'warning', caption: 'Фамилия', message: expect.stringContaining(`${gone.lastName} ${gone.firstName}`) }));
    // The pupil the portal withdrew is still in a class here: the history does not change the class, it says so.
    expect(withdrawal.issues).toContainEqual(expect.objectContaining({ row: ROW.gone - 1, severity: 'warning', message: expect.stringContaining('оформите выбытие приказом в программе') }));
    const docs = preview.entries.filter((e) => e.entity === 'movementDoc');
    expect(docs.map((e) => [e.row, e.action])).toEqual([
      [ROW.unknownType, 'unchanged'],
      [ROW.brokenDate, 'rejected'],
    ]);
    expect(docs[0].issues[0]).toMatchObject({ severity: 'warning', caption: 'Тип документа', message: expect.stringContaining('«Смена ФИО»') });
    expect(docs[1].issues[0]).toMatchObject({ row: ROW.brokenDate, column: 2, columnLetter: 'B', caption: 'Дата документа', severity: 'error', message: 'нет такой даты «45.13.2026»' });

    expect(await t.client.call('exchange.pull.cancel', { exchangeId: preview.exchangeId, version: preview.version })).toEqual({ cancelled: true });
    expect(await orderCount(t)).toBe(0);
    expect(await t.core.db.selectFrom('portalRef').select('recordId').where('entity', '=', 'movementOrder').execute()).toEqual([]);

    const second = await previewAll(t, { files: files() });
    const report = await t.client.call('exchange.pull.apply', { exchangeId: second.exchangeId, version: second.version, decisions: {} });
    expect(report.written.movementOrder).toBe(4);
    const db = t.core.db;
    // The enrolment orders open the pupils' and their parents' account tasks (work order 3.6): the
    // preview listed each of them, pupil by pupil, and apply wrote exactly those.
    const tasks = await db.selectFrom('portalAccount').select(['personKind', 'status']).execute();
    const previewedTasks = second.entries.filter((e) => e.entity === 'account' && e.action === 'create');
    expect(tasks.filter((a) => a.personKind === 'pupil')).toHaveLength(5);
    expect(tasks.every((a) => a.status === 'toCreate')).toBe(true);
    expect(previewedTasks.filter((e) => e.key.startsWith('task:pupil:'))).toHaveLength(5);
    expect(previewedTasks.filter((e) => e.key.startsWith('task:parent:'))).toHaveLength(tasks.filter((a) => a.personKind === 'parent').length);
    expect(previewedTasks).toHaveLength(tasks.length);
    const stored = await db.selectFrom('movementOrder').select(['id', 'orderType', 'numberText', 'number', 'orderDate', 'status', 'source', 'title']).orderBy('orderDate').execute();
    expect(stored.map((o) => [o.orderType, o.numberText, Number(o.number), o.orderDate, o.status, o.source])).toEqual([
      ['enroll', '1-з', 1, '2026-09-01', 'signed', 'portal'],
      ['enroll', '2-з', 2, '2026-10-05', 'signed', 'portal'],
      ['transfer', '3-п', 3, '2026-11-10', 'signed', 'portal'],
      ['withdraw', '4-в', 4, '2026-11-20', 'signed', 'portal'],
    ]);
    // History only: nothing journaled, no alphabet-book numbers, memberships exactly those of the pupil list.
    expect(await db.selectFrom('movementEffect').select('id').execute()).toEqual([]);
    expect(await db.selectFrom('alphabetBookEntry').select('id').execute()).toEqual([]);
    const memberships = await db.selectFrom('classMembership').select(['pupilId', 'startDate', 'endDate', 'orderItemId']).execute();
    expect(memberships).toHaveLength(listed.length);
    expect(memberships.every((m) => m.endDate === null)).toBe(true);

    const detail = await t.client.call('movement.orders.get', { id: stored[0].id });
    expect(detail).toMatchObject({ source: 'portal', status: 'signed', numberText: '1-з', type: 'enroll' });
    expect(detail.items.map((i) => [i.pupilName.split(' ')[0], i.effectiveDate, i.enrollKind])).toEqual(
      listed.slice(0, 3).map((id) => [pupils.find((p) => p.id === id)!.lastName, '2026-09-01', 'otherSchool']),
    );
    expect(detail.items[0].toClassName).toBe(portal.school.classes.find((c) => c.id === first.classId)!.name);
    const out = await t.client.call('movement.orders.get', { id: stored[3].id });
    expect(out.items).toHaveLength(1);
    expect(out.items[0]).toMatchObject({ destinationKind: 'sameRegion', reason: 'Выбыл в другую ОО региона', fromClassName: expect.any(String), toClassId: null });

    // The membership the pull started on the enrolment date names the order that started it.
    const enrolledLate = pupils.find((p) => p.id === listed[3])!;
    const timeline = await t.client.call('movement.pupils.timeline', { pupilId: (await db.selectFrom('pupil').select('id').where('lastName', '=', enrolledLate.lastName).where('birthDate', '=', enrolledLate.birthDate).executeTakeFirstOrThrow()).id });
    expect(timeline.memberships).toHaveLength(1);
    expect(timeline.memberships[0]).toMatchObject({ startDate: '2026-10-05', endDate: null, startOrder: expect.objectContaining({ numberText: '2-з' }) });

    // The book and the order list show them like every other order.
    const book = await t.client.call('movement.book.list', {});
    expect(book.map((b) => [b.orderNumber, b.type, b.status])).toEqual([
      ...Array.from({ length: 3 }, () => ['1-з', 'enroll', 'signed']),
      ...Array.from({ length: 2 }, () => ['2-з', 'enroll', 'signed']),
      ...Array.from({ length: 2 }, () => ['3-п', 'transfer', 'signed']),
      ['4-в', 'withdraw', 'signed'],
    ]);
    const list = await t.client.call('movement.orders.list', {});
    expect(list.map((o) => [o.numberText, o.itemCount, o.source])).toEqual([
      ['4-в', 1, 'portal'],
      ['3-п', 2, 'portal'],
      ['2-з', 2, 'portal'],
      ['1-з', 3, 'portal'],
    ]);

    // Numbering continues after the portal's numbers.
    const numbering = await t.client.call('movement.numbering.get', {});
    const next = Object.fromEntries(numbering.series.map((s) => [s.type, s.nextNumberText]));
    expect(next).toMatchObject({ enroll: '3-з', transfer: '4-п', withdraw: '5-в' });

    // A historical order changed no class here, so it cannot be cancelled here.
    await expect(t.client.call('movement.orders.cancel', { id: stored[0].id, version: detail.version, reason: 'проверка' })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('перенесён из портала') });
    expect((await db.selectFrom('movementOrder').select('status').where('id', '=', stored[0].id).executeTakeFirstOrThrow()).status).toBe('signed');

    const audit = await db.selectFrom('auditLog').select(['cause']).where('entity', '=', 'movementOrder').where('action', '=', 'create').execute();
    expect(audit).toHaveLength(4);
    expect(audit[0].cause).toContain('movebook.xls');

    const third = await previewAll(t, { files: files() });
    expect(third.entries.filter((e) => e.entity === 'order').map((e) => [e.action, e.recordId])).toEqual(stored.map((o) => ['unchanged', o.id]));
    expect(third.counts.create).toBe(0);
    expect(third.counts.update).toBe(0);
    const again = await t.client.call('exchange.pull.apply', { exchangeId: third.exchangeId, version: third.version, decisions: {} });
    expect(again.written).toEqual({});
    expect(await orderCount(t)).toBe(4);
    expect(Number((await db.selectFrom('movementOrderItem').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(8);
  });

  it('adds a pupil found later to the order imported before, and never changes an order made in the office', async () => {
    const first = await previewAll(t, { files: files() });
    await t.client.call('exchange.pull.apply', { exchangeId: first.exchangeId, version: first.version, decisions: {} });
    const withdrawal = await t.core.db.selectFrom('movementOrder').select(['id', 'version']).where('numberText', '=', '4-в').executeTakeFirstOrThrow();

    // The next pull lists the pupil who was missing: the imported withdrawal gains the second item.
    const next = await previewAll(t, { files: files([...listed, gone.id]) });
    const entry = next.entries.find((e) => e.entity === 'order' && e.recordId === withdrawal.id)!;
    expect(entry.action).toBe('update');
    expect(entry.label).toContain('— 2 обучающихся');
    expect(entry.changes).toEqual([expect.objectContaining({ field: 'item2', label: 'Пункт 2', old: null, new: expect.stringContaining(gone.lastName) })]);
    expect(next.entries.filter((e) => e.entity === 'order' && e.action !== 'unchanged')).toHaveLength(1);
    const report = await t.client.call('exchange.pull.apply', { exchangeId: next.exchangeId, version: next.version, decisions: {} });
    expect(report.written.movementOrder).toBe(1);
    const detail = await t.client.call('movement.orders.get', { id: withdrawal.id });
    expect(detail.items.map((i) => i.ordinal)).toEqual([1, 2]);
    expect(detail.version).toBe(Number(withdrawal.version) + 1);

    // An order made in the office that the portal lists with the same number and date is the same
    // order: it is kept as it is (the portal's pupils are not added), only its portal id is noted.
    const cls = await t.core.db.selectFrom('schoolClass').select('id').orderBy('name').executeTakeFirstOrThrow();
    const draft = await t.client.call('movement.orders.save', {
      id: null,
      version: 0,
      order: { type: 'enroll', orderDate: '2026-11-02', title: 'О зачислении обучающихся', items: [{ newPupil: { lastName: 'Ким', firstName: 'Виктор', sex: 'М', birthDate: '2015-01-01' }, toClassId: cls.id, effectiveDate: '2026-11-02', enrollKind: 'otherSchool' }] },
    });
    const signed = await t.client.call('movement.orders.sign', { id: draft.id, version: draft.version, numberText: '7-з' });
    const office = (docs: MoveBookDoc[]) => [{ fileName: 'movebook2.xls', contentBase64: b64(movementBookDocsXls(portal, docs)) }];
    const same = await previewAll(t, { files: office([{ type: 'Зачисление', number: '7-з', date: '2026-11-02', pupilIds: [listed[9]] }]) });
    const kept = same.entries.find((e) => e.entity === 'order')!;
    expect(kept).toMatchObject({ action: 'unchanged', recordId: signed.id, changes: [], label: expect.stringContaining('(приказ программы)') });
    expect((await t.client.call('exchange.pull.apply', { exchangeId: same.exchangeId, version: same.version, decisions: {} })).written).toEqual({});
    const after = await t.client.call('movement.orders.get', { id: signed.id });
    expect(after).toMatchObject({ source: 'office', version: signed.version, items: [expect.objectContaining({ pupilName: 'Ким Виктор' })] });
    expect(await t.core.db.selectFrom('portalRef').select('portalId').where('recordId', '=', signed.id).execute()).toEqual([{ portalId: 'movebook:зачисление|7-з|2026-11-02' }]);

    // A document whose number this year already belongs to another order is not imported over it.
    const clash = await previewAll(t, { files: office([{ type: 'Зачисление', number: '7-з', date: '2026-09-15', pupilIds: [listed[9]] }]) });
    const refused = clash.entries.find((e) => e.entity === 'order')!;
    expect(refused.action).toBe('unchanged');
    expect(refused.issues[0]).toMatchObject({ severity: 'warning', caption: 'Номер документа', message: expect.stringContaining('уже занят приказом программы № 7-з от 02.11.2026') });
    await t.client.call('exchange.pull.apply', { exchangeId: clash.exchangeId, version: clash.version, decisions: {} });
    expect(await orderCount(t)).toBe(5);
  });
});
