import type { Moves } from './neighbourhood';
import type { Rng } from './rng';
import { beginMove, blockStart, finishMove, setBlockStart, type State } from './state';

// SanPiN moves of the quality phase (issue 25): the random moves that take a hard lesson out of
// first place almost always move difficulty between days too, so on tight schools the search
// could only buy fewer hard first/last lessons with a worse Tue/Wed peak.

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
