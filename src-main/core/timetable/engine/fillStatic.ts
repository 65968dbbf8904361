import type { Compiled } from './compile';
import { compactCells } from './construct';
import { hardMaxPerDay, onceAWeekAllowance } from './limits';
import type { Limits } from './model';

/**
 * What the slot-filling construction needs about an instance, built once per compiled instance.
 * Cells with exactly the same lessons, usable periods and limits are one "group": whatever covers
 * one covers all (a class whose every lesson is whole-class or a parallel split is one group), so
 * the week is filled per group instead of per cell.
 */
export interface FillStatic {
  /** Blocks whose every student cell must have gap-free days (the ones the fill places). */
  blocks: number[];
  bGroups: Int32Array[];
  bTeachers: Int32Array[];
  bDur: Int32Array;
  /** nB × S: 1 = allowed start. */
  allowed: Uint8Array;
  nG: number;
  /** A representative cell per group. */
  groupCell: Int32Array;
  groupBlocks: Int32Array[];
  /** Usable periods per group and day (as cellUsable). */
  groupUsable: Uint32Array;
  maxDay: Int32Array;
  allowance: Int32Array;
  /** Rank of each day for an extra lesson: Tue, Wed, Thu first (the SanPiN peak), then Mon, Fri, Sat. */
  dayRank: Int32Array;
  /** Hard teacher limits the fill keeps (Infinity = none): lessons a day, gaps a day / week, lessons in a row. */
  tMaxDay: Float64Array;
  tMaxGapsDay: Float64Array;
  tMaxGapsWeek: Float64Array;
  tMaxRun: Float64Array;
  /** Per block: other blocks sharing a min-days rule with it, the rule's days and weight (flattened triples). */
  bMinDays: Int32Array[];
}

function hardLimit(limits: Limits[], key: 'maxPerDay' | 'maxGapsPerDay' | 'maxGapsPerWeek' | 'maxContinuous'): number {
  let m = Infinity;
  for (const L of limits) {
    const l = L[key];
    if (l && (l.weight ?? 100) >= 100) m = Math.min(m, l.value);
  }
  return m;
}

const cache = new WeakMap<Compiled, FillStatic>();

export function fillStatic(c: Compiled): FillStatic {
  const hit = cache.get(c);
  if (hit) return hit;
  const { D, P, S, nB, nC } = c;
  const gapFree = compactCells(c);
  const cellUnits: number[][] = Array.from({ length: nC }, () => []);
  for (let u = 0; u < c.nU; u++) for (const x of c.unitCells[u]) cellUnits[x].push(u);
  const groupOf = new Int32Array(nC).fill(-1);
  const keys = new Map<string, number>();
  const groupCellArr: number[] = [];
  for (let x = 0; x < nC; x++) {
    if (!gapFree[x]) continue;
    const usable = Array.from(c.cellUsable.subarray(x * D, x * D + D)).join(',');
    const key = `${cellUnits[x].join(',')}|${usable}|${hardMaxPerDay(c.cellLimits[x])}|${onceAWeekAllowance(c.cellLimits[x])}`;
    let g = keys.get(key);
    if (g === undefined) {
      g = groupCellArr.length;
      keys.set(key, g);
      groupCellArr.push(x);
    }
    groupOf[x] = g;
  }
  const nG = groupCellArr.length;
  const groupCell = Int32Array.from(groupCellArr);

  const blocks: number[] = [];
  const bGroups: Int32Array[] = [];
  const bTeachers: Int32Array[] = [];
  const bDur = new Int32Array(nB);
  const allowed = new Uint8Array(nB * S);
  const groupBlocksArr: number[][] = Array.from({ length: nG }, () => []);
  const seenG = new Int32Array(nG).fill(-1);
  const seenT = new Int32Array(c.nT).fill(-1);
  for (let b = 0; b < nB; b++) {
    const groups: number[] = [];
    const teachers: number[] = [];
    let dur = 1;
    let ok = true;
    for (const u of c.blockUnits[b]) {
      dur = Math.max(dur, c.unitDur[u]);
      for (const x of c.unitCells[u]) {
        const g = groupOf[x];
        if (g < 0) ok = false;
        else if (seenG[g] !== b) {
          seenG[g] = b;
          groups.push(g);
        }
      }
      for (const t of c.unitTeachers[u]) {
        if (seenT[t] !== b) {
          seenT[t] = b;
          teachers.push(t);
        }
      }
    }
    bGroups.push(Int32Array.from(groups));
    bTeachers.push(Int32Array.from(teachers));
    bDur[b] = dur;
    for (const s of c.blockDomain[b]) allowed[b * S + s] = 1;
    if (ok && groups.length && c.blockDomain[b].length) {
      blocks.push(b);
      for (const g of groups) groupBlocksArr[g].push(b);
    }
  }
  const groupUsable = new Uint32Array(nG * D);
  const maxDay = new Int32Array(nG);
  const allowance = new Int32Array(nG);
  for (let g = 0; g < nG; g++) {
    const x = groupCell[g];
    for (let d = 0; d < D; d++) groupUsable[g * D + d] = c.cellUsable[x * D + d];
    const m = hardMaxPerDay(c.cellLimits[x]);
    maxDay[g] = m === Infinity ? P : m;
    allowance[g] = onceAWeekAllowance(c.cellLimits[x]);
  }
  const order = D >= 5 ? [1, 2, 3, 0, 4, 5, 6] : Array.from({ length: D }, (_, i) => i);
  const dayRank = new Int32Array(D);
  let i = 0;
  for (const d of order) if (d < D) dayRank[d] = i++;
  const tMaxDay = new Float64Array(c.nT);
  const tMaxGapsDay = new Float64Array(c.nT);
  const tMaxGapsWeek = new Float64Array(c.nT);
  const tMaxRun = new Float64Array(c.nT);
  for (let t = 0; t < c.nT; t++) {
    const L = c.teacherLimits[t];
    tMaxDay[t] = hardLimit(L, 'maxPerDay');
    tMaxGapsDay[t] = hardLimit(L, 'maxGapsPerDay');
    tMaxGapsWeek[t] = hardLimit(L, 'maxGapsPerWeek');
    tMaxRun[t] = hardLimit(L, 'maxContinuous');
  }
  const minDaysArr: number[][] = Array.from({ length: nB }, () => []);
  for (const rule of c.minDays) {
    for (const u of rule.units) {
      const b = c.unitBlock[u];
      for (const v of rule.units) {
        const b2 = c.unitBlock[v];
        if (b2 !== b) minDaysArr[b].push(b2, rule.minDays, Math.round(rule.weight));
      }
    }
  }
  const out: FillStatic = {
    blocks,
    bGroups,
    bTeachers,
    bDur,
    allowed,
    nG,
    groupCell,
    groupBlocks: groupBlocksArr.map((a) => Int32Array.from(a)),
    groupUsable,
    maxDay,
    allowance,
    dayRank,
    tMaxDay,
    tMaxGapsDay,
    tMaxGapsWeek,
    tMaxRun,
    bMinDays: minDaysArr.map((a) => Int32Array.from(a)),
  };
  cache.set(c, out);
  return out;
}
