import { sql } from 'kysely';
import { AUDIT_ACTIONS, type AuditFilter, type AuditRow } from '../../../../src-shared/contract/audit';
import { entityTitle } from '../../../../src-shared/domain/auditLabels';
import { sortRows, type ListSort } from '../../../../src-shared/domain/listSort';
import type { Executor } from '../../foundation/executor';
import { idsIn, namesOf } from './recordNames';


/** Start of a local calendar day as an ISO instant: the log stores UTC, people filter by their dates. */
function localDayStart(isoDate: string, plusDays = 0): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(y, m - 1, d + plusDays).toISOString();
}

function filtered(db: Executor, f: AuditFilter) {
  let q = db.selectFrom('auditLog');
  if (f.userId) q = q.where('userId', '=', f.userId);
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.recordId) q = q.where('recordId', '=', f.recordId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.from) q = q.where('at', '>=', localDayStart(f.from));
  if (f.to) q = q.where('at', '<', localDayStart(f.to, 1));
  return q;
}

type RawRow = Omit<AuditRow, 'changes' | 'recordName'> & { changes: string | null };

function parseChanges(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A name written in the entry itself (a deleted record's old title), for records no table still has. */
function nameInChanges(changes: unknown): string | null {
  if (!changes || typeof changes !== 'object' || Array.isArray(changes)) return null;
  for (const key of ['name', 'title', 'fullName', 'numberText']) {
    const v = (changes as Record<string, unknown>)[key];
    const text = Array.isArray(v) ? (v[1] ?? v[0]) : v;
    if (typeof text === 'string' && text) return text;
  }
  return null;
}

async function toRows(db: Executor, raw: RawRow[]): Promise<AuditRow[]> {
  const parsed = raw.map((r) => ({ ...r, changes: parseChanges(r.changes) }));
  const byEntity = new Map<string, Set<string>>();
  const loose = new Set<string>();
  for (const r of parsed) {
    if (r.recordId) byEntity.set(r.entity, (byEntity.get(r.entity) ?? new Set()).add(r.recordId));
    idsIn(r.changes, loose);
  }
  const names = await namesOf(db, byEntity, loose);
  return parsed.map((r) => {
    const refs: Record<string, string> = {};
    for (const id of idsIn(r.changes, new Set())) {
      const name = names.get(id);
      if (name) refs[id] = name;
    }
    const recordName = !r.recordId ? null : r.entity === 'school' && r.recordId === 'main' ? 'Карточка ОО' : (names.get(r.recordId) ?? nameInChanges(r.changes));
    return { ...r, recordName, refs };
  });
}

const COLUMNS = ['id', 'at', 'userId', 'userName', 'transport', 'method', 'entity', 'recordId', 'action', 'changes', 'cause'] as const;

const SHOWN_AS: Record<'userName' | 'action' | 'entity', (v: string) => string> = {
  userName: (v) => v,
  action: (v) => AUDIT_ACTIONS[v] ?? v,
  entity: entityTitle,
};

/**
 * The order of a column as the page shows it: the log keeps codes («update», «pupil») and people see
 * «Изменение», «Обучающийся», so the distinct values are ranked by the shared Russian comparer and
 * the query orders by that rank — the same on SQLite and PostgreSQL, whatever their collations. A
 * user, an action or an object kind is a short list, so the CASE stays small. Empty (the system as the
 * user) ranks last in both directions.
 */
async function rankOf(db: Executor, column: 'userName' | 'action' | 'entity', direction: ListSort['direction']) {
  const values = (await db.selectFrom('auditLog').select(column).distinct().execute()).map((r) => r[column]).filter((v): v is string => Boolean(v));
  const ranked = sortRows(values, SHOWN_AS[column], 'asc', (v) => v);
  const empty = direction === 'asc' ? ranked.length : -1;
  if (ranked.length === 0) return sql<number>`${sql.lit(empty)}`;
  return sql<number>`case ${sql.ref(column)} ${sql.join(
    ranked.map((v, i) => sql`when ${v} then ${sql.lit(i)}`),
    sql` `,
  )} else ${sql.lit(empty)} end`;
}

export async function listAudit(db: Executor, f: AuditFilter, offset: number, limit: number, sort?: ListSort): Promise<{ rows: AuditRow[]; total: number }> {
  const count = await filtered(db, f).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst();
  let q = filtered(db, f).select(COLUMNS);
  // Ties (one user's many entries) keep the log's own order, newest first, so pages never overlap.
  if (sort && sort.column !== 'at') q = q.orderBy(await rankOf(db, sort.column as 'userName' | 'action' | 'entity', sort.direction), sort.direction).orderBy('seq', 'desc');
  else q = q.orderBy('seq', sort?.direction === 'asc' ? 'asc' : 'desc');
  const raw = await q.offset(offset).limit(limit).execute();
  return { rows: await toRows(db, raw), total: Number(count?.n ?? 0) };
}

/** Every matching entry, oldest first, for the Excel export (the log of a school is thousands, not millions). */
export async function allAudit(db: Executor, f: AuditFilter, cap = 100_000): Promise<AuditRow[]> {
  const raw = await filtered(db, f).select(COLUMNS).orderBy('seq', 'asc').limit(cap).execute();
  return toRows(db, raw);
}

export async function recordHistory(db: Executor, entity: string, recordId: string): Promise<AuditRow[]> {
  const raw = await db.selectFrom('auditLog').select(COLUMNS).where('entity', '=', entity).where('recordId', '=', recordId).orderBy('seq', 'asc').execute();
  return toRows(db, raw);
}

export async function auditFacets(db: Executor) {
  const users = await db.selectFrom('auditLog').select(['userId', 'userName']).where('userId', 'is not', null).groupBy(['userId', 'userName']).execute();
  const entities = await db.selectFrom('auditLog').select('entity').groupBy('entity').execute();
  const actions = await db.selectFrom('auditLog').select('action').groupBy('action').execute();
  const byId = new Map<string, string>();
  for (const u of users) if (u.userId) byId.set(u.userId, u.userName ?? u.userId);
  return {
    users: [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'ru')),
    entities: entities.map((e) => e.entity).sort(),
    actions: actions.map((a) => a.action).sort(),
  };
}
