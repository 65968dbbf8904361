/**
 * Timetable benchmark: our solver against fet-cl (FET 6.8.5) with the same wall-clock budget.
 * Each pair runs concurrently — our solver in its worker thread, FET as a child process — so on
 * the 2-core machine each gets one core. FET's timetables are scored by our evaluator.
 *
 *   npm run bench:timetable -- --quick        (a few minutes)
 *   npm run bench:timetable                   (full, under 30 minutes)
 *   npm run bench:timetable -- --hard-real     (FET's difficult real files at 300 s; 2 seeds ≈ 30 min,
 *                                               --seeds=1 ≈ 15 min)
 *   npm run bench:timetable -- --only=Demo     (the demo school built from its own database, issue 15)
 *   options: --only=S,M,Lom,Demo  --seeds=N
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate } from '../src-main/core/timetable/engine/evaluator';
import { importFetActivities } from '../src-main/core/timetable/engine/fet/result';
import { fetAvailable, readFetOutput, runFet } from '../src-main/core/timetable/engine/fet/runFet';
import { generateSchool } from '../src-main/core/timetable/engine/generator/generator';
import { repair } from '../src-main/core/timetable/engine/repair';
import { solve } from '../src-main/core/timetable/engine/solver';
import { compile } from '../src-main/core/timetable/engine/compile';
import { createRng } from '../src-main/core/timetable/engine/rng';
import { runSolver } from '../src-main/core/timetable/engine/worker';
import { benchInstances, type BenchInstance, type Budgets } from './timetable/instances';
import { summarise, table, median, type RunRecord } from './timetable/stats';
import { demoRow } from './timetable/demoRow';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
// FET's difficult real files at the issue's 300 s budget: too long for the full run (3 files × 5
// seeds × 300 s), so a separate mode with fewer seeds. Both solvers stop at their first valid
// timetable here: the question is only whether (and when) one is found.
const hardReal = args.includes('--hard-real');
const arg = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const seeds = Number(arg('seeds') ?? (hardReal ? 2 : quick ? 2 : 5));
const only = arg('only')?.split(',') ?? (hardReal ? ['Medgidia', 'Ancona', 'Pireus'] : null);

const budgets: Budgets = hardReal
  ? { generated: { S: 300, M: 300, L: 300, XL: 300 }, fet: { Lom: 300, Medgidia: 300, Bethlen: 300, Ancona: 300, Pireus: 300 } }
  : quick
    ? { generated: { S: 3, M: 4, L: 6, XL: 12 }, fet: { Lom: 5, Medgidia: 8, Bethlen: 8, Ancona: 8, Pireus: 8 } }
    : { generated: { S: 8, M: 10, L: 15, XL: 30 }, fet: { Lom: 10, Medgidia: 40, Bethlen: 20, Ancona: 40, Pireus: 40 } };

const work = mkdtempSync(join(tmpdir(), 'bench-timetable-'));

async function runPair(bi: BenchInstance, seed: number, fetFile: string): Promise<{ ours: RunRecord; fet: RunRecord }> {
  const budgetMs = bi.budget * 1000;
  const oursP = runSolver(bi.instance, { seed, timeLimitMs: budgetMs, stopWhenValid: hardReal }).result.then(
    (r): RunRecord => ({
      valid: r.evaluation.valid,
      firstValidMs: r.firstValidMs,
      figures: r.evaluation.figures,
      // How close an invalid run got: the best timetable's hard violations by kind.
      note: r.evaluation.valid ? undefined : `ours best after ${bi.budget} s: ${r.evaluation.hard} hard ${JSON.stringify(r.evaluation.hardByKind)}`,
    }),
  );
  const outDir = join(work, `${bi.name.replace(/\W+/g, '_')}-${seed}`);
  const fetP = runFet({
    inputFile: fetFile,
    outputDir: outDir,
    timeLimitSeconds: bi.budget,
    seeds: [seed, seed + 1, seed + 2, seed + 3, seed + 4, seed + 5],
    minimalOutput: true,
  }).then((run): RunRecord => {
    if (!run.success) return { valid: false, firstValidMs: null, figures: null };
    const xml = readFetOutput(run, 'activities.xml');
    if (!xml) return { valid: false, firstValidMs: null, figures: null, note: 'нет activities.xml' };
    const imp = importFetActivities(xml, bi.instance, bi.unitOf);
    const ev = evaluate(bi.instance, imp.timetable);
    const note = ev.valid ? undefined : `FET success, our evaluator: ${JSON.stringify(ev.hardByKind)}`;
    return { valid: true, strictValid: ev.valid, firstValidMs: run.wallMs, figures: ev.figures, note };
  });
  const [ours, fet] = await Promise.all([oursP, fetP]);
  return { ours, fet };
}

function repairBench(): string {
  const inst = generateSchool({ size: 'L', seed: 1 });
  const base = solve(inst, { seed: 1, timeLimitMs: (quick ? 6 : 15) * 1000 });
  const c = compile(inst);
  const rng = createRng(7);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const changed: number[] = [];
  let valid = 0;
  const n = quick ? 5 : 10;
  for (let i = 0; i < n; i++) {
    // A typical drag in the grid: a lesson dropped onto another lesson of its class on another day.
    const p = base.timetable.placements[rng.int(base.timetable.placements.length)];
    const cls = c.unitClasses[c.lessonFirstUnit[c.lessonIdx.get(p.lessonId) ?? 0]][0];
    const targets = base.timetable.placements.filter((q) => {
      const v = c.lessonFirstUnit[c.lessonIdx.get(q.lessonId) ?? 0] + q.index;
      return q.day !== p.day && c.unitClasses[v][0] === cls && c.blockDomain[c.unitBlock[v]].length > 1;
    });
    if (!targets.length) continue;
    const t = targets[rng.int(targets.length)];
    const move = { lessonId: p.lessonId, index: p.index, day: t.day, period: t.period };
    // CPU time as well as wall time: on the shared machine wall time can be several × CPU time.
    const cpu0 = process.cpuUsage();
    const r = repair(inst, { timetable: base.timetable, move, seed: i + 1 });
    const cpu = process.cpuUsage(cpu0);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    times.push(r.elapsedMs);
    changed.push(r.changed);
    if (r.evaluation.valid) valid++;
  }
  return [
    `Repair on L (${n} single-lesson drags onto another lesson of the same class on another day; base valid: ${base.evaluation.valid}):`,
    `  time ms median ${Math.round(median(times))}, max ${Math.round(Math.max(...times))} (CPU ms median ${Math.round(median(cpuTimes))}, max ${Math.round(Math.max(...cpuTimes))}); other lessons changed median ${median(changed)}, max ${Math.max(...changed)}; valid after repair ${valid}/${n}`,
  ].join('\n');
}

async function main(): Promise<void> {
  if (!fetAvailable()) {
    console.error('fet-cl не найден (/usr/bin/fet-cl): установите пакет fet (apt-get install fet fet-data).');
    process.exit(1);
  }
  const list = benchInstances(budgets, only);
  console.log(`Load average at start: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores.`);
  console.log(`Timetable benchmark (${hardReal ? 'hard-real' : quick ? 'quick' : 'full'}): ${list.length} instances × ${seeds} seeds, FET 6.8.5 fet-cl vs our solver, one core each.`);
  const rows: Parameters<typeof table>[0] = [];
  const notes: string[] = [];
  for (const bi of list) {
    const fetFile = join(work, `${bi.name.replace(/\W+/g, '_')}.fet`);
    writeFileSync(fetFile, bi.fetXml);
    const ours: RunRecord[] = [];
    const fet: RunRecord[] = [];
    for (let s = 1; s <= seeds; s++) {
      const r = await runPair(bi, s, fetFile);
      ours.push(r.ours);
      fet.push(r.fet);
      if (r.fet.note) notes.push(`${bi.name} seed ${s}: ${r.fet.note}`);
      if (r.ours.note) notes.push(`${bi.name} seed ${s}: ${r.ours.note}`);
      process.stderr.write(`  ${bi.name} seed ${s}: ours ${r.ours.valid ? `valid ${Math.round(r.ours.firstValidMs ?? 0)} ms` : 'invalid'}, FET ${r.fet.valid ? `valid ${Math.round(r.fet.firstValidMs ?? 0)} ms` : 'failed'}\n`);
    }
    rows.push({ name: bi.name, budget: bi.budget, ours: summarise(ours, bi.budget), fet: summarise(fet, bi.budget), mark: bi.unsupportedHard ? ' *' : '' });
  }
  if (rows.length) {
    console.log('');
    console.log(table(rows));
  }
  console.log('');
  console.log('Time to first valid: ours = inside the solver (compile + construction + search); FET = fet-cl process wall time (it stops at the first complete timetable).');
  console.log('Quality columns are medians over valid runs; ours after the whole budget, FET at its first complete timetable (FET does not optimise).');
  if (rows.some((r) => r.mark)) console.log('* the file has hard FET constraints we do not support; our validity is measured without them.');
  for (const n of notes) console.log(`note: ${n}`);
  if (!hardReal && (!only || only.some((o) => o.toLowerCase() === 'demo'))) {
    // At least 3 seeds, one solver at a time (see demoRow.ts).
    console.log('');
    console.log(await demoRow(work, quick ? 30 : 60, Math.max(3, seeds), (s) => process.stderr.write(s)));
  }
  if (!hardReal && (!only || only.some((o) => o.toUpperCase().startsWith('L')))) {
    console.log('');
    console.log(repairBench());
  }
  console.log(`Load average at end: ${loadavg().map((x) => x.toFixed(1)).join(' ')}.`);
  rmSync(work, { recursive: true, force: true });
}

void main();
