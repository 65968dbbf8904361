import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { classWithSealedPasswords } from '../../helpers/accessHelpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../../src-main/core/api/index';
import { accessHooks, systemCaller } from '../../../src-main/core/access/index';
import { createDispatcher, type Dispatcher } from '../../../src-main/core/dispatcher';
import { closeCore, openCore, type Core } from '../../../src-main/core/foundation/context';
import { createLogger, silentSink } from '../../../src-main/core/foundation/logger';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

/**
 * Issue 24, item 3: `demo --out FILE` sealed the demo's initial passwords with the key of the default
 * data folder, so a server given that file with any other data folder refused every letter
 * («Недостаточно прав: … ключом другого компьютера»). The key now lives beside the SQLite file.
 */
describe('the demo file carries its passwords key', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'so-demo-key-'));
  const file = path.join(tmp, 'files', 'demo.sqlite3');
  let core: Core;
  let dispatcher: Dispatcher;

  beforeAll(() => {
    fs.mkdirSync(path.dirname(file));
    // The real command, with a data folder of its own that the server below never sees.
    execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src-main', 'cli.ts'), 'demo', '--out', file, '--without-timetable'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', SCHOOL_OFFICE_DATA: path.join(tmp, 'cli-data') },
      stdio: 'pipe',
    });
  }, 120_000);
  afterAll(async () => {
    if (core) await closeCore(core);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('prints the class letters when the file is opened with another data folder', async () => {
    expect(fs.existsSync(path.join(path.dirname(file), 'portal-accounts.key'))).toBe(true);
    core = await openCore({ db: { kind: 'sqlite', file }, dataDir: path.join(tmp, 'server-data'), logger: createLogger(silentSink) });
    dispatcher = createDispatcher(core, handlers, accessHooks());
    const sealed = { classId: await classWithSealedPasswords(core.db) };
    const r = await dispatcher.call(systemCaller('in-process', 'Администратор'), 'accounts.letters', { classId: sealed.classId, format: 'pdf' });
    expect(r.ok, r.ok ? '' : r.error.message).toBe(true);
    expect((r as { value: { rows: number } }).value.rows).toBeGreaterThan(0);
  });
});
