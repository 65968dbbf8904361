import type { Compiled } from './compile';
import type { Rng } from './rng';
import { beginMove, blockStart, finishMove, hardCost, setBlockStart, undoMove, type State } from './state';

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
}

export function buildMoves(c: Compiled): Moves {
  const allowed = new Uint8Array(c.nB * c.S);
  const movable: number[] = [];
  for (let b = 0; b < c.nB; b++) {
    for (const s of c.blockDomain[b]) allowed[b * c.S + s] = 1;
    if (c.blockDomain[b].length > 1) movable.push(b);
  }
  // Resources: classes first (index k), then teachers (nK + t).
  const lists: Set<number>[] = Array.from({ length: c.nK + c.nT }, () => new Set());
  const blockRes: Set<number>[] = Array.from({ length: c.nB }, () => new Set());
  for (let u = 0; u < c.nU; u++) {
    const b = c.unitBlock[u];
    if (c.blockDomain[b].length <= 1) continue;
    for (const k of c.unitClasses[u]) {
      lists[k].add(b);
      blockRes[b].add(k);
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
  return {
    conflict,
    nB: c.nB,
    profiled: Int32Array.from(profiled),
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
  if (preferClass && r >= c.nK) {
    for (let i = 0; i < res.length; i++) if (res[i] < c.nK) r = res[i];
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

let dayFirst = new Int32Array(7);
let dayLast = new Int32Array(7);
let dayFirstS = new Int32Array(7);
let dayLastEnd = new Int32Array(7);
let daySum = new Float64Array(7);
const pool: number[] = [];
const pool2: number[] = [];

/** A lesson of the heavy day `from` trades places with a lighter one of Tue or Wed (same length, allowed there). */
function peakSwap(st: State, mv: Moves, rng: Rng, k: number, from: number): boolean {
  const c = st.c;
  const { P, S } = c;
  const reps = c.classReps[k];
  const to = daySum[1] <= daySum[2] ? 1 : 2;
  pool.length = 0;
  pool2.length = 0;
  for (let i = 0; i < reps.length; i++) {
    const u = reps[i];
    const s = st.start[u];
    if (s < 0) continue;
    const d = (s / P) | 0;
    if (d === from) pool.push(u);
    else if (d === to) pool2.push(u);
  }
  if (!pool.length || !pool2.length) return false;
  const u = pool[rng.int(pool.length)];
  const b = c.unitBlock[u];
  const s1 = st.start[u];
  let tries = 0;
  while (tries++ < 4) {
    const v = pool2[rng.int(pool2.length)];
    if (c.unitPoints[v] >= c.unitPoints[u] || c.unitDur[v] !== c.unitDur[u]) continue;
    const b2 = c.unitBlock[v];
    const s2 = st.start[v];
    if (b2 === b || !mv.allowed[b * S + s2] || !mv.allowed[b2 * S + s1]) continue;
    beginMove(st);
    setBlockStart(st, b, s2);
    setBlockStart(st, b2, s1);
    finishMove(st);
    return true;
  }
  return false;
}

/**
 * SanPiN move: in class k, a hard lesson that is first or last in its day trades places with an
 * easy lesson from the middle of the same day. The day's difficulty sum — and so the Tue/Wed
 * peak — stays as it is, which a random swap rarely manages: on tight schools the search could
 * only buy fewer hard first/last lessons with a worse peak.
 */
export function sanpinSwap(st: State, mv: Moves, rng: Rng, k: number): boolean {
  const c = st.c;
  const { D, P, S } = c;
  const thr = c.hardThreshold;
  if (dayFirst.length < D) {
    dayFirst = new Int32Array(D);
    dayLast = new Int32Array(D);
    dayFirstS = new Int32Array(D);
    dayLastEnd = new Int32Array(D);
    daySum = new Float64Array(D);
  }
  dayFirst.fill(-1, 0, D);
  dayLast.fill(-1, 0, D);
  daySum.fill(0, 0, D);
  const reps = c.classReps[k];
  for (let i = 0; i < reps.length; i++) {
    const u = reps[i];
    const s = st.start[u];
    if (s < 0) continue;
    const d = (s / P) | 0;
    const end = s + c.unitDur[u];
    daySum[d] += c.unitPoints[u] * c.unitDur[u];
    if (dayFirst[d] < 0 || s < dayFirstS[d]) {
      dayFirst[d] = u;
      dayFirstS[d] = s;
    }
    if (dayLast[d] < 0 || end > dayLastEnd[d]) {
      dayLast[d] = u;
      dayLastEnd[d] = end;
    }
  }
  // The peak: if another day is at least as heavy as Tue and Wed, trade a lesson of that day for a
  // lighter one of Tue or Wed at the same length.
  if (D >= 3 && rng.next() < 0.5) {
    let heavy = -1;
    for (let d = 0; d < D; d++) if (d !== 1 && d !== 2 && (heavy < 0 || daySum[d] > daySum[heavy])) heavy = d;
    if (heavy >= 0 && daySum[heavy] >= Math.max(daySum[1], daySum[2])) return peakSwap(st, mv, rng, k, heavy);
  }
  pool.length = 0;
  for (let d = 0; d < D; d++) {
    const f = dayFirst[d];
    const l = dayLast[d];
    if (f >= 0 && c.unitPoints[f] >= thr) pool.push(f);
    if (l >= 0 && l !== f && c.unitPoints[l] >= thr) pool.push(l);
  }
  if (!pool.length) return false;
  const u = pool[rng.int(pool.length)];
  const b = c.unitBlock[u];
  const s1 = st.start[u];
  const d = (s1 / P) | 0;
  // Easy partners from the middle of the same day, same length, allowed at each other's start.
  pool.length = 0;
  for (let i = 0; i < reps.length; i++) {
    const v = reps[i];
    const s2 = st.start[v];
    if (s2 < 0 || ((s2 / P) | 0) !== d || v === dayFirst[d] || v === dayLast[d]) continue;
    if (c.unitPoints[v] >= thr || c.unitDur[v] !== c.unitDur[u]) continue;
    const b2 = c.unitBlock[v];
    if (b2 === b || !mv.allowed[b * S + s2] || !mv.allowed[b2 * S + s1]) continue;
    pool.push(b2);
  }
  if (!pool.length) return rng.next() < 0.5 ? rotate(st, mv, rng, k, u) : false;
  if (rng.next() < 0.3) return rotate(st, mv, rng, k, u);
  const b2 = pool[rng.int(pool.length)];
  const s2 = blockStart(st, b2);
  beginMove(st);
  setBlockStart(st, b, s2);
  setBlockStart(st, b2, s1);
  finishMove(st);
  return true;
}

const dayUnits: number[] = [];

/**
 * The hard first (or last) lesson of its day moves into the middle and the lessons it passes
 * shift by its length — the day keeps its lessons, its sum and its compactness.
 */
function rotate(st: State, mv: Moves, rng: Rng, k: number, u: number): boolean {
  const c = st.c;
  const P = c.P;
  const S = c.S;
  const s1 = st.start[u];
  const d = (s1 / P) | 0;
  const reps = c.classReps[k];
  dayUnits.length = 0;
  for (let i = 0; i < reps.length; i++) {
    const v = reps[i];
    const s = st.start[v];
    if (s >= 0 && ((s / P) | 0) === d) dayUnits.push(v);
  }
  if (dayUnits.length < 3) return false;
  dayUnits.sort((a, b) => st.start[a] - st.start[b]);
  const i = dayUnits.indexOf(u);
  const n = dayUnits.length;
  if (i !== 0 && i !== n - 1) return false;
  // New position j in 1..n-2 (a middle one); the lessons between shift towards u's old place.
  const j = 1 + rng.int(n - 2);
  const b = c.unitBlock[u];
  const dur = c.unitDur[u];
  // Targets first (nothing is moved unless every block may start at its new place).
  moveCount = 0;
  if (i === 0) {
    // u goes after dayUnits[j]; dayUnits[1..j] move earlier by u's length.
    let end = 0;
    for (let x = 1; x <= j; x++) {
      const v = dayUnits[x];
      const to = st.start[v] - dur;
      if (!plan(mv, S, c.unitBlock[v], to)) return false;
      end = to + c.unitDur[v];
    }
    if (!plan(mv, S, b, end)) return false;
  } else {
    // u goes before dayUnits[n-1-j]; dayUnits[n-1-j..n-2] move later by u's length.
    const from = n - 1 - j;
    for (let x = from; x <= n - 2; x++) {
      const v = dayUnits[x];
      if (!plan(mv, S, c.unitBlock[v], st.start[v] + dur)) return false;
    }
    if (!plan(mv, S, b, st.start[dayUnits[from]])) return false;
  }
  beginMove(st);
  for (let x = 0; x < moveCount; x++) setBlockStart(st, moveBlock[x], moveTo[x]);
  finishMove(st);
  return true;
}

const moveBlock = new Int32Array(64);
const moveTo = new Int32Array(64);
let moveCount = 0;

function plan(mv: Moves, S: number, b: number, to: number): boolean {
  if (to < 0 || to >= S || !mv.allowed[b * S + to] || moveCount >= moveBlock.length) return false;
  moveBlock[moveCount] = b;
  moveTo[moveCount] = to;
  moveCount++;
  return true;
}
