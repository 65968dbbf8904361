import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

/**
 * The issue 18 rows of `bench:exchange`: each measured pull is a child process (exchangeApply.ts)
 * so that a base checkout (A) and this one (B) alternate run by run in the same minutes.
 */
interface Run {
  previewMs: number;
  /** The district's preview in Chromium, click to first page (only with a built renderer). */
  previewBrowserMs?: number;
  applyMs: number;
  p95: number;
  readers: number;
  entries: number;
  written: number;
  load: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ms = (x: number | undefined) => (x === undefined ? '—' : Math.round(x).toLocaleString('ru-RU'));

function child(root: string, kase: string, db: string, extra: string[] = []): Partial<Run> {
  const script = path.join(import.meta.dirname, 'exchangeApply.ts');
  const out = execFileSync(path.join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx'), [script, `--case=${kase}`, `--db=${db}`, `--root=${root}`, ...extra], { encoding: 'utf8', maxBuffer: 1 << 24, cwd: root });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Partial<Run>;
}

/** One measured pull; for the district also the browser's preview, in a process of its own (equally warm). */
function measure(root: string, kase: string, db: string): Run {
  const run = child(root, kase, db) as Run;
  if (kase === 'district') run.previewBrowserMs = child(root, kase, db, ['--browser']).previewBrowserMs;
  return run;
}

export async function applyRows(args: string[], runs: number): Promise<void> {
  const opt = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=');
  const here = path.resolve(import.meta.dirname, '..');
  const base = opt('base') ? path.resolve(opt('base')!) : null;
  const dbs = (opt('db') ?? (process.env.TEST_DATABASE_URL ? 'sqlite,postgres' : 'sqlite')).split(',');
  const cases = (opt('case') ?? 'onboarding,district').split(',');
  const table: string[][] = [];
  for (const kase of cases) {
    for (const db of dbs) {
      const a: Run[] = [];
      const b: Run[] = [];
      for (let r = 0; r < runs; r++) {
        // A and B alternate: the machine's speed drifts between minutes, not between neighbours.
        if (base) a.push(measure(base, kase, db));
        b.push(measure(here, kase, db));
        process.stderr.write(`${kase}/${db} прогон ${r + 1}: ${base ? `A ${ms(a.at(-1)!.applyMs)} мс, ` : ''}B ${ms(b.at(-1)!.applyMs)} мс (нагрузка ${b.at(-1)!.load.toFixed(1)})\n`);
      }
      const load = `${Math.min(...[...a, ...b].map((x) => x.load)).toFixed(1)}–${Math.max(...[...a, ...b].map((x) => x.load)).toFixed(1)}`;
      const name = kase === 'onboarding' ? 'Подключение школы (4 файла демо-школы)' : 'Выгрузка района, 10 000 строк';
      const rows: [string, keyof Run, number][] =
        kase === 'onboarding'
          ? [['предпросмотр', 'previewMs', 1000], ['запись', 'applyMs', 3000], ['p95 запросов других, пока идёт запись', 'p95', 200]]
          : [['предпросмотр в браузере (щелчок → первая страница на экране)', 'previewBrowserMs', 2000], ['предпросмотр (HTTP, первая страница)', 'previewMs', 2000], ['запись', 'applyMs', 6000], ['p95 запросов других, пока идёт запись', 'p95', 200]];
      for (const [step, key, target] of rows) {
        const seen = (xs: Run[]) => xs.map((x) => x[key]).filter((v): v is number => v !== undefined);
        // The browser row needs a built renderer (npm run build) and Chromium; the base checkout has none.
        if (seen(b).length === 0) {
          table.push([name, db === 'sqlite' ? 'SQLite' : 'PostgreSQL', step, `≤ ${target.toLocaleString('ru-RU')}`, '—', '— (нет dist/renderer или Chromium)', '—', '']);
          continue;
        }
        const now = median(seen(b));
        table.push([name, db === 'sqlite' ? 'SQLite' : 'PostgreSQL', step, `≤ ${target.toLocaleString('ru-RU')}`, base && seen(a).length > 0 ? ms(median(seen(a))) : '—', ms(now), now <= target ? 'да' : 'НЕТ', load]);
      }
    }
  }
  const head = ['Случай', 'База', 'Шаг', 'Цель, мс', 'A (база), мс', 'B (сейчас), мс', 'Цель достигнута', 'Нагрузка (load avg 1 мин)'];
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${line(head)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |\n${table.map(line).join('\n')}`);
  console.log(`\nМедиана из ${runs} прогонов${base ? `, A (${base}) и B чередуются` : ''}; ядер: ${os.cpus().length}; Node ${process.version}.`);
}
