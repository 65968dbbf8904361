import type { ImportLine, ImportPreview } from '../../../../src-shared/contract/timetableExchange';
import { SANPIN_NAMES } from '../../../../src-shared/domain/schoolSetup/subjectDictionary';
import { importFet, type FetImportReport } from '../../timetable/index';
import type { AscFile, AscGroup, AscLesson } from './ascRead';
import { fileRefused, readXmlFile, rootName } from './xmlText';

/**
 * A whole `.fet` file (a school built in FET, not a result of ours) read into aSc's shape, so the
 * aSc import builds the draft (ascImport.importAscFile: in a year without classes the subjects,
 * rooms, bells, classes, teachers and load are created first, ascSetup). The engine's importer
 * reads the file and infers grades and SanPiN points from names (`report.sanpin`); what it cannot
 * infer the preview asks for (a class's grade), and FET has no bell times, so the preview asks for
 * the first lesson's start and the lesson and break lengths. Read whole or refused whole: XML that
 * is damaged, an activity naming a subject, teacher or students set the file does not list — each
 * refuses the file with the line. FET's constraints have no place in the app's draft (its rules
 * come from the school's own data): each type is named with its count; only the activities locked
 * in place (preferred starting time, 100 %) become placed lessons.
 */

export interface FetBells {
  /** First lesson's start, «08:30». */
  start: string;
  lessonMinutes: number;
  breakMinutes: number;
}

export interface FetSchoolOptions {
  /** Grade per FET Year name as the person typed it in the preview. */
  grades: Record<string, number>;
  bells: FetBells;
}

export interface FetSchoolFile {
  f: AscFile;
  report: FetImportReport;
  lines: ImportLine[];
  notImported: ImportPreview['notImported'];
  /** Activities the file holds (inactive ones included). */
  activities: number;
}

/** Constraints every FET file has (FET's own «basic compulsory» ones): nothing to carry over. */
const BASIC = new Set(['ConstraintBasicCompulsoryTime', 'ConstraintBasicCompulsorySpace']);

const lineAt = (text: string, index: number): number => text.slice(0, index).split('\n').length;

/** Line of the activity with this id (its `<Id>` element inside `<Activity>`). */
function activityLine(text: string, id: string): number | null {
  const re = new RegExp(`<Activity>[\\s\\S]*?<Id>\\s*${id.replace(/[^\w]/g, '')}\\s*</Id>`, 'g');
  let m: RegExpExecArray | null;
  let best: number | null = null;
  while ((m = re.exec(text))) best = lineAt(text, m.index + m[0].lastIndexOf('<Activity>'));
  return best;
}

/** «08:30» plus minutes → «HH:MM»; null past midnight. */
function addMinutes(start: string, minutes: number): string | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(start.trim());
  if (!m) return null;
  const t = Number(m[1]) * 60 + Number(m[2]) + minutes;
  return t >= 24 * 60 ? null : `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}

/** Latin letters of a class name: look-alikes as the Cyrillic letter they stand for (a Russian «5B» is «5В»), the rest by sound. */
const LATIN: Record<string, string> = {
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х',
  D: 'Д', F: 'Ф', G: 'Г', I: 'И', J: 'Й', L: 'Л', N: 'Н', Q: 'К', R: 'Р', S: 'С', U: 'У', V: 'В', W: 'В', Y: 'Ы', Z: 'З',
};

/** «5 класс А» → «5А», «6D» → «6Д», «Year 1» given grade 5 → «5»; the name as FET spells it stays in the preview. */
export function schoolClassName(name: string, grade: number): string {
  const s = name.toUpperCase().replace(/Ё/g, 'Е').replace(/КЛАСС|КЛ\./g, ' ');
  const rest = s.replace(/^\s*(\d{1,2}|[IVXХІ]{1,4})(?=[\s\-–.«"]|[А-ЯA-Z]|$)/, '');
  const letters = rest.replace(/[^А-ЯA-Z]/g, '').replace(/[A-Z]/g, (c) => LATIN[c] ?? c);
  return `${grade}${letters.length <= 2 ? letters : ''}`;
}

export function readFetSchool(fileName: string, bytes: Uint8Array, opts: FetSchoolOptions): FetSchoolFile {
  const text = readXmlFile(fileName, bytes);
  const root = rootName(text);
  if (root === 'Activities_Timetable') throw fileRefused(fileName, 1, 'это результат FET (*_activities.xml), а нужен сам файл школы .fet; результат FET загружается на вкладке «FET» версии, из которой выгружен .fet');
  if (root !== 'fet') throw fileRefused(fileName, 1, `это не файл FET: корневой элемент <${root ?? '?'}>, а должен быть <fet>`);
  let imported;
  try {
    imported = importFet(text, fileName.replace(/\.fet$/i, ''), { names: SANPIN_NAMES, grades: opts.grades });
  } catch (e) {
    throw fileRefused(fileName, null, e instanceof Error ? e.message : String(e));
  }
  const { instance: inst, report } = imported;
  // A students set an activity names but the file does not list: the engine notes it and drops it; here the file is refused.
  for (const n of report.notes) {
    const m = /^Занятие №(\S+): неизвестная группа учащихся «(.*)»$/.exec(n);
    if (m) throw fileRefused(fileName, activityLine(text, m[1]), `занятие Id=${m[1]}: группы учащихся «${m[2]}» нет в разделе Students_List`);
  }
  const subjects = new Map(inst.subjects.map((s) => [s.id, { id: s.id, name: s.name, short: s.name }]));
  const teachers = new Map(inst.teachers.map((t) => [t.id, { id: t.id, name: t.name, short: t.name, lastname: t.name.split(/\s+/)[0], firstname: t.name.split(/\s+/).slice(1).join(' ') }]));
  for (const l of inst.lessons) {
    if (!subjects.has(l.subjectId)) throw fileRefused(fileName, activityLine(text, l.id), `занятие Id=${l.id}: предмета «${l.subjectId}» нет в разделе Subjects_List`);
    for (const t of l.teacherIds) if (!teachers.has(t)) throw fileRefused(fileName, activityLine(text, l.id), `занятие Id=${l.id}: учителя «${t}» нет в разделе Teachers_List`);
  }
  const lines: ImportLine[] = [];
  const rooms = new Map(inst.rooms.map((r) => [r.id, { id: r.id, name: r.name, short: r.name }]));
  const classes = new Map(
    inst.classes.map((k) => {
      const grade = k.grade > 0 ? k.grade : null;
      return [k.id, { id: k.id, name: k.name, short: k.name, grade, ...(grade ? { key: schoolClassName(k.name, grade) } : {}) }];
    }),
  );
  // Groups: the whole class, and each atomic students set of a class's division (FET's groups or subgroups).
  const groups = new Map<string, AscGroup>();
  for (const k of inst.classes) {
    groups.set(`${k.id}#`, { id: `${k.id}#`, classId: k.id, name: k.name, entire: true, division: '0' });
    k.divisions?.[0]?.groups.forEach((g, i) => groups.set(`${k.id}#${i}`, { id: `${k.id}#${i}`, classId: k.id, name: g, entire: false, division: '0' }));
  }
  // FET splits a subject's weekly hours into activities; one aSc lesson per subject, teachers, students and length.
  const lessons = new Map<string, AscLesson>();
  const lessonOf = new Map<string, string>();
  for (const l of inst.lessons) {
    const byClass = new Map<string, Set<number> | null>();
    for (const a of l.students) {
      const all = a.division === undefined || !a.groups;
      const had = byClass.get(a.classId);
      if (all || had === null) byClass.set(a.classId, null);
      else byClass.set(a.classId, new Set([...(had ?? []), ...a.groups!]));
    }
    const label = `занятие Id=${l.id} (${l.subjectId}${l.teacherIds.length ? `, ${l.teacherIds.join(', ')}` : ''})`;
    if (byClass.size === 0) {
      lines.push({ level: 'warning', what: 'Занятие FET', label, message: 'у занятия нет учащихся — в нагрузку не записано' });
      continue;
    }
    const groupIds: string[] = [];
    let several = '';
    for (const [classId, set] of byClass) {
      const k = inst.classes.find((c) => c.id === classId)!;
      const count = k.divisions?.[0]?.groups.length ?? 1;
      if (set === null || set.size >= count) groupIds.push(`${classId}#`);
      else if (set.size === 1) groupIds.push(`${classId}#${[...set][0]}`);
      else several = k.name;
    }
    if (several) {
      lines.push({ level: 'error', what: 'Занятие FET', label, message: `занятие для нескольких подгрупп класса ${several} сразу — в программе группа урока одна; не загружено` });
      continue;
    }
    const classIds = [...byClass.keys()];
    const key = `${l.subjectId}|${[...l.teacherIds].sort().join(',')}|${[...groupIds].sort().join(',')}|${l.duration}`;
    const id = `fet:${lessons.size + 1}`;
    const had = lessons.get(key);
    if (had) had.periodsPerWeek += l.duration;
    else lessons.set(key, { id, classIds, subjectId: l.subjectId, teacherIds: l.teacherIds, groupIds, roomIds: l.roomIds ?? [], periodsPerCard: l.duration, periodsPerWeek: l.duration });
    lessonOf.set(l.id, (had ?? lessons.get(key)!).id);
  }
  const step = opts.bells.lessonMinutes + opts.bells.breakMinutes;
  const periods = inst.periods.map((name, i) => ({ period: i + 1, name, start: addMinutes(opts.bells.start, i * step) ?? '', end: addMinutes(opts.bells.start, i * step + opts.bells.lessonMinutes) ?? '' }));
  const cards = inst.lessons.flatMap((l, n) => {
    const at = l.locked?.[0];
    const lessonId = lessonOf.get(l.id);
    return at && lessonId ? [{ n, lessonId, period: at.period + 1, day: at.day, roomIds: at.roomId ? [at.roomId] : [] }] : [];
  });
  const f: AscFile = {
    tool: 'FET',
    periods,
    dayCount: inst.days.length,
    subjects,
    teachers,
    rooms,
    classes,
    groups,
    lessons: new Map([...lessons.values()].map((l) => [l.id, l])),
    cards,
    unknown: [],
  };
  for (const n of report.notes) if (!n.startsWith('СанПиН:')) lines.push({ level: 'info', what: 'Файл FET', label: fileName, message: n });
  // Records no activity uses are not created (as for aSc): named, never dropped in silence.
  const usedBy = (pick: (l: AscLesson) => string[]) => new Set([...lessons.values()].flatMap(pick));
  const unused: [string, string[]][] = [
    ['Кабинет', [...rooms.keys()].filter((id) => !usedBy((l) => l.roomIds).has(id) && !cards.some((c) => c.roomIds.includes(id)))],
    ['Учитель', [...teachers.keys()].filter((id) => !usedBy((l) => l.teacherIds).has(id))],
    ['Предмет', [...subjects.keys()].filter((id) => !usedBy((l) => [l.subjectId]).has(id))],
  ];
  for (const [what, ids] of unused) {
    if (ids.length) lines.push({ level: 'info', what, label: ids.length > 8 ? `${ids.slice(0, 8).join(', ')} и ещё ${ids.length - 8}` : ids.join(', '), message: `ни в одном занятии файла (${ids.length}) — не создаётся` });
  }
  return { f, report, lines, notImported: constraintsNotImported(text, cards.length), activities: report.activities };
}

/** Every FET constraint type of the file with its count: the draft takes its rules from the school's data. */
function constraintsNotImported(text: string, locked: number): ImportPreview['notImported'] {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/<(Constraint[A-Za-z]+)>/g)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  return [...counts.entries()]
    .filter(([type]) => !BASIC.has(type))
    .sort((a, b) => b[1] - a[1])
    .map(([type, count]) => ({
      part: type,
      count,
      reason:
        type === 'ConstraintActivityPreferredStartingTime' && locked > 0
          ? `правило FET; закреплённые (100 %) занятия поставлены на свои места (${locked}), остальное в черновик не переносится`
          : 'правило FET: в черновике программы правила берутся из данных школы (недоступность, СанПиН, кабинеты) — задайте их там',
    }));
}
