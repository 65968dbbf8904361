import { compareRu } from '../../../../src-shared/domain/names';
import type { FiguresOut, LessonOut, PlacementOut } from '../../../../src-shared/contract/timetableFields';
import type { LoadedVersion } from '../versionStore';
import { formatRuDate } from '../../../../src-shared/domain/ruDate';

/**
 * What a printout shows, independent of the file format: tables with title lines, a header row and
 * body rows whose first cells are labels (day, lesson number, time). The Excel and PDF writers draw
 * the same tables, so the two files always agree.
 */
export interface PrintTable {
  /** Sheet name (Excel) or page group (PDF): «5А», «1 смена». */
  name: string;
  title: string[];
  header: string[];
  /** Columns that label a row (day, lesson, time); the rest are cells. */
  labelColumns: number;
  rows: string[][];
  /** Rows that start a new day (a thicker line; the master timetable). */
  dayStarts: number[];
  /** Relative widths of the columns. */
  widths: number[];
  /** Pages of the master timetable are wide. */
  wide: boolean;
}

export interface PrintContext {
  v: LoadedVersion;
  schoolName: string;
  printedOn: string;
  /** Substitutions of a week by `lessonId:index` («замена: …», «урок снят»), and that week's line for the title. */
  marks?: { byOccurrence: Map<string, string>; title: string };
}

const dmy = (iso: string | null): string => (iso ? formatRuDate(iso) : '');

function statusLine(r: PrintContext['v']['row']): string {
  if (r.status === 'draft') return 'черновик';
  if (r.status === 'approved') return `утверждено ${dmy(r.approvedAt?.slice(0, 10) ?? null)}${r.effectiveFrom ? `, действует с ${dmy(r.effectiveFrom)}` : ''}`;
  // Replaced by another approval before its first day (its range ends before it starts).
  if (r.effectiveFrom && r.effectiveTo && r.effectiveTo < r.effectiveFrom) return `архив, не вступало в силу (утверждено с ${dmy(r.effectiveFrom)})`;
  return `архив, действовало ${dmy(r.effectiveFrom)} – ${dmy(r.effectiveTo)}`;
}

export function titleLines(p: PrintContext, what: string): string[] {
  const r = p.v.row;
  const status = statusLine(r);
  return [p.schoolName, what, `${r.name} · ${r.periodName} · ${status} · напечатано ${dmy(p.printedOn)}`, ...(p.marks ? [p.marks.title] : [])];
}

interface Index {
  lesson: Map<string, LessonOut>;
  subject: Map<string, { name: string; short: string }>;
  teacher: Map<string, string>;
  room: Map<string, string>;
  className: Map<string, string>;
}

function indexOf(v: LoadedVersion): Index {
  return {
    lesson: new Map(v.lessons.map((l) => [l.id, l])),
    subject: new Map(v.labels.subjects.map((s) => [s.id, { name: s.name, short: s.shortName || s.name }])),
    teacher: new Map(v.labels.teachers.map((t) => [t.id, t.shortName])),
    room: new Map(v.labels.rooms.map((r) => [r.id, r.number])),
    className: new Map(v.grid.classes.map((c) => [c.id, c.name])),
  };
}

/** Slots a placement covers (a double lesson covers two). */
function covers(p: PlacementOut, l: LessonOut): { day: number; period: number }[] {
  return Array.from({ length: l.duration }, (_, q) => ({ day: p.day, period: p.period + q }));
}

function timeOf(v: LoadedVersion, period: number, shift: number | null, weekday = 1): string {
  const byShift = v.grid.periods[period]?.byShift ?? [];
  const entry = shift === null ? byShift[0] : byShift.find((b) => b.shift === shift);
  if (!entry) return '';
  const bells = v.grid.bells.find((b) => b.shift === entry.shift && b.weekday === weekday) ?? v.grid.bells.find((b) => b.shift === entry.shift);
  const l = bells?.lessons.find((x) => x.number === entry.number);
  return l ? `${l.start}–${l.end}` : '';
}

function numberOf(v: LoadedVersion, period: number, shift: number | null): string {
  const byShift = v.grid.periods[period]?.byShift ?? [];
  const e = shift === null ? null : byShift.find((b) => b.shift === shift);
  return e ? String(e.number) : (v.grid.periods[period]?.label ?? String(period + 1));
}

/** A days × periods grid of one class, teacher or room. */
function weekGrid(p: PrintContext, name: string, what: string, periods: number[], shift: number | null, cellOf: (day: number, period: number) => string[]): PrintTable {
  const v = p.v;
  const days = v.grid.days;
  const rows = periods.map((period) => [numberOf(v, period, shift), timeOf(v, period, shift), ...days.map((d) => cellOf(d.index, period).join('\n'))]);
  return { name, title: titleLines(p, what), header: ['Урок', 'Время', ...days.map((d) => d.name)], labelColumns: 2, rows, dayStarts: [], widths: [6, 12, ...days.map(() => 24)], wide: false };
}

function placedIn(v: LoadedVersion, ix: Index, keep: (l: LessonOut, p: PlacementOut) => boolean): Map<string, { l: LessonOut; p: PlacementOut }[]> {
  const at = new Map<string, { l: LessonOut; p: PlacementOut }[]>();
  for (const p of v.placements) {
    const l = ix.lesson.get(p.lessonId);
    if (!l || !keep(l, p)) continue;
    for (const s of covers(p, l)) at.set(`${s.day}:${s.period}`, [...(at.get(`${s.day}:${s.period}`) ?? []), { l, p }]);
  }
  return at;
}

/** A cell's text with the week's substitution of that lesson, if any, in brackets after it. */
function withMark(p: PrintContext, pl: PlacementOut, text: string): string {
  const mark = p.marks?.byOccurrence.get(`${pl.lessonId}:${pl.index}`);
  return mark ? `${text} [${mark}]` : text;
}

const range = (a: number, b: number): number[] => Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => a + i);

export function classTables(p: PrintContext, classIds: readonly string[]): PrintTable[] {
  const v = p.v;
  const ix = indexOf(v);
  return v.grid.classes
    .filter((c) => classIds.includes(c.id))
    .map((c) => {
      const at = placedIn(v, ix, (l) => l.audiences.some((a) => a.classId === c.id));
      const teacher = c.classTeacherId ? ix.teacher.get(c.classTeacherId) : undefined;
      return weekGrid(p, c.name, `Расписание уроков ${c.name} класса${teacher ? ` (классный руководитель ${teacher})` : ''}, ${c.shift} смена`, range(c.firstPeriod, c.lastPeriod), c.shift, (day, period) =>
        (at.get(`${day}:${period}`) ?? []).map(({ l, p: pl }) => {
          const group = l.audiences.find((a) => a.classId === c.id)?.groupNo ?? 0;
          const who = l.teacherIds.map((t) => ix.teacher.get(t) ?? '').join(', ');
          const room = pl.roomId ? `каб. ${ix.room.get(pl.roomId) ?? ''}` : '';
          const joint = l.audiences.length > 1 ? ` (${l.audiences.map((a) => ix.className.get(a.classId)).join(', ')})` : '';
          const text = [`${ix.subject.get(l.subjectId)?.name ?? ''}${group ? ` (гр. ${group})` : ''}${joint}`, [who, room].filter(Boolean).join(', ')].filter(Boolean).join(' — ');
          return withMark(p, pl, text);
        }),
      );
    });
}

/** Periods used by a set of placements, from the first to the last (at least one row). */
function usedPeriods(v: LoadedVersion, at: Map<string, unknown>): number[] {
  const used = [...at.keys()].map((k) => Number(k.split(':')[1]));
  if (used.length === 0) return [0];
  return range(Math.min(...used), Math.max(...used));
}

export function teacherTables(p: PrintContext, staffIds: readonly string[]): PrintTable[] {
  const v = p.v;
  const ix = indexOf(v);
  return v.labels.teachers
    .filter((t) => staffIds.includes(t.id))
    .map((t) => {
      const at = placedIn(v, ix, (l) => l.teacherIds.includes(t.id));
      const shifts = new Set([...at.values()].flat().flatMap(({ l }) => l.audiences.map((a) => v.grid.classes.find((c) => c.id === a.classId)?.shift ?? 1)));
      const shift = shifts.size === 1 ? [...shifts][0] : null;
      const lessons = v.lessons.filter((l) => l.teacherIds.includes(t.id)).reduce((s, l) => s + l.duration * l.count, 0);
      return weekGrid(p, t.shortName, `Расписание учителя ${t.fullName} (${lessons} ч в неделю)`, usedPeriods(v, at), shift, (day, period) =>
        (at.get(`${day}:${period}`) ?? []).map(({ l, p: pl }) => {
          const who = l.audiences.map((a) => `${ix.className.get(a.classId) ?? ''}${a.groupNo ? ` гр. ${a.groupNo}` : ''}`).join(', ');
          return withMark(p, pl, `${who} ${ix.subject.get(l.subjectId)?.short ?? ''}${pl.roomId ? `, каб. ${ix.room.get(pl.roomId) ?? ''}` : ''}`);
        }),
      );
    });
}

export function roomTables(p: PrintContext, roomIds: readonly string[]): PrintTable[] {
  const v = p.v;
  const ix = indexOf(v);
  const used = new Set(v.placements.map((x) => x.roomId));
  return v.labels.rooms
    .filter((r) => roomIds.includes(r.id) && used.has(r.id))
    .map((r) => {
      const at = placedIn(v, ix, (_l, pl) => pl.roomId === r.id);
      return weekGrid(p, r.number, `Занятость кабинета ${r.number}${r.name ? ` (${r.name})` : ''}`, usedPeriods(v, at), null, (day, period) =>
        (at.get(`${day}:${period}`) ?? []).map(({ l }) => {
          const who = l.audiences.map((a) => `${ix.className.get(a.classId) ?? ''}${a.groupNo ? ` гр. ${a.groupNo}` : ''}`).join(', ');
          return `${who} ${ix.subject.get(l.subjectId)?.short ?? ''}, ${l.teacherIds.map((t) => ix.teacher.get(t) ?? '').join(', ')}`;
        }),
      );
    });
}

/**
 * The wall timetable: a page per shift, classes in columns, days and lessons in rows; a cell is
 * «subject room» (the groups of a split subject share a cell).
 */
export function masterTables(p: PrintContext): PrintTable[] {
  const v = p.v;
  const ix = indexOf(v);
  const shifts = [...new Set(v.grid.classes.map((c) => c.shift))].sort((a, b) => a - b);
  return shifts.map((shift) => {
    const classes = v.grid.classes.filter((c) => c.shift === shift).sort((a, b) => a.grade - b.grade || compareRu(a.name, b.name));
    const first = Math.min(...classes.map((c) => c.firstPeriod));
    const last = Math.max(...classes.map((c) => c.lastPeriod));
    const at = placedIn(v, ix, () => true);
    const rows: string[][] = [];
    const dayStarts: number[] = [];
    for (const d of v.grid.days) {
      if (!classes.some((c) => c.weekLength > d.index)) continue;
      dayStarts.push(rows.length);
      for (const period of range(first, last)) {
        const cells = classes.map((c) =>
          (at.get(`${d.index}:${period}`) ?? [])
            .filter(({ l }) => l.audiences.some((a) => a.classId === c.id))
            .map(({ l, p: pl }) => `${ix.subject.get(l.subjectId)?.short ?? ''}${pl.roomId ? ` ${ix.room.get(pl.roomId) ?? ''}` : ''}`)
            .filter((x, i, all) => all.indexOf(x) === i)
            .join(' / '),
        );
        rows.push([period === first ? d.short : '', numberOf(v, period, shift), timeOf(v, period, shift, d.weekday), ...cells]);
      }
    }
    return {
      name: `${shift} смена`,
      title: titleLines(p, `Сводное расписание уроков, ${shift} смена`),
      header: ['День', 'Урок', 'Время', ...classes.map((c) => c.name)],
      labelColumns: 3,
      rows,
      dayStarts,
      widths: [5, 4, 11, ...classes.map(() => 11)],
      wide: true,
    };
  });
}

/** The SanPiN passport of every class: daily difficulty sums, the peak, hard lessons first or last, lessons per day. */
export function passportTable(p: PrintContext, figures: FiguresOut, classIds: readonly string[]): PrintTable {
  const v = p.v;
  const days = v.grid.days;
  const rows = figures.classes
    .filter((c) => classIds.includes(c.classId))
    .map((c) => {
      const k = v.grid.classes.find((x) => x.id === c.classId);
      const pp = c.passport;
      return [
        k?.name ?? '',
        ...days.map((d) => (k && d.index >= k.weekLength ? '—' : `${pp.daySums[d.index] ?? 0} (${pp.dayLessons[d.index] ?? 0} ур.)`)),
        pp.peakDay === null ? '—' : days[pp.peakDay]?.short ?? '',
        pp.peakOnTueWed ? 'да' : 'нет',
        `${pp.hardFirstLast} из ${pp.hardLessons}`,
        `${pp.maxPerDay}${pp.onceAWeek ? ` (раз в неделю ${pp.onceAWeek})` : ''}`,
        pp.daysOverMax.length ? pp.daysOverMax.map((d) => days[d]?.short).join(', ') : 'нет',
      ];
    });
  return {
    name: 'Паспорт СанПиН',
    title: titleLines(p, 'Паспорт расписания по СанПиН 1.2.3685-21: сумма баллов трудности по дням (уроков в день)'),
    header: ['Класс', ...days.map((d) => d.name), 'Пик', 'Пик во вт/ср', 'Трудные первыми/последними', 'Максимум уроков в день', 'Превышение'],
    labelColumns: 1,
    rows,
    dayStarts: [],
    widths: [8, ...days.map(() => 12), 6, 9, 13, 13, 11],
    wide: true,
  };
}
