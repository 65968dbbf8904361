import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FORMATS } from '../../../src-main/core/sync/formats/catalog';
import { readRecords } from '../../../src-main/core/sync/formats/records';
import { readTable } from '../../../src-main/core/sync/formats/readTable';
import { b64, demoPortal, exportCmOf, pupilExportXls, pupilListXls, staffExportCsv } from '../../helpers/portalFiles';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { insertCurrentYear, previewAll } from './exchangeFixture';
import { newPupilItem, order, saveAndSign } from '../movement/movementFixture';
import { hasTool, sofficeConvert, tempFile } from '../movement/readers';

const portal = demoPortal({ classesPerGrade: 1, classSize: 8 });

/** A `;` CSV opened in LibreOffice Calc the way a person opens it (formulas evaluated), cells as shown. */
function libreOfficeOpens(text: string): string[][] {
  const { file } = tempFile('открыть.csv', Buffer.from(text, 'utf8'));
  const dir = path.dirname(file);
  const out = path.join(dir, 'shown');
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--infilter=CSV:59,34,76,1,,0,false,true,false,false,false,true', '--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,true', '--outdir', out, file], { stdio: 'pipe', timeout: 180_000 });
  return fs.readFileSync(path.join(out, 'открыть.csv'), 'utf8').split(/\r?\n/).map((l) => l.split(';'));
}
const cm = exportCmOf(portal);
const TODAY = new Date().toISOString().slice(0, 10);

describeEachDb('portal push and outbox', (kind) => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore(kind);
    await insertCurrentYear(t);
    await t.core.db.insertInto('schoolCard').values({ id: 'main', fullName: 'МБОУ «СОШ № 6»', shortName: 'МБОУ "СОШ № 6"', kind: 'СОШ', version: 1, updatedAt: new Date().toISOString(), inn: null, kpp: null, ogrn: null, legalAddress: null, actualAddress: null, phone: null, email: null, website: null, directorName: null, licenseNumber: null, licenseDate: null, licenseIssuer: null, accreditationNumber: null, accreditationDate: null, accreditationValidUntil: null, updatedBy: null }).execute();
    const p = await previewAll(t, {
      files: [
        { fileName: 'ExportCM.nsxml', contentBase64: b64(cm.bytes) },
        { fileName: 'Список учащихся.xls', contentBase64: b64(pupilExportXls(portal)) },
        { fileName: 'Сотрудники.csv', contentBase64: b64(staffExportCsv(portal)) },
      ],
    });
    await t.client.call('exchange.pull.apply', { exchangeId: p.exchangeId, version: p.version, decisions: {} });
  });
  afterEach(async () => t.cleanup());

  async function enrolNewPupil() {
    const cls = await t.core.db.selectFrom('schoolClass').select('id').where('name', '=', '3А').executeTakeFirstOrThrow();
    const signed = await saveAndSign(t.client, order('enroll', '2026-11-20', [newPupilItem({ lastName: 'Ёлкина', firstName: 'Вера', middleName: 'Ильинична', sex: 'Ж', birthDate: '2018-05-04' }, cls.id, '2026-11-23')]));
    const pupilId = signed.items[0].pupilId;
    const mother = await t.client.call('people.parents.create', { lastName: 'Ёлкина', firstName: 'Ирина', middleName: 'Петровна', sex: 'Ж', birthDate: '1990-02-03', children: [{ pupilId, relation: 'мать' }] });
    return { pupilId, motherId: mother.id };
  }

  it('starts with an empty outbox after onboarding; an enrolled pupil goes out in the movement-book files, checked before writing', async () => {
    expect((await t.client.call('exchange.outbox')).entries).toEqual([]);
    const { pupilId, motherId } = await enrolNewPupil();
    const outbox = await t.client.call('exchange.outbox');
    const pupil = outbox.entries.find((e) => e.personId === pupilId)!;
    expect(pupil).toMatchObject({ personKind: 'pupil', action: 'create', className: '3А', pushKinds: ['movementSimple', 'movementWithDocs'], lastPush: null });
    expect(outbox.entries.find((e) => e.personId === motherId)).toMatchObject({ personKind: 'parent', action: 'create' });

    // With documents: no document yet → refused with record, row and column; nothing is written.
    const refused = await t.client.call('exchange.push.create', { kind: 'movementWithDocs' });
    expect(refused.file).toBeNull();
    expect(refused.issues).toEqual(expect.arrayContaining([expect.objectContaining({ record: 'Ёлкина Вера Ильинична', row: 4, column: 11, caption: 'СНИЛС' })]));
    expect((await t.client.call('exchange.history')).filter((h) => h.direction === 'push')).toHaveLength(0);

    const simple = await t.client.call('exchange.push.create', { kind: 'movementSimple' });
    const bytes = Buffer.from(simple.file!.contentBase64, 'base64');
    const text = iconv.decode(bytes, 'win1251');
    expect(text).toBe('3А;Ёлкина;Вера;Ильинична;Ж;4.05.2018;;;;;Ёлкина;Ирина;Петровна;3.02.1990;\r\n');
    // Round trip: our pull reader gives back the same person.
    const back = readRecords(FORMATS.movementSimple, (await readTable(bytes)).rows, TODAY);
    expect(back.records[0].values).toMatchObject({ className: '3А', lastName: 'Ёлкина', firstName: 'Вера', birthDate: '2018-05-04', 'mother.lastName': 'Ёлкина', 'mother.birthDate': '1990-02-03' });

    const acc = await t.core.db.selectFrom('portalAccount').select(['status', 'exportFile']).where('personId', '=', pupilId).executeTakeFirstOrThrow();
    expect(acc.status).toBe('sentToPortal');
    expect(acc.exportFile).toBe(simple.file!.fileName);
    // Made but not yet marked imported: still in the outbox (the sister file «with documents» may be the one used).
    const after = await t.client.call('exchange.outbox');
    expect(after.entries.find((e) => e.personId === pupilId)).toMatchObject({ lastPush: { status: 'ready', fileName: simple.file!.fileName } });
    expect(after.counts.movementSimple).toBe(1);

    // The portal imported it; the next pull of its pupil list shows the login: confirmed, account «создана».
    const history = await t.client.call('exchange.history');
    const push = history.find((h) => h.id === simple.exchangeId)!;
    expect(push).toMatchObject({ status: 'ready', items: 2, confirmed: 0 });
    await t.client.call('exchange.push.markImported', { exchangeId: push.id, version: push.version, date: TODAY });
    expect((await t.client.call('exchange.outbox')).entries.filter((e) => e.personId === pupilId || e.personId === motherId)).toEqual([]);
    const list = pupilListXls({ ...portal, school: { ...portal.school, pupils: [...portal.school.pupils, { id: 'x', lastName: 'Ёлкина', firstName: 'Вера', middleName: 'Ильинична', sex: 'Ж', birthDate: '2018-05-04', snils: '', classId: portal.school.classes[2].id }] } }, (id) => (id === 'x' ? 'elkinav' : null));
    const p = await previewAll(t, { files: [{ fileName: 'Ученики с логинами.xls', contentBase64: b64(list) }] });
    expect(p.entries.filter((e) => e.entity === 'pupil' && e.action === 'create')).toEqual([]);
    expect(p.entries.find((e) => e.entity === 'account')).toMatchObject({ action: 'update', changes: [expect.objectContaining({ new: 'создана, логин elkinav' })] });
    const report = await t.client.call('exchange.pull.apply', { exchangeId: p.exchangeId, version: p.version, decisions: {} });
    expect(report).toMatchObject({ confirmedPushes: 1, accountsCreated: 1 });
    const created = await t.core.db.selectFrom('portalAccount').select(['status', 'login']).where('personId', '=', pupilId).executeTakeFirstOrThrow();
    expect(created).toEqual({ status: 'created', login: 'elkinav' });
    expect((await t.client.call('exchange.history')).find((h) => h.id === push.id)).toMatchObject({ status: 'confirmed', confirmed: 2 });
  });

  it('writes the batch update on the portal export as template, and our pull reads it back as unchanged', async () => {
    const demo = portal.school.pupils[3];
    const row = await t.core.db.selectFrom('pupil').select(['id', 'version']).where('lastName', '=', demo.lastName).where('firstName', '=', demo.firstName).where('birthDate', '=', demo.birthDate).executeTakeFirstOrThrow();
    await t.client.call('people.pupils.update', { id: row.id, version: Number(row.version), phoneMobile: '+7 (913) 000-11-22', personalFileNumber: 'Л-77' });
    const outbox = await t.client.call('exchange.outbox');
    expect(outbox.entries).toEqual([expect.objectContaining({ personId: row.id, action: 'update', pushKinds: ['pupilsBatch'], fields: expect.arrayContaining([{ label: 'Мобильный телефон', value: '+7 (913) 000-11-22' }]) })]);
    const res = await t.client.call('exchange.push.create', { kind: 'pupilsBatch' });
    const bytes = Buffer.from(res.file!.contentBase64, 'base64');
    const lines = iconv.decode(bytes, 'win1251').split('\r\n');
    expect(lines).toHaveLength(4 + 1 + 1);
    for (const l of lines.slice(0, 5)) expect(l.replace(/"[^"]*"/g, 'Q').split(';')).toHaveLength(99);
    // The header is the portal's own (from the pulled export), not ours.
    expect(lines[0].startsWith('Список учащихся;')).toBe(true);
    expect(lines[1].startsWith('"Класс: все классы; учебный год 2026/2027"')).toBe(true);
    const pulled = await previewAll(t, { files: [{ fileName: 'batch.csv', contentBase64: res.file!.contentBase64 }] });
    expect(pulled.counts).toMatchObject({ create: 0, update: 0, rejected: 0, ambiguous: 0 });
    expect(pulled.entries.find((e) => e.recordId === row.id)).toMatchObject({ action: 'unchanged', matchedBy: 'snils' });
  });

  it('refuses a name longer than the portal keeps instead of letting the portal cut it', async () => {
    const long = await t.client.call('staff.create', { lastName: 'Петрова-Водкина-Соколова', firstName: 'Анна', middleName: 'Сергеевна', sex: 'Ж', birthDate: '1990-01-02' } as never);
    const r = await t.client.call('exchange.push.create', { kind: 'staffSimple', personIds: [long.id] });
    expect(r.file).toBeNull();
    expect(r.issues).toEqual([expect.objectContaining({ record: 'Петрова-Водкина-Соколова Анна Сергеевна', column: 1, caption: 'Фамилия', severity: 'error', message: expect.stringMatching(/^24 символов, а портал хранит не больше 20 и записал бы «Петрова-Водкина-Соко»/) })]);
    expect((await t.client.call('exchange.history')).filter((h) => h.direction === 'push')).toEqual([]);
  });

  it('pushes staff (simple and extended) and parents; the reconciliation lists what differs, in Excel too', async () => {
    const staff = await t.client.call('staff.create', { lastName: 'Новикова', firstName: 'Алла', middleName: 'Сергеевна', sex: 'Ж', birthDate: '1990-01-02', snils: '112-233-445 95' } as never);
    const other = await t.client.call('staff.create', { lastName: 'Орлов', firstName: 'Олег', middleName: 'Олегович', sex: 'М', birthDate: '1985-03-04', snils: '123-456-789 64' } as never);
    const simple = await t.client.call('exchange.push.create', { kind: 'staffSimple', separator: ',', personIds: [staff.id] });
    expect(iconv.decode(Buffer.from(simple.file!.contentBase64, 'base64'), 'win1251')).toBe('Новикова,Алла,Сергеевна,Ж,2.01.1990,У,\r\n');
    // Making the simple variant does not empty its sister: the extended file still carries both, as its button says.
    const counts = (await t.client.call('exchange.outbox')).counts;
    expect(counts).toMatchObject({ staffSimple: 2, staffExtended: 2 });
    const ext = await t.client.call('exchange.push.create', { kind: 'staffExtended' });
    const back = readRecords(FORMATS.staffExtended, (await readTable(Buffer.from(ext.file!.contentBase64, 'base64'))).rows, TODAY);
    expect(back.records.map((r) => [r.values.lastName, r.values.snils]).sort()).toEqual([['Новикова', '112-233-445 95'], ['Орлов', '123-456-789 64']]);
    expect(back.records).toHaveLength(counts.staffExtended);
    expect(other.id).toBeTruthy();

    // A formula typed into a free-text field is written as text; «Степень родства» comes from the link.
    const link = await t.core.db.selectFrom('pupilParent').select(['parentId', 'relation']).where('relation', '=', 'мать').limit(1).executeTakeFirstOrThrow();
    const parent = await t.core.db.selectFrom('parent').select(['id', 'version', 'lastName']).where('id', '=', link.parentId).executeTakeFirstOrThrow();
    await t.client.call('people.parents.update', { id: parent.id, version: Number(parent.version), workplace: '=1+1', jobTitle: 'ООО «Ромашка»; филиал' });
    const parentCount = (await t.client.call('exchange.outbox')).counts.parentsExtended;
    const parents = await t.client.call('exchange.push.create', { kind: 'parentsExtended' });
    expect(parents.file!.rows).toBe(parentCount);
    const ptext = iconv.decode(Buffer.from(parents.file!.contentBase64, 'base64'), 'win1251').split('\r\n');
    const row = ptext[3].split(';');
    expect(row[1]).toBe(parent.lastName);
    expect(row[23]).toBe('мать');
    expect(row[25]).toBe("'=1+1");
    expect(ptext[3]).toContain(';"ООО «Ромашка»; филиал";');
    expect(parents.warnings).toEqual([expect.objectContaining({ column: 26, caption: 'Место работы', severity: 'warning', message: expect.stringContaining('выполнили бы его как формулу') })]);

    const rec = await t.client.call('exchange.reconciliation');
    expect(rec.rows).toEqual(expect.arrayContaining([expect.objectContaining({ entity: 'staff', kind: 'onlyOffice', label: 'Новикова Алла Сергеевна' })]));
    const xlsx = await t.client.call('exchange.reconciliation.export');
    expect(xlsx.rows).toBe(rec.rows.length);
    // Independent readers: LibreOffice opens the Excel file; Python decodes the parents file as cp1251.
    if (kind === 'sqlite' && hasTool('soffice')) {
      const { file } = tempFile('сверка.xlsx', Buffer.from(xlsx.contentBase64, 'base64'));
      const csv = fs.readFileSync(sofficeConvert(file, 'csv:Text - txt - csv (StarCalc):44,34,76'), 'utf8');
      expect(csv).toContain('Новикова Алла Сергеевна');
      expect(csv).toContain('Только в программе');
      // LibreOffice opens the parents file as a person checking it would: the formula stays text.
      const opened = libreOfficeOpens(iconv.decode(Buffer.from(parents.file!.contentBase64, 'base64'), 'win1251'));
      expect(opened[3][25]).toBe("'=1+1");
      // The same file without the apostrophe: LibreOffice computes the formula (what the portal's users saw).
      expect(libreOfficeOpens(ptext.join('\r\n').replace("'=1+1", '=1+1'))[3][25]).toBe('2');
    }
    const { file: pfile } = tempFile('parents.csv', Buffer.from(parents.file!.contentBase64, 'base64'));
    const py = execFileSync('python3', ['-c', 'import sys;t=open(sys.argv[1],encoding="cp1251",newline="").read();ls=t.split("\\r\\n")[:-1];import csv;print(len(ls), set(len(r) for r in csv.reader(ls, delimiter=";")))', pfile]).toString().trim();
    expect(py).toBe('4 {30}');
    const exported = await t.core.db.selectFrom('auditLog').select('action').where('method', '=', 'exchange.reconciliation.export').execute();
    expect(exported.map((e) => e.action)).toEqual(['export']);
  });
});
