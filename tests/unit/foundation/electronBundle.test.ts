import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';

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

  it('main requires only Node built-ins, electron and production dependencies', () => {
    const code = fs.readFileSync(path.join(root, 'dist-main', 'electron', 'main.cjs'), 'utf8');
    const names = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    const allowed = new Set([...builtinModules, ...builtinModules.map((b) => `node:${b}`), 'electron', ...Object.keys(pkg.dependencies)]);
    const offending = [...new Set(names)].filter((n) => !allowed.has(n) && !allowed.has(n.split('/')[0]) && !allowed.has(n.split('/').slice(0, 2).join('/')));
    expect(offending).toEqual([]);
    expect(names).toContain('better-sqlite3');
  });
});
