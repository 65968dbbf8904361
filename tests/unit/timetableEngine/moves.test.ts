import { describe, expect, it } from 'vitest';
import { compile, type Compiled } from '../../../src-main/core/timetable/engine/compile';
import { construct } from '../../../src-main/core/timetable/engine/construct';
import { evaluate, stateToTimetable } from '../../../src-main/core/timetable/engine/evaluator';
import { fillConstruct } from '../../../src-main/core/timetable/engine/fill';
import { generateSchool } from '../../../src-main/core/timetable/engine/generator/generator';
import { lnsStats, lnsStep } from '../../../src-main/core/timetable/engine/lns';
import { bestRelocate, buildMoves, kempe, relocate, swap } from '../../../src-main/core/timetable/engine/neighbourhood';
import { sanpinSwap } from '../../../src-main/core/timetable/engine/sanpinMoves';
import { hardCost, raiseViolatedWeights } from '../../../src-main/core/timetable/engine/breakout';
import { createRng } from '../../../src-main/core/timetable/engine/rng';
import { createState, recomputeAll, undoMove, type State } from '../../../src-main/core/timetable/engine/state';

/** The incremental cost must equal a full recomputation, and an independent evaluation of the timetable. */
function expectConsistent(c: Compiled, st: State): void {
  const hard = st.hard;
  const soft = st.soft;
  const whard = hardCost(st);
  recomputeAll(st);
  expect(st.hard).toBe(hard);
  expect(st.soft).toBeCloseTo(soft, 6);
  expect(hardCost(st)).toBeCloseTo(whard, 6);
  const ev = evaluate(c, stateToTimetable(st));
  expect(ev.hard).toBe(hard);
  expect(ev.soft).toBeCloseTo(soft, 6);
}

describe('every move keeps the incremental evaluation exact', () => {
  it.each([
    ['S-hard', generateSchool({ size: 'S', hard: true, seed: 5 })],
    ['L (two shifts)', generateSchool({ size: 'L', seed: 2 })],
  ])('%s: fill, greedy, relocate, swap, Kempe, SanPiN swap, best relocation and LNS with random undo', (_name, inst) => {
    const c = compile(inst);
    const st = createState(c, true);
    const rng = createRng(11);
    fillConstruct(st, rng);
    expectConsistent(c, st);
    construct(st, rng, 400, () => false);
    expectConsistent(c, st);
    const mv = buildMoves(c);
    expect(mv.profiled.length).toBeGreaterThan(0);
    const tried = { relocate: 0, swap: 0, kempe: 0, sanpin: 0, best: 0, lns: 0 };
    for (let i = 0; i < 3000; i++) {
      const b = mv.movable[rng.int(mv.movable.length)];
      const r = rng.next();
      let moved = false;
      if (r < 0.15) moved = relocate(st, rng, b) && ++tried.relocate > 0;
      else if (r < 0.3) moved = swap(st, mv, rng, b, r < 0.25) && ++tried.swap > 0;
      else if (r < 0.45) moved = kempe(st, mv, rng, b, c.maxDur) && ++tried.kempe > 0;
      else if (r < 0.95) moved = sanpinSwap(st, mv, rng, mv.profiled[rng.int(mv.profiled.length)]) && ++tried.sanpin > 0;
      else if (r < 0.99) moved = bestRelocate(st, b, 400, 1, rng) && ++tried.best > 0;
      else {
        lnsStep(st, mv, rng, { hardWeight: 1, softWeight: 0.01, nodeLimit: 40, acceptEqual: true });
        tried.lns++;
      }
      if (moved && rng.next() < 0.5) undoMove(st);
      // Breakout weights on the violations of the moment: the weighted sum must stay exact too.
      if (i % 300 === 150) raiseViolatedWeights(st, 1 + rng.int(3));
      if (i % 250 === 0) expectConsistent(c, st);
    }
    expectConsistent(c, st);
    for (const n of Object.values(tried)) expect(n).toBeGreaterThan(0);
  });

  it('LNS lowers or keeps the cost of a timetable with many clashes, exactly accounted', () => {
    const c = compile(generateSchool({ size: 'M', hard: true, seed: 2 }));
    const st = createState(c, true);
    const rng = createRng(3);
    construct(st, rng, 400, () => false);
    const mv = buildMoves(c);
    const steps = lnsStats.steps;
    let cost = st.hard * 1 + st.soft * 0.01;
    expect(st.hard).toBeGreaterThan(20);
    for (let i = 0; i < 30; i++) {
      lnsStep(st, mv, rng, { hardWeight: 1, softWeight: 0.01, nodeLimit: 200, acceptEqual: false });
      const now = st.hard * 1 + st.soft * 0.01;
      expect(now).toBeLessThanOrEqual(cost + 1e-9);
      cost = now;
      expectConsistent(c, st);
    }
    expect(lnsStats.steps - steps).toBe(30);
    expect(lnsStats.better).toBeGreaterThan(0);
  });
});
