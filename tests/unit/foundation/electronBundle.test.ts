import { execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCoreClient } from '../../../src-main/electron/coreClient';

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
      const audit = await client.call(1, 'audit.list', {});
      expect(JSON.stringify(audit)).toContain('people.pupils.export');
    } finally {
      child.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
