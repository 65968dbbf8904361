import { AppError } from '../../../../src-shared/errors';
import { XMLParser } from 'fast-xml-parser';
import { encodeCp1251 } from './decode';

/**
 * `ExportCM.nsxml` — the portal's TimeTableExchange export for timetable programs (§2.1): bell
 * times, teachers, subjects, rooms, classes with pupil counts and class-subject-groups (csg) with
 * hours per week and teacher. Windows-1251, CRLF. The reader tolerates a BOM, unknown elements and
 * missing optional attributes; ids are the portal's own and are kept on our records.
 */
export interface CmLessonTime { id: string; start: string; end: string; shift: number; number: number }
export interface CmTeacher { tid: string; lastName: string; firstName: string; middleName: string | null }
export interface CmSubject { sid: string; name: string; abbr: string; teacherIds: string[]; foreign?: boolean }
export interface CmRoom { id: string; name: string; seats: number | null; floor: number | null }
export interface CmCsg { id: string; tid: string | null; name: string; sid: string; studcnt: number | null; hrsweek: number; groupId: string | null; parentSubjectId: string | null }
export interface CmClass { id: string; name: string; grade: number; studcnt: number | null; boys: number | null; girls: number | null; csgs: CmCsg[] }

/** A lesson of the current week's `TimeTable` section: `wd` 2 = Monday … 7 = Saturday (VBScript numbering). */
export interface CmLesson { weekId: string; wd: number; timeId: string; csgId: string; roomId: string | null }

export interface ExportCm {
  lessonTimes: CmLessonTime[];
  teachers: CmTeacher[];
  subjects: CmSubject[];
  rooms: CmRoom[];
  classes: CmClass[];
  /** The current week's lessons (absent in older exports); the timetable itself is read by the timetable pull. */
  lessons?: CmLesson[];
  /** Elements under the root the reader does not know, with how many of each. */
  unknown?: Record<string, number>;
}

export interface CmIssue { path: string; message: string }

type Node = Record<string, unknown>;

function list(v: unknown): Node[] {
  if (v === undefined || v === null || v === '') return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is Node => typeof x === 'object' && x !== null);
}

function child(n: Node | undefined, ...names: string[]): Node | undefined {
  if (!n) return undefined;
  for (const name of names) {
    const found = Object.keys(n).find((k) => k.toLowerCase() === name.toLowerCase());
    if (found && typeof n[found] === 'object') return n[found] as Node;
  }
  return undefined;
}

function s(n: Node, name: string): string {
  const v = n[`@${name}`];
  return v === undefined || v === null ? '' : String(v).replace(/&amp;/g, '&').trim();
}

function num(n: Node, name: string): number | null {
  const v = s(n, name).replace(',', '.');
  if (v === '' || v === '*') return null;
  const x = Number(v);
  return Number.isFinite(x) ? x : null;
}

/**
 * The XML parser's own errors are English and name a character offset; a damaged file must be
 * refused in Russian with the line (issue 19, item 9: found by the fuzz test).
 */
function parseXml(parser: XMLParser, text: string): Node {
  try {
    return parser.parse(text) as Node;
  } catch (err) {
    const at = /position (\d+)/.exec(String((err as Error)?.message))?.[1];
    const line = at === undefined ? null : text.slice(0, Number(at)).split('\n').length;
    throw new AppError('VALIDATION', `файл повреждён: разметка XML нарушена${line ? ` около строки ${line}` : ''} (незакрытый тег, комментарий или CDATA) — файл не прочитан`);
  }
}

export function parseExportCm(text: string): { data: ExportCm; issues: CmIssue[] } {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, parseAttributeValue: false, trimValues: true });
  const issues: CmIssue[] = [];
  const doc = parseXml(parser, text.replace(/^\uFEFF/, ''));
  const root = child(doc, 'TimeTableExchange');
  const data: ExportCm = { lessonTimes: [], teachers: [], subjects: [], rooms: [], classes: [] };
  if (!root) {
    issues.push({ path: 'TimeTableExchange', message: 'в файле нет элемента TimeTableExchange — это не выгрузка ExportCM.nsxml' });
    return { data, issues };
  }
  list(child(root, 'LessonTimes')?.LessonTime).forEach((n, i) => {
    const shift = num(n, 'sm') ?? 1;
    const number = num(n, 'number');
    const start = s(n, 'starttime');
    const end = s(n, 'endtime');
    if (!/^\d{1,2}:\d{2}$/.test(start) || !/^\d{1,2}:\d{2}$/.test(end) || number === null) {
      issues.push({ path: `LessonTime ${i + 1}`, message: `время урока «${start}–${end}» или номер урока не прочитаны` });
      return;
    }
    data.lessonTimes.push({ id: s(n, 'id') || String(i + 1), start, end, shift, number });
  });
  list(child(root, 'teachers')?.teacher).forEach((n, i) => {
    const lastName = s(n, 'lastname');
    const firstName = s(n, 'firstname');
    if (!lastName) {
      issues.push({ path: `teacher ${i + 1}`, message: 'у учителя нет фамилии (lastname)' });
      return;
    }
    data.teachers.push({ tid: s(n, 'tid'), lastName, firstName, middleName: s(n, 'middlename') || null });
  });
  list(child(root, 'subjects')?.subject).forEach((n, i) => {
    const name = s(n, 'name');
    if (!name) {
      issues.push({ path: `subject ${i + 1}`, message: 'у предмета нет названия' });
      return;
    }
    const foreign = s(n, 'foreign');
    data.subjects.push({ sid: s(n, 'sid'), name, abbr: s(n, 'abbr') || name, teacherIds: list(n.teacher).map((t) => s(t, 'tid')).filter(Boolean), ...(foreign && foreign !== '0' ? { foreign: true } : {}) });
  });
  list(child(root, 'Rooms')?.room).forEach((n) => {
    const name = s(n, 'name');
    if (name) data.rooms.push({ id: s(n, 'id'), name, seats: num(n, 'seats'), floor: num(n, 'floor') });
  });
  const known = new Set(['lessontimes', 'teachers', 'subjects', 'rooms', 'plan', 'timetable']);
  for (const k of Object.keys(root)) {
    if (k.startsWith('@') || known.has(k.toLowerCase())) continue;
    (data.unknown ??= {})[k] = list(root[k]).length || 1;
  }
  const lessons: CmLesson[] = [];
  for (const week of list(child(root, 'TimeTable')?.Week)) {
    for (const day of list(week.Day)) {
      const wd = num(day, 'wd');
      if (wd === null || wd < 1 || wd > 7) {
        issues.push({ path: `Day ${s(day, 'id') || s(day, 'name')}`, message: `день недели wd="${s(day, 'wd')}" не прочитан — уроки этого дня не учтены` });
        continue;
      }
      for (const lesson of list(day.Lesson)) {
        for (const g of list(lesson.csg)) lessons.push({ weekId: s(week, 'id'), wd, timeId: s(lesson, 'timeId'), csgId: s(g, 'id'), roomId: s(g, 'roomid') || null });
      }
    }
  }
  if (child(root, 'TimeTable')) data.lessons = lessons;
  list(child(root, 'Plan')?.class).forEach((n, i) => {
    const name = s(n, 'name');
    const grade = num(n, 'grade') ?? Number(/^\d+/.exec(name)?.[0] ?? NaN);
    if (!name || !Number.isFinite(grade)) {
      issues.push({ path: `class ${i + 1}`, message: `класс «${name}» без номера параллели` });
      return;
    }
    const csgs = list(n.csg).map((g) => ({
      id: s(g, 'id'),
      tid: s(g, 'tid') || null,
      name: s(g, 'name'),
      sid: s(g, 'sid'),
      studcnt: num(g, 'studcnt'),
      hrsweek: num(g, 'hrsweek') ?? 0,
      groupId: s(g, 'groupid') || null,
      parentSubjectId: s(g, 'parentsubjectid') || null,
    }));
    data.classes.push({ id: s(n, 'id'), name: name.replace(/\s+/g, ''), grade, studcnt: num(n, 'studcnt'), boys: num(n, 'boys'), girls: num(n, 'girls'), csgs });
  });
  return { data, issues };
}

function esc(v: string | number | null | undefined): string {
  return String(v ?? '').replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function el(name: string, attrs: Record<string, string | number | null | undefined>, children?: string[]): string {
  const a = Object.entries(attrs).map(([k, v]) => ` ${k}="${esc(v)}"`).join('');
  return children && children.length ? `<${name}${a}>\r\n${children.join('\r\n')}\r\n</${name}>` : `<${name}${a}/>`;
}

/** Writes the portal's shape (used by tests and fixtures; the portal itself is the real writer). */
export function writeExportCm(d: ExportCm): Buffer {
  const parts = [
    '<?xml version="1.0" encoding="windows-1251"?>',
    '<TimeTableExchange xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="TimeTableWeek.xsd">',
    el('LessonTimes', {}, d.lessonTimes.map((t) => el('LessonTime', { id: t.id, starttime: t.start, endtime: t.end, sm: t.shift, number: t.number }))),
    el('teachers', {}, d.teachers.map((t) => el('teacher', { tid: t.tid, firstname: t.firstName, lastname: t.lastName, middlename: t.middleName }))),
    el('subjects', {}, d.subjects.map((x) => el('subject', { sid: x.sid, name: x.name, abbr: x.abbr }, x.teacherIds.map((tid) => el('teacher', { tid }))))),
    el('Rooms', {}, d.rooms.map((r) => el('room', { id: r.id, name: r.name, seats: r.seats, floor: r.floor }))),
    el(
      'Plan',
      {},
      d.classes.map((c) =>
        el(
          'class',
          { id: c.id, name: c.name, grade: c.grade, studcnt: c.studcnt, boys: c.boys, girls: c.girls },
          c.csgs.map((g) => el('csg', { id: g.id, tid: g.tid, name: g.name, sid: g.sid, studcnt: g.studcnt, hrsweek: g.hrsweek, groupid: g.groupId, parentsubjectid: g.parentSubjectId })),
        ),
      ),
    ),
    '</TimeTableExchange>',
  ];
  return encodeCp1251(parts.join('\r\n') + '\r\n');
}
