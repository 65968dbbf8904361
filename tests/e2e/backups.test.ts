import fs from 'node:fs';
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
});
