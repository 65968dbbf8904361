import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../../src-main/core/api/index';
import { systemCaller } from '../../../src-main/core/access/index';
import { backupSqlite } from '../../../src-main/core/db/backup';
import { createDispatcher } from '../../../src-main/core/dispatcher';
import { closeCore, openCore } from '../../../src-main/core/foundation/context';
import { createLogger, silentSink } from '../../../src-main/core/foundation/logger';
import { sqliteFileIn } from '../../../src-main/core/foundation/paths';
import { createInProcessTransport } from '../../../src-main/core/inProcessTransport';
import { createApiClient } from '../../../src-shared/transport';
import { runCli } from '../../../src-main/cli';
import { startServe, type ServeHandle } from '../../helpers/e2e';
import { pgUrl } from '../../helpers/testDb';

/**
 * `school-office restore` (issue 19, item 5), as a person at the console runs it: refused while a
 * server has the database open, refused for anything that is not a sound backup of ours, and when it
 * does replace, it writes the copy beside the database and renames it over (never a half-copied file).
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src-main', 'cli.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** The same command in this process (faster than a new Node for each refusal), its output captured. */
async function cliHere(args: string[]) {
  let out = '';
  const write = (chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  };
  const [o, e] = [process.stdout.write, process.stderr.write];
  process.stdout.write = write as typeof process.stdout.write;
  process.stderr.write = write as typeof process.stderr.write;
  try {
    const code = await runCli(args);
    return { code, out };
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
  }
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function withClient<T>(dataDir: string, fn: (client: ReturnType<typeof createApiClient>, backup: () => Promise<string>) => Promise<T>): Promise<T> {
  const core = await openCore({ db: { kind: 'sqlite', file: sqliteFileIn(dataDir) }, dataDir, logger: createLogger(silentSink) });
  try {
    const client = createApiClient(createInProcessTransport(createDispatcher(core, handlers), systemCaller()));
    return await fn(client, async () => (await backupSqlite(core.appDb.sqlite!, core.config.backupDir, 'manual')).file);
  } finally {
    await closeCore(core);
  }
}

const CARD = (shortName: string) => ({ card: { fullName: `МБОУ «${shortName}»`, shortName, kind: 'Средняя общеобразовательная школа' as const }, version: 0 });

describe('CLI restore', () => {
  let dataDir: string;
  let backupFile: string;
  let target: string;
  let serve: ServeHandle | null = null;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-restore-'));
    target = sqliteFileIn(dataDir);
    backupFile = await withClient(dataDir, async (client, backup) => {
      await client.call('school.card.save', CARD('Школа до'));
      return backup();
    });
    await withClient(dataDir, async (client) => {
      const { version } = await client.call('school.card.get');
      await client.call('school.card.save', { ...CARD('Школа после'), version });
    });
  });
  afterAll(async () => {
    await serve?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const shortName = () => withClient(dataDir, async (client) => (await client.call('school.card.get')).card?.shortName);

  it('refuses while a server has the database open, and changes nothing', async () => {
    serve = await startServe({ dataDir });
    const before = sha(target);
    const r = cli(['restore', backupFile, '--data', dataDir]);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/программа запущена/);
    expect(r.out).toMatch(new RegExp(`PID ${'\\d+'}`));
    expect(sha(target)).toBe(before);
    const status = await fetch(`${serve.url}/api/system.status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(status.status).toBe(200);
    await serve.stop();
    serve = null;
    expect(await shortName()).toBe('Школа после');
  });

  it('refuses a damaged file, a database that is not ours and one from a newer app, changing nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-bad-'));
    const truncated = path.join(dir, 'truncated.sqlite3');
    fs.writeFileSync(truncated, fs.readFileSync(backupFile).subarray(0, 8192));
    const foreign = path.join(dir, 'foreign.sqlite3');
    const f = new BetterSqlite3(foreign);
    f.exec('create table notes (id integer primary key, text text); insert into notes (text) values (\'x\')');
    f.close();
    const newer = path.join(dir, 'newer.sqlite3');
    fs.copyFileSync(backupFile, newer);
    const n = new BetterSqlite3(newer);
    n.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run('9999_from_the_future', new Date().toISOString());
    n.close();
    const before = sha(target);
    for (const [file, message] of [
      [truncated, /повреждён|не является базой SQLite/],
      [foreign, /не является резервной копией «Школьного офиса»/],
      [newer, /более новой версией программы/],
      [path.join(dir, 'missing.sqlite3'), /не найден/],
    ] as const) {
      const r = await cliHere(['restore', file, '--data', dataDir]);
      expect(r.code, `${file}: ${r.out}`).toBe(1);
      expect(r.out, file).toMatch(message);
      expect(r.out, file).toMatch(/ничего не изменено/i);
      expect(sha(target), file).toBe(before);
    }
    expect(fs.readdirSync(dataDir).filter((x) => x.includes('restore'))).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('restores a sound backup by writing it beside the database and renaming it over; the old one is kept', async () => {
    const inode = fs.statSync(target).ino;
    const r = cli(['restore', backupFile, '--data', dataDir]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/База восстановлена/);
    // A new file took the old one's name (rename), nothing half-written was left beside it.
    expect(fs.statSync(target).ino).not.toBe(inode);
    expect(fs.readdirSync(dataDir).filter((x) => /restore-tmp|\.lock$/.test(x))).toEqual([]);
    if (process.platform !== 'win32') expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    expect(await shortName()).toBe('Школа до');
    const saved = fs.readdirSync(path.join(dataDir, 'backups')).filter((x) => x.endsWith('_before-restore.sqlite3'));
    expect(saved).toHaveLength(1);
    const old = new BetterSqlite3(path.join(dataDir, 'backups', saved[0]), { readonly: true });
    expect((old.prepare('select short_name from school_card').get() as { short_name: string }).short_name).toBe('Школа после');
    old.close();
  });

  it.skipIf(!pgUrl())('refuses to restore over PostgreSQL (pg_restore is the way) and changes nothing', () => {
    const r = cli(['restore', backupFile, '--data', dataDir], { DATABASE_URL: pgUrl() as string });
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/pg_restore/);
  });
});
