import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import type { TemplateInfo } from '../../../../src-shared/contract/movement';
import { ORDER_TEMPLATE_TAGS } from '../../../../src-shared/domain/movement/templateTags';
import type { HandlerContext } from '../../foundation/context';
import { callerName, refuse, staleOrder } from '../common';
import { readAsset } from '../../foundation/assets';
import type { Executor } from '../../foundation/executor';
import { nowIso } from '../../foundation/clock';
import { deleteTemplateRow, templateRow, writeTemplateRow } from '../repo/orderStatus';

/**
 * The order template: the school's own DOCX (stored in the database, so every office PC prints the
 * same) or the default shipped in `assets/templates/movement-order.docx`.
 */
export const ORDER_TEMPLATE_KEY = 'movementOrder';
export const DEFAULT_TEMPLATE_FILE = 'movement-order.docx';

export async function currentTemplate(db: Executor): Promise<{ content: Buffer; fileName: string; custom: boolean }> {
  const row = await templateRow(db, ORDER_TEMPLATE_KEY);
  if (row) return { content: Buffer.from(row.contentBase64, 'base64'), fileName: row.fileName, custom: true };
  return { content: readAsset('templates', DEFAULT_TEMPLATE_FILE), fileName: 'Шаблон приказа (по умолчанию).docx', custom: false };
}

export async function templateInfo(db: Executor): Promise<TemplateInfo> {
  const row = await templateRow(db, ORDER_TEMPLATE_KEY);
  return {
    custom: row ? { fileName: row.fileName, updatedAt: row.updatedAt, updatedBy: row.updatedBy, version: Number(row.version) } : null,
    placeholders: [...ORDER_TEMPLATE_TAGS],
  };
}

/** docxtemplater's complaint in words a secretary can act on. */
export function templateProblem(err: unknown): string {
  const e = err as { properties?: { errors?: { properties?: { explanation?: string; xtag?: string } }[]; explanation?: string }; message?: string };
  const list = e?.properties?.errors ?? [];
  if (list.length) {
    const first = list.slice(0, 3).map((x) => (x.properties?.xtag ? `«${x.properties.xtag}»: ${x.properties.explanation ?? ''}` : (x.properties?.explanation ?? '')));
    return `ошибка в метках шаблона — ${first.join('; ')}${list.length > 3 ? ` (и ещё ${list.length - 3})` : ''}`;
  }
  if (e?.properties?.explanation) return e.properties.explanation;
  return 'файл не похож на документ Word (.docx)';
}

export function compileTemplate(content: Buffer): Docxtemplater {
  const zip = new PizZip(content);
  // errorLogging off: a bad template is the user's to fix and reaches them as a Russian message.
  return new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true, nullGetter: () => '', errorLogging: false });
}

export async function uploadTemplate(ctx: HandlerContext, fileName: string, contentBase64: string, version: number): Promise<TemplateInfo> {
  const content = Buffer.from(contentBase64, 'base64');
  if (!/\.docx$/i.test(fileName)) throw refuse(`Шаблон приказа «${fileName}»: нужен файл Word в формате .docx`);
  try {
    // A trial run with a sample item proves the tags are well formed before the school relies on it.
    compileTemplate(content).render({ items: [{ n: 1, sentence: 'Проверка', isEnroll: true }], acquaintances: [] });
  } catch (err) {
    throw refuse(`Шаблон приказа «${fileName}» не принят: ${templateProblem(err)}`);
  }
  await ctx.core.db.transaction().execute(async (trx) => {
    const row = await templateRow(trx, ORDER_TEMPLATE_KEY);
    const current = row ? Number(row.version) : 0;
    if (current !== version) throw staleOrder('Шаблон приказа', current);
    const values = { fileName, contentBase64: content.toString('base64'), version: current + 1, updatedAt: nowIso(), updatedBy: callerName(ctx) };
    await writeTemplateRow(trx, ORDER_TEMPLATE_KEY, Boolean(row), values);
    await ctx.audit.record(trx, { recordId: ORDER_TEMPLATE_KEY, action: 'update', changes: { fileName: [row?.fileName ?? null, fileName], size: content.length } });
  });
  return templateInfo(ctx.core.db);
}

export async function resetTemplate(ctx: HandlerContext, version: number): Promise<TemplateInfo> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const row = await templateRow(trx, ORDER_TEMPLATE_KEY);
    if (!row) return;
    if (Number(row.version) !== version) throw staleOrder('Шаблон приказа', Number(row.version));
    await deleteTemplateRow(trx, ORDER_TEMPLATE_KEY);
    await ctx.audit.record(trx, { recordId: ORDER_TEMPLATE_KEY, action: 'delete', changes: { fileName: [row.fileName, null] } });
  });
  return templateInfo(ctx.core.db);
}
