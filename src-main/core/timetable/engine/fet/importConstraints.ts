import type { Audience, Lesson, Limits, SlotRef, TimetableInstance } from '../model';
import { arr, str, type XmlNode } from './xmlRead';

export interface ImportContext {
  inst: TimetableInstance;
  sets: Map<string, Audience[]>;
  /** FET activity id → lesson index. */
  actIndex: Map<number, number>;
  groupsOfActivity: Map<number, number>;
  unsupported: Map<string, { count: number; hard: number }>;
  notes: string[];
  /** Students set names of each lesson, as written in the activity. */
  studentNames: string[][];
}

type LimitKey = keyof Limits;

const STUDENT_LIMITS: Record<string, [LimitKey, string]> = {
  MaxGapsPerWeek: ['maxGapsPerWeek', 'Max_Gaps'],
  MaxGapsPerDay: ['maxGapsPerDay', 'Max_Gaps'],
  EarlyMaxBeginningsAtSecondHour: ['maxSecondPeriodStarts', 'Max_Beginnings_At_Second_Hour'],
  MaxHoursDaily: ['maxPerDay', 'Maximum_Hours_Daily'],
  MinHoursDaily: ['minPerDay', 'Minimum_Hours_Daily'],
  MaxHoursContinuously: ['maxContinuous', 'Maximum_Hours_Continuously'],
  MaxDaysPerWeek: ['maxDays', 'Max_Days_Per_Week'],
};

const TEACHER_LIMITS: Record<string, [LimitKey, string]> = {
  MaxHoursDaily: ['maxPerDay', 'Maximum_Hours_Daily'],
  MinHoursDaily: ['minPerDay', 'Minimum_Hours_Daily'],
  MaxDaysPerWeek: ['maxDays', 'Max_Days_Per_Week'],
  MinDaysPerWeek: ['minDays', 'Minimum_Days_Per_Week'],
  MaxGapsPerWeek: ['maxGapsPerWeek', 'Max_Gaps'],
  MaxGapsPerDay: ['maxGapsPerDay', 'Max_Gaps'],
  MaxHoursContinuously: ['maxContinuous', 'Maximum_Hours_Continuously'],
};

const IGNORED = new Set(['ConstraintBasicCompulsoryTime', 'ConstraintBasicCompulsorySpace']);

/** Applies every constraint of a Time_ or Space_Constraints_List node; unknown types are reported. */
export function applyConstraints(ctx: ImportContext, list: XmlNode): void {
  for (const [type, value] of Object.entries(list)) {
    for (const node of arr(value)) {
      if (str(node.Active) === 'false') {
        ctx.notes.push(`Неактивное ограничение ${type} пропущено.`);
        continue;
      }
      if (IGNORED.has(type)) continue;
      if (!applyOne(ctx, type.replace(/^Constraint/, ''), node)) {
        const u = ctx.unsupported.get(type) ?? { count: 0, hard: 0 };
        u.count++;
        if (weightOf(node) >= 100) u.hard++;
        ctx.unsupported.set(type, u);
      }
    }
  }
}

const weightOf = (n: XmlNode): number => Number(str(n.Weight_Percentage) || '100');

function slotOf(ctx: ImportContext, day: unknown, hour: unknown): SlotRef | null {
  const d = ctx.inst.days.indexOf(str(day));
  const p = ctx.inst.periods.indexOf(str(hour));
  return d < 0 || p < 0 ? null : { day: d, period: p };
}

function slots(ctx: ImportContext, list: unknown, dayKey: string, hourKey: string): SlotRef[] {
  return arr(list)
    .map((x) => slotOf(ctx, x[dayKey], x[hourKey]))
    .filter((x): x is SlotRef => x !== null);
}

function lessonOf(ctx: ImportContext, id: unknown): Lesson | null {
  const i = ctx.actIndex.get(Number(str(id)));
  return i === undefined ? null : ctx.inst.lessons[i];
}

/** Activities matching FET's filter fields (teacher, students, subject, tag, duration, component). */
function matching(ctx: ImportContext, n: XmlNode): Lesson[] {
  const teacher = str(n.Teacher_Name);
  const students = str(n.Students_Name);
  const subject = str(n.Subject_Name);
  const tag = str(n.Activity_Tag_Name);
  const duration = Number(str(n.Duration)) || 0;
  const component = Number(str(n.Component_Number)) || 0;
  const byGroup = new Map<number, number[]>();
  if (component) {
    for (const [id, g] of ctx.groupsOfActivity) {
      const key = g || id;
      const list = byGroup.get(key) ?? [];
      list.push(id);
      byGroup.set(key, list);
    }
  }
  const out: Lesson[] = [];
  for (const [id, li] of ctx.actIndex) {
    const l = ctx.inst.lessons[li];
    if (teacher && !l.teacherIds.includes(teacher)) continue;
    if (subject && l.subjectId !== subject) continue;
    if (tag && !(l.tags ?? []).includes(tag)) continue;
    if (duration && l.duration !== duration) continue;
    if (students && !(ctx.studentNames[li] ?? []).includes(students)) continue;
    if (component) {
      const g = ctx.groupsOfActivity.get(id) || id;
      const members = (byGroup.get(g) ?? []).sort((a, b) => a - b);
      if (members.indexOf(id) !== component - 1) continue;
    }
    out.push(l);
  }
  return out;
}

function restrictStarts(l: Lesson, starts: SlotRef[], weight: number): void {
  if (weight >= 100) {
    if (!l.allowedStarts) l.allowedStarts = starts;
    else {
      const keep = new Set(starts.map((s) => `${s.day}:${s.period}`));
      l.allowedStarts = l.allowedStarts.filter((s) => keep.has(`${s.day}:${s.period}`));
    }
  } else if (!l.preferredStarts || l.preferredStarts.weight < weight) {
    l.preferredStarts = { slots: starts, weight };
  }
}

/** Start slots whose whole duration lies inside the given time slots. */
function startsInside(ctx: ImportContext, l: Lesson, set: SlotRef[]): SlotRef[] {
  const P = ctx.inst.periods.length;
  const ok = new Set(set.map((s) => s.day * P + s.period));
  return set.filter((s) => {
    for (let q = 0; q < l.duration; q++) if (s.period + q >= P || !ok.has(s.day * P + s.period + q)) return false;
    return true;
  });
}

function addLimit(target: Limits, key: LimitKey, n: XmlNode, valueKey: string): void {
  const value = Number(str(n[valueKey]));
  const weight = weightOf(n);
  const lim = key === 'minPerDay' ? { value, weight, allowEmptyDays: str(n.Allow_Empty_Days) !== 'false' } : { value, weight };
  (target as Record<LimitKey, unknown>)[key] = lim;
}

function roomCandidates(ctx: ImportContext, n: XmlNode): string[] {
  const one = str(n.Room);
  return one ? [one] : arr<unknown>(n.Preferred_Room).map(str);
}

const hardRooms = new WeakMap<Lesson, boolean>();

function setRooms(l: Lesson, rooms: string[], home: boolean): void {
  if (home && hardRooms.get(l)) return; // FET: preferred-room constraints take precedence over home rooms
  if (!home && !hardRooms.get(l)) {
    hardRooms.set(l, true);
    l.roomIds = rooms;
    return;
  }
  l.roomIds = l.roomIds ? l.roomIds.filter((r) => rooms.includes(r)) : rooms;
}

function applyOne(ctx: ImportContext, t: string, n: XmlNode): boolean {
  const inst = ctx.inst;
  const w = weightOf(n);
  switch (t) {
    case 'BreakTimes':
      inst.breaks = [...(inst.breaks ?? []), ...slots(ctx, n.Break_Time, 'Day', 'Hour')];
      return true;
    case 'TeacherNotAvailableTimes': {
      const te = inst.teachers.find((x) => x.id === str(n.Teacher));
      if (!te || w < 100) return false;
      te.unavailable = [...(te.unavailable ?? []), ...slots(ctx, n.Not_Available_Time, 'Day', 'Hour')];
      return true;
    }
    case 'StudentsSetNotAvailableTimes': {
      const students = ctx.sets.get(str(n.Students));
      if (!students || w < 100) return false;
      inst.studentSetRules = [...(inst.studentSetRules ?? []), { students, unavailable: slots(ctx, n.Not_Available_Time, 'Day', 'Hour') }];
      return true;
    }
    case 'RoomNotAvailableTimes': {
      const r = inst.rooms.find((x) => x.id === str(n.Room));
      if (!r || w < 100) return false;
      r.unavailable = [...(r.unavailable ?? []), ...slots(ctx, n.Not_Available_Time, 'Day', 'Hour')];
      return true;
    }
    case 'MinDaysBetweenActivities': {
      const units = arr<unknown>(n.Activity_Id).filter((id) => lessonOf(ctx, id)).map((id) => ({ lessonId: str(id), index: 0 }));
      inst.minDaysRules = [...(inst.minDaysRules ?? []), {
        units, minDays: Number(str(n.MinDays)) || 1, weight: w, consecutiveIfSameDay: str(n.Consecutive_If_Same_Day) === 'true',
      }];
      return true;
    }
    case 'ActivitiesSameStartingTime': {
      const units = arr<unknown>(n.Activity_Id).filter((id) => lessonOf(ctx, id)).map((id) => ({ lessonId: str(id), index: 0 }));
      inst.sameStartRules = [...(inst.sameStartRules ?? []), { units, weight: w }];
      return true;
    }
    case 'ActivityPreferredStartingTime': {
      const l = lessonOf(ctx, n.Activity_Id);
      const s = slotOf(ctx, n.Preferred_Day, n.Preferred_Hour);
      if (!l || !s) return !l;
      if (w >= 100) l.locked = [s];
      else restrictStarts(l, [s], w);
      return true;
    }
    case 'ActivityPreferredStartingTimes': {
      const l = lessonOf(ctx, n.Activity_Id);
      if (l) restrictStarts(l, slots(ctx, n.Preferred_Starting_Time, 'Preferred_Starting_Day', 'Preferred_Starting_Hour'), w);
      return true;
    }
    case 'ActivitiesPreferredStartingTimes':
    case 'SubactivitiesPreferredStartingTimes': {
      const s = slots(ctx, n.Preferred_Starting_Time, 'Preferred_Starting_Day', 'Preferred_Starting_Hour');
      for (const l of matching(ctx, n)) restrictStarts(l, s, w);
      return true;
    }
    case 'ActivityPreferredTimeSlots': {
      const l = lessonOf(ctx, n.Activity_Id);
      if (l) restrictStarts(l, startsInside(ctx, l, slots(ctx, n.Preferred_Time_Slot, 'Preferred_Day', 'Preferred_Hour')), w);
      return true;
    }
    case 'ActivitiesPreferredTimeSlots':
    case 'SubactivitiesPreferredTimeSlots': {
      const s = slots(ctx, n.Preferred_Time_Slot, 'Preferred_Day', 'Preferred_Hour');
      for (const l of matching(ctx, n)) restrictStarts(l, startsInside(ctx, l, s), w);
      return true;
    }
    case 'ActivityEndsStudentsDay': {
      const l = lessonOf(ctx, n.Activity_Id);
      if (l) l.endsStudentsDay = { weight: w };
      return true;
    }
    case 'ActivitiesEndStudentsDay':
      for (const l of matching(ctx, n)) l.endsStudentsDay = { weight: w };
      return true;
    case 'StudentsSetActivityTagMaxHoursDaily':
    case 'StudentsActivityTagMaxHoursDaily': {
      const students = t.startsWith('StudentsSet') ? ctx.sets.get(str(n.Students)) : inst.classes.map((k) => ({ classId: k.id }));
      if (!students) return false;
      inst.tagMaxPerDayRules = [...(inst.tagMaxPerDayRules ?? []), { tag: str(n.Activity_Tag), students, max: Number(str(n.Maximum_Hours_Daily)), weight: w }];
      return true;
    }
    case 'TeacherActivityTagMaxHoursDaily':
    case 'TeachersActivityTagMaxHoursDaily': {
      const teacherIds = t.startsWith('Teachers') ? inst.teachers.map((x) => x.id) : [str(n.Teacher_Name)];
      inst.tagMaxPerDayRules = [...(inst.tagMaxPerDayRules ?? []), { tag: str(n.Activity_Tag), teacherIds, max: Number(str(n.Maximum_Hours_Daily)), weight: w }];
      return true;
    }
    case 'ActivityPreferredRoom':
    case 'ActivityPreferredRooms': {
      if (w < 100) return false;
      const l = lessonOf(ctx, n.Activity_Id);
      if (l) setRooms(l, roomCandidates(ctx, n), false);
      return true;
    }
    case 'SubjectPreferredRoom':
    case 'SubjectPreferredRooms':
    case 'SubjectActivityTagPreferredRoom':
    case 'SubjectActivityTagPreferredRooms':
    case 'ActivityTagPreferredRoom':
    case 'ActivityTagPreferredRooms': {
      if (w < 100) return false;
      const subject = str(n.Subject);
      const tag = str(n.Activity_Tag);
      for (const l of inst.lessons)
        if ((!subject || l.subjectId === subject) && (!tag || (l.tags ?? []).includes(tag))) setRooms(l, roomCandidates(ctx, n), false);
      return true;
    }
    case 'TeacherHomeRoom':
    case 'TeacherHomeRooms': {
      if (w < 100) return false;
      const te = str(n.Teacher);
      // FET applies a teacher's home room only to activities with exactly this one teacher (issue 25:
      // Medgidia's two-teacher lessons were forced into the home room of one of them).
      for (const l of inst.lessons) if (l.teacherIds.length === 1 && l.teacherIds[0] === te) setRooms(l, roomCandidates(ctx, n), true);
      return true;
    }
    case 'StudentsSetHomeRoom':
    case 'StudentsSetHomeRooms': {
      if (w < 100) return false;
      const s = str(n.Students);
      // Likewise only activities whose students are exactly this one set.
      inst.lessons.forEach((l, li) => {
        const names = ctx.studentNames[li] ?? [];
        if (names.length === 1 && names[0] === s) setRooms(l, roomCandidates(ctx, n), true);
      });
      return true;
    }
    default:
      return applyLimit(ctx, t, n);
  }
}

function applyLimit(ctx: ImportContext, t: string, n: XmlNode): boolean {
  const inst = ctx.inst;
  let m = /^(StudentsSet|Students)(.+)$/.exec(t);
  if (m && STUDENT_LIMITS[m[2]]) {
    const [key, valueKey] = STUDENT_LIMITS[m[2]];
    const L: Limits = {};
    addLimit(L, key, n, valueKey);
    if (m[1] === 'Students') for (const k of inst.classes) k.limits = [...(k.limits ?? []), L];
    else {
      const students = ctx.sets.get(str(n.Students));
      if (!students) return false;
      inst.studentSetRules = [...(inst.studentSetRules ?? []), { students, limits: L }];
    }
    return true;
  }
  m = /^(Teachers|Teacher)(.+)$/.exec(t);
  if (m && TEACHER_LIMITS[m[2]]) {
    const [key, valueKey] = TEACHER_LIMITS[m[2]];
    const L: Limits = {};
    addLimit(L, key, n, valueKey);
    const targets = m[1] === 'Teachers' ? inst.teachers : inst.teachers.filter((x) => x.id === str(n.Teacher_Name));
    if (!targets.length) return false;
    for (const te of targets) te.limits = [...(te.limits ?? []), L];
    return true;
  }
  return false;
}
