import { startPdf } from '../../foundation/pdfDocument';
import type { OrderDocData } from '../repo/orderDocData';

/**
 * The order as PDF, laid out like the default DOCX template (DejaVu fonts carry Cyrillic). The
 * school's own DOCX template shapes the Word file only; the PDF is the app's standard form.
 */
export async function renderOrderPdf(data: OrderDocData): Promise<Buffer> {
  const { doc, done } = startPdf({ size: 'A4', margins: { top: 57, bottom: 57, left: 85, right: 42 }, info: { Title: `Приказ № ${data.orderNumber}`, Author: 'Школьный офис' } });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  doc.font('bold').fontSize(11).text(String(data.schoolFullName), { align: 'center' });
  if (data.schoolAddress) doc.font('regular').fontSize(8).text(String(data.schoolAddress), { align: 'center' });
  doc.moveDown(1.2);
  doc.font('bold').fontSize(15).text('ПРИКАЗ', { align: 'center' });
  doc.moveDown(0.6);
  const y = doc.y;
  doc.font('regular').fontSize(11).text(data.orderDate, doc.page.margins.left, y, { width: width / 2 });
  doc.text(`№ ${data.orderNumber}`, doc.page.margins.left + width / 2, y, { width: width / 2, align: 'right' });
  doc.x = doc.page.margins.left;
  doc.moveDown(1);
  doc.font('bold').text(data.title, { width });
  doc.moveDown(0.8);
  if (data.basis) doc.font('regular').text(`Основание: ${String(data.basis)}`, { width, align: 'justify', indent: 28 });
  doc.font('bold').text('ПРИКАЗЫВАЮ:');
  doc.moveDown(0.4);
  doc.font('regular');
  for (const item of data.items) {
    doc.text(`${item.n}. ${item.sentence}`, { width, align: 'justify', indent: 28 });
    doc.moveDown(0.2);
  }
  doc.text(`${data.items.length + 1}. Контроль за исполнением приказа оставляю за собой.`, { width, align: 'justify', indent: 28 });
  doc.moveDown(2);
  const sy = doc.y;
  doc.text(data.signatoryPosition, doc.page.margins.left, sy, { width: width / 2 });
  doc.text(`____________  ${data.signatoryShort}`, doc.page.margins.left + width / 2, sy, { width: width / 2, align: 'right' });
  doc.x = doc.page.margins.left;
  doc.moveDown(2);
  if (data.acquaintances.length) {
    doc.text('С приказом ознакомлены:', { width });
    doc.moveDown(0.3);
    for (const a of data.acquaintances) doc.fontSize(10).text(`${a.name}, ${a.role}  ____________  «___» ____________ 20___ г.`, { width });
  }
  doc.end();
  return done;
}
