import type { ExportedFile } from '../../../../src-shared/contract/files';
import { AppError } from '../../../../src-shared/errors';
import type { HandlerContext } from '../../foundation/context';
import { getOrder } from '../repo/orders';
import { orderDocData } from '../repo/orderDocData';
import { renderOrderPdf } from './pdfOrder';
import { compileTemplate, currentTemplate, templateProblem } from './templateStore';
import { nowIso } from '../../foundation/clock';
import { patchOrder } from '../repo/orderStatus';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF_MIME = 'application/pdf';

/**
 * Prints an order. The ФИО forms on the items are what goes on paper; the export's audit row keeps
 * them, with the time, so "what did we print?" has an answer even after the forms are corrected.
 */
export async function orderDocument(ctx: HandlerContext, id: string, format: 'docx' | 'pdf'): Promise<ExportedFile> {
  const order = await getOrder(ctx.core.db, id);
  const data = await orderDocData(ctx.core.db, order);
  let content: Buffer;
  if (format === 'docx') {
    const template = await currentTemplate(ctx.core.db);
    try {
      const doc = compileTemplate(template.content);
      doc.render(data);
      content = doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
    } catch (err) {
      throw new AppError('VALIDATION', `Шаблон приказа «${template.fileName}» не заполнился: ${templateProblem(err)}. Исправьте шаблон или верните шаблон по умолчанию.`);
    }
  } else {
    content = await renderOrderPdf(data);
  }
  const at = nowIso();
  await ctx.core.db.transaction().execute(async (trx) => {
    await patchOrder(trx, id, { printedAt: at });
    await ctx.audit.record(trx, {
      recordId: id,
      action: 'export',
      changes: {
        format,
        number: order.numberText,
        printed: order.items.map((i) => ({ item: i.ordinal, nameAccusative: i.nameAccusative, nameGenitive: i.nameGenitive, nameDative: i.nameDative })),
      },
    });
  });
  const base = order.numberText ? `Приказ № ${order.numberText} от ${data.orderDate}` : `Черновик приказа от ${data.orderDate}`;
  return { fileName: `${base.replace(/[\\/:*?"<>|]/g, '_')}.${format}`, mimeType: format === 'docx' ? DOCX_MIME : PDF_MIME, contentBase64: content.toString('base64'), rows: order.items.length };
}
