import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiSignIn, bootstrapAdmin, describeE2E, launchBrowser, newSignedInPage, screenshotPath, startServe, type ServeHandle } from '../helpers/e2e';

async function apiGetCard(url: string) {
  const env = await apiCall<{ card: Record<string, string | null> | null; version: number }>(url, await apiSignIn(url), 'school.card.get');
  return env.value as { card: Record<string, string | null> | null; version: number };
}

async function openCard(page: Page, url: string) {
  await page.goto(`${url}/#/admin/school`);
  await page.getByRole('heading', { name: 'Карточка образовательной организации' }).waitFor();
}

async function typeDate(page: Page, label: string, ddmmyyyy: string) {
  const input = page.getByLabel(label);
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
}

describeE2E('Карточка ОО in the browser', () => {
  let browser: Browser;
  let serve: ServeHandle;

  beforeAll(async () => {
    browser = await launchBrowser();
    serve = await startServe();
    await bootstrapAdmin(serve.url);
  });
  afterAll(async () => {
    await serve?.stop();
    await browser?.close();
  });

  it('edits the card, survives a server restart, and shows it again', async () => {
    const { context, page } = await newSignedInPage(browser, serve.url);
    await openCard(page, serve.url);
    await page.getByLabel('Полное наименование').fill('Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 6»');
    await page.getByLabel('Краткое наименование').fill('МБОУ «СОШ № 6»');
    await page.getByLabel('ИНН').fill('2224011531');
    await page.getByLabel('Директор').fill('Шарапова Елена Викторовна');
    await typeDate(page, 'Дата выдачи лицензии', '12.03.2015');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Карточка ОО сохранена').waitFor();
    await page.screenshot({ path: screenshotPath('school-card-saved') });
    await context.close();

    await serve.stop();
    serve = await startServe({ dataDir: serve.dataDir });

    const second = await newSignedInPage(browser, serve.url);
    await openCard(second.page, serve.url);
    await expect.poll(() => second.page.getByLabel('Краткое наименование').inputValue()).toBe('МБОУ «СОШ № 6»');
    expect(await second.page.getByLabel('ИНН').inputValue()).toBe('2224011531');
    expect(await second.page.getByLabel('Дата выдачи лицензии').inputValue()).toBe('12.03.2015');
    expect(await second.page.getByRole('heading', { level: 2 }).first().textContent()).toContain('Карточка');
    const stored = await apiGetCard(serve.url);
    expect(stored.card?.licenseDate).toBe('2015-03-12');
    await second.context.close();
  });

  it('refuses an invalid ИНН with a Russian message and saves nothing', async () => {
    const before = await apiGetCard(serve.url);
    const { context, page } = await newSignedInPage(browser, serve.url);
    await openCard(page, serve.url);
    await expect.poll(() => page.getByLabel('ИНН').inputValue()).toBe('2224011531');
    await page.getByLabel('ИНН').fill('2224011532');
    await page.getByLabel('Краткое наименование').fill('Изменённое название');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    const error = page.getByTestId('form-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Карточка ОО, поле «ИНН»: неверная контрольная сумма');
    expect(await error.textContent()).toContain('Ничего не сохранено');
    await page.screenshot({ path: screenshotPath('school-card-invalid-inn') });
    const after = await apiGetCard(serve.url);
    expect(after).toEqual(before);
    await context.close();
  });

  it('merges a stale edit from a second browser instead of losing either', async () => {
    const a = await newSignedInPage(browser, serve.url);
    const b = await newSignedInPage(browser, serve.url);
    await openCard(a.page, serve.url);
    await openCard(b.page, serve.url);
    await expect.poll(() => b.page.getByLabel('ИНН').inputValue()).toBe('2224011531');
    await expect.poll(() => a.page.getByLabel('ИНН').inputValue()).toBe('2224011531');

    // B starts typing first; A saves meanwhile; B's save is then stale.
    await b.page.getByLabel('Электронная почта').fill('school6@mail.ru');
    await a.page.getByLabel('Телефон').fill('+7 (3852) 22-33-44');
    await a.page.getByRole('button', { name: 'Сохранить' }).click();
    await a.page.getByText('Карточка ОО сохранена').waitFor();
    await b.page.getByText('Карточку только что сохранил другой пользователь').waitFor();

    await b.page.getByRole('button', { name: 'Сохранить' }).click();
    const conflict = b.page.getByTestId('merge-dialog');
    await conflict.waitFor();
    expect(await conflict.textContent()).toMatch(/будет взято у него:.*Телефон: \+7 \(3852\) 22-33-44/);
    expect(await conflict.textContent()).toMatch(/останутся:.*Электронная почта: school6@mail\.ru/);
    await b.page.screenshot({ path: screenshotPath('school-card-conflict') });
    await b.page.getByRole('button', { name: 'Объединить и сохранить' }).click();
    await b.page.getByText('Карточка ОО сохранена').waitFor();

    const stored = await apiGetCard(serve.url);
    expect(stored.card).toMatchObject({ phone: '+7 (3852) 22-33-44', email: 'school6@mail.ru', inn: '2224011531' });
    await a.context.close();
    await b.context.close();
  });
});
