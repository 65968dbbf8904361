import { AppError } from '../../../src-shared/errors';
import type { settingsContract, LocalSettings, SettingsView } from '../../../src-shared/contract/settings';
import { SETTINGS_LABELS } from '../../../src-shared/contract/settings';
import { diffFields } from '../foundation/auditLog';
import type { HandlerContext } from '../foundation/context';
import { backupDirProblem, effectiveBackupDir, readLocalSettings, settingsFileIn, writeLocalSettings } from '../foundation/localSettings';
import { checkUpdateFeed } from '../foundation/updateFeed';
import { saveSetupState, setupView } from '../setupWizard';
import type { Handlers } from './types';

function view(ctx: HandlerContext): SettingsView {
  const { config, appDb } = ctx.core;
  const { settings, problem } = readLocalSettings(config.dataDir);
  return {
    appVersion: config.appVersion,
    dataDir: config.dataDir,
    settingsFile: settingsFileIn(config.dataDir),
    database: { kind: appDb.kind, location: appDb.location },
    backupDir: config.backupDir,
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
  'system.setup.get': async (_input, ctx) => setupView(ctx),
  'system.setup.save': async (input, ctx) => saveSetupState(ctx, input),
};
