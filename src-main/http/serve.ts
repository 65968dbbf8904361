import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDatabase, startFailure } from '../core/startDatabase';
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
  /** `--help`/`-h`: print {@link SERVE_HELP} and exit before anything is opened. */
  help: boolean;
  /** Options this command does not know, refused before a server or a database is started. */
  unknown: string[];
}

export const SERVE_HELP = `Школьный офис в браузере: запускает программу на этом компьютере и печатает адрес.

  npm run serve [-- ПАРАМЕТРЫ]       собрать интерфейс и запустить
  npm run serve:dev [-- ПАРАМЕТРЫ]   запустить без сборки (интерфейс уже собран: npx vite build)

Параметры:
  --port ЧИСЛО     порт (по умолчанию 5180 или переменная PORT)
  --host АДРЕС     адрес (по умолчанию 127.0.0.1 — только этот компьютер; адрес сети
                   разрешён, когда уже создан администратор)
  --data ПАПКА     папка данных (по умолчанию SCHOOL_OFFICE_DATA или папка пользователя)
  --allow-host ИМЯ ещё одно имя этого компьютера в сети, по которому к нему обращаются
  -h, --help       эта справка

База данных: DATABASE_URL (postgres://… либо sqlite:/путь/файл.sqlite3), если задана;
иначе сервер PostgreSQL, выбранный в «Настройки программы → Использовать при следующем
запуске» (settings.json в папке данных); иначе файл school-office.sqlite3 в папке данных.
При первом запуске на пустой базе программа в браузере попросит создать администратора
и ввести код первого запуска, напечатанный здесь: пароля по умолчанию нет,
администратор заводит остальных пользователей.
`;

export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ServeArgs {
  const args: ServeArgs = { host: '127.0.0.1', port: Number(env.PORT ?? 5180), dataDir: defaultDataDir(env), allowHosts: [], help: false, unknown: [] };
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
    else if (a === '--help' || a === '-h') args.help = true;
    else args.unknown.push(a);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseServeArgs(process.argv.slice(2));
  // Help and typos answer before anything starts: `serve --help` must not open a database or a port.
  if (args.help) {
    process.stdout.write(SERVE_HELP);
    return;
  }
  if (args.unknown.length > 0) {
    process.stderr.write(`Неизвестный параметр: ${args.unknown.join(' ')}. Справка: npm run serve:dev -- --help\n`);
    process.exit(2);
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
    process.stderr.write('Порт (--port или PORT) должен быть целым числом от 0 до 65535.\n');
    process.exit(2);
  }
  const logger = createLogger();
  // DATABASE_URL, else the server saved in settings.json, else the folder's SQLite file; an
  // encrypted folder's key (database.key) is attached to its SQLite file.
  const start = startDatabase(args.dataDir);
  const db = keyedConfig(start.config, args.dataDir, sqliteFileIn(args.dataDir));
  // A first start names a folder that does not exist yet: the lock file below needs it.
  fs.mkdirSync(args.dataDir, { recursive: true, mode: 0o700 });
  // Held while the server runs: `restore` refuses to replace the file under it (issue 19).
  const { core, dispatcher, close } = await startApp({ db, dataDir: args.dataDir, logger, running: { holder: 'сервер (serve)', refusal: 'Сервер не запущен' } }).catch((err: unknown) => {
    throw startFailure(err, start, args.dataDir);
  });
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
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    process.stderr.write('Интерфейс ещё не собран: выполните npx vite build (или запускайте npm run serve, он собирает сам).\n');
  }
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
