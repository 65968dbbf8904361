import { tempId } from '../pull/planTypes';
import type { AscFile, AscLesson } from './ascRead';
import { ascClassName } from './ascRead';
import type { Op } from '../pull/planTypes';
import type { ImportLine } from '../../../../src-shared/contract/timetableExchange';

/**
 * The load an aSc file describes, for classes the same import creates (ascSetup): who teaches what
 * to whom — a teaching assignment per class × subject × group (group n = the n-th group of the
 * class's division in the file, as the importer matches cards), subgroups named as in aSc, joint
 * groups for lessons of several classes, the new teachers' subjects, and the curricula: a grade
 * plan from the grade's first class and, for the other classes, the rows where they differ. Weekly
 * hours are aSc's `periodsperweek`; a lesson of two periods per card makes its hours pairs.
 */

export interface AscCreate { what: string; label: string; detail: string | null }

/** aSc ids → planned (`~n`) or existing ids of the school. */
export interface AscMaps {
  subjects: Map<string, string>;
  rooms: Map<string, string>;
  classes: Map<string, string>;
  teachers: Map<string, string>;
}

export interface AscSetup {
  ops: Op[];
  creates: AscCreate[];
  lines: ImportLine[];
  maps: AscMaps;
}

export interface AscPlanState extends AscSetup {
  f: AscFile;
  yearId: string;
  /** Staff created by this import (their subjects become qualifications). */
  newStaff: Set<string>;
  /** Days a week of each planned class (5 or 6), from its cards. */
  weekOf: (grade: number) => number;
}

interface Slot {
  ascClassId: string;
  subjectId: string;
  ascSubjectId: string;
  groupNo: number;
  groupCount: number;
  groupName: string;
  hours: number;
  pairs: number;
  staffId: string | null;
  teacher: string | null;
}

/** Group number of each aSc group: 0 for the whole class, else its place in its class's division. */
export function groupNumbers(f: AscFile): { no: Map<string, number>; size: Map<string, number> } {
  const no = new Map<string, number>();
  const size = new Map<string, number>();
  for (const g of f.groups.values()) {
    if (g.entire) {
      no.set(g.id, 0);
      continue;
    }
    const k = `${g.classId}|${g.division}`;
    const n = (size.get(k) ?? 0) + 1;
    size.set(k, n);
    no.set(g.id, n);
  }
  return { no, size };
}

const hoursText = (h: number) => `${String(h).replace('.', ',')} ч/нед`;

function hoursOf(f: AscFile, l: AscLesson): number {
  if (l.periodsPerWeek > 0) return l.periodsPerWeek;
  return f.cards.filter((c) => c.lessonId === l.id).length;
}

export function planAscLoad(st: AscPlanState): void {
  const { f } = st;
  const groups = groupNumbers(f);
  const className = (ascId: string) => ascClassName(f.classes.get(ascId)!);
  const subjectName = (ascId: string) => f.subjects.get(ascId)!.name;
  const slots = new Map<string, Slot>();
  const joints: { subjectId: string; ascSubjectId: string; slots: { ascClassId: string; groupNo: number }[] }[] = [];
  for (const l of f.lessons.values()) {
    const subjectId = st.maps.subjects.get(l.subjectId);
    if (!subjectId || l.classIds.length === 0 || l.classIds.some((c) => !st.maps.classes.has(c))) continue;
    const hours = hoursOf(f, l);
    if (hours <= 0) continue;
    const label = `${l.classIds.map(className).join(', ')}: ${subjectName(l.subjectId)}`;
    if (l.periodsPerCard > 2) st.lines.push({ level: 'warning', what: 'Нагрузка', label, message: `в ${f.tool} урок идёт ${l.periodsPerCard} урока подряд — в программе подряд бывает не больше двух: записаны сдвоенные уроки` });
    const pairs = l.periodsPerCard >= 2 ? Math.floor(hours / 2) : 0;
    const teachers = l.teacherIds.map((t) => ({ id: st.maps.teachers.get(t) ?? null, name: f.teachers.get(t)!.name }));
    const first = teachers.find((t) => t.id) ?? null;
    if (teachers.length > 1) st.lines.push({ level: 'warning', what: 'Нагрузка', label, message: `в ${f.tool} у урока несколько учителей (${teachers.map((t) => t.name).join(', ')}) — у группы в нагрузке один учитель: записан ${first?.name ?? 'никто'}` });
    const members: { ascClassId: string; groupNo: number }[] = [];
    for (const c of l.classIds) {
      const g = l.groupIds.map((x) => f.groups.get(x)!).find((x) => x.classId === c);
      const groupNo = g && !g.entire ? groups.no.get(g.id)! : 0;
      const groupCount = g && !g.entire ? groups.size.get(`${c}|${g.division}`)! : 1;
      members.push({ ascClassId: c, groupNo });
      const key = `${c}|${subjectId}|${groupNo}`;
      const s = slots.get(key);
      if (!s) {
        slots.set(key, { ascClassId: c, subjectId, ascSubjectId: l.subjectId, groupNo, groupCount, groupName: g && !g.entire ? g.name : '', hours, pairs, staffId: first?.id ?? null, teacher: first?.name ?? null });
        continue;
      }
      s.hours += hours;
      s.pairs += pairs;
      if (first && s.staffId && s.staffId !== first.id) st.lines.push({ level: 'warning', what: 'Нагрузка', label, message: `у группы уже записан учитель ${s.teacher} (другой урок ${f.tool} того же предмета) — ${first.name} не записан в нагрузку` });
      if (!s.staffId && first) Object.assign(s, { staffId: first.id, teacher: first.name });
    }
    if (members.length > 1) joints.push({ subjectId, ascSubjectId: l.subjectId, slots: members });
  }
  planSlots(st, slots, className, subjectName);
  planJoints(st, joints, className, subjectName);
  planCurricula(st, slots, className);
}

function planSlots(st: AscPlanState, slots: Map<string, Slot>, className: (id: string) => string, subjectName: (id: string) => string): void {
  const subgroupNames = new Set<string>();
  const qualified = new Map<string, string[]>();
  for (const s of slots.values()) {
    const classId = st.maps.classes.get(s.ascClassId)!;
    const who = `${className(s.ascClassId)}${s.groupNo ? `, ${s.groupName || `группа ${s.groupNo}`}` : ''}`;
    if (s.groupNo > 0) {
      let name = (s.groupName || `Группа ${s.groupNo}`).slice(0, 100);
      if (subgroupNames.has(`${classId}|${s.subjectId}|${name}`)) name = `${name} (${s.groupNo})`.slice(0, 100);
      subgroupNames.add(`${classId}|${s.subjectId}|${name}`);
      st.ops.push({ op: 'subgroup', key: `asc:subgroup:${s.ascClassId}:${s.ascSubjectId}:${s.groupNo}`, id: tempId(), classId, subjectId: s.subjectId, name, ordinal: s.groupNo, label: `${who}: ${subjectName(s.ascSubjectId)}` });
      st.creates.push({ what: 'Подгруппа', label: `${className(s.ascClassId)}: ${subjectName(s.ascSubjectId)}, подгруппа ${s.groupNo} «${name}»`, detail: null });
    }
    const label = `${who}: ${subjectName(s.ascSubjectId)}`;
    if (!s.staffId) {
      st.lines.push({ level: 'warning', what: 'Нагрузка', label, message: 'учитель в файле не указан или не сопоставлен — урок будет в черновике нерасставленным, назначьте учителя в нагрузке' });
      continue;
    }
    st.ops.push({ op: 'assignment', key: `asc:assignment:${s.ascClassId}:${s.ascSubjectId}:${s.groupNo}`, id: tempId(), yearId: st.yearId, classId, subjectId: s.subjectId, groupNo: s.groupNo, staffId: s.staffId, label });
    st.creates.push({ what: 'Нагрузка', label, detail: `${s.teacher}, ${hoursText(s.hours)}` });
    if (st.newStaff.has(s.staffId)) {
      const list = qualified.get(s.staffId) ?? [];
      if (!list.includes(s.subjectId)) {
        list.push(s.subjectId);
        qualified.set(s.staffId, list);
        st.ops.push({ op: 'qualification', key: `asc:qualification:${s.staffId}:${s.subjectId}`, staffId: s.staffId, subjectId: s.subjectId, label: subjectName(s.ascSubjectId) });
      }
    }
  }
  // The new teachers' subjects are part of their cards: say so on the card's line.
  const names = new Map([...slots.values()].map((s) => [s.subjectId, subjectName(s.ascSubjectId)]));
  for (const op of st.ops) {
    if (op.op !== 'createPerson') continue;
    const line = st.creates.find((c) => c.what === 'Сотрудник' && c.label === op.label);
    const subjects = qualified.get(op.id) ?? [];
    if (line && subjects.length) line.detail = `${line.detail}; предметы: ${subjects.map((x) => names.get(x)).join(', ')}`;
  }
}

function planJoints(st: AscPlanState, joints: { subjectId: string; ascSubjectId: string; slots: { ascClassId: string; groupNo: number }[] }[], className: (id: string) => string, subjectName: (id: string) => string): void {
  const taken = new Map<string, string>();
  const names = new Set<string>();
  const planned = new Set<string>();
  for (const j of joints) {
    // Another lesson of a joint group already planned (a double and a single of the same classes) is the same group.
    const same = `${j.subjectId}|${j.slots.map((s) => `${s.ascClassId}:${s.groupNo}`).sort().join(',')}`;
    if (planned.has(same)) continue;
    planned.add(same);
    const classes = j.slots.map((s) => className(s.ascClassId)).join(', ');
    let name = `${subjectName(j.ascSubjectId)}: ${classes}`.slice(0, 200);
    const busy = j.slots.find((s) => taken.has(`${j.subjectId}|${s.ascClassId}|${s.groupNo}`));
    if (busy) {
      st.lines.push({ level: 'error', what: 'Нагрузка', label: name, message: `класс ${className(busy.ascClassId)} уже в объединённой группе «${taken.get(`${j.subjectId}|${busy.ascClassId}|${busy.groupNo}`)}» по этому предмету — второе объединение не создано, уроки этого урока ${st.f.tool} не загружены` });
      continue;
    }
    if (names.has(`${j.subjectId}|${name}`)) name = `${name} (${names.size + 1})`.slice(0, 200);
    names.add(`${j.subjectId}|${name}`);
    for (const s of j.slots) taken.set(`${j.subjectId}|${s.ascClassId}|${s.groupNo}`, name);
    st.ops.push({ op: 'jointGroup', key: `asc:joint:${name}`, id: tempId(), yearId: st.yearId, subjectId: j.subjectId, name, slots: j.slots.map((s) => ({ classId: st.maps.classes.get(s.ascClassId)!, groupNo: s.groupNo })), label: name });
    st.creates.push({ what: 'Объединённая группа', label: name, detail: 'классы занимаются вместе, одним уроком' });
  }
}

interface Row { subjectId: string; hours: number; groups: number; doubles: number }

/** A grade plan from the grade's first class (in file order), and for each other class the rows where it differs. */
function planCurricula(st: AscPlanState, slots: Map<string, Slot>, className: (id: string) => string): void {
  const rowsOf = new Map<string, Map<string, Row>>();
  for (const s of slots.values()) {
    const rows = rowsOf.get(s.ascClassId) ?? new Map<string, Row>();
    rowsOf.set(s.ascClassId, rows);
    const r = rows.get(s.subjectId) ?? { subjectId: s.subjectId, hours: 0, groups: s.groupCount, doubles: 0 };
    r.hours = Math.max(r.hours, s.hours);
    r.groups = Math.max(r.groups, s.groupCount);
    r.doubles = Math.max(r.doubles, s.pairs);
    rows.set(s.subjectId, r);
  }
  const grades = new Map<number, string[]>();
  for (const op of st.ops) {
    if (op.op !== 'schoolClass') continue;
    const ascId = [...st.maps.classes.entries()].find(([, id]) => id === op.id)![0];
    if (!rowsOf.has(ascId)) continue;
    grades.set(op.grade, [...(grades.get(op.grade) ?? []), ascId]);
  }
  const same = (a: Row, b: Row) => a.hours === b.hours && a.groups === b.groups && a.doubles === b.doubles;
  const planRows = (rows: { r: Row; excluded: boolean }[]) => rows.map(({ r, excluded }, i) => ({ id: tempId(), subjectId: r.subjectId, hours: r.hours, groups: Math.max(1, r.groups), excluded, sortOrder: i, doubles: r.doubles }));
  for (const [grade, classes] of [...grades.entries()].sort((a, b) => a[0] - b[0])) {
    const ref = rowsOf.get(classes[0])!;
    const total = [...ref.values()].reduce((s, r) => s + r.hours, 0);
    const label = `Учебный план ${grade} классов (по классу ${className(classes[0])})`;
    st.ops.push({ op: 'curriculumPlan', key: `asc:curriculum:${grade}`, id: tempId(), yearId: st.yearId, grade, classId: null, weeksPerYear: grade === 1 ? 33 : 34, note: `Из ${st.f.tool === 'aSc' ? 'aSc Timetables' : 'FET'} по классу ${className(classes[0])}`, rows: planRows([...ref.values()].map((r) => ({ r, excluded: false }))), label });
    st.creates.push({ what: 'Учебный план', label, detail: `${ref.size} предм., ${hoursText(total)}` });
    for (const c of classes.slice(1)) {
      const mine = rowsOf.get(c)!;
      const diff = [...mine.values()].filter((r) => !ref.has(r.subjectId) || !same(ref.get(r.subjectId)!, r)).map((r) => ({ r, excluded: false }));
      for (const r of ref.values()) if (!mine.has(r.subjectId)) diff.push({ r, excluded: true });
      if (diff.length === 0) continue;
      const classLabel = `Учебный план ${className(c)}: отличия от параллели`;
      st.ops.push({ op: 'curriculumPlan', key: `asc:curriculum:${grade}:${c}`, id: tempId(), yearId: st.yearId, grade, classId: st.maps.classes.get(c)!, weeksPerYear: grade === 1 ? 33 : 34, note: `Из ${st.f.tool === 'aSc' ? 'aSc Timetables' : 'FET'}: отличия ${className(c)} от параллели`, rows: planRows(diff), label: classLabel });
      st.creates.push({ what: 'Учебный план', label: classLabel, detail: `${diff.length} строк` });
    }
  }
}
