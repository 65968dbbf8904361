import type { LoadedVersion } from './versionStore';

/**
 * Russian words for a lesson and a place in a version, shared by the audit of hand changes, the
 * repair diff and the comparison of versions: «Математика (5А)», «Вт, 3 урок, каб. 21».
 */

type Texts = Pick<LoadedVersion, 'grid' | 'labels' | 'lessons'>;

export function slotText(v: Pick<LoadedVersion, 'grid'>, day: number, period: number): string {
  return `${v.grid.days[day]?.short ?? day + 1}, ${v.grid.periods[period]?.label ?? period + 1} урок`;
}

export function lessonText(v: Texts, lessonId: string): string {
  const l = v.lessons.find((x) => x.id === lessonId);
  if (!l) return 'урок';
  return `${v.labels.subjects.find((s) => s.id === l.subjectId)?.name ?? 'урок'} (${l.audiences.map((a) => a.label).join(', ')})`;
}

/** A place with its room, or «не поставлен». */
export function placeText(v: Texts, p: { day: number; period: number; roomId: string | null } | null | undefined, none = 'не поставлен'): string {
  if (!p) return none;
  const room = p.roomId ? v.labels.rooms.find((r) => r.id === p.roomId)?.number : null;
  return `${slotText(v, p.day, p.period)}${room ? `, каб. ${room}` : ''}`;
}
