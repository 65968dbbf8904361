import type { PreviewEntry } from '../../../../src-shared/contract/exchange';
import { bellShifts, qualifications, roomNames, subjectNames } from '../repo/planReads';
import { bellScheduleInput } from '../../../../src-shared/contract/bells';
import { roomInput } from '../../../../src-shared/contract/rooms';
import { subjectInput } from '../../../../src-shared/contract/subjects';
import { searchKey } from '../../../../src-shared/domain/names';
import { builtinRoomTypeId } from '../../../../src-shared/domain/schoolSetup/roomTypes';
import type { ExportCm } from '../formats/exportCm';
import { issueAt, type FileIssue } from '../formats/records';
import { sawPerson } from './planDifferences';
import { addEntry, domainProblems, portalRef } from './planEntries';
import { shortenWords } from '../formats/shorten';
import { cmFacts, type CmFacts } from './cmFacts';
import { personLabel } from './peopleIndex';
import { planClassesAndLoad } from './planCmClasses';
import type { PeopleState } from './planPeople';
import { tempId, type ParsedFile } from './planTypes';
import type { Executor } from '../../foundation/executor';

/**
 * ExportCM.nsxml → the school's set-up (§2.1): subjects, rooms, teachers (staff cards matched by
 * ФИО, the portal's `tid` kept) and what they are qualified for, bell times per shift and weekday,
 * then classes, groups, load and curricula (planCmClasses). Existing records are matched by name and
 * keep their data; what is missing is created, each record an entry of the preview; what the
 * program has no place for is listed as not imported. Every value goes through the owning domain's
 * own input schema, so the file and the form accept the same things.
 */
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

function planTeachers(st: PeopleState, f: ParsedFile, cm: ExportCm): Map<string, string> {
  const byTid = new Map<string, string>();
  cm.teachers.forEach((t, i) => {
    const key = `${f.id}:teacher:${t.tid || i}`;
    const label = personLabel({ lastName: t.lastName, firstName: t.firstName, middleName: t.middleName, birthDate: null });
    const match = st.ctx.staff.match({ portalId: t.tid ? `cm:${t.tid}` : null, snils: null, lastName: t.lastName, firstName: t.firstName, middleName: t.middleName, birthDate: null });
    if (match.kind === 'match') {
      byTid.set(t.tid, match.person.id);
      sawPerson(st.sightings, 'staff', match.person.id);
      addEntry(st, f, key, { entity: 'staff', action: 'unchanged', label, recordId: match.person.planned ? null : match.person.id, matchedBy: match.by === 'portalId' ? 'portalId' : 'name' });
      portalRef(st, key, 'staff', match.person.id, t.tid);
      return;
    }
    if (match.kind === 'ambiguous') {
      const chosen = st.decisions[key];
      if (chosen && match.candidates.some((c) => c.id === chosen)) {
        byTid.set(t.tid, chosen);
        sawPerson(st.sightings, 'staff', chosen);
        addEntry(st, f, key, { entity: 'staff', action: 'unchanged', label, recordId: chosen, matchedBy: 'name' });
        portalRef(st, key, 'staff', chosen, t.tid);
        return;
      }
      if (chosen !== 'new') {
        addEntry(st, f, key, { entity: 'staff', action: 'ambiguous', label, candidates: match.candidates.map((c) => ({ id: c.id, label: c.label })), issues: [issueAt(1, null, 'несколько сотрудников с такими ФИО — выберите нужного', 'warning')] });
        return;
      }
    }
    const sex = sexFromName(t.lastName, t.middleName);
    if (!sex || !t.firstName) {
      addEntry(st, f, key, { entity: 'staff', action: 'rejected', label, issues: [issueAt(1, null, !t.firstName ? 'у учителя нет имени' : 'пол не определяется по ФИО — создайте карточку сотрудника вручную и повторите загрузку')] });
      return;
    }
    const id = tempId();
    const parts = { lastName: t.lastName, firstName: t.firstName, middleName: t.middleName, sex, positions: [{ id: null, position: 'Учитель', kind: 'main', rate: null, startDate: null, endDate: null, orderNumber: null }] };
    st.ctx.staff.add({ id, label, lastName: t.lastName, firstName: t.firstName, middleName: t.middleName, birthDate: null, snils: null, planned: true }, t.tid ? `cm:${t.tid}` : null);
    byTid.set(t.tid, id);
    sawPerson(st.sightings, 'staff', id);
    addEntry(st, f, key, { entity: 'staff', action: 'create', label, changes: [{ field: 'positions', label: 'Должность', old: null, new: 'Учитель' }] });
    st.ops.push({ op: 'createPerson', key, kind: 'staff', id, parts, label });
    portalRef(st, key, 'staff', id, t.tid);
  });
  return byTid;
}

const SUBJECT_LABELS = { name: 'Название', shortName: 'Сокращение' };
const ROOM_LABELS = { number: 'Номер кабинета', name: 'Название', floor: 'Этаж', capacity: 'Мест' };
const BELL_LABELS = { name: 'Название', shift: 'Смена', weekdays: 'Дни недели', lessons: 'Уроки' };
const ROOM_NUMBER_MAX = 20;
const SHORT_NAME_MAX = 40;

async function planSubjects(db: Executor, st: PeopleState, f: ParsedFile, cm: ExportCm): Promise<Map<string, string>> {
  const subjects = new Map((await subjectNames(db)).map((s) => [searchKey(s.name), s.id]));
  const subjectBySid = new Map<string, string>();
  cm.subjects.forEach((s, i) => {
    const key = `${f.id}:subject:${s.sid || i}`;
    const found = subjects.get(searchKey(s.name));
    if (found) {
      subjectBySid.set(s.sid, found);
      addEntry(st, f, key, { entity: 'subject', action: 'unchanged', label: s.name, recordId: found, matchedBy: 'name' });
      portalRef(st, key, 'subject', found, s.sid);
      return;
    }
    const shortName = shortenWords(s.abbr, SHORT_NAME_MAX);
    const problems = domainProblems(subjectInput, { name: s.name, shortName }, SUBJECT_LABELS);
    if (problems.length > 0) {
      addEntry(st, f, key, { entity: 'subject', action: 'rejected', label: s.name, issues: problems });
      return;
    }
    const id = tempId();
    subjects.set(searchKey(s.name), id);
    subjectBySid.set(s.sid, id);
    const issues = shortName !== s.abbr ? [issueAt(1, null, `сокращение портала «${s.abbr}» длиннее ${SHORT_NAME_MAX} символов — записано «${shortName}»`, 'warning')] : [];
    addEntry(st, f, key, { entity: 'subject', action: 'create', label: s.name, issues, changes: [{ field: 'name', label: 'Название', old: null, new: s.name }, { field: 'shortName', label: 'Сокращение', old: null, new: shortName }] });
    st.ops.push({ op: 'subject', key, id, name: s.name, shortName, sortOrder: 100 + i, label: s.name });
    portalRef(st, key, 'subject', id, s.sid);
  });
  return subjectBySid;
}

async function planRooms(db: Executor, st: PeopleState, f: ParsedFile, cm: ExportCm): Promise<void> {
  const rooms = new Map((await roomNames(db)).flatMap((r) => [[r.number.trim().toLowerCase(), r.id] as const, ...(r.name ? [[r.name.trim().toLowerCase(), r.id] as const] : [])]));
  cm.rooms.forEach((r, i) => {
    const key = `${f.id}:room:${r.id || i}`;
    const found = rooms.get(r.name.trim().toLowerCase());
    if (found) {
      addEntry(st, f, key, { entity: 'room', action: 'unchanged', label: `Кабинет ${r.name}`, recordId: found, matchedBy: 'name' });
      portalRef(st, key, 'room', found, r.id);
      return;
    }
    // A long room name («Кабинет информатики 2») keeps its text as the name; the number is shortened.
    const number = shortenWords(r.name, ROOM_NUMBER_MAX);
    const name = number === r.name ? null : r.name;
    const value = { number, name, floor: r.floor, capacity: r.seats, typeId: builtinRoomTypeId('regular') };
    const problems = domainProblems(roomInput, value, ROOM_LABELS);
    if (problems.length > 0) {
      addEntry(st, f, key, { entity: 'room', action: 'rejected', label: `Кабинет ${r.name}`, issues: problems });
      return;
    }
    const id = tempId();
    rooms.set(r.name.trim().toLowerCase(), id);
    const changes: PreviewEntry['changes'] = [{ field: 'number', label: 'Номер', old: null, new: number }];
    if (name) changes.push({ field: 'name', label: 'Название', old: null, new: name });
    if (r.floor !== null) changes.push({ field: 'floor', label: 'Этаж', old: null, new: String(r.floor) });
    if (r.seats !== null) changes.push({ field: 'capacity', label: 'Мест', old: null, new: String(r.seats) });
    addEntry(st, f, key, { entity: 'room', action: 'create', label: `Кабинет ${r.name}`, changes });
    st.ops.push({ op: 'room', key, id, number, name, floor: r.floor, capacity: r.seats, label: r.name });
    portalRef(st, key, 'room', id, r.id);
  });
}

/** Subject → teacher links inside `<subjects>`: the teacher is qualified for the subject (`staff_subject`). */
async function planQualifications(db: Executor, st: PeopleState, f: ParsedFile, cm: ExportCm, subjectBySid: Map<string, string>, byTid: Map<string, string>): Promise<void> {
  const have = new Set((await qualifications(db)).map((q) => `${q.staffId}|${q.subjectId}`));
  for (const s of cm.subjects) {
    for (const tid of s.teacherIds) {
      const key = `${f.id}:qualification:${s.sid}:${tid}`;
      const staffId = byTid.get(tid);
      const subjectId = subjectBySid.get(s.sid);
      const teacher = staffId ? (st.ctx.staff.get(staffId)?.label ?? tid) : `учитель с кодом ${tid}`;
      const label = `${teacher} — ${s.name}`;
      if (!staffId || !subjectId) {
        addEntry(st, f, key, { entity: 'qualification', action: 'rejected', label, issues: [issueAt(1, null, !staffId ? `учителя с кодом ${tid} нет в разделе teachers или он не сопоставлен` : 'предмет не загружен')] });
        continue;
      }
      if (have.has(`${staffId}|${subjectId}`)) {
        addEntry(st, f, key, { entity: 'qualification', action: 'unchanged', label, recordId: staffId });
        continue;
      }
      have.add(`${staffId}|${subjectId}`);
      addEntry(st, f, key, { entity: 'qualification', action: 'create', label, changes: [{ field: 'subject', label: 'Преподаёт предмет', old: null, new: s.name }] });
      st.ops.push({ op: 'qualification', key, staffId, subjectId, label });
    }
  }
}

const WEEKDAY = ['', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'];

/** Bell times per shift, for the weekdays its classes study (a Saturday of the six-day classes too). */
async function planBells(db: Executor, st: PeopleState, f: ParsedFile, cm: ExportCm, facts: CmFacts, yearId: string): Promise<void> {
  const shifts = new Set((await bellShifts(db, yearId)).map((b) => Number(b.shift)));
  for (const shift of [...new Set(cm.lessonTimes.map((t) => t.shift))].sort()) {
    const key = `${f.id}:bells:${shift}`;
    const lessons = cm.lessonTimes.filter((t) => t.shift === shift).sort((a, b) => a.number - b.number);
    const known = facts.shiftDays.get(shift);
    const weekdays = known ? [...known].filter((d) => d <= 6).sort() : [1, 2, 3, 4, 5];
    const issues: FileIssue[] = [];
    if (!known) issues.push(issueAt(1, null, cm.lessons?.length ? 'у этой смены нет уроков в расписании недели — дни недели взяты пн–пт' : 'в файле нет расписания недели — дни недели взяты пн–пт', 'warning'));
    if (known?.has(7)) issues.push(issueAt(1, null, 'в расписании недели есть уроки в воскресенье — воскресенье в звонки не записано', 'warning'));
    const label = `Звонки, ${shift} смена (${weekdays.map((d) => WEEKDAY[d]).join(', ')})`;
    if (shifts.has(shift)) {
      addEntry(st, f, key, { entity: 'bells', action: 'unchanged', label, issues: [...issues, issueAt(1, null, 'расписание звонков этой смены уже есть — не изменено', 'warning')] });
      continue;
    }
    const hhmm = (t: string) => t.padStart(5, '0');
    const value = { name: `${shift} смена (из портала)`, shift, weekdays, lessons: lessons.map((l) => ({ number: l.number, start: hhmm(l.start), end: hhmm(l.end) })) };
    const problems = domainProblems(bellScheduleInput, value, BELL_LABELS);
    if (problems.length > 0) {
      addEntry(st, f, key, { entity: 'bells', action: 'rejected', label, issues: [...issues, ...problems] });
      continue;
    }
    const id = tempId();
    addEntry(st, f, key, { entity: 'bells', action: 'create', label, issues, changes: [{ field: 'weekdays', label: 'Дни недели', old: null, new: weekdays.map((d) => WEEKDAY[d]).join(', ') }] });
    for (const l of value.lessons) addEntry(st, f, `${key}:${l.number}`, { entity: 'bellLesson', action: 'create', label: `${shift} смена, ${l.number} урок: ${l.start}–${l.end}` });
    st.ops.push({ op: 'bellSchedule', key, id, yearId, ...value, label });
  }
}

export async function planExportCm(db: Executor, st: PeopleState, f: ParsedFile): Promise<void> {
  const cm = f.exportCm;
  if (!cm) return;
  const facts = cmFacts(cm);
  const subjectBySid = await planSubjects(db, st, f, cm);
  await planRooms(db, st, f, cm);
  const byTid = planTeachers(st, f, cm);
  await planQualifications(db, st, f, cm, subjectBySid, byTid);
  const year = st.ctx.year;
  if (!year) {
    addEntry(st, f, `${f.id}:year`, { entity: 'class', action: 'rejected', label: 'Классы, звонки и нагрузка', issues: [issueAt(1, null, 'нет текущего учебного года — создайте его, затем повторите загрузку')] });
    return;
  }
  await planBells(db, st, f, cm, facts, year.id);
  await planClassesAndLoad(db, st, f, cm, facts, { subjectBySid, byTid });
}
