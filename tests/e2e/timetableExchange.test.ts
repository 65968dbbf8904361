import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { XMLValidator } from 'fast-xml-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseExportCm } from '../../src-main/core/sync/formats/exportCm';
import { sqliteFileIn } from '../../src-main/core/foundation/paths';
import { apiCall, apiValue as ok, apiSignIn, bootstrapAdmin, describeE2E, launchBrowser, screenshotPath, signInUi, startServe, type ServeHandle } from '../helpers/e2e';
import { b64 } from '../helpers/portalFiles';
import { portalWeek } from '../integration/ttexchange/portalTimetableFixture';

/**
 * The завуч takes the portal's current week into a draft through «Обмен», the approved timetable
 * goes back as the portal's import file (downloaded, read as windows-1251 and well-formed), and an
 * aSc export is imported through its preview.
 */

const DEPUTY = { login: 'zavuch', fullName: 'Завучева Ирина Петровна', password: 'Zavuch-2026-tt' };
const TEMP = 'Vremenny-1';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(name) });
}

describeE2E('Обмен расписанием in the browser', () => {
  let browser: Browser;
  let serve: ServeHandle;
  const week = portalWeek();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-tt-exchange-'));
  const cmFile = path.join(dir, 'ExportCM.nsxml');

  beforeAll(async () => {
    fs.writeFileSync(cmFile, week.bytes);
    browser = await launchBrowser();
    serve = await startServe({ dataDir: dir });
    const admin = await bootstrapAdmin(serve.url);
    const year = await ok<{ id: string }>(apiCall(serve.url, admin, 'setup.years.save', { id: null, version: 0, year: { name: '2026/2027', startDate: '2026-09-01', endDate: '2027-08-31' } }));
    await ok(apiCall(serve.url, admin, 'setup.years.setCurrent', { id: year.id }));
    // The school onboarded from the same ExportCM («Обмен с порталом», tested in exchange.test.ts).
    const pull = await ok<{ exchangeId: string; version: number }>(apiCall(serve.url, admin, 'exchange.pull.preview', { files: [{ fileName: 'ExportCM.nsxml', contentBase64: b64(week.bytes) }] }));
    await ok(apiCall(serve.url, admin, 'exchange.pull.apply', { exchangeId: pull.exchangeId, version: pull.version, decisions: {} }));
    await ok(apiCall(serve.url, admin, 'access.users.create', { login: DEPUTY.login, fullName: DEPUTY.fullName, roles: ['deputy'], password: TEMP }));
    const token = await apiSignIn(serve.url, DEPUTY.login, TEMP);
    await ok(apiCall(serve.url, token, 'access.password.change', { currentPassword: TEMP, newPassword: DEPUTY.password }));
  });
  afterAll(async () => {
    await serve?.stop();
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('pulls the week into a draft, pushes the approved timetable as a windows-1251 file, round-trips it through aSc', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU', acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await signInUi(page, serve.url, DEPUTY.login, DEPUTY.password);
    await page.goto(`${serve.url}/#/timetable`);
    await page.getByRole('heading', { name: 'Расписание' }).waitFor();

    await page.getByTestId('version-bar').waitFor();
    await shot(page, 'timetable-exchange-start');
    await page.getByRole('button', { name: /Обмен$/ }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: 'Обмен расписанием' });
    await dialog.getByRole('tab', { name: 'Из портала' }).click();
    await dialog.getByLabel('Файл ExportCM').setInputFiles(cmFile);
    await dialog.getByRole('button', { name: 'Предпросмотр' }).click();
    await dialog.getByText('Будет создан черновик «Из портала: ExportCM.nsxml». Пока ничего не записано.').waitFor();
    await dialog.getByText('не сопоставлена с нагрузкой школы').first().waitFor();
    await shot(page, 'timetable-exchange-portal-preview');
    await dialog.getByRole('button', { name: 'Загрузить в черновик' }).click();
    await page.getByText('Создан черновик «Из портала: ExportCM.nsxml»').waitFor();
    await dialog.waitFor({ state: 'hidden' });

    // The director's approval has its own test; the portal's week keeps the portal's clashes, so it is marked approved here.
    const db = new Database(sqliteFileIn(dir));
    db.prepare("update timetable_version set status = 'approved', effective_from = '2026-09-01' where source = 'portal'").run();
    db.close();
    await page.reload();
    await page.getByRole('heading', { name: 'Расписание' }).waitFor();
    await page.getByRole('button', { name: /Обмен$/ }).click();
    await dialog.getByRole('tab', { name: 'В портал' }).click();
    const from = dialog.locator('#push-from');
    await from.click();
    await from.fill('07.09.2026');
    await from.press('Enter');
    const to = dialog.locator('#push-to');
    await to.click();
    await to.fill('27.09.2026');
    await to.press('Enter');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Сформировать файл' }).click()]);
    const pushed = path.join(dir, download.suggestedFilename());
    await download.saveAs(pushed);
    expect(download.suggestedFilename()).toBe('Расписание 07.09.2026-27.09.2026.xml');
    await dialog.getByText(/^Файл «Расписание 07\.09\.2026-27\.09\.2026\.xml» сохранён/).waitFor();
    await shot(page, 'timetable-exchange-push');
    const bytes = fs.readFileSync(pushed);
    const text = iconv.decode(bytes, 'win1251');
    expect(text.startsWith('<?xml version="1.0" encoding="windows-1251"?>\r\n')).toBe(true);
    expect(XMLValidator.validate(text)).toBe(true);
    // Cyrillic day names are single cp1251 bytes, not UTF-8 pairs.
    expect(bytes.includes(Buffer.from('Понедельник', 'utf8'))).toBe(false);
    expect(text).toContain('name="Понедельник"');
    expect(parseExportCm(text).data.lessons!.length).toBeGreaterThan(100);

    await dialog.getByRole('tab', { name: 'Для aSc' }).click();
    const [asc] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Скачать XML для aSc' }).click()]);
    const ascFile = path.join(dir, 'asc.xml');
    await asc.saveAs(ascFile);
    await dialog.getByRole('tab', { name: 'Из aSc' }).click();
    await dialog.getByLabel('Файл aSc').setInputFiles(ascFile);
    await dialog.getByRole('button', { name: 'Предпросмотр' }).click();
    await dialog.getByText('Будет создан черновик «Из aSc: asc.xml». Пока ничего не записано.').waitFor();
    await shot(page, 'timetable-exchange-asc-preview');
    await dialog.getByRole('button', { name: 'Загрузить в черновик' }).click();
    await page.getByText('Создан черновик «Из aSc: asc.xml»').waitFor();
    await context.close();
  }, 240_000);
});
