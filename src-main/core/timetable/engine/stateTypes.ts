import type { Compiled } from './compile';

// The state's shape apart from the code that moves it, so the cost terms (terms.ts, classTerm.ts)
// and the state (state.ts) read one another's types without importing one another.

/**
 * Incremental evaluation state. Occupancy is kept per teacher/cell/room as per-slot counts and
 * per-day bitmasks; every cost "term" (one per teacher, cell, room, class, unit, block and
 * cross-unit rule) caches its hard count and soft penalty. A move marks the terms it touches and
 * only those are recomputed, so a delta costs O(lessons of the touched entities).
 */
export interface State {
  c: Compiled;
  start: Int32Array;
  room: Int32Array;
  tCnt: Uint8Array;
  cCnt: Uint8Array;
  rCnt: Uint8Array;
  tMask: Uint32Array;
  cMask: Uint32Array;
  rMask: Uint32Array;
  tClash: Int32Array;
  cClash: Int32Array;
  rClash: Int32Array;
  roomOcc: Int32Array;
  /** Repair: preferred start per unit (-1 = none); leaving it costs weights.change. */
  anchor: Int32Array | null;
  /** Solver mode picks rooms itself; evaluation mode keeps the rooms it is given. */
  autoRooms: boolean;
  termHard: Int32Array;
  termSoft: Float64Array;
  hard: number;
  soft: number;
  /**
   * Breakout (feasibility phase): a weight per term for its hard violations, raised while the
   * search is stuck on them; null = every weight 1. `whard` = Σ weight × hard, kept incrementally.
   */
  termWeight: Float64Array | null;
  whard: number;
  off: { T: number; C: number; R: number; K: number; U: number; B: number; M: number; SS: number; N: number };
  stamp: Int32Array;
  stampId: number;
  // Typed arrays with counts, not JS arrays emptied by `length = 0`: V8 frees an emptied array's
  // backing store, so every move reallocated them (≈ 2.5 KB of garbage per search iteration).
  touched: Int32Array;
  nTouched: number;
  savedHard: Int32Array;
  savedSoft: Float64Array;
  /** Undo journal: triples (kind 0 = start / 1 = room, unit, old value); nJournal entries used. */
  journal: Int32Array;
  nJournal: number;
  unroomed: number[];
  unroomedPos: Int32Array;
  /** Units starting at each slot (for Kempe chains). */
  atSlot: number[][];
  /** stampId of the move that last freed a room at each slot (unroomed units retry only then). */
  freedAt: Int32Array;
  freedAny: number;
  atPos: Int32Array;
}

/** Receives every violation with its kind and the entity it belongs to (full evaluation only). */
export type Recorder = (kind: ViolationKind, amount: number, hard: boolean, term: number) => void;

export type ViolationKind =
  | 'teacherClash'
  | 'studentClash'
  | 'roomClash'
  | 'teacherUnavailable'
  | 'studentUnavailable'
  | 'roomUnavailable'
  | 'unplaced'
  | 'notAllowedTime'
  | 'lock'
  | 'roomMissing'
  | 'roomNotAllowed'
  | 'roomCapacity'
  | 'parallelBroken'
  | 'maxPerDay'
  | 'minPerDay'
  | 'maxDays'
  | 'minDays'
  | 'maxGapsPerDay'
  | 'maxGapsPerWeek'
  | 'maxContinuous'
  | 'lateStart'
  | 'endsDay'
  | 'tagMaxPerDay'
  | 'minDaysBetween'
  | 'sameStart'
  | 'preferredTime'
  | 'teacherGaps'
  | 'teacherUndesired'
  | 'roomPreference'
  | 'changed'
  | 'sanpin';
