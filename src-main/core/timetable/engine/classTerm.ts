import type { Recorder, State } from './stateTypes';

/** SanPiN figures of one class for one timetable (the weekly difficulty profile and lesson order). */
export interface ClassProfile {
  daySums: number[];
  dayLessons: number[];
  /** Peak deficit: how many points Tue/Wed are short of being strictly the heaviest days. */
  peakDeficit: number;
  peakOnTueWed: boolean;
  heaviestMonFri: boolean;
  hardLessons: number;
  hardFirstLast: number;
  hardInARowExcess: number;
  sameSubjectRepeats: number;
  balanceExcess: number;
}

let slotRep = new Int32Array(0);
let subjectStamp = new Int32Array(0);
let stampCounter = 0;
// Typed scratch (not arrays emptied with length = 0, which V8 reallocates on every call).
let sums = new Float64Array(7);
let counts = new Int32Array(7);

/**
 * Analyses class k from its representative units (one per parallel block) and returns the soft
 * penalty. Classes with grade 0 (imported non-Russian files) have no SanPiN profile.
 */
export function analyseClass(st: State, k: number, out?: ClassProfile): number {
  const c = st.c;
  if (c.inst.classes[k].grade <= 0) return 0;
  const { D, P } = c;
  if (slotRep.length < D * P) slotRep = new Int32Array(D * P);
  if (subjectStamp.length < c.inst.subjects.length) subjectStamp = new Int32Array(c.inst.subjects.length);
  slotRep.fill(-1, 0, D * P);
  if (sums.length < D) {
    sums = new Float64Array(D);
    counts = new Int32Array(D);
  }
  sums.fill(0, 0, D);
  counts.fill(0, 0, D);
  const reps = c.classReps[k];
  let total = 0;
  let totalPoints = 0;
  let hardLessons = 0;
  const thr = c.hardThreshold;
  for (let i = 0; i < reps.length; i++) {
    const u = reps[i];
    const s = st.start[u];
    if (c.unitPoints[u] >= thr) hardLessons++;
    if (s < 0) continue;
    const d = (s / P) | 0;
    sums[d] += c.unitPoints[u] * c.unitDur[u];
    counts[d] += c.unitDur[u];
    total += c.unitDur[u];
    totalPoints += c.unitPoints[u];
    if (slotRep[s] < 0) slotRep[s] = u;
  }
  let peakDeficit = 0;
  let heaviestMonFri = false;
  if (totalPoints > 0 && D >= 3) {
    const tw = Math.max(sums[1], sums[2]);
    let other = 0;
    let maxDay = 0;
    for (let d = 0; d < D; d++) {
      if (d !== 1 && d !== 2 && sums[d] > other) other = sums[d];
      if (sums[d] > sums[maxDay]) maxDay = d;
    }
    peakDeficit = Math.max(0, other - tw + 1);
    heaviestMonFri = maxDay === 0 || maxDay === D - 1 || (D === 6 && maxDay === 4);
  }
  let hardFirstLast = 0;
  let inRowExcess = 0;
  let repeats = 0;
  let minCnt = Infinity;
  let maxCnt = 0;
  for (let d = 0; d < D; d++) {
    if (counts[d] < minCnt) minCnt = counts[d];
    if (counts[d] > maxCnt) maxCnt = counts[d];
    if (counts[d] === 0) continue;
    stampCounter++;
    let first = -1;
    let last = -1;
    let lastEnd = -1;
    let run = 0;
    let prevEnd = -1;
    let prevSubj = -1;
    for (let p = 0; p < P; p++) {
      const u = slotRep[d * P + p];
      if (u < 0) continue;
      if (first < 0) first = u;
      const end = p + c.unitDur[u];
      if (end >= lastEnd) {
        lastEnd = end;
        last = u;
      }
      const isHard = c.unitPoints[u] >= thr;
      run = isHard ? (p === prevEnd ? run + 1 : 1) : 0;
      if (run > 2) inRowExcess++;
      const subj = c.unitSubject[u];
      if (subjectStamp[subj] === stampCounter) {
        const asDouble = c.inst.subjects[subj].doubleAllowed && prevSubj === subj && prevEnd === p;
        if (!asDouble) repeats++;
      }
      subjectStamp[subj] = stampCounter;
      prevEnd = end;
      prevSubj = subj;
    }
    if (first >= 0 && c.unitPoints[first] >= thr) hardFirstLast++;
    if (last >= 0 && last !== first && c.unitPoints[last] >= thr) hardFirstLast++;
  }
  const minimal = total % D === 0 ? 0 : 1;
  const balanceExcess = Math.max(0, maxCnt - minCnt - minimal);
  const w = c.weights;
  const cost =
    w.difficultyPeak * peakDeficit +
    w.hardFirstLast * hardFirstLast +
    w.hardInARow * inRowExcess +
    w.sameSubjectTwice * repeats +
    w.dayBalance * balanceExcess;
  if (out) {
    out.daySums = Array.from(sums.subarray(0, D));
    out.dayLessons = Array.from(counts.subarray(0, D));
    out.peakDeficit = peakDeficit;
    out.peakOnTueWed = totalPoints > 0 && peakDeficit === 0;
    out.heaviestMonFri = heaviestMonFri;
    out.hardLessons = hardLessons;
    out.hardFirstLast = hardFirstLast;
    out.hardInARowExcess = inRowExcess;
    out.sameSubjectRepeats = repeats;
    out.balanceExcess = balanceExcess;
  }
  return cost;
}

export function classTerm(st: State, k: number, term: number, rec?: Recorder): number {
  const cost = analyseClass(st, k);
  if (rec && cost > 0) rec('sanpin', cost, false, term);
  return cost;
}
