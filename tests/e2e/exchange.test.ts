import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiCall, apiSignIn, createAdminAndSignIn, describeE2E, launchBrowser, newPage, newSignedInPage, settledShot as shot, startServe, type ServeHandle } from '../helpers/e2e';
import { damagedExportCm, realisticExportCm } from '../helpers/exportCmFixture';
import { demoPortal, exportCmOf, movementBookDocsXls, pupilExportXls, staffExportCsv } from '../helpers/portalFiles';

async function ok<T>(env: Promise<{ ok: boolean; value?: T; error?: { message: string } }>): Promise<T> {
  const e = await env;
  if (!e.ok) throw new Error(e.error?.message ?? 'API call failed');
  return e.value as T;
}

async function typeDate(page: Page, label: string, ddmmyyyy: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
}

describeE2E('Обмен с порталом in the browser', () => {
  let browser: Browser;
  let serve: ServeHandle;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-portal-files-'));
  const portal = demoPortal({ classesPerGrade: 2, classSize: 10 });
  const files = {
    cm: path.join(dir, 'ExportCM.nsxml'),
    pupils: path.join(dir, 'Список учащихся.xls'),
    staff: path.join(dir, 'Сотрудники.csv'),
    movebook: path.join(dir, 'Книга движения.xls'),
    real: path.join(dir, 'Реальная выгрузка', 'ExportCM.nsxml'),
    damaged: path.join(dir, 'Обрезанная выгрузка', 'ExportCM.nsxml'),
  };

  beforeAll(async () => {
    fs.writeFileSync(files.cm, exportCmOf(portal).bytes);
    const real = realisticExportCm(demoPortal());
    fs.mkdirSync(path.dirname(files.real), { recursive: true });
    fs.mkdirSync(path.dirname(files.damaged), { recursive: true });
    fs.writeFileSync(files.real, real.bytes);
    fs.writeFileSync(files.damaged, damagedExportCm(real).cutAtLineEnd);
    fs.writeFileSync(files.pupils, pupilExportXls(portal));
    fs.writeFileSync(files.staff, staffExportCsv(portal));
    // The portal's movement book: one enrolment order of three pupils, carried over as history.
    fs.writeFileSync(files.movebook, movementBookDocsXls(portal, [{ type: 'Зачисление', subtype: 'Прибыл из другой ОО', number: '7-з', date: '2026-09-01', pupilIds: portal.school.pupils.slice(0, 3).map((p) => p.id) }]));
    browser = await launchBrowser();
    serve = await startServe();
  });
  afterAll(async () => {
    await serve?.stop();
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a new user onboards the demo school from the portal export files, sees the preview, applies it, enrols a pupil and downloads the movement-book import file', async () => {
    const { context, page } = await newPage(browser);
    await createAdminAndSignIn(page, serve.url);
    const admin = await apiSignIn(serve.url);
    const year = await ok<{ id: string }>(apiCall(serve.url, admin, 'setup.years.save', { id: null, version: 0, year: { name: '2026/2027', startDate: '2026-09-01', endDate: '2027-08-31' } }));
    await ok(apiCall(serve.url, admin, 'setup.years.setCurrent', { id: year.id }));

    await page.goto(`${serve.url}/#/portal`);
    await page.getByRole('heading', { name: 'Обмен с порталом «Сетевой город»' }).waitFor();
    await page.locator('input[type=file]').setInputFiles([files.cm, files.pupils, files.staff, files.movebook]);
    await page.getByText('Список учащихся.xls').waitFor();
    await page.getByRole('button', { name: 'Показать, что изменится' }).click();
    await page.getByTestId('preview-counts').waitFor();
    await page.getByText('Список учащихся, расширенная форма (99 столбцов)').waitFor();
    const created = await page.getByTestId('preview-counts').locator('.ant-statistic').first().locator('.ant-statistic-content-value').innerText();
    expect(Number(created.replace(/\D/g, ''))).toBeGreaterThan(portal.school.pupils.length);
    // The list of kinds is long (ExportCM brings a dozen): type to pick, as a person would.
    await page.getByLabel('Что', { exact: true }).click();
    await page.keyboard.type('Обучающийся');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active', { hasText: /^Обучающийся \(\d+\)$/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await page.getByTestId('preview-table').getByText(`${portal.school.pupils[0].lastName} ${portal.school.pupils[0].firstName}`).first().waitFor();
    await shot(page, 'exchange-preview');
    // Finding one person among hundreds of rows: the search narrows the table to her.
    const sought = portal.school.pupils[40];
    await page.getByRole('searchbox', { name: 'Поиск в предпросмотре' }).fill(`${sought.lastName} ${sought.firstName}`);
    await page.getByRole('searchbox', { name: 'Поиск в предпросмотре' }).press('Enter');
    // The filter applies after the search settles: wait until every row left is hers (the unfiltered
    // table may already show her among others, so her row alone proves nothing).
    const soughtName = `${sought.lastName} ${sought.firstName}`;
    await expect
      .poll(async () => {
        const rows = await page.getByTestId('preview-table').locator('tbody tr').allInnerTexts();
        return rows.length > 0 && rows.every((r) => r.includes(soughtName));
      }, { timeout: 15_000 })
      .toBe(true);
    await page.getByRole('searchbox', { name: 'Поиск в предпросмотре' }).fill('');
    await page.getByRole('searchbox', { name: 'Поиск в предпросмотре' }).press('Enter');

    await page.getByRole('button', { name: 'Применить' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Применить' }).click();
    await page.getByText('Загрузка из портала применена').waitFor();
    const report = await page.getByTestId('pull-report').innerText();
    expect(report).toMatch(new RegExp(`Обучающиеся\\s+${portal.school.pupils.length}\\b`));
    expect(report).toMatch(/Приказы книги движения \(история из портала\)\s+1\b/);
    await shot(page, 'exchange-report');

    // The portal's order is in the movement book, marked as carried over and not cancellable.
    await page.goto(`${serve.url}/#/movement`);
    const imported = page.getByRole('row', { name: /7-з/ });
    await imported.getByText('из портала').waitFor();
    expect(await imported.innerText()).toContain(portal.school.pupils[0].lastName);
    await imported.click();
    await page.getByText(/Приказ перенесён из книги движения портала/).waitFor();
    await shot(page, 'exchange-imported-order');
    // The register («Книга движения учащихся») shows its three pupils as enrolled by order 7-з.
    await page.goto(`${serve.url}/#/reports/movement-book`);
    await page.getByRole('heading', { name: 'Книга движения учащихся' }).waitFor();
    // The book is virtual (only the rows on screen are drawn): each pupil is found with the book's search.
    const bookSearch = page.getByRole('searchbox', { name: 'Поиск в книге движения' });
    for (const p of portal.school.pupils.slice(0, 3)) {
      await bookSearch.fill(`${p.lastName} ${p.firstName}`);
      await bookSearch.press('Enter');
      // antd's virtual body draws its rows as plain blocks (no role «row»), so the row is found by its class.
      await page.locator('.ant-table-row', { hasText: new RegExp(`7-з от 01\\.09\\.2026.*${p.lastName} ${p.firstName}.*зачислен`, 's') }).waitFor();
    }
    await bookSearch.fill('');
    await bookSearch.press('Enter');
    await shot(page, 'exchange-movement-book');

    // Enrol a pupil through the movement book, as the office does after onboarding.
    await page.goto(`${serve.url}/#/movement/orders/new?type=enroll`);
    await page.getByRole('heading', { name: 'Новый приказ' }).waitFor();
    await typeDate(page, 'Дата приказа', '27.11.2026');
    await page.getByRole('button', { name: 'Добавить обучающегося' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByText('Новая карточка').click();
    await modal.getByLabel('Фамилия').fill('Ёлкина');
    await modal.getByLabel('Имя', { exact: true }).fill('Вера');
    await modal.getByLabel('Отчество').fill('Ильинична');
    await modal.getByText('Ж', { exact: true }).click();
    await typeDate(page, 'Дата рождения', '04.05.2018');
    await typeDate(page, 'С даты', '30.11.2026');
    await page.getByLabel('В класс', { exact: true }).click();
    await page.keyboard.type('3А');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^3А/ }).first().click();
    await modal.getByRole('button', { name: 'Готово' }).click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await page.getByText('Черновик приказа сохранён').waitFor();
    await page.getByRole('button', { name: 'Подписать и провести' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Подписать' }).click();
    await page.getByRole('heading', { name: /Приказ № .* от 27\.11\.2026/ }).waitFor();

    await page.goto(`${serve.url}/#/portal`);
    await page.getByRole('tab', { name: 'Исходящие' }).click();
    await page.getByTestId('outbox-table').getByText('Ёлкина Вера Ильинична').first().waitFor();
    await page.getByTestId('outbox-table').getByText('появится').first().waitFor();
    await shot(page, 'exchange-outbox');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('push-movementSimple').click()]);
    expect(download.suggestedFilename()).toMatch(/^Новые учащиеся с родителями в книгу движения \d\d\.\d\d\.\d{4}\.csv$/);
    const saved = await download.path();
    const bytes = fs.readFileSync(saved);
    expect(iconv.decode(bytes, 'win1251')).toBe('3А;Ёлкина;Вера;Ильинична;Ж;4.05.2018;;;;;;;;;\r\n');
    // An independent reader: Python decodes it as cp1251 and sees 15 fields.
    const py = execFileSync('python3', ['-c', 'import sys;t=open(sys.argv[1],encoding="cp1251",newline="").read();print(t.endswith("\\r\\n"), len(t.rstrip("\\r\\n").split(";")), t.split(";")[1])', saved]).toString().trim();
    expect(py).toBe('True 15 Ёлкина');

    await page.getByRole('tab', { name: 'История обмена' }).click();
    await page.getByTestId('history-table').getByText('готов к загрузке в портал').waitFor();
    await page.getByRole('button', { name: 'Отметить загрузку в портал' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Да, загружен' }).click();
    await page.getByTestId('history-table').getByText('загружен в портал', { exact: true }).waitFor();
    await shot(page, 'exchange-history');
    await context.close();
  });

  it('a new user uploads a cut-off ExportCM and is told which line and element; the whole export shows what it does not import', async () => {
    const { context, page } = await newSignedInPage(browser, serve.url);
    const admin = await apiSignIn(serve.url);
    const pulls = async () => (await ok<{ direction: string }[]>(apiCall(serve.url, admin, 'exchange.history', { limit: 500 }))).length;
    const before = await pulls();
    await page.goto(`${serve.url}/#/portal`);
    await page.getByRole('heading', { name: 'Обмен с порталом «Сетевой город»' }).waitFor();
    await page.locator('input[type=file]').setInputFiles([files.damaged]);
    await page.getByRole('button', { name: 'Показать, что изменится' }).click();
    await page.getByTestId('pull-refusal').getByText(/^Файл «ExportCM\.nsxml» не загружен: строка \d+: файл обрывается: не закрыты <Plan>/).waitFor();
    await shot(page, 'exchange-refused-damaged');
    // Nothing was stored, not even the exchange.
    expect(await pulls()).toBe(before);
    await page.locator('.ant-upload-list-item').getByRole('button').first().click();
    await page.locator('input[type=file]').setInputFiles([files.real]);
    await page.getByRole('button', { name: 'Показать, что изменится' }).click();
    const notImported = page.getByTestId('not-imported');
    await notImported.getByText('Расписание текущей недели (раздел TimeTable)').waitFor();
    expect(await notImported.innerText()).toMatch(/Число обучающихся в группах \(studcnt у csg\) — \d+/);
    const groups = await page.getByTestId('preview-groups').innerText();
    expect(groups).toMatch(/Сводная группа \(несколько классов\)\s+2/);
    expect(groups).toMatch(/Учитель — предмет\s+\d+/);
    await shot(page, 'exchange-preview-real-export');
    // A click on a count shows those entries: the two joint ИУП groups of 10А and 10Б.
    await page.getByTestId('preview-groups').getByRole('row', { name: /Сводная группа/ }).getByText('2', { exact: true }).click();
    await page.getByTestId('preview-table').getByText('Сводная группа «Индивидуальный проект/10АБ»: 10А, 10Б').waitFor();
    await shot(page, 'exchange-preview-joint-groups');
    await context.close();
  });

});
