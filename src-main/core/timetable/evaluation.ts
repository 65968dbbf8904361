import type { ExplanationItem, FiguresOut, SummaryFigures, ViolationOut } from '../../../src-shared/contract/timetableFields';
import { compile, explainResult, inspect, VIOLATION_LABELS, type Inspection, type TimetableInstance } from './engine';
import { toInstance, toTimetable } from './instance';
import { item, links } from './links';
import type { TimetableScope } from './scope';
import type { LoadedVersion } from './versionStore';
import type { AvailabilitySlot } from '../../../src-shared/contract/timetableFields';

/**
 * A version through the engine's one evaluator: the summary stored with the version, the figures
 * panel (violations with their records, slots and links; gaps; the SanPiN passport of each class)
 * and the Russian explanation of what is wrong and why.
 */

export interface Evaluated {
  instance: TimetableInstance;
  report: Inspection;
}

export function evaluateLoaded(v: LoadedVersion, availability: ReadonlyMap<string, readonly AvailabilitySlot[]>): Evaluated {
  const instance = toInstance({ grid: v.grid, labels: v.labels, lessons: v.lessons, availability, name: v.row.name });
  return { instance, report: inspect(compile(instance), toTimetable(v.placements)) };
}

export function summaryOfReport(v: Pick<LoadedVersion, 'lessons' | 'placements'>, report: Inspection, at: string): SummaryFigures {
  return {
    lessons: v.lessons.length,
    units: report.figures.units,
    placed: report.figures.placed,
    hard: report.hard,
    valid: report.hard === 0,
    teacherGaps: report.figures.teacherGaps,
    peakTueWedShare: report.figures.peakTueWedShare,
    hardFirstLastShare: report.figures.hardFirstLastShare,
    evaluatedAt: at,
  };
}

function violationOut(v: LoadedVersion, e: Evaluated, x: Inspection['violations'][number]): ViolationOut {
  const inst = e.instance;
  const label = VIOLATION_LABELS[x.kind] ?? x.kind;
  const lessonIds = [...new Set(x.units.map((u) => u.lessonId))];
  const base = { kind: x.kind, label, amount: x.amount, lessonIds, slots: x.slots };
  const id = v.row.id;
  const firstClass = (): string | null => v.lessons.find((l) => lessonIds.includes(l.id))?.audiences[0]?.classId ?? null;
  switch (x.entity.type) {
    case 'teacher': {
      const t = inst.teachers[x.entity.index];
      const name = v.labels.teachers.find((l) => l.id === t.id)?.fullName ?? t.name;
      return { ...base, entity: { type: 'teacher', id: t.id, name }, link: links.timetable(id, 'teacher', t.id) };
    }
    case 'cell': {
      const k = inst.classes[x.entity.classIndex];
      const whole = x.entity.name === k.name;
      return { ...base, entity: { type: whole ? 'class' : 'group', id: k.id, name: x.entity.name }, link: links.timetable(id, 'class', k.id) };
    }
    case 'room': {
      const r = inst.rooms[x.entity.index];
      return { ...base, entity: { type: 'room', id: r.id, name: r.name }, link: links.timetable(id, 'room', r.id) };
    }
    case 'class': {
      const k = inst.classes[x.entity.index];
      return { ...base, entity: { type: 'class', id: k.id, name: k.name }, link: links.timetable(id, 'class', k.id) };
    }
    default: {
      const names = v.lessons.filter((l) => lessonIds.includes(l.id)).map((l) => `${v.labels.subjects.find((s) => s.id === l.subjectId)?.name ?? ''} (${l.audiences.map((a) => a.label).join(', ')})`);
      const cls = firstClass();
      return {
        ...base,
        lessonIds: x.entity.lessonIds,
        entity: { type: x.entity.type, id: x.entity.lessonIds[0] ?? null, name: names.join('; ') },
        link: cls ? links.timetable(id, 'class', cls) : null,
      };
    }
  }
}

/** Russian lines of every hard violation and what blocked each unplaced lesson, with links. */
export function explanationOf(v: LoadedVersion, e: Evaluated, violations: readonly ViolationOut[]): ExplanationItem[] {
  const dayName = (d: number) => v.grid.days[d]?.short ?? `день ${d + 1}`;
  const period = (p: number) => v.grid.periods[p]?.label ?? `${p + 1}`;
  const out: ExplanationItem[] = violations.map((x) => {
    const where = x.slots.length ? `: ${x.slots.slice(0, 4).map((s) => `${dayName(s.day)}, ${period(s.period)} урок`).join('; ')}${x.slots.length > 4 ? ` и ещё ${x.slots.length - 4}` : ''}` : '';
    const refs =
      x.entity.type === 'teacher' ? { staffIds: [x.entity.id ?? ''] } : x.entity.type === 'room' ? { roomIds: [x.entity.id ?? ''] } : x.entity.type === 'class' || x.entity.type === 'group' ? { classIds: [x.entity.id ?? ''] } : {};
    return item('error', x.kind, `${x.label} — ${x.entity.name}${x.amount > 1 ? ` (${x.amount})` : ''}${where}.`, x.link, { ...refs, lessonIds: x.lessonIds });
  });
  for (const w of explainResult(e.instance, toTimetable(v.placements))) {
    if (w.level !== 'warning') continue;
    const m = /\[([^\]]+)\]/.exec(w.message);
    const lesson = m ? v.lessons.find((l) => l.id === m[1]) : undefined;
    const text = lesson ? w.message.replace(/ \[[^\]]+\]/, '') : w.message;
    out.push(item('warning', 'blocked', text, lesson ? links.timetable(v.row.id, 'class', lesson.audiences[0]?.classId) : null, lesson ? { lessonIds: [lesson.id] } : {}));
  }
  return out;
}

export function figuresOf(v: LoadedVersion, e: Evaluated, scope: TimetableScope): FiguresOut {
  const r = e.report;
  const inst = e.instance;
  const seesClass = (id: string) => scope.all || scope.classIds.has(id);
  const seesTeacher = (id: string) => scope.all || scope.staffId === id;
  const violations = r.violations.map((x) => violationOut(v, e, x));
  const visible = violations.filter((x) => {
    if (scope.all) return true;
    if (x.entity.type === 'teacher') return x.entity.id !== null && seesTeacher(x.entity.id);
    if (x.entity.type === 'class' || x.entity.type === 'group') return x.entity.id !== null && seesClass(x.entity.id);
    return v.lessons.some((l) => x.lessonIds.includes(l.id) && (l.audiences.some((a) => seesClass(a.classId)) || l.teacherIds.some(seesTeacher)));
  });
  const byClass = new Map(v.grid.classes.map((c) => [c.id, c]));
  const seenLessons = new Set(v.lessons.filter((l) => l.audiences.some((a) => seesClass(a.classId)) || l.teacherIds.some(seesTeacher)).map((l) => l.id));
  return {
    versionId: v.row.id,
    valid: r.hard === 0,
    hard: r.hard,
    soft: r.soft,
    totals: { ...r.figures },
    violations: visible,
    teachers: inst.teachers
      .map((t, i) => ({ staffId: t.id, lessons: r.teachers[i].lessons, gaps: r.teachers[i].gapsByDay.reduce((a, b) => a + b, 0), gapsByDay: r.teachers[i].gapsByDay, lessonsByDay: r.teachers[i].lessonsByDay }))
      .filter((t) => seesTeacher(t.staffId)),
    classes: inst.classes
      .map((k, i) => {
        const p = r.classes[i].profile;
        const snap = byClass.get(k.id);
        const max = snap?.maxPerDay ?? 0;
        const sums = p.daySums.length ? p.daySums : new Array<number>(inst.days.length).fill(0);
        const lessons = p.dayLessons.length ? p.dayLessons : new Array<number>(inst.days.length).fill(0);
        const peak = sums.some((s) => s > 0) ? sums.indexOf(Math.max(...sums)) : null;
        const extra = snap?.onceAWeek ?? null;
        const over = lessons.map((n, d) => (n > max ? d : -1)).filter((d) => d >= 0);
        // «Once a week one more»: a single day at the larger maximum is allowed.
        const daysOverMax = extra !== null && over.length === 1 && lessons[over[0]] <= extra ? [] : over;
        return {
          classId: k.id,
          gaps: r.classes[i].gapsByDay.reduce((a, b) => a + b, 0),
          lateStarts: r.classes[i].lateStarts,
          passport: {
            classId: k.id,
            daySums: sums,
            dayLessons: lessons,
            peakDay: peak,
            peakOnTueWed: p.peakOnTueWed,
            heaviestMonFri: p.heaviestMonFri,
            hardLessons: p.hardLessons,
            hardFirstLast: p.hardFirstLast,
            hardInARowExcess: p.hardInARowExcess,
            sameSubjectRepeats: p.sameSubjectRepeats,
            balanceExcess: p.balanceExcess,
            maxPerDay: max,
            onceAWeek: extra,
            daysOverMax,
          },
        };
      })
      .filter((c) => seesClass(c.classId)),
    explanation: explanationOf(v, e, visible).filter((i) => scope.all || i.refs.lessonIds.some((id) => seenLessons.has(id))),
  };
}
