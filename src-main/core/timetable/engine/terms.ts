import type { Limit, Limits } from './model';
import type { Recorder, State, ViolationKind } from './stateTypes';
import { classTerm as importedClassTerm } from './classTerm';

const classTerm = importedClassTerm;

export type { Recorder, ViolationKind } from './stateTypes';

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Free usable periods between the first and the last lesson of the day. */
export function gapsOf(m: number, usable: number): number {
  if (m === 0) return 0;
  const first = 31 - Math.clz32(m & -m);
  const last = 31 - Math.clz32(m);
  const span = (last === 31 ? 0xffffffff : (1 << (last + 1)) - 1) & ~((1 << first) - 1);
  return popcount(span & usable & ~m);
}

function longestRun(m: number): number {
  let n = 0;
  while (m) {
    m &= m << 1;
    n++;
  }
  return n;
}

/** Output of termCost; a shared object avoids allocating a pair per call in the hot loop. */
export const termResult = { hard: 0, soft: 0 };

// Accumulators as fields of one object: V8 updates a double field in place, while a module-level
// `let soft` is a context slot that boxes every new double (an allocation per term evaluation).
const acc = { hard: 0, soft: 0.5, softRuleWeight: 0.5 };
acc.soft = 0;

function charge(limit: Limit, amount: number, kind: ViolationKind, term: number, rec?: Recorder): void {
  chargeW(limit.weight ?? 100, amount, kind, term, rec);
}

/** charge() for a bare weight (no limit object to allocate in the hot path). */
function chargeW(w: number, amount: number, kind: ViolationKind, term: number, rec?: Recorder): void {
  if (amount <= 0) return;
  if (w >= 100) acc.hard += amount;
  else acc.soft += amount * w * acc.softRuleWeight;
  if (rec) rec(kind, amount, w >= 100, term);
}

/** Evaluates FET-like limits over one entity's day masks (teachers and student cells). */
function limitsCost(
  list: Limits[],
  masks: Uint32Array,
  usable: Uint32Array,
  base: number,
  D: number,
  term: number,
  rec?: Recorder,
): void {
  for (const L of list) {
    let days = 0;
    let gapsWeek = 0;
    let worstOnce = 0;
    let excessSum = 0;
    let secondStarts = 0;
    for (let d = 0; d < D; d++) {
      const m = masks[base + d];
      const cnt = popcount(m);
      if (cnt > 0) days++;
      if (L.maxPerDay && cnt > L.maxPerDay.value) {
        const ex = cnt - L.maxPerDay.value;
        excessSum += ex;
        if (L.maxPerDay.onceAWeek !== undefined && ex > worstOnce) worstOnce = ex;
      }
      if (L.minPerDay && (cnt > 0 || !L.minPerDay.allowEmptyDays) && cnt < L.minPerDay.value) {
        charge(L.minPerDay, L.minPerDay.value - cnt, 'minPerDay', term, rec);
      }
      if (L.maxGapsPerDay || L.maxGapsPerWeek) {
        const g = gapsOf(m, usable[base + d]);
        gapsWeek += g;
        if (L.maxGapsPerDay) charge(L.maxGapsPerDay, g - L.maxGapsPerDay.value, 'maxGapsPerDay', term, rec);
      }
      if (L.maxContinuous) charge(L.maxContinuous, longestRun(m) - L.maxContinuous.value, 'maxContinuous', term, rec);
      if (L.maxSecondPeriodStarts && m !== 0) {
        const u = usable[base + d];
        const first = m & -m;
        const p0 = u & -u;
        if (first !== p0) {
          const rest = u & ~p0;
          if ((rest & -rest) === first) secondStarts++;
          else charge(L.maxSecondPeriodStarts, 1, 'lateStart', term, rec);
        }
      }
    }
    if (L.maxPerDay && excessSum > 0) {
      let ex = excessSum;
      if (L.maxPerDay.onceAWeek !== undefined && worstOnce > 0) {
        const allowance = L.maxPerDay.onceAWeek - L.maxPerDay.value;
        ex -= Math.min(worstOnce, Math.max(0, allowance));
      }
      charge(L.maxPerDay, ex, 'maxPerDay', term, rec);
    }
    if (L.maxDays) charge(L.maxDays, days - L.maxDays.value, 'maxDays', term, rec);
    if (L.minDays) charge(L.minDays, L.minDays.value - days, 'minDays', term, rec);
    if (L.maxGapsPerWeek) charge(L.maxGapsPerWeek, gapsWeek - L.maxGapsPerWeek.value, 'maxGapsPerWeek', term, rec);
    if (L.maxSecondPeriodStarts)
      charge(L.maxSecondPeriodStarts, secondStarts - L.maxSecondPeriodStarts.value, 'lateStart', term, rec);
  }
}

let perDay = new Int32Array(7);

function tagRulesCost(
  st: State,
  rules: { rule: number; units: Int32Array }[],
  term: number,
  rec?: Recorder,
): void {
  const c = st.c;
  for (const tr of rules) {
    const rule = c.tagRules[tr.rule];
    if (perDay.length < c.D) perDay = new Int32Array(c.D);
    perDay.fill(0, 0, c.D);
    for (const u of tr.units) if (st.start[u] >= 0) perDay[(st.start[u] / c.P) | 0] += c.unitDur[u];
    for (let d = 0; d < c.D; d++)
      chargeW(rule.weight, perDay[d] - rule.max, 'tagMaxPerDay', term, rec);
  }
}

function teacherTerm(st: State, t: number, term: number, rec?: Recorder): void {
  const c = st.c;
  const w = c.weights;
  acc.hard += st.tClash[t];
  if (rec && st.tClash[t]) rec('teacherClash', st.tClash[t], true, term);
  const base = t * c.D;
  let un = 0;
  let und = 0;
  for (let d = 0; d < c.D; d++) {
    const m = st.tMask[base + d];
    if (m === 0) continue;
    const g = gapsOf(m, c.teacherUsable[base + d]);
    acc.soft += g * w.teacherGap + Math.max(0, g - 1) * w.teacherGapDayExcess;
    if (rec && g) rec('teacherGaps', g, false, term);
    un += popcount(m & c.teacherUnavMask[base + d]);
    und += popcount(m & c.teacherUndesMask[base + d]);
  }
  acc.hard += un;
  acc.soft += und * w.teacherUndesired;
  if (rec && un) rec('teacherUnavailable', un, true, term);
  if (rec && und) rec('teacherUndesired', und, false, term);
  limitsCost(c.teacherLimits[t], st.tMask, c.teacherUsable, base, c.D, term, rec);
  if (c.teacherTagRules[t].length) tagRulesCost(st, c.teacherTagRules[t], term, rec);
}

function cellTerm(st: State, x: number, term: number, rec?: Recorder): void {
  const c = st.c;
  acc.hard += st.cClash[x];
  if (rec && st.cClash[x]) rec('studentClash', st.cClash[x], true, term);
  const base = x * c.D;
  let un = 0;
  for (let d = 0; d < c.D; d++) un += popcount(st.cMask[base + d] & c.cellUnavMask[base + d]);
  acc.hard += un;
  if (rec && un) rec('studentUnavailable', un, true, term);
  limitsCost(c.cellLimits[x], st.cMask, c.cellUsable, base, c.D, term, rec);
  for (const u of c.cellEndsUnits[x]) {
    const s = st.start[u];
    if (s < 0) continue;
    const d = (s / c.P) | 0;
    const end = s - d * c.P + c.unitDur[u];
    const after = st.cMask[base + d] >>> end;
    if (after !== 0) chargeW(c.unitEndsDayWeight[u], 1, 'endsDay', term, rec);
  }
  if (c.cellTagRules[x].length) tagRulesCost(st, c.cellTagRules[x], term, rec);
}

function roomTerm(st: State, r: number, term: number, rec?: Recorder): void {
  const c = st.c;
  acc.hard += st.rClash[r];
  if (rec && st.rClash[r]) rec('roomClash', st.rClash[r], true, term);
  let un = 0;
  for (let d = 0; d < c.D; d++) un += popcount(st.rMask[r * c.D + d] & c.roomUnavMask[r * c.D + d]);
  acc.hard += un;
  if (rec && un) rec('roomUnavailable', un, true, term);
}

function unitTerm(st: State, u: number, term: number, rec?: Recorder): void {
  const c = st.c;
  const s = st.start[u];
  if (s < 0) return put('unplaced', 1, 0, term, rec);
  if (!c.unitAllowed[u * c.S + s]) put('notAllowedTime', 1, 0, term, rec);
  if (c.unitLock[u] >= 0 && c.unitLock[u] !== s) put('lock', 1, 0, term, rec);
  const cands = c.unitRooms[u];
  const r = st.room[u];
  if (c.unitNeedsRoom[u]) {
    if (r < 0) put('roomMissing', 1, 0, term, rec);
    else {
      const idx = cands.indexOf(r);
      if (idx < 0) {
        const cap = c.inst.rooms[r].capacity;
        put(cap !== undefined && cap < c.unitHeadcount[u] ? 'roomCapacity' : 'roomNotAllowed', 1, 0, term, rec);
      }
      else if (idx > 0) put('roomPreference', 0, c.weights.roomPreference, term, rec);
      if (c.unitLockRoom[u] >= 0 && c.unitLockRoom[u] !== r) put('lock', 1, 0, term, rec);
    }
  }
  const pw = c.unitPreferredWeight[u];
  if (pw > 0 && !c.unitPreferred[u * c.S + s]) {
    if (pw >= 100) put('preferredTime', 1, 0, term, rec);
    else put('preferredTime', 0, pw * c.weights.softRule, term, rec);
  }
  if (st.anchor && st.anchor[u] >= 0 && st.anchor[u] !== s) put('changed', 0, c.weights.change, term, rec);
}

function put(kind: ViolationKind, h: number, s: number, term: number, rec?: Recorder): void {
  acc.hard += h;
  acc.soft += s;
  if (rec) rec(kind, h || 1, h > 0, term);
}

function blockTerm(st: State, b: number, term: number, rec?: Recorder): void {
  const units = st.c.blockUnits[b];
  if (units.length < 2) return;
  const s0 = st.start[units[0]];
  let broken = 0;
  for (let i = 1; i < units.length; i++) {
    const s = st.start[units[i]];
    if (s >= 0 && s0 >= 0 && s !== s0) broken++;
  }
  acc.hard += broken;
  if (rec && broken) rec('parallelBroken', broken, true, term);
}

function minDaysTerm(st: State, m: number, term: number, rec?: Recorder): void {
  const c = st.c;
  const rule = c.minDays[m];
  let v = 0;
  const us = rule.units;
  for (let i = 0; i < us.length; i++) {
    const si = st.start[us[i]];
    if (si < 0) continue;
    const di = (si / c.P) | 0;
    for (let j = i + 1; j < us.length; j++) {
      const sj = st.start[us[j]];
      if (sj < 0) continue;
      const dj = (sj / c.P) | 0;
      if (Math.abs(di - dj) < rule.minDays) {
        v++;
        if (rule.consecutive && di === dj && si + c.unitDur[us[i]] !== sj && sj + c.unitDur[us[j]] !== si) v++;
      }
    }
  }
  chargeW(rule.weight, v, 'minDaysBetween', term, rec);
}

function sameStartTerm(st: State, m: number, term: number, rec?: Recorder): void {
  const rule = st.c.sameStart[m];
  const s0 = st.start[rule.units[0]];
  let v = 0;
  for (let i = 1; i < rule.units.length; i++) if (st.start[rule.units[i]] !== s0) v++;
  chargeW(rule.weight, v, 'sameStart', term, rec);
}

/** Computes one term into termResult. */
export function termCost(st: State, term: number, rec?: Recorder): void {
  acc.hard = 0;
  acc.soft = 0;
  acc.softRuleWeight = st.c.weights.softRule;
  const o = st.off;
  if (term < o.C) teacherTerm(st, term, term, rec);
  else if (term < o.R) cellTerm(st, term - o.C, term, rec);
  else if (term < o.K) roomTerm(st, term - o.R, term, rec);
  else if (term < o.U) acc.soft += classTerm(st, term - o.K, term, rec);
  else if (term < o.B) unitTerm(st, term - o.U, term, rec);
  else if (term < o.M) blockTerm(st, term - o.B, term, rec);
  else if (term < o.SS) minDaysTerm(st, term - o.M, term, rec);
  else sameStartTerm(st, term - o.SS, term, rec);
  termResult.hard = acc.hard;
  termResult.soft = acc.soft;
}
