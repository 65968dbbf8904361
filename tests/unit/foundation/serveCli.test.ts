import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

/** Runs the real `serve` entry the way `npm run serve:dev -- …` does; kills it after 30 s so a server that started anyway fails the test instead of hanging it. */
function runServe(dataDir: string, args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src-main', 'http', 'serve.ts'), '--port', '0', '--data', dataDir, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

describe('serve on the command line', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-serve-cli-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('`--help` prints the help in Russian and exits without opening a database or a port', async () => {
    const r = await runServe(dataDir, ['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Параметры:');
    expect(r.out).toContain('--port ЧИСЛО');
    expect(r.out).toContain('попросит создать администратора');
    expect(r.out).not.toContain('запущен');
    expect(fs.readdirSync(dataDir)).toEqual([]);
  }, 40_000);

  it('an unknown option is refused by name, before anything starts', async () => {
    const r = await runServe(dataDir, ['--prot', '5110']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Неизвестный параметр: --prot 5110');
    expect(r.out).not.toContain('запущен');
    expect(fs.readdirSync(dataDir)).toEqual([]);
  }, 40_000);
});
