import { hardCost } from './breakout';
import { repackDay, repackStep, type RepackOptions } from './dayRepack';
import { restore } from './lns';
import type { Rng } from './rng';
import { beginMove, finishMove, setBlockStart } from './state';
import type { State } from './stateTypes';

/**
 * Day transfer: the escape for the clashes a day repack cannot remove because the day itself is
 * overfull — a gap-free class with more lessons on a day than it has usable periods there (what
 * Medgidia's last student clashes are, issue 25). One lesson of that class moves to a day where
 * the class has a free period, its teachers a free available one and no lesson of its min-days
 * group stands; then both days are repacked exactly (dayRepack.ts), so the lessons of every other
 * class on the two days make way for it. The result stays only if it has fewer violations, or as
 * many at no higher cost; otherwise everything goes back exactly (starts and rooms). Without an
 * overfull day it is a plain repack step.
 */
export interface TransferOptions extends RepackOptions {
  /** (lesson, day) pairs tried per step. */
  tries: number;
}

export const transferStats = { steps: 0, tried: 0, better: 0 };

const popc = (m: number): number => {
  let n = 0;
  for (let v = m >>> 0; v; v &= v - 1) n++;
  return n;
};

/** Periods the cell has lessons in on day d, counted with clashes (two lessons at once count twice). */
function load(st: State, x: number, d: number): number {
  const c = st.c;
  let n = 0;
  for (let p = 0; p < c.P; p++) n += st.cCnt[x * c.S + d * c.P + p];
  return n;
}

function teacherFree(st: State, t: number, d: number): number {
  const c = st.c;
  let n = 0;
  for (let p = 0; p < c.P; p++) {
    const s = d * c.P + p;
    if (!c.teacherUnavail[t * c.S + s] && !c.isBreak[s] && st.tCnt[t * c.S + s] === 0) n++;
  }
  return n;
}

/** A start on day d the block may take (allowed for every unit), preferring one where its cells are free; -1 if none. */
function startOn(st: State, b: number, d: number): number {
  const c = st.c;
  let any = -1;
  for (const s of c.blockDomain[b]) {
    if (((s / c.P) | 0) !== d) continue;
    let free = true;
    for (const u of c.blockUnits[b]) for (const x of c.unitCells[u]) if (st.cCnt[x * c.S + s] > 0) free = false;
    if (free) return s;
    if (any < 0) any = s;
  }
  return any;
}

/** Another unit of one of u's min-days rules already stands on day d. */
function minDaysPartnerOn(st: State, u: number, d: number): boolean {
  const c = st.c;
  for (const m of c.unitMinDays[u]) {
    const rule = c.minDays[m];
    if (rule.weight < 100) continue;
    for (const v of rule.units) if (v !== u && st.start[v] >= 0 && ((st.start[v] / c.P) | 0) === d) return true;
  }
  return false;
}

export function transferStep(st: State, rng: Rng, opts: TransferOptions): boolean {
  const c = st.c;
  transferStats.steps++;
  const over: number[] = [];
  for (let x = 0; x < c.nC; x++)
    for (let d = 0; d < c.D; d++) if (load(st, x, d) > popc(c.cellUsable[x * c.D + d])) over.push(x * c.D + d);
  if (!over.length) return repackStep(st, rng, opts).changed;
  const pick = over[rng.int(over.length)];
  const x = (pick / c.D) | 0;
  const d1 = pick % c.D;
  // Movable blocks of the cell on d1, and days with room for one of them.
  const cands: [number, number][] = [];
  for (let u = 0; u < c.nU; u++) {
    const s = st.start[u];
    if (s < 0 || ((s / c.P) | 0) !== d1 || !c.unitCells[u].includes(x) || c.unitLock[u] >= 0) continue;
    const b = c.unitBlock[u];
    if (c.blockUnits[b][0] !== u) continue;
    for (let d2 = 0; d2 < c.D; d2++) {
      if (d2 === d1) continue;
      let ok = true;
      for (const v of c.blockUnits[b]) {
        for (const y of c.unitCells[v]) if (load(st, y, d2) + c.unitDur[v] > popc(c.cellUsable[y * c.D + d2])) ok = false;
        for (const t of c.unitTeachers[v]) if (teacherFree(st, t, d2) < c.unitDur[v]) ok = false;
        if (ok && minDaysPartnerOn(st, v, d2)) ok = false;
      }
      if (ok && startOn(st, b, d2) >= 0) cands.push([b, d2]);
    }
  }
  if (!cands.length) return repackStep(st, rng, opts).changed;
  const cost = (): number => hardCost(st) * opts.hardWeight + st.soft * opts.softWeight;
  const snapStart = st.start.slice();
  const snapRoom = st.room.slice();
  const hard0 = st.hard;
  const cost0 = cost();
  for (let k = 0; k < opts.tries && cands.length; k++) {
    const j = rng.int(cands.length);
    const [b, d2] = cands[j];
    cands[j] = cands[cands.length - 1];
    cands.pop();
    transferStats.tried++;
    beginMove(st);
    setBlockStart(st, b, startOn(st, b, d2));
    finishMove(st);
    repackDay(st, d2, opts);
    repackDay(st, d1, opts);
    if (st.hard < hard0 || (st.hard === hard0 && cost() <= cost0)) {
      if (st.hard < hard0) transferStats.better++;
      return true;
    }
    restore(st, snapStart, snapRoom);
  }
  return false;
}
