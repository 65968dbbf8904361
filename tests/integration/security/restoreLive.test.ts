import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runDailyBackup } from '../../../src-main/core/db/backupSchedule';
import { createSignedInUser } from '../../helpers/accessHelpers';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

/**
 * Restore and daily backups from inside the running program (issue 19, item 5) — what
 * «Администрирование → Резервные копии» calls for a user who never opens a terminal.
 */
const CARD = (shortName: string, version: number) => ({ card: { fullName: `МБОУ «${shortName}»`, shortName, kind: 'Средняя общеобразовательная школа' as const }, version });

describeEachDb('restore and daily backups in the running program', (kind) => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore(kind);
    await t.client.call('access.setup.createAdmin', { login: 'admin', fullName: 'Админова Анна', password: 'Admin-2026-pass' });
  });
  afterEach(async () => {
    await t.cleanup();
  });

  const shortName = async () => (await t.client.call('school.card.get')).card?.shortName;

  it.runIf(kind === 'sqlite')('restores a backup under running calls, keeps the replaced database and signs everyone out', async () => {
    await t.client.call('school.card.save', CARD('Школа до', 0));
    const backup = await t.client.call('system.backup.create', {});
    await t.client.call('school.card.save', CARD('Школа после', 1));
    const { client: secretary } = await createSignedInUser(t, { login: 'sekretar', roles: ['secretary'] });
    expect((await secretary.call('school.card.get')).card?.shortName).toBe('Школа после');

    // Calls keep coming while the file is swapped: each one answers, from the old or the new file.
    let stop = false;
    const reads: string[] = [];
    const reader = (async () => {
      while (!stop) {
        reads.push(String((await t.client.call('school.card.get')).card?.shortName));
        // Like requests arriving from the network: one per turn of the event loop.
        await new Promise((r) => setImmediate(r));
      }
    })();
    const restored = await t.client.call('system.backup.restore', { name: backup.name });
    stop = true;
    await reader;
    expect(reads.length).toBeGreaterThan(0);
    expect(new Set(reads).size).toBeLessThanOrEqual(2);

    expect(restored.restoredFrom.name).toBe(backup.name);
    expect(restored.savedBefore.kind).toBe('before-restore');
    expect(await shortName()).toBe('Школа до');
    // The replaced database is kept, and the restored one knows who restored it.
    const list = await t.client.call('system.backup.list');
    expect(list.map((b) => b.name)).toContain(restored.savedBefore.name);
    const log = await t.core.db.selectFrom('auditLog').select(['action', 'changes']).where('entity', '=', 'backup').where('action', '=', 'restore').execute();
    expect(log).toHaveLength(1);
    // Every session ended: the secretary signs in again.
    expect(await secretary.raw('school.card.get')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // The file was replaced, not rewritten in place; nothing is left beside it.
    expect(fs.readdirSync(t.dataDir).filter((f) => f.includes('restore-tmp'))).toEqual([]);
    const integrity = t.core.appDb.sqlite!.prepare('pragma integrity_check').get() as { integrity_check: string };
    expect(integrity.integrity_check).toBe('ok');
  });

  it.runIf(kind === 'sqlite')('refuses a damaged file in the backup folder and keeps working on the current database', async () => {
    await t.client.call('school.card.save', CARD('Школа', 0));
    const backup = await t.client.call('system.backup.create', {});
    const bad = path.join(t.core.config.backupDir, 'school-office_2026-01-01_00-00-00_manual.sqlite3');
    fs.writeFileSync(bad, fs.readFileSync(backup.file).subarray(0, 4096));
    const env = await t.client.raw('system.backup.restore', { name: path.basename(bad) });
    expect(env).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!env.ok) expect(env.error.message).toMatch(/повреждён.*Ничего не изменено/);
    expect(await t.client.raw('system.backup.restore', { name: '../school-office.sqlite3' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await shortName()).toBe('Школа');
    expect((await t.client.call('system.backup.list')).filter((b) => b.kind === 'before-restore')).toEqual([]);
  });

  it.runIf(kind === 'postgres')('says that PostgreSQL is restored on the server', async () => {
    const env = await t.client.raw('system.backup.restore', { name: 'school-office_2026-01-01_00-00-00_manual.sqlite3' });
    expect(env.ok).toBe(false);
    expect(await runDailyBackup(t.core.appDb, t.core.config.backupDir)).toBeNull();
  });

  it('makes a verified daily backup once a day, keeps the configured number, and can be switched off', async () => {
    const schedule = await t.client.call('system.backup.schedule.get');
    expect(schedule).toMatchObject({ enabled: true, keep: 14, lastDaily: null });
    const saved = await t.client.call('system.backup.schedule.save', { enabled: true, keep: 2 });
    expect(saved.keep).toBe(2);
    if (kind === 'postgres') return;
    const day = 24 * 60 * 60 * 1000;
    const start = Date.now();
    const first = await runDailyBackup(t.core.appDb, t.core.config.backupDir, start);
    expect(first?.verified).toBe(true);
    expect(first?.kind).toBe('daily');
    if (process.platform !== 'win32') expect(fs.statSync(first!.file).mode & 0o777).toBe(0o600);
    expect(await runDailyBackup(t.core.appDb, t.core.config.backupDir, start + 60_000)).toBeNull();
    // Two more days: a copy each; only the last two are kept.
    for (const [i, at] of [start + day, start + 2 * day].entries()) {
      const b = await runDailyBackup(t.core.appDb, t.core.config.backupDir, at);
      expect(b, `day ${i + 2}`).not.toBeNull();
      // The folder's clock is the file time: age the newest copy as that day passes.
      fs.utimesSync(b!.file, new Date(at), new Date(at));
      await new Promise((r) => setTimeout(r, 1100));
    }
    const daily = (await t.client.call('system.backup.list')).filter((b) => b.kind === 'daily');
    expect(daily).toHaveLength(2);
    expect((await t.client.call('system.backup.schedule.get')).lastDaily?.name).toBe(daily[0].name);
    await t.client.call('system.backup.schedule.save', { enabled: false, keep: 2 });
    expect(await runDailyBackup(t.core.appDb, t.core.config.backupDir, start + 10 * day)).toBeNull();
  });
});
