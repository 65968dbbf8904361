import { sql } from 'kysely';
import { fullName } from '../../../../src-shared/domain/names';
import type { Executor } from '../../foundation/executor';

/** Ids in the log are UUIDs; a person reads names (issue 24 item 5). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Tables whose rows the log names, with the column(s) a person knows a row by. Entities in the log
 * are named after these tables (`schoolClass`, `movementOrder`…); a few use a shorter word.
 */
const NAMED: Record<string, { table: string; columns: string[]; name: (r: Record<string, unknown>) => string }> = {
  schoolClass: { table: 'schoolClass', columns: ['name'], name: (r) => `${r.name} класс` },
  subject: { table: 'subject', columns: ['name'], name: (r) => String(r.name) },
  subjectArea: { table: 'subjectArea', columns: ['name'], name: (r) => String(r.name) },
  room: { table: 'room', columns: ['number', 'name'], name: (r) => `кабинет ${r.number}${r.name ? ` (${r.name})` : ''}` },
  roomType: { table: 'roomType', columns: ['name'], name: (r) => String(r.name) },
  academicYear: { table: 'academicYear', columns: ['name'], name: (r) => `${r.name} учебный год` },
  studyPeriodScheme: { table: 'studyPeriodScheme', columns: ['name'], name: (r) => String(r.name) },
  calendarEntry: { table: 'calendarEntry', columns: ['name'], name: (r) => String(r.name) },
  schoolEvent: { table: 'schoolEvent', columns: ['title'], name: (r) => String(r.title) },
  bellSchedule: { table: 'bellSchedule', columns: ['name'], name: (r) => String(r.name) },
  subgroup: { table: 'subgroup', columns: ['name'], name: (r) => String(r.name) },
  jointGroup: { table: 'jointGroup', columns: ['name'], name: (r) => String(r.name) },
  timetableVersion: { table: 'timetableVersion', columns: ['name'], name: (r) => `расписание «${r.name}»` },
  movementOrder: { table: 'movementOrder', columns: ['numberText', 'orderDate', 'title'], name: (r) => `приказ ${r.numberText ? `№ ${r.numberText} ` : ''}от ${String(r.orderDate).split('-').reverse().join('.')} «${r.title}»` },
  portalExchange: { table: 'portalExchange', columns: ['title'], name: (r) => String(r.title) },
  reportDefinition: { table: 'reportDefinition', columns: ['name'], name: (r) => `отчёт «${r.name}»` },
};
/** Log entities that are other words for a named table. */
const ALIAS: Record<string, string> = { class: 'schoolClass', order: 'movementOrder', report: 'reportDefinition' };
const PEOPLE = ['pupil', 'parent', 'staff'] as const;

/** `in (…)` lists of at most this many ids: a whole-log export must stay under SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;
function chunks(list: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/** Every UUID inside a logged value (the diff of an edit, the details of an export). */
export function idsIn(value: unknown, out: Set<string>): Set<string> {
  if (typeof value === 'string') {
    if (UUID.test(value)) out.add(value);
  } else if (Array.isArray(value)) for (const v of value) idsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) idsIn(v, out);
  return out;
}

/**
 * Today's names of records by id (people change surnames; ids do not). `byEntity` names the
 * records rows are about; `loose` ids (found inside diffs) are looked for in every named table —
 * ids are UUIDs, unique across tables.
 */
export async function namesOf(db: Executor, byEntity: Map<string, Set<string>>, loose: Set<string>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const wanted = (entity: string) => [...new Set([...(byEntity.get(entity) ?? []), ...loose])];
  const users = wanted('appUser');
  for (const part of chunks(users)) {
    for (const u of await db.selectFrom('appUser').select(['id', 'fullName', 'login']).where('id', 'in', part).execute()) out.set(u.id, `${u.fullName} (${u.login})`);
  }
  for (const table of PEOPLE) {
    const list = [...new Set([...(byEntity.get(table) ?? []), ...(byEntity.get('person') ?? []), ...loose])].filter((id) => !out.has(id));
    for (const part of chunks(list)) {
      for (const p of await db.selectFrom(table).select(['id', 'lastName', 'firstName', 'middleName']).where('id', 'in', part).execute()) out.set(p.id, fullName(p));
    }
  }
  for (const [entity, spec] of Object.entries(NAMED)) {
    const aliases = Object.entries(ALIAS).filter(([, to]) => to === entity).map(([from]) => from);
    const list = [...new Set([...wanted(entity), ...aliases.flatMap((a) => [...(byEntity.get(a) ?? [])])])].filter((id) => !out.has(id));
    for (const part of chunks(list)) {
      // The table and columns come from the constant above, never from input.
      const rows = (await db
        .selectFrom(sql.table(spec.table).as('t'))
        .select([sql.ref('t.id').as('id'), ...spec.columns.map((c) => sql.ref(`t.${c}`).as(c))])
        .where(sql.ref('t.id'), 'in', part)
        .execute()) as Record<string, unknown>[];
      for (const r of rows) out.set(String(r.id), spec.name(r));
    }
  }
  return out;
}
