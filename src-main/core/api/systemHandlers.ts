import { AppError } from '../../../src-shared/errors';
import type { systemContract } from '../../../src-shared/contract/system';
import { backupSqlite, listBackups } from '../db/backup';
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
      const result = await backupSqlite(appDb.sqlite, config.backupDir, 'manual', (done, total) => job.progress(done, total));
      await ctx.audit.record(ctx.core.db, { entity: 'backup', recordId: null, action: 'create', changes: { file: result.file } });
      job.finish('Готово');
      return result;
    } catch (err) {
      job.finish('Ошибка');
      throw err;
    }
  },
  'system.backup.list': async (_input, ctx) => listBackups(ctx.core.config.backupDir),
};
