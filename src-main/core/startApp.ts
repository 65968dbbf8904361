import { accessHooks } from './access/index';
import { handlers } from './api/index';
import { createDispatcher, type Dispatcher } from './dispatcher';
import { auditRecorder } from './foundation/auditRecorder';
import { systemCaller } from './access/index';
import { closeCore, openCore, type Core, type OpenCoreOptions } from './foundation/context';
import { openMissingEnrolmentAccountTasks } from './movement/index';

export interface App {
  core: Core;
  dispatcher: Dispatcher;
  close(): Promise<void>;
}

/**
 * The core as every long-running shape starts it (serve, the desktop's core process): the database
 * opened and migrated, the dispatcher with the real rights check, and the one-time catch-ups.
 */
export async function startApp(opts: OpenCoreOptions): Promise<App> {
  const core = await openCore(opts);
  try {
    await catchUp(core);
  } catch (err) {
    // A catch-up that fails leaves the data as it was; the app still starts and says so in its log.
    core.logger.error('start-up catch-up failed', { error: String((err as Error)?.message ?? err) });
  }
  return { core, dispatcher: createDispatcher(core, handlers, accessHooks()), close: () => closeCore(core) };
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
