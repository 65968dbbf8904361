import fs from 'node:fs';
import path from 'node:path';
import { localSettings, type LocalSettings } from '../../../src-shared/contract/settings';
import { z } from '../../../src-shared/contract/zodRu';

/**
 * This computer's settings file, `settings.json` in the data folder (issue 23, part 5). It is read
 * before any database opens — the core takes the backup folder from it, the desktop shell the update
 * feed — so it cannot live in the database. Written whole through a temporary file and a rename, so
 * a crash mid-write leaves the old file, never half of a new one.
 */
export const SETTINGS_FILE = 'settings.json';

export function settingsFileIn(dataDir: string): string {
  return path.join(dataDir, SETTINGS_FILE);
}

/** Before the administrator saves anything; an update address from the environment still works. */
export function defaultLocalSettings(env: NodeJS.ProcessEnv = process.env): LocalSettings {
  const feedUrl = env.SCHOOL_OFFICE_UPDATE_URL?.trim() || null;
  return { backupDir: null, updates: { mode: feedUrl ? 'auto' : 'off', channel: 'stable', feedUrl } };
}

export interface ReadSettings {
  settings: LocalSettings;
  /** Why the file was not used (unreadable, not JSON, a value out of range); null when it was, or is absent. */
  problem: string | null;
}

export function readLocalSettings(dataDir: string, env: NodeJS.ProcessEnv = process.env): ReadSettings {
  const file = settingsFileIn(dataDir);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { settings: defaultLocalSettings(env), problem: null };
    return { settings: defaultLocalSettings(env), problem: `Файл настроек ${file} не прочитан: ${(err as Error).message}. Действуют настройки по умолчанию; «Сохранить» перепишет файл.` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { settings: defaultLocalSettings(env), problem: `Файл настроек ${file} повреждён (это не JSON). Действуют настройки по умолчанию; «Сохранить» перепишет файл.` };
  }
  // A file holding only the saved database (below): the screen's settings were never saved.
  if (json && typeof json === 'object' && !('backupDir' in json) && !('updates' in json)) return { settings: defaultLocalSettings(env), problem: null };
  const parsed = localSettings.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      settings: defaultLocalSettings(env),
      problem: `Файл настроек ${file}: поле «${issue?.path.join('.') ?? '?'}» — ${issue?.message ?? 'неверное значение'}. Действуют настройки по умолчанию; «Сохранить» перепишет файл.`,
    };
  }
  return { settings: parsed.data, problem: null };
}

/** The file as a JSON object, or null when it is missing, unreadable or not an object. */
function readRaw(dataDir: string): Record<string, unknown> | null {
  try {
    const json: unknown = JSON.parse(fs.readFileSync(settingsFileIn(dataDir), 'utf8'));
    return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function writeRaw(dataDir: string, content: Record<string, unknown>): void {
  const file = settingsFileIn(dataDir);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** Writes what the settings screen edits; the saved database (below) is kept as it is. */
export function writeLocalSettings(dataDir: string, settings: LocalSettings): void {
  const database = readRaw(dataDir)?.database;
  writeRaw(dataDir, database === undefined ? settings : { ...settings, database });
}

/**
 * The PostgreSQL server chosen with «Использовать при следующем запуске» (issue 23, part 4), the
 * `database` entry of the file; absent or null: the data folder's SQLite file. `password` is sealed
 * (core/startDatabase.ts), never plain. Kept apart from {@link LocalSettings}: the settings screen
 * gets and sends those, and the sealed password has no business in the browser.
 */
export const savedDatabase = z.object({
  kind: z.literal('postgres'),
  host: z.string().min(1).max(255),
  port: z.number().int().min(1).max(65535),
  database: z.string().min(1).max(63),
  user: z.string().min(1).max(63),
  password: z.string().max(2000),
});
export type SavedDatabase = z.output<typeof savedDatabase>;

/**
 * The saved database, or the Russian reason the entry cannot be used. A file that is not JSON at
 * all is {@link readLocalSettings}'s problem (shown on the screen); here it reads as «nothing saved».
 */
export function readSavedDatabase(dataDir: string): { saved: SavedDatabase | null; problem: string | null } {
  const entry = readRaw(dataDir)?.database;
  if (entry === undefined || entry === null) return { saved: null, problem: null };
  const parsed = savedDatabase.safeParse(entry);
  if (parsed.success) return { saved: parsed.data, problem: null };
  const issue = parsed.error.issues[0];
  return { saved: null, problem: `Файл настроек ${settingsFileIn(dataDir)}: подключение к базе данных («database.${issue?.path.join('.') ?? '?'}») повреждено — ${issue?.message ?? 'неверное значение'}` };
}

/** Saves (or with null removes) the database entry; the rest of the file stays as it is. */
export function writeSavedDatabase(dataDir: string, saved: SavedDatabase | null): void {
  const raw = readRaw(dataDir);
  // Without a file only the entry is written: the screen's settings keep their defaults (an update
  // address from the environment still applies).
  const rest = { ...raw };
  delete rest.database;
  writeRaw(dataDir, saved ? { ...rest, database: saved } : rest);
}

export function effectiveBackupDir(dataDir: string, settings: LocalSettings): string {
  return settings.backupDir ?? path.join(dataDir, 'backups');
}

/**
 * The backup folder the administrator typed: a full path, creatable, and writable by this program.
 * Returns the Russian reason it cannot be used, or null. Creates the folder when it is missing (an
 * empty folder is harmless and the next backup needs it).
 */
export function backupDirProblem(dir: string): string | null {
  if (!path.isAbsolute(dir)) return `«${dir}» — не полный путь: укажите папку от корня диска, например D:\\Копии или /home/office/копии`;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!fs.statSync(dir).isDirectory()) return `«${dir}» — это файл, а не папка`;
    const probe = path.join(dir, `.school-office-probe-${process.pid}`);
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe);
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return `в папку «${dir}» программе нельзя записывать (нет прав)`;
    if (code === 'ENOTDIR' || code === 'EEXIST') return `«${dir}» — часть пути является файлом, а не папкой`;
    return `папку «${dir}» не удалось создать: ${(err as Error).message}`;
  }
}
