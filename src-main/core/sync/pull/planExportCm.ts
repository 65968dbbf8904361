import type { PreviewEntry } from '../../../../src-shared/contract/exchange';
import { newId } from '../../../../src-shared/domain/ids';
import { searchKey } from '../../../../src-shared/domain/names';
import { builtinRoomTypeId } from '../../../../src-shared/domain/schoolSetup/roomTypes';
import type { ExportCm } from '../formats/exportCm';
import { issueAt } from '../formats/records';
import { personLabel } from './peopleIndex';
import { classKey } from './planContext';
import type { PeopleState } from './planPeople';
import type { ParsedFile } from './planTypes';
import type { Executor } from '../../foundation/executor';

/**
 * ExportCM.nsxml → the school's set-up (§2.1): subjects, rooms, classes of the current year, bell
 * times per shift, teachers (staff cards matched by ФИО, the portal's `tid` kept), subgroups,
 * teaching load and the grade curricula. Existing records are matched by name and keep their
 * data; only what is missing is created, and the portal's ids are stored for the next exchange.
 */
const NOW = () => new Date().toISOString();

function add(st: PeopleState, f: ParsedFile, key: string, e: Partial<PreviewEntry> & Pick<PreviewEntry, 'entity' | 'action' | 'label'>): PreviewEntry {
  const full: PreviewEntry = { key, fileName: f.fileName, row: null, recordId: null, matchedBy: null, changes: [], issues: [], candidates: [], ...e };
  st.entries.push(full);
  return full;
}

function ref(st: PeopleState, key: string, entity: string, id: string, portalId: string): void {
  if (portalId) st.ops.push({ op: 'portalRef', key, entity, id, portalId: `cm:${portalId}` });
}

/** Sex from the patronymic (…вич / …вна), else from the surname ending; null when unsure. */
export function sexFromName(lastName: string, middleName: string | null): 'М' | 'Ж' | null {
  const m = (middleName ?? '').toLowerCase();
  if (/(вич|ьич|ич)$/.test(m) || m.endsWith('оглы')) return 'М';
  if (/(вна|чна|шна)$/.test(m) || m.endsWith('кызы')) return 'Ж';
  const l = lastName.toLowerCase();
  if (/(ова|ева|ёва|ина|ая|ская)$/.test(l)) return 'Ж';
  if (/(ов|ев|ёв|ин|ий|ой|ский)$/.test(l)) return 'М';
  return null;
}

async function planTeachers(st: PeopleState, f: ParsedFile, cm: ExportCm): Promise<Map<string, string>> {
  const byTid = new Map<string, string>();
  cm.teachers.forEach((t, i) => {
    const key = `${f.id}:teacher:${t.tid || i}`;
    const label = personLabel({ lastName: t.lastName, firstName: t.firstName, middleName: t.middleName, birthDate: null });
    const match = st.ctx.staff.match({ portalId: t.tid ? `cm:${t.tid}` : null, snils: null, lastName: t.lastName, firstName: t.firstName, middleName: t.middleName, birthDate: null });
    if (match.kind === 'match') {
      byTid.set(t.tid, match.person.id);
      add(st, f, key, { entity: 'staff', action: 'unchanged', label, recordId: match.person.planned ? null : match.person.id, matchedBy: match.by === 'portalId' ? 'portalId' : 'name' });
      ref(st, key, 'staff', match.person.id, t.tid);
      return;
    }
    if (match.kind === 'ambiguous') {
      const chosen = st.decisions[key];
      if (chosen && match.candidates.some((c) => c.id === chosen)) {
        byTid.set(t.tid, chosen);
        add(st, f, key, { entity: 'staff', action: 'unchanged', label, recordId: chosen, matchedBy: 'name' });
        ref(st, key, 'staff', chosen, t.tid);
        return;
      }
      if (chosen !== 'new') {
        add(st, f, key, { entity: 'staff', action: 'ambiguous', label, candidates: match.candidates.map((c) => ({ id: c.id, label: c.label })), issues: [issueAt(1, null, 'несколько сотрудников с такими ФИО — выберите нужного', 'warning')] });
        return;
      }
    }
    const sex = sexFromName(t.lastName, t.middleName);
    if (!sex || !t.firstName) {
      add(st, f, key, { entity: 'staff', action: 'rejected', label, issues: [issueAt(1, null, !t.firstName ? 'у учителя нет имени' : 'пол не определяется по ФИО — создайте карточку сотрудника вручную и повторите загрузку')] });
      return;
    }
    const id = newId();
    const parts = { lastName: t.lastName, firstName: t.firstName, middleName: t.middleName, sex, positions: [{ id: null, position: 'Учитель', kind: 'main', rate: null, startDate: null, endDate: null, orderNumber: null }] };
    st.ctx.staff.add({ id, label, lastName: t.lastName, firstName: t.firstName, middleName: t.middleName, birthDate: null, snils: null, planned: true }, t.tid ? `cm:${t.tid}` : null);
    byTid.set(t.tid, id);
    add(st, f, key, { entity: 'staff', action: 'create', label, changes: [{ field: 'positions', label: 'Должность', old: null, new: 'Учитель' }] });
    st.ops.push({ op: 'createPerson', key, kind: 'staff', id, parts, label });
    ref(st, key, 'staff', id, t.tid);
  });
  return byTid;
}

export async function planExportCm(db: Executor, st: PeopleState, f: ParsedFile): Promise<void> {
  const cm = f.exportCm;
  if (!cm) return;
  const at = NOW();
  const year = st.ctx.year;
  // Subjects by name.
  const subjects = new Map((await db.selectFrom('subject').select(['id', 'name']).execute()).map((s) => [searchKey(s.name), s.id]));
  const subjectBySid = new Map<string, string>();
  cm.subjects.forEach((s, i) => {
    const key = `${f.id}:subject:${s.sid || i}`;
    const found = subjects.get(searchKey(s.name));
    if (found) {
      subjectBySid.set(s.sid, found);
      add(st, f, key, { entity: 'subject', action: 'unchanged', label: s.name, recordId: found, matchedBy: 'name' });
      ref(st, key, 'subject', found, s.sid);
      return;
    }
    const id = newId();
    subjects.set(searchKey(s.name), id);
    subjectBySid.set(s.sid, id);
    add(st, f, key, { entity: 'subject', action: 'create', label: s.name, changes: [{ field: 'shortName', label: 'Сокращение', old: null, new: s.abbr }] });
    st.ops.push({ op: 'insertRow', key, table: 'subject', entity: 'subject', label: s.name, row: { id, name: s.name.slice(0, 200), shortName: s.abbr.slice(0, 20), subjectAreaId: null, isSplit: 0, sanpinKey: null, sortOrder: 100 + i, isArchived: 0, version: 1, updatedAt: at } });
    ref(st, key, 'subject', id, s.sid);
  });
  // Rooms by number.
  const rooms = new Map((await db.selectFrom('room').select(['id', 'number']).execute()).map((r) => [r.number.trim().toLowerCase(), r.id]));
  cm.rooms.forEach((r, i) => {
    const key = `${f.id}:room:${r.id || i}`;
    const found = rooms.get(r.name.trim().toLowerCase());
    if (found) {
      add(st, f, key, { entity: 'room', action: 'unchanged', label: `Кабинет ${r.name}`, recordId: found, matchedBy: 'name' });
      ref(st, key, 'room', found, r.id);
      return;
    }
    const id = newId();
    rooms.set(r.name.trim().toLowerCase(), id);
    add(st, f, key, { entity: 'room', action: 'create', label: `Кабинет ${r.name}`, changes: r.seats ? [{ field: 'capacity', label: 'Мест', old: null, new: String(r.seats) }] : [] });
    st.ops.push({ op: 'insertRow', key, table: 'room', entity: 'room', label: r.name, row: { id, number: r.name.slice(0, 20), name: null, floor: r.floor, capacity: r.seats, roomTypeId: builtinRoomTypeId('regular'), note: null, isActive: 1, version: 1, updatedAt: at } });
    ref(st, key, 'room', id, r.id);
  });
  const byTid = await planTeachers(st, f, cm);
  if (!year) {
    add(st, f, `${f.id}:year`, { entity: 'class', action: 'rejected', label: 'Классы, звонки и нагрузка', issues: [issueAt(1, null, 'нет текущего учебного года — создайте его, затем повторите загрузку')] });
    return;
  }
  // Bell times per shift, when the year has none for that shift.
  const shifts = new Set((await db.selectFrom('bellSchedule').select('shift').where('academicYearId', '=', year.id).execute()).map((b) => Number(b.shift)));
  for (const shift of [...new Set(cm.lessonTimes.map((t) => t.shift))].sort()) {
    const key = `${f.id}:bells:${shift}`;
    const lessons = cm.lessonTimes.filter((t) => t.shift === shift).sort((a, b) => a.number - b.number);
    const text = lessons.map((l) => `${l.number}) ${l.start}–${l.end}`).join(', ');
    if (shifts.has(shift)) {
      add(st, f, key, { entity: 'bells', action: 'unchanged', label: `Звонки, ${shift} смена`, issues: [issueAt(1, null, 'расписание звонков этой смены уже есть — не изменено', 'warning')] });
      continue;
    }
    const id = newId();
    const hhmm = (t: string) => t.padStart(5, '0');
    add(st, f, key, { entity: 'bells', action: 'create', label: `Звонки, ${shift} смена`, changes: [{ field: 'lessons', label: 'Уроки', old: null, new: text }] });
    st.ops.push({ op: 'insertRow', key, table: 'bellSchedule', entity: 'bellSchedule', label: `Смена ${shift}`, row: { id, academicYearId: year.id, name: `${shift} смена (из портала)`, shift, weekdays: '1,2,3,4,5', version: 1, updatedAt: at }, children: { table: 'bellLesson', rows: lessons.map((l) => ({ scheduleId: id, lessonNumber: l.number, startTime: hhmm(l.start), endTime: hhmm(l.end) })) } });
  }
  await planClassesAndLoad(db, st, f, cm, { subjectBySid, byTid, at });
}

async function planClassesAndLoad(db: Executor, st: PeopleState, f: ParsedFile, cm: ExportCm, m: { subjectBySid: Map<string, string>; byTid: Map<string, string>; at: string }): Promise<void> {
  const year = st.ctx.year!;
  const slots = new Set((await db.selectFrom('teachingAssignment').select(['classId', 'subjectId', 'groupNo']).where('academicYearId', '=', year.id).execute()).map((a) => `${a.classId}|${a.subjectId}|${a.groupNo}`));
  const subgroups = new Set((await db.selectFrom('subgroup as s').innerJoin('schoolClass as c', 'c.id', 's.classId').select(['s.classId', 's.subjectId', 's.ordinal']).where('c.academicYearId', '=', year.id).execute()).map((s) => `${s.classId}|${s.subjectId}|${s.ordinal}`));
  const plannedGrades = new Set((await db.selectFrom('curriculumPlan').select('grade').where('academicYearId', '=', year.id).where('scopeKey', '=', 'grade').execute()).map((p) => Number(p.grade)));
  for (const c of cm.classes) {
    const key = `${f.id}:class:${c.id || c.name}`;
    let classId = st.ctx.classes.get(classKey(c.name));
    const label = `Класс ${c.name}${c.studcnt !== null ? ` (в портале ${c.studcnt} уч.)` : ''}`;
    if (classId) {
      add(st, f, key, { entity: 'class', action: 'unchanged', label, recordId: classId, matchedBy: 'name' });
    } else {
      classId = newId();
      const letter = classKey(c.name).replace(/^\d+/, '') || '';
      st.ctx.classes.set(classKey(c.name), classId);
      add(st, f, key, { entity: 'class', action: 'create', label, changes: [{ field: 'grade', label: 'Параллель', old: null, new: String(c.grade) }] });
      st.ops.push({ op: 'insertRow', key, table: 'schoolClass', entity: 'schoolClass', label: c.name, row: { id: classId, academicYearId: year.id, grade: c.grade, letter, name: classKey(c.name), classTeacherId: null, shift: 1, previousClassId: null, version: 1, updatedAt: m.at, homeRoomId: null, weekLength: null, programmeVariant: null } });
    }
    ref(st, key, 'class', classId, c.id);
    // Groups of one subject are numbered 1…n in the order the portal lists them.
    const groupNo = new Map<string, number>();
    for (const g of c.csgs) {
      const subjectId = m.subjectBySid.get(g.sid);
      const gkey = `${f.id}:csg:${g.id}`;
      if (!subjectId) {
        add(st, f, gkey, { entity: 'assignment', action: 'rejected', label: `${c.name}: ${g.name}`, issues: [issueAt(1, null, `предмет с кодом ${g.sid} не найден в разделе subjects`)] });
        continue;
      }
      let no = 0;
      if (g.groupId) {
        no = (groupNo.get(g.sid) ?? 0) + 1;
        groupNo.set(g.sid, no);
        if (!subgroups.has(`${classId}|${subjectId}|${no}`)) {
          subgroups.add(`${classId}|${subjectId}|${no}`);
          const name = (g.name.split('/').pop() || `Группа ${no}`).slice(0, 100);
          st.ops.push({ op: 'insertRow', key: gkey, table: 'subgroup', entity: 'subgroup', label: name, row: { id: newId(), classId, subjectId, name, ordinal: no, version: 1, updatedAt: m.at } });
        }
      }
      const staffId = g.tid ? m.byTid.get(g.tid) : undefined;
      const label = `${c.name}: ${g.name}${g.hrsweek ? `, ${g.hrsweek} ч/нед` : ''}`;
      if (!staffId) {
        add(st, f, gkey, { entity: 'assignment', action: 'unchanged', label, issues: [issueAt(1, null, g.tid ? 'учитель не сопоставлен — нагрузка не записана' : 'в портале учитель не назначен (вакансия)', 'warning')] });
        continue;
      }
      if (slots.has(`${classId}|${subjectId}|${no}`)) {
        add(st, f, gkey, { entity: 'assignment', action: 'unchanged', label, matchedBy: 'name' });
        ref(st, gkey, 'csg', `${classId}|${subjectId}|${no}`, g.id);
        continue;
      }
      slots.add(`${classId}|${subjectId}|${no}`);
      add(st, f, gkey, { entity: 'assignment', action: 'create', label, changes: [{ field: 'staff', label: 'Учитель', old: null, new: st.ctx.staff.get(staffId)?.label ?? null }] });
      st.ops.push({ op: 'insertRow', key: gkey, table: 'teachingAssignment', entity: 'teachingAssignment', label, row: { id: newId(), academicYearId: year.id, classId, subjectId, groupNo: no, staffId, version: 1, updatedAt: m.at } });
      ref(st, gkey, 'csg', `${classId}|${subjectId}|${no}`, g.id);
    }
  }
  // Grade curricula from the first class of each grade that has none (the class plans hold only differences).
  const grades = new Map<number, ExportCm['classes'][number]>();
  for (const c of cm.classes) if (!grades.has(c.grade)) grades.set(c.grade, c);
  for (const [grade, c] of [...grades.entries()].sort((a, b) => a[0] - b[0])) {
    const key = `${f.id}:curriculum:${grade}`;
    if (plannedGrades.has(grade)) {
      add(st, f, key, { entity: 'curriculum', action: 'unchanged', label: `Учебный план ${grade} классов`, issues: [issueAt(1, null, 'учебный план параллели уже есть — не изменён', 'warning')] });
      continue;
    }
    const bySubject = new Map<string, { hours: number; groups: number }>();
    for (const g of c.csgs) {
      const subjectId = m.subjectBySid.get(g.sid);
      if (!subjectId) continue;
      const cur = bySubject.get(subjectId) ?? { hours: 0, groups: 0 };
      bySubject.set(subjectId, { hours: Math.max(cur.hours, g.hrsweek), groups: cur.groups + (g.groupId ? 1 : 0) });
    }
    if (bySubject.size === 0) continue;
    const planId = newId();
    const total = [...bySubject.values()].reduce((s, x) => s + x.hours, 0);
    add(st, f, key, { entity: 'curriculum', action: 'create', label: `Учебный план ${grade} классов (по классу ${c.name})`, changes: [{ field: 'rows', label: 'Предметов / часов в неделю', old: null, new: `${bySubject.size} / ${total}` }] });
    st.ops.push({ op: 'insertRow', key, table: 'curriculumPlan', entity: 'curriculumPlan', label: `${grade} классы`, row: { id: planId, academicYearId: year.id, grade, classId: null, scopeKey: 'grade', weeksPerYear: grade === 1 ? 33 : 34, note: 'Загружен из портала (ExportCM.nsxml)', version: 1, updatedAt: m.at } });
    let order = 0;
    for (const [subjectId, x] of bySubject) {
      st.ops.push({ op: 'insertRow', key, table: 'curriculumRow', entity: 'curriculumPlan', label: '', row: { id: newId(), planId, subjectId, part: 'mandatory', hours: JSON.stringify([x.hours]), groups: Math.max(1, x.groups), doubles: 0, assessment: null, excluded: 0, sortOrder: order++ } });
    }
  }
}
