import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseStartDatabase, nextStartOf, pgUrlOf, saveStartDatabase, startDatabase } from '../../../src-main/core/startDatabase';
import { readLocalSettings, readSavedDatabase, settingsFileIn, writeLocalSettings } from '../../../src-main/core/foundation/localSettings';

/**
 * Which database a start opens (issue 23, part 4): DATABASE_URL > the server saved with
 * «Использовать при следующем запуске» > the data folder's SQLite file; the saved password sealed.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'so-startdb-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const folder = (name: string) => {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};
const target = { host: 'db.school.lan', port: 5433, database: 'school_office', user: 'office', password: 'Пароль @/:% 1' };
const saved = { kind: 'postgres' as const, ...target, password: 'sealed-form' };

describe('the start’s choice of database', () => {
  it('takes DATABASE_URL before the saved server and never unseals for it', () => {
    const open = () => {
      throw new Error('must not unseal');
    };
    const pg = chooseStartDatabase({ env: { DATABASE_URL: 'postgres://a:b@h:5432/d' }, saved, defaultSqliteFile: '/data/school-office.sqlite3', open });
    expect(pg).toEqual({ config: { kind: 'postgres', url: 'postgres://a:b@h:5432/d' }, source: 'env', location: 'a@h:5432/d' });
    const file = chooseStartDatabase({ env: { DATABASE_URL: 'sqlite:/other/x.sqlite3' }, saved, defaultSqliteFile: '/data/school-office.sqlite3', open });
    expect(file).toEqual({ config: { kind: 'sqlite', file: '/other/x.sqlite3' }, source: 'env', location: '/other/x.sqlite3' });
  });

  it('takes the saved server when DATABASE_URL is not set (blank counts as not set), else the SQLite file', () => {
    const fromSettings = chooseStartDatabase({ env: { DATABASE_URL: '  ' }, saved, defaultSqliteFile: '/data/school-office.sqlite3', open: (s) => (s === 'sealed-form' ? target.password : '?') });
    expect(fromSettings.source).toBe('settings');
    expect(fromSettings.location).toBe('office@db.school.lan:5433/school_office');
    const url = new URL((fromSettings.config as { url: string }).url);
    expect([decodeURIComponent(url.username), decodeURIComponent(url.password), url.hostname, url.port, url.pathname]).toEqual(['office', target.password, 'db.school.lan', '5433', '/school_office']);
    expect(chooseStartDatabase({ env: {}, saved: null, defaultSqliteFile: '/data/school-office.sqlite3', open: () => '' })).toEqual({
      config: { kind: 'sqlite', file: '/data/school-office.sqlite3' },
      source: 'default',
      location: '/data/school-office.sqlite3',
    });
  });

  it('keeps the password sealed in settings.json and gives it back at start; the screen’s settings and the entry keep each other', () => {
    const dir = folder('saved');
    writeLocalSettings(dir, { backupDir: '/mnt/copies', updates: { mode: 'manual', channel: 'beta', feedUrl: 'https://updates.example.ru/so/' } });
    saveStartDatabase(dir, target);
    const text = fs.readFileSync(settingsFileIn(dir), 'utf8');
    expect(text).not.toContain(target.password);
    expect(text).not.toContain(encodeURIComponent(target.password));
    expect(fs.statSync(settingsFileIn(dir)).mode & 0o777).toBe(0o600);
    const start = startDatabase(dir, {});
    expect(start.source).toBe('settings');
    expect(decodeURIComponent(new URL((start.config as { url: string }).url).password)).toBe(target.password);
    // Saving the screen's settings keeps the entry; removing the entry keeps the screen's settings.
    writeLocalSettings(dir, { backupDir: null, updates: { mode: 'off', channel: 'stable', feedUrl: null } });
    expect(readSavedDatabase(dir).saved).toMatchObject({ host: 'db.school.lan', user: 'office' });
    saveStartDatabase(dir, null);
    expect(readSavedDatabase(dir)).toEqual({ saved: null, problem: null });
    expect(readLocalSettings(dir, {}).settings).toEqual({ backupDir: null, updates: { mode: 'off', channel: 'stable', feedUrl: null } });
    expect(startDatabase(dir, {})).toMatchObject({ source: 'default', config: { kind: 'sqlite', file: path.join(dir, 'school-office.sqlite3') } });
  });

  it('a file holding only the entry leaves the screen’s settings at their defaults, with no warning', () => {
    const dir = folder('only-entry');
    saveStartDatabase(dir, target);
    expect(Object.keys(JSON.parse(fs.readFileSync(settingsFileIn(dir), 'utf8')))).toEqual(['database']);
    expect(readLocalSettings(dir, {})).toEqual({ settings: { backupDir: null, updates: { mode: 'off', channel: 'stable', feedUrl: null } }, problem: null });
  });

  it('refuses to start on a damaged entry or a key that does not open it, naming the file and the way back; DATABASE_URL still starts', () => {
    const dir = folder('damaged');
    fs.writeFileSync(settingsFileIn(dir), JSON.stringify({ database: { kind: 'postgres', host: 'h', port: 'пять', database: 'd', user: 'u', password: 'x' } }));
    expect(() => startDatabase(dir, {})).toThrow(/database\.port.*удалите раздел «database»/s);
    expect(nextStartOf(dir, { kind: 'sqlite', location: '/x' }, {}).problem).toContain('database.port');
    expect(startDatabase(dir, { DATABASE_URL: 'sqlite:/tmp/x.sqlite3' }).source).toBe('env');

    const moved = folder('moved-key');
    saveStartDatabase(moved, target);
    fs.rmSync(path.join(moved, 'portal-accounts.key'));
    fs.renameSync(moved, `${moved}-elsewhere`);
    expect(() => startDatabase(`${moved}-elsewhere`, {})).toThrow(/не расшифровывается ключом этой папки данных/);
  });

  it('says whether a restart changes the database', () => {
    const dir = folder('next');
    const file = path.join(dir, 'school-office.sqlite3');
    expect(nextStartOf(dir, { kind: 'sqlite', location: file }, {})).toEqual({ kind: 'sqlite', location: file, source: 'default', differs: false, problem: null });
    saveStartDatabase(dir, target);
    expect(nextStartOf(dir, { kind: 'sqlite', location: file }, {})).toMatchObject({ kind: 'postgres', location: 'office@db.school.lan:5433/school_office', source: 'settings', differs: true });
    expect(nextStartOf(dir, { kind: 'postgres', location: 'db.school.lan:5433/school_office' }, {}).differs).toBe(false);
    expect(nextStartOf(dir, { kind: 'postgres', location: 'db.school.lan:5433/school_office' }, { DATABASE_URL: `sqlite:${file}` })).toMatchObject({ source: 'env', differs: true });
  });

  it('puts every part of the address through percent-encoding', () => {
    expect(pgUrlOf({ host: '::1', port: 5432, database: 'школа', user: 'u@x', password: 'p/w:@' })).toBe('postgres://u%40x:p%2Fw%3A%40@[::1]:5432/%D1%88%D0%BA%D0%BE%D0%BB%D0%B0');
  });
});
