import { compile, type Compiled } from './compile';
import { computeFigures, type Figures } from './figures';
import type { Placement, Timetable, TimetableInstance } from './model';
import { beginMove, clearJournal, createState, finishMove, recomputeAll, setRoom, setStart, type State } from './state';
import type { ViolationKind } from './terms';

/**
 * The one evaluator: the solver drives the incremental State directly; everything else (UI,
 * benchmark, FET results) calls evaluate(), which loads a timetable into a State in evaluation
 * mode (rooms as given) and reads the same terms with a recorder attached.
 */
export interface Violation {
  kind: ViolationKind;
  amount: number;
  /** Teacher, class/subgroup, room or lesson the violation belongs to (display name). */
  entity: string;
}

export interface Evaluation {
  valid: boolean;
  hard: number;
  soft: number;
  hardByKind: Partial<Record<ViolationKind, number>>;
  softByKind: Partial<Record<ViolationKind, number>>;
  violations: Violation[];
  figures: Figures;
}

export function termName(st: State, term: number): string {
  const c = st.c;
  const o = st.off;
  const inst = c.inst;
  if (term < o.C) return inst.teachers[term].name;
  if (term < o.R) return c.cellName[term - o.C];
  if (term < o.K) return inst.rooms[term - o.R].name;
  if (term < o.U) return inst.classes[term - o.K].name;
  if (term < o.B) return unitName(c, term - o.U);
  if (term < o.M) return `параллельные уроки: ${Array.from(c.blockUnits[term - o.B], (u) => unitName(c, u)).join(', ')}`;
  if (term < o.SS) return `разнесение по дням: ${Array.from(c.minDays[term - o.M].units, (u) => unitName(c, u)).join(', ')}`;
  return `одновременные уроки: ${Array.from(c.sameStart[term - o.SS].units, (u) => unitName(c, u)).join(', ')}`;
}

export function unitName(c: Compiled, u: number): string {
  const inst = c.inst;
  const l = inst.lessons[c.unitLesson[u]];
  const subj = inst.subjects[c.unitSubject[u]].name;
  const who = Array.from(c.unitCells[u].length ? c.unitClasses[u] : [], (k) => inst.classes[k].name).join(', ');
  const teachers = Array.from(c.unitTeachers[u], (t) => inst.teachers[t].name).join(', ');
  return `${subj} (${who}${teachers ? `, ${teachers}` : ''}) №${c.unitIndex[u] + 1} [${l.id}]`;
}

/** Loads placements into a state; unknown lessons/rooms are ignored and reported by the caller. */
export function loadTimetable(st: State, tt: Timetable): string[] {
  const c = st.c;
  const problems: string[] = [];
  beginMove(st);
  for (const p of tt.placements) {
    const li = c.lessonIdx.get(p.lessonId);
    if (li === undefined || p.index >= c.inst.lessons[li].count) {
      problems.push(`Неизвестный урок «${p.lessonId}» №${p.index + 1}`);
      continue;
    }
    if (p.day >= c.D || p.period >= c.P) {
      problems.push(`Урок «${p.lessonId}» №${p.index + 1}: нет дня ${p.day + 1} или урока ${p.period + 1}`);
      continue;
    }
    const u = c.lessonFirstUnit[li] + p.index;
    let r = -1;
    if (p.roomId) {
      r = c.roomIdx.get(p.roomId) ?? -1;
      if (r < 0) problems.push(`Урок «${p.lessonId}»: неизвестный кабинет «${p.roomId}»`);
    }
    if (!st.autoRooms) st.room[u] = -1;
    setStart(st, u, p.day * c.P + p.period);
    // Evaluation mode keeps whatever room the source says, clashes included; setRoom touches the
    // room's term, so finishMove counts a room clash already in the timetable (every caller — the
    // live drag check, the repair, the report — starts from the true figure without a recount).
    if (!st.autoRooms && r >= 0) {
      clearJournal(st);
      setRoom(st, u, r);
    }
  }
  finishMove(st);
  return problems;
}

export function stateToTimetable(st: State): Timetable {
  const c = st.c;
  const placements: Placement[] = [];
  for (let u = 0; u < c.nU; u++) {
    const s = st.start[u];
    if (s < 0) continue;
    const r = st.room[u];
    placements.push({
      lessonId: c.inst.lessons[c.unitLesson[u]].id,
      index: c.unitIndex[u],
      day: (s / c.P) | 0,
      period: s % c.P,
      roomId: r >= 0 ? c.inst.rooms[r].id : null,
    });
  }
  return { placements };
}

export function evaluateState(st: State): Evaluation {
  const hardByKind: Partial<Record<ViolationKind, number>> = {};
  const softByKind: Partial<Record<ViolationKind, number>> = {};
  const violations: Violation[] = [];
  recomputeAll(st, (kind, amount, hard, term) => {
    const bucket = hard ? hardByKind : softByKind;
    bucket[kind] = (bucket[kind] ?? 0) + amount;
    if (hard) violations.push({ kind, amount, entity: termName(st, term) });
  });
  return {
    valid: st.hard === 0,
    hard: st.hard,
    soft: st.soft,
    hardByKind,
    softByKind,
    violations,
    figures: computeFigures(st),
  };
}

/** Full evaluation of a timetable given from outside (UI, FET result, fixtures). */
export function evaluate(inst: TimetableInstance | Compiled, tt: Timetable): Evaluation & { loadProblems: string[] } {
  const c = 'inst' in inst && 'nU' in inst ? inst : compile(inst);
  const st = createState(c, false);
  const loadProblems = loadTimetable(st, tt);
  return { ...evaluateState(st), loadProblems };
}
