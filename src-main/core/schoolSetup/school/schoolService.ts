import { AppError } from '../../../../src-shared/errors';
import type { SchoolCard } from '../../../../src-shared/contract/school';
import { diffFields } from '../../foundation/auditLog';
import type { HandlerContext } from '../../foundation/context';
import { CARD_ID, findSchoolCard, insertSchoolCard, rowToCard, updateSchoolCard } from '../repo/schoolCard';

export interface SchoolCardState {
  card: SchoolCard | null;
  version: number;
  updatedAt: string | null;
}

export async function getSchoolCard(ctx: HandlerContext): Promise<SchoolCardState> {
  const row = await findSchoolCard(ctx.core.db);
  return row ? { card: rowToCard(row), version: row.version, updatedAt: row.updatedAt } : { card: null, version: 0, updatedAt: null };
}

function conflict(current: SchoolCardState): AppError {
  return new AppError(
    'CONFLICT',
    `Карточку ОО уже сохранил другой пользователь (версия ${current.version}). Ваши изменения не записаны, но остались в форме: ` +
      'посмотрите новые данные и сохраните ещё раз.',
    { current },
  );
}

/** Saves with optimistic concurrency: the write names the version it read. */
export async function saveSchoolCard(ctx: HandlerContext, card: SchoolCard, version: number): Promise<SchoolCardState> {
  const at = new Date().toISOString();
  const by = ctx.caller.user?.id ?? null;
  const saved = await ctx.core.db.transaction().execute(async (trx) => {
    const existing = await findSchoolCard(trx);
    if (!existing) {
      if (version !== 0) throw new AppError('CONFLICT', 'Карточка ОО была удалена или ещё не создана. Обновите страницу.');
      await insertSchoolCard(trx, card, at, by);
      await ctx.audit.record(trx, { recordId: CARD_ID, action: 'create', changes: diffFields(null, card) });
      return 1;
    }
    if (existing.version !== version) {
      throw conflict({ card: rowToCard(existing), version: existing.version, updatedAt: existing.updatedAt });
    }
    const changes = diffFields(rowToCard(existing), card);
    if (Object.keys(changes).length === 0) return existing.version;
    if (!(await updateSchoolCard(trx, card, version, at, by))) {
      const now = await findSchoolCard(trx);
      throw conflict(now ? { card: rowToCard(now), version: now.version, updatedAt: now.updatedAt } : { card: null, version: 0, updatedAt: null });
    }
    await ctx.audit.record(trx, { recordId: CARD_ID, action: 'update', changes });
    return version + 1;
  });
  ctx.core.events.emit({ type: 'dataChanged', entity: 'school', recordId: CARD_ID });
  const row = await findSchoolCard(ctx.core.db);
  return { card: row ? rowToCard(row) : card, version: saved, updatedAt: row?.updatedAt ?? at };
}
