import type { ExplanationItem, LessonOut, TimetableOptions } from '../../../src-shared/contract/timetableFields';
import { newId } from '../../../src-shared/domain/ids';
import { compareRu } from '../../../src-shared/domain/names';
import { FIRST_SHIFT_GRADES, ministryLessonOf } from '../../../src-shared/domain/timetable/rules';
import { DOUBLES_ALL } from '../../../src-shared/domain/curriculum/parts';
import type { PlannedLesson } from '../curriculum/index';
import { buildGrid } from './grid';
import { item, links } from './links';
import { pickRooms } from './rooms';
import type { SchoolData } from './repo/schoolData';
import type { ClassSnapshot, GridSnapshot, LabelSnapshot } from './snapshot';

/**
 * The school's plan and load as a version's lessons: one lesson per class × subject × group (a
 * joint lesson of several classes is one lesson with several audiences), split into double and
 * single lessons as the plan asks, with teachers, candidate rooms, parallel keys for the groups of
 * a split subject and the ministry lessons pinned. Everything that cannot become a lesson is an
 * explanation item with a link to the screen where it is fixed.
 */

export interface BuildPeriod {
  studyPeriodId: string | null;
  name: string;
  start: string | null;
  end: string | null;
}

export interface BuiltSnapshot {
  grid: GridSnapshot;
  labels: LabelSnapshot;
  lessons: LessonOut[];
  items: ExplanationItem[];
}

const fmtHours = (h: number): string => String(h).replace('.', ',');

/** Index of the grade's study period the version is for: the one holding its start, else the most overlapping. */
export function periodIndex(periods: PlannedLesson['periods'], start: string | null, end: string | null): number {
  if (periods.length === 0 || start === null) return 0;
  const at = periods.findIndex((p) => p.startDate <= start && start <= p.endDate);
  if (at >= 0) return at;
  const e = end ?? start;
  let best = 0;
  let bestDays = -1;
  periods.forEach((p, i) => {
    const from = p.startDate > start ? p.startDate : start;
    const to = p.endDate < e ? p.endDate : e;
    const days = to >= from ? Date.parse(to) - Date.parse(from) : -1;
    if (days > bestDays) {
      bestDays = days;
      best = i;
    }
  });
  return best;
}

interface Source {
  rows: PlannedLesson[];
  kind: LessonOut['kind'];
  jointId: string | null;
  jointName: string | null;
}

export function buildSnapshot(data: SchoolData, options: TimetableOptions, period: BuildPeriod): BuiltSnapshot {
  const yearId = data.year.id;
  const { grid, items } = buildGrid(data.classes, data.bells, yearId);
  const classById = new Map(grid.classes.map((c) => [c.id, c]));
  const subjectById = new Map(data.subjects.map((s) => [s.id, s]));
  const extra = new Set(options.extracurricularSubjectIds);

  // Which planned rows become lessons, and of what kind.
  const chosen: { row: PlannedLesson; kind: LessonOut['kind'] }[] = [];
  for (const row of data.planned) {
    const ministry = ministryLessonOf(row.subjectName);
    if (ministry && options.rules[ministry.rule] && ministry.grades.includes(row.grade)) chosen.push({ row, kind: 'ministry' });
    else if (row.classroom) chosen.push({ row, kind: 'classroom' });
    else if (extra.has(row.subjectId)) chosen.push({ row, kind: 'extracurricular' });
  }

  // Joint lessons gather their members' rows into one source.
  const sources: Source[] = [];
  const inJoint = new Set<PlannedLesson>();
  for (const j of data.joints) {
    const rows = j.members.map((m) => chosen.find((c) => c.kind === 'classroom' && c.row.classId === m.classId && c.row.subjectId === j.subjectId && c.row.groupNo === m.groupNo)?.row);
    const present = rows.filter((r): r is PlannedLesson => Boolean(r));
    const problems: string[] = [];
    if (present.length < j.members.length) problems.push('в учебном плане части классов нет этого предмета');
    if (new Set(present.map((r) => JSON.stringify(r.hoursByPeriod))).size > 1) problems.push('у классов разное число часов');
    if (new Set(present.map((r) => r.teacherId ?? '')).size > 1) problems.push('у классов разные учителя в нагрузке');
    if (problems.length) {
      items.push(item('error', 'jointMismatch', `Объединённое занятие «${j.name}»: ${problems.join('; ')}.`, links.joints(yearId, j.id), { classIds: j.members.map((m) => m.classId), subjectIds: [j.subjectId] }));
      continue;
    }
    for (const r of present) inJoint.add(r);
    sources.push({ rows: present, kind: 'classroom', jointId: j.id, jointName: j.name });
  }
  for (const c of chosen) if (!inJoint.has(c.row)) sources.push({ rows: [c.row], kind: c.kind, jointId: null, jointName: null });

  // Divisions of every class: one per split subject, groups 1…n.
  for (const c of chosen) {
    const r = c.row;
    if (r.groupCount < 2) continue;
    const cls = classById.get(r.classId);
    if (!cls) continue;
    let div = cls.divisions.find((d) => d.subjectId === r.subjectId);
    if (!div) {
      div = { subjectId: r.subjectId, subjectName: r.subjectName, groups: Array.from({ length: r.groupCount }, (_, i) => ({ groupNo: i + 1, name: `гр. ${i + 1}`, subgroupId: null, size: null })) };
      cls.divisions.push(div);
    }
    const g = div.groups[r.groupNo - 1];
    if (g && r.subgroupId) {
      g.subgroupId = r.subgroupId;
      g.size = data.subgroupSizes.get(r.subgroupId) ?? null;
    }
  }
  for (const c of grid.classes) c.divisions.sort((a, b) => compareRu(a.subjectName, b.subjectName));

  const lessons: LessonOut[] = [];
  const groupLabel = (cls: ClassSnapshot | undefined, r: PlannedLesson): string => `${cls?.name ?? r.className}${r.groupNo ? ` гр. ${r.groupNo}` : ''}`;
  const missingSubgroups = new Set<string>();
  for (const src of sources) {
    const first = src.rows[0];
    const cls = classById.get(first.classId);
    if (!cls) continue;
    const idx = periodIndex(first.periods, period.start, period.end);
    const hours = first.hoursByPeriod[idx] ?? 0;
    if (hours <= 0) continue;
    const who = src.jointName ?? groupLabel(cls, first);
    const subjectName = first.subjectName;
    const ministry = src.kind === 'ministry' ? ministryLessonOf(subjectName) : undefined;
    let count = Math.ceil(hours - 1e-9);
    if (count !== hours) {
      items.push(
        item(
          'warning',
          'fractionalHours',
          `${who}, ${subjectName}: ${fmtHours(hours)} ч в неделю — в расписание поставлено ${count} ${count === 1 ? 'урок' : 'урока'} (чередование недель не поддерживается).`,
          links.plan(yearId, first.grade, first.classId, cls.name),
          { classIds: src.rows.map((r) => r.classId), subjectIds: [first.subjectId] },
        ),
      );
    }
    if (ministry && count !== 1) {
      items.push(item('warning', 'ministryHours', `${who}, ${subjectName}: ${fmtHours(hours)} ч в неделю, а по правилу это один урок — поставлен один.`, links.plan(yearId, first.grade, first.classId, cls.name), { classIds: [first.classId], subjectIds: [first.subjectId] }));
      count = 1;
    }
    const teacherIds = first.teacherId ? [first.teacherId] : [];
    if (!first.teacherId) {
      items.push(
        item('error', 'noTeacher', `${who}, ${subjectName}: в нагрузке нет учителя (${fmtHours(hours)} ч в неделю).`, links.load(yearId, first.classId, first.subjectId, cls.name), {
          classIds: src.rows.map((r) => r.classId),
          subjectIds: [first.subjectId],
        }),
      );
    }
    for (const r of src.rows) if (r.groupNo > 0 && !r.subgroupId) missingSubgroups.add(`${classById.get(r.classId)?.name ?? r.className}: ${r.subjectName}`);
    let pairs = 0;
    if (!ministry && first.doubles !== 0) {
      if (first.grade <= 4) {
        items.push(item('warning', 'doublesPrimary', `${who}, ${subjectName}: в 1–4 классах сдвоенных уроков не бывает (СанПиН) — уроки поставлены по одному.`, links.plan(yearId, first.grade, first.classId, cls.name), { classIds: [first.classId], subjectIds: [first.subjectId] }));
      } else pairs = first.doubles === DOUBLES_ALL ? Math.floor(count / 2) : Math.min(first.doubles, Math.floor(count / 2));
    }
    const audiences = src.rows.map((r) => ({ classId: r.classId, groupNo: r.groupNo, subgroupId: r.subgroupId, label: groupLabel(classById.get(r.classId), r) }));
    const size = audienceSize(src.rows, classById, data);
    const rooms = pickRooms(data, first.subjectId, subjectName, src.rows.map((r) => classById.get(r.classId)).filter((c): c is ClassSnapshot => Boolean(c)), size, who);
    items.push(...rooms.items);
    const pinned = ministry ? pinnedSlot(cls, ministry.day) : null;
    if (ministry && !pinned) {
      items.push(item('error', 'ministryNoSlot', `${cls.name}, ${subjectName}: в ${ministry.day === 0 ? 'понедельник' : 'четверг'} у класса нет первого урока по расписанию звонков.`, links.bells(yearId), { classIds: [cls.id], subjectIds: [first.subjectId] }));
    }
    const base = { subjectId: first.subjectId, kind: src.kind, teacherIds, audiences, hours, roomIds: rooms.roomIds, parallelKey: null as string | null, pinned, portalRef: null };
    const audienceKey = audiences.map((a) => `${a.classId}:${a.groupNo}`).sort().join(',');
    for (const [duration, n] of [
      [2, pairs],
      [1, count - 2 * pairs],
    ] as const) {
      if (n <= 0) continue;
      lessons.push({ ...base, id: newId(), key: `${src.kind}|${first.subjectId}|${audienceKey}|d${duration}`, duration, count: n });
    }
  }
  if (missingSubgroups.size) {
    items.push(item('warning', 'noSubgroups', `Подгруппы по учебному плану ещё не созданы (${[...missingSubgroups].slice(0, 5).join('; ')}${missingSubgroups.size > 5 ? ` и ещё ${missingSubgroups.size - 5}` : ''}): размер групп неизвестен, кабинеты подобраны по числу мест без проверки.`, links.subgroups(yearId)));
  }
  markParallel(lessons, classById, data, items);

  for (const c of grid.classes) {
    if (FIRST_SHIFT_GRADES.includes(c.grade) && c.shift !== 1) {
      items.push(item('warning', 'shiftRule', `Класс ${c.name} во ${c.shift}-й смене, а ${c.grade}-е классы по СанПиН учатся только в первую смену.`, links.classCard(c.id), { classIds: [c.id] }));
    }
    if (!lessons.some((l) => l.audiences.some((a) => a.classId === c.id))) {
      items.push(item('warning', 'noLessons', `У класса ${c.name} нет уроков в учебном плане на период «${period.name}».`, links.plan(yearId, c.grade, c.id, c.name), { classIds: [c.id] }));
    }
  }

  lessons.sort((a, b) => compareRu(classById.get(a.audiences[0].classId)?.name ?? '', classById.get(b.audiences[0].classId)?.name ?? '') || compareRu(subjectById.get(a.subjectId)?.name ?? '', subjectById.get(b.subjectId)?.name ?? '') || a.key.localeCompare(b.key));
  return { grid, labels: labelsOf(data, lessons), lessons, items };
}

function audienceSize(rows: PlannedLesson[], classById: Map<string, ClassSnapshot>, data: SchoolData): number | null {
  let total = 0;
  for (const r of rows) {
    const n = r.groupNo ? (r.subgroupId ? data.subgroupSizes.get(r.subgroupId) : undefined) : classById.get(r.classId)?.size;
    if (n === undefined || n === null) return null;
    total += n;
  }
  return total;
}

function pinnedSlot(cls: ClassSnapshot, day: number): { day: number; period: number } | null {
  if (day >= cls.weekLength || cls.lastPeriod < cls.firstPeriod) return null;
  for (let p = cls.firstPeriod; p <= cls.lastPeriod; p++) if (!cls.closed.some((s) => s.day === day && s.period === p)) return { day, period: p };
  return null;
}

/**
 * The groups of one split subject of a class are taught at the same time when every group has its
 * own teacher; with one teacher for several groups they cannot be, and the solver places them apart.
 */
function markParallel(lessons: LessonOut[], classById: Map<string, ClassSnapshot>, data: SchoolData, items: ExplanationItem[]): void {
  const bySplit = new Map<string, LessonOut[]>();
  for (const l of lessons) {
    if (l.audiences.length !== 1 || l.audiences[0].groupNo === 0 || l.kind === 'ministry') continue;
    const k = `${l.audiences[0].classId}|${l.subjectId}|${l.kind}|d${l.duration}`;
    bySplit.set(k, [...(bySplit.get(k) ?? []), l]);
  }
  for (const [k, list] of bySplit) {
    if (list.length < 2) continue;
    const teachers = list.flatMap((l) => l.teacherIds);
    const counts = new Set(list.map((l) => l.count));
    if (teachers.length === list.length && new Set(teachers).size === teachers.length && counts.size === 1) {
      for (const l of list) l.parallelKey = k;
      continue;
    }
    const cls = classById.get(list[0].audiences[0].classId);
    const subject = data.subjects.find((s) => s.id === list[0].subjectId)?.name ?? '';
    if (teachers.length === list.length && new Set(teachers).size < teachers.length) {
      items.push(item('info', 'sameTeacherGroups', `${cls?.name ?? ''}, ${subject}: все группы ведёт один учитель — уроки групп идут в разное время (в начале или в конце дня).`, null, { classIds: cls ? [cls.id] : [], subjectIds: [list[0].subjectId] }));
    }
  }
}

function labelsOf(data: SchoolData, lessons: LessonOut[]): LabelSnapshot {
  const teacherIds = new Set(lessons.flatMap((l) => l.teacherIds));
  const subjectIds = new Set(lessons.map((l) => l.subjectId));
  return {
    teachers: [...teacherIds].map((id) => data.staff.get(id) ?? { id, fullName: 'сотрудник удалён', shortName: 'сотрудник удалён' }).sort((a, b) => compareRu(a.fullName, b.fullName)),
    rooms: data.rooms
      .filter((r) => r.active)
      .map((r) => ({ id: r.id, number: r.number, name: r.name, typeName: r.typeName, capacity: r.capacity, typeId: r.typeId, active: r.active }))
      .sort((a, b) => compareRu(a.number, b.number)),
    subjects: data.subjects.filter((s) => subjectIds.has(s.id)).map((s) => ({ id: s.id, name: s.name, shortName: s.shortName, points: s.points })),
  };
}
