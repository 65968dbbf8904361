import type { AuditFilter, AuditRow } from '../../../../src-shared/contract/audit';
import { fullName } from '../../../../src-shared/domain/names';
import type { Executor } from '../../foundation/executor';


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

/** Today's names of the records in a page of the log (people change surnames; ids do not). */
async function recordNames(db: Executor, rows: RawRow[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const ids = (entity: string) => [...new Set(rows.filter((r) => r.entity === entity && r.recordId).map((r) => r.recordId as string))];
  const users = ids('appUser');
  if (users.length) {
    for (const u of await db.selectFrom('appUser').select(['id', 'fullName', 'login']).where('id', 'in', users).execute()) {
      out.set(`appUser:${u.id}`, `${u.fullName} (${u.login})`);
    }
  }
  for (const table of ['pupil', 'parent', 'staff'] as const) {
    const list = ids(table);
    if (!list.length) continue;
    for (const p of await db.selectFrom(table).select(['id', 'lastName', 'firstName', 'middleName']).where('id', 'in', list).execute()) {
      out.set(`${table}:${p.id}`, fullName(p));
    }
  }
  for (const r of rows) if (r.entity === 'school' && r.recordId === 'main') out.set('school:main', 'Карточка ОО');
  return out;
}

async function toRows(db: Executor, raw: RawRow[]): Promise<AuditRow[]> {
  const names = await recordNames(db, raw);
  return raw.map((r) => ({
    ...r,
    recordName: r.recordId ? (names.get(`${r.entity}:${r.recordId}`) ?? null) : null,
    changes: parseChanges(r.changes),
  }));
}

const COLUMNS = ['id', 'at', 'userId', 'userName', 'transport', 'method', 'entity', 'recordId', 'action', 'changes', 'cause'] as const;

export async function listAudit(db: Executor, f: AuditFilter, offset: number, limit: number): Promise<{ rows: AuditRow[]; total: number }> {
  const count = await filtered(db, f).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst();
  const raw = await filtered(db, f).select(COLUMNS).orderBy('seq', 'desc').offset(offset).limit(limit).execute();
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
