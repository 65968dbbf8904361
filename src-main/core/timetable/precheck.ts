import type { AvailabilitySlot, ExplanationItem, LessonOut, PrecheckOut } from '../../../src-shared/contract/timetableFields';
import { compile, precheck as enginePrecheck } from './engine';
import { availabilitySlots, toInstance } from './instance';
import { item, links } from './links';
import type { GridSnapshot, LabelSnapshot } from './snapshot';

/**
 * Checks before solving, on top of what the snapshot builder found: a class with more lessons than
 * its days × the SanPiN daily maximum, a teacher with more lessons than free periods, a pinned
 * lesson in a teacher's time off — then the engine's own capacity checks (room pools, parallel
 * groups, lessons with no possible start), each tied back to a record and a screen.
 */

interface Parts {
  yearId: string;
  grid: GridSnapshot;
  labels: LabelSnapshot;
  lessons: readonly LessonOut[];
  availability: ReadonlyMap<string, readonly AvailabilitySlot[]>;
}

const plural = (n: number, forms: [string, string, string]): string => {
  const a = n % 10;
  const b = n % 100;
  return `${n} ${a === 1 && b !== 11 ? forms[0] : a >= 2 && a <= 4 && (b < 12 || b > 14) ? forms[1] : forms[2]}`;
};
const LESSONS: [string, string, string] = ['урок', 'урока', 'уроков'];

function classChecks(p: Parts): ExplanationItem[] {
  const out: ExplanationItem[] = [];
  for (const c of p.grid.classes) {
    if (c.lastPeriod < c.firstPeriod) continue;
    const mine = p.lessons.filter((l) => l.kind !== 'ministry' && l.audiences.some((a) => a.classId === c.id));
    let whole = 0;
    const groups = new Map<string, number>();
    for (const l of mine) {
      const a = l.audiences.find((x) => x.classId === c.id)!;
      const h = l.duration * l.count;
      if (a.groupNo === 0) whole += h;
      else groups.set(`${l.subjectId}|${a.groupNo}`, (groups.get(`${l.subjectId}|${a.groupNo}`) ?? 0) + h);
    }
    const bySubject = new Map<string, number>();
    for (const [k, h] of groups) {
      const s = k.split('|')[0];
      bySubject.set(s, Math.max(bySubject.get(s) ?? 0, h));
    }
    const load = whole + [...bySubject.values()].reduce((a, b) => a + b, 0);
    const pinned = p.lessons.filter((l) => l.kind === 'ministry' && l.pinned && l.audiences.some((a) => a.classId === c.id)).map((l) => l.pinned!);
    let capacity = 0;
    let spare = false;
    for (let d = 0; d < Math.min(c.weekLength, p.grid.days.length); d++) {
      let open = 0;
      for (let q = c.firstPeriod; q <= c.lastPeriod; q++) {
        if (!c.closed.some((s) => s.day === d && s.period === q) && !pinned.some((s) => s.day === d && s.period === q)) open++;
      }
      capacity += Math.min(open, c.maxPerDay);
      if (open > c.maxPerDay) spare = true;
    }
    if (c.onceAWeek !== null && spare) capacity += 1;
    if (load > capacity) {
      out.push(
        item(
          'error',
          'classOverMax',
          `Класс ${c.name}: ${plural(load, LESSONS)} в неделю, а по СанПиН в день не больше ${c.maxPerDay}${c.onceAWeek ? ` (раз в неделю ${c.onceAWeek})` : ''} — за ${c.weekLength} дней помещается только ${capacity}.`,
          links.plan(p.yearId, c.grade, c.id, c.name),
          { classIds: [c.id] },
        ),
      );
    }
  }
  return out;
}

function teacherChecks(p: Parts): ExplanationItem[] {
  const out: ExplanationItem[] = [];
  const D = p.grid.days.length;
  const P = p.grid.periods.length;
  const classById = new Map(p.grid.classes.map((c) => [c.id, c]));
  const name = new Map(p.labels.teachers.map((t) => [t.id, t.fullName]));
  const byTeacher = new Map<string, LessonOut[]>();
  for (const l of p.lessons) for (const t of l.teacherIds) byTeacher.set(t, [...(byTeacher.get(t) ?? []), l]);
  for (const [t, list] of byTeacher) {
    const off = new Set(availabilitySlots(p.grid, p.availability.get(t) ?? [], 'unavailable').map((s) => s.day * P + s.period));
    const open = new Set<number>();
    for (const l of list) {
      for (const a of l.audiences) {
        const c = classById.get(a.classId);
        if (!c) continue;
        for (let d = 0; d < Math.min(D, c.weekLength); d++)
          for (let q = c.firstPeriod; q <= c.lastPeriod; q++) if (!c.closed.some((s) => s.day === d && s.period === q) && !off.has(d * P + q)) open.add(d * P + q);
      }
    }
    const load = list.reduce((s, l) => s + l.duration * l.count, 0);
    if (load > open.size) {
      out.push(
        item(
          'error',
          'teacherOverFree',
          `Учитель ${name.get(t) ?? t}: ${plural(load, LESSONS)} в неделю, а в сетке классов, где идут эти уроки, с учётом недоступности свободно только ${open.size}.`,
          off.size ? links.availability(p.yearId, t) : links.teacherLoad(p.yearId, t),
          { staffIds: [t] },
        ),
      );
    }
    for (const l of list) {
      if (l.pinned && off.has(l.pinned.day * P + l.pinned.period)) {
        out.push(item('error', 'pinnedUnavailable', `Учитель ${name.get(t) ?? t}: урок «${p.labels.subjects.find((s) => s.id === l.subjectId)?.name ?? ''}» (${l.audiences.map((a) => a.label).join(', ')}) стоит по правилу первым уроком, а учитель в это время недоступен.`, links.availability(p.yearId, t), { staffIds: [t], lessonIds: [l.id] }));
      }
    }
    const pinnedAt = new Map<number, LessonOut[]>();
    for (const l of list) if (l.pinned) pinnedAt.set(l.pinned.day * P + l.pinned.period, [...(pinnedAt.get(l.pinned.day * P + l.pinned.period) ?? []), l]);
    for (const same of pinnedAt.values()) {
      if (same.length > 1) {
        out.push(item('error', 'pinnedClash', `Учитель ${name.get(t) ?? t} должен вести одновременно: ${same.map((l) => l.audiences.map((a) => a.label).join(', ')).join('; ')} (уроки, поставленные правилом первым уроком).`, links.teacherLoad(p.yearId, t), { staffIds: [t], lessonIds: same.map((l) => l.id) }));
      }
    }
  }
  return out;
}

/** The engine's pre-check in Russian, tied to the teacher or class it names. */
function engineChecks(p: Parts): ExplanationItem[] {
  const inst = toInstance({ grid: p.grid, labels: p.labels, lessons: p.lessons, availability: p.availability });
  const c = compile(inst);
  const teacherByName = new Map(inst.teachers.map((t) => [t.name, t.id]));
  const classes = [...p.grid.classes].sort((a, b) => b.name.length - a.name.length);
  return enginePrecheck(c).map((e) => {
    const t = /^Учитель (.+?): /.exec(e.message);
    if (t && teacherByName.has(t[1])) {
      const id = teacherByName.get(t[1])!;
      const full = p.labels.teachers.find((x) => x.id === id)?.fullName ?? t[1];
      return item(e.level, 'engineTeacher', e.message.replace(t[1], full), links.teacherLoad(p.yearId, id), { staffIds: [id] });
    }
    const k = /^Класс (.+?): /.exec(e.message);
    const cls = k ? classes.find((x) => k[1] === x.name || k[1].startsWith(`${x.name} `)) : undefined;
    if (cls) return item(e.level, 'engineClass', e.message, links.plan(p.yearId, cls.grade, cls.id, cls.name), { classIds: [cls.id] });
    if (e.message.startsWith('Кабинеты')) return item(e.level, 'engineRooms', e.message, links.rooms(), {});
    return item(e.level, 'engine', e.message, null, {});
  });
}

export function runPrecheck(p: Parts, built: readonly ExplanationItem[]): PrecheckOut {
  const items = [...built, ...classChecks(p), ...teacherChecks(p)];
  // The engine repeats the capacity checks in its own words; ask it only when ours found nothing.
  if (!items.some((i) => i.level === 'error')) items.push(...engineChecks(p));
  const order = { error: 0, warning: 1, info: 2 } as const;
  items.sort((a, b) => order[a.level] - order[b.level]);
  const teachers = new Set(p.lessons.flatMap((l) => l.teacherIds));
  const rooms = new Set(p.lessons.flatMap((l) => l.roomIds));
  return {
    items,
    canGenerate: !items.some((i) => i.level === 'error') && p.lessons.length > 0,
    stats: {
      classes: p.grid.classes.length,
      lessons: p.lessons.length,
      units: p.lessons.reduce((s, l) => s + l.count, 0),
      hours: p.lessons.reduce((s, l) => s + l.count * l.duration, 0),
      teachers: teachers.size,
      rooms: rooms.size,
      days: p.grid.days.length,
      periods: p.grid.periods.length,
    },
  };
}
