import { createHash } from 'node:crypto';
import type { ImportPreview } from '../../../../src-shared/contract/timetableExchange';
import { AppError } from '../../../../src-shared/errors';
import type { HandlerContext } from '../../foundation/context';
import type { Executor } from '../../foundation/executor';

/**
 * Preview = apply. An importer is one function that writes everything a file means inside the
 * transaction it is given and says what it did. The preview runs it in a transaction that is rolled
 * back (so the person sees exactly what apply will write, and nothing is kept); apply runs it again
 * and writes only if the outcome is the one the person saw (its signature), else CONFLICT. When the
 * file's timetable is already a version and the file creates nothing, apply writes nothing.
 */

export type PreviewBody = Omit<ImportPreview, 'signature'>;

export interface ImportOutcome {
  preview: PreviewBody;
  /** The version written (or found, for a file applied before). */
  versionId: string | null;
}

export type ImportRun = (trx: Executor) => Promise<ImportOutcome>;

class Rollback extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super('rollback');
  }
}

/** What the person saw, without what differs between two runs of the same file (dates of evaluation). */
export function signatureOf(p: PreviewBody): string {
  const stable = { ...p, existing: null, summary: { ...p.summary, evaluatedAt: null } };
  return createHash('sha256').update(JSON.stringify(stable)).digest('hex').slice(0, 40);
}

export async function previewImport(ctx: HandlerContext, run: ImportRun): Promise<ImportPreview> {
  try {
    await ctx.core.db.transaction().execute(async (trx) => {
      throw new Rollback(await run(trx));
    });
  } catch (e) {
    if (e instanceof Rollback) return { ...e.outcome.preview, signature: signatureOf(e.outcome.preview) };
    throw e;
  }
  throw new AppError('INTERNAL', 'Предпросмотр импорта не завершился');
}

export async function applyImport(ctx: HandlerContext, run: ImportRun, signature: string): Promise<{ versionId: string | null; created: boolean; preview: ImportPreview }> {
  return ctx.core.db.transaction().execute(async (trx) => {
    const o = await run(trx);
    const preview = { ...o.preview, signature: signatureOf(o.preview) };
    // Already there and nothing to create: a second apply of the same file writes nothing.
    if (o.preview.existing && o.preview.creates.length === 0) return { versionId: o.preview.existing.id, created: false, preview };
    if (preview.signature !== signature) {
      throw new AppError('CONFLICT', 'С момента предпросмотра данные школы или файл изменились: то, что будет записано, уже не совпадает с показанным. Посмотрите предпросмотр ещё раз; ничего не записано.');
    }
    return { versionId: o.versionId, created: true, preview };
  });
}
