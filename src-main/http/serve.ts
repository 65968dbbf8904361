import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configFromEnv } from '../core/db/createDb';
import { countUsers } from '../core/access/index';
import { decideLanMode } from '../core/access/index';
import { startApp } from '../core/startApp';
import { createLogger } from '../core/foundation/logger';
import { defaultDataDir, sqliteFileIn } from '../core/foundation/paths';
import { isLoopbackHost } from './hostGuard';
import { startHttpServer } from './server';
import { keyedConfig } from '../core/db/dbKey';

interface ServeArgs {
  host: string;
  port: number;
  dataDir: string;
  /** Extra names LAN clients may use for this computer (DNS names the school gave it). */
  allowHosts: string[];
}

export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ServeArgs {
  const args: ServeArgs = { host: '127.0.0.1', port: Number(env.PORT ?? 5180), dataDir: defaultDataDir(env), allowHosts: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i] ?? '';
    if (a === '--host') args.host = next();
    else if (a.startsWith('--host=')) args.host = a.slice(7);
    else if (a === '--port') args.port = Number(next());
    else if (a.startsWith('--port=')) args.port = Number(a.slice(7));
    else if (a === '--data') args.dataDir = path.resolve(next());
    else if (a.startsWith('--data=')) args.dataDir = path.resolve(a.slice(7));
    else if (a === '--allow-host') args.allowHosts.push(next());
    else if (a.startsWith('--allow-host=')) args.allowHosts.push(a.slice(13));
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseServeArgs(process.argv.slice(2));
  const logger = createLogger();
  // An encrypted folder's key (database.key) is attached to its SQLite file.
  const db = keyedConfig(configFromEnv(sqliteFileIn(args.dataDir)), args.dataDir, sqliteFileIn(args.dataDir));
  // Held while the server runs: `restore` refuses to replace the file under it (issue 19).
  const { core, dispatcher, close } = await startApp({ db, dataDir: args.dataDir, logger, running: { holder: 'сервер (serve)', refusal: 'Сервер не запущен' } });
  if (!isLoopbackHost(args.host)) {
    const lan = await decideLanMode(core.db, args.host, args.port);
    if (!lan.allowed) {
      process.stderr.write(`${lan.reason}\n`);
      await close();
      process.exit(2);
    }
    process.stderr.write(`${lan.warning}\n`);
    logger.warn('serving on the network', { host: args.host, port: args.port });
  }
  const here = path.dirname(fileURLToPath(import.meta.url));
  const staticDir = path.resolve(here, '..', '..', 'dist', 'renderer');
  const running = await startHttpServer({ dispatcher, staticDir, host: args.host, port: args.port, allowedHostNames: args.allowHosts });
  process.stdout.write(
    `Школьный офис запущен: ${running.url}\n` +
      `База данных: ${core.appDb.kind === 'sqlite' ? core.appDb.location : `PostgreSQL ${core.appDb.location}`}\n` +
      'Остановить: Ctrl+C\n',
  );
  if ((await countUsers(core.db)) === 0) {
    // Only the person at this console sees it: a web page that reached the port cannot.
    process.stdout.write(
      `\nПервый запуск: администратора программы ещё нет.\nКод первого запуска: ${core.firstRun.issue()}\n` +
        'Введите его на экране «Первый запуск» в браузере вместе с логином и паролем администратора.\n',
    );
  }
  const stop = async () => {
    await running.close();
    await close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    process.stderr.write(`Не удалось запустить: ${String((err as Error)?.message ?? err)}\n`);
    process.exit(1);
  });
}
