import { analyseClass, type ClassProfile } from './classTerm';
import type { Compiled } from './compile';
import { loadTimetable, stateToTimetable } from './evaluator';
import { computeFigures, emptyProfile, type Figures } from './figures';
import type { Timetable } from './model';
import { entityOf, type ReportEntity } from './report';
import { beginMove, createState, finishMove, setRoom, setStart, undoMove } from './state';
import type { State } from './stateTypes';
import { gapsOf, popcount, termCost, type ViolationKind } from './terms';

/**
 * The evaluator behind hand editing: one timetable loaded into the incremental State (evaluation
 * mode: rooms as given) that answers «what if these lessons stood there?» for many targets in a
 * row — each probe is a journaled move, the touched terms recomputed, the answer read, the move
 * undone — and takes the moves the user saves. A probe names what got worse: every hard kind that
 * grew, with its entity, the days it grew on and the other lessons it clashes with, the teachers'
 * gaps and the classes' SanPiN profiles before and after.
 */

/** One unit to a start (−1 = off the grid) in a room (−1 = none). */
export interface UnitMove {
  unit: number;
  start: number;
  room: number;
}

export interface KindChange {
  kind: ViolationKind;
  entity: ReportEntity;
  before: number;
  after: number;
  /** Days on which the entity's figure for this kind got worse (per-day kinds). */
  days: number[];
  /** Units outside the move the moved ones clash with (clash kinds). */
  others: number[];
}

export interface MoveDelta {
  hard: number;
  soft: number;
  /** Hard kinds that grew / shrank, per term. */
  worse: KindChange[];
  better: KindChange[];
  teachers: { index: number; gapsBefore: number; gapsAfter: number }[];
  classes: { index: number; before: ClassProfile; after: ClassProfile }[];
}

export interface Probe {
  readonly c: Compiled;
  hard(): number;
  soft(): number;
  start(unit: number): number;
  room(unit: number): number;
  /** Units standing in a slot (a double lesson stands in two). */
  unitsAt(slot: number): number[];
  /** Evaluates the moves and undoes them; `inside` runs while they stand (e.g. figures after). */
  tryMoves<T = undefined>(moves: readonly UnitMove[], inside?: () => T): MoveDelta & { inside: T | undefined };
  /** Keeps the moves (a saved change). */
  applyMoves(moves: readonly UnitMove[]): void;
  figures(): Figures;
  timetable(): Timetable;
}

type KindMap = Map<string, number>;

const CLASH: ReadonlySet<string> = new Set(['teacherClash', 'studentClash', 'roomClash']);

function kindsOf(st: State, term: number): KindMap {
  const out: KindMap = new Map();
  termCost(st, term, (kind, amount, hard) => {
    if (hard) out.set(kind, (out.get(kind) ?? 0) + amount);
  });
  return out;
}

/** Per-day figures of a teacher or cell: lessons, gaps, a late start. */
function dayFigures(st: State, term: number): { count: number; gaps: number; late: boolean }[] | null {
  const c = st.c;
  const o = st.off;
  const isTeacher = term < o.C;
  if (!isTeacher && (term < o.C || term >= o.R)) return null;
  const e = isTeacher ? term : term - o.C;
  const masks = isTeacher ? st.tMask : st.cMask;
  const usable = isTeacher ? c.teacherUsable : c.cellUsable;
  return Array.from({ length: c.D }, (_, d) => {
    const m = masks[e * c.D + d];
    const u = usable[e * c.D + d];
    return { count: popcount(m), gaps: gapsOf(m, u), late: m !== 0 && (m & -m) !== (u & -u) };
  });
}

function worseDays(kind: string, before: ReturnType<typeof dayFigures>, after: ReturnType<typeof dayFigures>): number[] {
  if (!before || !after) return [];
  const out: number[] = [];
  for (let d = 0; d < before.length; d++) {
    const b = before[d];
    const a = after[d];
    const worse =
      kind === 'maxPerDay' || kind === 'maxContinuous' ? a.count > b.count : kind === 'minPerDay' ? a.count < b.count : kind === 'lateStart' ? a.late && !b.late : kind === 'maxGapsPerDay' || kind === 'maxGapsPerWeek' ? a.gaps > b.gaps : a.count !== b.count;
    if (worse) out.push(d);
  }
  return out;
}

export function createProbe(c: Compiled, tt: Timetable): Probe {
  const st = createState(c, false);
  loadTimetable(st, tt);
  const o = st.off;

  const unitsAt = (slot: number): number[] => {
    const out: number[] = [];
    for (let q = 0; q < c.maxDur && slot - q >= 0; q++) {
      const list = st.atSlot[slot - q];
      for (let i = 0; i < list.length; i++) if (c.unitDur[list[i]] > q && ((slot - q) / c.P | 0) === ((slot / c.P) | 0)) out.push(list[i]);
    }
    return out;
  };

  /** The terms a set of moves touches, and the rooms, teachers and classes involved. */
  const termsOf = (moves: readonly UnitMove[]) => {
    const terms = new Set<number>();
    const teachers = new Set<number>();
    const classes = new Set<number>();
    for (const m of moves) {
      const u = m.unit;
      for (const t of c.unitTeachers[u]) {
        terms.add(o.T + t);
        teachers.add(t);
      }
      for (const x of c.unitCells[u]) terms.add(o.C + x);
      for (const k of c.unitClasses[u]) {
        terms.add(o.K + k);
        classes.add(k);
      }
      for (const r of [st.room[u], m.room]) if (r >= 0) terms.add(o.R + r);
      terms.add(o.U + u);
      terms.add(o.B + c.unitBlock[u]);
      for (const x of c.unitMinDays[u]) terms.add(o.M + x);
      for (const x of c.unitSameStart[u]) terms.add(o.SS + x);
    }
    return { terms: [...terms], teachers: [...teachers], classes: [...classes] };
  };

  const move = (moves: readonly UnitMove[]): void => {
    beginMove(st);
    // Off the old room first (a unit leaving the grid keeps no room), then to the new start and room.
    for (const m of moves) if (st.start[m.unit] >= 0 && st.room[m.unit] !== m.room) setRoom(st, m.unit, -1);
    for (const m of moves) setStart(st, m.unit, m.start);
    for (const m of moves) if (m.start >= 0 && m.room >= 0) setRoom(st, m.unit, m.room);
    finishMove(st);
  };

  const teacherGaps = (t: number): number => {
    let g = 0;
    for (let d = 0; d < c.D; d++) g += gapsOf(st.tMask[t * c.D + d], c.teacherUsable[t * c.D + d]);
    return g;
  };
  const profile = (k: number): ClassProfile => {
    const p = emptyProfile();
    analyseClass(st, k, p);
    return p;
  };

  /** Units (outside the move) that share a clash entity with a moved unit at its new slots. */
  const clashOthers = (term: number, moved: ReadonlySet<number>, moves: readonly UnitMove[]): number[] => {
    const out = new Set<number>();
    for (const m of moves) {
      if (m.start < 0) continue;
      for (let q = 0; q < c.unitDur[m.unit]; q++) {
        for (const v of unitsAt(m.start + q)) {
          if (moved.has(v)) continue;
          const shares =
            term < o.C ? c.unitTeachers[v].includes(term) && c.unitTeachers[m.unit].includes(term) : term < o.R ? c.unitCells[v].includes(term - o.C) && c.unitCells[m.unit].includes(term - o.C) : term < o.K ? st.room[v] === term - o.R && m.room === term - o.R : false;
          if (shares) out.add(v);
        }
      }
    }
    return [...out];
  };

  return {
    c,
    hard: () => st.hard,
    soft: () => st.soft,
    start: (u) => st.start[u],
    room: (u) => st.room[u],
    unitsAt,
    figures: () => computeFigures(st),
    timetable: () => stateToTimetable(st),
    applyMoves(moves) {
      move(moves);
    },
    tryMoves<T>(moves: readonly UnitMove[], inside?: () => T) {
      const { terms, teachers, classes } = termsOf(moves);
      const hard0 = st.hard;
      const soft0 = st.soft;
      const kinds0 = terms.map((t) => kindsOf(st, t));
      const days0 = terms.map((t) => dayFigures(st, t));
      const gaps0 = teachers.map(teacherGaps);
      const prof0 = classes.map(profile);
      move(moves);
      const moved = new Set(moves.map((m) => m.unit));
      const worse: KindChange[] = [];
      const better: KindChange[] = [];
      terms.forEach((term, i) => {
        const after = kindsOf(st, term);
        const dayAfter = dayFigures(st, term);
        for (const kind of new Set([...kinds0[i].keys(), ...after.keys()])) {
          const b = kinds0[i].get(kind) ?? 0;
          const a = after.get(kind) ?? 0;
          if (a === b) continue;
          const change: KindChange = {
            kind: kind as ViolationKind,
            entity: entityOf(st, term),
            before: b,
            after: a,
            days: a > b ? worseDays(kind, days0[i], dayAfter) : [],
            others: a > b && CLASH.has(kind) ? clashOthers(term, moved, moves) : [],
          };
          (a > b ? worse : better).push(change);
        }
      });
      const result = {
        hard: st.hard - hard0,
        soft: st.soft - soft0,
        worse,
        better,
        teachers: teachers.map((t, i) => ({ index: t, gapsBefore: gaps0[i], gapsAfter: teacherGaps(t) })),
        classes: classes.map((k, i) => ({ index: k, before: prof0[i], after: profile(k) })),
        inside: inside ? inside() : undefined,
      };
      undoMove(st);
      return result;
    },
  };
}
