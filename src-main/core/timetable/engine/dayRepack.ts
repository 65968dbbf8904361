import type { Compiled } from './compile';
import { hardCost } from './breakout';
import { beginMove, finishMove, setBlockStart, undoMove } from './state';
import type { Rng } from './rng';
import type { State } from './stateTypes';

/**
 * Exact day repack: an escape for tightly packed files whose last clashes the local search only
 * moves around (FET's difficult examples, issue 25).
 *
 * Every rule that counts lessons per day (daily maximum and minimum, min days between, tag
 * maximum per day, teacher working days) only sees which day a lesson is on, so a day's lessons
 * can be permuted over its periods without touching them. Given the day assignment the search
 * has reached, this re-solves ONE day exactly: each gap-free student cell keeps its number of
 * periods on that day as a fixed window (starting where its day starts now), and a depth-first
 * search fills the day period by period — at each period every cell whose window covers it takes
 * one of its remaining blocks, most constrained cell first — with no teacher, cell or room clash,
 * teachers and rooms only where available, allowed starts respected. A teacher whose remaining
 * lessons of the day no longer fit into their remaining free periods cuts the branch. Every
 * packing found is applied to the real state and scored by the one evaluator (teacher gaps,
 * continuous hours, ends-of-day … are checked there); the best one is kept if it costs no more
 * than the day as it was, else everything goes back exactly.
 *
 * Only days whose moved cells are all gap-free are repacked (every FET example the bench runs and
 * every Russian school); the rest returns false without touching the state.
 */
export interface RepackOptions {
  /** Cost of the search: hardCost × hardWeight + soft × softWeight. */
  hardWeight: number;
  softWeight: number;
  /** Search nodes (block placements) per call. */
  nodeLimit: number;
  /** Packings scored per call (each is applied and undone once). */
  maxSolutions: number;
}

export interface RepackResult {
  /** The state changed (a packing at least as cheap was kept). */
  changed: boolean;
  /** Packings found and scored. */
  solutions: number;
  nodes: number;
}

interface Day {
  d: number;
  /** Movable blocks on the day. */
  blocks: number[];
  /** Per cell (global index): window periods, -1 outside; 1 = still to fill at that period. */
  need: Uint8Array;
  /** Per cell: remaining movable block list (indices into blocks). */
  cellBlocks: Map<number, number[]>;
  cells: number[];
  /** Teacher busy masks for the day (bit p), rooms the same. */
  tBusy: Uint32Array;
  rBusy: Uint32Array;
  /** Remaining periods to teach per teacher on the day. */
  tLeft: Int32Array;
  placed: Int32Array;
  roomOf: Int32Array[];
}

const blockOf = (c: Compiled, b: number): { teachers: number[]; cells: number[]; dur: number } => {
  const teachers: number[] = [];
  const cells: number[] = [];
  let dur = 1;
  for (const u of c.blockUnits[b]) {
    dur = Math.max(dur, c.unitDur[u]);
    for (const t of c.unitTeachers[u]) if (!teachers.includes(t)) teachers.push(t);
    for (const x of c.unitCells[u]) if (!cells.includes(x)) cells.push(x);
  }
  return { teachers, cells, dur };
};

function gapFree(c: Compiled, x: number): boolean {
  for (const L of c.cellLimits[x]) {
    const g = L.maxGapsPerWeek ?? L.maxGapsPerDay;
    if (g && g.value === 0 && (g.weight ?? 100) >= 100) return true;
  }
  return false;
}

function mustStartFirst(c: Compiled, x: number): boolean {
  for (const L of c.cellLimits[x]) {
    const s = L.maxSecondPeriodStarts;
    if (s && s.value === 0 && (s.weight ?? 100) >= 100) return true;
  }
  return false;
}

/** The day's problem, or null when it cannot be repacked (a cell that may have gaps, a window that does not fit). */
function buildDay(st: State, d: number, info: ReturnType<typeof blockOf>[]): Day | null {
  const c = st.c;
  const P = c.P;
  const blocks: number[] = [];
  const cellBlocks = new Map<number, number[]>();
  const cellLen = new Map<number, number>();
  const cellFirst = new Map<number, number>();
  const tBusy = new Uint32Array(c.nT);
  const rBusy = new Uint32Array(c.nR);
  const tLeft = new Int32Array(c.nT);
  const fixedCell = new Map<number, number>();
  for (let b = 0; b < c.nB; b++) {
    const s = st.start[c.blockUnits[b][0]];
    if (s < 0 || ((s / P) | 0) !== d) continue;
    const p = s - d * P;
    const bi = info[b];
    let locked = false;
    for (const u of c.blockUnits[b]) if (c.unitLock[u] >= 0) locked = true;
    for (const x of bi.cells) {
      if (!gapFree(c, x)) return null;
      cellLen.set(x, (cellLen.get(x) ?? 0) + bi.dur);
      cellFirst.set(x, Math.min(cellFirst.get(x) ?? P, p));
    }
    if (locked) {
      // A locked block stays: it occupies its teachers, rooms and cells' periods.
      const bits = ((1 << bi.dur) - 1) << p;
      for (const t of bi.teachers) tBusy[t] |= bits;
      for (const u of c.blockUnits[b]) if (st.room[u] >= 0) rBusy[st.room[u]] |= bits;
      for (const x of bi.cells) fixedCell.set(x, (fixedCell.get(x) ?? 0) | bits);
      continue;
    }
    blocks.push(b);
    for (const t of bi.teachers) tLeft[t] += bi.dur;
    for (const x of bi.cells) {
      const l = cellBlocks.get(x) ?? [];
      l.push(blocks.length - 1);
      cellBlocks.set(x, l);
    }
  }
  if (!blocks.length) return null;
  // Windows: n usable periods in a row from where the cell's day starts now (or its first usable
  // period when its day must start there), moved earlier when they would run off the day.
  const need = new Uint8Array(c.nC * P);
  const cells = [...cellLen.keys()];
  for (const x of cells) {
    const usable = c.cellUsable[x * c.D + d];
    const periods: number[] = [];
    for (let p = 0; p < P; p++) if (usable & (1 << p)) periods.push(p);
    const n = cellLen.get(x) as number;
    if (n > periods.length) return null;
    let i = mustStartFirst(c, x) ? 0 : Math.max(0, periods.indexOf(cellFirst.get(x) as number));
    if (i + n > periods.length) i = periods.length - n;
    const fixed = fixedCell.get(x) ?? 0;
    for (let k = 0; k < n; k++) {
      const p = periods[i + k];
      if (!(fixed & (1 << p))) need[x * P + p] = 1;
    }
    // A locked lesson outside the window: the window is wrong for this day.
    for (let p = 0; p < P; p++) if (fixed & (1 << p) && !periods.slice(i, i + n).includes(p)) return null;
  }
  const roomOf = blocks.map((b) => new Int32Array(c.blockUnits[b].length).fill(-1));
  return { d, blocks, need, cellBlocks, cells, tBusy, rBusy, tLeft, placed: new Int32Array(blocks.length).fill(-1), roomOf };
}

/** Counters for tests and the benchmark notes (module-level: runs are single-threaded per worker). */
export const repackStats = { calls: 0, built: 0, changed: 0, better: 0, nodes: 0 };

let infoCache: { c: Compiled; info: ReturnType<typeof blockOf>[] } | null = null;
function blockInfo(c: Compiled): ReturnType<typeof blockOf>[] {
  if (infoCache?.c !== c) infoCache = { c, info: Array.from({ length: c.nB }, (_, b) => blockOf(c, b)) };
  return infoCache.info;
}

/** Repacks day d of the state exactly (see the file comment). */
export function repackDay(st: State, d: number, opts: RepackOptions): RepackResult {
  const c = st.c;
  const P = c.P;
  const S = c.S;
  const info = blockInfo(c);
  const day = buildDay(st, d, info);
  repackStats.calls++;
  if (!day) return { changed: false, solutions: 0, nodes: 0 };
  repackStats.built++;
  const { blocks, need, cellBlocks, cells, tBusy, rBusy, tLeft, placed, roomOf } = day;
  const base = d * P;
  const cost = (): number => hardCost(st) * opts.hardWeight + st.soft * opts.softWeight;
  const before = cost();
  const hardBefore = st.hard;
  const current = blocks.map((b) => st.start[c.blockUnits[b][0]] - base);
  let best = before;
  let bestPlan: Int32Array | null = null;
  let solutions = 0;
  let nodes = 0;
  const tAvail = (t: number, p: number, dur: number): boolean => {
    for (let q = 0; q < dur; q++) if (p + q >= P || c.teacherUnavail[t * S + base + p + q] || tBusy[t] & (1 << (p + q))) return false;
    return true;
  };
  /** Teacher t still fits its remaining periods into the free ones from period `from` on. */
  const tFits = (t: number, from: number): boolean => {
    let free = 0;
    for (let p = from; p < P; p++) if (!(tBusy[t] & (1 << p)) && !c.teacherUnavail[t * S + base + p]) free++;
    return free >= tLeft[t];
  };
  const roomsFor = (i: number, p: number, dur: number): boolean => {
    const us = c.blockUnits[blocks[i]];
    const bits = ((1 << dur) - 1) << p;
    for (let k = 0; k < us.length; k++) {
      const u = us[k];
      const cands = c.unitRooms[u];
      roomOf[i][k] = -1;
      if (!cands.length) continue;
      for (let j = 0; j < cands.length; j++) {
        const r = cands[j];
        if (rBusy[r] & bits) continue;
        let ok = true;
        for (let q = 0; q < dur && ok; q++) if (c.roomUnavail[r * S + base + p + q]) ok = false;
        for (let kk = 0; kk < k && ok; kk++) if (roomOf[i][kk] === r) ok = false;
        if (!ok) continue;
        roomOf[i][k] = r;
        break;
      }
      if (roomOf[i][k] < 0) return false;
    }
    return true;
  };
  const canStart = (i: number, p: number): boolean => {
    const b = blocks[i];
    const bi = info[b];
    if (p + bi.dur > P) return false;
    for (const x of bi.cells) for (let q = 0; q < bi.dur; q++) if (!need[x * P + p + q]) return false;
    for (const u of c.blockUnits[b]) if (!c.unitAllowed[u * S + base + p]) return false;
    for (const t of bi.teachers) if (!tAvail(t, p, bi.dur)) return false;
    return roomsFor(i, p, bi.dur);
  };
  const place = (i: number, p: number, on: boolean): void => {
    const bi = info[blocks[i]];
    const bits = ((1 << bi.dur) - 1) << p;
    for (const t of bi.teachers) {
      if (on) tBusy[t] |= bits;
      else tBusy[t] &= ~bits;
      tLeft[t] += on ? -bi.dur : bi.dur;
    }
    for (const x of bi.cells) for (let q = 0; q < bi.dur; q++) need[x * P + p + q] = on ? 0 : 1;
    for (const r of roomOf[i]) if (r >= 0) rBusy[r] = on ? rBusy[r] | bits : rBusy[r] & ~bits;
    placed[i] = on ? p : -1;
  };
  const score = (): void => {
    solutions++;
    beginMove(st);
    for (let i = 0; i < blocks.length; i++) if (placed[i] !== current[i]) setBlockStart(st, blocks[i], base + placed[i]);
    finishMove(st);
    const v = cost();
    // Plain counts must not grow: under breakout weights an exact search would otherwise trade
    // heavily weighted violations for more light ones.
    if (st.hard <= hardBefore && (v < best || (bestPlan === null && v <= before))) {
      best = v;
      bestPlan = placed.slice();
    }
    undoMove(st);
  };
  /** Periods from `from` on where block i could still start (cells still open, teachers free, allowed); rooms are left to the placement. */
  const possible = (i: number, from: number): number => {
    const b = blocks[i];
    const bi = info[b];
    let m = 0;
    for (let p = from; p + bi.dur <= P; p++) {
      let ok = true;
      for (let k = 0; k < bi.cells.length && ok; k++) for (let q = 0; q < bi.dur; q++) if (!need[bi.cells[k] * P + p + q]) ok = false;
      for (let k = 0; k < bi.teachers.length && ok; k++) if (!tAvail(bi.teachers[k], p, bi.dur)) ok = false;
      const us = c.blockUnits[b];
      for (let k = 0; k < us.length && ok; k++) if (!c.unitAllowed[us[k] * S + base + p]) ok = false;
      if (ok) m |= 1 << p;
    }
    return m;
  };
  const owner = new Int32Array(32);
  const augment = (masks: number[], j: number, seen: { v: number }): boolean => {
    let m = masks[j] & ~seen.v;
    while (m) {
      const low = m & -m;
      m &= ~low;
      seen.v |= low;
      const q = 31 - Math.clz32(low);
      if (owner[q] < 0 || augment(masks, owner[q], seen)) {
        owner[q] = j;
        return true;
      }
    }
    return false;
  };
  /** Hall check: the remaining single-period blocks of every cell and teacher still match distinct periods. */
  const matchable = (lists: number[][], from: number): boolean => {
    for (const list of lists) {
      const masks: number[] = [];
      for (const i of list) {
        if (placed[i] >= 0) continue;
        const m = possible(i, from);
        if (!m) return false;
        if (info[blocks[i]].dur === 1) masks.push(m);
      }
      if (masks.length < 2) continue;
      owner.fill(-1);
      for (let j = 0; j < masks.length; j++) if (!augment(masks, j, { v: 0 })) return false;
    }
    return true;
  };
  const teacherBlocks: number[][] = [];
  for (let i = 0; i < blocks.length; i++) for (const t of info[blocks[i]].teachers) (teacherBlocks[t] ??= []).push(i);
  // Placing block i only narrows the lists of its teachers and of the cells those teachers teach.
  const affected: number[][][] = blocks.map((_, i) => {
    const lists = new Set<number[]>();
    for (const x of info[blocks[i]].cells) lists.add(cellBlocks.get(x) ?? []);
    for (const t of info[blocks[i]].teachers) {
      if (teacherBlocks[t].length > 1) lists.add(teacherBlocks[t]);
      for (const j of teacherBlocks[t]) for (const x of info[blocks[j]].cells) lists.add(cellBlocks.get(x) ?? []);
    }
    return [...lists];
  });
  const allLists = [...cells.map((x) => cellBlocks.get(x) ?? []), ...teacherBlocks.filter((l) => l && l.length > 1)];
  const cand: number[][] = [];
  const dfs = (p: number): boolean => {
    if (solutions >= opts.maxSolutions || nodes >= opts.nodeLimit) return true;
    const from = p;
    while (p < P && !cells.some((x) => need[x * P + p])) p++;
    // A new period: the earlier ones are gone for every list, not just the ones the last placement touched.
    if (p > from && p < P && !matchable(allLists, p)) return false;
    if (p >= P) {
      score();
      return solutions >= opts.maxSolutions;
    }
    // The most constrained open cell at period p.
    let bestX = -1;
    let bestList: number[] = [];
    for (const x of cells) {
      if (!need[x * P + p]) continue;
      const list = cand[x] ?? (cand[x] = []);
      list.length = 0;
      for (const i of cellBlocks.get(x) ?? []) if (placed[i] < 0 && canStart(i, p)) list.push(i);
      if (!list.length) return false;
      if (bestX < 0 || list.length < bestList.length) {
        bestX = x;
        bestList = list.slice();
      }
    }
    // The block that is there now first, so the search starts next to the current day.
    bestList.sort((a, b) => (current[a] === p ? 0 : 1) - (current[b] === p ? 0 : 1));
    for (const i of bestList) {
      if (!canStart(i, p)) continue;
      nodes++;
      place(i, p, true);
      let ok = true;
      for (const t of info[blocks[i]].teachers) if (!tFits(t, p + 1)) ok = false;
      if (ok) ok = matchable(affected[i], p);
      if (ok && dfs(p)) {
        place(i, p, false);
        return true;
      }
      place(i, p, false);
      if (nodes >= opts.nodeLimit) return true;
    }
    return false;
  };
  dfs(0);
  repackStats.nodes += nodes;
  if (!bestPlan) return { changed: false, solutions, nodes };
  repackStats.changed++;
  if (best < before) repackStats.better++;
  const plan: Int32Array = bestPlan;
  beginMove(st);
  for (let i = 0; i < blocks.length; i++) if (plan[i] !== current[i]) setBlockStart(st, blocks[i], base + plan[i]);
  finishMove(st);
  return { changed: true, solutions, nodes };
}

/** Days with a teacher, student or room clash or a lesson without its room, in a fresh array. */
export function clashDays(st: State): number[] {
  const c = st.c;
  const S = c.S;
  const P = c.P;
  const hit = new Uint8Array(c.D);
  const scan = (cnt: Uint8Array, n: number): void => {
    for (let e = 0; e < n; e++) for (let s = 0; s < S; s++) if (cnt[e * S + s] > 1) hit[(s / P) | 0] = 1;
  };
  scan(st.tCnt, c.nT);
  scan(st.cCnt, c.nC);
  scan(st.rCnt, c.nR);
  for (const u of st.unroomed) if (st.start[u] >= 0) hit[(st.start[u] / P) | 0] = 1;
  const out: number[] = [];
  for (let d = 0; d < c.D; d++) if (hit[d]) out.push(d);
  return out;
}

/** One escape step of the search: repacks a day with a clash (or, without one, a random day). */
export function repackStep(st: State, rng: Rng, opts: RepackOptions): RepackResult {
  const days = clashDays(st);
  // Clash days in random order; a day that cannot be repacked (a cell with more lessons than
  // usable periods) returns at once, then a random day is repacked instead (diversification).
  for (let k = days.length - 1; k > 0; k--) {
    const j = rng.int(k + 1);
    const t = days[k];
    days[k] = days[j];
    days[j] = t;
  }
  for (const d of days) {
    const r = repackDay(st, d, opts);
    if (r.nodes > 0) return r;
  }
  return repackDay(st, rng.int(st.c.D), opts);
}
