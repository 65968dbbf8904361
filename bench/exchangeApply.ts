/**
 * One measured pull, run as a child process by bench/exchange.ts (so two versions of the program
 * can be alternated: `--root` names the checkout whose code is measured). Prints one JSON line.
 *
 *   onboarding: an empty database with the current year; the demo school's four portal files
 *               (ExportCM, the staff list, the pupil list, the movement book) — preview, then apply.
 *   district:   the demo school already in the database; a 10 000-row pupil export (CSV) — preview
 *               over HTTP with its first page, then apply while a second user lists pupils over
 *               HTTP in a loop (their p95 is the «other users» figure).
 *
 *               `--browser` (a run of its own), with a built renderer (`dist/renderer`) and Chromium:
 *               instead, the district's preview timed in the browser end to end — the file chosen
 *               on «Загрузка из портала», from the click on «Показать, что изменится» to the
 *               preview's counts and first page on screen.
 *
 *   tsx bench/exchangeApply.ts --case=onboarding --db=sqlite|postgres [--root=/path] [--pg=url]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

const args = process.argv.slice(2);
const opt = (name: string, d: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=') ?? d;
const ROOT = path.resolve(opt('root', path.join(import.meta.dirname, '..')));
const CASE = opt('case', 'onboarding');
const DB = opt('db', 'sqlite');
const ROWS = Number(opt('rows', '10000'));
const BROWSER = args.includes('--browser');

const load = async <T>(rel: string): Promise<T> => (await import(path.join(ROOT, rel))) as T;

async function database(dir: string): Promise<{ config: unknown; drop: () => Promise<void> }> {
  if (DB === 'sqlite') return { config: { kind: 'sqlite', file: path.join(dir, 'bench.sqlite3') }, drop: async () => undefined };
  const base = opt('pg', process.env.TEST_DATABASE_URL ?? '');
  if (!base) throw new Error('--pg=<url> or TEST_DATABASE_URL is needed for --db=postgres');
  const name = `bench_${Date.now().toString(36)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    config: { kind: 'postgres', url: u.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * The district's preview as the secretary sees it: signed in, the file chosen on «Загрузка из
 * портала», from the click on «Показать, что изменится» until the counts and the preview's first
 * page are on screen (upload, reading and matching in the job worker, the first page, rendering).
 * The preview is cancelled afterwards, as «Отменить» would.
 */
async function previewInBrowser(executablePath: string, url: string, dir: string, upload: { fileName: string; contentBase64: string }): Promise<number> {
  const { chromium } = await import('playwright-core');
  const file = path.join(dir, upload.fileName);
  fs.writeFileSync(file, Buffer.from(upload.contentBase64, 'base64'));
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' })).newPage();
    await page.goto(`${url}/#/`);
    await page.getByLabel('Логин').fill('admin');
    await page.getByLabel('Пароль').fill('Admin-2026-pass');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByTestId('user-menu').waitFor();
    await page.goto(`${url}/#/portal`);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText(upload.fileName).first().waitFor();
    // Timed in the page: from the click event to the frame where the counts and the first row are
    // there (Playwright's own dispatch of the click is not the office's wait).
    type Marks = { __clickAt?: number; __shownAt?: number; document: { addEventListener(t: string, f: () => void, capture: boolean): void } };
    await page.evaluate(() => {
      const w = globalThis as unknown as Marks;
      w.document.addEventListener('click', () => (w.__clickAt ??= performance.now()), true);
    });
    await page.getByRole('button', { name: 'Показать, что изменится' }).click();
    await page.waitForFunction(
      () => {
        const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document;
        const shown = doc.querySelector('[data-testid=preview-counts]') !== null && doc.querySelector('[data-testid=preview-table] tbody tr.ant-table-row') !== null;
        if (shown) (globalThis as unknown as Marks).__shownAt = performance.now();
        return shown;
      },
      null,
      { polling: 'raf', timeout: 120_000 },
    );
    const ms = await page.evaluate(() => {
      const w = globalThis as unknown as Marks;
      return (w.__shownAt ?? NaN) - (w.__clickAt ?? NaN);
    });
    await page.getByRole('button', { name: 'Отменить' }).first().click().catch(() => undefined);
    return ms;
  } finally {
    await browser.close();
  }
}

const p95 = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] : 0);

async function main() {
  const { openCore, closeCore } = await load<typeof import('../src-main/core/foundation/context')>('src-main/core/foundation/context.ts');
  const { createLogger, silentSink } = await load<typeof import('../src-main/core/foundation/logger')>('src-main/core/foundation/logger.ts');
  const { handlers } = await load<typeof import('../src-main/core/api/index')>('src-main/core/api/index.ts');
  const { createDispatcher } = await load<typeof import('../src-main/core/dispatcher')>('src-main/core/dispatcher.ts');
  const { accessHooks, systemCaller } = await load<typeof import('../src-main/core/access/authorize')>('src-main/core/access/authorize.ts');
  const { createInProcessTransport } = await load<typeof import('../src-main/core/inProcessTransport')>('src-main/core/inProcessTransport.ts');
  const { createApiClient } = await load<typeof import('../src-shared/transport')>('src-shared/transport.ts');
  const { startHttpServer } = await load<typeof import('../src-main/http/server')>('src-main/http/server.ts');
  const { newId } = await load<typeof import('../src-shared/domain/ids')>('src-shared/domain/ids.ts');
  const files = await load<typeof import('../tests/helpers/portalFiles')>('tests/helpers/portalFiles.ts');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-bench-apply-'));
  const db = await database(dir);
  const core = await openCore({ db: db.config as never, dataDir: dir, logger: createLogger(silentSink) });
  const dispatcher = createDispatcher(core, handlers, accessHooks());
  const client = createApiClient(createInProcessTransport(dispatcher, systemCaller('in-process')));
  const out: Record<string, unknown> = { case: CASE, db: DB, root: ROOT };
  try {
    let uploads: { fileName: string; contentBase64: string }[];
    const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
    if (CASE === 'onboarding') {
      await core.db.insertInto('academicYear').values({ id: newId(), name: '2026/2027', startDate: '2026-09-01', endDate: '2027-08-31', isCurrent: 1, isClosed: 0, version: 1, updatedAt: new Date().toISOString() }).execute();
      const portal = files.demoPortal();
      uploads = [
        { fileName: 'ExportCM.nsxml', contentBase64: b64(files.exportCmOf(portal).bytes) },
        { fileName: 'Сотрудники.csv', contentBase64: b64(files.staffExportCsv(portal)) },
        { fileName: 'Список учащихся.xls', contentBase64: b64(files.pupilExportXls(portal)) },
        { fileName: 'Книга движения.xls', contentBase64: b64(files.movementBookXls(portal, portal.school.pupils.map((p) => p.id))) },
      ];
    } else {
      const { generateSchool } = await load<typeof import('../src-main/core/demo/generateSchool')>('src-main/core/demo/generateSchool.ts');
      const { generatePeopleDetails } = await load<typeof import('../src-main/core/demo/demoPeople')>('src-main/core/demo/demoPeople.ts');
      const { writeDemo } = await load<typeof import('../src-main/core/demo/writeDemo')>('src-main/core/demo/writeDemo.ts');
      const { FORMATS } = await load<typeof import('../src-main/core/sync/formats/catalog')>('src-main/core/sync/formats/catalog.ts');
      const { writeCsv } = await load<typeof import('../src-main/core/sync/formats/writeCsv')>('src-main/core/sync/formats/writeCsv.ts');
      const school = generateSchool();
      await writeDemo(core.db, school);
      const base = { school, details: generatePeopleDetails(school) };
      const rows = base.school.pupils.map((p, i) => files.pupilRow(base, p.id, i + 1));
      const classNames = base.school.classes.map((c) => c.name);
      for (let seed = 1; rows.length < ROWS; seed++) {
        const other = generateSchool({ seed: 7000 + seed });
        const d = { school: other, details: generatePeopleDetails(other) };
        for (const p of other.pupils) {
          if (rows.length >= ROWS) break;
          const cls = other.classes.find((c) => c.id === p.classId)!;
          rows.push({ ...files.pupilRow(d, p.id, rows.length + 1), className: classNames.find((n) => n === cls.name) ?? classNames[0] });
        }
      }
      const csv = writeCsv(FORMATS.pupilsExtended, rows.map((v, i) => ({ label: String(i), values: v })), { header: { schoolName: 'МБОУ «СОШ № 6»', today: '2026-11-29' } });
      if (!csv.ok) throw new Error(csv.issues[0].message);
      uploads = [{ fileName: 'Выгрузка.csv', contentBase64: b64(csv.bytes) }];
    }
    // Over loopback HTTP as the browser does: one office user pulls, another keeps working.
    await client.call('access.setup.createAdmin', { login: 'admin', fullName: 'Админова Анна', password: 'Admin-2026-pass' });
    const staticDir = path.join(ROOT, 'dist', 'renderer');
    const { chromiumPath } = await load<typeof import('../tests/helpers/browserPath')>('tests/helpers/browserPath.ts');
    const browserFile = chromiumPath();
    const ui = BROWSER && CASE === 'district' && fs.existsSync(path.join(staticDir, 'index.html')) && browserFile !== null;
    const server = await startHttpServer({ dispatcher, ...(ui ? { staticDir } : {}) });
    const signIn = await fetch(`${server.url}/api/access.signIn`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-auth-mode': 'bearer' }, body: JSON.stringify({ login: 'admin', password: 'Admin-2026-pass' }) });
    const token = ((await signIn.json()) as { value: { token: string } }).value.token;
    const post = async <T>(method: string, body: unknown): Promise<T> => {
      const res = await fetch(`${server.url}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
      const env = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
      if (!env.ok) throw new Error(`${method}: ${env.error?.message}`);
      return env.value;
    };
    try {
      // The job worker starts (and, from sources, compiles) on the first job: warm it with a small file.
      const warm = await post<{ exchangeId: string; version: number }>('exchange.pull.preview', { files: [{ fileName: 'Сотрудники.csv', contentBase64: b64(files.staffExportCsv(files.demoPortal())) }] });
      await post('exchange.pull.cancel', { exchangeId: warm.exchangeId, version: warm.version });
      // A run of its own (--browser): the worker as warm as for the HTTP preview of the other runs.
      if (BROWSER) {
        if (ui) out.previewBrowserMs = await previewInBrowser(browserFile!, server.url, dir, uploads[0]);
      } else await previewAndApply(post, uploads, out);
    } finally {
      await server.close();
    }
  } finally {
    await closeCore(core);
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  out.load = os.loadavg()[0];
  console.log(JSON.stringify(out));
}

type Post = <T>(method: string, body: unknown) => Promise<T>;

/** The preview over HTTP (first page), then the apply while a second user lists pupils in a loop. */
async function previewAndApply(post: Post, uploads: { fileName: string; contentBase64: string }[], out: Record<string, unknown>): Promise<void> {
  let t0 = performance.now();
  const preview = await post<{ exchangeId: string; version: number; total: number; counts: Record<string, number> }>('exchange.pull.preview', { files: uploads });
  out.previewMs = performance.now() - t0;
  out.entries = preview.total;
  let done = false;
  const latencies: number[] = [];
  const reader = (async () => {
    while (!done) {
      const r0 = performance.now();
      await post('people.pupils.list', { limit: 50 });
      if (!done) latencies.push(performance.now() - r0);
    }
  })();
  t0 = performance.now();
  const report = await post<{ written: Record<string, number> }>('exchange.pull.apply', { exchangeId: preview.exchangeId, version: preview.version, decisions: {} });
  out.applyMs = performance.now() - t0;
  done = true;
  await reader;
  out.readers = latencies.length;
  out.p95 = p95(latencies);
  out.written = Object.values(report.written).reduce((a, b) => a + b, 0);
}

void main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
