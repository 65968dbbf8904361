import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../src-shared/errors';
import { plural } from '../src-shared/domain/plural';
import { closeCore, openCore, type Core } from './core/foundation/context';
import type { DbConfig } from './core/db/createDb';
import { startDatabase, startFailure } from './core/startDatabase';
import { DATABASE_SOURCE_TITLES } from '../src-shared/contract/settings';
import { backupSqlite } from './core/db/backup';
import { acquireAppLock } from './core/db/appLock';
import { inspectBackup, prepareRestoreCopy, replaceDatabaseFile } from './core/db/restore';
import { databaseKeyFor, keyedConfig } from './core/db/dbKey';
import { decryptDatabase, encryptDatabase } from './core/db/encryption';
import { generateSchool } from './core/demo/generateSchool';
import { hasPupils, writeDemo } from './core/demo/writeDemo';
import { buildDemoTimetable } from './core/demo/demoTimetable';
import { handlers } from './core/api/index';
import { createDispatcher } from './core/dispatcher';
import { accessHooks, systemCaller } from './core/access/index';
import { createInProcessTransport } from './core/inProcessTransport';
import { createApiClient } from '../src-shared/transport';
import { openVault } from './core/accounts/index';
import { createLogger } from './core/foundation/logger';
import { resetPasswordFromConsole } from './core/consoleReset';
import { defaultDataDir, sqliteFileIn } from './core/foundation/paths';

/**
 * The CLI's commands. `cli.ts` loads this module only when a command runs, so `--help` and a mistyped
 * option answer at once instead of loading the whole core first.
 */

export type Flags = Record<string, string | true>;

function out(text: string): void {
  process.stdout.write(`${text}\n`);
}

function dataDirOf(flags: Flags): string {
  return typeof flags.data === 'string' ? path.resolve(flags.data) : defaultDataDir();
}

/**
 * The database of a data folder as its start would open it (DATABASE_URL, the server saved in its
 * settings.json, or its SQLite file), with its key if it is encrypted.
 */
function configOf(dataDir: string): DbConfig {
  return keyedConfig(startDatabase(dataDir).config, dataDir, sqliteFileIn(dataDir));
}

async function withCore<T>(dbConfig: DbConfig, dataDir: string, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = await openCore({ db: dbConfig, dataDir, logger: createLogger(undefined, 'warn') }).catch((err: unknown) => {
    // A server saved in settings.json that refuses: the same Russian reason and way back as at start.
    throw dbConfig.kind === 'postgres' ? startFailure(err, startDatabase(dataDir), dataDir) : err;
  });
  try {
    return await fn(core);
  } finally {
    await closeCore(core);
  }
}

async function demo(flags: Flags): Promise<void> {
  const dataDir = dataDirOf(flags);
  let dbConfig: DbConfig;
  if (typeof flags.out === 'string') dbConfig = { kind: 'sqlite', file: path.resolve(flags.out) };
  else dbConfig = configOf(dataDir);
  if (dbConfig.kind === 'sqlite' && fs.existsSync(dbConfig.file)) {
    if (flags.force !== true) {
      throw new AppError('VALIDATION', `Файл ${dbConfig.file} уже существует. Укажите другой --out или добавьте --force, чтобы заменить его.`);
    }
    // Not under a running program: the lock says whether one has the file open.
    const lock = acquireAppLock(dbConfig.file, 'создание демонстрационной школы', 'Заменить базу нельзя');
    lock.release();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbConfig.file + suffix, { force: true });
  }
  const seed = typeof flags.seed === 'string' ? Number(flags.seed) : undefined;
  if (seed !== undefined && !Number.isInteger(seed)) throw new AppError('VALIDATION', '--seed должен быть целым числом');
  await withCore(dbConfig, dataDir, async (core) => {
    if (await hasPupils(core.db)) throw new AppError('VALIDATION', `В базе ${core.appDb.location} уже есть обучающиеся; демонстрационная школа создаётся только в пустой базе.`);
    const started = Date.now();
    // Initial passwords of the demo's created portal accounts, sealed with this data folder's key.
    const counts = await writeDemo(core.db, generateSchool({ seed }), undefined, { sealPassword: openVault(core.config.portalKeyDir).seal });
    out(
      `Демонстрационная школа создана за ${((Date.now() - started) / 1000).toFixed(1)} с: ${plural(counts.classes, ['класс', 'класса', 'классов'])}, ` +
        `${plural(counts.pupils, ['обучающийся', 'обучающихся', 'обучающихся'])}, ${plural(counts.parents, ['родитель', 'родителя', 'родителей'])}, ` +
        `${plural(counts.staff, ['сотрудник', 'сотрудника', 'сотрудников'])}.\nБаза: ${core.appDb.kind === 'sqlite' ? core.appDb.location : `PostgreSQL ${core.appDb.location}`}`,
    );
    if (flags['without-timetable'] !== true) {
      const t0 = Date.now();
      // The timetable is made the way a завуч makes it: through the contract, as the system caller.
      const client = createApiClient(createInProcessTransport(createDispatcher(core, handlers, accessHooks()), systemCaller('in-process', 'Демонстрационные данные')));
      const tt = await buildDemoTimetable(client);
      const p = tt.status.progress;
      out(
        `Расписание составлено и утверждено за ${((Date.now() - t0) / 1000).toFixed(1)} с: ${plural(p?.placed ?? 0, ['урок', 'урока', 'уроков'])}, окон у учителей ${p?.teacherGaps ?? 0}` +
          (tt.hired ? `; на вакансии приняты совместители: ${tt.hired}` : '') +
          '.',
      );
    }
    if (core.appDb.kind === 'sqlite' && typeof flags.out === 'string') {
      out(`Открыть в браузере: DATABASE_URL=sqlite:${core.appDb.location} npm run serve`);
    }
  });
}

async function backup(flags: Flags): Promise<void> {
  const dataDir = dataDirOf(flags);
  await withCore(configOf(dataDir), dataDir, async (core) => {
    if (!core.appDb.sqlite) throw new AppError('VALIDATION', 'Для PostgreSQL используйте pg_dump на сервере базы данных.');
    const r = await backupSqlite(core.appDb.sqlite, core.config.backupDir, 'manual', undefined, core.appDb.sqliteKey);
    out(`Резервная копия создана и проверена: ${r.file} (${Math.round(r.size / 1024)} КБ)`);
  });
}

/**
 * Restore (issue 19, item 5): refused while the program has the database open (the lock), refused
 * for anything but a sound backup of ours, and the replacement is a copy beside the database renamed
 * over it — the file is never half-written.
 */
async function restore(file: string | undefined, flags: Flags): Promise<void> {
  if (!file) throw new AppError('VALIDATION', 'Укажите файл резервной копии: school-office restore ФАЙЛ');
  const source = path.resolve(file);
  const dataDir = dataDirOf(flags);
  const config = configOf(dataDir);
  if (config.kind !== 'sqlite') {
    throw new AppError('VALIDATION', 'База — PostgreSQL: её восстанавливает администратор сервера базы данных (pg_restore). Ничего не изменено.');
  }
  const target = path.resolve(config.file);
  const key = databaseKeyFor(dataDir);
  const facts = inspectBackup(source, key);
  const lock = acquireAppLock(target, 'восстановление из резервной копии', 'Восстановить базу нельзя');
  try {
    if (fs.existsSync(target)) {
      await withCore(keyedConfig({ kind: 'sqlite', file: target }, dataDir, sqliteFileIn(dataDir)), dataDir, async (core) => {
        const r = await backupSqlite(core.appDb.sqlite!, core.config.backupDir, 'before-restore', undefined, core.appDb.sqliteKey);
        out(`Текущая база сохранена: ${r.file}`);
      });
    }
    const tmp = await prepareRestoreCopy(source, target, key);
    replaceDatabaseFile(tmp, target);
  } finally {
    lock.release();
  }
  out(`База восстановлена из ${source} (схема копии ${facts.schemaVersion}, приведена к текущей). Все пользователи входят заново.`);
}

async function status(flags: Flags): Promise<void> {
  const dataDir = dataDirOf(flags);
  await withCore(configOf(dataDir), dataDir, async (core) => {
    const source = DATABASE_SOURCE_TITLES[startDatabase(dataDir).source];
    out(`База: ${core.appDb.kind === 'sqlite' ? `SQLite ${core.appDb.location}${core.appDb.sqliteKey ? ' (зашифрована)' : ''}` : `PostgreSQL ${core.appDb.location}`} — ${source}`);
    out(`Схема: ${core.migration.schemaVersion}; версия программы ${core.config.appVersion}`);
  });
}

/** Runs a parsed command; returns the exit code (errors are thrown to `runCli`). */
export async function runCommand(command: string, positional: string[], flags: Flags): Promise<number> {
  switch (command) {
    case 'demo':
      await demo(flags);
      return 0;
    case 'migrate': {
      const dataDir = dataDirOf(flags);
      await withCore(configOf(dataDir), dataDir, async (core) => {
        out(core.migration.applied.length ? `Применены изменения схемы: ${core.migration.applied.join(', ')}` : 'Схема базы данных актуальна.');
        if (core.migration.backupFile) out(`Резервная копия до обновления: ${core.migration.backupFile}`);
      });
      return 0;
    }
    case 'backup':
      await backup(flags);
      return 0;
    case 'restore':
      await restore(positional[0], flags);
      return 0;
    case 'status':
      await status(flags);
      return 0;
    case 'encrypt':
    case 'decrypt': {
      const dataDir = dataDirOf(flags);
      const config = startDatabase(dataDir).config;
      if (config.kind !== 'sqlite') throw new AppError('VALIDATION', 'Шифрование в программе — для файла SQLite; базу PostgreSQL защищает сервер базы данных. Ничего не изменено.');
      const r = command === 'encrypt' ? await encryptDatabase(path.resolve(config.file), dataDir) : await decryptDatabase(path.resolve(config.file), dataDir);
      out(r);
      return 0;
    }
    case 'reset-password': {
      if (!positional[0]) throw new AppError('VALIDATION', 'Укажите логин: school-office reset-password ЛОГИН');
      const dataDir = dataDirOf(flags);
      await withCore(configOf(dataDir), dataDir, async (core) => {
        const r = await resetPasswordFromConsole(core, positional[0]);
        out(`Временный пароль для «${r.login}»: ${r.password}\nПри входе программа попросит сменить его. Все сеансы этого пользователя завершены.`);
      });
      return 0;
    }
    default:
      process.stderr.write(`Неизвестная команда «${command}». Справка: school-office --help\n`);
      return 2;
  }
}
