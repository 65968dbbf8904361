/**
 * Portal exchange benchmark (issue 9): a 10 000-row pupil export of the portal (the extended
 * «Выгрузка данных» list, 99 columns with both parents) pulled into a database that already holds
 * the demo school. For each file shape it times
 *   • bare: decode (cp1251) and split into rows — the HTML table or the CSV, nothing else;
 *   • pull: what the wizard's preview does — read the table, map every row through the format's
 *     column map, validate every value with the card's own schemas, match pupils and parents
 *     (portal id, СНИЛС, ФИО + date of birth) against the database, diff matched cards and build
 *     the preview entries — without storing the exchange, and without the operations apply would
 *     run (the preview discards them; apply plans again in its transaction).
 * and prints the median of 3 runs, rows per second and the overhead ratio. Target: ≥ 20 000 rows/s.
 * The shared 2-core machine varies by up to 2× between minutes: compare versions by alternating them.
 *
 * Then the issue 18 rows, each pull a child process (bench/exchangeApply.ts) over loopback HTTP with
 * the job worker, as the office runs it: the demo school's onboarding (four files: preview ≤ 1 s,
 * apply ≤ 3 s) and a district's 10 000-row export (preview ≤ 2 s, apply ≤ 6 s, other users' p95
 * during the apply ≤ 200 ms), on SQLite and — with TEST_DATABASE_URL — PostgreSQL. `--base=<dir>`
 * names another checkout (e.g. `git archive main | tar -x -C /tmp/base`, node_modules linked): its
 * runs (A) alternate with this one's (B) in the same minutes, and both medians are printed.
 *
 *   npm run bench:exchange
 *   npm run bench:exchange -- --rows=20000 --runs=5
 *   npm run bench:exchange -- --only=apply --runs=3 --base=/tmp/base
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeCore, openCore } from '../src-main/core/foundation/context';
import { generateSchool } from '../src-main/core/demo/generateSchool';
import { generatePeopleDetails } from '../src-main/core/demo/demoPeople';
import { writeDemo } from '../src-main/core/demo/writeDemo';
import { createLogger, silentSink } from '../src-main/core/foundation/logger';
import { FORMATS } from '../src-main/core/sync/formats/catalog';
import type { FieldValues } from '../src-main/core/sync/formats/columns';
import { bareTextTable } from '../src-main/core/sync/formats/readTable';
import { writeCsv } from '../src-main/core/sync/formats/writeCsv';
import { parseFile } from '../src-main/core/sync/pull/parseFiles';
import { buildPlan, countEntries } from '../src-main/core/sync/pull/plan';
import { htmlXls, pupilRow, type DemoPortal } from '../tests/helpers/portalFiles';
import { applyRows } from './exchangeRows';

const args = process.argv.slice(2);
const arg = (name: string, d: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? d);
const ROWS = arg('rows', 10_000);
const RUNS = arg('runs', 3);
const TARGET = 20_000;
const TODAY = '2026-11-29';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** The demo school's own pupils first (they match and diff), then pupils of other generated schools put into its classes. */
function exportRows(base: DemoPortal): FieldValues[] {
  const rows: FieldValues[] = base.school.pupils.map((p, i) => pupilRow(base, p.id, i + 1));
  const classNames = base.school.classes.map((c) => c.name);
  for (let seed = 1; rows.length < ROWS; seed++) {
    const school = generateSchool({ seed: 7000 + seed });
    const other = { school, details: generatePeopleDetails(school) };
    for (const p of school.pupils) {
      if (rows.length >= ROWS) break;
      const cls = school.classes.find((c) => c.id === p.classId)!;
      rows.push({ ...pupilRow(other, p.id, rows.length + 1), className: classNames.find((n) => n === cls.name) ?? classNames[0] });
    }
  }
  return rows;
}

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function main() {
  if (args.some((a) => a === '--only=apply')) return applyRows(args, RUNS);
  await decodeRows();
  await applyRows(args, RUNS);
}

async function decodeRows() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-bench-exchange-'));
  const core = await openCore({ db: { kind: 'sqlite', file: path.join(dir, 'bench.sqlite3') }, dataDir: dir, logger: createLogger(silentSink) });
  try {
    const school = generateSchool();
    const counts = await writeDemo(core.db, school);
    const base = { school, details: generatePeopleDetails(school) };
    const rows = exportRows(base);
    const html = htmlXls('Список учащихся', 'Класс: все классы', FORMATS.pupilsExtended.columns, rows);
    const csv = writeCsv(FORMATS.pupilsExtended, rows.map((v, i) => ({ label: String(i), values: v })), { header: { schoolName: 'МБОУ «СОШ № 6»', today: TODAY } });
    if (!csv.ok) throw new Error(csv.issues[0].message);
    console.log(`База: демо-школа (${counts.pupils} обучающихся, ${counts.parents} родителей, ${counts.staff} сотрудников, ${counts.classes} классов), SQLite.`);
    console.log(`Файл: ${rows.length} строк выгрузки учащихся (99 столбцов, с родителями); первые ${school.pupils.length} — ученики этой школы.\n`);
    const table: string[][] = [];
    for (const [name, bytes] of [['HTML-xls (как выгружает портал)', html], ['CSV (пакетное обновление)', csv.bytes]] as const) {
      const bare: number[] = [];
      const full: number[] = [];
      let summary = '';
      // One warm-up run of each, then the measured runs.
      bareTextTable(bytes);
      await buildPlan(core.db, [await parseFile('f', name, bytes, TODAY)], {}, TODAY, { ops: false });
      for (let r = 0; r < RUNS; r++) {
        bare.push(await time(() => bareTextTable(bytes)));
        full.push(
          await time(async () => {
            const parsed = await parseFile('f', name, bytes, TODAY);
            // As the wizard's preview: its entries only (apply plans again in its transaction).
            const plan = await buildPlan(core.db, [parsed], {}, TODAY, { ops: false });
            const c = countEntries(plan.entries);
            summary = `создать ${c.create}, изменить ${c.update}, без изменений ${c.unchanged}, отклонено ${c.rejected}, решить ${c.ambiguous}`;
          }),
        );
      }
      const b = median(bare);
      const f = median(full);
      const rate = Math.round((rows.length / f) * 1000);
      // Each run's ratio compares two timings taken seconds apart: steadier than the medians' when the machine's speed drifts.
      const ratio = median(full.map((x, i) => x / bare[i]));
      const spread = `${Math.min(...full).toFixed(0)}–${Math.max(...full).toFixed(0)}`;
      table.push([name, String(rows.length), `${(bytes.length / 1024 / 1024).toFixed(1)} МБ`, b.toFixed(0), f.toFixed(0), spread, rate.toLocaleString('ru-RU'), ratio.toFixed(1), rate >= TARGET ? 'да' : 'НЕТ']);
      console.log(`${name}: ${summary}`);
    }
    const head = ['Файл', 'Строк', 'Размер', 'Декодирование+разбор, мс', 'Загрузка до предпросмотра, мс', 'Разброс, мс', 'Строк/с', 'Во сколько раз дольше', `≥ ${TARGET.toLocaleString('ru-RU')} строк/с`];
    const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
    console.log(`\n${line(head)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |\n${table.map(line).join('\n')}`);
    console.log(`\nМедиана из ${RUNS} прогонов (разброс — от самого быстрого до самого медленного); «во сколько раз дольше» — медиана отношений в каждом прогоне; Node ${process.version}.`);
  } finally {
    await closeCore(core);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
