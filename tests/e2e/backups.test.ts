import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiSignIn, createAdminAndSignIn, describeE2E, launchBrowser, newPage, settledShot, signInUi, startServe, type ServeHandle } from '../helpers/e2e';

/**
 * «Администрирование → Резервные копии» for a user who never opens a terminal (issue 19, item 5):
 * a copy by hand, then a restore from it in the running server, which reopens its database and sends
 * everyone to the sign-in screen.
 */
const CARD = (shortName: string, version: number) => ({ card: { fullName: `МБОУ «${shortName}»`, shortName, kind: 'Средняя общеобразовательная школа' }, version });

describeE2E('Backups and restore in the browser', () => {
  let browser: Browser;
  let serve: ServeHandle;
  let page: Page;

  beforeAll(async () => {
    serve = await startServe();
    browser = await launchBrowser();
    page = (await newPage(browser)).page;
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  it('restores the database from a copy made on the page', async () => {
    await createAdminAndSignIn(page, serve.url);
    let token = await apiSignIn(serve.url);
    await apiCall(serve.url, token, 'school.card.save', CARD('Школа до', 0));

    await page.goto(`${serve.url}/#/admin/backups`);
    await page.getByRole('heading', { name: 'Резервные копии' }).waitFor();
    await page.getByText('Ежедневные копии').waitFor();
    await page.getByRole('button', { name: 'Создать копию сейчас' }).click();
    await page.getByText(/Копия создана и проверена/).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'вручную' });
    await row.waitFor();

    // Work goes on after the copy…
    await apiCall(serve.url, token, 'school.card.save', CARD('Школа после', 1));
    // …and is undone from the page.
    await row.getByRole('button', { name: /Восстановить/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Восстановить базу из резервной копии?' });
    await dialog.getByText('Текущая база сначала сохранится').waitFor();
    await settledShot(page, 'backups-restore-confirm');
    await dialog.getByRole('button', { name: 'Восстановить' }).click();
    await page.locator('.ant-modal-confirm-title', { hasText: 'База восстановлена' }).waitFor();
    await settledShot(page, 'backups-restored');
    await page.getByRole('button', { name: 'Войти снова' }).click();
    await page.getByRole('button', { name: 'Войти' }).waitFor();

    // Every session ended: the old token is refused, a new sign-in sees the restored data.
    expect((await apiCall(serve.url, token, 'school.card.get')).error?.code).toBe('UNAUTHENTICATED');
    await signInUi(page, serve.url, undefined, undefined, '/admin/backups');
    token = await apiSignIn(serve.url);
    const card = await apiCall<{ card: { shortName: string } }>(serve.url, token, 'school.card.get');
    expect(card.value?.card.shortName).toBe('Школа до');
    await page.getByRole('row').filter({ hasText: 'перед восстановлением' }).waitFor();
    await settledShot(page, 'backups-after-restore');
    // The server keeps answering on the restored file.
    expect((await apiCall(serve.url, token, 'system.status')).ok).toBe(true);
  });

  it('saves the keys to a file and loads that file back (issue 19, item 6)', async () => {
    await page.goto(`${serve.url}/#/admin/backups`);
    await page.getByText('Ключи шифрования').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Сохранить ключи в файл' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^school-office-keys_\d{4}-\d{2}-\d{2}\.json$/);
    const saved = (await download.path()) as string;
    const bundle = JSON.parse(fs.readFileSync(saved, 'utf8')) as { format: string; portalKeyId: string; databaseKey: string | null };
    expect(bundle.format).toBe('school-office-keys v1');
    expect(bundle.portalKeyId).toMatch(/^[0-9a-f]{8}$/);
    await page.getByText(/Ключи сохранены в файл/).waitFor();
    await settledShot(page, 'backups-keys');

    // The same folder's key: nothing to add, and the page says so.
    await page.locator('input[type=file][accept=".json"]').setInputFiles(saved);
    await page.locator('.ant-modal-confirm-title', { hasText: 'Ключи загружены' }).waitFor();
    await page.getByText('совпадает с ключом этой папки данных').waitFor();
    await settledShot(page, 'backups-keys-loaded');
  });
  it('«Настройки программы»: a backup folder refused in Russian, then kept and used; the update feed checked now', async () => {
    const feed = http.createServer((req, res) => {
      if (req.url?.startsWith('/updates/latest')) res.end("version: 0.2.0\nreleaseDate: '2026-12-01T10:00:00.000Z'\nreleaseNotes: Мастер первого запуска и экран настроек.\n");
      else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((r) => feed.listen(0, '127.0.0.1', r));
    try {
      // A fresh page: the keys test above leaves its «Ключи загружены» window open.
      await page.goto(`${serve.url}/#/admin/settings`);
      await page.reload();
      await page.getByRole('heading', { name: 'Настройки программы' }).waitFor();
      await page.getByText(serve.dataDir).first().waitFor();
      const form = page.getByRole('form', { name: 'Настройки программы' });
      await form.getByLabel('Папка резервных копий').fill('копии');
      await form.getByRole('button', { name: 'Сохранить настройки' }).click();
      await form.getByText('не полный путь').first().waitFor();
      expect(fs.existsSync(path.join(serve.dataDir, 'settings.json'))).toBe(false);

      const folder = path.join(serve.dataDir, 'копии на другом диске');
      await form.getByLabel('Папка резервных копий').fill(folder);
      await form.getByLabel('Автоматически: при запуске и раз в день').check();
      await form.getByLabel('Адрес обновлений').fill(`http://127.0.0.1:${(feed.address() as AddressInfo).port}/updates/`);
      await form.getByRole('button', { name: 'Сохранить настройки' }).click();
      await page.getByText('Настройки сохранены').waitFor();
      expect(JSON.parse(fs.readFileSync(path.join(serve.dataDir, 'settings.json'), 'utf8'))).toMatchObject({ backupDir: folder, updates: { mode: 'auto', channel: 'stable' } });
      await page.getByText(`Сейчас копии сохраняются в ${folder}`).waitFor();

      await page.getByRole('button', { name: 'Проверить сейчас' }).click();
      const result = page.getByTestId('update-result');
      await result.getByText('Доступна версия 0.2.0 (установлена 0.1.0).').waitFor();
      await result.getByText('Мастер первого запуска и экран настроек.').waitFor();
      await settledShot(page, 'settings');

      // «Открыть журнал программы»: the data folder's log, newest first, and the file itself.
      await page.getByText(path.join(serve.dataDir, 'logs')).first().waitFor();
      await page.getByRole('button', { name: 'Открыть журнал программы' }).click();
      const logDialog = page.getByRole('dialog', { name: 'Журнал программы' });
      await logDialog.getByText('database migrated').first().waitFor();
      const saved = page.waitForEvent('download');
      await logDialog.getByRole('button', { name: 'Скачать файл журнала' }).click();
      const logFile = await saved;
      expect(logFile.suggestedFilename()).toBe('school-office.log');
      expect(fs.readFileSync((await logFile.path())!, 'utf8')).toContain('"message":"database migrated"');
      // The footer's button (the corner cross has the same name).
      await logDialog.getByRole('button', { name: 'Закрыть' }).last().click();

      // The next copy made on the backups page goes to the new folder.
      await page.goto(`${serve.url}/#/admin/backups`);
      await page.getByRole('button', { name: 'Создать копию сейчас' }).click();
      await page.getByText(/Копия создана и проверена/).waitFor();
      expect(fs.readdirSync(folder).some((f) => f.endsWith('_manual.sqlite3'))).toBe(true);
      const token = await apiSignIn(serve.url);
      const audit = await apiCall<{ rows: { entity: string }[] }>(serve.url, token, 'audit.list', { entity: 'appSettings' });
      expect(audit.value?.rows.length).toBeGreaterThan(0);
    } finally {
      feed.closeAllConnections();
      await new Promise((r) => feed.close(r));
    }
  });
});
