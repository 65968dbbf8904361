import type { Figures } from '../../src-main/core/timetable/engine/figures';
import { showRange, steady, type LoadRange } from './load';

export interface RunRecord {
  valid: boolean;
  /** FET only: its complete timetable also passes our evaluator (SanPiN rules FET cannot express). */
  strictValid?: boolean;
  /** From the request (ours: the call to the warm worker; FET: the process start) to the first valid timetable. */
  firstValidMs: number | null;
  figures: Figures | null;
  note?: string;
}

export const median = (xs: number[]): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const secs = (ms: number): string => (ms < 10_000 ? (ms / 1000).toFixed(2) : (ms / 1000).toFixed(1));
const pct = (x: number): string => (Number.isNaN(x) ? '–' : `${Math.round(x * 100)}%`);
const num = (x: number): string => (Number.isNaN(x) ? '–' : String(Math.round(x * 10) / 10));

export interface Summary {
  success: string;
  t1: string;
  teacherGaps: string;
  classGaps: string;
  tueWed: string;
  hardFirstLast: string;
  sameSubject: string;
}

/** Medians over valid runs; the time column shows median / max of time to the first valid timetable. */
export function summarise(runs: RunRecord[], budgetS: number): Summary {
  const ok = runs.filter((r) => r.valid);
  const times = ok.map((r) => r.firstValidMs ?? 0);
  const failed = runs.length - ok.length;
  const f = ok.map((r) => r.figures).filter((x): x is Figures => x !== null);
  const med = (g: (x: Figures) => number): number => median(f.map(g));
  const profiled = f.some((x) => x.profiledClasses > 0);
  const strict = runs.filter((r) => r.strictValid).length;
  const anyStrict = runs.some((r) => r.strictValid !== undefined);
  return {
    success: `${ok.length}/${runs.length}${anyStrict && strict !== ok.length ? ` (${strict} by our rules)` : ''}`,
    t1: ok.length ? `${secs(median(times))} / ${failed ? `>${budgetS}` : secs(Math.max(...times))}` : `>${budgetS}`,
    teacherGaps: num(med((x) => x.teacherGaps)),
    classGaps: num(med((x) => x.classGaps)),
    tueWed: profiled ? pct(med((x) => x.peakTueWedShare)) : 'n/a',
    hardFirstLast: profiled ? pct(med((x) => x.hardFirstLastShare)) : 'n/a',
    sameSubject: profiled ? num(med((x) => x.sameSubjectRepeats)) : 'n/a',
  };
}

export interface Row {
  name: string;
  budget: number;
  ours: Summary;
  fet: Summary;
  mark: string;
  load: LoadRange;
}

export function table(rows: Row[]): string {
  const head = [
    'instance', 'load avg', 'budget s', 'valid ours', 'valid FET', 't1st valid s ours (med/max)', 't1st valid s FET (med/max)',
    'teacher gaps ours', 'teacher gaps FET', 'class gaps ours', 'class gaps FET', 'Tue/Wed peak ours', 'Tue/Wed peak FET',
    'hard 1st/last ours', 'hard 1st/last FET', 'same subj/day ours', 'same subj/day FET',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) {
    const o = r.ours;
    const f = r.fet;
    // A time measured while the load jumped is not compared: the row says so instead.
    const ok = steady(r.load);
    const t1o = ok ? o.t1 : 'load changed';
    const t1f = ok ? f.t1 : 'load changed';
    lines.push(
      `| ${r.name}${r.mark} | ${showRange(r.load)}${ok ? '' : ' ⚠'} | ${r.budget} | ${o.success} | ${f.success} | ${t1o} | ${t1f} | ${o.teacherGaps} | ${f.teacherGaps} | ${o.classGaps} | ${f.classGaps} | ${o.tueWed} | ${f.tueWed} | ${o.hardFirstLast} | ${f.hardFirstLast} | ${o.sameSubject} | ${f.sameSubject} |`,
    );
  }
  return lines.join('\n');
}
