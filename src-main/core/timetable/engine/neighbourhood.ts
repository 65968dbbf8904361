import type { Compiled } from './compile';
import type { Rng } from './rng';
import { hardCost } from './breakout';
import { beginMove, blockStart, finishMove, setBlockStart, undoMove, type State } from './state';

/** Static lookup tables the moves need, built once per solve. */
export interface Moves {
  movable: Int32Array;
  /** nB × S: 1 if the block may start there. */
  allowed: Uint8Array;
  /** Blocks sharing a class or a teacher with block b (swap partners). */
  resourceBlocks: Int32Array[];
  blockResources: Int32Array[];
  /** nB × nB: 1 if two blocks share a teacher or a student cell (the conflict graph). */
  conflict: Uint8Array;
  nB: number;
  /** Classes with a SanPiN profile (grade > 0 and some hard lesson): targets of sanpinSwap. */
  profiled: Int32Array;
  /** Units of each teacher (the search's focus on a teacher's violations). */
  teacherUnits: Int32Array[];
  /** Units of each cell (the focus on a cell's violations in a class of many cells). */
  cellUnits: Int32Array[];
}

/** A class with more cells than this is a FET year of whole classes: its cells act as classes. */
export const BIG_CLASS = 8;

export function buildMoves(c: Compiled): Moves {
  const allowed = new Uint8Array(c.nB * c.S);
  const movable: number[] = [];
  for (let b = 0; b < c.nB; b++) {
    for (const s of c.blockDomain[b]) allowed[b * c.S + s] = 1;
    if (c.blockDomain[b].length > 1) movable.push(b);
  }
  // Resources: classes first (index k), then teachers (nK + t), then cells (nK + nT + x) in place
  // of a class with many cells — a FET year that holds whole classes as its groups (Bethlen: one
  // year, 46 groups), where "a block of the same class" would be any block of the school.
  const lists: Set<number>[] = Array.from({ length: c.nK + c.nT + c.nC }, () => new Set());
  const blockRes: Set<number>[] = Array.from({ length: c.nB }, () => new Set());
  for (let u = 0; u < c.nU; u++) {
    const b = c.unitBlock[u];
    if (c.blockDomain[b].length <= 1) continue;
    for (const k of c.unitClasses[u]) {
      if (c.classCells[k].length > BIG_CLASS) continue;
      lists[k].add(b);
      blockRes[b].add(k);
    }
    for (const x of c.unitCells[u]) {
      if (c.classCells[c.cellClass[x]].length <= BIG_CLASS) continue;
      lists[c.nK + c.nT + x].add(b);
      blockRes[b].add(c.nK + c.nT + x);
    }
    for (const t of c.unitTeachers[u]) {
      lists[c.nK + t].add(b);
      blockRes[b].add(c.nK + t);
    }
  }
  const conflict = new Uint8Array(c.nB * c.nB);
  const byRes: number[][] = Array.from({ length: c.nT + c.nC }, () => []);
  for (let u = 0; u < c.nU; u++) {
    const b = c.unitBlock[u];
    for (const t of c.unitTeachers[u]) byRes[t].push(b);
    for (const x of c.unitCells[u]) byRes[c.nT + x].push(b);
  }
  for (const list of byRes)
    for (const a of list) for (const b of list) conflict[a * c.nB + b] = 1;
  const profiled: number[] = [];
  for (let k = 0; k < c.nK; k++) {
    if (c.inst.classes[k].grade <= 0) continue;
    const reps = c.classReps[k];
    for (let i = 0; i < reps.length; i++) {
      if (c.unitPoints[reps[i]] >= c.hardThreshold) {
        profiled.push(k);
        break;
      }
    }
  }
  const teacherUnits: number[][] = Array.from({ length: c.nT }, () => []);
  for (let u = 0; u < c.nU; u++) for (const t of c.unitTeachers[u]) teacherUnits[t].push(u);
  const cellUnits: number[][] = Array.from({ length: c.nC }, () => []);
  for (let u = 0; u < c.nU; u++) for (const x of c.unitCells[u]) cellUnits[x].push(u);
  return {
    conflict,
    nB: c.nB,
    profiled: Int32Array.from(profiled),
    teacherUnits: teacherUnits.map((a) => Int32Array.from(a)),
    cellUnits: cellUnits.map((a) => Int32Array.from(a)),
    movable: Int32Array.from(movable),
    allowed,
    resourceBlocks: lists.map((s) => Int32Array.from(s)),
    blockResources: blockRes.map((s) => Int32Array.from(s)),
  };
}

/** Relocates block b to a random allowed start; returns false if nothing changed. */
export function relocate(st: State, rng: Rng, b: number): boolean {
  const dom = st.c.blockDomain[b];
  const s = dom[rng.int(dom.length)];
  if (s === blockStart(st, b)) return false;
  beginMove(st);
  setBlockStart(st, b, s);
  finishMove(st);
  return true;
}

/**
 * Swaps block b with a random block of one of its classes (or teachers): a class day stays
 * compact when two of its lessons trade places, which plain relocation cannot do in one step.
 */
export function swap(st: State, mv: Moves, rng: Rng, b: number, preferClass: boolean): boolean {
  const c = st.c;
  const res = mv.blockResources[b];
  if (!res.length) return false;
  let r = res[rng.int(res.length)];
  const students = (x: number): boolean => x < c.nK || x >= c.nK + c.nT;
  if (preferClass && !students(r)) {
    for (let i = 0; i < res.length; i++) if (students(res[i])) r = res[i];
  }
  const partners = mv.resourceBlocks[r];
  const b2 = partners[rng.int(partners.length)];
  if (b2 === b) return false;
  const s1 = blockStart(st, b);
  const s2 = blockStart(st, b2);
  if (s1 === s2 || s1 < 0 || s2 < 0) return false;
  if (!mv.allowed[b * c.S + s2] || !mv.allowed[b2 * c.S + s1]) return false;
  beginMove(st);
  setBlockStart(st, b, s2);
  setBlockStart(st, b2, s1);
  finishMove(st);
  return true;
}

const MAX_CHAIN = 16;
// Fixed-size typed scratch with a length (a JS array emptied by `length = 0` is reallocated by V8).
const chain = new Int32Array(MAX_CHAIN + 2);
const chainTarget = new Int32Array(MAX_CHAIN + 2);
let chainLen = 0;
/** inChain[x] === chainStamp marks block x as in the current chain (no Set, no allocation). */
let inChain = new Int32Array(0);
let chainStamp = 0;

function addToChain(mv: Moves, S: number, x: number, to: number): boolean {
  if (to < 0 || to >= S || !mv.allowed[x * S + to] || chainLen > MAX_CHAIN) return false;
  inChain[x] = chainStamp;
  chain[chainLen] = x;
  chainTarget[chainLen] = to;
  chainLen++;
  return true;
}

/**
 * Kempe-chain move: b shifts by delta = s2 − start(b); every block sharing a teacher or a student
 * cell with a moved block's new periods shifts by −delta, their conflicts by +delta, and so on
 * until the chain closes. With single periods this is the classic two-slot Kempe swap; with
 * double lessons it trades whole windows. Chains are capped so a move stays cheap.
 */
export function kempe(st: State, mv: Moves, rng: Rng, b: number, maxDur: number): boolean {
  const c = st.c;
  const s1 = blockStart(st, b);
  if (s1 < 0) return false;
  const dom = c.blockDomain[b];
  const s2 = dom[rng.int(dom.length)];
  const delta = s2 - s1;
  if (delta === 0) return false;
  if (inChain.length < mv.nB) {
    inChain = new Int32Array(mv.nB);
    chainStamp = 0;
  }
  chainStamp++;
  chainLen = 0;
  addToChain(mv, c.S, b, s2);
  for (let i = 0; i < chainLen; i++) {
    if (chainLen > MAX_CHAIN) return false;
    const x = chain[i];
    const to = chainTarget[i];
    const dir = to - blockStart(st, x);
    const xs = c.blockUnits[x];
    let len = 0;
    for (let k = 0; k < xs.length; k++) len = Math.max(len, c.unitDur[xs[k]]);
    for (let q = to; q < to + len; q++) {
      for (let back = 0; back < maxDur && q - back >= 0; back++) {
        const list = st.atSlot[q - back];
        for (let j = 0; j < list.length; j++) {
          const v = list[j];
          if (c.unitDur[v] <= back) continue;
          const y = c.unitBlock[v];
          if (y === x || !mv.conflict[x * mv.nB + y] || inChain[y] === chainStamp) continue;
          if (!addToChain(mv, c.S, y, st.start[v] - dir)) return false;
        }
      }
    }
  }
  beginMove(st);
  for (let i = 0; i < chainLen; i++) setBlockStart(st, chain[i], chainTarget[i]);
  finishMove(st);
  return true;
}

/**
 * Moves block b to its best start (full evaluation of the domain); the caller accepts or undoes.
 * Restricting it to compact starts (as construction does) was measured: half the evaluations per
 * call but twice the iterations to the first valid timetable, so the whole domain stays.
 */
export function bestRelocate(st: State, b: number, hw: number, sw: number, rng: Rng): boolean {
  const dom = st.c.blockDomain[b];
  const cur = blockStart(st, b);
  let best = Infinity;
  let bestS = -1;
  let ties = 0;
  for (let i = 0; i < dom.length; i++) {
    const s = dom[i];
    if (s === cur) continue;
    beginMove(st);
    setBlockStart(st, b, s);
    finishMove(st);
    const cost = hardCost(st) * hw + st.soft * sw;
    undoMove(st);
    if (cost < best - 1e-9) {
      best = cost;
      bestS = s;
      ties = 1;
    } else if (Math.abs(cost - best) <= 1e-9 && rng.int(++ties) === 0) bestS = s;
  }
  if (bestS < 0) return false;
  beginMove(st);
  setBlockStart(st, b, bestS);
  finishMove(st);
  return true;
}
