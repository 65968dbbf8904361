import iconv from 'iconv-lite';
import type { ExportCm } from '../../../src-main/core/sync/formats/exportCm';
import { writeExportCm } from '../../../src-main/core/sync/formats/exportCm';
import { writeTimetableExchange, type PushLesson } from '../../../src-main/core/sync/timetable/timetableExchangeFile';
import { demoPortal, exportCmOf } from '../../helpers/portalFiles';

/**
 * ExportCM.nsxml of the generated demo school (one class per grade) with the portal's current week
 * in its `TimeTable` section, as the portal writes it: each class's csg one after another from
 * Monday, five lessons a day in the first shift, the two English groups of a class in one `Lesson`,
 * every class in its own room. Primary classes' teachers are not in the export's teacher list, so
 * their csg get no load on pull — their lessons are the ones that «match nothing».
 */
export interface PortalWeek {
  data: ExportCm;
  lessons: PushLesson[];
  bytes: Buffer;
}

export function portalWeek(mutate?: (lessons: PushLesson[]) => void): PortalWeek {
  const { data } = exportCmOf(demoPortal({ classesPerGrade: 1, classSize: 8 }));
  const lessons: PushLesson[] = [];
  data.classes.forEach((c, ci) => {
    const roomId = data.rooms[ci % data.rooms.length].id;
    const units: string[][] = [];
    const bySid = new Map<string, string[]>();
    for (const g of c.csgs) {
      if (g.groupId) bySid.set(g.sid, [...(bySid.get(g.sid) ?? []), g.id]);
      else for (let h = 0; h < g.hrsweek; h++) units.push([g.id]);
    }
    for (const [sid, ids] of bySid) {
      const hours = c.csgs.find((g) => g.sid === sid)!.hrsweek;
      for (let h = 0; h < hours; h++) units.push(ids);
    }
    units.forEach((ids, k) => {
      for (const csgId of ids) lessons.push({ wd: 2 + Math.floor(k / 5), timeId: String((k % 5) + 1), csgId, roomId });
    });
  });
  mutate?.(lessons);
  return { data, lessons, bytes: withTimetable(data, lessons) };
}

/** The export with its `TimeTable` section (the section exactly as our push writer writes one). */
export function withTimetable(data: ExportCm, lessons: PushLesson[]): Buffer {
  const base = iconv.decode(writeExportCm(data), 'win1251');
  const tt = iconv.decode(writeTimetableExchange([], [{ id: '1', name: 'Текущая неделя', lessons }]), 'win1251');
  const section = tt.slice(tt.indexOf('<TimeTable>'), tt.indexOf('</TimeTableExchange>'));
  return iconv.encode(base.replace('</TimeTableExchange>', `${section}</TimeTableExchange>`), 'win1251');
}

export const lessonKey = (l: PushLesson): string => `${l.wd}|${l.timeId}|${l.csgId}|${l.roomId ?? ''}`;
