import type { ImportLine, ImportPreview } from '../../../../src-shared/contract/timetableExchange';
import type { LessonOut, PlacementOut } from '../../../../src-shared/contract/timetableFields';
import type { HandlerContext } from '../../foundation/context';
import type { Executor } from '../../foundation/executor';
import { importBase } from '../../timetable/index';
import { ascClassName, classKey, readAsc, type AscCard, type AscFile, type AscLesson } from './ascRead';
import type { ImportOutcome } from './importFlow';
import { finishImport } from './importDraft';
import { groupNumbers } from './ascLoad';
import { applyAscSetup, planAscSetup } from './ascSetup';
import { fileRefused } from './xmlText';

/**
 * An aSc Timetables export as a new draft (issue 17, part 3). Classes, subjects and rooms of the file
 * are matched with the school's by name (classes by «7Б» whatever the spelling: «VII Б», «7 б»),
 * a lesson by its subject and audiences (the whole class, or group n of a split subject: the n-th
 * group of the class's division in the file), a card's period by its start time on the school's
 * bells (else by its order), its day by the mask. What does not match is listed with the reason.
 */

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase().replace(/ё/g, 'е');

export interface AscInput {
  yearId: string;
  studyPeriodId: string | null;
  fileName: string;
  bytes: Uint8Array;
}

export function ascRun(ctx: HandlerContext, input: AscInput) {
  return async (trx: Executor): Promise<ImportOutcome> => {
    const f = readAsc(input.fileName, input.bytes);
    const notImported = f.unknown.map((u) => ({ part: u.part, count: u.count, reason: 'раздел, для которого в программе нет места' }));
    const origin: FileOrigin = { format: 'asc', source: 'asc', name: `Из aSc: ${input.fileName}`, cause: `Расписание из aSc Timetables, файл «${input.fileName}»`, lines: [], notImported };
    return importAscFile(ctx, trx, input, f, origin);
  };
}

/** Where a file read into aSc's shape comes from, and what its reader already has to say. */
export interface FileOrigin {
  format: ImportPreview['format'];
  source: 'asc' | 'fet';
  name: string;
  cause: string;
  lines: ImportLine[];
  notImported: ImportPreview['notImported'];
  /** A file that is a school without a timetable (a `.fet` input): the draft may hold no placed lesson. */
  unplacedDraft?: boolean;
}

/**
 * A file in aSc's shape (an aSc export, or a `.fet` read into it by fetSchool) as a new draft: in a
 * year without classes the school is created first (ascSetup), then the file's cards are placed.
 */
export async function importAscFile(ctx: HandlerContext, trx: Executor, input: Omit<AscInput, 'bytes'>, f: AscFile, origin: FileOrigin): Promise<ImportOutcome> {
  const cause = origin.cause;
  // A year without classes: the file's subjects, rooms, bells, classes, teachers and load are created first.
  const setup = await planAscSetup(trx, f, input.yearId);
  const known = setup ? await applyAscSetup(ctx, trx, setup, cause) : null;
  const base = await importBase(trx, input.yearId, input.studyPeriodId);
  const { grid, labels } = base.built;
  const lessons: LessonOut[] = base.built.lessons.map((l) => ({ ...l, audiences: l.audiences.map((a) => ({ ...a })) }));
  const lines: ImportLine[] = [...origin.lines, ...(setup?.lines ?? [])];
  const notImported = origin.notImported;
  const ourClass = new Map(grid.classes.map((c) => [classKey(c.name), c]));
  const classOf = new Map<string, string>();
  const missingClasses: string[] = [];
  for (const c of f.classes.values()) {
    const ours = known ? grid.classes.find((x) => x.id === known.classes.get(c.id)) : ourClass.get(ascClassName(c));
    if (ours) classOf.set(c.id, ours.id);
    else missingClasses.push(c.name);
  }
  if (setup && f.classes.size > 0 && classOf.size === 0) throw fileRefused(input.fileName, null, `ни один класс файла не удалось создать (${setup.lines.filter((l) => l.what === 'Класс').map((l) => `${l.label}: ${l.message}`).slice(0, 3).join('; ')})`);
  if (f.classes.size > 0 && classOf.size === 0) throw fileRefused(input.fileName, null, `ни один класс файла (${[...f.classes.values()].slice(0, 5).map((c) => c.name).join(', ')}${f.classes.size > 5 ? '…' : ''}) не найден в школе — похоже, это выгрузка другой школы или другого года`);
  if (!setup) for (const name of missingClasses) lines.push({ level: 'error', what: 'Класс', label: name, message: 'класса с таким названием нет в школе в этом году — его уроки не загружены' });
  const ourSubject = new Map<string, string>();
  for (const s of labels.subjects) {
    ourSubject.set(norm(s.name), s.id);
    if (s.shortName && !ourSubject.has(norm(s.shortName))) ourSubject.set(norm(s.shortName), s.id);
  }
  const subjectOf = (id: string): string | null => {
    const s = f.subjects.get(id)!;
    return known?.subjects.get(id) ?? ourSubject.get(norm(s.name)) ?? ourSubject.get(norm(s.short)) ?? null;
  };
  const ourRoom = new Map<string, string>();
  for (const r of labels.rooms) {
    ourRoom.set(norm(r.number), r.id);
    if (r.name) ourRoom.set(norm(r.name), r.id);
  }
  const roomOf = (id: string): string | null => {
    const r = f.rooms.get(id)!;
    return known?.rooms.get(id) ?? ourRoom.get(norm(r.short)) ?? ourRoom.get(norm(r.name)) ?? null;
  };
  const groupNo = groupNumbers(f).no;
  // Axis position of each aSc period: the school's period starting at that time, else by order.
  const sorted = [...f.periods].sort((a, b) => a.period - b.period);
  const startOf = new Map<string, number>();
  for (const b of grid.bells) for (const l of b.lessons) if (b.weekday === 1) startOf.set(l.start.replace(/^0/, ''), (grid.shiftOffsets[String(b.shift)] ?? 0) + l.number - 1);
  const axisOf = new Map(sorted.map((p, i) => [p.period, startOf.get(p.start.replace(/^0/, '')) ?? i]));
  const bySlot = new Map<string, LessonOut[]>();
  for (const l of lessons) {
    const k = `${l.subjectId}|${l.audiences.map((a) => `${a.classId}:${a.groupNo}`).sort().join(',')}`;
    bySlot.set(k, [...(bySlot.get(k) ?? []), l]);
  }
  const teacherName = new Map(labels.teachers.map((t) => [t.id, t.fullName]));
  let unmatched = 0;
  const matchOf = new Map<string, LessonOut[] | string>();
  const labelOf = (l: AscLesson) => `${l.classIds.map((c) => f.classes.get(c)!.name).join(', ')}: ${f.subjects.get(l.subjectId)!.name}${l.groupIds.some((g) => !f.groups.get(g)!.entire) ? ` (${l.groupIds.map((g) => f.groups.get(g)!.name).join(', ')})` : ''}`;
  for (const l of f.lessons.values()) {
    const subjectId = subjectOf(l.subjectId);
    if (!subjectId) {
      matchOf.set(l.id, `предмета «${f.subjects.get(l.subjectId)!.name}» нет в школе`);
      continue;
    }
    if (l.classIds.some((c) => !classOf.has(c))) {
      matchOf.set(l.id, 'класса нет в школе');
      continue;
    }
    const audiences = l.classIds.map((c) => {
      const g = l.groupIds.find((x) => f.groups.get(x)!.classId === c);
      return `${classOf.get(c)}:${g ? (groupNo.get(g) ?? 0) : 0}`;
    });
    const found = bySlot.get(`${subjectId}|${audiences.sort().join(',')}`);
    if (!found?.length) {
      matchOf.set(l.id, 'в учебном плане и нагрузке школы нет такого урока (предмет, класс и группа)');
      continue;
    }
    matchOf.set(l.id, found);
    const theirs = l.teacherIds.map((t) => f.teachers.get(t)!.name);
    const ours = found[0].teacherIds.map((t) => teacherName.get(t) ?? '');
    if (theirs.length && ours.length && !theirs.some((t) => ours.some((o) => norm(o).startsWith(norm(t)) || norm(t).startsWith(norm(o))))) {
      lines.push({ level: 'warning', what: 'Учитель', label: labelOf(l), message: `в aSc: ${theirs.join(', ')}; в нагрузке школы: ${ours.join(', ')} — оставлен учитель из нагрузки` });
    }
  }
  // Cards of a lesson by day, in period order: consecutive cards of a double lesson are one occurrence.
  const cardsOf = new Map<string, AscCard[]>();
  for (const c of f.cards) cardsOf.set(`${c.lessonId}|${c.day}`, [...(cardsOf.get(`${c.lessonId}|${c.day}`) ?? []), c]);
  const placements: PlacementOut[] = [];
  const used = new Map<string, number>();
  const dayNames = ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'];
  let inFile = 0;
  for (const [key, cards] of cardsOf) {
    const l = f.lessons.get(key.split('|')[0])!;
    cards.sort((a, b) => a.period - b.period);
    const match = matchOf.get(l.id);
    for (let i = 0; i < cards.length; i++) {
      const c = cards[i];
      inFile++;
      const label = `${labelOf(l)}, ${dayNames[c.day] ?? c.day + 1}, урок ${f.periods.find((p) => p.period === c.period)?.name ?? c.period}`;
      const miss = (message: string, level: ImportLine['level'] = 'error') => {
        unmatched++;
        lines.push({ level, what: 'Урок', label, message });
      };
      if (typeof match === 'string' || !match) {
        miss(typeof match === 'string' ? match : 'урок не сопоставлен');
        continue;
      }
      // A card of a double lesson goes to the double lesson of the load first.
      const free = (x: LessonOut) => (used.get(x.id) ?? 0) < x.count;
      const lesson = match.find((x) => free(x) && x.duration === Math.min(2, l.periodsPerCard)) ?? match.find(free);
      if (!lesson) {
        miss(`лишний урок: в нагрузке ${match[0].count} ч. в неделю, в файле больше`, 'warning');
        continue;
      }
      // A double written one card per period: the next card of the same day is its second half.
      if (lesson.duration > 1) {
        const next = cards[i + 1];
        if (next && next.period === c.period + 1) i++;
      }
      if (c.day >= grid.days.length) {
        miss(`в сетке школы нет этого дня (${c.day + 1}-й день недели)`);
        continue;
      }
      const period = axisOf.get(c.period) ?? -1;
      if (period < 0 || period + lesson.duration > grid.periods.length) {
        miss(`в звонках школы нет такого урока (period="${c.period}")`);
        continue;
      }
      const roomIds = c.roomIds.length ? c.roomIds : l.roomIds.length === 1 ? l.roomIds : [];
      let roomId: string | null = null;
      if (roomIds.length) {
        roomId = roomOf(roomIds[0]);
        if (!roomId) lines.push({ level: 'warning', what: 'Кабинет', label, message: `кабинета «${f.rooms.get(roomIds[0])!.name}» нет в школе — урок без кабинета` });
      }
      const index = used.get(lesson.id) ?? 0;
      used.set(lesson.id, index + 1);
      placements.push({ lessonId: lesson.id, index, day: c.day, period, roomId, locked: false });
    }
  }
  if (f.dayCount && f.dayCount !== grid.days.length) lines.push({ level: 'info', what: 'Дни', label: `${f.dayCount} дн. в файле`, message: `в сетке школы ${grid.days.length} дн. в неделе` });
  const name = origin.name.slice(0, 200);
  return finishImport(ctx, trx, { format: origin.format, source: origin.source, fileName: input.fileName, yearId: input.yearId, name, cause, basedOnId: null, base, lessons, placements, lines, notImported, inFile, unmatched, creates: setup?.creates ?? [], unplacedDraft: origin.unplacedDraft });
}
