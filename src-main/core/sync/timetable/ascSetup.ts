import { classInput } from '../../../../src-shared/contract/classes';
import { bellScheduleInput } from '../../../../src-shared/contract/bells';
import { roomInput } from '../../../../src-shared/contract/rooms';
import { subjectInput } from '../../../../src-shared/contract/subjects';
import { searchKey } from '../../../../src-shared/domain/names';
import { builtinRoomTypeId } from '../../../../src-shared/domain/schoolSetup/roomTypes';
import type { Executor } from '../../foundation/executor';
import { findYear, parseWeekLengthByGrade, starterSubjectNamed } from '../../schoolSetup/index';
import { shortenWords } from '../formats/shorten';
import { sexFromName } from '../pull/planExportCm';
import type { HandlerContext } from '../../foundation/context';
import { applyCardsAndSetup, realIds, resolveIds } from '../pull/applyPlan';
import { tempId } from '../pull/planTypes';
import { ascClassName, gradeOf, type AscFile } from './ascRead';
import { ascSetupRows, type AscSetupRows } from './repo/ascSetupRows';
import { planAscLoad, type AscMaps, type AscPlanState, type AscSetup } from './ascLoad';

export type { AscMaps, AscSetup } from './ascLoad';

/**
 * An aSc Timetables export into a school year that has no classes yet (issue 17, part 3): what the
 * file needs before its cards can become a draft — subjects (the school's own by name, else the
 * starter set's, else new), rooms, the bells (from the file's periods, when the year has none),
 * classes (Roman names read right), teachers (staff cards matched by surname and initials, else
 * new cards), then the load (ascLoad). Planned as the exchange pull's set-up operations with
 * planned ids, written by the owning domains' functions (applySetupOps, people's insertCard); every
 * record is a «creates» line of the preview, what cannot be created is a line with the reason.
 */

const issuesText = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, labels: Record<string, string>): string | null =>
  r.success ? null : r.error!.issues.map((i) => `${labels[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`).join('; ');

/** The lessons' subjects, rooms and teachers: only what the timetable uses is created. */
function used(f: AscFile) {
  const subjects = new Set<string>();
  const rooms = new Set<string>();
  const teachers = new Set<string>();
  for (const l of f.lessons.values()) {
    subjects.add(l.subjectId);
    for (const r of l.roomIds) rooms.add(r);
    for (const t of l.teacherIds) teachers.add(t);
  }
  for (const c of f.cards) for (const r of c.roomIds) rooms.add(r);
  return { subjects, rooms, teachers };
}

function planSubjects(rows: AscSetupRows['subjects'], st: AscPlanState, usedIds: Set<string>): void {
  const ours = new Map<string, string>();
  for (const s of rows) ours.set(searchKey(s.name), s.id);
  for (const s of rows) if (s.shortName && !ours.has(searchKey(s.shortName))) ours.set(searchKey(s.shortName), s.id);
  let order = 1000;
  for (const s of st.f.subjects.values()) {
    if (!usedIds.has(s.id)) continue;
    const found = ours.get(searchKey(s.name)) ?? ours.get(searchKey(s.short));
    if (found) {
      st.maps.subjects.set(s.id, found);
      continue;
    }
    const starter = starterSubjectNamed(s.name) ?? starterSubjectNamed(s.short);
    if (starter && !ours.has(searchKey(starter.name))) {
      const id = tempId();
      ours.set(searchKey(starter.name), id);
      st.maps.subjects.set(s.id, id);
      st.ops.push({ op: 'starterSubject', key: `asc:subject:${s.id}`, id, name: starter.name, label: starter.name });
      st.creates.push({ what: 'Предмет', label: starter.name, detail: starter.name === s.name ? 'из справочника программы (с баллами СанПиН)' : `в ${st.f.tool} «${s.name}»; из справочника программы (с баллами СанПиН)` });
      continue;
    }
    const shortName = shortenWords(s.short || s.name, 40);
    const problems = issuesText(subjectInput.safeParse({ name: s.name, shortName }), { name: 'название', shortName: 'сокращение' });
    if (problems) {
      st.lines.push({ level: 'error', what: 'Предмет', label: s.name, message: `не создан: ${problems} — его уроки не загружены` });
      continue;
    }
    const id = tempId();
    ours.set(searchKey(s.name), id);
    st.maps.subjects.set(s.id, id);
    st.ops.push({ op: 'subject', key: `asc:subject:${s.id}`, id, name: s.name, shortName, sortOrder: order++, label: s.name });
    st.creates.push({ what: 'Предмет', label: s.name, detail: `сокращение «${shortName}»; нет в справочнике программы — баллы СанПиН не заданы` });
  }
}

function planRooms(rows: AscSetupRows['rooms'], st: AscPlanState, usedIds: Set<string>): void {
  const ours = new Map<string, string>();
  for (const r of rows) {
    ours.set(searchKey(r.number), r.id);
    if (r.name && !ours.has(searchKey(r.name))) ours.set(searchKey(r.name), r.id);
  }
  for (const r of st.f.rooms.values()) {
    if (!usedIds.has(r.id)) continue;
    const found = ours.get(searchKey(r.short)) ?? ours.get(searchKey(r.name));
    if (found) {
      st.maps.rooms.set(r.id, found);
      continue;
    }
    const number = r.short || r.name;
    const name = r.name !== number ? r.name : null;
    const problems = issuesText(roomInput.safeParse({ number, name, typeId: builtinRoomTypeId('regular') }), { number: 'номер', name: 'название' });
    if (problems) {
      st.lines.push({ level: 'error', what: 'Кабинет', label: r.name, message: `не создан: ${problems} — уроки в нём загружаются без кабинета` });
      continue;
    }
    const id = tempId();
    ours.set(searchKey(number), id);
    st.maps.rooms.set(r.id, id);
    st.ops.push({ op: 'room', key: `asc:room:${r.id}`, id, number, name, floor: null, capacity: null, label: number });
    st.creates.push({ what: 'Кабинет', label: number, detail: name });
  }
}

/** «8:30» → «08:30». */
const hhmm = (t: string): string | null => {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(t.trim());
  return m ? `${m[1].padStart(2, '0')}:${m[2]}` : null;
};

/** The most lessons one bell schedule holds (the set-up form's limit). */
const MAX_BELLS = 10;

/**
 * The shift of each class. aSc has no shifts: a two-shift school puts both on one axis of periods
 * (1 … 12). When the axis is longer than one schedule can hold, a class whose day never starts in
 * the first three periods is in the second shift.
 */
function shiftsOf(f: AscFile): Map<string, number> {
  const order = new Map([...f.periods].sort((a, b) => a.period - b.period).map((p, i) => [p.period, i]));
  const first = new Map<string, number>();
  for (const c of f.cards) for (const id of f.lessons.get(c.lessonId)!.classIds) first.set(id, Math.min(first.get(id) ?? Infinity, order.get(c.period) ?? 0));
  const out = new Map<string, number>();
  for (const id of f.classes.keys()) out.set(id, f.periods.length > MAX_BELLS && (first.get(id) ?? 0) >= 3 ? 2 : 1);
  return out;
}

function planBells(st: AscPlanState, days: number, shifts: Map<string, number>): void {
  const periods = [...st.f.periods].sort((a, b) => a.period - b.period);
  const order = new Map(periods.map((p, i) => [p.period, i]));
  // Each shift's bells run from the first to the last period its classes use.
  const range = new Map<number, [number, number]>();
  for (const c of st.f.cards) {
    for (const id of st.f.lessons.get(c.lessonId)!.classIds) {
      const shift = shifts.get(id) ?? 1;
      const at = order.get(c.period) ?? 0;
      const r = range.get(shift) ?? [at, at];
      range.set(shift, [Math.min(r[0], shift === 1 ? 0 : at), Math.max(r[1], at)]);
    }
  }
  if (range.size === 0) range.set(1, [0, periods.length - 1]);
  const weekdays = Array.from({ length: Math.min(6, days) }, (_, i) => i + 1);
  for (const [shift, [from, to]] of [...range.entries()].sort((a, b) => a[0] - b[0])) {
    const lessons = periods.slice(from, to + 1).map((p, i) => ({ number: i + 1, start: hhmm(p.start), end: hhmm(p.end), name: p.name }));
    const bad = lessons.find((l) => !l.start || !l.end);
    const name = range.size > 1 ? `Звонки ${shift} смены (из ${st.f.tool})` : `Звонки (из ${st.f.tool})`;
    const value = { name, shift, weekdays, lessons: lessons.map((l) => ({ number: l.number, start: l.start ?? '', end: l.end ?? '' })) };
    const problems = bad ? `у урока «${bad.name}» в разделе periods нет времени начала или конца` : issuesText(bellScheduleInput.safeParse(value), { lessons: 'уроки', weekdays: 'дни' });
    if (problems) {
      st.lines.push({ level: 'error', what: 'Звонки', label: name, message: `не создано: ${problems} — без звонков уроки не расставить; задайте звонки в «Настройке» и загрузите файл ещё раз` });
      continue;
    }
    st.ops.push({ op: 'bellSchedule', key: `asc:bells:${shift}`, id: tempId(), yearId: st.yearId, name, shift, weekdays, lessons: value.lessons, label: name });
    st.creates.push({ what: 'Звонки', label: name, detail: `${shift} смена, ${weekdays.length} дн. в неделю, уроки: ${value.lessons.map((l) => `${l.number}) ${l.start}–${l.end}`).join(', ')}` });
  }
}

function planClasses(st: AscPlanState, shifts: Map<string, number>): void {
  const lastDay = new Map<string, number>();
  for (const c of st.f.cards) for (const id of st.f.lessons.get(c.lessonId)!.classIds) lastDay.set(id, Math.max(lastDay.get(id) ?? 0, c.day));
  const seen = new Map<string, string>();
  for (const c of st.f.classes.values()) {
    const name = ascClassName(c);
    // A FET file's grades come inferred or typed in its preview: a bare «8» is not guessed.
    const grade = c.grade ?? (st.f.tool === 'aSc' ? gradeOf(c.name) : null);
    const twin = seen.get(name);
    if (twin) {
      st.lines.push({ level: 'error', what: 'Класс', label: c.name, message: `в файле уже есть класс «${twin}» с тем же названием — уроки этого не загружены` });
      continue;
    }
    if (grade === null) {
      st.lines.push({ level: 'error', what: 'Класс', label: c.name, message: `по названию не понять параллель (ожидается «7Б», «VII Б», «10-А»)${st.f.tool === 'FET' ? ' — укажите её в предпросмотре' : ''} — класс не создан, его уроки не загружены` });
      continue;
    }
    const letter = name.replace(/^\d+/, '');
    const days = (lastDay.get(c.id) ?? 0) >= 5 ? 6 : 5;
    const weekLength = days === st.weekOf(grade) ? null : days;
    const shift = shifts.get(c.id) ?? 1;
    const problems = issuesText(classInput.safeParse({ grade, letter, shift, weekLength }), { grade: 'параллель', letter: 'литера', weekLength: 'учебная неделя' });
    if (problems) {
      st.lines.push({ level: 'error', what: 'Класс', label: c.name, message: `не создан: ${problems} — его уроки не загружены` });
      continue;
    }
    seen.set(name, c.name);
    const id = tempId();
    st.maps.classes.set(c.id, id);
    st.ops.push({ op: 'schoolClass', key: `asc:class:${c.id}`, id, yearId: st.yearId, grade, letter, name, shift, weekLength, label: name });
    st.creates.push({ what: 'Класс', label: name, detail: `${name !== c.name ? `в ${st.f.tool} «${c.name}»; ` : ''}${shift} смена, ${days}-дневная неделя` });
  }
}

/** A teacher of the file as surname, first name and patronymic (or their initials). */
export function teacherName(t: { name: string; lastname: string; firstname: string }): { last: string; first: string; middle: string } {
  const split = (x: string) => x.replace(/\./g, '. ').split(/\s+/).filter(Boolean);
  // The fullest spelling the file gives: `name` may hold the patronymic `firstname` lacks.
  const words = [split(`${t.lastname} ${t.firstname}`), split(t.name)].sort((a, b) => b.length - a.length)[0];
  const [last = t.name, first = '', middle = ''] = words;
  return { last, first: first.replace(/\.$/, ''), middle: middle.replace(/\.$/, '') };
}

function planTeachers(staff: AscSetupRows['staff'], st: AscPlanState, usedIds: Set<string>): void {
  const initial = (s: string | null) => searchKey(s ?? '').slice(0, 1);
  for (const t of st.f.teachers.values()) {
    if (!usedIds.has(t.id)) continue;
    const n = teacherName(t);
    const found = staff.filter((s) => searchKey(s.lastName) === searchKey(n.last) && (!n.first || initial(s.firstName) === initial(n.first)) && (!n.middle || !s.middleName || initial(s.middleName) === initial(n.middle)));
    if (found.length === 1) {
      st.maps.teachers.set(t.id, found[0].id);
      continue;
    }
    if (found.length > 1) {
      st.lines.push({ level: 'error', what: 'Учитель', label: t.name, message: `в школе ${found.length} сотрудника с такой фамилией и инициалами — учитель не выбран, его уроки загружены без учителя; уточните ФИО в ${st.f.tool} или назначьте учителя в нагрузке` });
      continue;
    }
    const sex = sexFromName(n.last, n.middle || null);
    if (n.first.length < 2 || !sex) {
      st.lines.push({ level: 'error', what: 'Учитель', label: t.name, message: `${n.first.length < 2 ? 'в файле нет полного имени' : 'пол не определяется по ФИО'} — карточка сотрудника не создана, его уроки загружены без учителя; создайте карточку и загрузите файл ещё раз` });
      continue;
    }
    const id = tempId();
    st.maps.teachers.set(t.id, id);
    st.newStaff.add(id);
    const label = [n.last, n.first, n.middle].filter(Boolean).join(' ');
    const parts = { lastName: n.last, firstName: n.first, middleName: n.middle || null, sex, positions: [{ id: null, position: 'Учитель', kind: 'main', rate: null, startDate: null, endDate: null, orderNumber: null }] };
    st.ops.push({ op: 'createPerson', key: `asc:teacher:${t.id}`, kind: 'staff', id, parts, label });
    st.creates.push({ what: 'Сотрудник', label, detail: 'должность «Учитель»' });
  }
}

/**
 * The set-up an aSc file needs in a year without classes, or null when the year has classes (then
 * the file is matched against the school's own data, nothing is created).
 */
export async function planAscSetup(db: Executor, f: AscFile, yearId: string): Promise<AscSetup | null> {
  const year = await findYear(db, yearId);
  if (!year) return null;
  const rows = await ascSetupRows(db, yearId);
  if (rows.hasClasses) return null;
  const byGrade = parseWeekLengthByGrade(year.weekLengthByGrade);
  const st: AscPlanState = {
    f,
    yearId,
    ops: [],
    creates: [],
    lines: [],
    maps: { subjects: new Map(), rooms: new Map(), classes: new Map(), teachers: new Map() },
    newStaff: new Set(),
    weekOf: (grade) => byGrade[String(grade)] ?? Number(year.weekLength),
  };
  const u = used(f);
  const days = Math.max(f.dayCount, ...f.cards.map((c) => c.day + 1), 5);
  planSubjects(rows.subjects, st, u.subjects);
  planRooms(rows.rooms, st, u.rooms);
  const shifts = shiftsOf(f);
  if (!rows.hasBells) planBells(st, days, shifts);
  planClasses(st, shifts);
  planTeachers(rows.staff, st, u.teachers);
  planAscLoad(st);
  return st;
}

/**
 * Writes a planned set-up inside the import's transaction through the owning domains' functions
 * (people's card writer, applySetupOps), each record audited with the file as the cause, and returns
 * the aSc ids mapped onto the records written.
 */
export async function applyAscSetup(ctx: HandlerContext, trx: Executor, setup: AscSetup, cause: string): Promise<AscMaps> {
  const now = new Date().toISOString();
  const real = realIds();
  const audit = ctx.audit.batched(trx);
  await applyCardsAndSetup({ ...ctx, audit }, trx, setup.ops.map((op) => resolveIds(op, real)), cause, now, () => undefined);
  await audit.flush();
  const resolve = (m: Map<string, string>) => new Map([...m].map(([k, v]) => [k, real(v)]));
  return { subjects: resolve(setup.maps.subjects), rooms: resolve(setup.maps.rooms), classes: resolve(setup.maps.classes), teachers: resolve(setup.maps.teachers) };
}
