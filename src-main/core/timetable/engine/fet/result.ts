import { XMLParser } from 'fast-xml-parser';
import type { Placement, Timetable, TimetableInstance, UnitRef } from '../model';

export interface FetResultImport {
  timetable: Timetable;
  /** Russian descriptions of entries that could not be mapped. */
  problems: string[];
}

/**
 * Reads FET's NAME_activities.xml. `unitOf` maps a FET activity id to our lesson occurrence; for
 * instances exported by exportFet that is activityIds, for imported .fet files the lesson id.
 */
export function importFetActivities(
  xml: string,
  inst: TimetableInstance,
  unitOf: (activityId: number) => UnitRef | null,
): FetResultImport {
  const parser = new XMLParser({ isArray: (name) => name === 'Activity', parseTagValue: false, trimValues: true });
  const doc = parser.parse(xml.replace(/^\uFEFF/, '')) as {
    Activities_Timetable?: { Activity?: { Id?: string; Day?: string; Hour?: string; Room?: string }[] };
  };
  const dayIdx = new Map(inst.days.map((d, i) => [d, i] as const));
  const hourIdx = new Map(inst.periods.map((h, i) => [h, i] as const));
  const roomIdByName = new Map(inst.rooms.map((r) => [r.name, r.id] as const));
  const problems: string[] = [];
  const placements: Placement[] = [];
  for (const a of doc.Activities_Timetable?.Activity ?? []) {
    const id = Number(a.Id);
    const ref = unitOf(id);
    if (!ref) {
      problems.push(`Занятие FET №${a.Id}: нет такого урока`);
      continue;
    }
    if (!a.Day || !a.Hour) continue; // not placed (partial timetables)
    const day = dayIdx.get(String(a.Day));
    const period = hourIdx.get(String(a.Hour));
    if (day === undefined || period === undefined) {
      problems.push(`Занятие FET №${a.Id}: неизвестный день «${a.Day}» или урок «${a.Hour}»`);
      continue;
    }
    const roomName = a.Room ? String(a.Room) : '';
    const roomId = roomName ? roomIdByName.get(roomName) ?? null : null;
    if (roomName && roomId === null) problems.push(`Занятие FET №${a.Id}: неизвестный кабинет «${roomName}»`);
    placements.push({ ...ref, day, period, roomId });
  }
  return { timetable: { placements }, problems };
}

/** Maps FET activity ids of an exportFet() file back to lesson occurrences. */
export function exportedUnitOf(inst: TimetableInstance): (activityId: number) => UnitRef | null {
  const refs: UnitRef[] = [];
  for (const l of inst.lessons) for (let k = 0; k < l.count; k++) refs.push({ lessonId: l.id, index: k });
  return (id) => refs[id - 1] ?? null;
}

/** Total of the "Gaps" column of FET's NAME_teachers_statistics.html (the "Sum" row). */
export function fetTeacherGapsTotal(html: string): number | null {
  const text = html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
  // Header: "All teachers Hours per week Free days Gaps ..." then "Sum <hours> <free days> <gaps>".
  const m = /Sum (\d+) (\d+) (\d+)/.exec(text);
  return m ? Number(m[3]) : null;
}
