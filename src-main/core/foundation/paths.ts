import os from 'node:os';
import path from 'node:path';

/**
 * Where the data lives when nothing else is said: the same folder for the desktop app, `serve` and
 * the CLI, so every shape opens the same database. `SCHOOL_OFFICE_DATA` overrides it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.SCHOOL_OFFICE_DATA) return path.resolve(env.SCHOOL_OFFICE_DATA);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'school-office');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'school-office');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'school-office');
}

export function sqliteFileIn(dataDir: string): string {
  return path.join(dataDir, 'school-office.sqlite3');
}
