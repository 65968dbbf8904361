import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiCall, apiSignIn, bootstrapAdmin, describeE2E, launchBrowser, newSignedInPage, startServe, type ServeHandle } from '../helpers/e2e';

/**
 * Issue 24 item 1: an impossible date typed into any date field is an error on that field, kept as
 * typed — never replaced by today, never cleared into «обязательное поле», never silently ignored.
 */
const SECRETARY = { login: 'secretary', fullName: 'Секретарёва Ольга Ивановна', temp: 'Vremenny-1', password: 'Sekretar-2026' };

async function ok<T>(env: Promise<{ ok: boolean; value?: T; error?: { message: string } }>): Promise<T> {
  const e = await env;
  if (!e.ok) throw new Error(e.error?.message ?? 'API call failed');
  return e.value as T;
}

async function typeDate(page: Page, selector: string, text: string) {
  const input = page.locator(selector);
  await input.click();
  await input.fill(text);
  await input.press('Enter');
}

describeE2E('Impossible dates in the browser', () => {
  let browser: Browser;
  let serve: ServeHandle;

  beforeAll(async () => {
    browser = await launchBrowser();
    serve = await startServe();
    const admin = await bootstrapAdmin(serve.url);
    const year = await ok<{ id: string }>(
      apiCall(serve.url, admin, 'setup.years.save', { id: null, version: 0, year: { name: '2026/2027', startDate: '2026-09-01', endDate: '2027-08-31' } }),
    );
    await ok(apiCall(serve.url, admin, 'setup.years.setCurrent', { id: year.id }));
    await ok(apiCall(serve.url, admin, 'setup.classes.createMany', { yearId: year.id, grades: [1], letters: ['А'] }));
    await ok(apiCall(serve.url, admin, 'access.users.create', { login: SECRETARY.login, fullName: SECRETARY.fullName, roles: ['secretary'], password: SECRETARY.temp }));
    const token = await apiSignIn(serve.url, SECRETARY.login, SECRETARY.temp);
    await ok(apiCall(serve.url, token, 'access.password.change', { currentPassword: SECRETARY.temp, newPassword: SECRETARY.password }));
  });
  afterAll(async () => {
    await serve?.stop();
    await browser?.close();
  });

  it('31.02.2020 in an order date, a birth date and a report date stays as typed with «такой даты нет», and no draft is saved', async () => {
    const { context, page } = await newSignedInPage(browser, serve.url, SECRETARY.login, SECRETARY.password);
    await page.goto(`${serve.url}/#/movement`);
    await page.getByRole('button', { name: 'Новый приказ' }).click();
    await page.getByRole('menuitem', { name: 'Зачисление' }).click();
    await page.getByRole('heading', { name: 'Новый приказ' }).waitFor();

    await typeDate(page, '#orderDate', '31.02.2020');
    await page.getByText('такой даты нет: 31.02.2020').first().waitFor();
    expect(await page.locator('#orderDate').inputValue()).toBe('31.02.2020');

    // The birth date of a new card in the order: the error names the date, not «обязательное поле».
    await page.getByRole('button', { name: 'Добавить обучающегося' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByText('Новая карточка').click();
    const birth = modal.getByLabel('Дата рождения', { exact: true });
    await birth.click();
    await birth.fill('30.02.2019');
    await birth.press('Tab');
    await modal.getByText('такой даты нет: 30.02.2019').waitFor();
    expect(await birth.inputValue()).toBe('30.02.2019');
    await modal.getByRole('button', { name: 'Отмена' }).click();

    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await page.waitForTimeout(500);
    expect(await page.getByText('Черновик приказа сохранён').count()).toBe(0);
    await page.getByRole('heading', { name: 'Новый приказ' }).waitFor();
    expect(await page.locator('#orderDate').inputValue()).toBe('31.02.2020');

    // A report's «на дату»: the field says why the report did not move, the text stays.
    await page.goto(`${serve.url}/#/reports/occupancy`);
    await page.locator('#occupancyDate').waitFor();
    await typeDate(page, '#occupancyDate', '31.02.2020');
    await page.getByText('такой даты нет: 31.02.2020').waitFor();
    expect(await page.locator('#occupancyDate').inputValue()).toBe('31.02.2020');
    // A good date is still read and shown as дд.мм.гггг.
    await typeDate(page, '#occupancyDate', '1.9.2026');
    expect(await page.locator('#occupancyDate').inputValue()).toBe('01.09.2026');
    expect(await page.getByText('такой даты нет').count()).toBe(0);
    await context.close();
  });
});
