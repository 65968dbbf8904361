import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { closeCore, openCore } from '../../src-main/core/foundation/context';
import { createLogger, silentSink } from '../../src-main/core/foundation/logger';
import { sqliteFileIn } from '../../src-main/core/foundation/paths';
import { newId } from '../../src-shared/domain/ids';
import { searchKey } from '../../src-shared/domain/names';
import { apiCall, bootstrapAdmin, describeE2E, launchBrowser, newPage, screenshotPath, signInUi, startServe, type ServeHandle } from '../helpers/e2e';

const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const TEACHERS: [string, string, string][] = [
  ['Абрамова', 'Елена', 'Викторовна'], ['Белова', 'Ирина', 'Сергеевна'], ['Васильева', 'Ольга', 'Петровна'], ['Григорьева', 'Наталья', 'Ивановна'],
  ['Данилова', 'Марина', 'Юрьевна'], ['Егорова', 'Светлана', 'Андреевна'], ['Жукова', 'Татьяна', 'Олеговна'], ['Зайцева', 'Анна', 'Михайловна'],
  ['Ильина', 'Галина', 'Николаевна'], ['Козлова', 'Людмила', 'Васильевна'], ['Лебедева', 'Юлия', 'Александровна'], ['Морозова', 'Вера', 'Григорьевна'],
  ['Никитина', 'Оксана', 'Викторовна'], ['Орлова', 'Надежда', 'Павловна'], ['Павлова', 'Ксения', 'Игоревна'], ['Романова', 'Дарья', 'Сергеевна'],
  ['Смирнова', 'Алла', 'Борисовна'], ['Тихонова', 'Лариса', 'Петровна'], ['Уварова', 'Нина', 'Ивановна'], ['Фёдорова', 'Зоя', 'Степановна'],
  ['Харитонова', 'Инна', 'Львовна'], ['Цветкова', 'Раиса', 'Фёдоровна'],
];

/** Staff cards straight into the SQLite file before `serve` starts: the people issue owns their editor. */
async function seedStaff(dataDir: string): Promise<void> {
  const core = await openCore({ db: { kind: 'sqlite', file: sqliteFileIn(dataDir) }, dataDir, logger: createLogger(silentSink) });
  const at = new Date().toISOString();
  for (const [lastName, firstName, middleName] of TEACHERS) {
    await core.db
      .insertInto('staff')
      .values({ id: newId(), lastName, firstName, middleName, sex: 'Ж', birthDate: null, snils: null, searchKey: searchKey(lastName, firstName, middleName), position: 'Учитель', version: 1, createdAt: at, updatedAt: at })
      .execute();
  }
  await closeCore(core);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
  await page.screenshot({ path: path.join(os.tmpdir(), `${name}.png`), fullPage: true });
}

async function typeDate(page: Page, input: ReturnType<Page['locator']>, ddmmyyyy: string): Promise<void> {
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
}

/**
 * A dialog by its title. Not by accessible name: the e2e build runs under NODE_ENV=test, where the
 * UI kit's generated ids are all «test-id», so `aria-labelledby` of a dialog can point elsewhere.
 */
function modal(page: Page, title: string) {
  return page.getByRole('dialog').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });
}

async function modalSave(page: Page, title: string): Promise<void> {
  const dialog = modal(page, title);
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describeE2E('School set-up in the browser', () => {
  let browser: Browser;
  let serve: ServeHandle;
  let context: BrowserContext;
  let page: Page;
  let token: string;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-e2e-setup-'));

  beforeAll(async () => {
    await seedStaff(dataDir);
    browser = await launchBrowser();
    serve = await startServe({ dataDir });
    token = await bootstrapAdmin(serve.url);
    ({ context, page } = await newPage(browser));
    page.setDefaultTimeout(15_000);
    await signInUi(page, serve.url, undefined, undefined, '/year');
  });
  afterEach(async ({ task }) => {
    // A failed step leaves a picture of the screen next to the other screenshots.
    if (task.result?.state === 'fail') await shot(page, `setup-failed-${task.name.slice(0, 40).replace(/[^\p{L}\d]+/gu, '-')}`);
  });
  afterAll(async () => {
    await context?.close();
    await serve?.stop();
    await browser?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates year 2026/2027 and its quarters', async () => {
    await page.getByRole('heading', { name: 'Учебный год и календарь' }).waitFor();
    // The shipped 2027 calendar is a forecast: every page says so loudly.
    await page.getByTestId('production-calendar-banner').getByText('прогноз').first().waitFor();
    await page.getByRole('button', { name: 'Создать учебный год' }).click();
    const dialog = modal(page, 'Новый учебный год');
    await dialog.getByLabel('Учебный год', { exact: true }).fill('2026/2027');
    // Typing the name proposes 1 September – 26 May.
    await expect.poll(() => dialog.getByLabel('Дата начала').inputValue()).toBe('01.09.2026');
    await expect.poll(() => dialog.getByLabel('Дата окончания').inputValue()).toBe('26.05.2027');
    await modalSave(page, 'Новый учебный год');
    await page.getByRole('table', { name: 'Учебные годы' }).getByRole('cell', { name: '2026/2027', exact: true }).waitFor();
    await page.getByText('текущий').first().waitFor();

    await page.getByRole('tab', { name: 'Учебные периоды' }).click();
    await page.getByRole('button', { name: 'Добавить схему периодов' }).click();
    const scheme = modal(page, 'Новая схема учебных периодов');
    const dates: [string, string][] = [
      ['01.09.2026', '23.10.2026'],
      ['02.11.2026', '30.12.2026'],
      ['12.01.2027', '26.03.2027'],
      ['05.04.2027', '26.05.2027'],
    ];
    for (const [i, [from, to]] of dates.entries()) {
      await typeDate(page, scheme.locator(`#period-${i}-start`), from);
      await typeDate(page, scheme.locator(`#period-${i}-end`), to);
    }
    await shot(page, 'setup-periods-form');
    await modalSave(page, 'Новая схема учебных периодов');
    // Holidays are not entered yet: the gaps are reported as a warning, the quarters are saved.
    await page.getByText('Сохранено, но обратите внимание').waitFor();
    const card = page.locator('.ant-card', { hasText: 'Четверти' });
    await card.getByRole('cell', { name: '12.01.2027' }).waitFor();
    expect(await card.getByText('1–9 кл.').count()).toBe(1);
  });

  it('adds autumn holidays and a transfer, and refuses a holiday outside the year', async () => {
    await page.getByRole('tab', { name: 'Каникулы и выходные' }).click();
    await page.getByRole('button', { name: 'Добавить каникулы или выходной' }).click();
    let dialog = modal(page, 'Каникулы или выходной день');
    await dialog.getByLabel('Название').fill('Летние каникулы');
    await typeDate(page, dialog.getByLabel('Дата начала'), '27.05.2027');
    await typeDate(page, dialog.getByLabel('Дата окончания'), '31.08.2027');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.getByTestId('form-error').getByText('выходят за пределы учебного года 2026/2027 (01.09.2026–26.05.2027). Ничего не сохранено.', { exact: false }).waitFor();
    await dialog.getByLabel('Название').fill('Осенние каникулы');
    await typeDate(page, dialog.getByLabel('Дата начала'), '24.10.2026');
    await typeDate(page, dialog.getByLabel('Дата окончания'), '01.11.2026');
    await modalSave(page, 'Каникулы или выходной день');
    await page.getByRole('table', { name: 'Каникулы и выходные дни' }).getByRole('cell', { name: 'Осенние каникулы', exact: true }).waitFor();

    await page.getByRole('tab', { name: 'Переносы' }).click();
    await page.getByRole('button', { name: 'Добавить перенос' }).click();
    dialog = modal(page, 'Перенос учебного дня');
    await typeDate(page, dialog.getByLabel('Учебный день'), '14.11.2026');
    await typeDate(page, dialog.getByLabel('Освобождаемый день (станет выходным)'), '02.11.2026');
    await dialog.getByLabel('Основание').fill('Отработка 2 ноября');
    await dialog.getByLabel('Приказ').fill('№ 112 от 20.10.2026');
    await modalSave(page, 'Перенос учебного дня');
    const transfers = page.getByRole('table', { name: 'Переносы учебных дней' });
    await transfers.getByRole('cell', { name: '14.11.2026 (сб)' }).waitFor();
    expect(await transfers.getByRole('cell', { name: 'понедельник' }).count()).toBe(1);
    await shot(page, 'setup-transfers');
  });

  it('creates classes 1А–11Б and gives each a class teacher', async () => {
    await page.goto(`${serve.url}/#/classes`);
    await page.getByRole('heading', { name: 'Классы' }).waitFor();
    await page.getByRole('button', { name: 'Создать параллели' }).click();
    const bulk = modal(page, 'Создать классы параллелями');
    await bulk.getByText('Будут созданы (22): 1А, 1Б, 2А').waitFor();
    await bulk.getByRole('button', { name: 'Создать' }).click();
    await bulk.waitFor({ state: 'hidden' });
    const table = page.getByRole('table', { name: 'Классы' });
    await table.getByRole('cell', { name: '11Б', exact: true }).waitFor();

    const names = GRADES.flatMap((g) => [`${g}А`, `${g}Б`]);
    // Teachers are chosen right in the table: type a surname, Enter.
    for (const [i, name] of names.entries()) {
      const select = page.getByLabel(`Классный руководитель ${name}`, { exact: true });
      await select.click();
      await select.fill(TEACHERS[i][0]);
      await page.locator('.ant-select-item-option-active', { hasText: TEACHERS[i][0] }).waitFor();
      await select.press('Enter');
      await page.getByText(`${name}: классный руководитель сохранён`).first().waitFor();
    }
    // One class through its card: home room, shift, programme.
    await page.getByRole('button', { name: 'Изменить 3Б', exact: true }).click();
    const card = modal(page, 'Класс 3Б');
    await card.getByText('АООП (ОВЗ)').click();
    await card.getByLabel('Вариант АООП').fill('вариант 7.2 (ЗПР)');
    await card.locator('.ant-modal-title').click(); // closes the suggestions over the buttons
    await modalSave(page, 'Класс 3Б');
    await table.getByRole('cell', { name: 'АООП НОО, вариант 7.2 (ЗПР)' }).waitFor();
    expect(await table.getByText('не назначен').count()).toBe(0);

    // A duplicate class name in the year is refused in Russian, nothing is created.
    await page.getByRole('button', { name: 'Добавить класс' }).click();
    const dup = modal(page, 'Новый класс');
    await dup.getByLabel('Параллель').fill('5');
    await dup.getByLabel('Литера').fill('а');
    await dup.getByRole('button', { name: 'Сохранить' }).click();
    await dup.getByTestId('form-error').getByText('Класс 5А уже есть в учебном году 2026/2027. Ничего не сохранено.').waitFor();
    await dup.getByRole('button', { name: 'Отмена' }).click();
    await shot(page, 'setup-classes');
    const list = await apiCall<{ classes: { name: string; classTeacherName: string | null }[] }>(serve.url, token, 'setup.classes.list', {
      yearId: ((await apiCall<{ years: { id: string }[] }>(serve.url, token, 'setup.years.list')).value?.years[0].id) as string,
    });
    expect(list.value?.classes.map((c) => c.name)).toEqual(names);
    expect(list.value?.classes.every((c) => c.classTeacherName)).toBe(true);
  }, 400_000); // 22 classes, one teacher each (the shared CI machine can be slow)

  it('shows holidays, the transfer and the quarters in the year calendar', async () => {
    await page.goto(`${serve.url}/#/year?tab=calendar`);
    await page.locator('label.ant-segmented-item').filter({ hasText: /^5$/ }).click();
    const day = (d: string) => page.locator(`td[data-date="${d}"]`);
    await day('2026-11-14').waitFor();
    expect(await day('2026-11-14').getAttribute('data-kind')).toBe('school');
    expect(await day('2026-11-14').innerText()).toContain('пн');
    expect(await day('2026-11-02').getAttribute('data-kind')).toBe('dayOff');
    expect(await day('2026-10-26').getAttribute('data-kind')).toBe('holiday');
    expect(await day('2026-11-04').getAttribute('data-kind')).toBe('federal');
    expect(await day('2026-11-07').getAttribute('data-kind')).toBe('weekend');
    await page.getByText('уч. дней: 20').first().waitFor(); // November: 21 weekdays − 4.11 − 2.11 + 14.11
    await page.getByRole('cell', { name: '1 четверть' }).waitFor();
    await shot(page, 'setup-year-calendar');
  });

  it('downloads the Excel «Календарный учебный график» that exceljs and LibreOffice read with the right dates', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Календарный учебный график (Excel)' }).click()]);
    expect(download.suggestedFilename()).toBe('Календарный учебный график 2026-2027.xlsx');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-kug-'));
    const file = path.join(dir, 'kug.xlsx');
    await download.saveAs(file);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const rows: unknown[][] = [];
    wb.getWorksheet('График')?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const iso = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
    const row = (first: string) => rows.find((r) => r[0] === first)?.map(iso);
    expect(row('Начало учебного года')?.[1]).toBe('2026-09-01');
    expect(row('Окончание учебного года')?.[1]).toBe('2027-05-26');
    expect(row('1 четверть')?.slice(0, 3)).toEqual(['1 четверть', '2026-09-01', '2026-10-23']);
    expect(row('Осенние каникулы')?.slice(0, 4)).toEqual(['Осенние каникулы', '2026-10-24', '2026-11-01', 9]);
    expect(rows.find((r) => iso(r[0]) === '2026-11-14')?.map(iso).slice(0, 3)).toEqual(['2026-11-14', 'Пн', '2026-11-02']);

    // LibreOffice exports the first sheet as CSV: the dates come out as the user sees them.
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
    const csv = fs.readFileSync(path.join(dir, 'kug.csv'), 'utf8');
    expect(csv).toMatch(/Начало учебного года,01\.09\.2026/);
    expect(csv).toMatch(/Окончание учебного года,26\.05\.2027/);
    expect(csv).toMatch(/1 четверть,01\.09\.2026,23\.10\.2026,39,/);
    expect(csv).toMatch(/Осенние каникулы,24\.10\.2026,01\.11\.2026,9,все классы/);
    expect(csv).toMatch(/14\.11\.2026,Пн,02\.11\.2026,все классы,Отработка 2 ноября,№ 112 от 20\.10\.2026/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loads the starter subjects, keeps rooms and bell schedules', async () => {
    await page.goto(`${serve.url}/#/subjects`);
    await page.getByRole('button', { name: 'Загрузить стандартный список (ФОП)' }).click();
    await page.getByText('Добавлено предметов: 30').waitFor();
    await page.getByRole('button', { name: 'OK' }).click();
    await page.getByRole('table', { name: 'Предметы' }).getByText('Вероятность и статистика', { exact: true }).waitFor();
    await shot(page, 'setup-subjects');

    await page.goto(`${serve.url}/#/rooms`);
    await page.getByRole('button', { name: 'Добавить кабинет' }).click();
    const room = modal(page, 'Новый кабинет');
    await room.getByLabel('Номер').fill('21');
    await room.getByLabel('Название').fill('Кабинет химии');
    await modalSave(page, 'Новый кабинет');
    await page.getByRole('table', { name: 'Кабинеты' }).getByRole('cell', { name: 'Кабинет химии', exact: true }).waitFor();
    await shot(page, 'setup-rooms');

    await page.goto(`${serve.url}/#/bells`);
    await page.getByRole('button', { name: 'Добавить расписание звонков' }).click();
    const bells = modal(page, 'Новое расписание звонков');
    await bells.getByLabel('Урок 3: начало').fill('09:55');
    await bells.getByText('урок 2 (09:20–10:00) и урок 3 (09:55–11:00) пересекаются').first().waitFor();
    await bells.getByRole('button', { name: 'Сохранить' }).click();
    await bells.getByTestId('form-error').getByText('пересекаются. Ничего не сохранено.', { exact: false }).waitFor();
    await bells.getByRole('button', { name: 'Заполнить' }).click();
    await modalSave(page, 'Новое расписание звонков');
    await page.locator('.ant-card', { hasText: '1 смена' }).getByRole('cell', { name: '08:30' }).waitFor();
    await shot(page, 'setup-bells');

    await page.goto(`${serve.url}/#/admin/production-calendar`);
    await page.getByRole('heading', { name: 'Производственный календарь' }).waitFor();
    await page.getByRole('tab', { name: /2026/ }).click();
    await page.getByRole('table', { name: 'Рабочие дни по месяцам' }).getByRole('cell', { name: '247' }).waitFor();
    await shot(page, 'setup-production-calendar');
  });
});
