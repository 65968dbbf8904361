import { describe, expect, it } from 'vitest';
import { compile } from '../../../src-main/core/timetable/engine/compile';
import { evaluate, stateToTimetable } from '../../../src-main/core/timetable/engine/evaluator';
import { generateSchool } from '../../../src-main/core/timetable/engine/generator/generator';
import { createRng } from '../../../src-main/core/timetable/engine/rng';
import {
  beginMove,
  createState,
  finishMove,
  recomputeAll,
  setBlockStart,
  undoMove,
} from '../../../src-main/core/timetable/engine/state';

describe('incremental evaluation', () => {
  it('matches a full recomputation after thousands of random moves and undos', () => {
    const c = compile(generateSchool({ size: 'S', hard: true, seed: 3 }));
    const st = createState(c, true);
    const rng = createRng(42);
    for (let i = 0; i < 4000; i++) {
      const b = rng.int(c.nB);
      const dom = c.blockDomain[b];
      if (!dom.length) continue;
      beginMove(st);
      setBlockStart(st, b, rng.next() < 0.05 ? -1 : dom[rng.int(dom.length)]);
      if (rng.next() < 0.3) {
        const b2 = rng.int(c.nB);
        if (c.blockDomain[b2].length) setBlockStart(st, b2, c.blockDomain[b2][0]);
      }
      finishMove(st);
      if (rng.next() < 0.4) undoMove(st);
      if (i % 500 === 0 || i === 3999) {
        const hard = st.hard;
        const soft = st.soft;
        recomputeAll(st);
        expect(st.hard).toBe(hard);
        expect(st.soft).toBeCloseTo(soft, 6);
        // The evaluation-mode state built from the exported timetable agrees as well.
        const ev = evaluate(c, stateToTimetable(st));
        expect(ev.hard).toBe(hard);
        expect(ev.soft).toBeCloseTo(soft, 6);
      }
    }
  });
});
