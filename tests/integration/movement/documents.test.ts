import fs from 'node:fs';
import mammoth from 'mammoth';
import PizZip from 'pizzip';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { readAsset } from '../../../src-main/core/foundation/assets';
import { AppError } from '../../../src-shared/errors';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { newPupilItem, order, saveAndSign, seedYear, type MovementFixture } from './movementFixture';
import { hasTool, hasWriter, pdfText, sofficeConvert, squash, tempFile } from './readers';

const WRITER = hasWriter(readAsset('templates', 'movement-order.docx'));
const PDFTOTEXT = hasTool('pdftotext', '-v');

async function docxText(base64: string): Promise<string> {
  return squash((await mammoth.extractRawText({ buffer: Buffer.from(base64, 'base64') })).value);
}

function templateWith(body: string): string {
  const zip = new PizZip(readAsset('templates', 'movement-order.docx'));
  const xml = zip.file('word/document.xml')!.asText();
  const paragraphs = body
    .split('\n')
    .map((line) => `<w:p><w:r><w:t xml:space="preserve">${line}</w:t></w:r></w:p>`)
    .join('');
  zip.file('word/document.xml', xml.replace(/<w:body>[\s\S]*<w:sectPr>/, `<w:body>${paragraphs}<w:sectPr>`));
  return zip.generate({ type: 'nodebuffer' }).toString('base64');
}

describeEachDb('order documents', (kind) => {
  let t: TestCore;
  let f: MovementFixture;
  beforeEach(async () => {
    t = await createTestCore(kind);
    f = await seedYear(t.core.db);
  });
  afterEach(async () => t?.cleanup());

  async function enrolTwo() {
    return saveAndSign(
      t.client,
      order('enroll', '2026-08-28', [
        newPupilItem({ lastName: 'Соколова', firstName: 'Любовь', middleName: 'Андреевна', sex: 'Ж', birthDate: '2019-05-03' }, f.classes['1А'], '2026-09-01'),
        newPupilItem({ lastName: 'Иванов', firstName: 'Иван', middleName: 'Иванович', sex: 'М', birthDate: '2019-02-11' }, f.classes['1А'], '2026-09-01'),
      ], { title: 'О зачислении в 1 класс' }),
    );
  }

  it('renders the enrolment order to DOCX with declined names that mammoth reads back', async () => {
    const signed = await enrolTwo();
    const file = await t.client.call('movement.orders.document', { id: signed.id, format: 'docx' });
    expect(file.fileName).toBe('Приказ № 1-з от 28.08.2026.docx');
    const text = await docxText(file.contentBase64);
    expect(text).toContain('Зачислить Соколову Любовь Андреевну');
    expect(text).toContain('Зачислить Иванова Ивана Ивановича');
    expect(text).toContain('1. Зачислить Соколову Любовь Андреевну, 03.05.2019 г. р., в 1А класс с 01.09.2026.');
    expect(text).toContain('ПРИКАЗ');
    expect(text).toContain('№ 1-з');
    expect(text).toContain('Средняя общеобразовательная школа № 6');
    expect(text).toContain('Основание: заявление родителей');
    expect(text).toContain('3. Контроль за исполнением приказа оставляю за собой.');
    expect(text).toContain('Е. В. Шарапова');
    expect(text).toMatch(/С приказом ознакомлены: Кузнецова Мария Ивановна, классный руководитель 1А/);
    expect(text).not.toMatch(/[{}]/);
    const audit = await t.core.db.selectFrom('auditLog').selectAll().where('recordId', '=', signed.id).where('action', '=', 'export').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].changes).toContain('Соколову Любовь Андреевну');
    expect((await t.client.call('movement.orders.get', { id: signed.id })).printedAt).not.toBeNull();
  });

  it.skipIf(!WRITER)(`opens in LibreOffice without errors${WRITER ? '' : ' [ПРОПУЩЕНО: нет LibreOffice Writer]'}`, async () => {
    const signed = await enrolTwo();
    const file = await t.client.call('movement.orders.document', { id: signed.id, format: 'docx' });
    const { file: docx } = tempFile('order.docx', Buffer.from(file.contentBase64, 'base64'));
    const text = squash(fs.readFileSync(sofficeConvert(docx, 'txt:Text'), 'utf8'));
    expect(text).toContain('Зачислить Соколову Любовь Андреевну');
    expect(text).toContain('Зачислить Иванова Ивана Ивановича');
    // A round trip through LibreOffice's own DOCX writer proves it parsed the whole document.
    const pdf = sofficeConvert(docx, 'pdf');
    expect(squash(pdfText(pdf))).toContain('ПРИКАЗЫВАЮ');
  });

  it('prints the names as corrected in the editor and stores what was printed; PDF carries the same text', async () => {
    const signed = await enrolTwo();
    const item = signed.items[1];
    const saved = await t.client.call('movement.orders.saveNames', {
      id: signed.id,
      version: signed.version,
      names: [{ itemId: item.id, nameAccusative: 'Иванова Ивана Ивановича (мл.)', nameGenitive: item.nameGenitive, nameDative: item.nameDative }],
    });
    expect(saved.items[1]).toMatchObject({ nameAccusative: 'Иванова Ивана Ивановича (мл.)', namesEdited: true });
    expect(saved.items[0].namesEdited).toBe(false);
    const text = await docxText((await t.client.call('movement.orders.document', { id: signed.id, format: 'docx' })).contentBase64);
    expect(text).toContain('Зачислить Иванова Ивана Ивановича (мл.)');
    const pdf = await t.client.call('movement.orders.document', { id: signed.id, format: 'pdf' });
    expect(pdf.mimeType).toBe('application/pdf');
    expect(Buffer.from(pdf.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    if (PDFTOTEXT) {
      const { file } = tempFile('order.pdf', Buffer.from(pdf.contentBase64, 'base64'));
      const pdfWords = squash(pdfText(file));
      expect(pdfWords).toContain('Зачислить Соколову Любовь Андреевну');
      expect(pdfWords).toContain('ПРИКАЗ');
    }
    const exports = await t.core.db.selectFrom('auditLog').select('changes').where('recordId', '=', signed.id).where('action', '=', 'export').orderBy('seq').execute();
    expect(exports).toHaveLength(2);
    expect(exports[0].changes).toContain('Иванова Ивана Ивановича (мл.)');
  });

  it('uses genitive and dative where the template asks, and the school can replace the template', async () => {
    const enrolled = await enrolTwo();
    const [sokolova, ivanov] = enrolled.items;
    const withdrawn = await saveAndSign(t.client, order('withdraw', '2026-11-02', [{ pupilId: sokolova.pupilId, effectiveDate: '2026-11-02', destinationKind: 'sameRegion', destinationSchool: 'МБОУ «Гимназия № 5»' }]));
    const text = await docxText((await t.client.call('movement.orders.document', { id: withdrawn.id, format: 'docx' })).contentBase64);
    expect(text).toContain('Отчислить Соколову Любовь Андреевну, обучающуюся 1А класса, с 02.11.2026 в связи с переводом в МБОУ «Гимназия № 5». Выдать личное дело Соколовой Любови Андреевны родителям');

    const info0 = await t.client.call('movement.templates.info');
    expect(info0.custom).toBeNull();
    const bad = await t.client.call('movement.templates.upload', { fileName: 'мой.docx', contentBase64: templateWith('{#items}{nameGen}'), version: 0 }).catch((e: unknown) => e);
    expect((bad as AppError).code).toBe('VALIDATION');
    expect((bad as AppError).message).toMatch(/Шаблон приказа «мой\.docx» не принят: ошибка в метках шаблона/);
    const notDocx = await t.client.call('movement.templates.upload', { fileName: 'мой.docx', contentBase64: Buffer.from('не документ').toString('base64'), version: 0 }).catch((e: unknown) => e);
    expect((notDocx as AppError).message).toMatch(/не похож на документ Word/);

    const info = await t.client.call('movement.templates.upload', {
      fileName: 'Наш приказ.docx',
      contentBase64: templateWith('Приказ № {orderNumber}\n{#items}\nРодительный: {nameGen}; дательный: {nameDat}; винительный: {nameAcc}.\n{/items}'),
      version: 0,
    });
    expect(info.custom?.fileName).toBe('Наш приказ.docx');
    const custom = await docxText((await t.client.call('movement.orders.document', { id: enrolled.id, format: 'docx' })).contentBase64);
    expect(custom).toContain('Родительный: Иванова Ивана Ивановича; дательный: Иванову Ивану Ивановичу; винительный: Иванова Ивана Ивановича.');
    expect(custom).toContain('Родительный: Соколовой Любови Андреевны; дательный: Соколовой Любови Андреевне');
    expect(ivanov.nameDative).toBe('Иванову Ивану Ивановичу');
    const current = await t.client.call('movement.templates.download', { which: 'current' });
    expect(current.fileName).toBe('Наш приказ.docx');
    const reset = await t.client.call('movement.templates.reset', { version: info.custom!.version });
    expect(reset.custom).toBeNull();
    expect(await docxText((await t.client.call('movement.orders.document', { id: enrolled.id, format: 'docx' })).contentBase64)).toContain('Зачислить Иванова Ивана Ивановича');
  });

  it('writes a sentence for every kind of order, with the cases each one needs', async () => {
    const db = t.core.db;
    const nextYearId = 'next-year';
    await db.insertInto('academicYear').values({ id: nextYearId, name: '2027/2028', startDate: '2027-09-01', endDate: '2028-08-31', isCurrent: 0, isClosed: 0, version: 1, updatedAt: '2027-01-01T00:00:00Z' }).execute();
    for (const [name, grade, letter] of [['6А', 6, 'А'], ['5А', 5, 'А']] as const) {
      await db.insertInto('schoolClass').values({ id: `next-${name}`, academicYearId: nextYearId, grade, letter, name, classTeacherId: null, shift: 1, previousClassId: null, version: 1, updatedAt: '2027-01-01T00:00:00Z' }).execute();
    }
    const e = await saveAndSign(
      t.client,
      order('enroll', '2026-08-28', [
        newPupilItem({ lastName: 'Петров', firstName: 'Никита', middleName: 'Андреевич', sex: 'М', birthDate: '2015-01-05' }, f.classes['5А'], '2026-09-01', { enrollKind: 'contingent' }),
        newPupilItem({ lastName: 'Зайцева', firstName: 'Анна', middleName: 'Олеговна', sex: 'Ж', birthDate: '2015-04-04' }, f.classes['5А'], '2026-09-01', { enrollKind: 'contingent' }),
        newPupilItem({ lastName: 'Гусев', firstName: 'Олег', middleName: 'Ильич', sex: 'М', birthDate: '2011-06-06' }, f.classes['9А'], '2026-09-01', { enrollKind: 'contingent' }),
        newPupilItem({ lastName: 'Титова', firstName: 'Мария', middleName: 'Павловна', sex: 'Ж', birthDate: '2010-06-06' }, f.classes['10А'], '2026-09-01', { enrollKind: 'contingent' }),
      ]),
    );
    const [petrov, zaitseva, gusev, titova] = e.items.map((i) => i.pupilId);
    const text = async (o: Parameters<typeof order>) => docxText((await t.client.call('movement.orders.document', { id: (await saveAndSign(t.client, order(...o))).id, format: 'docx' })).contentBase64);
    expect(await text(['transfer', '2026-10-01', [{ pupilId: petrov, toClassId: f.classes['5Б'], effectiveDate: '2026-10-01', reason: 'заявление родителей' }]])).toContain(
      'Перевести Петрова Никиту Андреевича, обучающегося 5А класса, в 5Б класс с 01.10.2026 (заявление родителей).',
    );
    expect(await text(['expel', '2026-11-02', [{ pupilId: titova, effectiveDate: '2026-11-02', reason: 'по заявлению в связи с получением образования в форме самообразования' }]])).toContain(
      'Отчислить Титову Марию Павловну, обучающуюся 10А класса, с 02.11.2026 (по заявлению',
    );
    expect(await text(['reinstate', '2026-12-01', [{ pupilId: titova, toClassId: f.classes['10А'], effectiveDate: '2026-12-01' }]])).toContain('Восстановить Титову Марию Павловну, 06.06.2010 г. р., в число обучающихся 10А класса с 01.12.2026.');
    expect(await text(['graduate', '2027-06-25', [{ pupilId: gusev, effectiveDate: '2027-06-26' }]])).toContain(
      'Отчислить Гусева Олега Ильича, обучающегося 9А класса, в связи с получением основного общего образования (завершением обучения) с 26.06.2027. Выдать Гусеву Олегу Ильичу аттестат об основном общем образовании.',
    );
    expect(await text(['promote', '2027-05-28', [{ pupilId: petrov, toClassId: 'next-6А', effectiveDate: '2027-09-01' }]])).toContain('Перевести Петрова Никиту Андреевича из 5Б в 6А класс с 01.09.2027.');
    expect(await text(['repeatYear', '2027-05-28', [{ pupilId: zaitseva, toClassId: 'next-5А', effectiveDate: '2027-09-01' }]])).toContain(
      'Оставить Зайцеву Анну Олеговну, обучающуюся 5А класса, на повторное обучение в 5А классе с 01.09.2027.',
    );
    const numbers = (await t.client.call('movement.orders.list', { status: 'signed' })).map((o) => o.numberText).sort();
    // Each type numbers in its own series by default.
    expect(numbers).toEqual(['1-вс', '1-вып', '1-г', '1-з', '1-о', '1-п', '1-по'].sort());
  });

  it('prints where an arrival came from and on what document, a withdrawal’s reason, a conditional promotion’s debt; no dangling birth date', async () => {
    const db = t.core.db;
    await db.insertInto('academicYear').values({ id: 'next-year', name: '2027/2028', startDate: '2027-09-01', endDate: '2028-08-31', isCurrent: 0, isClosed: 0, version: 1, updatedAt: '2027-01-01T00:00:00Z' }).execute();
    await db.insertInto('schoolClass').values({ id: 'next-6А', academicYearId: 'next-year', grade: 6, letter: 'А', name: '6А', classTeacherId: null, shift: 1, previousClassId: null, version: 1, updatedAt: '2027-01-01T00:00:00Z' }).execute();
    // A card moved over from the paper book without a birth date.
    await db.insertInto('pupil').values({ id: 'no-birth', lastName: 'Ким', firstName: 'Виктор', middleName: 'Сергеевич', sex: 'М', birthDate: null, snils: null, searchKey: 'ким виктор сергеевич', version: 1, createdAt: '2026-08-01T00:00:00Z', updatedAt: '2026-08-01T00:00:00Z' }).execute();
    const enrolled = await saveAndSign(
      t.client,
      order('enroll', '2026-09-14', [
        newPupilItem({ lastName: 'Соколова', firstName: 'Любовь', middleName: 'Андреевна', sex: 'Ж', birthDate: '2015-05-03' }, f.classes['5А'], '2026-09-15', { enrollKind: 'otherSchool', originSchool: 'МБОУ «СОШ № 12» г. Барнаула', originDocument: 'личное дело' }),
        { pupilId: 'no-birth', toClassId: f.classes['5Б'], effectiveDate: '2026-09-15', enrollKind: 'contingent' },
      ]),
    );
    const text = await docxText((await t.client.call('movement.orders.document', { id: enrolled.id, format: 'docx' })).contentBase64);
    expect(text).toContain('1. Зачислить Соколову Любовь Андреевну, 03.05.2015 г. р., в 5А класс с 15.09.2026 (прибытие из: МБОУ «СОШ № 12» г. Барнаула; документ: личное дело).');
    expect(text).toContain('2. Зачислить Кима Виктора Сергеевича в 5Б класс с 15.09.2026.');
    const [sokolova, kim] = enrolled.items.map((i) => i.pupilId);
    const conditional = await saveAndSign(t.client, order('conditionalPromote', '2027-05-28', [{ pupilId: sokolova, toClassId: 'next-6А', effectiveDate: '2027-09-01', reason: 'математика, русский язык' }]));
    expect(await docxText((await t.client.call('movement.orders.document', { id: conditional.id, format: 'docx' })).contentBase64)).toContain(
      '1. Перевести условно Соколову Любовь Андреевну из 5А в 6А класс с 01.09.2027; академическая задолженность: математика, русский язык.',
    );
    const left = await saveAndSign(t.client, order('withdraw', '2026-11-30', [{ pupilId: kim, effectiveDate: '2026-12-01', destinationKind: 'college', destinationSchool: 'КГБПОУ «Алтайский промышленно-экономический колледж»', reason: 'заявление родителей' }]));
    const leftText = await docxText((await t.client.call('movement.orders.document', { id: left.id, format: 'docx' })).contentBase64);
    expect(leftText).toContain('1. Отчислить Кима Виктора Сергеевича, обучающегося 5Б класса, с 01.12.2026 в связи с поступлением в КГБПОУ «Алтайский промышленно-экономический колледж» (заявление родителей). Выдать личное дело Кима Виктора Сергеевича родителям');
    // The PDF says the same as the default template.
    if (PDFTOTEXT) {
      const pdf = await t.client.call('movement.orders.document', { id: left.id, format: 'pdf' });
      const { file } = tempFile('left.pdf', Buffer.from(pdf.contentBase64, 'base64'));
      // pdftotext keeps the line break after the hyphen of «промышленно-экономический».
      expect(squash(pdfText(file)).replace(/- /g, '-')).toContain('в связи с поступлением в КГБПОУ «Алтайский промышленно-экономический колледж» (заявление родителей)');
    }
  });

  it('prints a draft without a number', async () => {
    const d = await t.client.call('movement.orders.save', { id: null, version: 0, order: order('enroll', '2026-08-28', [newPupilItem({ lastName: 'Ким', firstName: 'Виктор', sex: 'М', birthDate: '2019-01-01' }, f.classes['1Б'], '2026-09-01')]) });
    const file = await t.client.call('movement.orders.document', { id: d.id, format: 'docx' });
    expect(file.fileName).toBe('Черновик приказа от 28.08.2026.docx');
    expect(await docxText(file.contentBase64)).toContain('№ ______');
  });
});
