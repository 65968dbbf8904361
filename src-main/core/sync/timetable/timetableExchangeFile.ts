import { encodeCp1251 } from '../formats/decode';
import type { CmLessonTime } from '../formats/exportCm';

/**
 * The portal's timetable import file (`TimeTableExchange`, `formats/netschool.md` §2.1): windows-1251,
 * CRLF, the elements in the order of the portal's own export — `LessonTimes` (the portal's bell ids
 * the lessons refer to), then `TimeTable/Week/Day[@wd]/Lesson[@timeId]/csg[@id, @roomid]`. `wd` is
 * VBScript's weekday (2 = Monday … 7 = Saturday). A two-week pattern is two `Week` elements.
 */

export interface PushLesson {
  wd: number;
  timeId: string;
  csgId: string;
  roomId: string | null;
}

export interface PushWeek {
  id: string;
  name: string;
  lessons: PushLesson[];
}

const DAY_NAMES = ['', 'Воскресенье', 'Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота'];

function esc(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attrs(a: Record<string, string | number | null>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => ` ${k}="${esc(String(v))}"`)
    .join('');
}

export function writeTimetableExchange(lessonTimes: readonly CmLessonTime[], weeks: readonly PushWeek[]): Buffer {
  const out = ['<?xml version="1.0" encoding="windows-1251"?>', '<TimeTableExchange xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="TimeTableWeek.xsd">', '<LessonTimes>'];
  for (const t of lessonTimes) out.push(`<LessonTime${attrs({ id: t.id, starttime: t.start, endtime: t.end, sm: t.shift, number: t.number })}/>`);
  out.push('</LessonTimes>', '<TimeTable>');
  for (const w of weeks) {
    out.push(`<Week${attrs({ id: w.id, name: w.name })}>`);
    const days = [...new Set(w.lessons.map((l) => l.wd))].sort((a, b) => a - b);
    for (const wd of days) {
      out.push(`<Day${attrs({ id: String(wd - 1), name: DAY_NAMES[wd] ?? String(wd), wd })}>`);
      const ofDay = w.lessons.filter((l) => l.wd === wd);
      const times = [...new Set(ofDay.map((l) => l.timeId))].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
      for (const timeId of times) {
        out.push(`<Lesson${attrs({ timeId })}>`);
        const at = ofDay.filter((l) => l.timeId === timeId).sort((a, b) => a.csgId.localeCompare(b.csgId));
        for (const l of at) out.push(`<csg${attrs({ id: l.csgId, roomid: l.roomId })}/>`);
        out.push('</Lesson>');
      }
      out.push('</Day>');
    }
    out.push('</Week>');
  }
  out.push('</TimeTable>', '</TimeTableExchange>');
  return encodeCp1251(out.join('\r\n') + '\r\n');
}

