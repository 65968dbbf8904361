import { createIpcSessions } from '../core/access/index';
import { startDatabase, startFailure } from '../core/startDatabase';
import { attachKey, databaseKeyFor } from '../core/db/dbKey';
import { createLogger } from '../core/foundation/logger';
import { defaultDataDir, sqliteFileIn } from '../core/foundation/paths';
import { runSelfCheck } from '../core/selfCheck';
import { startApp } from '../core/startApp';
import { serveCore } from './coreHost';
import type { FromCore, PortLike, ToCore } from './coreProtocol';

/**
 * The desktop's core process: started by the shell as an Electron utilityProcess (or, in tests, a
 * Node child process), it opens the database and runs the dispatcher, so a long write never
 * freezes the window. It imports nothing of Electron.
 */
interface ParentPortLike {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

function parentChannel(): PortLike<ToCore, FromCore> {
  const electronPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
  if (electronPort) return { postMessage: (m) => electronPort.postMessage(m), onMessage: (l) => electronPort.on('message', (e) => l(e.data as ToCore)) };
  if (process.send) return { postMessage: (m) => process.send!(m), onMessage: (l) => process.on('message', (m) => l(m as ToCore)) };
  throw new Error('the core process needs a parent to talk to');
}

async function main(): Promise<void> {
  const port = parentChannel();
  const dataArg = process.argv.indexOf('--data');
  const dataDir = dataArg >= 0 ? process.argv[dataArg + 1] : defaultDataDir();
  const logger = createLogger((level, message, data) => port.postMessage({ type: 'log', level, message, data }));
  // The shell takes the database key out of the OS key store (only the main process has it) and
  // sends it first; a core started without a shell (tests) reads the folder's key file itself.
  const fromShell = process.argv.includes('--key-from-shell')
    ? new Promise<string | null>((resolve) => port.onMessage((m) => m.type === 'key' && resolve(m.key)))
    : null;
  try {
    const shellKey = fromShell ? await fromShell : undefined;
    const key = shellKey === undefined ? databaseKeyFor(dataDir) : shellKey === null ? null : Buffer.from(shellKey, 'base64');
    // DATABASE_URL, else the server saved in settings.json, else the folder's SQLite file.
    const start = startDatabase(dataDir);
    const db = attachKey(start.config, sqliteFileIn(dataDir), key);
    // Held while the window runs: `restore` refuses to replace the file under it (issue 19).
    const app = await startApp({ db, dataDir, logger, running: { holder: 'окно программы', refusal: 'Программа не запущена' } }).catch((err: unknown) => {
      throw startFailure(err, start, dataDir);
    });
    serveCore(port, app.dispatcher, createIpcSessions(app.core));
    port.postMessage({ type: 'ready', database: app.core.appDb.kind === 'sqlite' ? app.core.appDb.location : `PostgreSQL ${app.core.appDb.location}` });
  } catch (err) {
    port.postMessage({ type: 'fatal', message: String((err as Error)?.message ?? err) });
  }
}

/** `coreProcess.cjs --self-check`: plain Node, no parent, no database; prints the report as JSON. */
async function selfCheck(): Promise<void> {
  const report = await runSelfCheck();
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.exit(report.ok ? 0 : 1);
}

if (process.argv.includes('--self-check')) void selfCheck();
else void main();
