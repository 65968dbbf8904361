import PDFDocument from 'pdfkit';
import PizZip from 'pizzip';
import Docxtemplater from 'docxtemplater';
import { assetPath, readAsset } from '../foundation/assets';

/**
 * Account letters as files: a PDF with two letters per A4 page and a cut line, and a DOCX from
 * `assets/templates/account-letters.docx` (the school may edit its wording in Word; the fields are
 * {schoolName} {name} {role} {portalUrl} {login} {password} inside the {#letters} loop).
 */
export interface Letter {
  name: string;
  /** «обучающийся, 5А» or «родитель (мать) обучающегося Смирнова Артёма Олеговича, 5А». */
  role: string;
  login: string;
  password: string;
}

export interface LetterSet {
  schoolName: string;
  /** The class («5А») or, for staff letters, «сотрудники». */
  className: string;
  portalUrl: string;
  /** Staff letters: no step for parents, and forgotten passwords go to HR, not the class teacher. */
  forStaff?: boolean;
  letters: Letter[];
}

export const LETTER_STEPS = [
  '1. Откройте в браузере адрес портала и выберите свою школу (регион, населённый пункт, тип и название образовательной организации).',
  '2. Введите логин и начальный пароль точно так, как они напечатаны (с учётом заглавных букв).',
  '3. При первом входе портал попросит сменить пароль: придумайте новый и запомните его.',
  '4. Родителям: в электронном дневнике видны оценки, посещаемость и домашние задания ребёнка.',
];

const MM = 72 / 25.4;

export function lettersPdf(set: LetterSet): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 15 * MM, bottom: 12 * MM, left: 20 * MM, right: 15 * MM }, info: { Title: `Учётные записи портала, ${set.className}`, Author: 'Школьный офис' } });
  doc.registerFont('regular', assetPath('fonts', 'DejaVuSans.ttf'));
  doc.registerFont('bold', assetPath('fonts', 'DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const half = (doc.page.height - doc.page.margins.top - doc.page.margins.bottom) / 2;
  set.letters.forEach((l, i) => {
    const top = doc.page.margins.top + (i % 2) * half;
    if (i > 0 && i % 2 === 0) doc.addPage();
    if (i % 2 === 1) {
      doc.save().dash(4, { space: 4 }).strokeColor('#999999').moveTo(doc.page.margins.left, top - 6).lineTo(doc.page.margins.left + width, top - 6).stroke().restore();
      doc.font('regular').fontSize(7).fillColor('#999999').text('линия отреза', doc.page.margins.left, top - 14, { width, align: 'center' });
    }
    const left = doc.page.margins.left;
    doc.fillColor('#555555').font('regular').fontSize(9).text(set.schoolName, left, top + 4, { width });
    doc.moveDown(0.4).fillColor('black').font('bold').fontSize(13).text('Доступ к электронному дневнику «Сетевой город. Образование»', { width });
    doc.moveDown(0.5).font('regular').fontSize(11).text('Кому: ', { continued: true }).font('bold').text(l.name, { continued: true }).font('regular').text(` (${l.role})`);
    doc.moveDown(0.3).text('Адрес портала: ', { continued: true }).font('bold').text(set.portalUrl);
    doc.moveDown(0.3).font('regular').text('Логин: ', { continued: true }).font('bold').fontSize(13).text(l.login);
    doc.moveDown(0.2).font('regular').fontSize(11).text('Начальный пароль: ', { continued: true }).font('bold').fontSize(13).text(l.password);
    doc.moveDown(0.5).font('bold').fontSize(10).text('Как войти:');
    doc.font('regular').fontSize(9.5);
    for (const step of set.forStaff ? LETTER_STEPS.slice(0, 3) : LETTER_STEPS) doc.text(step, left + 8, undefined, { width: width - 8 });
    const helper = set.forStaff ? 'к специалисту по кадрам' : 'к классному руководителю';
    doc.moveDown(0.3).text(`Никому не сообщайте пароль. Если вы его забыли, обратитесь ${helper}.`, left, undefined, { width });
    doc.moveDown(0.8).fontSize(10).text('Получил(а): ____________________   «____» ______________ 20___ г.', { width });
  });
  if (set.letters.length === 0) {
    doc.font('regular').fontSize(12).text(`${set.forStaff ? 'Сотрудники' : `Класс ${set.className}`}: нет созданных учётных записей с начальными паролями.`);
  }
  doc.end();
  return done;
}

export function lettersDocx(set: LetterSet): Buffer {
  const zip = new PizZip(readAsset('templates', 'account-letters.docx'));
  const doc = new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true });
  doc.render({
    letters: set.letters.map((l, i) => ({
      ...l,
      schoolName: set.schoolName,
      portalUrl: set.portalUrl,
      // Two letters per page: a cut line between them, a page break before every odd pair.
      cutLine: i % 2 === 1,
      pageBreak: i > 0 && i % 2 === 0,
    })),
  });
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' }) as Buffer;
}
