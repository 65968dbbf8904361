import { clearWeights, hardCost, raiseViolatedWeights } from './breakout';
import { bestRelocate, BIG_CLASS, buildMoves, kempe, relocate, swap, type Moves } from './neighbourhood';
import { sanpinSwap } from './sanpinMoves';
import { lnsStep } from './lns';
import { transferStep } from './dayTransfer';
import type { Rng } from './rng';
import { undoMove, type State } from './state';

export interface SearchControl {
  hardWeight: number;
  maxIterations: number;
  /** Iterations per annealing cycle; each cycle cools from t0 to tEnd, then reheats. */
  cycle: number;
  shouldStop: () => boolean;
  feasibilitySoft?: number;
  temperatureFactor?: number;
  /** Stop once valid and the best has not improved for this many iterations. */
  stallIterations?: number;
  onIteration?: (iteration: number, st: State, best: { hard: number; soft: number }) => void;
  /** Called whenever the best solution improves. */
  onBest?: (iteration: number, hard: number, soft: number) => void;
  /**
   * Escape for the feasibility phase when it stalls: large-neighbourhood steps over the students
   * of a violation and two of their days (lns.ts). Default off: with the breakout weights on it
   * measured no better at equal iterations and costs 15–60 % more time per iteration.
   */
  lns?: boolean;
  /** Escape: breakout weights — violations the search keeps returning to weigh more (default on). */
  breakout?: boolean;
  /** Escape: exact repack of a day with a clash when stalled (dayRepack.ts). */
  repack?: boolean;
}

export interface SearchResult {
  iterations: number;
  bestHard: number;
  bestSoft: number;
  bestStart: Int32Array;
  bestRoom: Int32Array;
}

let seen = new Int32Array(0);
let seenId = 0;

/** Blocks that take part in a hard violation; refreshed periodically, used to focus moves. */
function conflictBlocks(st: State, mv: Moves, out: number[]): void {
  const c = st.c;
  const o = st.off;
  if (seen.length < c.nB) seen = new Int32Array(c.nB);
  const mark = ++seenId;
  out.length = 0;
  const addUnit = (u: number): void => {
    const b = c.unitBlock[u];
    if (seen[b] !== mark && c.blockDomain[b].length > 1) {
      seen[b] = mark;
      out.push(b);
    }
  };
  for (let term = 0; term < o.N; term++) {
    if (st.termHard[term] === 0) continue;
    if (term < o.C) {
      const us = mv.teacherUnits[term];
      for (let i = 0; i < us.length; i++) addUnit(us[i]);
    } else if (term < o.R) {
      const x = term - o.C;
      const k = c.cellClass[x];
      // A class's lessons interlock; a year of many whole classes only through the cell's own.
      const us = c.classCells[k].length > BIG_CLASS ? mv.cellUnits[x] : c.classUnits[k];
      for (let i = 0; i < us.length; i++) addUnit(us[i]);
    } else if (term < o.K) {
      const r = term - o.R;
      for (let u = 0; u < c.nU; u++) if (st.room[u] === r || c.unitRooms[u].includes(r)) addUnit(u);
    } else if (term < o.U) {
      continue;
    } else if (term < o.B) addUnit(term - o.U);
    else if (term < o.M) for (const u of c.blockUnits[term - o.B]) addUnit(u);
    else if (term < o.SS) for (const u of c.minDays[term - o.M].units) addUnit(u);
    else for (const u of c.sameStart[term - o.SS].units) addUnit(u);
  }
  // Unroomed units compete for rooms: also move the units holding their candidate rooms.
  for (const u of st.unroomed) {
    addUnit(u);
    const s = st.start[u];
    for (const r of c.unitRooms[u]) {
      const v = st.roomOcc[r * c.S + s];
      if (v >= 0) addUnit(v);
    }
  }
}

function temperatureScale(st: State, rng: Rng, hardWeight: number, movable: Int32Array): number {
  // Mean uphill soft delta of random relocations, measured and undone.
  let sum = 0;
  let n = 0;
  for (let i = 0; i < 300 && movable.length; i++) {
    const before = st.hard * hardWeight + st.soft;
    const b = movable[rng.int(movable.length)];
    if (!relocate(st, rng, b)) continue;
    const d = st.hard * hardWeight + st.soft - before;
    undoMove(st);
    if (d > 0 && d < hardWeight) {
      sum += d;
      n++;
    }
  }
  return n ? sum / n : 10;
}

/**
 * Simulated annealing over relocation, swap and Kempe-chain moves with cyclic reheating, on
 * cost = hard × hardWeight + soft. Conflict-directed: while hard violations remain, half of the
 * moves start from a block involved in one.
 */
export function anneal(st: State, rng: Rng, ctl: SearchControl): SearchResult {
  const c = st.c;
  const bestStart = st.start.slice();
  const bestRoom = st.room.slice();
  let bestHard = st.hard;
  let bestSoft = st.soft;
  if (ctl.maxIterations <= 0) return { iterations: 0, bestHard, bestSoft, bestStart, bestRoom };
  const mv = buildMoves(c);
  if (!mv.movable.length) return { iterations: 0, bestHard, bestSoft, bestStart, bestRoom };
  // Phase 1 (feasibility): soft figures only break ties, temperature in units of one violation.
  // Phase 2 (quality): hard violations cost hardWeight, temperature from the soft landscape.
  let feasibility = st.hard > 0;
  let hw = feasibility ? 1 : ctl.hardWeight;
  const fsw = ctl.feasibilitySoft ?? FEASIBILITY_SOFT;
  const tf = ctl.temperatureFactor ?? 1;
  let sw = feasibility ? fsw : 1;
  let t0 = feasibility ? 0.2 * tf : 0;
  let tEnd = feasibility ? 0.03 * tf : 0;
  const calibrate = (): void => {
    const scale = temperatureScale(st, rng, ctl.hardWeight, mv.movable) * tf;
    t0 = scale * 0.6;
    tEnd = Math.max(0.05, scale * 0.01);
  };
  if (!feasibility) calibrate();
  const conflicts: number[] = [];
  let maxDur = 1;
  for (let u = 0; u < c.nU; u++) maxDur = Math.max(maxDur, c.unitDur[u]);
  let cur = hardCost(st) * hw + st.soft * sw;
  let iter = 0;
  let sinceBest = 0;
  /** Snapshots the state if it beats the best (fewer violations, or as many and less soft). */
  const keepIfBest = (): boolean => {
    if (!(st.hard < bestHard || (st.hard === bestHard && st.soft < bestSoft - 1e-9))) return false;
    bestHard = st.hard;
    bestSoft = st.soft;
    bestStart.set(st.start);
    bestRoom.set(st.room);
    sinceBest = 0;
    ctl.onBest?.(iter, bestHard, bestSoft);
    return true;
  };
  const useLns = ctl.lns ?? false;
  const useBreakout = ctl.breakout ?? true;
  const useRepack = ctl.repack ?? false;
  let cycleStart = 0;
  let cycleT0 = t0;
  const cycle = feasibility ? Math.max(5_000, ctl.cycle / 4) : ctl.cycle;
  let cycleLen = cycle;
  while (iter < ctl.maxIterations) {
    if ((iter & 127) === 0) {
      if (ctl.shouldStop()) break;
      if (ctl.stallIterations !== undefined && bestHard === 0 && sinceBest > ctl.stallIterations) break;
      // The violations move as the search repairs them: a stale focus list kept the last few
      // violations of the generated schools alive for thousands of iterations (first valid
      // timetables clustered just after each refresh at 4 096), so it is refreshed every 128
      // iterations while few violations are left (cheap then), every 512 otherwise.
      if ((iter & (st.hard <= 30 ? 127 : 511)) === 0) {
        if (st.hard > 0) conflictBlocks(st, mv, conflicts);
        else conflicts.length = 0;
      }
      if ((iter & 4095) === 0) ctl.onIteration?.(iter, st, { hard: bestHard, soft: bestSoft });
    }
    iter++;
    if (feasibility && st.hard === 0) {
      feasibility = false;
      hw = ctl.hardWeight;
      sw = 1;
      calibrate();
      // Start the quality phase cool so the fresh feasible timetable is not thrown away.
      cycleT0 = t0 * 0.3;
      cycleStart = iter;
      cycleLen = ctl.cycle;
      clearWeights(st);
      cur = st.hard * hw + st.soft * sw;
      conflicts.length = 0;
    }
    if (feasibility && useBreakout && sinceBest > BREAKOUT_AFTER && iter % BREAKOUT_EVERY === 0) {
      raiseViolatedWeights(st, 1);
      cur = hardCost(st) * hw + st.soft * sw;
    }
    if (feasibility && useLns && sinceBest > LNS_AFTER && iter % LNS_EVERY === 0) {
      lnsStep(st, mv, rng, { hardWeight: hw, softWeight: sw, nodeLimit: LNS_NODES, acceptEqual: true });
      cur = hardCost(st) * hw + st.soft * sw;
      keepIfBest();
      if (st.hard > 0) conflictBlocks(st, mv, conflicts);
      continue;
    }
    if (feasibility && useRepack && sinceBest > REPACK_AFTER && iter % REPACK_EVERY === 0) {
      transferStep(st, rng, { hardWeight: hw, softWeight: sw, nodeLimit: REPACK_NODES, maxSolutions: REPACK_SOLUTIONS, tries: REPACK_TRIES });
      cur = hardCost(st) * hw + st.soft * sw;
      keepIfBest();
      if (st.hard > 0) conflictBlocks(st, mv, conflicts);
      continue;
    }
    const pos = (iter - cycleStart) / cycleLen;
    if (pos >= 1) {
      cycleStart = iter;
      if (feasibility && ctl.feasibilitySoft === undefined) {
        // Alternate between soft-guided and pure-feasibility cycles: soft guidance helps the
        // Russian instances, pure feasibility the tightly packed FET files.
        sw = sw === fsw ? FEASIBILITY_SOFT_LOW : fsw;
        t0 = (sw === fsw ? 0.2 : 0.5) * tf;
        cur = hardCost(st) * hw + st.soft * sw;
      }
      // Reheat less when the search keeps finding improvements, more when it is stuck.
      cycleT0 = sinceBest > cycleLen ? t0 : t0 * 0.5;
    }
    const temp = cycleT0 * Math.pow(tEnd / cycleT0, Math.min(1, pos));
    const b =
      conflicts.length && rng.next() < (feasibility ? 0.7 : 0.5)
        ? conflicts[rng.int(conflicts.length)]
        : mv.movable[rng.int(mv.movable.length)];
    const r = rng.next();
    let moved: boolean;
    if (!feasibility && mv.profiled.length && r < SANPIN_SWAP) moved = sanpinSwap(st, mv, rng, mv.profiled[rng.int(mv.profiled.length)]);
    else if (feasibility && r < 0.05) moved = bestRelocate(st, b, hw, sw, rng);
    else if (r < 0.3) moved = relocate(st, rng, b);
    else if (r < 0.65) moved = swap(st, mv, rng, b, r < 0.55);
    else moved = kempe(st, mv, rng, b, maxDur);
    if (!moved) continue;
    const next = hardCost(st) * hw + st.soft * sw;
    const delta = next - cur;
    if (delta <= 0 || rng.next() < Math.exp(-delta / temp)) {
      cur = next;
      if (!keepIfBest()) sinceBest++;
    } else {
      undoMove(st);
      sinceBest++;
    }
  }
  return { iterations: iter, bestHard, bestSoft, bestStart, bestRoom };
}

const FEASIBILITY_SOFT = 0.01;
/** Feasibility phase: breakout weights rise by 1 every BREAKOUT_EVERY iterations once stalled this long. */
const BREAKOUT_AFTER = 5_000;
const BREAKOUT_EVERY = 2_000;
/** Feasibility phase: LNS steps start after this many iterations without a better best, one every LNS_EVERY. */
const LNS_AFTER = 20_000;
const LNS_EVERY = 500;
const LNS_NODES = 300;
/** Feasibility phase: a day repack once stalled this long, one every REPACK_EVERY iterations. */
const REPACK_AFTER = 5_000;
const REPACK_EVERY = 20_000;
const REPACK_NODES = 2_000;
const REPACK_SOLUTIONS = 30;
const REPACK_TRIES = 3;
/** Share of quality-phase moves that are SanPiN swaps (when some class has a difficulty profile). */
const SANPIN_SWAP = 0.1;
const FEASIBILITY_SOFT_LOW = 1e-4;
