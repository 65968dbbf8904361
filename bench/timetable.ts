/**
 * Timetable benchmark: our solver against fet-cl (FET 6.8.5) with the same wall-clock budget.
 *
 * Counted the same way on both sides: FET's time is its process from start to exit (it stops at
 * its first complete timetable); ours is from the request to the warm solver service (the app
 * keeps one: worker started and V8 warmed up once) until its first-valid message arrives — the
 * instance transfer, compile, construction and search are inside. A separate table gives the cold
 * path (a new worker per request). Runs are interleaved — ours, FET, ours, FET … — never
 * concurrent, so both sides see the same machine; the 1-minute load average is sampled around
 * every run and a row whose load moved a lot prints no time comparison. FET's timetables are
 * scored by our evaluator.
 *
 *   npm run bench:timetable -- --quick        (a few minutes)
 *   npm run bench:timetable                   (full, ≈ 40 minutes)
 *   npm run bench:timetable -- --hard-real     (FET's difficult real files at 300 s, both stop at
 *                                               their first valid timetable; 2 seeds ≈ 40 min)
 *   npm run bench:timetable -- --only=Demo     (the demo school built from its own database, issue 15)
 *   npm run bench:timetable -- --only=Edit     (hand editing on the demo school: live check, «Исправить», issue 16)
 *   npm run bench:timetable -- --profile       (where the time to the first valid timetable goes)
 *   options: --only=S,M,Lom,Demo  --seeds=N  --school-seed=N (generated schools never tuned on)
 *            --repack (our side with the exact day repack / day transfer escape, see engine/dayTransfer.ts)
 *            --no-cold (skip the cold-start table)  --no-repair
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate } from '../src-main/core/timetable/engine/evaluator';
import { importFetActivities } from '../src-main/core/timetable/engine/fet/result';
import { fetAvailable, readFetOutput, runFet } from '../src-main/core/timetable/engine/fet/runFet';
import { generateSchool } from '../src-main/core/timetable/engine/generator/generator';
import { repair } from '../src-main/core/timetable/engine/repair';
import { solve } from '../src-main/core/timetable/engine/solver';
import { compile } from '../src-main/core/timetable/engine/compile';
import { createRng } from '../src-main/core/timetable/engine/rng';
import { runSolver, startSolverService, type SolverService } from '../src-main/core/timetable/engine/worker';
import { benchInstances, type BenchInstance, type Budgets } from './timetable/instances';
import { loadLine, newRange, sampleLoad, showRange, steady, type LoadRange } from './timetable/load';
import { profileTables } from './timetable/profile';
import { summarise, table, median, type Row, type RunRecord } from './timetable/stats';
import { demoRow } from './timetable/demoRow';
import { editRow } from './timetable/editRow';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const hardReal = args.includes('--hard-real');
const arg = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const seeds = Number(arg('seeds') ?? (hardReal ? 2 : quick ? 2 : 5));
const schoolSeed = Number(arg('school-seed') ?? 1);
const only = arg('only')?.split(',') ?? (hardReal ? ['Medgidia', 'Bethlen', 'Ancona', 'Pireus'] : null);

const budgets: Budgets = hardReal
  ? { generated: { S: 300, M: 300, L: 300, XL: 300 }, fet: { Lom: 300, Medgidia: 300, Bethlen: 300, Ancona: 300, Pireus: 300 } }
  : quick
    ? { generated: { S: 3, M: 4, L: 6, XL: 12 }, fet: { Lom: 5, Medgidia: 8, Bethlen: 8, Ancona: 8, Pireus: 8 } }
    : { generated: { S: 8, M: 10, L: 15, XL: 30 }, fet: { Lom: 10, Medgidia: 40, Bethlen: 20, Ancona: 40, Pireus: 40 } };

const work = mkdtempSync(join(tmpdir(), 'bench-timetable-'));

async function runOurs(service: SolverService, bi: BenchInstance, seed: number): Promise<RunRecord> {
  const t0 = performance.now();
  let firstValid: number | null = null;
  const r = await service.solve(bi.instance, {
    seed,
    timeLimitMs: bi.budget * 1000,
    stopWhenValid: hardReal,
    // Opt-in escape (issue 25): exact day repack and day transfer when the feasibility phase stalls.
    repack: args.includes('--repack'),
    onFirstValid: () => {
      firstValid = performance.now() - t0;
    },
  }).result;
  return {
    valid: r.evaluation.valid,
    firstValidMs: firstValid,
    figures: r.evaluation.figures,
    // How close an invalid run got: the best timetable's hard violations by kind.
    note: r.evaluation.valid ? undefined : `ours best after ${bi.budget} s: ${r.evaluation.hard} hard ${JSON.stringify(r.evaluation.hardByKind)}`,
  };
}

async function runTheirs(bi: BenchInstance, seed: number, fetFile: string): Promise<RunRecord> {
  const outDir = join(work, `${bi.name.replace(/\W+/g, '_')}-${seed}`);
  const run = await runFet({
    inputFile: fetFile,
    outputDir: outDir,
    timeLimitSeconds: bi.budget,
    seeds: [seed, seed + 1, seed + 2, seed + 3, seed + 4, seed + 5],
    minimalOutput: true,
  });
  const xml = readFetOutput(run, 'activities.xml');
  if (!run.success) {
    // A partial timetable (NAME-highest) is scored too: how far FET got.
    if (!xml) return { valid: false, firstValidMs: null, figures: null };
    const ev = evaluate(bi.instance, importFetActivities(xml, bi.instance, bi.unitOf).timetable);
    return { valid: false, firstValidMs: null, figures: null, note: `FET partial: ${ev.figures.placed}/${ev.figures.units} placed, ${ev.hard} hard` };
  }
  if (!xml) return { valid: false, firstValidMs: null, figures: null, note: 'нет activities.xml' };
  const ev = evaluate(bi.instance, importFetActivities(xml, bi.instance, bi.unitOf).timetable);
  const note = ev.valid ? undefined : `FET success, our evaluator: ${JSON.stringify(ev.hardByKind)}`;
  return { valid: true, strictValid: ev.valid, firstValidMs: run.wallMs, figures: ev.figures, note };
}

/** The cold path: a new worker per request (start, module load, V8 warm-up all inside). */
async function coldTable(list: BenchInstance[]): Promise<string> {
  const lines = ['| instance | load avg | cold: new worker → first valid s (median / max of 3) |', '|---|---|---|'];
  for (const bi of list.filter((b) => /^(S|M|L|XL)( |$)/.test(b.name))) {
    const load = newRange();
    const cold: number[] = [];
    for (let s = 1; s <= 3; s++) {
      sampleLoad(load);
      const t0 = performance.now();
      let t = NaN;
      await runSolver(bi.instance, { seed: s, stopWhenValid: true, timeLimitMs: bi.budget * 1000, onFirstValid: () => (t = performance.now() - t0) }).result;
      cold.push(t);
    }
    sampleLoad(load);
    const t = steady(load) ? `${(median(cold) / 1000).toFixed(2)} / ${(Math.max(...cold) / 1000).toFixed(2)}` : 'load changed';
    lines.push(`| ${bi.name} | ${showRange(load)}${steady(load) ? '' : ' ⚠'} | ${t} |`);
  }
  return lines.join('\n');
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
  const load = newRange();
  for (let i = 0; i < n; i++) {
    sampleLoad(load);
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
  sampleLoad(load);
  return [
    `Repair on L (${n} single-lesson drags onto another lesson of the same class on another day; base valid: ${base.evaluation.valid}; load avg ${showRange(load)}):`,
    `  time ms median ${Math.round(median(times))}, max ${Math.round(Math.max(...times))} (CPU ms median ${Math.round(median(cpuTimes))}, max ${Math.round(Math.max(...cpuTimes))}); other lessons changed median ${median(changed)}, max ${Math.max(...changed)}; valid after repair ${valid}/${n}`,
  ].join('\n');
}

async function main(): Promise<void> {
  if (!fetAvailable()) {
    console.error('fet-cl не найден (/usr/bin/fet-cl): установите пакет fet (apt-get install fet fet-data).');
    process.exit(1);
  }
  console.log(`Load average at start: ${loadLine()}.`);
  if (args.includes('--profile')) {
    console.log(await profileTables(Number(arg('seeds') ?? 5)));
    console.log(`Load average at end: ${loadLine()}.`);
    return;
  }
  if (only?.some((o) => o.toLowerCase() === 'edit')) {
    console.log(await editRow((s) => process.stderr.write(s), quick ? 5 : 10));
    console.log(`Load average at end: ${loadLine()}.`);
    return;
  }
  const list = benchInstances(budgets, only, schoolSeed);
  const ts = performance.now();
  const service = startSolverService();
  await service.ready;
  console.log(`Solver service started and warmed up in ${((performance.now() - ts) / 1000).toFixed(1)} s (once per app session).`);
  console.log(`Timetable benchmark (${hardReal ? 'hard-real' : quick ? 'quick' : 'full'}${args.includes('--repack') ? ', ours with --repack' : ''}): ${list.length} instances × ${seeds} seeds, FET 6.8.5 fet-cl vs our solver, runs interleaved (never concurrent).`);
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const bi of list) {
    const fetFile = join(work, `${bi.name.replace(/\W+/g, '_')}.fet`);
    writeFileSync(fetFile, bi.fetXml);
    const ours: RunRecord[] = [];
    const fet: RunRecord[] = [];
    const load: LoadRange = newRange();
    for (let s = 1; s <= seeds; s++) {
      const l0 = sampleLoad(load);
      const o = await runOurs(service, bi, s);
      const l1 = sampleLoad(load);
      const f = await runTheirs(bi, s, fetFile);
      const l2 = sampleLoad(load);
      ours.push(o);
      fet.push(f);
      if (f.note) notes.push(`${bi.name} seed ${s}: ${f.note}`);
      if (o.note) notes.push(`${bi.name} seed ${s}: ${o.note}`);
      process.stderr.write(
        `  ${bi.name} seed ${s}: ours ${o.valid ? `valid ${Math.round(o.firstValidMs ?? 0)} ms` : 'invalid'} (load ${l0.toFixed(1)}), FET ${f.valid ? `valid ${Math.round(f.firstValidMs ?? 0)} ms` : 'failed'} (load ${l1.toFixed(1)}–${l2.toFixed(1)})\n`,
      );
    }
    rows.push({ name: bi.name, budget: bi.budget, ours: summarise(ours, bi.budget), fet: summarise(fet, bi.budget), mark: bi.unsupportedHard ? ' *' : '', load });
  }
  if (rows.length) {
    console.log('');
    console.log(table(rows));
  }
  console.log('');
  console.log('Time to first valid: ours = request to the warm solver service → its first-valid message (transfer, compile, construction, search); FET = fet-cl process wall time (it stops at its first complete timetable). ⚠ = the load average moved too much during the row: no time comparison.');
  console.log('Quality columns are medians over valid runs; ours after the whole budget, FET at its first complete timetable (FET does not optimise).');
  if (rows.some((r) => r.mark)) console.log('* the file has hard FET constraints we do not support; our validity is measured without them.');
  for (const n of notes) console.log(`note: ${n}`);
  if (!hardReal && !args.includes('--no-cold')) {
    console.log('');
    console.log(await coldTable(list));
  }
  if (!hardReal && (!only || only.some((o) => o.toLowerCase() === 'demo'))) {
    // At least 3 seeds, one solver at a time (see demoRow.ts).
    console.log('');
    console.log(await demoRow(service, work, quick ? 30 : 60, Math.max(3, seeds), (s) => process.stderr.write(s)));
  }
  await service.close();
  if (!hardReal && !args.includes('--no-repair') && (!only || only.some((o) => o.toUpperCase().startsWith('L')))) {
    console.log('');
    console.log(repairBench());
  }
  console.log(`Load average at end: ${loadLine()}.`);
  rmSync(work, { recursive: true, force: true });
}

void main();
