import { AppError } from '../../../src-shared/errors';
import type { settingsContract, LocalSettings, SettingsView } from '../../../src-shared/contract/settings';
import { SETTINGS_LABELS } from '../../../src-shared/contract/settings';
import { diffFields } from '../foundation/auditLog';
import type { HandlerContext } from '../foundation/context';
import { backupDirProblem, effectiveBackupDir, readLocalSettings, settingsFileIn, writeLocalSettings } from '../foundation/localSettings';
import { checkUpdateFeed } from '../foundation/updateFeed';
import { LOG_FILE_NAME, logsDirOf, readCurrentLog, readLogTail } from '../foundation/logFile';
import { saveSetupState, setupView } from '../setupWizard';
import { sqliteFileIn as sqliteDefault } from '../foundation/paths';
import type { Handlers } from './types';
import { runJob } from '../workerJobs';
import { pgWhere, probePostgres } from '../foundation/pgProbe';
import { nextStartOf, saveStartDatabase } from '../startDatabase';

function view(ctx: HandlerContext): SettingsView {
  const { config, appDb } = ctx.core;
  const { settings, problem } = readLocalSettings(config.dataDir);
  return {
    appVersion: config.appVersion,
    dataDir: config.dataDir,
    settingsFile: settingsFileIn(config.dataDir),
    database: { kind: appDb.kind, location: appDb.location },
    nextStart: nextStartOf(config.dataDir, appDb),
    backupDir: config.backupDir,
    logsDir: logsDirOf(config.dataDir),
    backupDirDefault: effectiveBackupDir(config.dataDir, { ...settings, backupDir: null }),
    saved: settings,
    fileProblem: problem,
  };
}

const flat = (s: LocalSettings) => ({ backupDir: s.backupDir, 'updates.mode': s.updates.mode, 'updates.channel': s.updates.channel, 'updates.feedUrl': s.updates.feedUrl });

export const settingsHandlers: Handlers<typeof settingsContract> = {
  'system.settings.get': async (_input, ctx) => view(ctx),
  'system.settings.save': async (input, ctx) => {
    const { config } = ctx.core;
    if (input.backupDir) {
      const problem = backupDirProblem(input.backupDir);
      if (problem) {
        throw new AppError('VALIDATION', `Настройки программы, поле «${SETTINGS_LABELS.backupDir}»: ${problem}. Ничего не изменено.`, {
          issues: [{ path: 'backupDir', message: problem }],
        });
      }
    }
    const before = readLocalSettings(config.dataDir).settings;
    // The audit row goes first: if the database refuses it, the file stays as it was.
    const changes = diffFields(flat(before), flat(input));
    await ctx.core.db.transaction().execute(async (trx) => {
      if (Object.keys(changes).length) await ctx.audit.record(trx, { entity: 'appSettings', recordId: 'settings.json', action: 'update', changes });
      writeLocalSettings(config.dataDir, input);
    });
    config.backupDir = effectiveBackupDir(config.dataDir, input);
    return view(ctx);
  },
  'system.updates.check': async (_input, ctx) => {
    const { settings } = readLocalSettings(ctx.core.config.dataDir);
    return checkUpdateFeed(settings.updates, { installed: ctx.core.config.appVersion });
  },
  'system.logs.read': async ({ limit, minLevel }, ctx) => {
    const logsDir = logsDirOf(ctx.core.config.dataDir);
    const tail = readLogTail(logsDir, { limit, minLevel });
    // Who looked into the program's log is itself worth a trace (it names hosts and errors); a query
    // may only leave an export row, and the lines do leave the core for the screen.
    await ctx.audit.record(ctx.core.db, { entity: 'appLog', recordId: LOG_FILE_NAME, action: 'export', changes: { view: 'screen', minLevel, rows: tail.lines.length } });
    return { logsDir, ...tail };
  },
  'system.logs.download': async (_input, ctx) => {
    const text = readCurrentLog(logsDirOf(ctx.core.config.dataDir));
    const rows = text ? text.split('\n').filter(Boolean).length : 0;
    await ctx.audit.record(ctx.core.db, { entity: 'appLog', recordId: LOG_FILE_NAME, action: 'export', changes: { view: 'file', file: LOG_FILE_NAME, rows } });
    return { fileName: LOG_FILE_NAME, mimeType: 'text/plain; charset=utf-8', contentBase64: Buffer.from(text, 'utf8').toString('base64'), rows };
  },
  'system.demo.load': async (input, ctx) => runJob(ctx, 'system.demo.load', input),
  'system.demo.cancel': async ({ jobId }, ctx) => ({ cancelled: ctx.core.jobs.cancel(jobId) }),
  'system.database.test': async (input) => probePostgres(input),
  'system.database.choose': async (input, ctx) => {
    const { dataDir } = ctx.core.config;
    const target = input.kind === 'postgres' ? { host: input.host, port: input.port, database: input.database, user: input.user, password: input.password } : null;
    if (target) {
      // Tested again here: only a server that answers now is kept for the next start.
      const probe = await probePostgres(target);
      if (!probe.ok) {
        throw new AppError('VALIDATION', `Подключение к базе данных не сохранено. ${probe.message} Ничего не изменено.`, {
          issues: [{ path: /неверный пароль/.test(probe.message) ? 'password' : 'host', message: probe.message }],
        });
      }
    }
    const before = nextStartOf(dataDir, ctx.core.appDb);
    const label = (kind: string, location: string) => (kind === 'sqlite' ? `Файл SQLite ${location}` : `PostgreSQL ${location}`);
    const after = target ? label('postgres', pgWhere(target)) : label('sqlite', sqliteDefault(dataDir));
    // The audit row first (host, port, database and user — never the password): if the database
    // refuses it, the file stays as it was.
    await ctx.core.db.transaction().execute(async (trx) => {
      await ctx.audit.record(trx, { entity: 'appSettings', recordId: 'settings.json', action: 'update', changes: { nextStart: [label(before.kind, before.location), after] } });
      saveStartDatabase(dataDir, target);
    });
    return view(ctx);
  },
  'system.setup.get': async (_input, ctx) => setupView(ctx),
  'system.setup.save': async (input, ctx) => saveSetupState(ctx, input),
};
