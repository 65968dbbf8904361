import path from 'node:path';
import { AppError } from '../../src-shared/errors';
import { openVault } from './accounts/index';
import { readSavedDatabase, settingsFileIn, writeSavedDatabase, type SavedDatabase } from './foundation/localSettings';
import { sqliteFileIn } from './foundation/paths';
import { pgFailureReason, pgWhere, type PgTarget } from './foundation/pgProbe';
import { configFromEnv, type DbConfig } from './db/createDb';

/**
 * Which database a start opens (issue 23, part 4): `DATABASE_URL` when it is set, else the PostgreSQL
 * server saved with «Использовать при следующем запуске» in the data folder's settings.json, else the
 * folder's SQLite file. Used by `serve`, the desktop's core process and the command line alike.
 *
 * The saved password is sealed with the data folder's portal-passwords key (AES-256-GCM,
 * accounts/passwordVault.ts), the same protection the portal's initial passwords have: settings.json
 * shown on screen, copied or sent to whoever maintains the program reveals nothing, and the key travels
 * in «Сохранить ключи в файл». It does not stop someone who can read the whole data folder as this
 * user — nor does anything else `serve` could use: the OS key store (Electron safeStorage) exists only
 * in the desktop shell's main process, while this file is written by the core (docs/release.md).
 */
export type DatabaseSource = 'env' | 'settings' | 'default';

export interface StartDatabase {
  config: DbConfig;
  source: DatabaseSource;
  /** The SQLite file, or `user@host:port/database` (never the password). */
  location: string;
}

/** A postgres:// address for node-postgres; every part percent-encoded (a password may hold «@» or «/»). */
export function pgUrlOf(t: PgTarget): string {
  const e = encodeURIComponent;
  const host = t.host.includes(':') ? `[${t.host}]` : t.host;
  return `postgres://${e(t.user)}:${e(t.password)}@${host}:${t.port}/${e(t.database)}`;
}

/**
 * The choice itself, pure: environment > saved server > default file. `open` unseals the saved
 * password and is called only when the saved server is the one chosen (a `DATABASE_URL` start never
 * needs the key).
 */
export function chooseStartDatabase(input: { env: NodeJS.ProcessEnv; saved: SavedDatabase | null; defaultSqliteFile: string; open: (sealed: string) => string }): StartDatabase {
  const fromEnv = configFromEnv(input.defaultSqliteFile, input.env);
  if (input.env.DATABASE_URL?.trim()) {
    return { config: fromEnv, source: 'env', location: fromEnv.kind === 'sqlite' ? fromEnv.file : urlLocation(fromEnv.url) };
  }
  if (input.saved) {
    const { host, port, database, user } = input.saved;
    return { config: { kind: 'postgres', url: pgUrlOf({ host, port, database, user, password: input.open(input.saved.password) }) }, source: 'settings', location: pgWhere(input.saved) };
  }
  return { config: { kind: 'sqlite', file: input.defaultSqliteFile }, source: 'default', location: input.defaultSqliteFile };
}

function urlLocation(url: string): string {
  try {
    const u = new URL(url);
    return `${decodeURIComponent(u.username)}@${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

/** The database the next start of this data folder opens, read from its settings file. */
export function startDatabase(dataDir: string, env: NodeJS.ProcessEnv = process.env): StartDatabase {
  const { saved, problem } = env.DATABASE_URL?.trim() ? { saved: null, problem: null } : readSavedDatabase(dataDir);
  // Never a quiet fall back to the SQLite file: the office would work on in an empty database.
  if (problem) throw new AppError('DB_UNAVAILABLE', `${problem}. ${BACK_TO_SQLITE(dataDir)}`);
  return chooseStartDatabase({
    env,
    saved,
    defaultSqliteFile: sqliteFileIn(dataDir),
    open: (sealed) => {
      try {
        return openVault(dataDir).open(sealed);
      } catch {
        throw new AppError(
          'DB_UNAVAILABLE',
          `Пароль сервера PostgreSQL в файле настроек ${settingsFileIn(dataDir)} не расшифровывается ключом этой папки данных (portal-accounts.key заменён или утерян). ` +
            `Загрузите ключи из сохранённого файла или задайте подключение заново. ${BACK_TO_SQLITE(dataDir)}`,
        );
      }
    },
  });
}

const BACK_TO_SQLITE = (dataDir: string) =>
  `Чтобы запустить программу с файлом SQLite, удалите раздел «database» из ${settingsFileIn(dataDir)} или задайте DATABASE_URL=sqlite:${sqliteFileIn(dataDir)}.`;

/** A start whose saved server refused: the Russian reason, where the setting is, and the way back. */
export function startFailure(err: unknown, start: StartDatabase, dataDir: string): Error {
  if (start.source !== 'settings' || err instanceof AppError) return err instanceof Error ? err : new Error(String(err));
  const database = start.location.slice(start.location.lastIndexOf('/') + 1);
  return new AppError(
    'DB_UNAVAILABLE',
    `Не удалось подключиться к серверу PostgreSQL ${start.location}, выбранному в настройках программы: ${pgFailureReason(err, database)}. ${BACK_TO_SQLITE(dataDir)}`,
  );
}

/** Seals the password and saves the server for the next start (null: back to the SQLite file). */
export function saveStartDatabase(dataDir: string, target: PgTarget | null): void {
  writeSavedDatabase(dataDir, target ? { kind: 'postgres', ...target, password: openVault(dataDir).seal(target.password) } : null);
}

/**
 * What the settings screen shows as «При следующем запуске»: the same choice without unsealing the
 * password, and whether it differs from the database open now (`current.location` is the file, or
 * `host:port/database` for PostgreSQL).
 */
export function nextStartOf(dataDir: string, current: { kind: 'sqlite' | 'postgres'; location: string }, env: NodeJS.ProcessEnv = process.env) {
  const { saved, problem } = readSavedDatabase(dataDir);
  const next = chooseStartDatabase({ env, saved, defaultSqliteFile: sqliteFileIn(dataDir), open: () => '' });
  const kind = next.config.kind;
  const same = kind === 'sqlite' ? path.resolve(next.location) === current.location : next.location.slice(next.location.indexOf('@') + 1) === current.location;
  return { kind, location: next.location, source: next.source, differs: kind !== current.kind || !same, problem };
}
