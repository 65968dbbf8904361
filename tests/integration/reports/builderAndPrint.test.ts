import fs from 'node:fs';
import mammoth from 'mammoth';
import PizZip from 'pizzip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readAsset } from '../../../src-main/core/foundation/assets';
import type { BuilderDefinitionInput } from '../../../src-shared/contract/reportBuilder';
import { createSignedInUser } from '../../helpers/accessHelpers';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { hasTool, hasWriter, pdfText, sofficeConvert, squash, tempFile } from '../movement/readers';
import { seedReportsSchool, type ReportsFixture } from './reportsFixture';
import { SOFFICE, sheetRow, sofficeSheets, workbookOf } from './readBack';

/**
 * The report builder (work order §7.4) and the printed personal files on the hand-built school:
 * what the administrator saves, who may run it and what they see; the личная карта and the Т-2
 * card as DOCX (read by mammoth and LibreOffice) and PDF (pdftotext), from a replaceable template.
 */
const WRITER = hasWriter(readAsset('templates', 'pupil-card.docx'));
const PDFTOTEXT = hasTool('pdftotext', '-v');

const LARGE_FAMILIES: BuilderDefinitionInput = {
  entity: 'pupils',
  columns: ['fullName', 'birthDate', 'className', 'parentsNames', 'parentsPhones'],
  filters: [{ field: 'socialCategories', op: 'has', value: 'Из многодетных семей' }],
  date: '2026-10-01',
  groupBy: ['className'],
  totals: [],
  sort: [{ field: 'fullName', dir: 'asc' }],
};

async function docxText(base64: string): Promise<string> {
  return squash((await mammoth.extractRawText({ buffer: Buffer.from(base64, 'base64') })).value);
}

describeEachDb('the report builder and the printed personal files', (kind) => {
  let t: TestCore;
  let fx: ReportsFixture;

  beforeAll(async () => {
    t = await createTestCore(kind);
    fx = await seedReportsSchool(t.client);
  });
  afterAll(async () => t?.cleanup());

  it('«дети из многодетных семей по классам»: previewed, saved for the secretary, run by her; others are refused', async () => {
    const preview = await t.client.call('reports.builder.preview', { definition: LARGE_FAMILIES });
    expect(preview.total).toBe(3);
    expect(preview.groups.map((g) => `${g.label} — ${g.count}`)).toEqual(['Класс: 1А — 1', 'Класс: 9А — 1', 'Класс: 11А — 1']);
    expect(preview.rows.map((r) => r.cells.slice(0, 3))).toEqual([
      ['Петрова Анна Игоревна', '20.11.2019', '1А'],
      ['Волкова Дарья Андреевна', '01.02.2011', '9А'],
      ['Морозова Ольга Николаевна', '15.01.2009', '11А'],
    ]);
    expect(preview.rows[0].cells[3]).toBe('Петрова Светлана Игоревна (мать)');
    expect(preview.rows[0].cells[4]).toBe('+7 (913) 111-22-33 (Петрова С. И.)');

    const saved = await t.client.call('reports.custom.save', { id: null, version: 0, name: 'Дети из многодетных семей по классам', audience: ['secretary'], definition: LARGE_FAMILIES });
    const catalogue = await t.client.call('reports.catalogue', {});
    expect(catalogue.find((e) => e.key === `custom:${saved.id}`)).toMatchObject({ kind: 'custom', title: 'Дети из многодетных семей по классам', audience: 'Секретарь' });

    const secretary = (await createSignedInUser(t, { login: `secretary-${kind}`, roles: ['secretary'] })).client;
    expect((await secretary.call('reports.catalogue', {})).find((e) => e.key === `custom:${saved.id}`)?.canRun).toBe(true);
    const run = await secretary.call('reports.custom.run', { id: saved.id });
    expect(run.rows.map((r) => r.cells[0])).toEqual(['Петрова Анна Игоревна', 'Волкова Дарья Андреевна', 'Морозова Ольга Николаевна']);
    const file = await secretary.call('reports.custom.export', { id: saved.id });
    const ws = (await workbookOf(file.contentBase64)).worksheets[0];
    expect(ws.getCell('A1').value).toBe('Дети из многодетных семей по классам');
    expect(sheetRow(ws, 'Класс: 9А — 1')[0]).toBe('Класс: 9А — 1');
    expect(sheetRow(ws, 'Итого: 3')[0]).toBe('Итого: 3');
    expect(sheetRow(ws, 2).slice(0, 4)).toEqual([2, 'Волкова Дарья Андреевна', '01.02.2011', '9А']);
    if (SOFFICE) {
      const csv = [...sofficeSheets(file.contentBase64, 'custom.xlsx').values()][0];
      expect(csv.find((r) => r[0] === '3')?.slice(1, 4)).toEqual(['Морозова Ольга Николаевна', '15.01.2009', '11А']);
    }
    const exports = await t.core.db.selectFrom('auditLog').select(['method', 'changes']).where('action', '=', 'export').where('recordId', '=', saved.id).execute();
    expect(exports.map((e) => e.method)).toEqual(['reports.custom.run', 'reports.custom.export']);

    const deputy = (await createSignedInUser(t, { login: `deputy-${kind}`, roles: ['deputy'] })).client;
    expect((await deputy.call('reports.catalogue', {})).find((e) => e.key === `custom:${saved.id}`)?.canRun).toBe(false);
    await expect(deputy.call('reports.custom.run', { id: saved.id })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Секретарь') });
    await expect(secretary.call('reports.custom.save', { id: saved.id, version: saved.version, name: 'Чужой', audience: ['secretary'], definition: LARGE_FAMILIES })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('reads through the caller\'s scope: a class teacher sees their class only, and no field they have no right to', async () => {
    const forTutors = await t.client.call('reports.custom.save', {
      id: null,
      version: 0,
      name: 'Обучающиеся по классам',
      audience: ['classTeacher', 'teacher'],
      definition: { entity: 'pupils', columns: ['fullName', 'className', 'parentsPhones'], filters: [], date: '2026-10-01', groupBy: ['className'], totals: [], sort: [] },
    });
    const tutor = (await createSignedInUser(t, { login: `tutor-${kind}`, roles: ['classTeacher'], staffId: fx.staff.s4 })).client;
    const mine = await tutor.call('reports.custom.run', { id: forTutors.id });
    expect(mine.groups.map((g) => g.label)).toEqual(['Класс: 5А']);
    expect(mine.total).toBe(2);
    // A subject teacher of 5А may not read parents' cards: the column is blanked and marked.
    const teacher = (await createSignedInUser(t, { login: `teacher-${kind}`, roles: ['teacher'], staffId: fx.staff.s4 })).client;
    const blanked = await teacher.call('reports.custom.run', { id: forTutors.id });
    expect(blanked.columns[2]).toMatchObject({ label: 'Телефоны родителей (нет доступа)', hidden: true });
    expect(blanked.rows.every((r) => r.cells[2] === null)).toBe(true);
    const byPhone = await t.client.call('reports.custom.save', {
      id: null,
      version: 0,
      name: 'По телефону родителя',
      audience: ['teacher'],
      definition: { entity: 'pupils', columns: ['fullName'], filters: [{ field: 'parentsPhones', op: 'contains', value: '913' }], date: null, groupBy: [], totals: [], sort: [] },
    });
    await expect(teacher.call('reports.custom.run', { id: byPhone.id })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Телефоны родителей') });
  });

  it('groups with counts and totals on staff, classes and orders', async () => {
    const classes = await t.client.call('reports.builder.preview', {
      definition: { entity: 'classes', columns: ['name', 'programme', 'pupilCount', 'boys'], filters: [], date: '2026-10-01', groupBy: ['programme'], totals: ['pupilCount', 'boys'], sort: [{ field: 'name', dir: 'asc' }] },
    });
    expect(classes.groups.map((g) => [g.label, g.count, g.totals])).toEqual([
      ['Программа: АООП', 1, [null, null, 1, 1]],
      ['Программа: ООП', 5, [null, null, 9, 5]],
    ]);
    expect(classes.totals).toEqual([null, null, 10, 6]);
    const staff = await t.client.call('reports.builder.preview', {
      definition: { entity: 'staff', columns: ['fullName', 'position', 'trainedLast3Years'], filters: [{ field: 'trainedLast3Years', op: 'isFalse' }, { field: 'position', op: 'contains', value: 'учитель' }], date: '2026-12-05', groupBy: [], totals: [], sort: [] },
    });
    // The part-timer works here too (only an additional position): the builder lists everybody working.
    expect(staff.rows.map((r) => r.cells)).toEqual([
      ['Белова Наталья Ивановна', 'Учитель начальных классов', 'нет'],
      ['Денисова Юлия Андреевна', 'Учитель', 'нет'],
    ]);
    const orders = await t.client.call('reports.builder.preview', {
      definition: { entity: 'orders', columns: ['numberText', 'type', 'itemCount'], filters: [{ field: 'status', op: 'eq', value: 'Подписан' }], date: null, groupBy: ['type'], totals: ['itemCount'], sort: [] },
    });
    expect(orders.groups.map((g) => [g.label, g.count, g.totals[2]])).toEqual([
      ['Вид приказа: Выбытие', 1, 1],
      ['Вид приказа: Зачисление', 2, 11],
    ]);
  });

  it('refuses a definition that names a field outside the whitelist, a wrong condition or a duplicate name', async () => {
    const bad = (definition: Partial<BuilderDefinitionInput>) => t.client.call('reports.builder.preview', { definition: { ...LARGE_FAMILIES, ...definition } });
    await expect(bad({ columns: ['fullName', 'passwordHash'] })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('«passwordHash» нельзя выбрать') });
    await expect(bad({ filters: [{ field: 'birthDate', op: 'contains', value: '2019' }] })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('не подходит к полю «Дата рождения»') });
    await expect(bad({ filters: [{ field: 'age', op: 'gt', value: 'десять' }] })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('число') });
    await expect(bad({ totals: ['fullName'] })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(bad({ filters: [{ field: 'sex', op: 'eq', value: "М' OR 1=1 --" }] })).resolves.toMatchObject({ total: 0 });
    await t.client.call('reports.custom.save', { id: null, version: 0, name: 'Один отчёт', audience: ['admin'], definition: LARGE_FAMILIES });
    await expect(t.client.call('reports.custom.save', { id: null, version: 0, name: 'один  ОТЧЁТ', audience: ['admin'], definition: LARGE_FAMILIES })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('prints a pupil\'s личная карта as DOCX and PDF with the card, parents, enrolment and classes', async () => {
    const docx = await t.client.call('reports.print.pupilCard', { pupilId: fx.pupils.p2, format: 'docx' });
    expect(docx.fileName).toBe('Личная карта обучающегося — Петрова Анна.docx');
    const text = await docxText(docx.contentBase64);
    expect(text).toContain('ЛИЧНАЯ КАРТА ОБУЧАЮЩЕГОСЯ');
    expect(text).toContain('Петрова');
    expect(text).toContain('20.11.2019');
    expect(text).toContain('Петрова Светлана Игоревна');
    expect(text).toContain('+7 (913) 111-22-33');
    expect(text).toMatch(/2026\/2027\s*1А\s*01\.09\.2026\s*по настоящее время/);
    expect(text).not.toMatch(/[{}]/);
    if (WRITER) {
      const { file } = tempFile('card.docx', Buffer.from(docx.contentBase64, 'base64'));
      expect(squash(fs.readFileSync(sofficeConvert(file, 'txt:Text'), 'utf8'))).toContain('Петрова Светлана Игоревна');
    }
    const pdf = await t.client.call('reports.print.pupilCard', { pupilId: fx.pupils.p4, format: 'pdf' });
    expect(Buffer.from(pdf.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    if (PDFTOTEXT) {
      const { file } = tempFile('card.pdf', Buffer.from(pdf.contentBase64, 'base64'));
      const words = squash(pdfText(file));
      expect(words).toContain('ЛИЧНАЯ КАРТА ОБУЧАЮЩЕГОСЯ');
      expect(words).toContain('Кузнецова Мария Алексеевна');
      expect(words).toContain('Республика Казахстан');
      expect(words).toContain('01.12.2026');
      expect(words).toContain('МБОУ «Гимназия № 22» г. Барнаула');
    }
    const audit = await t.core.db.selectFrom('auditLog').select(['entity', 'changes']).where('recordId', '=', fx.pupils.p2).where('action', '=', 'export').execute();
    expect(audit.map((a) => a.entity)).toEqual(['pupil']);
    const teacher = (await createSignedInUser(t, { login: `printer-${kind}`, roles: ['teacher'], staffId: fx.staff.s4 })).client;
    await expect(teacher.call('reports.print.pupilCard', { pupilId: fx.pupils.p1, format: 'pdf' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.client.call('reports.print.pupilCard', { pupilId: 'нет-такого', format: 'pdf' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('prints the Т-2 card with positions, attestation and courses as DOCX and PDF', async () => {
    const docx = await t.client.call('reports.print.staffCard', { staffId: fx.staff.s5, format: 'docx' });
    const text = await docxText(docx.contentBase64);
    expect(text).toContain('ЛИЧНАЯ КАРТОЧКА РАБОТНИКА');
    expect(text).toContain('Полякова Галина Степановна');
    expect(text).toContain('высшая');
    expect(text).toContain('10.01.2029');
    expect(text).toContain('Реализация обновлённых ФГОС');
    expect(text).toContain('1,5');
    const pdf = await t.client.call('reports.print.staffCard', { staffId: fx.staff.s10, format: 'pdf' });
    if (PDFTOTEXT) {
      const { file } = tempFile('t2.pdf', Buffer.from(pdf.contentBase64, 'base64'));
      const words = squash(pdfText(file));
      expect(words).toContain('Унифицированная форма № Т-2');
      expect(words).toContain('Ушакова Лидия Борисовна');
      expect(words).toContain('XI. ОСНОВАНИЕ ПРЕКРАЩЕНИЯ ТРУДОВОГО ДОГОВОРА');
      expect(words).toContain('30.06.2026');
    }
  });

  it('issues справки об обучении and с места работы with declined names, numbered in the register; a pupil who left gets none and no number is taken', async () => {
    const first = await t.client.call('reports.print.studyCertificate', { pupilId: fx.pupils.p2, format: 'docx', purpose: 'в поликлинику' });
    expect(first.number).toBe(1);
    expect(first.fileName).toBe('Справка об обучении № 1 — Петрова Анна Игоревна.docx');
    const text = await docxText(first.contentBase64);
    expect(text).toContain('СПРАВКА № 1');
    expect(text).toContain('Выдана Петровой Анне Игоревне, 20.11.2019 года рождения');
    expect(text).toContain('является обучающейся 1А класса');
    expect(text).toContain('в 2026/2027 учебном году');
    expect(text).toContain('для предъявления в поликлинику');
    expect(text).not.toMatch(/[{}]/);
    if (WRITER) {
      const { file } = tempFile('study.docx', Buffer.from(first.contentBase64, 'base64'));
      expect(squash(fs.readFileSync(sofficeConvert(file, 'txt:Text'), 'utf8'))).toContain('Выдана Петровой Анне Игоревне');
    }
    const second = await t.client.call('reports.print.studyCertificate', { pupilId: fx.pupils.p3, format: 'pdf' });
    expect(second.number).toBe(2);
    if (PDFTOTEXT) {
      const { file } = tempFile('study.pdf', Buffer.from(second.contentBase64, 'base64'));
      const words = squash(pdfText(file));
      expect(words).toContain('СПРАВКА № 2');
      expect(words).toContain('Выдана Сидорову Ивану Павловичу');
      expect(words).toContain('является обучающимся 5А класса');
      expect(words).toContain('по месту требования');
    }
    // Кузнецова left on 01.12.2026: refused by name and reason, and the register keeps its numbers.
    await expect(t.client.call('reports.print.studyCertificate', { pupilId: fx.pupils.p4, format: 'pdf' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/Кузнецова Мария Алексеевна сейчас не обучается в школе \(выбыла из 5А 01\.12\.2026\)/),
    });

    const work = await t.client.call('reports.print.workCertificate', { staffId: fx.staff.s10, format: 'pdf' });
    expect(work.number).toBe(1);
    if (PDFTOTEXT) {
      const { file } = tempFile('work.pdf', Buffer.from(work.contentBase64, 'base64'));
      const words = squash(pdfText(file));
      expect(words).toContain('Выдана Ушаковой Лидии Борисовне');
      expect(words).toMatch(/действительно работала в .* по 30\.06\.2026/);
    }
    const working = await t.client.call('reports.print.workCertificate', { staffId: fx.staff.s5, format: 'docx' });
    const workText = await docxText(working.contentBase64);
    expect(workText).toContain('СПРАВКА № 2');
    expect(workText).toMatch(/Выдана Поляковой Галине Степановне в том, что Полякова Галина Степановна действительно работает в .* по настоящее время/);

    const register = await t.client.call('reports.certificates.list', {});
    expect(register.map((r) => [r.kind, r.number, r.personName, r.purpose])).toEqual([
      ['study', 2, 'Сидоров Иван Павлович', 'по месту требования'],
      ['work', 2, 'Полякова Галина Степановна', 'по месту требования'],
      ['study', 1, 'Петрова Анна Игоревна', 'в поликлинику'],
      ['work', 1, 'Ушакова Лидия Борисовна', 'по месту требования'],
    ]);
    expect(register.find((r) => r.personId === fx.pupils.p2)?.detail).toBe('1А, 2026/2027');
    // HR sees the staff certificates only; the print is logged on the person's card.
    const hr = (await createSignedInUser(t, { login: `hr-cert-${kind}`, roles: ['hr'] })).client;
    expect((await hr.call('reports.certificates.list', {})).map((r) => r.kind)).toEqual(['work', 'work']);
    await expect(hr.call('reports.print.studyCertificate', { pupilId: fx.pupils.p2, format: 'pdf' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const audit = await t.core.db.selectFrom('auditLog').select(['entity', 'changes']).where('recordId', '=', fx.pupils.p2).where('method', '=', 'reports.print.studyCertificate').execute();
    expect(audit.map((a) => a.entity)).toEqual(['pupil']);
    expect(audit[0].changes).toContain('1/2026');

    // The school's own template is used for the next one.
    const zip = new PizZip(readAsset('templates', 'study-certificate.docx'));
    zip.file('word/document.xml', (zip.file('word/document.xml')?.asText() ?? '').replace('СПРАВКА №', 'СПРАВКА С МЕСТА УЧЁБЫ №'));
    await t.client.call('reports.templates.upload', { key: 'study-certificate', fileName: 'Наша справка.docx', contentBase64: zip.generate({ type: 'nodebuffer' }).toString('base64'), version: 0 });
    const third = await t.client.call('reports.print.studyCertificate', { pupilId: fx.pupils.p2, format: 'docx' });
    expect(await docxText(third.contentBase64)).toContain('СПРАВКА С МЕСТА УЧЁБЫ № 3');
  });

  it('the administrator replaces a template; a broken one is refused and changes nothing; reset brings the default back', async () => {
    const zip = new PizZip(readAsset('templates', 'pupil-card.docx'));
    const xml = zip.file('word/document.xml')?.asText() ?? '';
    zip.file('word/document.xml', xml.replace('ЛИЧНАЯ КАРТА ОБУЧАЮЩЕГОСЯ', 'ЛИЧНОЕ ДЕЛО ШКОЛЫ № 6'));
    const mine = zip.generate({ type: 'nodebuffer' }).toString('base64');
    const info = await t.client.call('reports.templates.upload', { key: 'pupil-card', fileName: 'Моя карта.docx', contentBase64: mine, version: 0 });
    expect(info.custom).toMatchObject({ fileName: 'Моя карта.docx', version: 1 });
    expect(await docxText((await t.client.call('reports.print.pupilCard', { pupilId: fx.pupils.p1, format: 'docx' })).contentBase64)).toContain('ЛИЧНОЕ ДЕЛО ШКОЛЫ № 6');

    const broken = new PizZip(readAsset('templates', 'pupil-card.docx'));
    broken.file('word/document.xml', xml.replace('{/parents}', ''));
    await expect(t.client.call('reports.templates.upload', { key: 'pupil-card', fileName: 'Сломанный.docx', contentBase64: broken.generate({ type: 'nodebuffer' }).toString('base64'), version: 1 })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('Сломанный.docx» не принят'),
    });
    await expect(t.client.call('reports.templates.upload', { key: 'pupil-card', fileName: 'карта.pdf', contentBase64: mine, version: 1 })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(t.client.call('reports.templates.upload', { key: 'pupil-card', fileName: 'Поздно.docx', contentBase64: mine, version: 0 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await t.client.call('reports.templates.info', {})).find((x) => x.key === 'pupil-card')?.custom?.fileName).toBe('Моя карта.docx');
    await t.client.call('reports.templates.reset', { key: 'pupil-card', version: 1 });
    expect(await docxText((await t.client.call('reports.print.pupilCard', { pupilId: fx.pupils.p1, format: 'docx' })).contentBase64)).toContain('ЛИЧНАЯ КАРТА ОБУЧАЮЩЕГОСЯ');
  });
});
