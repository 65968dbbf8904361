import type { AvailabilitySlot } from '../../../../src-shared/contract/timetableFields';
import { compareRu, fullName, shortName } from '../../../../src-shared/domain/names';
import type { Executor } from '../../foundation/executor';
import { jointsOfYear, plannedLessons, type JointRow, type PlannedLesson } from '../../curriculum/index';
import { parseWeekLengthByGrade } from '../../schoolSetup/index';
import { findYear } from '../../schoolSetup/index';
import { notFound } from '../../foundation/refusals';
import { slotsOf } from '../snapshot';
import type { GridBells, GridClass } from '../grid';
import { availabilityOfYear, bellShifts } from './setup';

/**
 * Everything the instance builder reads from the rest of the school, once: classes and their
 * sizes on a date, bells, rooms, subjects with SanPiN points and room types, the plan and load
 * (plannedLessons), joint lessons and teachers' time off. Read-only.
 */
export interface SchoolData {
  year: { id: string; name: string; startDate: string; endDate: string; isClosed: boolean };
  /** The date sizes are counted on (the study period's start). */
  date: string;
  classes: GridClass[];
  subgroupSizes: Map<string, number>;
  bells: GridBells[];
  rooms: { id: string; number: string; name: string | null; typeId: string; typeCode: string | null; typeName: string; capacity: number | null; active: boolean }[];
  roomTypes: Map<string, { name: string; code: string | null }>;
  subjects: { id: string; name: string; shortName: string; points: Record<string, number>; roomTypeIds: string[] }[];
  staff: Map<string, { id: string; fullName: string; shortName: string }>;
  planned: PlannedLesson[];
  joints: JointRow[];
  availability: Map<string, AvailabilitySlot[]>;
}

export async function loadSchoolData(db: Executor, yearId: string, date: string | null): Promise<SchoolData> {
  const year = await findYear(db, yearId);
  if (!year) throw notFound('Учебный год');
  const on = date && date >= year.startDate ? date : year.startDate;
  const byGrade = parseWeekLengthByGrade(year.weekLengthByGrade);
  const gradeWeek = (g: number): number => byGrade[String(g)] ?? (Number(year.weekLength) === 6 ? 6 : 5);
  const [classes, sizes, subSizes, bellRows, rooms, roomTypes, subjects, points, subjectRooms, planned, joints, availability] = await Promise.all([
    db.selectFrom('schoolClass').select(['id', 'name', 'grade', 'shift', 'weekLength', 'classTeacherId', 'homeRoomId']).where('academicYearId', '=', yearId).execute(),
    db
      .selectFrom('classMembership as m')
      .innerJoin('schoolClass as c', 'c.id', 'm.classId')
      .select(['m.classId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('c.academicYearId', '=', yearId)
      .where('m.startDate', '<=', on)
      .where((eb) => eb.or([eb('m.endDate', 'is', null), eb('m.endDate', '>', on)]))
      .groupBy('m.classId')
      .execute(),
    db
      .selectFrom('subgroupMember as m')
      .innerJoin('subgroup as g', 'g.id', 'm.subgroupId')
      .innerJoin('schoolClass as c', 'c.id', 'g.classId')
      .select(['m.subgroupId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('c.academicYearId', '=', yearId)
      .where('m.startDate', '<=', on)
      .where((eb) => eb.or([eb('m.endDate', 'is', null), eb('m.endDate', '>', on)]))
      .groupBy('m.subgroupId')
      .execute(),
    bellShifts(db, yearId),
    db.selectFrom('room').select(['id', 'number', 'name', 'roomTypeId', 'capacity', 'isActive']).execute(),
    db.selectFrom('roomType').select(['id', 'code', 'name']).execute(),
    db.selectFrom('subject').select(['id', 'name', 'shortName']).execute(),
    db.selectFrom('subjectSanpinPoints').selectAll().execute(),
    db.selectFrom('subjectRoomType').selectAll().execute(),
    plannedLessons(db, yearId),
    jointsOfYear(db, yearId),
    availabilityOfYear(db, yearId),
  ]);
  const sizeOf = new Map(sizes.map((s) => [s.classId, Number(s.n)]));
  const schedules = new Map<string, GridBells>();
  for (const b of bellRows) {
    const s = schedules.get(b.id) ?? { shift: Number(b.shift), weekdays: b.weekdays.split(',').map(Number).filter(Number.isFinite), lessons: [] };
    s.lessons.push({ number: Number(b.lessonNumber), start: b.startTime, end: b.endTime });
    schedules.set(b.id, s);
  }
  const typeRows = new Map(roomTypes.map((t) => [t.id, t]));
  const staffIds = new Set<string>();
  for (const p of planned) if (p.teacherId) staffIds.add(p.teacherId);
  for (const a of availability) staffIds.add(a.staffId);
  const staffRows = staffIds.size
    ? await db.selectFrom('staff').select(['id', 'lastName', 'firstName', 'middleName']).where('id', 'in', [...staffIds]).execute()
    : [];
  return {
    year: { id: year.id, name: year.name, startDate: year.startDate, endDate: year.endDate, isClosed: Number(year.isClosed) === 1 },
    date: on,
    classes: [...classes]
      .sort((a, b) => Number(a.grade) - Number(b.grade) || compareRu(a.name, b.name))
      .map((c) => ({
      id: c.id,
      name: c.name,
      grade: Number(c.grade),
      shift: Number(c.shift) || 1,
      weekLength: c.weekLength === 5 || c.weekLength === 6 ? Number(c.weekLength) : gradeWeek(Number(c.grade)),
      classTeacherId: c.classTeacherId,
      homeRoomId: c.homeRoomId,
      size: sizeOf.get(c.id) ?? null,
    })),
    subgroupSizes: new Map(subSizes.map((s) => [s.subgroupId, Number(s.n)])),
    bells: [...schedules.values()],
    rooms: rooms.map((r) => {
      const t = typeRows.get(r.roomTypeId);
      return { id: r.id, number: r.number, name: r.name, typeId: r.roomTypeId, typeCode: t?.code ?? null, typeName: t?.name ?? '', capacity: r.capacity === null ? null : Number(r.capacity), active: Number(r.isActive) === 1 };
    }),
    roomTypes: new Map(roomTypes.map((t) => [t.id, { name: t.name, code: t.code }])),
    subjects: subjects.map((s) => ({
      id: s.id,
      name: s.name,
      shortName: s.shortName,
      points: Object.fromEntries(points.filter((p) => p.subjectId === s.id).map((p) => [String(p.grade), Number(p.points)])),
      roomTypeIds: subjectRooms.filter((x) => x.subjectId === s.id).map((x) => x.roomTypeId),
    })),
    staff: new Map(staffRows.map((s) => [s.id, { id: s.id, fullName: fullName(s), shortName: shortName(s) }])),
    planned,
    joints,
    availability: new Map(availability.map((a) => [a.staffId, slotsOf(a.slots)])),
  };
}
