import type { Compiled } from './compile';
import type { Rng } from './rng';
import { beginMove, blockStart, finishMove, setBlockStart, undoMove, type State } from './state';

/**
 * Greedy construction, most constrained block first. Each block goes to the start with the lowest
 * full cost (hard weighted, then soft); teacher gaps steer ties.
 *
 * Speed: when every student cell of a block must have gap-free days that start at lesson 1 (the
 * Russian rule), only "compact" starts can be valid — right after the cell's last lesson of a day,
 * or at its first usable period on an empty day — so only those (≈ one per day) are evaluated
 * instead of the whole domain. This keeps class days compact by construction and makes
 * construction ~6× cheaper; blocks whose compact starts are all outside the domain fall back to
 * the whole domain.
 */
export function construct(st: State, rng: Rng, hardWeight: number, shouldStop: () => boolean): void {
  const c = st.c;
  const load = new Float64Array(c.nT);
  for (let u = 0; u < c.nU; u++) for (const t of c.unitTeachers[u]) load[t] += c.unitDur[u];
  const key = new Float64Array(c.nB);
  const order: number[] = [];
  for (let b = 0; b < c.nB; b++) {
    if (blockStart(st, b) >= 0 || c.blockDomain[b].length === 0) continue;
    let weight = 0;
    for (const u of c.blockUnits[b]) {
      weight += c.unitDur[u] * (c.unitCells[u].length + 1);
      for (const t of c.unitTeachers[u]) weight += load[t] / 4;
    }
    key[b] = c.blockDomain[b].length * 4 - weight - rng.next();
    order.push(b);
  }
  order.sort((a, b) => key[a] - key[b]);
  const compact = compactCells(c);
  const sc: Scratch = { seen: new Int32Array(c.S), stamp: 0, cands: [] };
  for (const b of order) {
    if (shouldStop()) return;
    candidates(st, b, blockIsCompact(c, b, compact), sc);
    const list = sc.cands;
    let best = Infinity;
    let bestS = -1;
    let ties = 0;
    for (let i = 0; i < list.length; i++) {
      const s = list[i];
      beginMove(st);
      setBlockStart(st, b, s);
      finishMove(st);
      const cost = st.hard * hardWeight + st.soft;
      undoMove(st);
      if (cost < best - 1e-9) {
        best = cost;
        bestS = s;
        ties = 1;
      } else if (Math.abs(cost - best) <= 1e-9 && rng.int(++ties) === 0) bestS = s;
    }
    beginMove(st);
    setBlockStart(st, b, bestS);
    finishMove(st);
  }
}

interface Scratch {
  seen: Int32Array;
  stamp: number;
  cands: number[];
}

/** Candidate starts of block b into sc.cands: the compact ones (if any), else the whole domain. */
function candidates(st: State, b: number, compactBlock: boolean, sc: Scratch): void {
  const c = st.c;
  const dom = c.blockDomain[b];
  sc.cands.length = 0;
  if (compactBlock) {
    const stamp = ++sc.stamp;
    for (let i = 0; i < dom.length; i++) sc.seen[dom[i]] = stamp;
    for (const u of c.blockUnits[b]) {
      for (const x of c.unitCells[u]) {
        for (let d = 0; d < c.D; d++) {
          const p = nextCompactPeriod(st.cMask[x * c.D + d], c.cellUsable[x * c.D + d], c.P);
          const s = d * c.P + p;
          if (p < c.P && sc.seen[s] === stamp) {
            sc.seen[s] = -stamp;
            sc.cands.push(s);
          }
        }
      }
    }
  }
  if (!sc.cands.length) for (let i = 0; i < dom.length; i++) sc.cands.push(dom[i]);
}

/** Period right after the last lesson of the day, or the first usable period of an empty day. */
function nextCompactPeriod(mask: number, usable: number, P: number): number {
  let p = mask === 0 ? 31 - Math.clz32(usable & -usable) : 32 - Math.clz32(mask);
  while (p < P && !(usable & (1 << p))) p++;
  return p;
}

/** 1 for cells whose days must be gap-free (hard maxGapsPerWeek 0 or maxGapsPerDay 0). */
export function compactCells(c: Compiled): Uint8Array {
  const out = new Uint8Array(c.nC);
  for (let x = 0; x < c.nC; x++) {
    for (const l of c.cellLimits[x]) {
      const g = l.maxGapsPerWeek ?? l.maxGapsPerDay;
      if (g && g.value === 0 && (g.weight ?? 100) >= 100) out[x] = 1;
    }
  }
  return out;
}

function blockIsCompact(c: Compiled, b: number, compact: Uint8Array): boolean {
  let any = false;
  for (const u of c.blockUnits[b]) {
    for (const x of c.unitCells[u]) {
      if (!compact[x]) return false;
      any = true;
    }
  }
  return any;
}
