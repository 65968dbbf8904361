import type { Compiled } from './compile';
import type { Recorder, State } from './stateTypes';
import { termCost as importedTermCost, termResult as importedTermResult } from './terms';

// Local bindings: hot-loop calls through module namespace getters (tsx/vitest transforms) cost ~5 %.
const termCost = importedTermCost;
const termResult = importedTermResult;

export type { State } from './stateTypes';

export function createState(c: Compiled, autoRooms = true): State {
  const off = { T: 0, C: c.nT, R: 0, K: 0, U: 0, B: 0, M: 0, SS: 0, N: 0 };
  off.R = off.C + c.nC;
  off.K = off.R + c.nR;
  off.U = off.K + c.nK;
  off.B = off.U + c.nU;
  off.M = off.B + c.nB;
  off.SS = off.M + c.minDays.length;
  off.N = off.SS + c.sameStart.length;
  const st: State = {
    c,
    start: new Int32Array(c.nU).fill(-1),
    room: new Int32Array(c.nU).fill(-1),
    tCnt: new Uint8Array(c.nT * c.S),
    cCnt: new Uint8Array(c.nC * c.S),
    rCnt: new Uint8Array(c.nR * c.S),
    tMask: new Uint32Array(c.nT * c.D),
    cMask: new Uint32Array(c.nC * c.D),
    rMask: new Uint32Array(c.nR * c.D),
    tClash: new Int32Array(c.nT),
    cClash: new Int32Array(c.nC),
    rClash: new Int32Array(c.nR),
    roomOcc: new Int32Array(c.nR * c.S).fill(-1),
    anchor: null,
    autoRooms,
    termHard: new Int32Array(off.N),
    termSoft: new Float64Array(off.N),
    hard: 0,
    termWeight: null,
    whard: 0,
    soft: 0,
    off,
    stamp: new Int32Array(off.N),
    stampId: 1,
    touched: new Int32Array(off.N),
    nTouched: 0,
    savedHard: new Int32Array(off.N),
    savedSoft: new Float64Array(off.N),
    journal: new Int32Array(3 * 64),
    nJournal: 0,
    unroomed: [],
    unroomedPos: new Int32Array(c.nU).fill(-1),
    atSlot: Array.from({ length: c.S }, () => []),
    atPos: new Int32Array(c.nU).fill(-1),
    freedAt: new Int32Array(c.S),
    freedAny: 0,
  };
  recomputeAll(st);
  return st;
}

export function recomputeAll(st: State, rec?: Recorder): void {
  st.hard = 0;
  st.whard = 0;
  st.soft = 0;
  for (let i = 0; i < st.off.N; i++) {
    termCost(st, i, rec);
    st.termHard[i] = termResult.hard;
    st.termSoft[i] = termResult.soft;
    st.hard += termResult.hard;
    st.whard += termResult.hard * (st.termWeight ? st.termWeight[i] : 1);
    st.soft += termResult.soft;
  }
}


function touch(st: State, term: number): void {
  if (st.stamp[term] === st.stampId) return;
  st.stamp[term] = st.stampId;
  st.touched[st.nTouched++] = term;
}

function journal(st: State, kind: number, u: number, old: number): void {
  if (st.nJournal + 3 > st.journal.length) {
    const bigger = new Int32Array(st.journal.length * 2);
    bigger.set(st.journal);
    st.journal = bigger;
  }
  const j = st.journal;
  const n = st.nJournal;
  j[n] = kind;
  j[n + 1] = u;
  j[n + 2] = old;
  st.nJournal = n + 3;
}

function touchUnit(st: State, u: number): void {
  const c = st.c;
  const o = st.off;
  // Indexed loops: for-of over typed arrays allocates iterators until the code is optimised, and
  // most runs are short enough that the cold phase matters.
  const ts = c.unitTeachers[u];
  for (let i = 0; i < ts.length; i++) touch(st, o.T + ts[i]);
  const xs = c.unitCells[u];
  for (let i = 0; i < xs.length; i++) touch(st, o.C + xs[i]);
  const ks = c.unitClasses[u];
  for (let i = 0; i < ks.length; i++) touch(st, o.K + ks[i]);
  touch(st, o.U + u);
  touch(st, o.B + c.unitBlock[u]);
  const md = c.unitMinDays[u];
  for (let i = 0; i < md.length; i++) touch(st, o.M + md[i]);
  const ss = c.unitSameStart[u];
  for (let i = 0; i < ss.length; i++) touch(st, o.SS + ss[i]);
}

function occupy(st: State, u: number, s: number, delta: 1 | -1): void {
  const c = st.c;
  const list = st.atSlot[s];
  if (delta > 0) {
    st.atPos[u] = list.length;
    list.push(u);
  } else {
    const pos = st.atPos[u];
    const last = list.pop() as number;
    if (last !== u) {
      list[pos] = last;
      st.atPos[last] = pos;
    }
    st.atPos[u] = -1;
  }
  const S = c.S;
  const P = c.P;
  for (let q = 0; q < c.unitDur[u]; q++) {
    const slot = s + q;
    const day = (slot / P) | 0;
    const bit = 1 << (slot - day * P);
    const ts = c.unitTeachers[u];
    for (let j = 0; j < ts.length; j++) {
      const t = ts[j];
      const i = t * S + slot;
      if (delta > 0) {
        if (st.tCnt[i]++ > 0) st.tClash[t]++;
        st.tMask[t * c.D + day] |= bit;
      } else {
        if (--st.tCnt[i] > 0) st.tClash[t]--;
        else st.tMask[t * c.D + day] &= ~bit;
      }
    }
    const xs = c.unitCells[u];
    for (let j = 0; j < xs.length; j++) {
      const x = xs[j];
      const i = x * S + slot;
      if (delta > 0) {
        if (st.cCnt[i]++ > 0) st.cClash[x]++;
        st.cMask[x * c.D + day] |= bit;
      } else {
        if (--st.cCnt[i] > 0) st.cClash[x]--;
        else st.cMask[x * c.D + day] &= ~bit;
      }
    }
  }
}

function occupyRoom(st: State, u: number, r: number, delta: 1 | -1): void {
  const c = st.c;
  const s0 = st.start[u];
  if (r < 0 || s0 < 0) return;
  for (let q = 0; q < c.unitDur[u]; q++) {
    const slot = s0 + q;
    const day = (slot / c.P) | 0;
    const i = r * c.S + slot;
    if (delta > 0) {
      if (st.rCnt[i]++ > 0) st.rClash[r]++;
      st.roomOcc[i] = u;
      st.rMask[r * c.D + day] |= 1 << (slot - day * c.P);
    } else {
      st.freedAt[slot] = st.stampId;
      st.freedAny = st.stampId;
      if (--st.rCnt[i] > 0) st.rClash[r]--;
      else {
        st.rMask[r * c.D + day] &= ~(1 << (slot - day * c.P));
        st.roomOcc[i] = -1;
      }
      if (st.roomOcc[i] === u) st.roomOcc[i] = -1;
    }
  }
  touch(st, st.off.R + r);
}

/** Moves one room assignment and journals it. */
export function setRoom(st: State, u: number, r: number): void {
  const old = st.room[u];
  if (old === r) return;
  journal(st, 1, u, old);
  occupyRoom(st, u, old, -1);
  st.room[u] = r;
  occupyRoom(st, u, r, 1);
  touch(st, st.off.U + u);
  updateUnroomed(st, u);
}

function updateUnroomed(st: State, u: number): void {
  const needs = st.autoRooms && st.start[u] >= 0 && st.room[u] < 0 && st.c.unitRooms[u].length > 0;
  const pos = st.unroomedPos[u];
  if (needs && pos < 0) {
    st.unroomedPos[u] = st.unroomed.length;
    st.unroomed.push(u);
  } else if (!needs && pos >= 0) {
    const last = st.unroomed.pop() as number;
    if (last !== u) {
      st.unroomed[pos] = last;
      st.unroomedPos[last] = pos;
    }
    st.unroomedPos[u] = -1;
  }
}

function roomFree(st: State, r: number, s: number, dur: number, self: number): boolean {
  const c = st.c;
  for (let q = 0; q < dur; q++) {
    const i = r * c.S + s + q;
    if (c.roomUnavail[i]) return false;
    if (st.rCnt[i] > 0 && st.roomOcc[i] !== self) return false;
  }
  return true;
}

/** Single occupant of room r over [s, s+dur) or -1 if free / several. */
function soleOccupant(st: State, r: number, s: number, dur: number): number {
  const c = st.c;
  let occ = -1;
  for (let q = 0; q < dur; q++) {
    const i = r * c.S + s + q;
    if (c.roomUnavail[i] || st.rCnt[i] > 1) return -2;
    if (st.rCnt[i] === 1) {
      if (occ >= 0 && st.roomOcc[i] !== occ) return -2;
      occ = st.roomOcc[i];
    }
  }
  return occ;
}

/** Picks a free candidate room, evicting one occupant to another free room if needed. */
export function assignRoom(st: State, u: number): void {
  const c = st.c;
  const cands = c.unitRooms[u];
  const s = st.start[u];
  if (!cands.length || s < 0) return;
  const dur = c.unitDur[u];
  const lockRoom = c.unitLockRoom[u];
  if (lockRoom >= 0 && roomFree(st, lockRoom, s, dur, u)) return setRoom(st, u, lockRoom);
  for (let i = 0; i < cands.length; i++) if (roomFree(st, cands[i], s, dur, u)) return setRoom(st, u, cands[i]);
  for (let i = 0; i < cands.length; i++) {
    const r = cands[i];
    const v = soleOccupant(st, r, s, dur);
    if (v < 0 || c.unitLockRoom[v] === r) continue;
    const vs = st.start[v];
    for (const r2 of c.unitRooms[v]) {
      if (r2 === r || !roomFree(st, r2, vs, c.unitDur[v], v)) continue;
      setRoom(st, v, r2);
      return setRoom(st, u, r);
    }
  }
  setRoom(st, u, -1);
}

/** Sets a unit's start (-1 = unplace), journaled; rooms follow in solver mode. */
export function setStart(st: State, u: number, s: number): void {
  const old = st.start[u];
  if (old === s) return;
  journal(st, 0, u, old);
  touchUnit(st, u);
  const r = st.room[u];
  if (old >= 0) {
    occupyRoom(st, u, r, -1);
    occupy(st, u, old, -1);
  }
  st.start[u] = s;
  if (s >= 0) {
    occupy(st, u, s, 1);
    if (st.autoRooms) {
      st.room[u] = -1;
      if (r >= 0) journal(st, 1, u, r);
      assignRoom(st, u);
    } else occupyRoom(st, u, r, 1);
  } else if (st.autoRooms && r >= 0) {
    st.room[u] = -1;
    journal(st, 1, u, r);
  }
  updateUnroomed(st, u);
}

export function beginMove(st: State): void {
  st.stampId++;
  st.nTouched = 0;
  st.nJournal = 0;
}

/** Forgets the undo journal (evaluation loads that must not be undone). */
export function clearJournal(st: State): void {
  st.nJournal = 0;
}

const retry: number[] = [];

/** Recomputes touched terms; returns nothing, st.hard/st.soft are updated. */
export function finishMove(st: State): void {
  // An unroomed unit can only get a room if this move freed one near its slots (directly, or for
  // evicting an occupant that may be a double lesson); otherwise assignRoom would fail again.
  if (st.autoRooms && st.unroomed.length && st.freedAny === st.stampId) {
    const c = st.c;
    retry.length = 0;
    for (let i = 0; i < st.unroomed.length; i++) retry.push(st.unroomed[i]);
    for (let i = 0; i < retry.length; i++) {
      const u = retry[i];
      const s0 = st.start[u];
      const lo = Math.max(0, s0 - c.maxDur + 1);
      const hi = Math.min(c.S, s0 + c.unitDur[u] + c.maxDur - 1);
      for (let q = lo; q < hi; q++) {
        if (st.freedAt[q] === st.stampId) {
          assignRoom(st, u);
          break;
        }
      }
    }
  }
  const touched = st.touched;
  for (let i = 0; i < st.nTouched; i++) {
    const term = touched[i];
    st.savedHard[i] = st.termHard[term];
    st.savedSoft[i] = st.termSoft[term];
    termCost(st, term);
    st.hard += termResult.hard - st.termHard[term];
    if (st.termWeight) st.whard += (termResult.hard - st.termHard[term]) * st.termWeight[term];
    st.soft += termResult.soft - st.termSoft[term];
    st.termHard[term] = termResult.hard;
    st.termSoft[term] = termResult.soft;
  }
}

export function undoMove(st: State): void {
  const j = st.journal;
  const auto = st.autoRooms;
  st.autoRooms = false;
  for (let i = st.nJournal - 3; i >= 0; i -= 3) {
    const u = j[i + 1];
    const v = j[i + 2];
    if (j[i] === 0) {
      const r = st.room[u];
      if (st.start[u] >= 0) {
        occupyRoom(st, u, r, -1);
        occupy(st, u, st.start[u], -1);
      }
      st.start[u] = v;
      if (v >= 0) {
        occupy(st, u, v, 1);
        occupyRoom(st, u, r, 1);
      }
    } else {
      occupyRoom(st, u, st.room[u], -1);
      st.room[u] = v;
      occupyRoom(st, u, v, 1);
    }
  }
  st.autoRooms = auto;
  for (let i = st.nJournal - 3; i >= 0; i -= 3) updateUnroomed(st, j[i + 1]);
  const t = st.touched;
  for (let i = 0; i < st.nTouched; i++) {
    const term = t[i];
    st.hard += st.savedHard[i] - st.termHard[term];
    if (st.termWeight) st.whard += (st.savedHard[i] - st.termHard[term]) * st.termWeight[term];
    st.soft += st.savedSoft[i] - st.termSoft[term];
    st.termHard[term] = st.savedHard[i];
    st.termSoft[term] = st.savedSoft[i];
  }
  st.nJournal = 0;
  st.nTouched = 0;
}

/** Moves every unit of a block to start s as one journaled move (not finished). */
export function setBlockStart(st: State, b: number, s: number): void {
  const us = st.c.blockUnits[b];
  for (let i = 0; i < us.length; i++) setStart(st, us[i], s);
}

export function blockStart(st: State, b: number): number {
  return st.start[st.c.blockUnits[b][0]];
}
