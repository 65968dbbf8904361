import type { State } from './stateTypes';

/**
 * Breakout: raises the weight of every currently violated term by `step` (and starts the weights
 * if needed), so the search is pushed off the violations it keeps returning to.
 */
export function raiseViolatedWeights(st: State, step: number): void {
  if (!st.termWeight) st.termWeight = new Float64Array(st.off.N).fill(1);
  const w = st.termWeight;
  let whard = 0;
  for (let t = 0; t < st.off.N; t++) {
    if (st.termHard[t] > 0) w[t] += step;
    whard += w[t] * st.termHard[t];
  }
  st.whard = whard;
}

/** The hard part of the cost the search minimises: weighted while breakout weights are on. */
export function hardCost(st: State): number {
  return st.termWeight ? st.whard : st.hard;
}

/** Back to plain counting (every weight 1). */
export function clearWeights(st: State): void {
  st.termWeight = null;
  st.whard = st.hard;
}
