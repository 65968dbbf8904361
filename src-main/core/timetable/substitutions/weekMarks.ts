import { SUB_KIND_LABEL, type WeekMark } from '../../../../src-shared/contract/timetableSubs';
import type { Executor } from '../../foundation/executor';
import { isoWeekday, loadDay, newDayCache } from './dayModel';
import { namesOf } from './dayView';
import { lessonLabel } from './options';

/**
 * The substitutions of one week laid over a version's week view and printout: for every lesson of
 * an absent teacher on a date of that week (the version being the one in force), what was decided —
 * another teacher, merged groups, moved, cancelled — or that nothing was yet.
 */

const addDays = (iso: string, n: number): string => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

export async function weekMarks(db: Executor, versionId: string, date: string): Promise<{ from: string; to: string; marks: WeekMark[] }> {
  const from = addDays(date, 1 - isoWeekday(date));
  const to = addDays(from, 6);
  const cache = newDayCache();
  const marks: WeekMark[] = [];
  const days = [];
  for (let i = 0; i < 7; i++) days.push(await loadDay(db, addDays(from, i), cache));
  const ids = days.flatMap((d) => [...d.absences.map((a) => a.staffId), ...d.subs.flatMap((s) => (s.substituteId ? [s.substituteId] : []))]);
  const names = await namesOf(db, ids);
  for (const day of days) {
    const v = day.version;
    if (!v || v.row.id !== versionId) continue;
    for (const a of day.affected) {
      const s = day.subs.find((x) => x.lessonId === a.lesson.id && Number(x.occurrence) === a.placement.index);
      const who = s?.substituteId ? (names.get(s.substituteId) ?? '—') : null;
      const absent = names.get(a.absentId) ?? '—';
      const kind = (s?.kind ?? 'none') as WeekMark['kind'];
      const room = (id: string | null | undefined) => v.labels.rooms.find((r) => r.id === id)?.number ?? '—';
      // A closed room's move is taught by the lesson's own teacher: no name to add.
      const by = who && a.cause === 'teacher' ? `, ${who}` : '';
      const inRoom = s?.toRoomId ? `, кабинет ${room(s.toRoomId)}` : '';
      const text =
        kind === 'none'
          ? a.cause === 'room'
            ? `кабинет ${room(a.placement.roomId)} закрыт, замена не назначена`
            : `${absent} отсутствует, замена не назначена`
          : kind === 'move'
            ? `перенос на ${lessonLabel(v, a.lesson.audiences[0]?.classId, Number(s!.toPeriod))} урок${by}${inRoom}`
            : kind === 'room'
              ? `${SUB_KIND_LABEL.room} ${room(s!.toRoomId)}`
              : kind === 'cancel'
                ? SUB_KIND_LABEL.cancel
                : `${SUB_KIND_LABEL[kind]}: ${who ?? ''}${inRoom}`;
      marks.push({ lessonId: a.lesson.id, index: a.placement.index, day: a.placement.day, date: day.date, kind, text, absentId: a.absentId, substituteId: a.cause === 'teacher' ? (s?.substituteId ?? null) : null, cause: a.cause, toRoomId: s?.toRoomId ?? null });
    }
  }
  return { from, to, marks };
}
