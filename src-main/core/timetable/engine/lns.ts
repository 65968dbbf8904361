import type { Moves } from './neighbourhood';
import type { Rng } from './rng';
import { beginMove, blockStart, finishMove, setBlockStart, setRoom, setStart, type State } from './state';

/**
 * Large-neighbourhood step for the feasibility phase on tightly packed schools (FET's difficult
 * files), where the last violations are student clashes the annealing cannot undo one move at a
 * time: every cell is full, so freeing a slot means moving a whole chain of lessons.
 *
 * Take the students of one violation and two of their days, lift every lesson of those students on
 * those days, and put them back by a depth-first search: the block with the fewest clash-free starts
 * first, its starts in order of the full cost, a node budget. The best complete re-insertion
 * replaces the old one only if the cost (hard × weight + soft) gets lower (or equal, when asked);
 * otherwise every lesson goes back exactly where it was (starts and rooms).
 */
export interface LnsControl {
  hardWeight: number;
  softWeight: number;
  nodeLimit: number;
  /** Accept a re-insertion of equal cost (a plateau move). */
  acceptEqual: boolean;
}

const MAX_REGION = 28;
const MAX_DISC = 3;

/** Counters for the benchmark's "what was tried" (steps, better, equal-cost moves, DFS nodes). */
export const lnsStats = { steps: 0, better: 0, equal: 0, nodes: 0 };

export function lnsStep(st: State, mv: Moves, rng: Rng, ctl: LnsControl): boolean {
  const c = st.c;
  const seed = pickViolation(st, rng);
  if (!seed) return false;
  const { cells, teachers, day } = seed;
  // Half of the steps lift the violation's teachers' lessons instead of its students'.
  const byTeacher = teachers.length > 0 && rng.next() < 0.5;
  let day2 = rng.int(c.D - 1);
  if (day2 >= day) day2++;
  // Region: movable blocks with a lesson of these students on the two days (and unplaced ones).
  const region: number[] = [];
  const inRegion = stamp('block', c.nB);
  const cellSet = stamp('cell', c.nC);
  for (const x of cells) cellSet.a[x] = cellSet.id;
  const teacherSet = stamp('teacher', c.nT);
  for (const t of teachers) teacherSet.a[t] = teacherSet.id;
  for (let u = 0; u < c.nU; u++) {
    const b = c.unitBlock[u];
    if (inRegion.a[b] === inRegion.id || c.blockDomain[b].length <= 1 || c.unitLock[u] >= 0) continue;
    const s = st.start[u];
    const d = s < 0 ? -1 : (s / c.P) | 0;
    if (s >= 0 && d !== day && d !== day2) continue;
    let mine = false;
    if (byTeacher) {
      const ts = c.unitTeachers[u];
      for (let i = 0; i < ts.length && !mine; i++) mine = teacherSet.a[ts[i]] === teacherSet.id;
    } else {
      const xs = c.unitCells[u];
      for (let i = 0; i < xs.length && !mine; i++) mine = cellSet.a[xs[i]] === cellSet.id;
    }
    if (!mine) continue;
    inRegion.a[b] = inRegion.id;
    region.push(b);
  }
  if (region.length < 2) return false;
  while (region.length > MAX_REGION) region.splice(rng.int(region.length), 1);

  const before = st.hard * ctl.hardWeight + st.soft * ctl.softWeight;
  const old = region.map((b) => blockStart(st, b));
  // The search's room evictions can touch lessons outside the region: a snapshot restores exactly.
  const snapStart = st.start.slice();
  const snapRoom = st.room.slice();
  beginMove(st);
  for (const b of region) setBlockStart(st, b, -1);
  finishMove(st);

  const n = region.length;
  const placed = new Uint8Array(n);
  const bestAt = new Int32Array(n).fill(-2);
  let best = Infinity;
  let nodes = 0;
  const options = (i: number, out: number[]): void => {
    out.length = 0;
    const b = region[i];
    const dom = c.blockDomain[b];
    const wasUnplaced = old[i] < 0;
    for (let j = 0; j < dom.length; j++) {
      const s = dom[j];
      const d = (s / c.P) | 0;
      if (!wasUnplaced && d !== day && d !== day2) continue;
      if (clashFree(st, b, s)) out.push(s);
    }
  };
  const scratch: number[][] = Array.from({ length: n + 1 }, () => []);
  // Limited discrepancy search: the heuristic's choice at every level, at most MAX_DISC
  // departures from it per path (chronological backtracking would spend the whole budget
  // re-placing the last few blocks).
  const dfs = (depth: number, disc: number): void => {
    if (nodes >= ctl.nodeLimit) return;
    if (depth === n) {
      const cost = st.hard * ctl.hardWeight + st.soft * ctl.softWeight;
      if (cost < best) {
        best = cost;
        for (let i = 0; i < n; i++) bestAt[i] = blockStart(st, region[i]);
      }
      return;
    }
    // Most constrained block next.
    let pick = -1;
    let fewest = Infinity;
    const opts = scratch[depth];
    for (let i = 0; i < n; i++) {
      if (placed[i]) continue;
      options(i, opts);
      if (opts.length < fewest) {
        fewest = opts.length;
        pick = i;
        if (fewest === 0) break;
      }
    }
    const b = region[pick];
    options(pick, opts);
    if (!opts.length) {
      // No clash-free start: the least bad one anywhere allowed, without branching.
      const dom = c.blockDomain[b];
      opts.push(dom[rng.int(dom.length)]);
    }
    // Starts by the full cost of putting the block there (evaluated, then undone).
    const costs: number[] = [];
    for (const s of opts) {
      beginMove(st);
      setBlockStart(st, b, s);
      finishMove(st);
      costs.push(st.hard * ctl.hardWeight + st.soft * ctl.softWeight + rng.next() * 1e-6);
      beginMove(st);
      setBlockStart(st, b, -1);
      finishMove(st);
    }
    const order = opts.map((_, i) => i).sort((a, z) => costs[a] - costs[z]);
    placed[pick] = 1;
    for (let r = 0; r < order.length && r <= MAX_DISC - disc; r++) {
      if (nodes >= ctl.nodeLimit) break;
      const k = order[r];
      nodes++;
      beginMove(st);
      setBlockStart(st, b, opts[k]);
      finishMove(st);
      dfs(depth + 1, disc + (r > 0 ? 1 : 0));
      beginMove(st);
      setBlockStart(st, b, -1);
      finishMove(st);
    }
    placed[pick] = 0;
  };
  for (let maxDisc = 0; maxDisc <= MAX_DISC && nodes < ctl.nodeLimit; maxDisc++) {
    dfs(0, MAX_DISC - maxDisc);
  }

  const take = best < before || (ctl.acceptEqual && best === before);
  lnsStats.steps++;
  lnsStats.nodes += nodes;
  if (best < before) lnsStats.better++;
  else if (take) lnsStats.equal++;
  if (take) {
    beginMove(st);
    for (let i = 0; i < n; i++) setBlockStart(st, region[i], bestAt[i]);
    finishMove(st);
  } else restore(st, snapStart, snapRoom);
  return take && best < before;
}

/** Puts every lesson back at its snapshot start and room (one move). */
export function restore(st: State, start: Int32Array, room: Int32Array): void {
  const c = st.c;
  beginMove(st);
  for (let u = 0; u < c.nU; u++) if (st.start[u] !== start[u]) setStart(st, u, start[u]);
  for (let u = 0; u < c.nU; u++) if (st.room[u] !== room[u]) setRoom(st, u, -1);
  for (let u = 0; u < c.nU; u++) if (st.room[u] !== room[u]) setRoom(st, u, room[u]);
  finishMove(st);
}

/** Teachers, students and a room free at s for every unit of block b (the state as it is). */
function clashFree(st: State, b: number, s: number): boolean {
  const c = st.c;
  const S = c.S;
  const us = c.blockUnits[b];
  for (let i = 0; i < us.length; i++) {
    const u = us[i];
    const dur = c.unitDur[u];
    const ts = c.unitTeachers[u];
    const xs = c.unitCells[u];
    for (let q = 0; q < dur; q++) {
      for (let j = 0; j < ts.length; j++) if (st.tCnt[ts[j] * S + s + q] > 0) return false;
      for (let j = 0; j < xs.length; j++) if (st.cCnt[xs[j] * S + s + q] > 0) return false;
    }
    const rs = c.unitRooms[u];
    if (!rs.length) continue;
    let any = false;
    for (let j = 0; j < rs.length && !any; j++) {
      let free = true;
      for (let q = 0; q < dur && free; q++) {
        const k = rs[j] * S + s + q;
        if (st.rCnt[k] > 0 || c.roomUnavail[k]) free = false;
      }
      any = free;
    }
    if (!any) return false;
  }
  return true;
}

/** Students (cells) and a day of one hard violation, chosen at random among the violated terms. */
function pickViolation(st: State, rng: Rng): { cells: number[]; teachers: number[]; day: number } | null {
  const c = st.c;
  const o = st.off;
  const terms: number[] = [];
  for (let t = 0; t < o.N; t++) if (st.termHard[t] > 0 && (t < o.K || t >= o.U)) terms.push(t);
  if (!terms.length) return null;
  const term = terms[rng.int(terms.length)];
  const units: number[] = [];
  if (term < o.C) {
    for (let u = 0; u < c.nU; u++) if (st.start[u] >= 0 && c.unitTeachers[u].includes(term)) units.push(u);
  } else if (term < o.R) {
    const x = term - o.C;
    for (let u = 0; u < c.nU; u++) if (st.start[u] >= 0 && c.unitCells[u].includes(x)) units.push(u);
  } else if (term < o.K) {
    const r = term - o.R;
    for (let u = 0; u < c.nU; u++) if (st.room[u] === r || (st.start[u] >= 0 && c.unitRooms[u].includes(r))) units.push(u);
  } else if (term < o.B) units.push(term - o.U);
  else if (term < o.M) units.push(...c.blockUnits[term - o.B]);
  else if (term < o.SS) units.push(...c.minDays[term - o.M].units);
  else units.push(...c.sameStart[term - o.SS].units);
  if (!units.length) return null;
  // A clashing unit if there is one, else any: its day and the whole class(es) of its students.
  let u = units[rng.int(units.length)];
  for (const v of units) if (st.start[v] >= 0 && clashes(st, v)) u = v;
  const s = st.start[u];
  const day = s >= 0 ? (s / c.P) | 0 : rng.int(c.D);
  const cells = new Set<number>();
  for (const x of c.unitCells[u]) cells.add(x);
  // A class of a few cells goes whole (its groups' lessons interlock); a year of many classes
  // (FET files that make classes groups of a year) only with the violation's own cells.
  for (const k of c.unitClasses[u]) if (c.classCells[k].length <= 4) for (const x of c.classCells[k]) cells.add(x);
  return { cells: [...cells], teachers: Array.from(c.unitTeachers[u]), day };
}

function clashes(st: State, u: number): boolean {
  const c = st.c;
  const s = st.start[u];
  for (let q = 0; q < c.unitDur[u]; q++) {
    for (const t of c.unitTeachers[u]) if (st.tCnt[t * c.S + s + q] > 1) return true;
    for (const x of c.unitCells[u]) if (st.cCnt[x * c.S + s + q] > 1) return true;
  }
  return false;
}

const stamps = new Map<string, { a: Int32Array; id: number }>();
/** A reusable stamp array of size n: a[i] === id marks i (no clearing between uses). */
function stamp(kind: string, n: number): { a: Int32Array; id: number } {
  let s = stamps.get(kind);
  if (!s || s.a.length < n) {
    s = { a: new Int32Array(n), id: 0 };
    stamps.set(kind, s);
  }
  s.id++;
  return s;
}
