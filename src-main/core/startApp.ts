import { accessHooks } from './access/index';
import { handlers } from './api/index';
import { createDispatcher, type Dispatcher } from './dispatcher';
import { auditRecorder } from './foundation/auditRecorder';
import { systemCaller } from './access/index';
import path from 'node:path';
import { acquireAppLock, type AppLock } from './db/appLock';
import { startBackupScheduler } from './db/backupSchedule';
import { closeCore, openCore, type Core, type OpenCoreOptions } from './foundation/context';
import { openMissingEnrolmentAccountTasks } from './movement/index';

export interface App {
  core: Core;
  dispatcher: Dispatcher;
  close(): Promise<void>;
}

export interface StartAppOptions extends OpenCoreOptions {
  /**
   * A program that runs for a while (serve, the desktop's core process): it holds the lock file of a
   * SQLite database, so `restore` refuses to replace the file under it, and makes the daily backups
   * (issue 19, item 5). `holder` is how a refused restore names it.
   */
  running?: { holder: string; refusal: string };
}

/**
 * The core as every long-running shape starts it (serve, the desktop's core process): the database
 * opened and migrated, the dispatcher with the real rights check, and the one-time catch-ups.
 */
export async function startApp(opts: StartAppOptions): Promise<App> {
  const lock: AppLock | null = opts.running && opts.db.kind === 'sqlite' ? acquireAppLock(path.resolve(opts.db.file), opts.running.holder, opts.running.refusal) : null;
  let core: Core;
  try {
    core = await openCore(opts);
  } catch (err) {
    lock?.release();
    throw err;
  }
  try {
    await catchUp(core);
  } catch (err) {
    // A catch-up that fails leaves the data as it was; the app still starts and says so in its log.
    core.logger.error('start-up catch-up failed', { error: String((err as Error)?.message ?? err) });
  }
  const logger = core.logger;
  const stopBackups = opts.running ? startBackupScheduler(core.appDb, () => core.config.backupDir, (level, message, data) => logger[level](message, data)) : () => undefined;
  const close = async () => {
    stopBackups();
    try {
      await closeCore(core);
    } finally {
      lock?.release();
    }
  };
  return { core, dispatcher: createDispatcher(core, handlers, accessHooks()), close };
}

/**
 * Enrolments signed before signing opened the portal-account tasks get them now, as the system,
 * audited; idempotent, and a single query when there is nothing to do.
 */
async function catchUp(core: Core): Promise<void> {
  const method = 'system.start';
  const caller = systemCaller('in-process', 'Система');
  const audit = auditRecorder(caller, method, 'portalAccount');
  const opened = await core.db.transaction().execute((trx) => openMissingEnrolmentAccountTasks({ core, caller, method, audit }, trx));
  if (opened > 0) core.logger.info('opened missing portal-account tasks', { pupils: opened });
}
