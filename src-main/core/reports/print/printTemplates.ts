import type { ExportedFile } from '../../../../src-shared/contract/files';
import type { PrintTemplateInfo } from '../../../../src-shared/contract/reports';
import { PRINT_FORMS, PRINT_FORM_KEYS, type PrintFormKey } from '../../../../src-shared/domain/reports/catalogue';
import { PRINT_TAGS } from '../../../../src-shared/domain/reports/printTags';
import { AppError } from '../../../../src-shared/errors';
import type { Executor } from '../../foundation/executor';
import type { HandlerContext } from '../../foundation/context';
import { readAsset } from '../../foundation/assets';
import { DOCX_MIME } from '../../movement/index';
import { compileTemplate, templateProblem } from '../../movement/index';
import { samplePrintData } from './printData';
import { deleteTemplate, findTemplate, templateMeta, writeTemplate } from '../repo/templates';

/**
 * The print forms' templates, replaceable like the order template: the school's DOCX is kept in the
 * database (every office PC prints the same), the default ships in `assets/templates/`. An upload is
 * tried on sample data first; a file the filler cannot read is refused whole with the reason.
 */
export const DEFAULT_FILES: Record<PrintFormKey, string> = {
  'pupil-card': 'pupil-card.docx',
  'staff-card-t2': 'staff-card-t2.docx',
  'study-certificate': 'study-certificate.docx',
  'work-certificate': 'work-certificate.docx',
};

export async function currentPrintTemplate(db: Executor, key: PrintFormKey): Promise<{ content: Buffer; fileName: string; custom: boolean }> {
  const row = await findTemplate(db, key);
  if (row) return { content: Buffer.from(row.contentBase64, 'base64'), fileName: row.fileName, custom: true };
  return { content: readAsset('templates', DEFAULT_FILES[key]), fileName: `${PRINT_FORMS[key].title} (шаблон по умолчанию).docx`, custom: false };
}

async function infoOf(db: Executor, key: PrintFormKey): Promise<PrintTemplateInfo> {
  const row = await templateMeta(db, key);
  return {
    key,
    title: PRINT_FORMS[key].title,
    custom: row ? { fileName: row.fileName, updatedAt: row.updatedAt, updatedBy: row.updatedBy, version: Number(row.version) } : null,
    placeholders: PRINT_TAGS[key],
  };
}

export async function printTemplatesInfo(db: Executor): Promise<PrintTemplateInfo[]> {
  const out: PrintTemplateInfo[] = [];
  for (const key of PRINT_FORM_KEYS) out.push(await infoOf(db, key));
  return out;
}

export async function downloadPrintTemplate(db: Executor, key: PrintFormKey, which: 'current' | 'default'): Promise<ExportedFile> {
  const t = which === 'default' ? { content: readAsset('templates', DEFAULT_FILES[key]), fileName: `${PRINT_FORMS[key].title} (шаблон по умолчанию).docx` } : await currentPrintTemplate(db, key);
  return { fileName: t.fileName, mimeType: DOCX_MIME, contentBase64: t.content.toString('base64'), rows: 0 };
}

function stale(title: string): AppError {
  return new AppError('CONFLICT', `Шаблон «${title}» только что заменил другой пользователь. Обновите страницу и повторите; ничего не изменено.`);
}

export async function uploadPrintTemplate(ctx: HandlerContext, key: PrintFormKey, fileName: string, contentBase64: string, version: number): Promise<PrintTemplateInfo> {
  const title = PRINT_FORMS[key].title;
  const content = Buffer.from(contentBase64, 'base64');
  if (!/\.docx$/i.test(fileName)) throw new AppError('VALIDATION', `Шаблон «${title}», файл «${fileName}»: нужен документ Word в формате .docx. Ничего не изменено.`);
  try {
    compileTemplate(content).render(samplePrintData(key));
  } catch (err) {
    throw new AppError('VALIDATION', `Шаблон «${title}», файл «${fileName}» не принят: ${templateProblem(err)}. Ничего не изменено.`);
  }
  await ctx.core.db.transaction().execute(async (trx) => {
    const row = await templateMeta(trx, key);
    const current = row ? Number(row.version) : 0;
    if (current !== version) throw stale(title);
    await writeTemplate(trx, key, { fileName, contentBase64: content.toString('base64'), version: current + 1, updatedAt: new Date().toISOString(), updatedBy: ctx.caller.user?.name ?? null }, Boolean(row));
    await ctx.audit.record(trx, { recordId: key, action: 'update', changes: { fileName: [row?.fileName ?? null, fileName], size: content.length } });
  });
  return infoOf(ctx.core.db, key);
}

export async function resetPrintTemplate(ctx: HandlerContext, key: PrintFormKey, version: number): Promise<PrintTemplateInfo> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const row = await templateMeta(trx, key);
    if (!row) return;
    if (Number(row.version) !== version) throw stale(PRINT_FORMS[key].title);
    await deleteTemplate(trx, key);
    await ctx.audit.record(trx, { recordId: key, action: 'delete', changes: { fileName: [row.fileName, null] } });
  });
  return infoOf(ctx.core.db, key);
}
