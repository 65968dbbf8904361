import { compile } from '../../src-main/core/timetable/engine/compile';
import { createProbe, type UnitMove } from '../../src-main/core/timetable/engine/probe';
import { inspect } from '../../src-main/core/timetable/engine/report';
import { createRng } from '../../src-main/core/timetable/engine/rng';
import { solve } from '../../src-main/core/timetable/engine/solver';
import type { Timetable } from '../../src-main/core/timetable/engine/model';
import { repairProposal } from '../../src-main/core/timetable/repairService';
import { demoSchoolInstance } from './demoSchool';
import { newRange, sampleLoad, showRange } from './load';
import { median } from './stats';

/**
 * Hand editing on the demo school (issue 16): a valid timetable of the demo school as the app
 * builds it, then (1) the live check of a drag — every start of a lesson probed by the incremental
 * evaluator, as `timetable.edit.targets` does — and (2) «Исправить» — a lesson dropped onto another
 * lesson of its class on another day (a hard conflict), repaired by the same pipeline the app runs
 * (`repairProposal`: the fewest-moves search, else the engine repair and the minimising pass; rooms
 * settled), side by side with the pipeline before the fewest-moves search (A/B alternated). Wall
 * and CPU time, lessons the repair moved besides the dropped one, and the load average beside each.
 */
export async function editRow(log: (s: string) => void, drags = 10): Promise<string> {
  const { instance, errors } = await demoSchoolInstance();
  if (errors.length) return `Edit: the pre-check refused the demo school: ${errors.slice(0, 3).join('; ')}`;
  const c = compile(instance);
  const base = solve(c, { seed: 1, timeLimitMs: 60_000, stopWhenValid: true });
  if (!base.evaluation.valid) return `Edit: no valid base timetable of the demo school in 60 s (${base.evaluation.hard} hard)`;
  const rng = createRng(11);
  const probe = createProbe(c, base.timetable);
  const perLesson: number[] = [];
  const perTarget: number[] = [];
  const checkLoad = newRange();
  const free = (u: number) => !instance.lessons[c.unitLesson[u]].allowedStarts;
  for (let i = 0; i < drags; i++) {
    sampleLoad(checkLoad);
    let u = rng.int(c.nU);
    while (!free(u)) u = rng.int(c.nU);
    const units = Array.from(c.blockUnits[c.unitBlock[u]]);
    const t0 = performance.now();
    let n = 0;
    for (let s = 0; s < c.S; s++) {
      if ((s % c.P) + c.unitDur[u] > c.P) continue;
      const moves: UnitMove[] = units.map((x) => ({ unit: x, start: s, room: probe.room(x) }));
      probe.tryMoves(moves);
      n++;
    }
    const ms = performance.now() - t0;
    perLesson.push(ms);
    perTarget.push(ms / n);
  }
  sampleLoad(checkLoad);
  log(`  Edit: live check done (median ${median(perLesson).toFixed(1)} ms per lesson)\n`);

  // A/B: the pipeline before the fewest-moves search (baseline) and now, alternated drop by drop
  // (which runs first flips each time) so a change of machine load hits both alike.
  type Side = { times: number[]; cpu: number[]; changed: number[]; valid: number; load: ReturnType<typeof newRange> };
  const side = (): Side => ({ times: [], cpu: [], changed: [], valid: 0, load: newRange() });
  const sides = { before: side(), after: side() };
  let tried = 0;
  for (let i = 0; i < drags; i++) {
    const p = base.timetable.placements[rng.int(base.timetable.placements.length)];
    const pu = c.lessonFirstUnit[c.lessonIdx.get(p.lessonId)!] + p.index;
    if (!free(pu)) continue;
    const cls = c.unitClasses[pu][0];
    const onto = base.timetable.placements.filter((q) => {
      const v = c.lessonFirstUnit[c.lessonIdx.get(q.lessonId)!] + q.index;
      return q.day !== p.day && c.unitClasses[v][0] === cls && c.unitDur[v] === c.unitDur[pu];
    });
    if (!onto.length) continue;
    const t = onto[rng.int(onto.length)];
    const move = { lessonId: p.lessonId, index: p.index, day: t.day, period: t.period, roomId: p.roomId ?? null };
    const moved: Timetable = { placements: base.timetable.placements.map((x) => (x.lessonId === p.lessonId && x.index === p.index ? { ...x, day: t.day, period: t.period } : x)) };
    const hardBefore = inspect(c, moved).hard;
    if (hardBefore === 0) continue;
    tried++;
    const was = new Map(moved.placements.map((x) => [`${x.lessonId}:${x.index}`, x]));
    const order: ('before' | 'after')[] = tried % 2 ? ['after', 'before'] : ['before', 'after'];
    const line: string[] = [];
    for (const name of order) {
      const s = sides[name];
      sampleLoad(s.load);
      const cpu0 = process.cpuUsage();
      const r = repairProposal(instance, c, moved, move, hardBefore, { baseline: name === 'before' });
      const used = process.cpuUsage(cpu0);
      sampleLoad(s.load);
      s.cpu.push((used.user + used.system) / 1000);
      s.times.push(r.elapsedMs);
      const n = r.timetable.placements.filter((x) => {
        const o = was.get(`${x.lessonId}:${x.index}`);
        return !o || o.day !== x.day || o.period !== x.period;
      }).length;
      s.changed.push(n);
      if (r.hardAfter === 0) s.valid++;
      line.push(`${name}: ${Math.round(r.elapsedMs)} ms, ${n} moved, hard → ${r.hardAfter}`);
    }
    log(`  Edit: repair ${tried} (hard ${hardBefore}): ${line.join('; ')}\n`);
  }
  const units = instance.lessons.reduce((n, l) => n + l.count, 0);
  const head = ['demo school (hand editing)', 'figure', 'median', 'max', 'load avg'];
  const rows = [
    [`${instance.classes.length} classes, ${units} lessons`, `live check of a drag: all ${c.D} × ${c.P} starts of one lesson, ms (${drags} lessons)`, median(perLesson).toFixed(1), Math.max(...perLesson).toFixed(1), showRange(checkLoad)],
    ['', 'one target, ms', median(perTarget).toFixed(3), Math.max(...perTarget).toFixed(3), showRange(checkLoad)],
    ...(['before', 'after'] as const).flatMap((name) => {
      const s = sides[name];
      const label = name === 'before' ? 'before (annealing, clock-bound attempts)' : 'after (fewest moves first, by iterations)';
      const load = showRange(s.load);
      return [
        ['', `«Исправить» ${label}: wall ms (${tried} drops onto a lesson of the class on another day)`, String(Math.round(median(s.times))), String(Math.round(Math.max(...s.times))), load],
        ['', `«Исправить» ${label}: CPU ms`, String(Math.round(median(s.cpu))), String(Math.round(Math.max(...s.cpu))), load],
        ['', `«Исправить» ${label}: other lessons moved`, String(median(s.changed)), String(Math.max(...s.changed)), load],
        ['', `«Исправить» ${label}: valid after`, `${s.valid}/${tried}`, '', load],
      ];
    }),
  ];
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
