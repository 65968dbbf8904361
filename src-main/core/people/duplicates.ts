import type { DuplicateCandidate } from '../../../src-shared/contract/peopleViews';
import { formatRu } from '../../../src-shared/domain/calendar/dates';
import { fullName, searchKey } from '../../../src-shared/domain/names';
import type { PersonKind } from '../../../src-shared/domain/personRules';
import { checkSnils, formatSnils } from '../../../src-shared/domain/validators';
import { AppError } from '../../../src-shared/errors';
import { visibleClassIds } from '../access/index';
import type { HandlerContext } from '../foundation/context';
import { CARD_SPECS } from './cardSpec';
import type { Executor } from '../foundation/executor';
import { schoolToday } from '../foundation/clock';
import { cardsByNameAndBirth, cardsBySnils, duplicateDetailRows, linksOfParents, pupilsInClassesOn } from './repo/listRows';

/**
 * The same person typed twice: the same normalised ФИО (case and ё ignored) with the same birth date,
 * or the same СНИЛС — the rule the portal's own import uses (`formats/netschool.md` §1.1).
 */
export interface DuplicateProbe {
  lastName: string;
  firstName: string;
  middleName?: string | null;
  birthDate?: string | null;
  snils?: string | null;
  excludeId?: string;
}

async function details(db: Executor, kind: PersonKind, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  const today = schoolToday();
  const rows = await duplicateDetailRows(db, kind, ids, today);
  for (const r of rows.classes ?? []) out.set(r.pupilId, `${r.name} класс`);
  for (const r of rows.children ?? []) out.set(r.parentId, [out.get(r.parentId), `${r.relation}: ${fullName(r)}`].filter(Boolean).join('; '));
  for (const r of rows.positions ?? []) if (r.position) out.set(r.id, r.position);
  return out;
}

export async function findDuplicates(db: Executor, kind: PersonKind, probe: DuplicateProbe): Promise<DuplicateCandidate[]> {
  const table = CARD_SPECS[kind].table;
  const key = searchKey(probe.lastName, probe.firstName, probe.middleName);
  const found = new Map<string, DuplicateCandidate>();
  const add = (r: { id: string; lastName: string; firstName: string; middleName: string | null; birthDate: string | null; snils: string | null }, reason: DuplicateCandidate['reason']) => {
    if (r.id === probe.excludeId || found.has(r.id)) return;
    found.set(r.id, { id: r.id, name: fullName(r), birthDate: r.birthDate, snils: r.snils, reason, detail: null });
  };
  if (probe.birthDate && key) {
    for (const r of await cardsByNameAndBirth(db, table, key, probe.birthDate)) add(r, 'name-birthdate');
  }
  if (probe.snils && checkSnils(probe.snils) === null) {
    for (const r of await cardsBySnils(db, table, formatSnils(probe.snils))) add(r, 'snils');
  }
  const list = [...found.values()];
  const d = await details(db, kind, list.map((c) => c.id));
  return list.map((c) => ({ ...c, detail: d.get(c.id) ?? null }));
}

/** Candidates a caller may be shown: a class teacher sees only pupils and parents of their classes. */
export async function visibleDuplicates(ctx: HandlerContext, kind: PersonKind, probe: DuplicateProbe): Promise<DuplicateCandidate[]> {
  const all = await findDuplicates(ctx.core.db, kind, probe);
  if (kind === 'staff' || all.length === 0) return all;
  const visible = await visibleClassIds(ctx);
  if (!visible) return all;
  const ids = all.map((c) => c.id);
  const today = schoolToday();
  const links = kind === 'pupil' ? [] : await linksOfParents(ctx.core.db, ids);
  const pupilIds = kind === 'pupil' ? ids : links.map((r) => r.pupilId);
  if (pupilIds.length === 0) return [];
  const inMine = new Set(await pupilsInClassesOn(ctx.core.db, pupilIds, [...visible], today));
  if (kind === 'pupil') return all.filter((c) => inMine.has(c.id));
  return all.filter((c) => links.some((l) => l.parentId === c.id && inMine.has(l.pupilId)));
}

/**
 * Refuses a new card that duplicates an existing one (CONFLICT with `details.duplicates`: the form
 * offers to open or link the existing card). A caller who cannot see the existing card learns only
 * that it exists elsewhere.
 */
export async function assertNoDuplicate(ctx: HandlerContext, kind: PersonKind, probe: DuplicateProbe): Promise<void> {
  const all = await findDuplicates(ctx.core.db, kind, probe);
  if (all.length === 0) return;
  const spec = CARD_SPECS[kind];
  const shown = await visibleDuplicates(ctx, kind, probe);
  const first = all[0];
  const why = first.reason === 'snils' ? `совпадает СНИЛС ${first.snils}` : `совпадают ФИО и дата рождения${first.birthDate ? ` ${formatRu(first.birthDate)}` : ''}`;
  if (shown.length === 0) {
    throw new AppError('CONFLICT', `${spec.record} «${first.name}» уже есть (${why}), но не в ваших классах. Обратитесь к секретарю; вторая карточка не создана.`, { duplicates: [] });
  }
  throw new AppError(
    'CONFLICT',
    `${spec.record} «${first.name}» уже есть (${why}). Откройте существующую карточку или привяжите её; вторая карточка не создана.`,
    { duplicates: shown },
  );
}
