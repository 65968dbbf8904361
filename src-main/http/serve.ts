import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configFromEnv } from '../core/db/createDb';
import { decideLanMode } from '../core/access/index';
import { startApp } from '../core/startApp';
import { createLogger } from '../core/foundation/logger';
import { defaultDataDir, sqliteFileIn } from '../core/foundation/paths';
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
  const db = configFromEnv(sqliteFileIn(args.dataDir));
  const { core, dispatcher, close } = await startApp({ db, dataDir: args.dataDir, logger });
  if (!isLoopback(args.host)) {
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
  const running = await startHttpServer({ dispatcher, staticDir, host: args.host, port: args.port });
  process.stdout.write(
    `Школьный офис запущен: ${running.url}\n` +
      `База данных: ${core.appDb.kind === 'sqlite' ? core.appDb.location : `PostgreSQL ${core.appDb.location}`}\n` +
      'Остановить: Ctrl+C\n',
  );
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
