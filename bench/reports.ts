/**
 * Report catalogue benchmark (issue 21): every catalogue report, the two movement reports that
 * joined it and a saved builder report, on the demo school and on a district-sized database, each
 * beside a raw SQL count of the same figures. Prints a table: report, database, time through the
 * dispatcher (median of runs, cache cleared before each), raw SQL time, whether every compared
 * figure is equal, and the load average when the row was measured. Targets: ≤ 1 s for the school,
 * ≤ 10 s for the district.
 *
 *   npm run bench:reports                       (demo school + 100 000 pupils, a few minutes)
 *   npm run bench:reports -- --pupils=20000 --runs=3
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { handlers } from '../src-main/core/api/index';
import { systemCaller } from '../src-main/core/access/index';
import { closeCore, openCore, type Core } from '../src-main/core/foundation/context';
import { createDispatcher, type Dispatcher } from '../src-main/core/dispatcher';
import { createLogger, silentSink } from '../src-main/core/foundation/logger';
import { generateSchool } from '../src-main/core/demo/generateSchool';
import { writeDemo } from '../src-main/core/demo/writeDemo';
import type { ReportResult } from '../src-shared/contract/reportResult';
import { isPedagogicalPosition } from '../src-shared/domain/reports/oo1Edition';
import { writeDistrict } from './reports/district';

const args = process.argv.slice(2);
const arg = (name: string, d: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? d);
const PUPILS = arg('pupils', 100_000);
const RUNS = arg('runs', 3);

type Figures = Record<string, number>;
interface Case {
  name: string;
  method: string;
  input: (db: DbInfo) => unknown;
  /** The figures the report shows, read from its result. */
  figures: (value: unknown, db: DbInfo) => Figures;
  /** The same figures straight from the tables. */
  raw: (core: Core, db: DbInfo) => Promise<Figures>;
}

interface DbInfo {
  label: string;
  target: number;
  yearId: string;
  classId: string;
  pedPositions: string[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const n = (v: unknown) => Number(v ?? 0);

function cellOf(r: ReportResult, table: string, row: string, column: string): number {
  const t = r.tables.find((x) => x.id === table);
  const i = t?.columns.findIndex((c) => c.key === column) ?? -1;
  return n(t?.rows.find((x) => x.key === row)?.cells[i]);
}

async function count(core: Core, query: ReturnType<typeof sql>): Promise<number> {
  const r = await query.execute(core.db);
  return n((r.rows[0] as { n?: unknown } | undefined)?.n);
}

const ON = (date: string) => sql`m.start_date <= ${date} and (m.end_date is null or m.end_date > ${date})`;
const LIKE = (value: string) => `%"${value}"%`;

const CASES: Case[] = [
  {
    name: 'Общие сведения об обучающихся',
    method: 'reports.school.run',
    input: () => ({ key: 'pupils-general', params: { date: '2026-10-01' } }),
    figures: (v) => {
      const r = v as ReportResult;
      return { всего: cellOf(r, 'contingent', 'total', 'total'), девочки: cellOf(r, 'contingent', 'total', 'girls'), 'II группа': cellOf(r, 'health', 'total', 'II'), ОВЗ: cellOf(r, 'contingent', 'total', 'ovz'), многодетные: cellOf(r, 'social', 'large', 'total') };
    },
    raw: async (core) => ({
      всего: await count(core, sql`select count(*) as n from class_membership m where ${ON('2026-10-01')}`),
      девочки: await count(core, sql`select count(*) as n from class_membership m join pupil p on p.id = m.pupil_id where ${ON('2026-10-01')} and p.sex = 'Ж'`),
      'II группа': await count(core, sql`select count(*) as n from class_membership m join pupil p on p.id = m.pupil_id where ${ON('2026-10-01')} and p.health_group = 'II'`),
      ОВЗ: await count(core, sql`select count(*) as n from class_membership m join pupil p on p.id = m.pupil_id where ${ON('2026-10-01')} and p.has_ovz = 1`),
      многодетные: await count(core, sql`select count(*) as n from class_membership m join pupil p on p.id = m.pupil_id where ${ON('2026-10-01')} and (p.family_composition like ${LIKE('многодетная семья')} or p.social_status like ${LIKE('многодетная семья')})`),
    }),
  },
  {
    name: 'Итоговые данные по учащимся',
    method: 'reports.school.run',
    input: (db) => ({ key: 'pupils-year-results', params: { yearId: db.yearId } }),
    figures: (v) => {
      const r = v as ReportResult;
      return { 'на начало': cellOf(r, 'results', 'total', 'start'), прибыло: cellOf(r, 'results', 'total', 'arrived'), выбыло: cellOf(r, 'results', 'total', 'left') };
    },
    raw: async (core, db) => ({
      'на начало': await count(core, sql`select count(*) as n from class_membership m join school_class c on c.id = m.class_id where c.academic_year_id = ${db.yearId} and ${ON('2026-09-01')}`),
      прибыло: await count(
        core,
        sql`select count(*) as n from class_membership m join school_class c on c.id = m.class_id join movement_order_item i on i.id = m.order_item_id join movement_order o on o.id = i.order_id
            where c.academic_year_id = ${db.yearId} and m.start_date > '2026-09-01' and m.start_date <= '2027-08-31' and o.order_type in ('enroll', 'reinstate')`,
      ),
      выбыло: await count(
        core,
        sql`select count(*) as n from class_membership m join school_class c on c.id = m.class_id join movement_order_item i on i.id = m.end_order_item_id join movement_order o on o.id = i.order_id
            where c.academic_year_id = ${db.yearId} and m.end_date > '2026-09-01' and m.end_date <= '2027-08-31' and o.order_type = 'withdraw'`,
      ),
    }),
  },
  {
    name: 'ОО-1 (черновик)',
    method: 'reports.school.run',
    input: () => ({ key: 'oo1', params: { date: '2026-09-20' } }),
    figures: (v) => {
      const r = v as ReportResult;
      const sections = ['2.1.1', '2.1.2', '2.1.3'];
      return {
        классов: sections.reduce((s, t) => s + ['01', '03', '05', '07'].reduce((m, row) => m + cellOf(r, t, row, 'c3'), 0), 0),
        обучающихся: sections.reduce((s, t) => s + ['02', '04', '06', '08'].reduce((m, row) => m + cellOf(r, t, row, 'c3'), 0), 0),
        работников: cellOf(r, '3.1', '01', 'c3'),
        женщин: cellOf(r, '3.1', '01', 'c15'),
        'проверки не выполнены': r.checks.filter((c) => !c.passed).length,
      };
    },
    raw: async (core) => {
      const working = sql`exists (select 1 from staff_position sp where sp.staff_id = s.id and sp.kind = 'main' and (sp.start_date is null or sp.start_date <= '2026-09-20') and (sp.end_date is null or sp.end_date >= '2026-09-20'))`;
      return {
        классов: await count(core, sql`select count(distinct m.class_id) as n from class_membership m where ${ON('2026-09-20')}`),
        обучающихся: await count(core, sql`select count(*) as n from class_membership m where ${ON('2026-09-20')}`),
        работников: await count(core, sql`select count(*) as n from staff s where ${working}`),
        женщин: await count(core, sql`select count(*) as n from staff s where ${working} and s.sex = 'Ж'`),
        'проверки не выполнены': 0,
      };
    },
  },
  {
    name: 'Социальный паспорт школы',
    method: 'reports.school.run',
    input: () => ({ key: 'social-passport-school', params: { date: '2026-10-01' } }),
    figures: (v) => {
      const r = v as ReportResult;
      return { всего: cellOf(r, 'passport', 'all', 'total'), 'учёт в КДН': cellOf(r, 'passport', 'kdn', 'total'), малоимущие: cellOf(r, 'passport', 'lowIncome', 'total') };
    },
    raw: async (core) => ({
      всего: await count(core, sql`select count(*) as n from class_membership m where ${ON('2026-10-01')}`),
      'учёт в КДН': await count(core, sql`select count(*) as n from class_membership m join pupil p on p.id = m.pupil_id where ${ON('2026-10-01')} and p.social_status like ${LIKE('учёт в КДН')}`),
      малоимущие: await count(core, sql`select count(*) as n from class_membership m join pupil p on p.id = m.pupil_id where ${ON('2026-10-01')} and p.social_status like ${LIKE('малоимущая семья')}`),
    }),
  },
  {
    name: 'Социальный паспорт класса',
    method: 'reports.class.run',
    input: (db) => ({ key: 'social-passport-class', params: { date: '2026-10-01', classId: db.classId } }),
    figures: (v) => ({ всего: cellOf(v as ReportResult, 'passport', 'all', 'total') }),
    raw: async (core, db) => ({ всего: await count(core, sql`select count(*) as n from class_membership m where m.class_id = ${db.classId} and ${ON('2026-10-01')}`) }),
  },
  {
    name: 'Списки классов (все классы)',
    method: 'reports.class.run',
    input: () => ({ key: 'class-lists', params: { date: '2026-09-01' } }),
    figures: (v) => ({ строк: (v as ReportResult).tables.reduce((s, t) => s + t.rows.length, 0) }),
    raw: async (core) => ({ строк: await count(core, sql`select count(*) as n from class_membership m where ${ON('2026-09-01')}`) }),
  },
  {
    name: 'Категории и аттестация',
    method: 'reports.staff.run',
    input: () => ({ key: 'staff-attestation', params: { date: '2026-12-05' } }),
    figures: (v) => ({ 'высшая категория': cellOf(v as ReportResult, 'categories', 'высшая', 'total') }),
    raw: async (core, db) => ({
      'высшая категория': await count(
        core,
        sql`select count(*) as n from staff s where s.qualification_category = 'высшая' and exists (select 1 from staff_position sp where sp.staff_id = s.id and sp.kind = 'main' and sp.position in (${sql.join(db.pedPositions)}) and (sp.start_date is null or sp.start_date <= '2026-12-05') and (sp.end_date is null or sp.end_date >= '2026-12-05'))`,
      ),
    }),
  },
  {
    name: 'Образование и курсы',
    method: 'reports.staff.run',
    input: () => ({ key: 'staff-education', params: { date: '2026-12-05' } }),
    figures: (v) => ({ 'курсы за 3 года': cellOf(v as ReportResult, 'courses', 'qualification', 'all') }),
    raw: async (core) => ({
      'курсы за 3 года': await count(
        core,
        sql`select count(distinct t.staff_id) as n from staff_training t where t.kind = 'qualification' and t.end_date >= '2023-12-05' and t.end_date <= '2026-12-05'
            and exists (select 1 from staff_position sp where sp.staff_id = t.staff_id and sp.kind = 'main' and (sp.start_date is null or sp.start_date <= '2026-12-05') and (sp.end_date is null or sp.end_date >= '2026-12-05'))`,
      ),
    }),
  },
  {
    name: 'Возраст и стаж',
    method: 'reports.staff.run',
    input: () => ({ key: 'staff-age-experience', params: { date: '2026-12-05' } }),
    figures: (v) => ({ работников: cellOf(v as ReportResult, 'age', 'total', 'total') }),
    raw: async (core) => ({
      работников: await count(core, sql`select count(*) as n from staff s where exists (select 1 from staff_position sp where sp.staff_id = s.id and sp.kind = 'main' and (sp.start_date is null or sp.start_date <= '2026-12-05') and (sp.end_date is null or sp.end_date >= '2026-12-05'))`),
    }),
  },
  {
    name: 'Наполняемость классов',
    method: 'reports.occupancy',
    input: () => ({ date: '2026-10-01' }),
    figures: (v) => ({ всего: (v as { rows: { cells: { total: string[] } }[] }).rows.reduce((s, r) => s + r.cells.total.length, 0) }),
    raw: async (core) => ({ всего: await count(core, sql`select count(*) as n from class_membership m where ${ON('2026-10-01')}`) }),
  },
  {
    name: 'Движение учащихся',
    method: 'reports.movement',
    input: () => ({ from: '2026-09-01', to: '2026-12-31' }),
    figures: (v) => ({ 'на конец': (v as { rows: { end: string[] }[] }).rows.reduce((s, r) => s + r.end.length, 0) }),
    raw: async (core) => ({ 'на конец': await count(core, sql`select count(*) as n from class_membership m where ${ON('2026-12-31')}`) }),
  },
  {
    name: 'Конструктор: многодетные по классам',
    method: 'reports.builder.preview',
    input: () => ({ definition: { entity: 'pupils', columns: ['fullName', 'className', 'parentsPhones'], filters: [{ field: 'socialCategories', op: 'has', value: 'Из многодетных семей' }], date: '2026-10-01', groupBy: ['className'], totals: [], sort: [] } }),
    figures: (v) => ({ строк: (v as { total: number }).total }),
    raw: async (core) => ({
      строк: await count(core, sql`select count(*) as n from class_membership m join pupil p on p.id = m.pupil_id where ${ON('2026-10-01')} and (p.family_composition like ${LIKE('многодетная семья')} or p.social_status like ${LIKE('многодетная семья')})`),
    }),
  },
];

async function info(core: Core, label: string, target: number): Promise<DbInfo> {
  const year = await core.db.selectFrom('academicYear').select('id').where('isCurrent', '=', 1).executeTakeFirstOrThrow();
  const cls = await core.db.selectFrom('schoolClass').select('id').where('academicYearId', '=', year.id).orderBy('grade').orderBy('letter').executeTakeFirstOrThrow();
  const positions = (await core.db.selectFrom('staffPosition').select('position').distinct().execute()).map((r) => r.position);
  return { label, target, yearId: year.id, classId: cls.id, pedPositions: [...positions.filter((p) => isPedagogicalPosition(p, null)), '-'] };
}

async function measure(core: Core, dispatcher: Dispatcher, db: DbInfo, rows: string[][]): Promise<boolean> {
  let allOk = true;
  for (const c of CASES) {
    const app: number[] = [];
    const appCpu: number[] = [];
    let value: unknown;
    for (let i = 0; i < RUNS; i++) {
      // A fresh computation each time: the report cache is cleared as after anyone's write.
      core.events.emit({ type: 'dataChanged', entity: 'report' });
      const cpu0 = process.cpuUsage();
      const t = performance.now();
      const env = await dispatcher.call(systemCaller(), c.method, c.input(db));
      app.push(performance.now() - t);
      const used = process.cpuUsage(cpu0);
      // SQLite runs on this thread: CPU time is the work itself, wall time adds the wait for a core.
      appCpu.push((used.user + used.system) / 1000);
      if (!env.ok) throw new Error(`${c.name} (${db.label}): ${env.error.message}`);
      value = env.value;
    }
    const rawTimes: number[] = [];
    let raw: Figures = {};
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      raw = await c.raw(core, db);
      rawTimes.push(performance.now() - t);
    }
    const shown = c.figures(value, db);
    const diff = Object.keys(raw).filter((k) => raw[k] !== shown[k]);
    const fast = median(app) <= db.target;
    allOk &&= fast && diff.length === 0;
    rows.push([
      c.name,
      db.label,
      Object.entries(shown).map(([k, v]) => `${k} ${v.toLocaleString('ru-RU')}`).join('; '),
      (median(app) / 1000).toFixed(2),
      (median(appCpu) / 1000).toFixed(2),
      (median(rawTimes) / 1000).toFixed(3),
      diff.length === 0 ? 'да' : `НЕТ: ${diff.map((k) => `${k} ${shown[k]} ≠ ${raw[k]}`).join(', ')}`,
      fast ? `да (≤ ${db.target / 1000} с)` : `НЕТ (> ${db.target / 1000} с)`,
      os.loadavg()[0].toFixed(2),
    ]);
    process.stdout.write('.');
  }
  return allOk;
}

async function openDb(dir: string, name: string): Promise<{ core: Core; dispatcher: Dispatcher }> {
  const core = await openCore({ db: { kind: 'sqlite', file: path.join(dir, `${name}.sqlite3`) }, dataDir: dir, logger: createLogger(silentSink) });
  return { core, dispatcher: createDispatcher(core, handlers) };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-bench-reports-'));
  const rows: string[][] = [];
  let ok = true;
  process.stdout.write('Демо-школа… ');
  const school = await openDb(dir, 'school');
  await writeDemo(school.core.db, generateSchool());
  ok = (await measure(school.core, school.dispatcher, await info(school.core, 'школа (демо)', 1000), rows)) && ok;
  await closeCore(school.core);
  process.stdout.write(`\nРайон: ${PUPILS.toLocaleString('ru-RU')} обучающихся… `);
  const district = await openDb(dir, 'district');
  const t0 = performance.now();
  const counts = writeDistrict(district.core.appDb.sqlite as never, PUPILS);
  process.stdout.write(`${counts.pupils.toLocaleString('ru-RU')} обучающихся, ${counts.classes} классов, ${counts.staff} сотрудников записаны за ${((performance.now() - t0) / 1000).toFixed(1)} с `);
  ok = (await measure(district.core, district.dispatcher, await info(district.core, `район (${counts.pupils.toLocaleString('ru-RU')})`, 10_000), rows)) && ok;
  await closeCore(district.core);

  const head = ['Отчёт', 'База', 'Числа отчёта', 'Программа, с', 'из них ЦП, с', 'SQL, с', 'Совпадают с SQL', 'Цель', 'Нагрузка'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  process.stdout.write(`\n\n${line(head)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |\n${rows.map(line).join('\n')}\n`);
  process.stdout.write(
    `\nПрограмма — вызов через диспетчер (права, разбор ввода, расчёт, проверка ответа, запись в журнал), медиана из ${RUNS}; перед каждым прогоном кэш отчётов сброшен.\n` +
      'ЦП — процессорное время этого вызова (SQLite работает в том же потоке): сама работа; остальное — ожидание свободного ядра на занятой машине.\n' +
      `SQL — прямой подсчёт тех же чисел по таблицам. Нагрузка — средняя нагрузка за минуту на ${os.cpus().length} ядра в момент замера. Node ${process.version}.\n`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
  if (!ok) process.exitCode = 1;
}

void main();
