import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeCore, openCore } from '../../src-main/core/foundation/context';
import { createLogger, silentSink } from '../../src-main/core/foundation/logger';
import { sqliteFileIn } from '../../src-main/core/foundation/paths';
import { newId } from '../../src-shared/domain/ids';
import { searchKey } from '../../src-shared/domain/names';
import { apiCall, apiSignIn, bootstrapAdmin, describeE2E, launchBrowser, newSignedInPage, screenshotPath, startServe, type ServeHandle } from '../helpers/e2e';

const DEPUTY = { login: 'zavuch', fullName: 'Завучева Ирина Петровна', temp: 'Vremenny-1', password: 'Zavuch-2026-plan' };
const PUPILS: [string, string, 'М' | 'Ж'][] = [
  ['Андреев', 'Антон', 'М'],
  ['Белова', 'Вера', 'Ж'],
  ['Волков', 'Глеб', 'М'],
  ['Громова', 'Дарья', 'Ж'],
  ['Дроздов', 'Егор', 'М'],
  ['Ершова', 'Жанна', 'Ж'],
];
const OVERLOAD = '5-е классы: 30 ч в неделю при 5-дневной неделе — больше допустимых 29 ч';

async function ok<T>(env: Promise<{ ok: boolean; value?: T; error?: { message: string } }>): Promise<T> {
  const e = await env;
  if (!e.ok) throw new Error(e.error?.message ?? 'API call failed');
  return e.value as T;
}

/** Teachers' cards straight into the SQLite file before `serve` starts (the people issue owns their editor). */
async function seedTeachers(dataDir: string): Promise<void> {
  const core = await openCore({ db: { kind: 'sqlite', file: sqliteFileIn(dataDir) }, dataDir, logger: createLogger(silentSink) });
  const at = new Date().toISOString();
  for (const [lastName, firstName, middleName] of [
    ['Иванова', 'Анна', 'Сергеевна'],
    ['Петрова', 'Ольга', 'Ивановна'],
  ]) {
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

/** Types into the teacher's select and takes the first match with Enter — the keyboard way. */
async function pickTeacher(page: Page, label: string, teacher: string): Promise<void> {
  const select = page.getByLabel(label, { exact: true });
  await select.click();
  await page.keyboard.type(teacher.split(' ')[0]);
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await open.locator('.ant-select-item-option-active', { hasText: teacher }).waitFor();
  await page.keyboard.press('Enter');
  // The next select must not find this dropdown still fading out.
  await open.waitFor({ state: 'hidden' });
}

describeE2E('Учебный план и нагрузка in the browser', () => {
  let browser: Browser;
  let serve: ServeHandle;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-e2e-curriculum-'));

  beforeAll(async () => {
    await seedTeachers(dataDir);
    browser = await launchBrowser();
    serve = await startServe({ dataDir });
    const admin = await bootstrapAdmin(serve.url);
    const year = await ok<{ id: string }>(apiCall(serve.url, admin, 'setup.years.save', { id: null, version: 0, year: { name: '2026/2027', startDate: '2026-09-01', endDate: '2027-05-26' } }));
    await ok(apiCall(serve.url, admin, 'setup.years.setCurrent', { id: year.id }));
    await ok(apiCall(serve.url, admin, 'setup.classes.createMany', { yearId: year.id, grades: [5], letters: ['А', 'Б'] }));
    await ok(apiCall(serve.url, admin, 'curriculum.plan.loadStarter', { yearId: year.id, grades: [5] }));
    // Six pupils of 5А arrive through the movement book on 1 September.
    const classes = await ok<{ classes: { id: string; name: string }[] }>(apiCall(serve.url, admin, 'setup.classes.list', { yearId: year.id }));
    const fiveA = classes.classes.find((c) => c.name === '5А')!.id;
    const items = PUPILS.map(([lastName, firstName, sex]) => ({ newPupil: { lastName, firstName, middleName: null, sex, birthDate: '2015-05-05' }, toClassId: fiveA, effectiveDate: '2026-09-01', enrollKind: 'first' }));
    const draft = await ok<{ id: string; version: number }>(
      apiCall(serve.url, admin, 'movement.orders.save', { id: null, version: 0, order: { type: 'enroll', orderDate: '2026-08-31', title: 'О зачислении', basis: 'заявления родителей', signatoryPosition: 'Директор', signatoryName: 'Шарапова Елена Викторовна', items } }),
    );
    await ok(apiCall(serve.url, admin, 'movement.orders.sign', { id: draft.id, version: draft.version }));
    await ok(apiCall(serve.url, admin, 'access.users.create', { login: DEPUTY.login, fullName: DEPUTY.fullName, roles: ['deputy'], password: DEPUTY.temp }));
    const token = await apiSignIn(serve.url, DEPUTY.login, DEPUTY.temp);
    await ok(apiCall(serve.url, token, 'access.password.change', { currentPassword: DEPUTY.temp, newPassword: DEPUTY.password }));
  });
  afterAll(async () => {
    await serve?.stop();
    await browser?.close();
  });

  it('the завуч edits the grade-5 plan with the keyboard, sees the overload appear and go, assigns teachers and downloads «Тарификация» matching the screen', async () => {
    const { context, page } = await newSignedInPage(browser, serve.url, DEPUTY.login, DEPUTY.password);
    page.setDefaultTimeout(15_000);
    await page.goto(`${serve.url}/#/curriculum?plan=5`);
    await page.getByRole('heading', { name: 'Учебный план 5-х классов' }).waitFor();
    const problems = page.getByTestId('plan-problems');
    const total = page.getByTestId('total-classroom-0');
    await expect.poll(() => total.textContent()).toBe('29 / 29');

    // Keyboard only: into the mathematics cell, 6, Enter — the total and the SanPiN error follow at once.
    await page.getByLabel('Математика: часов в неделю').focus();
    await page.keyboard.type('6');
    await page.keyboard.press('Enter');
    await expect.poll(() => total.textContent()).toBe('30 / 29');
    await problems.getByText(OVERLOAD).waitFor();
    await expect.poll(() => page.locator(':focus').getAttribute('aria-label')).toBe('История: часов в неделю');
    await shot(page, 'curriculum-overload');
    // Back up with the arrow, 5 again: the warning goes.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await expect.poll(() => total.textContent()).toBe('29 / 29');
    await problems.getByText(OVERLOAD).waitFor({ state: 'detached' });
    // Right along the history row to its assessment form, type a new one, Ctrl+S.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator(':focus').getAttribute('aria-label')).toBe('История: форма аттестации');
    await page.keyboard.type('Контрольная работа');
    await page.keyboard.press('Control+s');
    await page.getByText('План сохранён').waitFor();
    const token = await apiSignIn(serve.url, DEPUTY.login, DEPUTY.password);
    const years = await ok<{ years: { id: string }[] }>(apiCall(serve.url, token, 'setup.years.list'));
    const plan = await ok<{ rows: { subjectName: string; hours: number[]; assessment: string | null }[] }>(apiCall(serve.url, token, 'curriculum.plan.get', { yearId: years.years[0].id, grade: 5 }));
    expect(plan.rows.find((r) => r.subjectName === 'История')).toMatchObject({ hours: [3], assessment: 'Контрольная работа' });
    expect(plan.rows.find((r) => r.subjectName === 'Математика')?.hours).toEqual([5]);

    // Load: mathematics of 5А to Иванова and, in one go, of the other 5th class; English groups of 5А to Петрова.
    await page.goto(`${serve.url}/#/load`);
    await page.getByRole('heading', { name: 'Нагрузка учителей' }).waitFor();
    await page.getByRole('button', { name: /^5А, Математика: 5 ч/ }).click();
    await pickTeacher(page, 'Учитель: 5А, Математика', 'Иванова А. С.');
    await page.getByText('Назначить и в другие 5-е классы, где учителя нет').click();
    await page.getByRole('button', { name: 'Назначить', exact: true }).click();
    await page.getByRole('button', { name: /^5Б, Математика: 5 ч, Иванова А\. С\.$/ }).waitFor();
    // The keyboard way: focus the English cell, Enter, choose both groups.
    await page.getByRole('button', { name: /^5А, Иностранный язык \(английский\): 3 ч/ }).focus();
    await page.keyboard.press('Enter');
    await pickTeacher(page, 'Учитель: 5А, Иностранный язык (английский), группа 1', 'Петрова О. И.');
    await pickTeacher(page, 'Учитель: 5А, Иностранный язык (английский), группа 2', 'Петрова О. И.');
    await page.getByRole('button', { name: 'Назначить', exact: true }).click();
    await page.getByRole('button', { name: /^5А, Иностранный язык \(английский\): 3 ч, Петрова О\. И\., Петрова О\. И\.$/ }).waitFor();
    await shot(page, 'load-grid');

    // The grid totals each class and the whole school, as the statistics above it: 5А — 35 teaching
    // hours (29 + 1 внеурочный + the second groups of English and технология), 24 of them vacant.
    await expect.poll(() => page.getByTestId('class-total-5А').textContent()).toBe('35 чвак. 24');
    await expect.poll(() => page.getByTestId('grid-total').textContent()).toBe('70 чвак. 54');

    await page.getByRole('tab', { name: /Учителя/ }).click();
    const row = (name: string) => page.getByRole('row', { name: new RegExp(name) });
    await expect.poll(() => row('Иванова Анна Сергеевна').textContent()).toContain('недогрузка');

    // Her load card: the rate sentence, then one more row taken from the vacancies with the keyboard.
    await row('Иванова Анна Сергеевна').click();
    const card = page.getByRole('dialog');
    await card.getByTestId('teacher-load-description').getByText('10 ч в неделю = 0,56 ставки (18 ч = 1 ставка): недогрузка — меньше 1 ставки по должности (18 ч)').waitFor();
    await card.getByLabel('Добавить класс и предмет').click();
    await page.keyboard.type('5Б, Иностранный');
    const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await open.locator('.ant-select-item-option-active', { hasText: '5Б, Иностранный язык (английский), гр. 1 — 3 ч' }).waitFor();
    await page.keyboard.press('Enter');
    await card.getByTestId('teacher-load-description').getByText(/^13 ч в неделю = 0,72 ставки/).waitFor();
    await card.getByRole('row', { name: /5Б Иностранный язык \(английский\) группа 1 3 102/ }).waitFor();
    await shot(page, 'teacher-load-card');
    await card.getByRole('button', { name: 'Close' }).or(card.locator('.ant-drawer-close')).first().click();
    await card.waitFor({ state: 'hidden' });
    await expect.poll(() => row('Иванова Анна Сергеевна').textContent()).toContain('13');
    const screen = async (name: string) => {
      const cells = await row(name).getByRole('cell').allTextContents();
      return { hours: Number(cells[4].replace(',', '.')), rates: Number(cells[5].replace(',', '.')) };
    };
    const iv = await screen('Иванова Анна Сергеевна');
    const pe = await screen('Петрова Ольга Ивановна');
    expect(iv).toEqual({ hours: 13, rates: 0.72 });
    expect(pe).toEqual({ hours: 6, rates: 0.33 });
    const assignedOnScreen = Number((await page.getByTestId('load-totals').locator('.ant-statistic').nth(1).locator('.ant-statistic-content').textContent())?.replace(',', '.'));
    expect(assignedOnScreen).toBe(19);
    await shot(page, 'load-teachers');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Тарификация (Excel)' }).click()]);
    expect(download.suggestedFilename()).toBe('Тарификация 2026-2027.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    const rows = wb.getWorksheet('Тарификация')!.getSheetValues().filter(Boolean) as unknown[][];
    const byName = (n: string) => rows.find((r) => r[2] === n)!;
    expect([byName('Иванова Анна Сергеевна')[8], byName('Иванова Анна Сергеевна')[9]]).toEqual([iv.hours, iv.rates]);
    expect([byName('Петрова Ольга Ивановна')[8], byName('Петрова Ольга Ивановна')[9]]).toEqual([pe.hours, pe.rates]);
    const totalRow = rows.find((r) => String(r[2]).startsWith('Итого'))!;
    expect(totalRow[8]).toBe(assignedOnScreen);
    expect(totalRow[9]).toBe(Math.round((iv.rates + pe.rates) * 100) / 100);
    await context.close();
  });

  it('the завуч creates the subgroups the plan asks for and drags a pupil from one group to the other', async () => {
    const { context, page } = await newSignedInPage(browser, serve.url, DEPUTY.login, DEPUTY.password);
    page.setDefaultTimeout(15_000);
    await page.goto(`${serve.url}/#/curriculum?tab=subgroups`);
    const date = page.locator('#subgroupsDate');
    await date.click();
    await date.fill('01.09.2026');
    await date.press('Enter');
    await page.getByRole('row', { name: /5А Иностранный язык \(английский\) 2 не созданы/ }).waitFor();
    await page.getByRole('button', { name: 'Создать подгруппы по учебному плану' }).click();
    await page.getByText(/Создано подгрупп: 8; распределено: 2/).waitFor();
    const english = page.getByRole('row', { name: /5А Иностранный язык \(английский\) 2 Группа 1: 3; Группа 2: 3/ });
    await english.getByRole('button', { name: 'Состав' }).click();
    const dialog = page.getByRole('dialog');
    const first = dialog.getByTestId('column-Группа 1');
    const second = dialog.getByTestId('column-Группа 2');
    await first.getByText('Андреев Антон').waitFor();
    // The dialog zooms in when it opens; a drag that starts while it still moves misses its target, so
    // the drag is repeated until the pupil lands (a second drag is only made if the first did not land).
    for (let attempt = 1; (await second.getByText('Андреев Антон').count()) === 0; attempt++) {
      if (attempt > 5) throw new Error('the pupil did not land in «Группа 2» after 5 drags');
      await first.getByText('Андреев Антон').dragTo(second);
      await second.getByText('Андреев Антон').waitFor({ timeout: 2_000 }).catch(() => undefined);
    }
    await expect.poll(() => second.locator('.ant-card-head-title').textContent()).toBe('Группа 2 (4)');
    await shot(page, 'subgroups-drag');
    await dialog.getByRole('button', { name: 'Сохранить состав' }).click();
    await page.getByText('Состав подгрупп сохранён').waitFor();
    await page.getByRole('row', { name: /5А Иностранный язык \(английский\) 2 Группа 1: 2; Группа 2: 4/ }).waitFor();
    // Технология went by sex: the three boys in group 1.
    await page.getByRole('row', { name: /5А Труд \(технология\) 2 Группа 1: 3; Группа 2: 3/ }).waitFor();
    await context.close();
  });
});
