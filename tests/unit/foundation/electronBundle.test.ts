import { execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCoreClient } from '../../../src-main/electron/coreClient';
import { RUNTIME_ASSETS, type SelfCheckReport } from '../../../src-main/core/selfCheck';
import { generateSchool } from '../../../src-main/core/timetable/engine/generator/generator';
import type { WorkerMessage } from '../../../src-main/core/timetable/engine/solverWorker';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

describe('Electron bundles', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build-main.mjs')], { cwd: root });
  });

  it('preload exposes exactly `call` and `on` through contextBridge and requires only electron', async () => {
    const code = fs.readFileSync(path.join(root, 'dist-main', 'electron', 'preload.cjs'), 'utf8');
    const exposed: Record<string, unknown> = {};
    const invoked: unknown[][] = [];
    const required: string[] = [];
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => {
          invoked.push(args);
          return { ok: true, value: 42 };
        },
        on: () => undefined,
        removeListener: () => undefined,
      },
    };
    const sandbox = {
      module: { exports: {} },
      require: (name: string) => {
        required.push(name);
        if (name === 'electron') return fakeElectron;
        throw new Error(`preload must not require ${name}`);
      },
    };
    vm.runInNewContext(`(function (module, exports, require) { ${code}\n})(module, module.exports, require)`, sandbox);
    expect(Object.keys(exposed)).toEqual(['api']);
    const api = exposed.api as Record<string, (...a: unknown[]) => unknown>;
    expect(Object.keys(api).sort()).toEqual(['call', 'on']);
    expect(await api.call('system.status', {})).toEqual({ ok: true, value: 42 });
    expect(invoked[0]).toEqual(['school-office:call', 'system.status', {}]);
    expect(typeof api.on(() => undefined)).toBe('function');
    expect([...new Set(required)]).toEqual(['electron']);
  });

  const requires = (file: string) => [...fs.readFileSync(path.join(root, 'dist-main', 'electron', file), 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
  const allowed = new Set([...builtinModules, ...builtinModules.map((b) => `node:${b}`), 'electron', ...Object.keys(pkg.dependencies)]);
  const offending = (names: string[]) => [...new Set(names)].filter((n) => !allowed.has(n) && !allowed.has(n.split('/')[0]) && !allowed.has(n.split('/').slice(0, 2).join('/')));

  it('main is a thin shell: Electron and Node only, no database, no core', () => {
    const names = requires('main.cjs');
    expect(offending(names)).toEqual([]);
    for (const heavy of ['better-sqlite3', 'pg', 'kysely', 'exceljs']) expect(names).not.toContain(heavy);
    expect(fs.statSync(path.join(root, 'dist-main', 'electron', 'main.cjs')).size).toBeLessThan(100_000);
  });

  it('the core process and its job worker require only Node built-ins and production dependencies, never electron', () => {
    for (const file of ['coreProcess.cjs', 'jobWorker.cjs']) {
      const names = requires(file);
      expect(offending(names), file).toEqual([]);
      expect(names, file).toContain('better-sqlite3');
      expect(names, file).not.toContain('electron');
    }
  });

  it('the bundled core process serves calls per window and runs a long job in the bundled worker', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-core-process-'));
    // Plain Node stands in for Electron's utilityProcess: the entry talks to either parent.
    const child = fork(path.join(root, 'dist-main', 'electron', 'coreProcess.cjs'), ['--data', dataDir], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const client = createCoreClient({ postMessage: (m) => child.send(m), onMessage: (l) => child.on('message', (m) => l(m as never)) });
    child.on('exit', (code) => client.closed(`exit ${code}`));
    const events: string[] = [];
    client.onEvent((e) => events.push(e.type));
    try {
      expect(await client.ready).toBe(path.join(dataDir, 'school-office.sqlite3'));
      const status = await client.call(1, 'system.status', {});
      expect(status).toMatchObject({ ok: true, value: { database: { kind: 'sqlite' } } });
      const admin = await client.call(1, 'access.setup.createAdmin', { login: 'admin', fullName: 'Админова Анна', password: 'Admin-2026-pass' });
      expect(admin.ok, JSON.stringify(admin)).toBe(true);
      // The token stays in the core process; the window only sees that it is signed in.
      expect(JSON.stringify(admin)).not.toContain('token');
      expect(await client.call(1, 'access.session.state', {})).toMatchObject({ ok: true, value: { user: { login: 'admin' } } });
      expect(await client.call(2, 'people.pupils.count', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      const exported = await client.call(1, 'people.pupils.export', {});
      expect(exported).toMatchObject({ ok: true, value: { fileName: 'Обучающиеся.xlsx' } });
      // A run-time asset (the order template) is read from the bundle's own paths.
      const template = await client.call(1, 'movement.templates.download', { which: 'default' });
      expect(template, JSON.stringify(template).slice(0, 300)).toMatchObject({ ok: true, value: { fileName: 'Шаблон приказа (по умолчанию).docx' } });
      const docx = Buffer.from((template as { value: { contentBase64: string } }).value.contentBase64, 'base64');
      expect(docx.equals(fs.readFileSync(path.join(root, 'assets', 'templates', 'movement-order.docx')))).toBe(true);
      const audit = await client.call(1, 'audit.list', {});
      expect(JSON.stringify(audit)).toContain('people.pupils.export');
    } finally {
      child.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  const electronDir = path.join(root, 'dist-main', 'electron');
  /** Runs `coreProcess.cjs --self-check` from `dir` under plain Node in a foreign working folder. */
  const selfCheck = (dir: string): Promise<{ code: number | null; report: SelfCheckReport }> =>
    new Promise((resolve, reject) => {
      const env = { ...process.env };
      delete env.SCHOOL_OFFICE_ASSETS;
      const child = fork(path.join(dir, 'coreProcess.cjs'), ['--self-check'], { cwd: os.tmpdir(), env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
      let stdout = '';
      child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
      child.on('error', reject);
      child.on('exit', (code) => {
        try {
          resolve({ code, report: JSON.parse(stdout) as SelfCheckReport });
        } catch (err) {
          reject(new Error(`self-check printed no report (exit ${code}): ${stdout}`, { cause: err }));
        }
      });
    });

  it('every bundle that names a sibling .cjs finds it in dist-main/electron', () => {
    const bundles = fs.readdirSync(electronDir).filter((f) => f.endsWith('.cjs'));
    expect(bundles.sort()).toEqual(['coreProcess.cjs', 'jobWorker.cjs', 'main.cjs', 'preload.cjs', 'solverWorker.cjs']);
    const named = new Set<string>();
    for (const b of bundles) for (const m of fs.readFileSync(path.join(electronDir, b), 'utf8').matchAll(/["'`]\.?\/?(\w+\.cjs)["'`]/g)) named.add(m[1]);
    // main forks the core and loads the preload; the core starts the job and solver workers.
    for (const expected of ['coreProcess.cjs', 'preload.cjs', 'jobWorker.cjs', 'solverWorker.cjs']) expect([...named]).toContain(expected);
    for (const n of named) expect(fs.existsSync(path.join(electronDir, n)), n).toBe(true);
  });

  it('the bundled core resolves every worker and asset from its own paths and starts the solver worker', async () => {
    const { code, report } = await selfCheck(electronDir);
    expect(report.entries.filter((e) => !e.ok)).toEqual([]);
    expect(code).toBe(0);
    const byName = new Map(report.entries.map((e) => [e.name, e]));
    expect(byName.get('worker:jobs')?.path).toBe(path.join(electronDir, 'jobWorker.cjs'));
    expect(byName.get('worker:solver')?.path).toBe(path.join(electronDir, 'solverWorker.cjs'));
    for (const parts of RUNTIME_ASSETS) expect(byName.get(`asset:${parts.join('/')}`)?.path).toBe(path.join(root, 'assets', ...parts));
    expect(byName.get('start:solver')?.ok).toBe(true);
  }, 60_000);

  it('a bundle without its solver worker and assets is caught by the self-check, naming what is missing', async () => {
    // Inside the project so node_modules still resolve; no solverWorker.cjs and no assets beside it.
    const tmp = fs.mkdtempSync(path.join(root, 'dist-main', 'broken-'));
    const dir = path.join(tmp, 'app', 'electron');
    fs.mkdirSync(dir, { recursive: true });
    try {
      for (const f of ['coreProcess.cjs', 'jobWorker.cjs']) fs.copyFileSync(path.join(electronDir, f), path.join(dir, f));
      const { code, report } = await selfCheck(dir);
      expect(code).toBe(1);
      expect(report.ok).toBe(false);
      const failed = report.entries.filter((e) => !e.ok).map((e) => e.name);
      expect(failed).toEqual(expect.arrayContaining(['worker:solver', 'start:solver', ...RUNTIME_ASSETS.map((p) => `asset:${p.join('/')}`)]));
      expect(failed).not.toContain('worker:jobs');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 60_000);

  it('the bundled solver worker solves a timetable on its own', async () => {
    const worker = new Worker(path.join(electronDir, 'solverWorker.cjs'), {
      workerData: { instance: generateSchool({ size: 'S', seed: 2 }), options: { seed: 3, maxIterations: 2_000 }, cancel: new SharedArrayBuffer(4) },
    });
    try {
      const result = await new Promise<WorkerMessage>((resolve, reject) => {
        worker.on('message', (m: WorkerMessage) => (m.type === 'result' || m.type === 'error' ? resolve(m) : undefined));
        worker.on('error', reject);
      });
      expect(result.type, JSON.stringify(result).slice(0, 300)).toBe('result');
      const solved = (result as { result: { iterations: number; timetable: { placements: unknown[] } } }).result;
      expect(solved.iterations).toBe(2_000);
      expect(solved.timetable.placements.length).toBeGreaterThan(0);
    } finally {
      await worker.terminate();
    }
  }, 60_000);
});
