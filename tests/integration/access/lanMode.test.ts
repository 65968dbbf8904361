import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { handlers } from '../../../src-main/core/api/index';
import { accessHooks, systemCaller } from '../../../src-main/core/access/authorize';
import { decideLanMode } from '../../../src-main/core/access/lanMode';
import { closeCore, openCore } from '../../../src-main/core/foundation/context';
import { createDispatcher } from '../../../src-main/core/dispatcher';
import { createLogger, silentSink } from '../../../src-main/core/foundation/logger';
import { sqliteFileIn } from '../../../src-main/core/foundation/paths';
import { ADMIN } from '../../helpers/accessHelpers';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

interface Run {
  output(): string;
  exited: Promise<number | null>;
  kill(): void;
}

function serve(dataDir: string, args: string[]): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src-main', 'http', 'serve.ts'), '--port', '0', '--data', dataDir, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return {
    output: () => out,
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
    kill: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
    },
  };
}

describe('LAN mode (`serve --host 0.0.0.0`)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-lan-'));
  const runs: Run[] = [];
  afterAll(async () => {
    for (const r of runs) {
      r.kill();
      await r.exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('is refused while no administrator exists, with the reason in Russian', async () => {
    const run = serve(dataDir, ['--host', '0.0.0.0']);
    runs.push(run);
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('Отказ: адрес 0.0.0.0 открывает персональные данные в локальной сети');
    expect(run.output()).toContain('администратор программы ещё не создан');
    expect(run.output()).not.toContain('запущен');
  });

  it('starts once an administrator exists, warns about personal data on the network, and still requires sign-in', async () => {
    const core = await openCore({ db: { kind: 'sqlite', file: sqliteFileIn(dataDir) }, dataDir, logger: createLogger(silentSink) });
    expect(await decideLanMode(core.db, '0.0.0.0', 5180)).toMatchObject({ allowed: false });
    const dispatcher = createDispatcher(core, handlers, accessHooks());
    expect((await dispatcher.call(systemCaller(), 'access.setup.createAdmin', ADMIN)).ok).toBe(true);
    expect(await decideLanMode(core.db, '0.0.0.0', 5180)).toMatchObject({ allowed: true });
    await closeCore(core);

    const run = serve(dataDir, ['--host', '0.0.0.0']);
    runs.push(run);
    await expect.poll(() => /запущен: (http:\/\/\S+)/.exec(run.output()), { timeout: 60_000, interval: 200 }).toBeTruthy();
    expect(run.output()).toContain('ВНИМАНИЕ: программа доступна в локальной сети');
    expect(run.output()).toContain('персональные данные');
    const port = new URL(/запущен: (http:\/\/\S+)/.exec(run.output())![1]).port;
    const base = `http://127.0.0.1:${port}`;
    const status = await fetch(`${base}/api/system.status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(status.status).toBe(200);
    const card = await fetch(`${base}/api/school.card.get`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(card.status).toBe(401);
  });
});
