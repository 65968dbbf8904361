import { analyseClass, type ClassProfile } from './classTerm';
import { compile, type Compiled } from './compile';
import { loadTimetable } from './evaluator';
import { computeFigures, emptyProfile, type Figures } from './figures';
import type { Timetable, TimetableInstance } from './model';
import { createState, recomputeAll, type State } from './state';
import { gapsOf, popcount, type ViolationKind } from './terms';

/**
 * The evaluator's full report for a UI: the same terms as evaluate(), but every violation keeps the
 * entity it belongs to (by index into the instance, so the caller maps it to its own ids) and the
 * slots where it happens, plus per-teacher and per-class figures and each class's SanPiN profile.
 */
export type ReportEntity =
  | { type: 'teacher'; index: number }
  | { type: 'cell'; index: number; classIndex: number; name: string }
  | { type: 'room'; index: number }
  | { type: 'class'; index: number }
  | { type: 'lesson'; lessonIds: string[] }
  | { type: 'rule'; lessonIds: string[] };

export interface ReportViolation {
  kind: ViolationKind;
  amount: number;
  entity: ReportEntity;
  /** Occurrences involved (lesson id, index). */
  units: { lessonId: string; index: number }[];
  slots: { day: number; period: number }[];
}

export interface Inspection {
  hard: number;
  soft: number;
  figures: Figures;
  violations: ReportViolation[];
  teachers: { lessons: number; gapsByDay: number[]; lessonsByDay: number[] }[];
  classes: { gapsByDay: number[]; lateStarts: number; profile: ClassProfile }[];
  loadProblems: string[];
}

const unitRef = (c: Compiled, u: number) => ({ lessonId: c.inst.lessons[c.unitLesson[u]].id, index: c.unitIndex[u] });

function slotsOfUnit(st: State, u: number): { day: number; period: number }[] {
  const s = st.start[u];
  if (s < 0) return [];
  const { P } = st.c;
  return Array.from({ length: st.c.unitDur[u] }, (_, q) => ({ day: ((s + q) / P) | 0, period: (s + q) % P }));
}

/** Units of an entity (teacher, cell or room) and the slots where the kind applies. */
function locate(st: State, kind: ViolationKind, entity: ReportEntity): { units: number[]; slots: { day: number; period: number }[] } {
  const c = st.c;
  const units: number[] = [];
  const slots = new Map<number, { day: number; period: number }>();
  const uses = (u: number): boolean => {
    if (entity.type === 'teacher') return c.unitTeachers[u].includes(entity.index);
    if (entity.type === 'cell') return c.unitCells[u].includes(entity.index);
    if (entity.type === 'room') return st.room[u] === entity.index;
    if (entity.type === 'class') return c.unitClasses[u].includes(entity.index);
    return false;
  };
  const cnt = entity.type === 'teacher' ? st.tCnt : entity.type === 'cell' ? st.cCnt : entity.type === 'room' ? st.rCnt : null;
  const unavail = entity.type === 'teacher' ? c.teacherUnavail : entity.type === 'cell' ? c.cellUnavail : entity.type === 'room' ? c.roomUnavail : null;
  const clash = kind === 'teacherClash' || kind === 'studentClash' || kind === 'roomClash';
  const off = kind === 'teacherUnavailable' || kind === 'studentUnavailable' || kind === 'roomUnavailable';
  for (let u = 0; u < c.nU; u++) {
    const s0 = st.start[u];
    if (s0 < 0 || !uses(u)) continue;
    let hit = !clash && !off;
    for (let q = 0; q < c.unitDur[u]; q++) {
      const s = s0 + q;
      if (clash && cnt && 'index' in entity && cnt[entity.index * c.S + s] > 1) hit = true;
      if (off && unavail && 'index' in entity && unavail[entity.index * c.S + s]) hit = true;
    }
    if (!hit) continue;
    units.push(u);
    for (const sl of slotsOfUnit(st, u)) slots.set(sl.day * c.P + sl.period, sl);
  }
  return { units, slots: [...slots.values()].sort((a, b) => a.day - b.day || a.period - b.period) };
}

/** The teacher, cell, room, class, lesson or rule a cost term belongs to. */
export function entityOf(st: State, term: number): ReportEntity {
  const c = st.c;
  const o = st.off;
  if (term < o.C) return { type: 'teacher', index: term };
  if (term < o.R) return { type: 'cell', index: term - o.C, classIndex: c.cellClass[term - o.C], name: c.cellName[term - o.C] };
  if (term < o.K) return { type: 'room', index: term - o.R };
  if (term < o.U) return { type: 'class', index: term - o.K };
  if (term < o.B) return { type: 'lesson', lessonIds: [c.inst.lessons[c.unitLesson[term - o.U]].id] };
  const units = term < o.M ? Array.from(c.blockUnits[term - o.B]) : term < o.SS ? Array.from(c.minDays[term - o.M].units) : Array.from(c.sameStart[term - o.SS].units);
  return { type: term < o.M ? 'lesson' : 'rule', lessonIds: [...new Set(units.map((u) => c.inst.lessons[c.unitLesson[u]].id))] };
}

function unitsOfTerm(st: State, term: number): number[] {
  const o = st.off;
  const c = st.c;
  if (term >= o.U && term < o.B) return [term - o.U];
  if (term >= o.B && term < o.M) return Array.from(c.blockUnits[term - o.B]);
  if (term >= o.M && term < o.SS) return Array.from(c.minDays[term - o.M].units);
  if (term >= o.SS && term < o.N) return Array.from(c.sameStart[term - o.SS].units);
  return [];
}

/** Loads a timetable into the evaluator and reports everything a figures panel shows. */
export function inspect(input: TimetableInstance | Compiled, tt: Timetable): Inspection {
  const c = 'nU' in input ? input : compile(input);
  const st = createState(c, false);
  const loadProblems = loadTimetable(st, tt);
  const violations: ReportViolation[] = [];
  recomputeAll(st, (kind, amount, hard, term) => {
    if (!hard) return;
    const entity = entityOf(st, term);
    const own = unitsOfTerm(st, term);
    const where = own.length ? { units: own, slots: own.flatMap((u) => slotsOfUnit(st, u)) } : locate(st, kind, entity);
    violations.push({ kind, amount, entity, units: where.units.map((u) => unitRef(c, u)), slots: where.slots });
  });
  const teachers = Array.from({ length: c.nT }, (_, t) => {
    const gapsByDay: number[] = [];
    const lessonsByDay: number[] = [];
    for (let d = 0; d < c.D; d++) {
      const m = st.tMask[t * c.D + d];
      gapsByDay.push(gapsOf(m, c.teacherUsable[t * c.D + d]));
      lessonsByDay.push(popcount(m));
    }
    return { lessons: lessonsByDay.reduce((a, b) => a + b, 0), gapsByDay, lessonsByDay };
  });
  const classes = Array.from({ length: c.nK }, (_, k) => {
    const gapsByDay = new Array<number>(c.D).fill(0);
    let lateStarts = 0;
    for (const x of c.classCells[k]) {
      for (let d = 0; d < c.D; d++) {
        const m = st.cMask[x * c.D + d];
        const u = c.cellUsable[x * c.D + d];
        gapsByDay[d] = Math.max(gapsByDay[d], gapsOf(m, u));
        if (m !== 0 && (m & -m) !== (u & -u)) lateStarts++;
      }
    }
    const profile = emptyProfile();
    analyseClass(st, k, profile);
    return { gapsByDay, lateStarts, profile };
  });
  return { hard: st.hard, soft: st.soft, figures: computeFigures(st), violations, teachers, classes, loadProblems };
}
