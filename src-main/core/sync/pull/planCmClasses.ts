import type { PreviewEntry } from '../../../../src-shared/contract/exchange';
import { classInput } from '../../../../src-shared/contract/classes';
import type { Executor } from '../../foundation/executor';
import { parseWeekLengthByGrade } from '../../schoolSetup/index';
import { jointsOfYear } from '../../curriculum/index';
import { cmYearRows } from '../repo/cmExisting';
import type { CmClass, ExportCm } from '../formats/exportCm';
import { issueAt, type FileIssue } from '../formats/records';
import type { CmFacts } from './cmFacts';
import { classKey } from './planContext';
import { addEntry, domainProblems, portalRef } from './planEntries';
import type { PeopleState } from './planPeople';
import { tempId, type ParsedFile } from './planTypes';

/**
 * ExportCM's Plan → classes of the current year (with the shift and the week their lessons show),
 * subgroups numbered by the portal's group id, teaching assignments, joint (ИУП) groups shared by
 * several classes, and the curricula: a grade plan from the grade's first class not on ИУП, and for
 * every other class the rows where its hours differ (a class plan holds only differences).
 */
interface Maps {
  subjectBySid: Map<string, string>;
  byTid: Map<string, string>;
}

interface PlanRow {
  subjectId: string;
  /** The portal's subject id (entry keys must not depend on ids planned for new records). */
  sid: string;
  name: string;
  hours: number;
  groups: number;
  /** Different hours of the subject's groups (the plan keeps the largest). */
  spread: number[];
}

const CLASS_LABELS = { grade: 'Параллель', letter: 'Литера', shift: 'Смена', weekLength: 'Учебная неделя' };
const hoursText = (h: number) => `${String(h).replace('.', ',')} ч/нед`;

async function existing(db: Executor, yearId: string) {
  const [{ classes, slots, subgroups, plans, year }, joint] = await Promise.all([cmYearRows(db, yearId), jointsOfYear(db, yearId)]);
  return {
    classes: new Map(classes.map((c) => [c.id, { shift: Number(c.shift), weekLength: c.weekLength === null ? null : Number(c.weekLength), grade: Number(c.grade) }])),
    slots: new Set(slots.map((a) => `${a.classId}|${a.subjectId}|${a.groupNo}`)),
    subgroups: new Set(subgroups.map((s) => `${s.classId}|${s.subjectId}|${s.ordinal}`)),
    subgroupNames: new Set(subgroups.map((s) => `${s.classId}|${s.subjectId}|${s.name}`)),
    gradePlans: new Set(plans.filter((p) => p.scopeKey === 'grade').map((p) => Number(p.grade))),
    classPlans: new Set(plans.filter((p) => p.scopeKey !== 'grade').map((p) => p.scopeKey)),
    joint: new Set(joint.map((j) => `${j.subjectId}|${j.name}`)),
    /** `subjectId|classId|groupNo` → the joint group holding that slot (a slot is in one group of its subject). */
    jointSlots: new Map(joint.flatMap((j) => j.members.map((m) => [`${j.subjectId}|${m.classId}|${m.groupNo}`, j.name] as const))),
    weekOf: (grade: number) => parseWeekLengthByGrade(year?.weekLengthByGrade)[String(grade)] ?? Number(year?.weekLength ?? 5),
  };
}

type Existing = Awaited<ReturnType<typeof existing>>;

/** The class's own entry: created with its shift and week, or matched and compared. */
function planClass(st: PeopleState, f: ParsedFile, c: CmClass, facts: CmFacts, ex: Existing): string | null {
  const year = st.ctx.year!;
  const key = `${f.id}:class:${c.id || c.name}`;
  const label = `Класс ${c.name}${c.studcnt !== null ? ` (в портале ${c.studcnt} уч.)` : ''}`;
  const shift = facts.shiftOf.get(c.id) ?? null;
  const days = facts.daysOf.get(c.id);
  const week = days ? (days.has(6) ? 6 : 5) : null;
  const gradeWeek = ex.weekOf(c.grade);
  const found = st.ctx.classes.get(classKey(c.name));
  if (found) {
    const stored = ex.classes.get(found);
    const issues: FileIssue[] = [];
    if (stored && shift !== null && stored.shift !== shift) issues.push(issueAt(1, null, `в портале класс учится во ${shift} смену, в программе — в ${stored.shift}: не изменено`, 'warning'));
    const storedWeek = stored?.weekLength ?? gradeWeek;
    if (stored && week !== null && storedWeek !== week) issues.push(issueAt(1, null, `в портале у класса ${week}-дневная неделя (${week === 6 ? 'есть' : 'нет'} уроков в субботу), в программе — ${storedWeek}-дневная: не изменено`, 'warning'));
    addEntry(st, f, key, { entity: 'class', action: 'unchanged', label, recordId: found, matchedBy: 'name', issues });
    portalRef(st, key, 'class', found, c.id);
    return found;
  }
  const letter = classKey(c.name).replace(/^\d+/, '');
  const weekLength = week !== null && week !== gradeWeek ? week : null;
  const problems = domainProblems(classInput, { grade: c.grade, letter, shift: shift ?? 1, weekLength }, CLASS_LABELS);
  if (problems.length > 0) {
    addEntry(st, f, key, { entity: 'class', action: 'rejected', label, issues: problems });
    return null;
  }
  const id = tempId();
  st.ctx.classes.set(classKey(c.name), id);
  const issues = shift === null ? [issueAt(1, null, 'уроков класса нет в расписании недели: смена и учебная неделя не известны — 1 смена, неделя параллели', 'warning')] : [];
  const changes: PreviewEntry['changes'] = [
    { field: 'grade', label: 'Параллель', old: null, new: String(c.grade) },
    { field: 'shift', label: 'Смена', old: null, new: String(shift ?? 1) },
    { field: 'weekLength', label: 'Учебная неделя', old: null, new: `${weekLength ?? gradeWeek} дней${weekLength === null ? ' (как у параллели)' : ''}` },
  ];
  addEntry(st, f, key, { entity: 'class', action: 'create', label, issues, changes });
  st.ops.push({ op: 'schoolClass', key, id, yearId: year.id, grade: c.grade, letter, name: classKey(c.name), shift: shift ?? 1, weekLength, label: c.name });
  portalRef(st, key, 'class', id, c.id);
  return id;
}

/** The last part of a csg name («Иностранный язык/…/англ.1 под» → «англ.1 под»), or the whole for a shared group. */
function groupName(name: string, shared: boolean, no: number): string {
  if (shared) return name.slice(0, 100);
  const last = name.split('/').pop()?.trim();
  return (last || `Группа ${no}`).slice(0, 100);
}

export async function planClassesAndLoad(db: Executor, st: PeopleState, f: ParsedFile, cm: ExportCm, facts: CmFacts, m: Maps): Promise<void> {
  const year = st.ctx.year!;
  const ex = await existing(db, year.id);
  const subjectName = new Map(cm.subjects.map((s) => [s.sid, s.name]));
  const joint = new Map<string, { subjectId: string; name: string; slots: { classId: string; groupNo: number; className: string }[]; tid: string | null; hours: number }>();
  const plans = new Map<string, { c: CmClass; classId: string; rows: Map<string, PlanRow> }>();
  for (const c of cm.classes) {
    const classId = planClass(st, f, c, facts, ex);
    if (!classId) continue;
    const rows = new Map<string, PlanRow>();
    plans.set(c.id, { c, classId, rows });
    for (const g of c.csgs) {
      const gkey = `${f.id}:csg:${c.id}:${g.id}`;
      const subjectId = m.subjectBySid.get(g.sid);
      const label = `${c.name}: ${g.name}${g.hrsweek ? `, ${hoursText(g.hrsweek)}` : ''}`;
      if (!subjectId) {
        addEntry(st, f, gkey, { entity: 'assignment', action: 'rejected', label, issues: [issueAt(1, null, `предмет с кодом ${g.sid} не найден в разделе subjects или не загружен`)] });
        continue;
      }
      if (facts.duplicates.has(`${c.id}|${g.id}`)) {
        addEntry(st, f, gkey, { entity: 'assignment', action: 'rejected', label, issues: [issueAt(1, null, `предмет «${subjectName.get(g.sid)}» указан у класса ещё раз с тем же номером группы (groupid="${g.groupId ?? ''}") — эта строка не загружена`)] });
        continue;
      }
      const no = facts.groupNo.get(`${c.id}|${g.id}`) ?? 0;
      const groups = facts.groupsOf.get(`${c.id}|${g.sid}`) ?? 1;
      const shared = (facts.classesOfCsg.get(g.id)?.length ?? 1) > 1;
      const row = rows.get(subjectId) ?? { subjectId, sid: g.sid, name: subjectName.get(g.sid) ?? g.sid, hours: 0, groups, spread: [] };
      row.hours = Math.max(row.hours, g.hrsweek);
      if (!row.spread.includes(g.hrsweek)) row.spread.push(g.hrsweek);
      rows.set(subjectId, row);
      if (no > 0) planSubgroup(st, f, ex, { key: `${gkey}:subgroup`, classId, className: c.name, subjectId, subject: row.name, no, name: groupName(g.name, shared, no) });
      if (shared) {
        const j = joint.get(g.id) ?? { subjectId, name: g.name.slice(0, 200), slots: [], tid: g.tid, hours: g.hrsweek };
        j.slots.push({ classId, groupNo: no, className: c.name });
        joint.set(g.id, j);
      }
      const staffId = g.tid ? m.byTid.get(g.tid) : undefined;
      const groupNote = no > 0 ? [] : g.groupId && groups === 1 ? [issueAt(1, null, 'единственная группа предмета в классе — нагрузка записана на весь класс', 'warning')] : [];
      if (!staffId) {
        addEntry(st, f, gkey, { entity: 'assignment', action: 'unchanged', label, issues: [...groupNote, issueAt(1, null, g.tid ? 'учитель не сопоставлен — нагрузка не записана' : 'в портале учитель не назначен (вакансия)', 'warning')] });
        continue;
      }
      const slot = `${classId}|${subjectId}|${no}`;
      if (ex.slots.has(slot)) {
        addEntry(st, f, gkey, { entity: 'assignment', action: 'unchanged', label, matchedBy: 'name', issues: groupNote });
        portalRef(st, gkey, 'csg', slot, g.id);
        continue;
      }
      ex.slots.add(slot);
      addEntry(st, f, gkey, { entity: 'assignment', action: 'create', label, issues: groupNote, changes: [{ field: 'staff', label: 'Учитель', old: null, new: st.ctx.staff.get(staffId)?.label ?? null }, { field: 'group', label: 'Группа', old: null, new: no === 0 ? 'весь класс' : `подгруппа ${no}` }] });
      st.ops.push({ op: 'assignment', key: gkey, id: tempId(), yearId: year.id, classId, subjectId, groupNo: no, staffId, label });
      portalRef(st, gkey, 'csg', slot, g.id);
    }
  }
  planJointGroups(st, f, ex, joint, year.id, m.byTid);
  planCurricula(st, f, ex, [...plans.values()], year.id);
}

function planSubgroup(st: PeopleState, f: ParsedFile, ex: Existing, s: { key: string; classId: string; className: string; subjectId: string; subject: string; no: number; name: string }): void {
  const label = `${s.className}: ${s.subject}, подгруппа ${s.no} «${s.name}»`;
  if (ex.subgroups.has(`${s.classId}|${s.subjectId}|${s.no}`)) {
    addEntry(st, f, s.key, { entity: 'subgroup', action: 'unchanged', label, matchedBy: 'name' });
    return;
  }
  // The name is unique in the class's subject: a second group of the same name gets its number.
  let name = s.name;
  if (ex.subgroupNames.has(`${s.classId}|${s.subjectId}|${name}`)) name = `${name} (${s.no})`.slice(0, 100);
  ex.subgroups.add(`${s.classId}|${s.subjectId}|${s.no}`);
  ex.subgroupNames.add(`${s.classId}|${s.subjectId}|${name}`);
  addEntry(st, f, s.key, { entity: 'subgroup', action: 'create', label, changes: [{ field: 'ordinal', label: 'Номер подгруппы', old: null, new: String(s.no) }] });
  st.ops.push({ op: 'subgroup', key: s.key, id: tempId(), classId: s.classId, subjectId: s.subjectId, name, ordinal: s.no, label });
}

function planJointGroups(st: PeopleState, f: ParsedFile, ex: Existing, joint: Map<string, { subjectId: string; name: string; slots: { classId: string; groupNo: number; className: string }[]; tid: string | null; hours: number }>, yearId: string, byTid: Map<string, string>): void {
  for (const [csgId, j] of joint) {
    const key = `${f.id}:joint:${csgId}`;
    const classes = j.slots.map((s) => s.className).join(', ');
    const label = `Сводная группа «${j.name}»: ${classes}`;
    if (ex.joint.has(`${j.subjectId}|${j.name}`)) {
      addEntry(st, f, key, { entity: 'jointGroup', action: 'unchanged', label, matchedBy: 'name' });
      continue;
    }
    // The curriculum refuses a slot in two groups of its subject: say so here, not at apply.
    const taken = j.slots.find((s) => ex.jointSlots.has(`${j.subjectId}|${s.classId}|${s.groupNo}`));
    if (taken) {
      const other = ex.jointSlots.get(`${j.subjectId}|${taken.classId}|${taken.groupNo}`);
      addEntry(st, f, key, { entity: 'jointGroup', action: 'rejected', label, issues: [issueAt(1, null, `класс ${taken.className}${taken.groupNo ? ` (подгруппа ${taken.groupNo})` : ''} уже входит в сводную группу «${other}» по этому предмету — группа не загружена`)] });
      continue;
    }
    ex.joint.add(`${j.subjectId}|${j.name}`);
    for (const s of j.slots) ex.jointSlots.set(`${j.subjectId}|${s.classId}|${s.groupNo}`, j.name);
    const staffId = j.tid ? byTid.get(j.tid) : undefined;
    const teacher = staffId ? (st.ctx.staff.get(staffId)?.label ?? null) : null;
    addEntry(st, f, key, {
      entity: 'jointGroup',
      action: 'create',
      label,
      changes: [
        { field: 'classes', label: 'Классы (вместе, одним уроком)', old: null, new: j.slots.map((s) => `${s.className}${s.groupNo ? ` (подгруппа ${s.groupNo})` : ''}`).join(', ') },
        { field: 'hours', label: 'Часов в неделю (учителю — один раз)', old: null, new: hoursText(j.hours) },
        ...(teacher ? [{ field: 'staff', label: 'Учитель', old: null, new: teacher }] : []),
      ],
    });
    const id = tempId();
    st.ops.push({ op: 'jointGroup', key, id, yearId, subjectId: j.subjectId, name: j.name, slots: j.slots.map(({ classId, groupNo }) => ({ classId, groupNo })), label });
    portalRef(st, key, 'jointGroup', id, csgId);
  }
}

function rowText(r: PlanRow): string {
  return `${r.name} — ${hoursText(r.hours)}${r.groups > 1 ? `, групп: ${r.groups}` : ''}`;
}

/** Grade plans from each grade's first class not on ИУП; the other classes' differences as class plans. */
function planCurricula(st: PeopleState, f: ParsedFile, ex: Existing, classes: { c: CmClass; classId: string; rows: Map<string, PlanRow> }[], yearId: string): void {
  const grades = new Map<number, typeof classes>();
  for (const x of classes) grades.set(x.c.grade, [...(grades.get(x.c.grade) ?? []), x]);
  for (const [grade, list] of [...grades.entries()].sort((a, b) => a[0] - b[0])) {
    const ref = list.find((x) => !x.c.csgs.some((g) => g.parentSubjectId)) ?? list[0];
    const key = `${f.id}:curriculum:${grade}`;
    const weeksPerYear = grade === 1 ? 33 : 34;
    if (ex.gradePlans.has(grade)) {
      addEntry(st, f, key, { entity: 'curriculum', action: 'unchanged', label: `Учебный план ${grade} классов`, issues: [issueAt(1, null, `учебный план параллели уже есть — не изменён; часы классов ${list.map((x) => x.c.name).join(', ')} из файла не загружены`, 'warning')] });
      continue;
    }
    if (ref.rows.size === 0) continue;
    const rows = [...ref.rows.values()];
    const total = rows.reduce((s, r) => s + r.hours, 0);
    addPlan(st, f, key, { yearId, grade, classId: null, weeksPerYear, note: `Загружен из портала (ExportCM.nsxml) по классу ${ref.c.name}`, label: `Учебный план ${grade} классов (по классу ${ref.c.name})`, summary: `${rows.length} / ${String(total).replace('.', ',')}` }, rows.map((r) => ({ r, excluded: false })));
    for (const x of list) {
      if (x === ref) continue;
      const diff: { r: PlanRow; excluded: boolean }[] = [];
      for (const r of x.rows.values()) {
        const base = ref.rows.get(r.subjectId);
        if (!base || base.hours !== r.hours || base.groups !== r.groups) diff.push({ r, excluded: false });
      }
      for (const base of ref.rows.values()) if (!x.rows.has(base.subjectId)) diff.push({ r: base, excluded: true });
      if (diff.length === 0) continue;
      const ckey = `${f.id}:curriculum:${grade}:${x.c.id}`;
      if (ex.classPlans.has(x.classId)) {
        addEntry(st, f, ckey, { entity: 'curriculum', action: 'unchanged', label: `Учебный план ${x.c.name}`, issues: [issueAt(1, null, 'учебный план класса уже есть — не изменён', 'warning')] });
        continue;
      }
      const onIup = x.c.csgs.some((g) => g.parentSubjectId);
      addPlan(st, f, ckey, { yearId, grade, classId: x.classId, weeksPerYear, note: `Загружен из портала (ExportCM.nsxml): отличия ${x.c.name} от параллели${onIup ? ' (ИУП)' : ''}`, label: `Учебный план ${x.c.name}: отличия от параллели${onIup ? ' (ИУП)' : ''}`, summary: `${diff.length}` }, diff);
    }
  }
}

function addPlan(
  st: PeopleState,
  f: ParsedFile,
  key: string,
  p: { yearId: string; grade: number; classId: string | null; weeksPerYear: number; note: string; label: string; summary: string },
  rows: { r: PlanRow; excluded: boolean }[],
): void {
  addEntry(st, f, key, { entity: 'curriculum', action: 'create', label: p.label, changes: [{ field: 'rows', label: p.classId ? 'Строк (отличий)' : 'Предметов / часов в неделю', old: null, new: p.summary }] });
  const planRows = rows.map(({ r, excluded }, i) => {
    const issues = r.spread.length > 1 && !excluded ? [issueAt(1, null, `у групп предмета разные часы (${r.spread.map(hoursText).join(', ')}) — в учебный план записано ${hoursText(r.hours)}`, 'warning')] : [];
    addEntry(st, f, `${key}:row:${r.sid}`, { entity: 'curriculumRow', action: 'create', label: `${p.label.split(':')[0].replace(/ \(по классу .*\)$/, '')}: ${excluded ? `${r.name} — не изучается (в параллели есть)` : rowText(r)}`, issues });
    return { id: tempId(), subjectId: r.subjectId, hours: r.hours, groups: Math.max(1, r.groups), excluded, sortOrder: i };
  });
  st.ops.push({ op: 'curriculumPlan', key, id: tempId(), yearId: p.yearId, grade: p.grade, classId: p.classId, weeksPerYear: p.weeksPerYear, note: p.note, rows: planRows, label: p.label });
}
