import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeCore, openCore } from '../../src-main/core/foundation/context';
import { createLogger, silentSink } from '../../src-main/core/foundation/logger';
import { sqliteFileIn } from '../../src-main/core/foundation/paths';
import { generateSchool } from '../../src-main/core/demo/generateSchool';
import { writeDemo } from '../../src-main/core/demo/writeDemo';
import { apiCall, apiSignIn, bootstrapAdmin, describeE2E, launchBrowser, newSignedInPage, settledShot, startServe, type ServeHandle } from '../helpers/e2e';

/**
 * The report catalogue in the browser on the demo school: the завуч runs «Общие сведения об
 * обучающихся» on 1 October, opens the pupils behind a number and downloads the Excel file; the
 * administrator builds «дети из многодетных семей по классам» for the secretary, who runs it.
 */
const DEPUTY = { login: 'zavuch', fullName: 'Завучева Татьяна Петровна', temp: 'Vremenny-1', password: 'Zavuch-2026-p' };
const SECRETARY = { login: 'secretary', fullName: 'Секретарёва Ольга Ивановна', temp: 'Vremenny-1', password: 'Sekretar-2026' };

async function ok<T>(env: Promise<{ ok: boolean; value?: T; error?: { message: string } }>): Promise<T> {
  const e = await env;
  if (!e.ok) throw new Error(e.error?.message ?? 'API call failed');
  return e.value as T;
}

async function createUser(url: string, admin: string, u: typeof DEPUTY, role: string): Promise<void> {
  await ok(apiCall(url, admin, 'access.users.create', { login: u.login, fullName: u.fullName, roles: [role], password: u.temp }));
  const token = await apiSignIn(url, u.login, u.temp);
  await ok(apiCall(url, token, 'access.password.change', { currentPassword: u.temp, newPassword: u.password }));
}

/** Picks an option of an antd Select by typing it (the list is virtual: the option may be out of view). */
async function choose(page: Page, label: string, text: string) {
  const select = page.getByLabel(label, { exact: true });
  await select.click();
  await select.fill(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

describeE2E('Отчёты in the browser', () => {
  let browser: Browser;
  let serve: ServeHandle;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-e2e-reports-'));

  beforeAll(async () => {
    const core = await openCore({ db: { kind: 'sqlite', file: sqliteFileIn(dataDir) }, dataDir, logger: createLogger(silentSink) });
    await writeDemo(core.db, generateSchool());
    await closeCore(core);
    browser = await launchBrowser();
    serve = await startServe({ dataDir });
    const admin = await bootstrapAdmin(serve.url);
    await createUser(serve.url, admin, DEPUTY, 'deputy');
    await createUser(serve.url, admin, SECRETARY, 'secretary');
  });
  afterAll(async () => {
    await serve?.stop();
    await browser?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('the завуч runs «Общие сведения об обучающихся» on 1 October, drills down to the pupils and downloads the Excel', async () => {
    const { context, page } = await newSignedInPage(browser, serve.url, DEPUTY.login, DEPUTY.password);
    await page.getByRole('menuitem', { name: 'Отчёты' }).click();
    await page.getByRole('menuitem', { name: 'Каталог отчётов' }).click();
    await page.getByRole('heading', { name: 'Отчёты', exact: true }).waitFor();
    await settledShot(page, 'reports-catalogue');
    await page.getByRole('button', { name: 'Открыть: Общие сведения об обучающихся' }).click();
    await page.getByRole('heading', { name: 'Общие сведения об обучающихся' }).waitFor();
    const date = page.locator('#reportDate');
    await date.click();
    await date.fill('01.10.2026');
    await date.press('Enter');
    await page.getByText('на 01.10.2026; возраст — полных лет на 01.01.2027').waitFor();
    const total = page.getByRole('button', { name: 'Всего: Обучающихся', exact: true });
    await total.waitFor();
    const onScreen = Number(await total.innerText());
    const token = await apiSignIn(serve.url, DEPUTY.login, DEPUTY.password);
    const report = await ok<{ tables: { id: string; rows: { key: string; cells: (number | string | null)[] }[] }[] }>(apiCall(serve.url, token, 'reports.school.run', { key: 'pupils-general', params: { date: '2026-10-01' } }));
    const contingent = report.tables.find((t) => t.id === 'contingent');
    expect(onScreen).toBe(contingent?.rows.find((r) => r.key === 'total')?.cells[1]);
    await expect.poll(() => page.getByText('все 6 выполнены').count()).toBe(1);
    await settledShot(page, 'reports-general');

    const ovz = page.getByRole('button', { name: '5 класс: С ОВЗ', exact: true });
    const expected = Number(await ovz.innerText());
    await ovz.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`5 класс — С ОВЗ: ${expected}`).waitFor();
    const names = dialog.getByRole('table', { name: 'Кто за числом' }).locator('tbody tr');
    await expect.poll(() => names.count()).toBe(expected);
    expect(await dialog.locator('tbody tr').first().innerText()).toMatch(/5[АБВ]/);
    await settledShot(page, 'reports-drill');
    await page.keyboard.press('Escape');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Скачать Excel' }).click()]);
    expect(download.suggestedFilename()).toBe('Общие сведения об обучающихся на 01.10.2026.xlsx');
    const file = path.join(dataDir, 'general.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Контингент по параллелям');
    let totalRow: unknown[] = [];
    ws?.eachRow((row) => {
      const v = (row.values as unknown[]).slice(1);
      if (v[0] === 'Всего') totalRow = v;
    });
    expect(totalRow[2]).toBe(onScreen);
    await context.close();
  });

  it('the administrator builds «дети из многодетных семей по классам» for the secretary, and the secretary runs it', async () => {
    const { context, page } = await newSignedInPage(browser, serve.url);
    await page.goto(`${serve.url}/#/reports/builder`);
    await page.getByRole('heading', { name: 'Конструктор отчётов' }).waitFor();
    for (const column of ['Дата рождения', 'Родители (ФИО)', 'Телефоны родителей']) await choose(page, 'Столбцы', column);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Добавить условие' }).click();
    await choose(page, 'Условие 1: поле', 'Категории социального паспорта');
    await choose(page, 'Условие 1: значение', 'Из многодетных семей');
    await choose(page, 'Группировать по', 'Класс');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Просмотр' }).click();
    const preview = page.getByRole('table', { name: 'Предварительный просмотр' });
    await preview.waitFor();
    const totalText = await preview.getByText(/^Итого: \d+$/).innerText();
    const count = Number(totalText.replace(/\D/g, ''));
    expect(count).toBeGreaterThan(5);
    await expect.poll(() => preview.getByText(/^Класс: \d+[А-Я] — \d+$/).count()).toBeGreaterThan(3);
    await settledShot(page, 'reports-builder');
    await page.getByRole('button', { name: 'Сохранить отчёт…' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByLabel('Название отчёта').fill('Дети из многодетных семей по классам');
    for (const role of ['Директор', 'Завуч']) await modal.getByRole('checkbox', { name: role, exact: true }).uncheck();
    await modal.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Отчёт «Дети из многодетных семей по классам» сохранён').waitFor();
    await context.close();

    const secretary = await newSignedInPage(browser, serve.url, SECRETARY.login, SECRETARY.password);
    await secretary.page.goto(`${serve.url}/#/reports`);
    await secretary.page.getByRole('heading', { name: 'Отчёты конструктора' }).waitFor();
    await secretary.page.getByRole('button', { name: 'Открыть: Дети из многодетных семей по классам' }).click();
    await secretary.page.getByRole('heading', { name: 'Дети из многодетных семей по классам' }).waitFor();
    const table = secretary.page.getByRole('table', { name: 'Дети из многодетных семей по классам' });
    await table.getByText(`Итого: ${count}`).waitFor();
    await expect.poll(() => table.getByRole('link').count()).toBe(count);
    await settledShot(secretary.page, 'reports-saved-by-secretary');
    const token = await apiSignIn(serve.url, DEPUTY.login, DEPUTY.password);
    const catalogue = await ok<{ title: string; canRun: boolean }[]>(apiCall(serve.url, token, 'reports.catalogue', {}));
    expect(catalogue.find((e) => e.title === 'Дети из многодетных семей по классам')?.canRun).toBe(false);
    await secretary.context.close();
  });
});
