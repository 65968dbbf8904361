import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { evaluate } from '../../src-main/core/timetable/engine/evaluator';
import { exportFet } from '../../src-main/core/timetable/engine/fet/export';
import { exportedUnitOf, importFetActivities } from '../../src-main/core/timetable/engine/fet/result';
import { readFetOutput, runFet } from '../../src-main/core/timetable/engine/fet/runFet';
import type { SolverService } from '../../src-main/core/timetable/engine/worker';
import { demoSchoolInstance } from './demoSchool';
import { summarise, type RunRecord } from './stats';

/**
 * The row «demo school from its own database» (issue 15): our solver and fet-cl on the `.fet`
 * exported from the same instance, the same budget, run one after the other (interleaved: ours,
 * FET, ours, FET…) so each has the machine to itself, with the 1-minute load average taken before
 * every run and shown beside the row. Ours is timed like the main table: from the request to the
 * warm solver service until its first-valid message.
 */
export async function demoRow(service: SolverService, work: string, budgetS: number, seeds: number, log: (s: string) => void): Promise<string> {
  const { instance, errors } = await demoSchoolInstance();
  if (errors.length) return `Demo school: the pre-check refused the instance: ${errors.slice(0, 3).join('; ')}`;
  const fet = exportFet(instance);
  const fetFile = join(work, 'demo-school.fet');
  writeFileSync(fetFile, fet.xml);
  const unitOf = exportedUnitOf(instance);
  const units = instance.lessons.reduce((n, l) => n + l.count, 0);
  const ours: RunRecord[] = [];
  const theirs: RunRecord[] = [];
  const loadOurs: number[] = [];
  const loadFet: number[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    loadOurs.push(loadavg()[0]);
    const t0 = performance.now();
    let firstValidMs: number | null = null;
    const r = await service.solve(instance, {
      seed,
      timeLimitMs: budgetS * 1000,
      onFirstValid: () => {
        firstValidMs = performance.now() - t0;
      },
    }).result;
    ours.push({ valid: r.evaluation.valid, firstValidMs, figures: r.evaluation.figures, note: r.evaluation.valid ? undefined : `${r.evaluation.hard} hard` });
    log(`  Demo seed ${seed}: ours ${r.evaluation.valid ? `valid ${Math.round(firstValidMs ?? 0)} ms` : 'invalid'} (load ${loadOurs.at(-1)!.toFixed(1)})\n`);
    loadFet.push(loadavg()[0]);
    const run = await runFet({ inputFile: fetFile, outputDir: join(work, `demo-${seed}`), timeLimitSeconds: budgetS, seeds: [seed, seed + 1, seed + 2, seed + 3, seed + 4, seed + 5], minimalOutput: true });
    const xml = run.success ? readFetOutput(run, 'activities.xml') : null;
    if (!xml) theirs.push({ valid: false, firstValidMs: null, figures: null });
    else {
      const ev = evaluate(instance, importFetActivities(xml, instance, unitOf).timetable);
      theirs.push({ valid: true, strictValid: ev.valid, firstValidMs: run.wallMs, figures: ev.figures, note: ev.valid ? undefined : JSON.stringify(ev.hardByKind) });
    }
    log(`  Demo seed ${seed}: FET ${run.success ? `valid ${Math.round(run.wallMs)} ms` : 'failed'} (load ${loadFet.at(-1)!.toFixed(1)})\n`);
  }
  const o = summarise(ours, budgetS);
  const f = summarise(theirs, budgetS);
  const avg = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1);
  const head = ['instance', 'budget s', 'valid ours', 'valid FET', 't1st valid s ours (med/max)', 't1st valid s FET (med/max)', 'teacher gaps ours', 'teacher gaps FET', 'class gaps ours', 'class gaps FET', 'Tue/Wed peak ours', 'Tue/Wed peak FET', 'hard 1st/last ours', 'hard 1st/last FET', 'load avg ours / FET'];
  const row = [`Demo school from its own database (${instance.classes.length} classes, ${units} lessons)`, budgetS, o.success, f.success, o.t1, f.t1, o.teacherGaps, f.teacherGaps, o.classGaps, f.classGaps, o.tueWed, f.tueWed, o.hardFirstLast, f.hardFirstLast, `${avg(loadOurs)} / ${avg(loadFet)}`];
  const notes = [...fet.notes.map((n) => `export note: ${n}`), ...theirs.filter((r) => r.note).map((r) => `FET by our rules: ${r.note}`)];
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, `| ${row.join(' | ')} |`, ...notes.map((n) => `note: ${n}`)].join('\n');
}
