import type { LessonOut, PlacementOut } from '../../../src-shared/contract/timetableFields';
import type { HandlerContext } from '../foundation/context';
import { refusal, refusalOf, stale } from '../foundation/refusals';
import { nowIso } from '../foundation/clock';
import { deletePlacement, insertPlacements, setLocked } from './repo/lessons';
import { lessonText, slotText } from './placeText';
import { updateVersionIf } from './repo/versions';
import { refreshSummary, writableDraft } from './versionService';
import { loadVersion, type LoadedVersion } from './versionStore';

/**
 * Hand changes of a draft's placements and locks, all or nothing. Hand editing with live checks is
 * issue 16; here a change is checked for what makes it meaningless (an occurrence that does not
 * exist, a slot outside the grid or outside the class's shift, an unknown room, a lock on nothing).
 */

export type Change = { lessonId: string; index: number; day: number | null; period: number | null; roomId: string | null; locked: boolean };

const where = slotText;
const lessonName = lessonText;

/**
 * What makes a change set meaningless or forbidden: an occurrence that does not exist, a slot
 * outside the grid or the class's shift, an unknown room, a lock on nothing, moving a locked
 * lesson, or a lesson put where a locked lesson of the same class or teacher stands. The hand
 * editor asks the same question for every target, so a cell it marks refusable is refused here.
 */
export function checkChanges(v: LoadedVersion, changes: readonly Change[]): string[] {
  const problems: string[] = [];
  problems.push(...lockProblems(v, changes));
  const seen = new Set<string>();
  const rooms = new Set(v.labels.rooms.map((r) => r.id));
  const classes = new Map(v.grid.classes.map((c) => [c.id, c]));
  changes.forEach((c, i) => {
    const row = `строка ${i + 1}`;
    const l = v.lessons.find((x) => x.id === c.lessonId);
    if (!l) return void problems.push(`${row}: такого урока в версии нет`);
    if (c.index >= l.count) return void problems.push(`${row}: у урока «${lessonName(v, l.id)}» только ${l.count} в неделю`);
    const key = `${c.lessonId}:${c.index}`;
    if (seen.has(key)) problems.push(`${row}: урок «${lessonName(v, l.id)}» №${c.index + 1} указан дважды`);
    seen.add(key);
    if ((c.day === null) !== (c.period === null)) return void problems.push(`${row}: укажите и день, и урок (или снимите урок с сетки)`);
    if (c.day === null || c.period === null) {
      if (c.locked) problems.push(`${row}: закрепить можно только поставленный урок`);
      return;
    }
    if (c.day >= v.grid.days.length || c.period + l.duration > v.grid.periods.length) return void problems.push(`${row}: в сетке нет такого дня или урока`);
    for (const a of l.audiences) {
      const k = classes.get(a.classId);
      if (!k) continue;
      for (let q = 0; q < l.duration; q++) {
        const p = c.period + q;
        if (p < k.firstPeriod || p > k.lastPeriod || k.closed.some((s) => s.day === c.day && s.period === p)) {
          problems.push(`${row}: ${where(v, c.day, p)} — вне уроков класса ${k.name} (смена ${k.shift}, звонки)`);
          return;
        }
      }
    }
    if (c.roomId !== null && !rooms.has(c.roomId)) problems.push(`${row}: кабинет не найден`);
  });
  return problems;
}

/** A locked lesson stays where it is; nothing is put where a locked lesson of its class or teacher stands. */
function lockProblems(v: LoadedVersion, changes: readonly Change[]): string[] {
  const out: string[] = [];
  const lessons = new Map(v.lessons.map((l) => [l.id, l]));
  const changed = new Set(changes.map((c) => `${c.lessonId}:${c.index}`));
  const locked = v.placements.filter((p) => p.locked);
  for (const c of changes) {
    const was = locked.find((p) => p.lessonId === c.lessonId && p.index === c.index);
    if (was && (was.day !== c.day || was.period !== c.period)) out.push(`урок «${lessonName(v, c.lessonId)}» закреплён (${where(v, was.day, was.period)}) — сначала снимите закрепление`);
    const l = lessons.get(c.lessonId);
    if (!l || c.day === null || c.period === null) continue;
    // Groups of one split subject (English гр. 1 and гр. 2) share the class but not the pupils.
    const sharesClass = (o: LessonOut) => o.audiences.some((a) => l.audiences.some((b) => b.classId === a.classId && !(o.subjectId === l.subjectId && a.groupNo > 0 && b.groupNo > 0 && a.groupNo !== b.groupNo)));
    for (const p of locked) {
      if (changed.has(`${p.lessonId}:${p.index}`) || p.day !== c.day) continue;
      const o = lessons.get(p.lessonId);
      if (!o || p.lessonId === c.lessonId) continue;
      const overlap = p.period < c.period + l.duration && c.period < p.period + o.duration;
      const shares = sharesClass(o) || o.teacherIds.some((t) => l.teacherIds.includes(t));
      if (overlap && shares) out.push(`${where(v, c.day, c.period)}: здесь закреплённый урок «${lessonName(v, p.lessonId)}»`);
    }
  }
  return out;
}

export async function updatePlacements(ctx: HandlerContext, input: { versionId: string; version: number; changes: Change[] }) {
  const db = ctx.core.db;
  const result = await db.transaction().execute(async (trx) => {
    const row = await writableDraft(trx, input.versionId, input.version);
    const v = await loadVersion(trx, row.id, row);
    const problems = checkChanges(v, input.changes);
    if (problems.length) throw refusalOf(`Расписание «${row.name}»`, problems);
    const before = new Map(v.placements.map((p) => [`${p.lessonId}:${p.index}`, p]));
    const audit: Record<string, [unknown, unknown]> = {};
    const added: PlacementOut[] = [];
    for (const c of input.changes) {
      const was = before.get(`${c.lessonId}:${c.index}`) ?? null;
      await deletePlacement(trx, c.lessonId, c.index);
      const now = c.day === null || c.period === null ? null : { lessonId: c.lessonId, index: c.index, day: c.day, period: c.period, roomId: c.roomId, locked: c.locked };
      if (now) added.push(now);
      const text = (p: PlacementOut | null) => (p ? `${where(v, p.day, p.period)}${p.roomId ? `, каб. ${v.labels.rooms.find((r) => r.id === p.roomId)?.number ?? '?'}` : ''}${p.locked ? ', закреплён' : ''}` : 'не поставлен');
      audit[`${lessonName(v, c.lessonId)} №${c.index + 1}`] = [text(was), text(now)];
    }
    await insertPlacements(trx, row.id, added);
    const after = await loadVersion(trx, row.id, row);
    const summary = await refreshSummary(trx, after);
    if (!(await updateVersionIf(trx, row.id, input.version, { summary: JSON.stringify(summary), updatedAt: nowIso(), updatedBy: ctx.caller.user?.name ?? null }))) {
      throw stale(`Версия расписания «${row.name}»`, Number(row.version));
    }
    await ctx.audit.record(trx, { entity: 'timetablePlacement', recordId: row.id, action: 'update', changes: audit });
    return { version: input.version + 1, summary };
  });
  return result;
}

export async function lockPlacements(ctx: HandlerContext, input: { versionId: string; version: number; items: { lessonId: string; index: number }[]; locked: boolean }) {
  const db = ctx.core.db;
  const result = await db.transaction().execute(async (trx) => {
    const row = await writableDraft(trx, input.versionId, input.version);
    const v = await loadVersion(trx, row.id, row);
    const placed = new Map(v.placements.map((p) => [`${p.lessonId}:${p.index}`, p]));
    const missing = input.items.filter((i) => !placed.has(`${i.lessonId}:${i.index}`));
    if (missing.length) throw refusalOf(`Закрепление уроков «${row.name}»`, missing.map((m) => `урок «${lessonName(v, m.lessonId)}» №${m.index + 1} не поставлен — закрепить можно только поставленный урок`));
    let changed = 0;
    for (const i of input.items) changed += await setLocked(trx, i.lessonId, i.index, input.locked);
    if (changed === 0) throw refusal(input.locked ? 'Выбранные уроки уже закреплены' : 'Выбранные уроки не закреплены');
    if (!(await updateVersionIf(trx, row.id, input.version, { updatedAt: nowIso(), updatedBy: ctx.caller.user?.name ?? null }))) throw stale(`Версия расписания «${row.name}»`, Number(row.version));
    await ctx.audit.record(trx, {
      entity: 'timetablePlacement',
      recordId: row.id,
      action: input.locked ? 'lock' : 'unlock',
      changes: { lessons: input.items.map((i) => `${lessonName(v, i.lessonId)} №${i.index + 1}`), locked: input.locked },
    });
    return { version: input.version + 1, changed };
  });
  return result;
}
