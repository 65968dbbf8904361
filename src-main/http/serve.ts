import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { handlers } from '../core/api/index';
import { closeCore, openCore } from '../core/context';
import { configFromEnv } from '../core/db/createDb';
import { createDispatcher } from '../core/dispatcher';
import { createLogger } from '../core/logger';
import { defaultDataDir, sqliteFileIn } from '../core/paths';
import { startHttpServer } from './server';

interface ServeArgs {
  host: string;
  port: number;
  dataDir: string;
}

export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ServeArgs {
  const args: ServeArgs = { host: '127.0.0.1', port: Number(env.PORT ?? 5180), dataDir: defaultDataDir(env) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i] ?? '';
    if (a === '--host') args.host = next();
    else if (a.startsWith('--host=')) args.host = a.slice(7);
    else if (a === '--port') args.port = Number(next());
    else if (a.startsWith('--port=')) args.port = Number(a.slice(7));
    else if (a === '--data') args.dataDir = path.resolve(next());
    else if (a.startsWith('--data=')) args.dataDir = path.resolve(a.slice(7));
  }
  return args;
}

export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1';
}

async function main(): Promise<void> {
  const args = parseServeArgs(process.argv.slice(2));
  const logger = createLogger();
  if (!isLoopback(args.host)) {
    // Serving personal data to the network needs sign-in; until the access layer is on, refuse.
    process.stderr.write(
      `Отказ: адрес ${args.host} открывает персональные данные в локальной сети. Это возможно только после настройки входа по паролю ` +
        '(администратор программы). Запустите без --host или с --host 127.0.0.1.\n',
    );
    process.exit(2);
  }
  const db = configFromEnv(sqliteFileIn(args.dataDir));
  const core = await openCore({ db, dataDir: args.dataDir, logger });
  const dispatcher = createDispatcher(core, handlers);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const staticDir = path.resolve(here, '..', '..', 'dist', 'renderer');
  const running = await startHttpServer({ dispatcher, staticDir, host: args.host, port: args.port });
  process.stdout.write(
    `Школьный офис запущен: ${running.url}\n` +
      `База данных: ${core.appDb.kind === 'sqlite' ? core.appDb.location : `PostgreSQL ${core.appDb.location}`}\n` +
      'Остановить: Ctrl+C\n',
  );
  const stop = async () => {
    await running.close();
    await closeCore(core);
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
