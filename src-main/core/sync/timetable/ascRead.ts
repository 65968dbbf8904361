import { XMLParser } from 'fast-xml-parser';
import { fileRefused, lineOfElement, readXmlFile, rootName } from './xmlText';

/**
 * An aSc Timetables 2012 XML export (`formats/netschool.md` §2.2) read whole into plain records, or
 * refused whole: a damaged or cut-off file, another root, an id that does not resolve (a card of a
 * lesson the file does not have, a lesson of a class it does not have…) — each refusal names the
 * element, its number and line. What real exports differ in is read: a UTF-8 BOM, trailing spaces,
 * `&amp;`, an empty `teacherids`, class names in Roman numerals, day masks as long as the school's
 * week (5 or 6) or lists of masks, `durationperiods` for `periodspercard`, cards with a `day`
 * number instead of a `days` mask, a double lesson as one card or as one card per period.
 */

export interface AscPeriod { period: number; name: string; start: string; end: string }
export interface AscNamed { id: string; name: string; short: string }
export interface AscClass extends AscNamed {
  grade: number | null;
  /** The name the class gets in the school when the file's own does not read as one («Year 1» given grade 5 → «5А»). */
  key?: string;
}
export interface AscGroup { id: string; classId: string; name: string; entire: boolean; division: string }
export interface AscLesson { id: string; classIds: string[]; subjectId: string; teacherIds: string[]; groupIds: string[]; roomIds: string[]; periodsPerCard: number; periodsPerWeek: number }
export interface AscCard { n: number; lessonId: string; period: number; day: number; roomIds: string[] }

export interface AscFile {
  /** The program the file comes from, as the preview's lines name it. */
  tool: 'aSc' | 'FET';
  periods: AscPeriod[];
  /** Days of the school's week as the file's masks are long (5 or 6; 0 when no mask says). */
  dayCount: number;
  subjects: Map<string, AscNamed>;
  teachers: Map<string, AscNamed & { lastname: string; firstname: string }>;
  rooms: Map<string, AscNamed>;
  classes: Map<string, AscClass>;
  groups: Map<string, AscGroup>;
  lessons: Map<string, AscLesson>;
  cards: AscCard[];
  /** Sections the program has no place for, with how many records each holds. */
  unknown: { part: string; count: number }[];
}

type Node = Record<string, unknown>;

const KNOWN = new Set(['periods', 'breaks', 'daysdefs', 'weeksdefs', 'termsdefs', 'subjects', 'teachers', 'buildings', 'classrooms', 'grades', 'classes', 'groups', 'lessons', 'cards']);

function list(v: unknown): Node[] {
  if (v === undefined || v === null || v === '') return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is Node => typeof x === 'object' && x !== null);
}

function a(n: Node, name: string): string {
  const v = n[`@${name}`];
  return v === undefined || v === null ? '' : String(v).replace(/\s+/g, ' ').trim();
}

function ids(n: Node, name: string): string[] {
  return a(n, name)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9, X: 10, XI: 11, XII: 12 };

/** «VII Б», «7 б», «7-Б» → «7Б»: the key a class is matched by. */
export function classKey(name: string): string {
  const s = name.replace(/\s+/g, ' ').trim().toUpperCase();
  const roman = /^([IVX]+)(?=[\s\-.]*[А-ЯЁA-Z]?$|[\s\-.]*[А-ЯЁ])/.exec(s);
  const head = roman && ROMAN[roman[1]] ? String(ROMAN[roman[1]]) + s.slice(roman[1].length) : s;
  return head.replace(/[\s\-.«»"]/g, '');
}

/** The school's name of a file's class: its own key, else «VII Б» → «7Б». */
export const ascClassName = (c: AscClass): string => c.key ?? classKey(c.name);

/** The grade of a class name («10А», «X А»), or null. */
export function gradeOf(name: string): number | null {
  const m = /^(\d{1,2})/.exec(classKey(name));
  return m ? Number(m[1]) : null;
}

/** Index of the day a mask marks («001000» → 2); null when it marks none or several. */
export function dayOfMask(mask: string): number | null {
  const m = mask.trim();
  if (!/^[01]+$/.test(m)) return null;
  const first = m.indexOf('1');
  return first >= 0 && m.indexOf('1', first + 1) < 0 ? first : null;
}

export function readAsc(fileName: string, bytes: Uint8Array): AscFile {
  const text = readXmlFile(fileName, bytes);
  const root = rootName(text);
  if (root !== 'timetable') throw fileRefused(fileName, 1, `это не выгрузка aSc Timetables: корневой элемент <${root ?? '?'}>, а должен быть <timetable>`);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, parseAttributeValue: false, trimValues: true, processEntities: true, htmlEntities: true }).parse(text) as Node;
  const tt = (doc.timetable ?? {}) as Node;
  const refuse = (element: string, n: number, message: string): never => {
    throw fileRefused(fileName, lineOfElement(text, element, n), `элемент <${element}> № ${n + 1}: ${message}`);
  };
  const sec = (name: string, item: string) => list((tt[name] as Node | undefined)?.[item]);
  const unknown = Object.keys(tt)
    .filter((k) => !k.startsWith('@') && !KNOWN.has(k))
    .map((k) => {
      const node = tt[k] as Node;
      const items = typeof node === 'object' && node ? Object.keys(node).filter((x) => !x.startsWith('@')).reduce((s, x) => s + list(node[x]).length, 0) : 0;
      return { part: k, count: items };
    });
  let dayCount = 0;
  const periods = sec('periods', 'period').map((n, i) => {
    const period = Number(a(n, 'period'));
    if (!Number.isInteger(period)) refuse('period', i, `номер урока period="${a(n, 'period')}" не число`);
    return { period, name: a(n, 'name') || String(period), start: a(n, 'starttime'), end: a(n, 'endtime') };
  });
  for (const d of sec('daysdefs', 'daysdef')) for (const m of ids(d, 'days')) if (/^[01]+$/.test(m)) dayCount = Math.max(dayCount, m.length);
  const named = (item: string, n: Node, i: number): AscNamed => {
    const id = a(n, 'id');
    if (!id) refuse(item, i, 'нет атрибута id');
    const name = a(n, 'name') || a(n, 'short');
    if (!name) refuse(item, i, `нет названия (id="${id}")`);
    return { id, name, short: a(n, 'short') || name };
  };
  const byId = <T extends { id: string }>(item: string, rows: T[]): Map<string, T> => {
    const m = new Map<string, T>();
    rows.forEach((r, i) => {
      if (m.has(r.id)) refuse(item, i, `id="${r.id}" уже встречался`);
      m.set(r.id, r);
    });
    return m;
  };
  const subjects = byId('subject', sec('subjects', 'subject').map((n, i) => named('subject', n, i)));
  const teachers = byId(
    'teacher',
    sec('teachers', 'teacher').map((n, i) => {
      const id = a(n, 'id');
      if (!id) refuse('teacher', i, 'нет атрибута id');
      const lastname = a(n, 'lastname');
      const firstname = a(n, 'firstname');
      const name = a(n, 'name') || [lastname, firstname].filter(Boolean).join(' ') || a(n, 'short');
      if (!name) refuse('teacher', i, `у учителя id="${id}" нет ни имени, ни фамилии`);
      return { id, name, short: a(n, 'short') || name, lastname: lastname || name.split(' ')[0], firstname };
    }),
  );
  const rooms = byId('classroom', sec('classrooms', 'classroom').map((n, i) => named('classroom', n, i)));
  const classes = byId(
    'class',
    sec('classes', 'class').map((n, i) => {
      const c = named('class', n, i);
      const g = Number(a(n, 'grade'));
      return { ...c, grade: Number.isInteger(g) && g > 0 ? g : gradeOf(c.name) };
    }),
  );
  const groups = byId(
    'group',
    sec('groups', 'group').map((n, i) => {
      const id = a(n, 'id');
      const classId = a(n, 'classid');
      if (!id) refuse('group', i, 'нет атрибута id');
      if (!classes.has(classId)) refuse('group', i, `группа «${a(n, 'name')}» ссылается на класс classid="${classId}", которого нет в разделе classes`);
      return { id, classId, name: a(n, 'name'), entire: a(n, 'entireclass') === '1', division: a(n, 'divisiontag') || '0' };
    }),
  );
  const lessons = byId(
    'lesson',
    sec('lessons', 'lesson').map((n, i) => {
      const id = a(n, 'id');
      if (!id) refuse('lesson', i, 'нет атрибута id');
      const l: AscLesson = {
        id,
        classIds: ids(n, 'classids'),
        subjectId: a(n, 'subjectid'),
        teacherIds: ids(n, 'teacherids'),
        groupIds: ids(n, 'groupids'),
        roomIds: ids(n, 'classroomids'),
        periodsPerCard: Number(a(n, 'periodspercard') || a(n, 'durationperiods') || '1'),
        periodsPerWeek: Number((a(n, 'periodsperweek') || '0').replace(',', '.')),
      };
      if (!subjects.has(l.subjectId)) refuse('lesson', i, `предмет subjectid="${l.subjectId}" не найден в разделе subjects`);
      for (const c of l.classIds) if (!classes.has(c)) refuse('lesson', i, `класс "${c}" из classids не найден в разделе classes`);
      for (const t of l.teacherIds) if (!teachers.has(t)) refuse('lesson', i, `учитель "${t}" из teacherids не найден в разделе teachers`);
      for (const g of l.groupIds) if (!groups.has(g)) refuse('lesson', i, `группа "${g}" из groupids не найдена в разделе groups`);
      for (const r of l.roomIds) if (!rooms.has(r)) refuse('lesson', i, `кабинет "${r}" из classroomids не найден в разделе classrooms`);
      if (!Number.isInteger(l.periodsPerCard) || l.periodsPerCard < 1 || l.periodsPerCard > 4) refuse('lesson', i, `periodspercard="${a(n, 'periodspercard')}" — длина урока должна быть от 1 до 4`);
      return l;
    }),
  );
  const oneBased = /daynumbering1/.test(a(tt, 'options'));
  const cards = sec('cards', 'card').map((n, i): AscCard => {
    const lessonId = a(n, 'lessonid');
    if (!lessons.has(lessonId)) refuse('card', i, `карточка ссылается на урок lessonid="${lessonId}", которого нет в разделе lessons`);
    const period = Number(a(n, 'period'));
    if (!periods.some((p) => p.period === period)) refuse('card', i, `урок period="${a(n, 'period')}" не найден в разделе periods`);
    let day: number | null;
    if (a(n, 'days')) {
      day = dayOfMask(a(n, 'days'));
      if (day === null) refuse('card', i, `days="${a(n, 'days')}" — карточка должна стоять ровно в одном дне`);
      dayCount = Math.max(dayCount, a(n, 'days').length);
    } else {
      const d = Number(a(n, 'day'));
      day = Number.isInteger(d) ? d - (oneBased ? 1 : 0) : null;
      if (day === null || day < 0) refuse('card', i, `нет дня недели (атрибут days или day)`);
    }
    const roomIds = ids(n, 'classroomids');
    for (const r of roomIds) if (!rooms.has(r)) refuse('card', i, `кабинет "${r}" не найден в разделе classrooms`);
    return { n: i, lessonId, period, day: day!, roomIds };
  });
  return { tool: 'aSc', periods, dayCount, subjects, teachers, rooms, classes, groups, lessons, cards, unknown };
}
