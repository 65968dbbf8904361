import type { Compiled } from './compile';
import { loadTimetable, stateToTimetable } from './evaluator';
import type { Timetable } from './model';
import { beginMove, createState, finishMove, setBlockStart, setRoom, setStart, undoMove } from './state';
import type { State } from './stateTypes';

/**
 * The fewest-changes repair (issue 16, «Исправить»): an iterative-deepening search over moves of
 * the lessons that take part in a hard violation — first every single move, then every pair, then
 * triples… — so the first answer found moves as few other lessons as the budget can prove. The
 * simulated-annealing repair moves lessons to win soft figures and wanders; a завуч expects the one
 * or two moves a person would make. Deterministic: the budget is a count of probed moves, never the
 * clock, so a busy machine gives the same answer.
 */

export interface MinimalRepairOptions {
  /** Most blocks moved (the depth of the search). */
  maxDepth?: number;
  /** Children tried per level, the most promising first (fewest hard violations left). */
  branch?: number;
  /** Probed moves over the whole search; past it the search gives up. */
  maxProbes?: number;
  /** Called every 10 000 probes (the job worker's cancel check may throw from it). */
  tick?: (probes: number) => void;
}

export interface MinimalRepairResult {
  timetable: Timetable;
  hard: number;
  /** Blocks moved (a block = a lesson with its parallel groups). */
  moved: number;
  probes: number;
}

/**
 * Clears every hard violation of `tt` by moving the fewest blocks it can find; blocks holding a
 * locked unit (the hand-moved lesson is locked by the caller) never move. Null when no combination
 * within the depth and budget clears them all.
 */
export function minimalRepair(c: Compiled, tt: Timetable, opts: MinimalRepairOptions = {}): MinimalRepairResult | null {
  const maxDepth = opts.maxDepth ?? 5;
  const branch = opts.branch ?? 8;
  const maxProbes = opts.maxProbes ?? 300_000;
  const st = createState(c, false);
  loadTimetable(st, tt);
  if (st.hard === 0) return { timetable: tt, hard: 0, moved: 0, probes: 0 };
  // Moved blocks pick free rooms themselves (a person moving a lesson takes a free room too).
  st.autoRooms = true;
  const index = entityUnits(c);
  const fixed = new Uint8Array(c.nB);
  for (let u = 0; u < c.nU; u++) if (c.unitLock[u] >= 0) fixed[c.unitBlock[u]] = 1;
  const onPath = new Uint8Array(c.nB);
  let probes = 0;

  // The hand-moved lesson's parallel groups go with it (a drag moves the whole block).
  for (let u = 0; u < c.nU; u++) {
    const s = c.unitLock[u];
    if (s < 0 || st.start[u] !== s) continue;
    const partners = c.blockUnits[c.unitBlock[u]];
    if (Array.from(partners).every((v) => st.start[v] === s || c.unitLock[v] >= 0)) continue;
    beginMove(st);
    for (const v of partners) if (c.unitLock[v] < 0) setStart(st, v, s);
    finishMove(st);
  }
  if (st.hard === 0) return { timetable: stateToTimetable(st), hard: 0, moved: 0, probes: 0 };

  /** A step: blocks to starts, one move or a swap with what stands at the target. */
  type Step = { h: number; soft: number; blocks: number[]; starts: number[] };
  const tryStep = (blocks: number[], starts: number[]): Step => {
    beginMove(st);
    for (let i = 0; i < blocks.length; i++) setBlockStart(st, blocks[i], starts[i]);
    finishMove(st);
    const step = { h: st.hard, soft: st.soft, blocks, starts };
    undoMove(st);
    return step;
  };
  let path = 0;

  const dfs = (depth: number): boolean => {
    const cands = conflictBlocks(st, index, fixed, onPath);
    const scored: Step[] = [];
    for (const b of cands) {
      const cur = st.start[c.blockUnits[b][0]];
      for (const s of c.blockDomain[b]) {
        if (s === cur) continue;
        if (++probes > maxProbes) return false;
        if (probes % 10_000 === 0) opts.tick?.(probes);
        const one = tryStep([b], [s]);
        if (one.h === 0 || depth > 1) scored.push(one);
        // A swap with the lesson(s) of the same classes standing there costs two moves.
        if (depth < 2) continue;
        const other = swapPartners(st, b, s, fixed, onPath);
        if (!other) continue;
        ++probes;
        const two = tryStep([b, ...other], [s, ...other.map(() => cur)]);
        if (two.h === 0 || depth > other.length + 1) scored.push(two);
      }
    }
    scored.sort((x, y) => x.h - y.h || x.blocks.length - y.blocks.length || x.soft - y.soft || x.blocks[0] - y.blocks[0] || x.starts[0] - y.starts[0]);
    let tried = 0;
    for (const m of scored) {
      if (tried >= (depth > 1 ? branch : 1)) break;
      if (m.blocks.length > depth || (m.blocks.length === depth && m.h > 0)) continue;
      tried++;
      const undo = commit(st, m.blocks, m.starts);
      for (const b of m.blocks) onPath[b] = 1;
      path += m.blocks.length;
      if (st.hard === 0 || (depth > m.blocks.length && dfs(depth - m.blocks.length))) return true;
      path -= m.blocks.length;
      for (const b of m.blocks) onPath[b] = 0;
      revert(st, undo);
    }
    return false;
  };

  for (let depth = 1; depth <= maxDepth && probes <= maxProbes; depth++) {
    if (dfs(depth)) return { timetable: stateToTimetable(st), hard: 0, moved: path, probes };
  }
  return null;
}

/**
 * The blocks that stand at `s` in the classes of block `b` — what a person swaps a dragged lesson
 * with. Null when a swap does not fit: nothing there, a different length, a fixed block, or `b`'s
 * start is not allowed for them.
 */
function swapPartners(st: State, b: number, s: number, fixed: Uint8Array, onPath: Uint8Array): number[] | null {
  const c = st.c;
  const units = c.blockUnits[b];
  const cur = st.start[units[0]];
  const cells = new Set<number>();
  for (const u of units) for (const x of c.unitCells[u]) cells.add(x);
  const out = new Set<number>();
  for (let q = 0; q < c.maxDur && s - q >= 0; q++) {
    for (const v of st.atSlot[s - q]) {
      if (c.unitBlock[v] === b || s - q + c.unitDur[v] <= s) continue;
      if (!Array.from(c.unitCells[v]).some((x) => cells.has(x))) continue;
      const vb = c.unitBlock[v];
      if (fixed[vb] || onPath[vb] || s - q !== s || c.unitDur[v] !== c.unitDur[units[0]]) return null;
      out.add(vb);
    }
  }
  if (!out.size) return null;
  for (const vb of out) if (!c.blockDomain[vb].includes(cur)) return null;
  return [...out];
}

/** Applies block moves for good and returns its journal, so it can be taken back later. */
function commit(st: State, blocks: number[], starts: number[]): Int32Array {
  beginMove(st);
  for (let i = 0; i < blocks.length; i++) setBlockStart(st, blocks[i], starts[i]);
  finishMove(st);
  return st.journal.slice(0, st.nJournal);
}

/** Takes back a committed move: starts and rooms exactly as they were (rooms not re-picked). */
function revert(st: State, undo: Int32Array): void {
  const auto = st.autoRooms;
  st.autoRooms = false;
  beginMove(st);
  for (let i = undo.length - 3; i >= 0; i -= 3) {
    if (undo[i] === 0) setStart(st, undo[i + 1], undo[i + 2]);
    else setRoom(st, undo[i + 1], undo[i + 2]);
  }
  finishMove(st);
  st.autoRooms = auto;
}

interface EntityUnits {
  teacher: number[][];
  cell: number[][];
}

function entityUnits(c: Compiled): EntityUnits {
  const teacher: number[][] = Array.from({ length: c.nT }, () => []);
  const cell: number[][] = Array.from({ length: c.nC }, () => []);
  for (let u = 0; u < c.nU; u++) {
    for (const t of c.unitTeachers[u]) teacher[t].push(u);
    for (const x of c.unitCells[u]) cell[x].push(u);
  }
  return { teacher, cell };
}

/**
 * Blocks that take part in a hard violation: for a clash, the lessons standing in the clashing
 * periods; for a day or week limit (gaps, daily maximum…), every lesson of that teacher or class.
 */
function conflictBlocks(st: State, idx: EntityUnits, fixed: Uint8Array, onPath: Uint8Array): number[] {
  const c = st.c;
  const o = st.off;
  const out = new Set<number>();
  const add = (u: number): void => {
    const b = c.unitBlock[u];
    if (!fixed[b] && !onPath[b] && st.start[u] >= 0) out.add(b);
  };
  const clashing = (units: number[], count: Uint8Array, e: number): void => {
    for (const u of units) {
      const s = st.start[u];
      for (let q = 0; q < c.unitDur[u] && s >= 0; q++) if (count[e * c.S + s + q] > 1) add(u);
    }
  };
  for (let term = 0; term < o.N; term++) {
    const h = st.termHard[term];
    if (h === 0) continue;
    if (term < o.C) {
      const units = idx.teacher[term];
      if (st.tClash[term] === h) clashing(units, st.tCnt, term);
      else for (const u of units) add(u);
    } else if (term < o.R) {
      const x = term - o.C;
      const units = idx.cell[x];
      if (st.cClash[x] === h) clashing(units, st.cCnt, x);
      else for (const u of units) add(u);
    } else if (term < o.K) {
      const r = term - o.R;
      for (let u = 0; u < c.nU; u++) {
        const s = st.start[u];
        if (st.room[u] !== r || s < 0) continue;
        let bad = st.rClash[r] !== h;
        for (let q = 0; q < c.unitDur[u] && !bad; q++) bad = st.rCnt[r * c.S + s + q] > 1;
        if (bad) add(u);
      }
    } else if (term < o.U) for (const u of c.classUnits[term - o.K]) add(u);
    else if (term < o.B) add(term - o.U);
    else if (term < o.M) for (const u of c.blockUnits[term - o.B]) add(u);
    else if (term < o.SS) for (const u of c.minDays[term - o.M].units) add(u);
    else for (const u of c.sameStart[term - o.SS].units) add(u);
  }
  return [...out].sort((a, b) => a - b);
}
