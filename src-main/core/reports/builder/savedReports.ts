import type { CatalogueEntry } from '../../../../src-shared/contract/reports';
import type { BuilderDefinitionInput, SavedReport } from '../../../../src-shared/contract/reportBuilder';
import { ROLES, type RoleId } from '../../../../src-shared/contract/access';
import { ENTITY_INFO } from '../../../../src-shared/domain/reports/builderFields';
import type { BuilderDefinition } from '../../../../src-shared/domain/reports/builderEval';
import { customReportKey } from '../../../../src-shared/domain/reports/catalogue';
import { newId } from '../../../../src-shared/domain/ids';
import { searchKey } from '../../../../src-shared/domain/names';
import { AppError } from '../../../../src-shared/errors';
import { hasRight } from '../../access/index';
import type { HandlerContext } from '../../foundation/context';
import { isUniqueViolation } from '../../foundation/dbErrors';
import { deleteSaved, findSaved as find, insertSaved, listSaved, updateSaved, type SavedRow } from '../repo/savedReports';

/**
 * Saved reports of the builder: a name (unique, compared without case and ё), the definition as
 * JSON of whitelisted keys, and the roles that may run it. The administrator keeps them; anyone
 * whose role is in the audience runs them from the catalogue.
 */
type Row = SavedRow;

function toSaved(r: Row): SavedReport {
  return { id: r.id, name: r.name, audience: JSON.parse(r.audience) as string[], definition: JSON.parse(r.definition) as BuilderDefinition, createdBy: r.createdBy, updatedAt: r.updatedAt, version: Number(r.version) };
}

function notFound(): AppError {
  return new AppError('NOT_FOUND', 'Сохранённый отчёт не найден: возможно, его удалил администратор. Обновите каталог.');
}

/** Whether the caller may run a saved report: a role in its audience (the administrator always). */
export function mayRun(ctx: Pick<HandlerContext, 'caller'>, audience: readonly string[]): boolean {
  const roles = ctx.caller.user?.roles ?? [];
  return roles.includes('admin') || roles.includes('system') || roles.some((r) => audience.includes(r)) || hasRight(ctx.caller.user, 'reports.build');
}

export async function getSaved(ctx: HandlerContext, id: string): Promise<SavedReport> {
  const row = await find(ctx.core.db, id);
  if (!row) throw notFound();
  const saved = toSaved(row);
  if (!mayRun(ctx, saved.audience)) throw refusedAudience(saved);
  return saved;
}

export function refusedAudience(saved: SavedReport): AppError {
  const roles = saved.audience.map((r) => ROLES[r as RoleId] ?? r).join(', ');
  return new AppError('FORBIDDEN', `Недостаточно прав: отчёт «${saved.name}» могут запускать роли: ${roles}. Обратитесь к администратору программы.`);
}

export async function saveReport(
  ctx: HandlerContext,
  input: { id: string | null; version: number; name: string; audience: string[]; definition: BuilderDefinitionInput & BuilderDefinition },
): Promise<SavedReport> {
  const now = new Date().toISOString();
  const nameKey = searchKey(input.name);
  const audience = JSON.stringify([...new Set(input.audience)]);
  const definition = JSON.stringify(input.definition);
  let id = input.id;
  try {
    await ctx.core.db.transaction().execute(async (trx) => {
      if (id === null) {
        id = newId();
        await insertSaved(trx, { id, name: input.name, nameKey, entity: input.definition.entity, definition, audience, createdBy: ctx.caller.user?.name ?? null, at: now });
        await ctx.audit.record(trx, { entity: 'report', recordId: id, action: 'create', changes: { name: [null, input.name], entity: [null, ENTITY_INFO[input.definition.entity].title], audience: [null, input.audience], definition: [null, input.definition] } });
        return;
      }
      const before = await find(trx, id);
      if (!before) throw notFound();
      if (Number(before.version) !== input.version) throw new AppError('CONFLICT', `Отчёт «${before.name}» только что изменил другой пользователь. Обновите его и повторите; ваши изменения не сохранены.`);
      if (!(await updateSaved(trx, id, input.version, { name: input.name, nameKey, entity: input.definition.entity, definition, audience, at: now }))) {
        throw new AppError('CONFLICT', `Отчёт «${before.name}» только что изменил другой пользователь. Обновите его и повторите; ваши изменения не сохранены.`);
      }
      const changes: Record<string, [unknown, unknown]> = {};
      if (before.name !== input.name) changes.name = [before.name, input.name];
      if (before.audience !== audience) changes.audience = [JSON.parse(before.audience), input.audience];
      if (before.definition !== definition) changes.definition = [JSON.parse(before.definition), input.definition];
      await ctx.audit.record(trx, { entity: 'report', recordId: id, action: 'update', changes });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', `Отчёт с названием «${input.name}» уже есть — выберите другое название. Ничего не сохранено.`, { issues: [{ path: 'name', message: 'такое название уже есть' }] });
    throw err;
  }
  return toSaved((await find(ctx.core.db, id as unknown as string)) as Row);
}

export async function deleteReport(ctx: HandlerContext, id: string, version: number): Promise<{ deleted: boolean }> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const before = await find(trx, id);
    if (!before) throw notFound();
    if (Number(before.version) !== version) throw new AppError('CONFLICT', `Отчёт «${before.name}» только что изменил другой пользователь. Обновите каталог и повторите.`);
    await deleteSaved(trx, id);
    await ctx.audit.record(trx, { entity: 'report', recordId: id, action: 'delete', changes: { name: [before.name, null], definition: [JSON.parse(before.definition), null] } });
  });
  return { deleted: true };
}

/** Saved reports in the catalogue: each with its audience in words and whether this user may run it. */
export async function savedReportEntries(ctx: HandlerContext): Promise<CatalogueEntry[]> {
  const rows = await listSaved(ctx.core.db);
  return rows.map((r) => {
    const s = toSaved(r);
    const info = ENTITY_INFO[s.definition.entity];
    return {
      key: customReportKey(s.id),
      kind: 'custom' as const,
      title: s.name,
      purpose: `Конструктор отчётов: ${info.title.toLowerCase()}, столбцов ${s.definition.columns.length}${s.definition.filters.length ? `, условий ${s.definition.filters.length}` : ''}${s.definition.groupBy.length ? `, группировка` : ''}. Составил: ${s.createdBy ?? '—'}.`,
      group: 'Отчёты конструктора',
      audience: s.audience.map((x) => ROLES[x as RoleId] ?? x).join(', '),
      params: info.dated ? ['date'] : [],
      deadline: null,
      source: 'Порядок, п. 7.4',
      names: true,
      path: `/reports/custom/${s.id}`,
      canRun: mayRun(ctx, s.audience) && hasRight(ctx.caller.user, info.right),
    };
  });
}
