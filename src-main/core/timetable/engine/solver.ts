import { compile, type Compiled } from './compile';
import { construct } from './construct';
import { fillConstruct } from './fill';
import { evaluateState, loadTimetable, stateToTimetable, type Evaluation } from './evaluator';
import { computeFigures } from './figures';
import type { Timetable, TimetableInstance } from './model';
import { createRng } from './rng';
import { anneal } from './search';
import { beginMove, createState, finishMove, setBlockStart, setStart, type State } from './state';

export interface SolveOptions {
  seed?: number;
  /** Wall-clock budget; makes the result depend on machine speed. */
  timeLimitMs?: number;
  /** Deterministic budget (with a seed the run is reproducible exactly). */
  maxIterations?: number;
  /** Cost of one hard violation in units of soft penalty. */
  hardWeight?: number;
  /** Start from this timetable instead of an empty one (repair, warm start). */
  initial?: Timetable;
  /** Repair: units keep these starts unless moving them pays more than weights.change. */
  anchor?: Timetable;
  /** Stop as soon as a timetable without hard violations exists. */
  stopWhenValid?: boolean;
  /** Weight of soft figures while hard violations remain (repair keeps its change penalty alive). */
  feasibilitySoftWeight?: number;
  /** Scales the annealing temperature; small values make a repair conservative. */
  temperatureFactor?: number;
  /** Stop once valid and without improvement for this many iterations (repair). */
  stallIterations?: number;
  /**
   * First timetable: 'fill' (default) fills the week slot by slot for gap-free classes, then the
   * greedy places the rest; 'greedy' is the block-by-block greedy alone (the repair's choice too:
   * it starts from an existing timetable and has nothing left to fill).
   */
  construction?: 'fill' | 'greedy';
  /** Large-neighbourhood escape when the feasibility phase stalls (default false; see lns.ts). */
  lns?: boolean;
  /** Breakout weights on violations the stalled feasibility phase keeps returning to (default true). */
  breakout?: boolean;
  /** Exact repack of a day with a clash when the feasibility phase stalls (see dayRepack.ts). */
  repack?: boolean;
  /** Iterations per annealing cycle in the quality phase (default max(20 000, 60 × lessons)). */
  cycleIterations?: number;
  progressIntervalMs?: number;
  onProgress?: (p: SolveProgress) => void;
  /** Called once, as soon as a timetable without hard violations exists (the search goes on unless stopWhenValid). */
  onFirstValid?: (iteration: number) => void;
  shouldStop?: () => boolean;
}

export interface SolveProgress {
  phase: 'construct' | 'search' | 'done';
  iteration: number;
  elapsedMs: number;
  placed: number;
  units: number;
  hard: number;
  soft: number;
  teacherGaps: number;
  /** Share of classes with the difficulty peak on Tue/Wed (0..1). */
  peakTueWedShare: number;
  hardFirstLastShare: number;
}

export interface SolveResult {
  timetable: Timetable;
  evaluation: Evaluation;
  iterations: number;
  elapsedMs: number;
  /** Milliseconds until the first timetable with no hard violations, null if never. */
  firstValidMs: number | null;
  firstValidIteration: number | null;
  stopReason: 'valid' | 'iterations' | 'time' | 'cancelled';
  /** Where the time went (the benchmark's profile): compile, construction, search, final evaluation. */
  timings: SolveTimings;
}

export interface SolveTimings {
  compileMs: number;
  constructMs: number;
  searchMs: number;
  finishMs: number;
  /** Worker only: when the request reached the worker (epoch ms, performance.timeOrigin + now). */
  receivedAt?: number;
}

const DEFAULT_HARD_WEIGHT = 400;

export function solve(input: TimetableInstance | Compiled, opts: SolveOptions = {}): SolveResult {
  const t0 = performance.now();
  const c = 'nU' in input ? input : compile(input);
  const tCompiled = performance.now();
  const rng = createRng(opts.seed ?? 1);
  const hw = opts.hardWeight ?? DEFAULT_HARD_WEIGHT;
  const st = createState(c, true);
  const deadline = opts.timeLimitMs !== undefined ? t0 + opts.timeLimitMs : Infinity;
  const maxIter = opts.maxIterations ?? (opts.timeLimitMs !== undefined ? Number.MAX_SAFE_INTEGER : 200_000);
  let cancelled = false;
  let timedOut = false;
  let firstValidMs: number | null = null;
  let firstValidIteration: number | null = null;
  let validStop = false;
  const shouldStop = (): boolean => {
    if (opts.shouldStop?.()) cancelled = true;
    else if (performance.now() > deadline) timedOut = true;
    return cancelled || timedOut || validStop;
  };
  const markValid = (iteration: number, hard: number): void => {
    if (hard === 0 && firstValidMs === null) {
      firstValidMs = performance.now() - t0;
      firstValidIteration = iteration;
      if (opts.stopWhenValid) validStop = true;
      opts.onFirstValid?.(iteration);
    }
  };
  let lastProgress = -Infinity;
  const interval = opts.progressIntervalMs ?? 250;
  const progress = (phase: SolveProgress['phase'], iteration: number, s: State, force = false): void => {
    if (!opts.onProgress) return;
    const now = performance.now();
    if (!force && now - lastProgress < interval) return;
    lastProgress = now;
    const f = computeFigures(s);
    opts.onProgress({
      phase,
      iteration,
      elapsedMs: now - t0,
      placed: f.placed,
      units: f.units,
      hard: s.hard,
      soft: s.soft,
      teacherGaps: f.teacherGaps,
      peakTueWedShare: f.peakTueWedShare,
      hardFirstLastShare: f.hardFirstLastShare,
    });
  };

  if (opts.anchor) {
    st.anchor = new Int32Array(c.nU).fill(-1);
    for (const p of opts.anchor.placements) {
      const li = c.lessonIdx.get(p.lessonId);
      if (li !== undefined && p.index < c.inst.lessons[li].count)
        st.anchor[c.lessonFirstUnit[li] + p.index] = p.day * c.P + p.period;
    }
  }
  if (opts.initial) loadTimetable(st, opts.initial);
  beginMove(st);
  for (let u = 0; u < c.nU; u++) {
    // Locked units go to their lock first so construction plans around them — with the rest of their
    // block (the other group of a split lesson starts together with it): construction counts a block
    // whose first unit stands as placed, so a partner left out here would never be placed at all.
    if (c.unitLock[u] >= 0 && st.start[u] < 0) setBlockStart(st, c.unitBlock[u], c.unitLock[u]);
  }
  finishMove(st);
  progress('construct', 0, st, true);
  if ((opts.construction ?? 'fill') === 'fill') fillConstruct(st, rng);
  construct(st, rng, hw, shouldStop);
  const tConstructed = performance.now();
  markValid(0, st.hard);
  progress('search', 0, st, true);

  const res = anneal(st, rng, {
    hardWeight: hw,
    maxIterations: validStop ? 0 : maxIter,
    cycle: opts.cycleIterations ?? Math.max(20_000, c.nU * 60),
    feasibilitySoft: opts.feasibilitySoftWeight,
    temperatureFactor: opts.temperatureFactor,
    stallIterations: opts.stallIterations,
    lns: opts.lns,
    breakout: opts.breakout,
    repack: opts.repack,
    shouldStop,
    onIteration: (it, s) => progress('search', it, s),
    onBest: (it, hard) => markValid(it, hard),
  });
  const tSearched = performance.now();
  // Restore the best solution into the state.
  beginMove(st);
  for (let u = 0; u < c.nU; u++) if (st.start[u] !== res.bestStart[u]) setStart(st, u, res.bestStart[u]);
  finishMove(st);
  st.autoRooms = false;
  for (let u = 0; u < c.nU; u++) {
    if (st.room[u] !== res.bestRoom[u] && st.start[u] >= 0) {
      // Rooms of the best snapshot are consistent with its starts; put them back exactly.
      st.room[u] = res.bestRoom[u];
    }
  }
  const timetable = stateToTimetable(st);
  const evalState = createState(c, false);
  if (st.anchor) evalState.anchor = st.anchor;
  loadTimetable(evalState, timetable);
  const evaluation = evaluateState(evalState);
  progress('done', res.iterations, evalState, true);
  const stopReason = cancelled ? 'cancelled' : validStop ? 'valid' : timedOut ? 'time' : 'iterations';
  const end = performance.now();
  return {
    timings: {
      compileMs: tCompiled - t0,
      constructMs: tConstructed - tCompiled,
      searchMs: tSearched - tConstructed,
      finishMs: end - tSearched,
    },
    timetable,
    evaluation,
    iterations: res.iterations,
    elapsedMs: end - t0,
    firstValidMs,
    firstValidIteration,
    stopReason,
  };
}
