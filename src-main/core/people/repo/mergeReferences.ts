import { sql } from 'kysely';
import { plural } from '../../../../src-shared/domain/plural';
import type { PersonKind } from '../../../../src-shared/domain/personRules';
import type { Executor } from '../../foundation/executor';


/**
 * Everything that points at a card, moved to the card it is merged into. Links that would become
 * duplicates (both cards linked to the same parent) are dropped; the portal account that went
 * further (handed over beats created beats to-create) is kept. A table added later that refers to
 * people must be listed here; until it is, the merge refuses (the final delete fails on its foreign
 * key) rather than lose data.
 */
interface Ref {
  table: string;
  column: string;
  what: readonly [string, string, string];
}

const REFS: Record<PersonKind, readonly Ref[]> = {
  pupil: [
    { table: 'class_membership', column: 'pupil_id', what: ['запись о классе', 'записи о классах', 'записей о классах'] },
    { table: 'subgroup_member', column: 'pupil_id', what: ['запись о подгруппе', 'записи о подгруппах', 'записей о подгруппах'] },
    { table: 'movement_order_item', column: 'pupil_id', what: ['пункт приказа', 'пункта приказов', 'пунктов приказов'] },
    { table: 'alphabet_book_entry', column: 'pupil_id', what: ['запись алфавитной книги', 'записи алфавитной книги', 'записей алфавитной книги'] },
  ],
  parent: [],
  staff: [
    { table: 'school_class', column: 'class_teacher_id', what: ['классное руководство', 'классных руководства', 'классных руководств'] },
    { table: 'app_user', column: 'staff_id', what: ['пользователь программы', 'пользователя программы', 'пользователей программы'] },
    { table: 'school_event', column: 'responsible_staff_id', what: ['мероприятие', 'мероприятия', 'мероприятий'] },
    { table: 'teaching_assignment', column: 'staff_id', what: ['строка нагрузки', 'строки нагрузки', 'строк нагрузки'] },
    { table: 'timetable_lesson_teacher', column: 'staff_id', what: ['урок в расписании', 'урока в расписании', 'уроков в расписании'] },
    { table: 'timetable_teacher_availability', column: 'staff_id', what: ['запись о недоступности', 'записи о недоступности', 'записей о недоступности'] },
  ],
};

const STATUS_RANK: Record<string, number> = { toCreate: 0, sentToPortal: 1, created: 2, handedOver: 3 };

async function count(db: Executor, table: string, column: string, id: string): Promise<number> {
  const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(column)} = ${id}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** Moves (or, with `dryRun`, only describes) the references of `removeId` to `keepId`. */
export async function moveReferences(db: Executor, kind: PersonKind, keepId: string, removeId: string, opts: { dryRun: boolean }): Promise<string[]> {
  const out: string[] = [];
  for (const ref of REFS[kind]) {
    const n = await count(db, ref.table, ref.column, removeId);
    if (n === 0) continue;
    out.push(plural(n, ref.what));
    if (!opts.dryRun) await sql`update ${sql.table(ref.table)} set ${sql.ref(ref.column)} = ${keepId} where ${sql.ref(ref.column)} = ${removeId}`.execute(db);
  }

  if (kind === 'pupil' || kind === 'parent') {
    const mine = kind === 'pupil' ? 'pupilId' : 'parentId';
    const other = kind === 'pupil' ? 'parentId' : 'pupilId';
    const links = await db.selectFrom('pupilParent').selectAll().where(mine, '=', removeId).execute();
    const kept = new Set((await db.selectFrom('pupilParent').select(other).where(mine, '=', keepId).execute()).map((r) => r[other]));
    const movable = links.filter((l) => !kept.has(l[other]));
    if (movable.length > 0) out.push(plural(movable.length, kind === 'pupil' ? ['связь с родителем', 'связи с родителями', 'связей с родителями'] : ['связь с ребёнком', 'связи с детьми', 'связей с детьми']));
    if (!opts.dryRun) {
      for (const l of movable) await db.updateTable('pupilParent').set({ [mine]: keepId }).where('pupilId', '=', l.pupilId).where('parentId', '=', l.parentId).execute();
      // Links both cards had stay once, on the main card; the rest go with the deleted card.
      await db.deleteFrom('pupilParent').where(mine, '=', removeId).execute();
    }
  }

  if (kind === 'staff') {
    // The subjects a teacher may teach: a union (the table's key forbids a subject twice); its
    // foreign key cascades, so rows left on the removed card would vanish with it.
    const theirs = await db.selectFrom('staffSubject').select('subjectId').where('staffId', '=', removeId).execute();
    const ours = new Set((await db.selectFrom('staffSubject').select('subjectId').where('staffId', '=', keepId).execute()).map((r) => r.subjectId));
    const movable = theirs.filter((r) => !ours.has(r.subjectId));
    if (movable.length > 0) out.push(plural(movable.length, ['преподаваемый предмет', 'преподаваемых предмета', 'преподаваемых предметов']));
    if (!opts.dryRun) {
      for (const r of movable) await db.updateTable('staffSubject').set({ staffId: keepId }).where('staffId', '=', removeId).where('subjectId', '=', r.subjectId).execute();
      await db.deleteFrom('staffSubject').where('staffId', '=', removeId).execute();
    }
  }

  const accounts = await db.selectFrom('portalAccount').selectAll().where('personKind', '=', kind).where('personId', 'in', [keepId, removeId]).execute();
  const theirs = accounts.find((a) => a.personId === removeId);
  if (theirs) {
    const ours = accounts.find((a) => a.personId === keepId);
    const takeTheirs = !ours || STATUS_RANK[theirs.status] > STATUS_RANK[ours.status];
    if (takeTheirs) out.push('учётная запись портала');
    if (!opts.dryRun) {
      if (takeTheirs) {
        if (ours) await db.deleteFrom('portalAccount').where('id', '=', ours.id).execute();
        await db.updateTable('portalAccount').set({ personId: keepId }).where('id', '=', theirs.id).execute();
      } else {
        await db.deleteFrom('portalAccount').where('id', '=', theirs.id).execute();
      }
    }
  }
  return out;
}

/** Writes the kept card's merged columns (the caller computes them and raises the version). */
export async function writeMergedCard(db: Executor, table: 'pupil' | 'parent' | 'staff', id: string, columns: Record<string, unknown>): Promise<void> {
  await db.updateTable(table).set(columns as never).where('id', '=', id).execute();
}

/** A removed staff card's own lists (the merged lists are written to the kept card). */
export async function deleteStaffLists(db: Executor, staffId: string): Promise<void> {
  await db.deleteFrom('staffPosition').where('staffId', '=', staffId).execute();
  await db.deleteFrom('staffEducation').where('staffId', '=', staffId).execute();
  await db.deleteFrom('staffFamilyMember').where('staffId', '=', staffId).execute();
  await db.deleteFrom('staffTraining').where('staffId', '=', staffId).execute();
}

export async function deleteCardRow(db: Executor, table: 'pupil' | 'parent' | 'staff', id: string): Promise<void> {
  await db.deleteFrom(table).where('id', '=', id).execute();
}

export async function recordMerge(db: Executor, m: { id: string; kind: string; keptId: string; removedId: string; removedName: string; at: string; userName: string | null }): Promise<void> {
  await db.insertInto('personMerge').values(m).execute();
}
