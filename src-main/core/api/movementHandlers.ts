import type { movementContract } from '../../../src-shared/contract/movement';
import { getNumbering, saveNumbering } from '../movement/index';
import { listBook } from '../movement/index';
import { orderDocument } from '../movement/index';
import { currentTemplate, resetTemplate, templateInfo, uploadTemplate } from '../movement/index';
import { readAsset } from '../foundation/assets';
import { DOCX_MIME } from '../movement/index';
import { deleteDraft, saveDraft, saveNames } from '../movement/index';
import { getOrder, listOrders } from '../movement/index';
import { cancelOrder, signOrder } from '../movement/index';
import { classesOn, classRoster, pupilTimeline, searchPupils } from '../movement/index';
import { listAlphabet } from '../movement/index';
import { exportOrderBook } from '../movement/index';
import type { Handlers } from './types';
import { runJob } from '../workerJobs';

/** The movement book: orders, registers, rosters on a date (issue 6). */
export const movementHandlers: Handlers<typeof movementContract> = {
  'movement.orders.list': async (input, ctx) => listOrders(ctx.core.db, input),
  'movement.orders.get': async ({ id }, ctx) => getOrder(ctx.core.db, id),
  'movement.orders.save': async ({ id, version, order }, ctx) => saveDraft(ctx, id, version, order),
  'movement.orders.saveNames': async ({ id, version, names }, ctx) => saveNames(ctx, id, version, names),
  'movement.orders.delete': async ({ id, version }, ctx) => deleteDraft(ctx, id, version),
  'movement.orders.sign': async ({ id, version, numberText }, ctx) => signOrder(ctx, id, version, numberText),
  'movement.orders.cancel': async ({ id, version, reason }, ctx) => cancelOrder(ctx, id, version, reason),
  'movement.orders.document': async ({ id, format }, ctx) => orderDocument(ctx, id, format),
  'movement.orders.exportBook': async ({ yearId }, ctx) => exportOrderBook(ctx.core.db, yearId),
  'movement.numbering.get': async (input, ctx) => getNumbering(ctx.core.db, input?.yearId ?? null),
  'movement.numbering.save': async (input, ctx) => saveNumbering(ctx, input),
  'movement.templates.info': async (_input, ctx) => templateInfo(ctx.core.db),
  'movement.templates.download': async ({ which }, ctx) => {
    const t = which === 'default' ? { content: readAsset('templates', 'movement-order.docx'), fileName: 'Шаблон приказа (по умолчанию).docx' } : await currentTemplate(ctx.core.db);
    return { fileName: t.fileName, mimeType: DOCX_MIME, contentBase64: t.content.toString('base64'), rows: 0 };
  },
  'movement.templates.upload': async ({ fileName, contentBase64, version }, ctx) => uploadTemplate(ctx, fileName, contentBase64, version),
  'movement.templates.reset': async ({ version }, ctx) => resetTemplate(ctx, version),
  'movement.pupils.search': async ({ query, date, classId }, ctx) => searchPupils(ctx.core.db, query, date, classId),
  'movement.pupils.timeline': async ({ pupilId }, ctx) => pupilTimeline(ctx.core.db, pupilId),
  'movement.classes.list': async ({ date }, ctx) => classesOn(ctx.core.db, date),
  'movement.classes.roster': async ({ classId, date }, ctx) => classRoster(ctx.core.db, classId, date),
  'movement.book.list': async (input, ctx) => listBook(ctx.core.db, input),
  'movement.book.export': async (input, ctx) => runJob(ctx, 'movement.book.export', input),
  'movement.alphabet.list': async ({ search }, ctx) => listAlphabet(ctx.core.db, search),
  'movement.alphabet.export': async ({ search }, ctx) => runJob(ctx, 'movement.alphabet.export', { search }),
};
