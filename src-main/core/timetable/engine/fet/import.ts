import type { Audience, Lesson, Room, SchoolClass, TimetableInstance, UnitRef } from '../model';
import { applyConstraints, type ImportContext } from './importConstraints';
import { applySanpinInference, type SanpinImportOptions, type SanpinInference } from './sanpinImport';
import { arr, first, parseFetXml, str } from './xmlRead';

/** One FET constraint type the importer did not apply, with how many times it occurs. */
export interface UnsupportedConstraint {
  type: string;
  count: number;
  /** How many of them are hard (100 %): dropping those can make our timetable invalid for FET. */
  hard: number;
}

export interface FetImportReport {
  unsupported: UnsupportedConstraint[];
  /** Russian notes: inactive items skipped, approximations, data problems. */
  notes: string[];
  activities: number;
  inactiveActivities: number;
  /** Grades and difficulty points given to the school (inferred from names, or as the caller set them). */
  sanpin: SanpinInference;
}

export interface FetImport {
  instance: TimetableInstance;
  report: FetImportReport;
  /** Lesson occurrence of a FET activity id (lesson id = activity id, one occurrence each). */
  unitOf: (activityId: number) => UnitRef | null;
}

/**
 * Imports a .fet file (FET 5.x or 6.x, Official mode) into our model. Class grades and SanPiN
 * points are inferred from names unless `sanpin.infer` is false; the report says what was inferred
 * and the caller corrects it by importing again with `sanpin.grades` / `sanpin.subjectPoints`.
 */
export function importFet(xml: string, name = 'FET', sanpin: SanpinImportOptions = {}): FetImport {
  const root = parseFetXml(xml);
  const notes: string[] = [];
  const mode = typeof root.Mode === 'string' ? root.Mode : '';
  if (mode && mode !== 'Official') notes.push(`Режим FET «${mode}» не поддерживается; файл прочитан как обычный.`);
  const days = arr(first(root.Days_List).Day).map((d) => str(d.Name));
  const periods = arr(first(root.Hours_List).Hour).map((h) => str(h.Name));
  if (!days.length || !periods.length) throw new Error('В файле FET нет списка дней или уроков');
  const subjects = arr(first(root.Subjects_List).Subject).map((s) => ({ id: str(s.Name), name: str(s.Name) }));
  const teachers = arr(first(root.Teachers_List).Teacher).map((t) => ({ id: str(t.Name), name: str(t.Name) }));
  const rooms: Room[] = [];
  let virtual = 0;
  for (const r of arr(first(root.Rooms_List).Room)) {
    if (str(r.Virtual) === 'true') virtual++;
    rooms.push({ id: str(r.Name), name: str(r.Name), capacity: Number(str(r.Capacity)) || undefined });
  }
  if (virtual) notes.push(`Виртуальные кабинеты (${virtual}) не поддерживаются: используются как обычные.`);

  // Students: each Year becomes a class with one division whose groups are the atomic sets.
  const classes: SchoolClass[] = [];
  const sets = new Map<string, Audience[]>();
  const addSet = (n: string, a: Audience): void => {
    const list = sets.get(n) ?? [];
    list.push(a);
    sets.set(n, list);
  };
  // Headcounts of the students sets (FET sums them for an activity's number of students).
  const setSize = new Map<string, number>();
  const leafOwner = new Map<string, string>();
  for (const y of arr(first(root.Students_List).Year)) {
    const yName = str(y.Name);
    const groups = arr(y.Group);
    setSize.set(yName, Number(str(y.Number_of_Students)) || 0);
    for (const g of groups) {
      setSize.set(str(g.Name), Number(str(g.Number_of_Students)) || 0);
      for (const sg of arr(g.Subgroup)) setSize.set(str(sg.Name), Number(str(sg.Number_of_Students)) || 0);
    }
    const leaves: string[] = [];
    const leafIdx = new Map<string, number>();
    const leafOf = (n: string): number => {
      let i = leafIdx.get(n);
      if (i === undefined) {
        i = leaves.length;
        leafIdx.set(n, i);
        leaves.push(n);
        const owner = leafOwner.get(n);
        if (owner && owner !== yName) notes.push(`Подгруппа «${n}» входит в несколько годов (${owner}, ${yName}): считаются разными.`);
        leafOwner.set(n, yName);
      }
      return i;
    };
    const groupLeaves = groups.map((g) => {
      const subs = arr(g.Subgroup);
      return { name: str(g.Name), leaves: subs.length ? subs.map((s) => leafOf(str(s.Name))) : [leafOf(str(g.Name))], subs };
    });
    const id = `y:${yName}`;
    classes.push({
      id,
      name: yName,
      grade: 0,
      size: Number(str(y.Number_of_Students)) || undefined,
      divisions: leaves.length > 1 ? [{ name: 'подгруппы', groups: leaves }] : undefined,
    });
    addSet(yName, { classId: id });
    const multi = leaves.length > 1;
    for (const g of groupLeaves) {
      addSet(g.name, multi ? { classId: id, division: 0, groups: g.leaves } : { classId: id });
      for (const s of g.subs) addSet(str(s.Name), multi ? { classId: id, division: 0, groups: [leafIdx.get(str(s.Name)) ?? 0] } : { classId: id });
    }
  }

  const lessons: Lesson[] = [];
  const studentNames: string[][] = [];
  const actIndex = new Map<number, number>();
  const groupsOfActivity = new Map<number, number>();
  let inactive = 0;
  const activities = arr(first(root.Activities_List).Activity);
  for (const a of activities) {
    const id = Number(str(a.Id));
    if (str(a.Active) === 'false') {
      inactive++;
      continue;
    }
    const students = arr<unknown>(a.Students).flatMap((s) => {
      const list = sets.get(str(s));
      if (!list) notes.push(`Занятие №${id}: неизвестная группа учащихся «${str(s)}»`);
      return list ?? [];
    });
    actIndex.set(id, lessons.length);
    const names = arr<unknown>(a.Students).map(str);
    studentNames.push(names);
    groupsOfActivity.set(id, Number(str(a.Activity_Group_Id)) || 0);
    const own = str(a.Number_Of_Students);
    const heads = own !== '' ? Number(own) || 0 : names.reduce((sum, n) => sum + (setSize.get(n) ?? 0), 0);
    lessons.push({
      ...(heads > 0 ? { studentCount: heads } : {}),
      id: String(id),
      subjectId: str(a.Subject),
      teacherIds: arr<unknown>(a.Teacher).map(str),
      students,
      duration: Number(str(a.Duration)) || 1,
      count: 1,
      tags: arr<unknown>(a.Activity_Tag).map(str),
    });
  }
  if (inactive) notes.push(`Неактивные занятия пропущены: ${inactive}.`);

  const instance: TimetableInstance = { name, days, periods, subjects, teachers, rooms, classes, lessons };
  const ctx: ImportContext = {
    inst: instance,
    sets,
    actIndex,
    groupsOfActivity,
    unsupported: new Map(),
    notes,
    studentNames,
  };
  applyConstraints(ctx, first(root.Time_Constraints_List));
  applyConstraints(ctx, first(root.Space_Constraints_List));
  const inferred = applySanpinInference(instance, sanpin);
  notes.push(...inferred.notes);
  const unsupported = [...ctx.unsupported.entries()]
    .map(([type, v]) => ({ type, count: v.count, hard: v.hard }))
    .sort((a, b) => b.count - a.count);
  return {
    instance,
    report: { unsupported, notes, activities: activities.length, inactiveActivities: inactive, sanpin: inferred.inference },
    unitOf: (aid) => (actIndex.has(aid) ? { lessonId: String(aid), index: 0 } : null),
  };
}
