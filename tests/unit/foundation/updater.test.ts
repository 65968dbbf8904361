import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelFileName, compareVersions, failureToShow, feedUrlProblem, isOffered, planCheck, CHECK_EVERY_MS } from '../../../src-shared/domain/updates';
import { checkUpdateFeed, parseFeed } from '../../../src-main/core/foundation/updateFeed';
import { APP_VERSION } from '../../../src-main/core/foundation/context';
import { createUpdateLoop, EMPTY_STATE, fileUpdateState, type FoundUpdate, type UpdateDeps, type UpdateState } from '../../../src-main/electron/updater';

describe('update decisions', () => {
  it('compares the feed with the version the program reports, which is package.json\'s', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
  });

  it('orders versions the semver way, pre-releases below their release', () => {
    expect(compareVersions('0.2.0', '0.1.9')).toBeGreaterThan(0);
    expect(compareVersions('0.10.0', '0.9.0')).toBeGreaterThan(0);
    expect(compareVersions('1.2.0', '1.2.0-beta.3')).toBeGreaterThan(0);
    expect(compareVersions('1.2.0-beta.10', '1.2.0-beta.9')).toBeGreaterThan(0);
    expect(compareVersions('1.2.0-beta.1', '1.2.0-alpha.7')).toBeGreaterThan(0);
    expect(compareVersions('v1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.0', '1.0.0')).toBeNull();
  });

  it('offers only newer versions, and pre-releases only on the beta channel', () => {
    expect(isOffered('0.1.0', '0.2.0', 'stable')).toBe(true);
    expect(isOffered('0.2.0', '0.2.0', 'stable')).toBe(false);
    expect(isOffered('0.2.0', '0.1.0', 'beta')).toBe(false);
    expect(isOffered('0.1.0', '0.2.0-beta.1', 'stable')).toBe(false);
    expect(isOffered('0.1.0', '0.2.0-beta.1', 'beta')).toBe(true);
    expect(isOffered('0.1.0', 'latest', 'beta')).toBe(false);
  });

  it('names the feed file electron-updater reads for each channel and system', () => {
    expect(channelFileName('stable', 'win32')).toBe('latest.yml');
    expect(channelFileName('stable', 'linux')).toBe('latest-linux.yml');
    expect(channelFileName('beta', 'win32')).toBe('beta.yml');
    expect(channelFileName('beta', 'darwin')).toBe('beta-mac.yml');
  });

  it('checks at start and once a day in the automatic mode only, and never from a development run', () => {
    const now = Date.parse('2026-12-05T09:00:00Z');
    const base = { mode: 'auto' as const, feedUrl: 'https://u.school.ru/', packaged: true, lastCheckedAt: null, nowMs: now };
    expect(planCheck(base)).toEqual({ check: true });
    expect(planCheck({ ...base, lastCheckedAt: new Date(now - 60_000).toISOString() })).toMatchObject({ check: false, reason: 'not-due', dueInMs: CHECK_EVERY_MS - 60_000 });
    expect(planCheck({ ...base, lastCheckedAt: new Date(now - CHECK_EVERY_MS).toISOString() })).toEqual({ check: true });
    // A clock set back (or a file from another computer) does not stop the checks for good.
    expect(planCheck({ ...base, lastCheckedAt: new Date(now + CHECK_EVERY_MS * 3).toISOString() })).toEqual({ check: true });
    expect(planCheck({ ...base, mode: 'manual' })).toEqual({ check: false, reason: 'manual' });
    expect(planCheck({ ...base, mode: 'off' })).toEqual({ check: false, reason: 'off' });
    expect(planCheck({ ...base, feedUrl: null })).toEqual({ check: false, reason: 'no-feed' });
    expect(planCheck({ ...base, packaged: false })).toEqual({ check: false, reason: 'not-packaged' });
  });

  it('tells a failure once and a new failure again', () => {
    expect(failureToShow(null, 'ECONNREFUSED')).toBe(true);
    expect(failureToShow('ECONNREFUSED', 'ECONNREFUSED')).toBe(false);
    expect(failureToShow('ECONNREFUSED', '404')).toBe(true);
  });

  it('accepts https anywhere and http only on the school network', () => {
    expect(feedUrlProblem('https://updates.example.ru/so/')).toBeNull();
    expect(feedUrlProblem('http://192.168.1.10/updates/')).toBeNull();
    expect(feedUrlProblem('http://server.local/updates/')).toBeNull();
    expect(feedUrlProblem('http://updates.example.ru/')).toContain('только https');
    expect(feedUrlProblem('ftp://192.168.1.10/')).toContain('https://');
    expect(feedUrlProblem('обновления')).toContain('полный адрес');
  });
});

describe('the feed file', () => {
  it('reads version, date, notes and the installer, and refuses what is not a feed', () => {
    expect(parseFeed("version: 1.4.0\nfiles:\n  - url: a.exe\nreleaseDate: '2026-12-01'\nreleaseNotes:\n  - version: 1.4.0\n    note: Новое\n")).toEqual({
      version: '1.4.0',
      releaseDate: '2026-12-01',
      notes: '1.4.0: Новое',
      file: 'a.exe',
    });
    expect(parseFeed('version: "1.4"\n')).toContain('нет номера версии');
    expect(parseFeed('- 1\n- 2\n')).toContain('не описывает версию');
    expect(parseFeed('version: [\n')).toContain('YAML');
    // The JSON schema: no custom tags, nothing executable.
    expect(parseFeed('version: !!js/function "function(){}"\n')).toContain('YAML');
  });

  describe('over HTTP from a feed this test serves', () => {
    let server: http.Server;
    let url: string;
    let slow = false;
    beforeAll(async () => {
      server = http.createServer((req, res) => {
        if (slow) return; // never answers
        if (req.url === '/u/beta.yml') res.end('version: 0.3.0-beta.2\nreleaseNotes: Проба\n');
        else if (req.url === '/u/latest.yml') res.end('version: 0.1.0\n');
        else {
          res.statusCode = 404;
          res.end();
        }
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/u`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    });

    it('finds a beta on the beta channel and nothing new on stable', async () => {
      const beta = await checkUpdateFeed({ mode: 'manual', channel: 'beta', feedUrl: url }, { installed: '0.1.0', platform: 'win32' });
      expect(beta).toMatchObject({ state: 'available', available: { version: '0.3.0-beta.2', notes: 'Проба' } });
      const stable = await checkUpdateFeed({ mode: 'manual', channel: 'stable', feedUrl: `${url}/` }, { installed: '0.1.0', platform: 'win32' });
      expect(stable).toMatchObject({ state: 'up-to-date', message: 'Установлена последняя версия (0.1.0); на сервере — 0.1.0.' });
    });

    it('says which address failed and why: 404, a closed port, a server that never answers', async () => {
      const missing = await checkUpdateFeed({ mode: 'manual', channel: 'stable', feedUrl: url }, { installed: '0.1.0', platform: 'linux' });
      expect(missing.message).toBe(`Сервер обновлений ответил 404 на запрос ${url}/latest-linux.yml: проверьте адрес и канал.`);
      const closed = await checkUpdateFeed({ mode: 'manual', channel: 'stable', feedUrl: 'http://127.0.0.1:1/' }, { installed: '0.1.0', platform: 'win32' });
      expect(closed).toMatchObject({ state: 'failed' });
      expect(closed.message).toContain('Не удалось связаться с сервером обновлений (http://127.0.0.1:1/latest.yml)');
      slow = true;
      const silent = await checkUpdateFeed({ mode: 'manual', channel: 'stable', feedUrl: url }, { installed: '0.1.0', platform: 'win32', timeoutMs: 300 });
      slow = false;
      expect(silent.message).toContain('сервер не ответил');
    });
  });
});

describe('the desktop update loop', () => {
  function harness(found: FoundUpdate | Error | null, answers: { offer?: boolean; installNow?: boolean } = {}) {
    let state: UpdateState = EMPTY_STATE;
    let now = Date.parse('2026-12-05T09:00:00Z');
    const seen: string[] = [];
    const deps: UpdateDeps = {
      settings: () => ({ mode: 'auto', channel: 'stable', feedUrl: 'https://u.school.ru/' }),
      installed: '0.1.0',
      packaged: true,
      disabledByEnv: false,
      now: () => now,
      state: { read: () => state, write: (s) => (state = s) },
      feed: {
        configure: (u, c) => seen.push(`configure ${u} ${c}`),
        check: async () => {
          seen.push('check');
          if (found instanceof Error) throw found;
          return found;
        },
        download: async (p) => {
          seen.push('download');
          p(0.5);
          p(1);
        },
        installNow: () => seen.push('install now'),
      },
      ui: {
        offer: async (u) => (seen.push(`offer ${u.version}`), answers.offer ?? true),
        progress: (f) => seen.push(`progress ${f}`),
        askInstallNow: async () => answers.installNow ?? false,
        failure: (m) => seen.push(`failure ${m}`),
      },
      log: () => undefined,
    };
    return { loop: createUpdateLoop(deps), seen, state: () => state, advance: (ms: number) => (now += ms) };
  }

  it('offers, downloads with progress and leaves the install for quitting', async () => {
    const h = harness({ version: '0.2.0', notes: 'Новое' });
    expect(await h.loop.tick()).toBe('installed-on-quit');
    expect(h.seen).toEqual(['configure https://u.school.ru/ stable', 'check', 'offer 0.2.0', 'download', 'progress 0.5', 'progress 1', 'progress null']);
    // The next tick within the day does nothing.
    expect(await h.loop.tick()).toBe('skipped');
  });

  it('installs now when asked, and does not offer a version the user put off', async () => {
    expect(await harness({ version: '0.2.0', notes: null }, { installNow: true }).loop.tick()).toBe('installing');
    const h = harness({ version: '0.2.0', notes: null }, { offer: false });
    expect(await h.loop.tick()).toBe('declined');
    h.advance(CHECK_EVERY_MS);
    expect(await h.loop.tick()).toBe('none');
    expect(h.seen.filter((s) => s.startsWith('offer'))).toHaveLength(1);
  });

  it('shows the same failure once, a day apart', async () => {
    const h = harness(new Error('net::ERR_CONNECTION_REFUSED'));
    expect(await h.loop.tick()).toBe('failed');
    h.advance(CHECK_EVERY_MS);
    expect(await h.loop.tick()).toBe('failed');
    expect(h.seen.filter((s) => s.startsWith('failure'))).toEqual(['failure net::ERR_CONNECTION_REFUSED']);
    expect(h.state().lastShownFailure).toBe('net::ERR_CONNECTION_REFUSED');
  });

  it('keeps its state in a file of the data folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-upd-'));
    try {
      const store = fileUpdateState(dir);
      expect(store.read()).toEqual(EMPTY_STATE);
      store.write({ lastCheckedAt: '2026-12-05T09:00:00.000Z', lastShownFailure: null, declined: '0.2.0' });
      expect(fileUpdateState(dir).read().declined).toBe('0.2.0');
      fs.writeFileSync(path.join(dir, 'updates-state.json'), 'oops');
      expect(store.read()).toEqual(EMPTY_STATE);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
