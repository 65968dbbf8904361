import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { describe, inject } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** First-run codes of the servers this test file started, by URL (what a person reads off the console). */
const SETUP_CODES = new Map<string, string>();
export function setupCodeOf(url: string): string {
  const code = SETUP_CODES.get(url);
  if (!code) throw new Error(`serve at ${url} printed no first-run code`);
  return code;
}

export interface ServeHandle {
  url: string;
  dataDir: string;
  output: () => string;
  /** The one-time first-run code `serve` printed (null when the database already had users). */
  setupCode: string | null;
  stop(): Promise<void>;
}

/**
 * Starts the real `serve` entry (the same code `npm run serve` runs after building) on a free port
 * with its own data folder, and waits for the line that prints its URL.
 */
export async function startServe(opts: { dataDir?: string; env?: Record<string, string>; args?: string[] } = {}): Promise<ServeHandle> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'so-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'src-main', 'http', 'serve.ts'), '--port', '0', '--data', dataDir, ...(opts.args ?? [])],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in 60 s:\n${out}`)), 60_000);
    const check = () => {
      const m = /запущен: (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${out}`));
    });
  });
  child.removeAllListeners('exit');
  // The code is printed right after the URL line, in the same write.
  await new Promise((r) => setTimeout(r, 50));
  const setupCode = /Код первого запуска: (\d{4}-\d{4})/.exec(out)?.[1] ?? null;
  if (setupCode) SETUP_CODES.set(url, setupCode);
  return {
    url,
    dataDir,
    setupCode,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = inject('chromium');
  if (!executablePath) throw new Error('Chromium is not available');
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'ru-RU', acceptDownloads: true });
  const page = await context.newPage();
  return { context, page };
}

/** Skips (visibly) only outside CI when Chromium is missing; the global setup fails CI instead. */
export function describeE2E(name: string, suite: () => void): void {
  const missing = !inject('chromium');
  describe.skipIf(missing)(missing ? `${name} [ПРОПУЩЕНО: нет Chromium]` : `${name} [Chromium]`, suite);
}

export function screenshotPath(name: string): string {
  const dir = path.join(ROOT, 'test-results', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}

/** The administrator the e2e tests create on first run (there is no built-in default password). */
export const E2E_ADMIN = { login: 'admin', fullName: 'Админова Анна Петровна', password: 'Admin-2026-pass' };

/**
 * First run over the API (for tests that are not about access): creates the administrator on the
 * empty database of `serve` and returns a bearer token for `fetch` calls.
 */
export async function bootstrapAdmin(url: string, admin = E2E_ADMIN): Promise<string> {
  const res = await fetch(`${url}/api/access.setup.createAdmin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-auth-mode': 'bearer' },
    body: JSON.stringify({ ...admin, setupCode: setupCodeOf(url) }),
  });
  const body = (await res.json()) as { ok: boolean; value?: { token?: string } };
  if (!body.ok || !body.value?.token) throw new Error(`first-run setup failed: ${JSON.stringify(body)}`);
  return body.value.token;
}

/** A bearer token for API checks from a test (`Authorization: Bearer …`). */
export async function apiSignIn(url: string, login = E2E_ADMIN.login, password = E2E_ADMIN.password): Promise<string> {
  const res = await fetch(`${url}/api/access.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-auth-mode': 'bearer' },
    body: JSON.stringify({ login, password }),
  });
  const body = (await res.json()) as { ok: boolean; value?: { token?: string } };
  if (!body.ok || !body.value?.token) throw new Error(`sign-in of ${login} failed: ${JSON.stringify(body)}`);
  return body.value.token;
}

/** Calls a contract method over HTTP as the holder of `token`; returns the envelope. */
export async function apiCall<T = unknown>(url: string, token: string, method: string, input: unknown = {}): Promise<{ ok: boolean; value?: T; error?: { code: string; message: string } }> {
  const res = await fetch(`${url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } };
}

/** Signs in through the sign-in screen the way a person does; waits for the app to open. */
export async function signInUi(page: Page, url: string, login = E2E_ADMIN.login, password = E2E_ADMIN.password, hash = '/'): Promise<void> {
  await page.goto(`${url}/#${hash}`);
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByTestId('user-menu').waitFor();
}

/** First run through the UI: the «create administrator» screen, then the app opens signed in. */
export async function createAdminAndSignIn(page: Page, url: string, admin = E2E_ADMIN): Promise<void> {
  await page.goto(`${url}/#/`);
  await page.getByRole('heading', { name: 'Первый запуск: администратор программы' }).waitFor();
  await page.getByLabel('Код первого запуска').fill(setupCodeOf(url));
  await page.getByLabel('ФИО').fill(admin.fullName);
  await page.getByLabel('Логин').fill(admin.login);
  await page.getByLabel('Пароль', { exact: true }).fill(admin.password);
  await page.getByLabel('Пароль ещё раз').fill(admin.password);
  await page.getByRole('button', { name: 'Создать администратора и войти' }).click();
  await page.getByTestId('user-menu').waitFor();
}

/** A new browser context signed in as the given user, for tests that start on an inner page. */
export async function newSignedInPage(browser: Browser, url: string, login = E2E_ADMIN.login, password = E2E_ADMIN.password) {
  const opened = await newPage(browser);
  await signInUi(opened.page, url, login, password);
  return opened;
}

interface AnimatedDocument {
  document: { getAnimations(): { playState: string; effect: { getComputedTiming(): { iterations?: number } } | null }[] };
}

/** A full-page screenshot into test-results/screenshots once antd's open/close animations have finished. */
export async function settledShot(page: Page, name: string): Promise<void> {
  // Endless animations (spinners) are not waited for.
  // A function, not a string: the app's CSP forbids eval. This file is typed without the DOM lib.
  await page.waitForFunction(() =>
    (globalThis as unknown as AnimatedDocument).document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

/** The value of an API envelope, or the refusal's message as an error (one copy for the e2e tests). */
export async function apiValue<T>(env: Promise<{ ok: boolean; value?: T; error?: { message: string } }>): Promise<T> {
  const e = await env;
  if (!e.ok) throw new Error(e.error?.message ?? 'API call failed');
  return e.value as T;
}
