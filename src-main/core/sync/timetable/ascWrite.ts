import type { LoadedVersion } from '../../timetable/index';

/**
 * A version as aSc Timetables 2012 XML (`formats/netschool.md` §2.2), UTF-8, for a school that
 * keeps working in aSc: every teacher, subject, class and room with `name` and `short`; `columns`
 * listing exactly the attributes written; a group per split subject with its class's `divisiontag`
 * (groups of one division are alternatives) and the whole class as an `entireclass` group; one
 * lesson per lesson of the version (several classes for a joint lesson); one card per placed period
 * (a double lesson is two cards in consecutive periods, as real aSc exports write it). Ids are our
 * own record ids with a prefix, so a file read back resolves every id and our importer matches by
 * name anyway (aSc ids are not stable across exports).
 */

function esc(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function section(name: string, item: string, columns: readonly string[], rows: Record<string, string | number>[]): string[] {
  const out = [`  <${name} options="canadd,export:silent" columns="${columns.join(',')}">`];
  for (const r of rows) out.push(`    <${item}${columns.map((c) => ` ${c}="${esc(String(r[c] ?? ''))}"`).join('')}/>`);
  out.push(`  </${name}>`);
  return out;
}

const DAY_NAMES = ['Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота', 'Воскресенье'];
const DAY_SHORT = ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'];

function mask(length: number, day: number): string {
  return Array.from({ length }, (_, i) => (i === day ? '1' : '0')).join('');
}

/** Splits «Иванова Анна Петровна» into aSc's lastname and firstname. */
function nameParts(fullName: string): { lastname: string; firstname: string } {
  const [last, ...rest] = fullName.trim().split(/\s+/);
  return { lastname: last ?? fullName, firstname: rest.join(' ') };
}

export function writeAsc(v: LoadedVersion, schoolName: string): Buffer {
  const { grid, labels, lessons, placements } = v;
  const D = grid.days.length;
  const id = (kind: string, x: string) => `*${kind}${x}`;
  const periods = grid.periods.map((p) => {
    // The period's time from the first shift that has it on Monday (the axis is aligned by the clock).
    let start = '';
    let end = '';
    for (const b of p.byShift) {
      const bells = grid.bells.find((x) => x.shift === b.shift && x.weekday === 1) ?? grid.bells.find((x) => x.shift === b.shift);
      const l = bells?.lessons.find((x) => x.number === b.number);
      if (l) {
        start = l.start;
        end = l.end;
        break;
      }
    }
    return { period: p.index + 1, name: p.label, short: p.label, starttime: start, endtime: end };
  });
  const usedTeachers = new Set(lessons.flatMap((l) => l.teacherIds));
  const usedRooms = new Set(placements.map((p) => p.roomId).filter((r): r is string => r !== null));
  const usedSubjects = new Set(lessons.map((l) => l.subjectId));
  // Groups: the whole class, and per class a division (divisiontag) for each split subject.
  const groups: Record<string, string | number>[] = [];
  const groupId = new Map<string, string>();
  const divisionOf = new Map<string, number>();
  for (const c of grid.classes) {
    const gid = id('G', `${c.id}_0`);
    groupId.set(`${c.id}|0`, gid);
    groups.push({ id: gid, classid: id('C', c.id), name: 'Весь класс', entireclass: 1, divisiontag: 0, studentcount: c.size ?? '' });
  }
  for (const l of lessons) {
    for (const a of l.audiences) {
      if (a.groupNo === 0 || groupId.has(`${a.classId}|${l.subjectId}|${a.groupNo}`)) continue;
      const dk = `${a.classId}|${l.subjectId}`;
      if (!divisionOf.has(dk)) divisionOf.set(dk, [...divisionOf.keys()].filter((k) => k.startsWith(`${a.classId}|`)).length + 1);
      const gid = id('G', `${a.classId}_${l.subjectId}_${a.groupNo}`);
      groupId.set(`${a.classId}|${l.subjectId}|${a.groupNo}`, gid);
      const subject = labels.subjects.find((s) => s.id === l.subjectId);
      groups.push({ id: gid, classid: id('C', a.classId), name: `${subject?.shortName || subject?.name || ''} гр. ${a.groupNo}`.trim(), entireclass: 0, divisiontag: divisionOf.get(dk)!, studentcount: '' });
    }
  }
  const placed = new Map<string, typeof placements>();
  for (const p of placements) placed.set(p.lessonId, [...(placed.get(p.lessonId) ?? []), p]);
  const cards: Record<string, string | number>[] = [];
  const lessonRows = lessons.map((l) => {
    const rooms = [...new Set((placed.get(l.id) ?? []).map((p) => p.roomId).filter((r): r is string => r !== null))];
    for (const p of placed.get(l.id) ?? []) {
      for (let k = 0; k < l.duration; k++) cards.push({ lessonid: id('L', l.id), period: p.period + k + 1, days: mask(D, p.day), weeks: '1', terms: '1', classroomids: p.roomId ? id('R', p.roomId) : '' });
    }
    return {
      id: id('L', l.id),
      classids: [...new Set(l.audiences.map((a) => id('C', a.classId)))].join(','),
      subjectid: id('S', l.subjectId),
      periodspercard: l.duration,
      periodsperweek: `${l.count * l.duration}.0`,
      teacherids: l.teacherIds.map((t) => id('T', t)).join(','),
      classroomids: rooms.map((r) => id('R', r)).join(','),
      groupids: l.audiences.map((a) => groupId.get(a.groupNo === 0 ? `${a.classId}|0` : `${a.classId}|${l.subjectId}|${a.groupNo}`)!).join(','),
      capacity: '*',
      seminargroup: '',
      termsdefid: '*1',
      weeksdefid: '*1',
      daysdefid: '*1',
      partner_id: '',
    };
  });
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<timetable ascttversion="2012" importtype="database" options="idprefix:SO,daynumbering1,groupstype1" defaultexport="1" displayname="${esc(schoolName)}" displaycountries="ru">`,
    ...section('periods', 'period', ['period', 'name', 'short', 'starttime', 'endtime'], periods),
    ...section('daysdefs', 'daysdef', ['id', 'name', 'short', 'days'], [
      { id: '*1', name: 'Любой день', short: 'Л', days: grid.days.map((_, i) => mask(D, i)).join(',') },
      ...grid.days.map((d, i) => ({ id: `*${i + 2}`, name: DAY_NAMES[d.weekday - 1] ?? d.name, short: DAY_SHORT[d.weekday - 1] ?? d.short, days: mask(D, i) })),
    ]),
    ...section('weeksdefs', 'weeksdef', ['id', 'name', 'short', 'weeks'], [{ id: '*1', name: 'Все недели', short: 'Все', weeks: '1' }]),
    ...section('termsdefs', 'termsdef', ['id', 'name', 'short', 'terms'], [{ id: '*1', name: 'Весь год', short: 'Год', terms: '1' }]),
    ...section('subjects', 'subject', ['id', 'name', 'short', 'partner_id'], labels.subjects.filter((s) => usedSubjects.has(s.id)).map((s) => ({ id: id('S', s.id), name: s.name, short: s.shortName || s.name, partner_id: '' }))),
    ...section(
      'teachers',
      'teacher',
      ['id', 'firstname', 'lastname', 'name', 'short', 'gender', 'color', 'email', 'mobile', 'partner_id'],
      labels.teachers.filter((t) => usedTeachers.has(t.id)).map((t) => ({ id: id('T', t.id), ...nameParts(t.fullName), name: t.fullName, short: t.shortName || t.fullName, gender: '', color: '', email: '', mobile: '', partner_id: '' })),
    ),
    ...section('classrooms', 'classroom', ['id', 'name', 'short', 'capacity', 'buildingid', 'partner_id'], labels.rooms.filter((r) => usedRooms.has(r.id)).map((r) => ({ id: id('R', r.id), name: r.name || r.number, short: r.number, capacity: r.capacity ?? '*', buildingid: '', partner_id: '' }))),
    ...section('classes', 'class', ['id', 'name', 'short', 'teacherid', 'classroomids', 'grade', 'partner_id'], grid.classes.map((c) => ({ id: id('C', c.id), name: c.name, short: c.name, teacherid: c.classTeacherId && usedTeachers.has(c.classTeacherId) ? id('T', c.classTeacherId) : '', classroomids: c.homeRoomId && usedRooms.has(c.homeRoomId) ? id('R', c.homeRoomId) : '', grade: c.grade, partner_id: '' }))),
    ...section('groups', 'group', ['id', 'classid', 'name', 'entireclass', 'divisiontag', 'studentcount'], groups),
    ...section('lessons', 'lesson', ['id', 'classids', 'subjectid', 'periodspercard', 'periodsperweek', 'teacherids', 'classroomids', 'groupids', 'capacity', 'seminargroup', 'termsdefid', 'weeksdefid', 'daysdefid', 'partner_id'], lessonRows),
    ...section('cards', 'card', ['lessonid', 'period', 'days', 'weeks', 'terms', 'classroomids'], cards),
    '</timetable>',
  ];
  return Buffer.from(out.join('\r\n') + '\r\n', 'utf8');
}
