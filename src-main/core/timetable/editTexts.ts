import { VIOLATION_LABELS, type ClassProfile, type Compiled, type KindChange, type MoveDelta } from './engine';
import type { LoadedVersion } from './versionStore';

/**
 * Russian words for what a hand move does, from the evaluator's delta: which rule breaks, for whom,
 * with whom and on which day («учитель Иванова И.И. занята в 7Б», «превышен дневной максимум 5А по
 * СанПиН (Вт)»), and what gets worse softly (a teacher's gaps, the class's SanPiN passport).
 */

export interface Names {
  teacherFull: (i: number) => string;
  teacherShort: (i: number) => string;
  /** «занята» / «занят» from the patronymic; «занят(а)» when it says nothing. */
  busy: (i: number) => string;
  className: (k: number) => string;
  roomName: (r: number) => string;
  unitText: (u: number) => string;
  unitAudience: (u: number) => string;
  day: (d: number) => string;
}

export function namesOf(v: LoadedVersion, c: Compiled): Names {
  const inst = c.inst;
  const teacher = new Map(v.labels.teachers.map((t) => [t.id, t]));
  const subject = new Map(v.labels.subjects.map((s) => [s.id, s.name]));
  const lesson = new Map(v.lessons.map((l) => [l.id, l]));
  const unitAudience = (u: number): string => lesson.get(inst.lessons[c.unitLesson[u]].id)?.audiences.map((a) => a.label).join(', ') ?? '';
  return {
    teacherFull: (i) => teacher.get(inst.teachers[i].id)?.fullName ?? inst.teachers[i].name,
    teacherShort: (i) => teacher.get(inst.teachers[i].id)?.shortName ?? inst.teachers[i].name,
    busy: (i) => {
      const full = teacher.get(inst.teachers[i].id)?.fullName ?? '';
      const last = full.trim().split(/\s+/).at(-1) ?? '';
      return /(вна|чна|кызы)$/i.test(last) ? 'занята' : /(ич|оглы)$/i.test(last) ? 'занят' : 'занят(а)';
    },
    className: (k) => inst.classes[k]?.name ?? '',
    roomName: (r) => inst.rooms[r]?.name ?? '',
    unitText: (u) => {
      const l = inst.lessons[c.unitLesson[u]];
      return `${subject.get(l.subjectId) ?? 'урок'} (${unitAudience(u)})`;
    },
    unitAudience,
    day: (d) => v.grid.days[d]?.short ?? `день ${d + 1}`,
  };
}

const days = (n: Names, list: readonly number[]): string => (list.length ? ` (${list.map(n.day).join(', ')})` : '');

function entityName(n: Names, ch: KindChange): string {
  const e = ch.entity;
  if (e.type === 'teacher') return `учитель ${n.teacherFull(e.index)}`;
  if (e.type === 'cell') return e.name;
  if (e.type === 'class') return n.className(e.index);
  if (e.type === 'room') return `кабинет ${n.roomName(e.index)}`;
  return '';
}

/** The class a per-day rule is about: a cell («5А гр. 1 гр. 2», pupils of crossed groups) names its class — SanPiN limits are the class's. */
function classOrTeacher(n: Names, ch: KindChange): string {
  const e = ch.entity;
  if (e.type === 'cell') return n.className(e.classIndex);
  return entityName(n, ch);
}

/** One hard rule a move breaks, in words. */
export function reasonOf(n: Names, ch: KindChange): string {
  const e = ch.entity;
  const others = [...new Set(ch.others.map(n.unitAudience))].join(', ');
  const otherLessons = [...new Set(ch.others.map(n.unitText))].join('; ');
  switch (ch.kind) {
    case 'teacherClash':
      if (e.type === 'teacher') return `учитель ${n.teacherFull(e.index)} ${n.busy(e.index)}${others ? ` в ${others}` : ' в это время'}`;
      break;
    case 'studentClash':
      return `у ${entityName(n, ch)} в это время уже ${otherLessons || 'урок'}`;
    case 'roomClash':
      return `${entityName(n, ch)} занят${otherLessons ? `: ${otherLessons}` : ''}`;
    case 'maxPerDay':
      return `превышен дневной максимум ${classOrTeacher(n, ch)}${e.type === 'cell' || e.type === 'class' ? ' по СанПиН' : ''}${days(n, ch.days)}`;
    case 'maxGapsPerWeek':
    case 'maxGapsPerDay':
      return e.type === 'teacher' ? `у ${entityName(n, ch)} окон больше допустимого${days(n, ch.days)}` : `у ${classOrTeacher(n, ch)} появляется окно — по СанПиН окна у класса недопустимы${days(n, ch.days)}`;
    case 'lateStart':
      return `${classOrTeacher(n, ch)} начинает день не с первого урока${days(n, ch.days)}`;
    case 'teacherUnavailable':
      return `${entityName(n, ch)} в это время недоступен (недоступность учителя)`;
    case 'studentUnavailable':
      return `вне уроков ${entityName(n, ch)} (смена, звонки)`;
    case 'notAllowedTime':
      return 'урок поставлен правилом на своё время (Разговоры о важном, Россия — мои горизонты)';
    case 'lock':
      return 'урок закреплён';
    case 'parallelBroken':
      return 'группы одного предмета должны заниматься одновременно';
    case 'roomNotAllowed':
      return `${entityName(n, ch) || 'кабинет'} не подходит для этого урока`;
    default:
      break;
  }
  const who = entityName(n, ch);
  return `${VIOLATION_LABELS[ch.kind] ?? ch.kind}${who ? ` — ${who}` : ''}${days(n, ch.days)}`;
}

const PASSPORT: [keyof ClassProfile, string][] = [
  ['hardFirstLast', 'трудных уроков первым или последним'],
  ['hardInARowExcess', 'трудных уроков подряд сверх двух'],
  ['sameSubjectRepeats', 'повторов предмета в день'],
  ['balanceExcess', 'перекос уроков по дням'],
  ['peakDeficit', 'недобор пика нагрузки на вт/ср, баллов'],
];

/** Soft figures before → after: teacher gaps and the class's SanPiN passport. */
export function softNotes(n: Names, d: MoveDelta): string[] {
  const out: string[] = [];
  for (const t of d.teachers) if (t.gapsAfter !== t.gapsBefore) out.push(`окна ${n.teacherShort(t.index)}: ${t.gapsBefore} → ${t.gapsAfter}`);
  for (const k of d.classes) {
    for (const [field, label] of PASSPORT) {
      const b = k.before[field] as number;
      const a = k.after[field] as number;
      if (a !== b) out.push(`${n.className(k.index)}: ${label} ${b} → ${a}`);
    }
    if (k.before.peakOnTueWed !== k.after.peakOnTueWed) out.push(`${n.className(k.index)}: пик нагрузки на вт/ср — ${k.after.peakOnTueWed ? 'да' : 'нет'} (было ${k.before.peakOnTueWed ? 'да' : 'нет'})`);
  }
  return out;
}
