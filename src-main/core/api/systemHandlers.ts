import { AppError } from '../../../src-shared/errors';
import type { systemContract } from '../../../src-shared/contract/system';
import type { Kysely } from 'kysely';
import { backupSqlite, listBackups } from '../db/backup';
import { lastDailyBackup, readBackupSchedule, writeBackupSchedule } from '../db/backupSchedule';
import { latestSchemaVersion } from '../db/migrate';
import { restoreInPlace } from '../db/restore';
import type { Database } from '../db/schema';
import { diffFields } from '../foundation/auditLog';
import { importKeyBundle, keyBundleFileName, makeKeyBundle, parseKeyBundle } from '../keyBundle';
import type { Handlers } from './types';

export const systemHandlers: Handlers<typeof systemContract> = {
  'system.status': async (_input, ctx) => {
    const { appDb, migration, config } = ctx.core;
    return {
      appVersion: config.appVersion,
      database: {
        kind: appDb.kind,
        location: appDb.location,
        schemaVersion: migration.schemaVersion,
        migrations: Number(migration.schemaVersion.slice(0, 4)) || 0,
        encrypted: Boolean(appDb.sqliteKey),
      },
      transport: ctx.caller.transport,
      serverTime: new Date().toISOString(),
    };
  },
  'system.backup.create': async (input, ctx) => {
    const { appDb, config, jobs } = ctx.core;
    if (!appDb.sqlite || appDb.location === ':memory:') {
      throw new AppError(
        'VALIDATION',
        'Резервная копия из программы делается только для файла SQLite. Базу PostgreSQL копирует администратор сервера (pg_dump).',
      );
    }
    const job = jobs.start('Резервная копия базы', input?.jobId);
    try {
      const result = await backupSqlite(appDb.sqlite, config.backupDir, 'manual', (done, total) => job.progress(done, total), appDb.sqliteKey);
      await ctx.audit.record(ctx.core.db, { entity: 'backup', recordId: null, action: 'create', changes: { file: result.file } });
      job.finish('Готово');
      return result;
    } catch (err) {
      job.finish('Ошибка');
      throw err;
    }
  },
  'system.backup.list': async (_input, ctx) => listBackups(ctx.core.config.backupDir),
  'system.backup.restore': async ({ name, jobId }, ctx) => {
    const { appDb, config, jobs } = ctx.core;
    const backup = listBackups(config.backupDir).find((b) => b.name === name);
    if (!backup) throw new AppError('NOT_FOUND', `Резервная копия «${name}» не найдена в папке ${config.backupDir}: обновите список. Ничего не изменено.`);
    const job = jobs.start('Восстановление из резервной копии', jobId);
    try {
      const { before } = await restoreInPlace(appDb, config.backupDir, backup.file);
      // Written into the restored database: its log tells who brought it back and from what.
      await ctx.audit.record(ctx.core.db, { entity: 'backup', recordId: null, action: 'restore', changes: { from: backup.name, savedBefore: before.name } });
      job.finish('Готово');
      ctx.core.logger.warn('database restored from a backup', { from: backup.file, savedBefore: before.file });
      return { restoredFrom: backup, savedBefore: before, schemaVersion: latestSchemaVersion() };
    } catch (err) {
      job.finish('Ошибка');
      throw err;
    }
  },
  'system.backup.schedule.get': async (_input, ctx) => scheduleView(ctx.core.db, ctx.core.config.backupDir),
  'system.backup.schedule.save': async (input, ctx) => {
    await ctx.core.db.transaction().execute(async (trx) => {
      const before = await readBackupSchedule(trx);
      await writeBackupSchedule(trx, input, new Date().toISOString());
      const changes = diffFields({ ...before }, { ...input });
      if (Object.keys(changes).length) await ctx.audit.record(trx, { entity: 'backup', recordId: 'schedule', action: 'update', changes });
    });
    return scheduleView(ctx.core.db, ctx.core.config.backupDir);
  },
  'system.keys.export': async (_input, ctx) => {
    const { appDb, config } = ctx.core;
    const bundle = makeKeyBundle(config.portalKeyDir, appDb.sqliteKey ?? null);
    // The keys themselves never reach the log: only which ones left, and their ids.
    await ctx.audit.record(ctx.core.db, { entity: 'backup', recordId: 'keys', action: 'export', changes: { portalKeyId: bundle.portalKeyId, databaseKey: bundle.databaseKey !== null } });
    return { fileName: keyBundleFileName(), mimeType: 'application/json', contentBase64: Buffer.from(`${JSON.stringify(bundle, null, 2)}\n`).toString('base64'), rows: 0 };
  },
  'system.keys.import': async ({ contentBase64 }, ctx) => {
    const { appDb, config } = ctx.core;
    const bundle = parseKeyBundle(Buffer.from(contentBase64, 'base64').toString('utf8'));
    const file = appDb.kind === 'sqlite' && appDb.location !== ':memory:' ? appDb.location : null;
    const result = importKeyBundle(config.dataDir, bundle, { file, key: appDb.sqliteKey ?? null }, config.portalKeyDir);
    await ctx.audit.record(ctx.core.db, { entity: 'backup', recordId: 'keys', action: 'import', changes: { portal: result.portal, portalKeyId: bundle.portalKeyId, database: result.database } });
    return result;
  },
};

async function scheduleView(db: Kysely<Database>, backupDir: string) {
  return { ...(await readBackupSchedule(db)), lastDaily: lastDailyBackup(backupDir) };
}
