import PDFDocument from 'pdfkit';
import { assetPath } from './assets';

/**
 * A PDF being written: the pdfkit document with the DejaVu fonts registered as `regular` and `bold`
 * (they carry Cyrillic) and the finished file once `doc.end()` is called.
 */
export function startPdf(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', assetPath('fonts', 'DejaVuSans.ttf'));
  doc.registerFont('bold', assetPath('fonts', 'DejaVuSans-Bold.ttf'));
  return { doc, done };
}
