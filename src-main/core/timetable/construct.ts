import type { Rng } from './rng';
import { beginMove, blockStart, finishMove, setBlockStart, undoMove, type State } from './state';

/**
 * Greedy construction, most constrained block first. Each block goes to the start with the lowest
 * full cost (hard weighted, then soft); since class gaps and late starts are hard terms, class days
 * fill compactly from the first lesson, and teacher gaps steer ties.
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
  for (const b of order) {
    if (shouldStop()) return;
    const dom = c.blockDomain[b];
    let best = Infinity;
    let bestS = -1;
    let ties = 0;
    for (let i = 0; i < dom.length; i++) {
      const s = dom[i];
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
