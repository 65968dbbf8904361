import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { generateSchool, type SchoolSize } from '../../src-main/core/timetable/engine/generator/generator';
import type { WorkerMessage } from '../../src-main/core/timetable/engine/solverWorker';
import { runSolver, startSolverService } from '../../src-main/core/timetable/engine/worker';
import { newRange, sampleLoad, showRange } from './load';
import { median } from './stats';

/**
 * Where a request's time to its first valid timetable goes (npm run bench:timetable -- --profile):
 * the warm service's transfer (structured clone, queue), compile, construction, search to the first
 * valid timetable and the final evaluation, and the result's way back; then the one-off costs —
 * starting the service (worker, module load, V8 warm-up) and a cold worker per request.
 */
export async function profileTables(seeds: number): Promise<string> {
  const out: string[] = [];
  const t0 = performance.now();
  const service = startSolverService();
  await service.ready;
  const start = performance.now() - t0;
  const head = '| school | load avg | transfer ms | compile ms | construction ms | search ms | final evaluation ms | result back ms | request → first valid ms | its |';
  out.push(head, `|${head.split('|').slice(1, -1).map(() => '---').join('|')}|`);
  const now = (): number => performance.timeOrigin + performance.now();
  for (const size of ['S', 'M', 'L', 'XL'] as SchoolSize[]) {
    for (const hard of [false, true]) {
      const inst = generateSchool({ size, hard, seed: 1 });
      const cols: number[][] = Array.from({ length: 8 }, () => []);
      const load = newRange();
      for (let s = 1; s <= seeds; s++) {
        sampleLoad(load);
        const asked = now();
        let first = NaN;
        const r = await service.solve(inst, { seed: s, stopWhenValid: true, timeLimitMs: 60_000, onFirstValid: () => (first = now() - asked) }).result;
        const back = now();
        const t = r.timings;
        const got = t.receivedAt ?? asked;
        const done = got + t.compileMs + t.constructMs + t.searchMs + t.finishMs;
        [got - asked, t.compileMs, t.constructMs, t.searchMs, t.finishMs, back - done, first, r.firstValidIteration ?? NaN].forEach((v, i) => cols[i].push(v));
      }
      sampleLoad(load);
      const m = cols.map((c) => median(c));
      out.push(`| ${size}${hard ? '-hard' : ''} | ${showRange(load)} | ${m.slice(0, 7).map((x) => x.toFixed(0)).join(' | ')} | ${m[7].toFixed(0)} |`);
    }
  }
  await service.close();
  out.push('', `Service start (worker, module load, V8 warm-up on two generated schools), once per app session: ${(start / 1000).toFixed(2)} s.`);
  const cold: number[] = [];
  const inst = generateSchool({ size: 'S', seed: 1 });
  for (let s = 1; s <= Math.min(3, seeds); s++) {
    const a = performance.now();
    let first = NaN;
    await runSolver(inst, { seed: s, stopWhenValid: true, onFirstValid: () => (first = performance.now() - a) }).result;
    cold.push(first);
  }
  out.push(`Cold worker per request from sources (runSolver, tsx loads the engine in the worker), S: first valid after ${(median(cold) / 1000).toFixed(2)} s (median of ${cold.length}).`);
  out.push(`Cold worker per request from a bundle (as a built app would ship solverWorker.js), S: first valid after ${(median(await bundledCold(inst, Math.min(3, seeds))) / 1000).toFixed(2)} s.`);
  return out.join('\n');
}

/** Times a new worker on an esbuild bundle of solverWorker.ts: start, module load, solve to the first valid timetable. */
async function bundledCold(inst: ReturnType<typeof generateSchool>, n: number): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'solver-bundle-'));
  const file = join(dir, 'solverWorker.mjs');
  await build({ entryPoints: ['src-main/core/timetable/engine/solverWorker.ts'], bundle: true, platform: 'node', format: 'esm', outfile: file, logLevel: 'warning' });
  const times: number[] = [];
  for (let s = 1; s <= n; s++) {
    const a = performance.now();
    const worker = new Worker(file, { workerData: { instance: inst, options: { seed: s, stopWhenValid: true }, cancel: new SharedArrayBuffer(4) } });
    times.push(
      await new Promise<number>((resolve, reject) => {
        worker.on('message', (m: WorkerMessage) => {
          if (m.type === 'firstValid') resolve(performance.now() - a);
        });
        worker.on('error', reject);
      }),
    );
    await worker.terminate();
  }
  rmSync(dir, { recursive: true, force: true });
  return times;
}
