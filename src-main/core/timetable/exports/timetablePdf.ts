import { startPdf } from '../../foundation/pdfDocument';
import type { PrintTable } from './printModel';

/**
 * The same tables as PDF (DejaVu carries Cyrillic): landscape A4 or A3, a table per page group with
 * the header repeated after a page break; the master timetable is drawn at the largest font that
 * fits one page per shift.
 */

const SIZES = { A4: [841.89, 595.28], A3: [1190.55, 841.89] } as const;
const MARGIN = 24;
const PAD = 2;

type Doc = PDFKit.PDFDocument;

function columnWidths(t: PrintTable, width: number): number[] {
  const total = t.widths.reduce((a, b) => a + b, 0);
  return t.widths.map((w) => (w / total) * width);
}

function rowHeight(doc: Doc, cells: readonly string[], widths: readonly number[], font: number): number {
  doc.fontSize(font);
  let h = font + 2 * PAD;
  cells.forEach((c, i) => {
    if (c) h = Math.max(h, doc.heightOfString(c, { width: widths[i] - 2 * PAD }) + 2 * PAD);
  });
  return h;
}

function titleHeight(doc: Doc, t: PrintTable, width: number): number {
  let h = 0;
  t.title.forEach((line, i) => {
    doc.font(i === 1 ? 'bold' : 'regular').fontSize(i === 1 ? 13 : 8);
    h += doc.heightOfString(line, { width }) + 2;
  });
  return h + 4;
}

/** The largest font (9…4 pt) at which a wide table fits one page; narrower tables use 8 pt. */
function fitFont(doc: Doc, t: PrintTable, widths: number[], height: number, width: number): number {
  if (!t.wide) return 8;
  for (let f = 9; f > 4; f -= 0.5) {
    doc.font('regular');
    let h = titleHeight(doc, t, width) + rowHeight(doc, t.header, widths, f);
    for (const r of t.rows) h += rowHeight(doc, r, widths, f);
    if (h <= height) return f;
  }
  return 4;
}

function drawRow(doc: Doc, cells: readonly string[], widths: readonly number[], y: number, h: number, font: number, opts: { bold?: boolean; fill?: boolean; thick?: boolean; labels: number }): void {
  let x = MARGIN;
  cells.forEach((c, i) => {
    if (opts.fill) doc.rect(x, y, widths[i], h).fillAndStroke('#e8e8e8', '#000000');
    else doc.rect(x, y, widths[i], h).stroke();
    doc.fillColor('#000000').font(opts.bold || i < Math.min(1, opts.labels) ? 'bold' : 'regular').fontSize(font).text(c, x + PAD, y + PAD, { width: widths[i] - 2 * PAD, lineBreak: true });
    x += widths[i];
  });
  if (opts.thick) doc.moveTo(MARGIN, y).lineTo(x, y).lineWidth(1.5).stroke().lineWidth(0.5);
}

function drawTable(doc: Doc, t: PrintTable, paper: 'A4' | 'A3', first: boolean): void {
  const [pw, ph] = SIZES[paper];
  if (!first) doc.addPage({ size: [pw, ph], margin: MARGIN });
  const width = pw - 2 * MARGIN;
  const widths = columnWidths(t, width);
  const font = fitFont(doc, t, widths, ph - 2 * MARGIN, width);
  doc.lineWidth(0.5);
  let y = MARGIN;
  t.title.forEach((line, i) => {
    doc.font(i === 1 ? 'bold' : 'regular').fontSize(i === 1 ? 13 : 8).text(line, MARGIN, y, { width });
    y = doc.y + 2;
  });
  y += 4;
  const headerH = rowHeight(doc, t.header, widths, font);
  drawRow(doc, t.header, widths, y, headerH, font, { bold: true, fill: true, labels: t.labelColumns });
  y += headerH;
  const starts = new Set(t.dayStarts);
  t.rows.forEach((r, i) => {
    const h = rowHeight(doc, r, widths, font);
    if (y + h > ph - MARGIN) {
      doc.addPage({ size: [pw, ph], margin: MARGIN });
      y = MARGIN;
      drawRow(doc, t.header, widths, y, headerH, font, { bold: true, fill: true, labels: t.labelColumns });
      y += headerH;
    }
    drawRow(doc, r, widths, y, h, font, { thick: starts.has(i), labels: t.labelColumns });
    y += h;
  });
}

export async function timetablePdf(tables: readonly PrintTable[], paper: 'A4' | 'A3', title: string): Promise<Buffer> {
  const [pw, ph] = SIZES[paper];
  const { doc, done } = startPdf({ size: [pw, ph], margin: MARGIN, info: { Title: title, Author: 'Школьный офис' } });
  doc.font('regular');
  tables.forEach((t, i) => drawTable(doc, t, paper, i === 0));
  if (tables.length === 0) doc.fontSize(12).text('Нет данных для печати.');
  doc.end();
  return done;
}
