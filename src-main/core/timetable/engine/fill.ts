import { attempt, type Attempt } from './fillAttempt';
import { fillStatic } from './fillStatic';
import type { Rng } from './rng';
import { assignRoom, beginMove, blockStart, finishMove, setRoom, setStart, type State } from './state';

/**
 * Construction by filling the week slot by slot, for students whose days must be gap-free
 * (the Russian rule). At every (day, period) each group of students whose day is still open needs
 * exactly one lesson, so a slot is a matching of open groups to their remaining lessons with every
 * teacher and room used once. Lessons are chosen by urgency — a teacher whose remaining hours
 * nearly fill the slots they can still teach in, a lesson whose allowed starts are running out —
 * and a group left without a lesson takes one from another group that can switch (augmenting
 * paths over teachers). Day lengths follow the remaining hours; extra lessons go to Tue/Wed/Thu
 * first, where SanPiN wants the difficulty peak. Lessons left over are boosted and the week is
 * filled again ("squeaky wheel"); the best attempt is kept and what is still left goes to the
 * greedy construction and the local search.
 *
 * The block-by-block greedy can only append a lesson at the end of a class day and leaves 90–250
 * teacher clashes on the generated schools; the filled week leaves a handful or none.
 */
export interface FillOptions {
  /** Attempts with boosted leftovers (default 4); stops once at most 0.3 % of the blocks (≥ 1) are left. */
  attempts?: number;
  /** Order of the open groups at a slot: fewest fitting blocks (default) or fewest blocks left. */
  order?: 'options' | 'remaining';
}

export function fillConstruct(st: State, rng: Rng, opts: FillOptions = {}): number {
  const c = st.c;
  const fs = fillStatic(c);
  const blocks: number[] = [];
  for (const b of fs.blocks) if (blockStart(st, b) < 0) blocks.push(b);
  if (!blocks.length) return 0;
  const boost = new Float64Array(c.nB);
  let best: Attempt | null = null;
  const attempts = Math.max(1, opts.attempts ?? 4);
  for (let a = 0; a < attempts; a++) {
    const res = attempt(st, rng, fs, blocks, boost, (opts.order ?? 'options') === 'options');
    if (!best || res.leftover.length < best.leftover.length) best = res;
    // A leftover or two the greedy and the search place at once is cheaper than another attempt.
    if (best.leftover.length <= Math.max(1, Math.floor(blocks.length * 0.003))) break;
    for (const b of res.leftover) boost[b] += 1;
  }
  if (!best) return 0;
  load(st, blocks, best);
  return blocks.length - best.leftover.length;
}


/** Puts an attempt into the state: starts, then the reserved rooms; units without one try the usual assignment. */
function load(st: State, blocks: number[], res: Attempt): void {
  const c = st.c;
  beginMove(st);
  const auto = st.autoRooms;
  st.autoRooms = false;
  for (const b of blocks) {
    if (res.start[b] < 0) continue;
    const us = c.blockUnits[b];
    for (let i = 0; i < us.length; i++) setStart(st, us[i], res.start[b]);
  }
  for (const b of blocks) {
    if (res.start[b] < 0) continue;
    const us = c.blockUnits[b];
    for (let i = 0; i < us.length; i++) if (res.roomOf[us[i]] >= 0) setRoom(st, us[i], res.roomOf[us[i]]);
  }
  st.autoRooms = auto;
  for (const b of blocks) {
    if (res.start[b] < 0) continue;
    const us = c.blockUnits[b];
    for (let i = 0; i < us.length; i++) if (res.roomOf[us[i]] < 0 && c.unitRooms[us[i]].length) assignRoom(st, us[i]);
  }
  finishMove(st);
}
