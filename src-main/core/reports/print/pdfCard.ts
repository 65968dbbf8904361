import { startPdf } from '../../foundation/pdfDocument';

/**
 * The print forms as PDF: a title block, then sections of «label — value» lines and bordered tables
 * that break across pages with their header repeated. DejaVu fonts carry Cyrillic. The school's DOCX
 * template shapes the Word file only; the PDF is the app's standard layout of the same data.
 */
export type PdfBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'fields'; pairs: [string, string][] }
  | { kind: 'table'; widths: number[]; header: string[]; rows: string[][] }
  | { kind: 'text'; text: string; size?: number };

export interface PdfCard {
  title: string;
  top: string[];
  subtitle: string[];
  blocks: PdfBlock[];
  footer: string[];
}

export async function renderCardPdf(card: PdfCard): Promise<Buffer> {
  const { doc, done } = startPdf({ size: 'A4', margins: { top: 50, bottom: 50, left: 60, right: 42 }, info: { Title: card.title, Author: 'Школьный офис' }, bufferPages: true });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const ensure = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };

  for (const line of card.top) doc.font('bold').fontSize(10).text(line, left, doc.y, { width, align: 'center' });
  doc.moveDown(0.8);
  doc.font('bold').fontSize(14).text(card.title, left, doc.y, { width, align: 'center' });
  for (const line of card.subtitle) doc.font('regular').fontSize(9).text(line, left, doc.y, { width, align: 'center' });
  doc.moveDown(0.8);

  const row = (cells: string[], widths: number[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(8);
    const scale = width / widths.reduce((a, b) => a + b, 0);
    const ws = widths.map((w) => w * scale);
    const h = Math.max(14, ...cells.map((c, i) => doc.heightOfString(c || ' ', { width: ws[i] - 6 }) + 6));
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.rect(x, y, ws[i], h).stroke();
      doc.text(c, x + 3, y + 3, { width: ws[i] - 6 });
      x += ws[i];
    });
    doc.x = left;
    doc.y = y + h;
    return h;
  };

  for (const b of card.blocks) {
    if (b.kind === 'heading') {
      ensure(40);
      doc.moveDown(0.5);
      doc.font('bold').fontSize(10).text(b.text, left, doc.y, { width });
      doc.moveDown(0.3);
    } else if (b.kind === 'text') {
      // A certificate's body is read as a letter: larger type, justified, a gap between paragraphs.
      doc.font('regular').fontSize(b.size ?? 9).text(b.text || '—', left, doc.y, { width, align: b.size ? 'justify' : 'left' });
      if (b.size) doc.moveDown(0.6);
    } else if (b.kind === 'fields') {
      for (const [label, value] of b.pairs) {
        doc.font('bold').fontSize(9);
        const h = Math.max(doc.heightOfString(value || '—', { width: width * 0.62 }), 12);
        ensure(h + 2);
        const y = doc.y;
        doc.font('regular').fontSize(9).text(label, left, y, { width: width * 0.36 });
        doc.font('bold').fontSize(9).text(value || '—', left + width * 0.38, y, { width: width * 0.62 });
        doc.x = left;
        doc.y = Math.max(doc.y, y + h) + 2;
      }
    } else {
      doc.lineWidth(0.5);
      ensure(30);
      row(b.header, b.widths, 'bold');
      if (b.rows.length === 0) row(b.header.map((_, i) => (i === 0 ? 'нет записей' : '')), b.widths, 'regular');
      for (const r of b.rows) {
        doc.font('regular').fontSize(8);
        if (doc.y + 20 > bottom()) {
          doc.addPage();
          row(b.header, b.widths, 'bold');
        }
        row(r, b.widths, 'regular');
      }
      doc.moveDown(0.4);
    }
  }
  doc.moveDown(1);
  for (const line of card.footer) {
    ensure(20);
    doc.font('regular').fontSize(9).text(line, left, doc.y, { width });
    doc.moveDown(0.6);
  }
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Below the bottom margin: without this pdfkit would start a new page for the footer line.
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(7).text(`${card.title} — стр. ${i + 1} из ${range.count}`, left, doc.page.height - 35, { width, align: 'right', lineBreak: false });
  }
  doc.end();
  return done;
}
