import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiCall, bootstrapAdmin, describeE2E, launchBrowser, newSignedInPage, settledShot, startServe, type ServeHandle } from '../helpers/e2e';

/** Pupils of the small school by class: [фамилия, имя, отчество, пол]. */
const PUPILS: Record<string, [string, string, string, 'М' | 'Ж'][]> = {
  '3А': [['Андреев', 'Антон', 'Петрович', 'М'], ['Белова', 'Вера', 'Игоревна', 'Ж']],
  '4А': [['Волков', 'Глеб', 'Олегович', 'М'], ['Громова', 'Дарья', 'Сергеевна', 'Ж']],
  '9А': [['Дроздов', 'Егор', 'Ильич', 'М'], ['Ершова', 'Жанна', 'Павловна', 'Ж']],
  '11А': [['Жуков', 'Захар', 'Денисович', 'М'], ['Зуева', 'Инна', 'Романовна', 'Ж']],
};

async function ok<T>(env: Promise<{ ok: boolean; value?: T; error?: { message: string } }>): Promise<T> {
  const e = await env;
  if (!e.ok) throw new Error(e.error?.message ?? 'API call failed');
  return e.value as T;
}

async function typeDate(page: Page, selector: string, ddmmyyyy: string) {
  const input = page.locator(selector);
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
}

/** Picks an option of an antd select and waits for its dropdown to close before the next one opens. */
async function pick(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await open.getByText(option, { exact: true }).click();
  await open.waitFor({ state: 'hidden' });
}


describeE2E('Переход на новый учебный год in the browser', () => {
  let browser: Browser;
  let serve: ServeHandle;
  let admin: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    serve = await startServe();
    admin = await bootstrapAdmin(serve.url);
    const year = await ok<{ id: string }>(apiCall(serve.url, admin, 'setup.years.save', { id: null, version: 0, year: { name: '2026/2027', startDate: '2026-09-01', endDate: '2027-08-31' } }));
    await ok(apiCall(serve.url, admin, 'setup.years.setCurrent', { id: year.id }));
    await ok(apiCall(serve.url, admin, 'setup.classes.createMany', { yearId: year.id, grades: [3, 4, 9, 11], letters: ['А'] }));
    const classes = await ok<{ classes: { id: string; name: string }[] }>(apiCall(serve.url, admin, 'setup.classes.list', { yearId: year.id }));
    const idOf = (name: string) => classes.classes.find((c) => c.name === name)!.id;
    const items = Object.entries(PUPILS).flatMap(([cls, list]) =>
      list.map(([lastName, firstName, middleName, sex], i) => ({ newPupil: { lastName, firstName, middleName, sex, birthDate: `20${cls === '3А' ? 18 : cls === '4А' ? 17 : cls === '9А' ? 12 : 10}-0${i + 3}-15` }, toClassId: idOf(cls), effectiveDate: '2026-09-01', enrollKind: 'contingent' })),
    );
    const draft = await ok<{ id: string; version: number }>(
      apiCall(serve.url, admin, 'movement.orders.save', { id: null, version: 0, order: { type: 'enroll', orderDate: '2026-08-28', title: 'О зачислении (ввод контингента)', basis: 'личные дела', signatoryPosition: 'Директор', signatoryName: 'Шарапова Елена Викторовна', items } }),
    );
    await ok(apiCall(serve.url, admin, 'movement.orders.sign', { id: draft.id, version: draft.version }));
  });
  afterAll(async () => {
    await serve?.stop();
    await browser?.close();
  });

  it('the administrator previews next year with a repeater and a 9th-grader going on to 10th, applies it, and drills into the movement report', async () => {
    const { context, page } = await newSignedInPage(browser, serve.url);
    page.setDefaultTimeout(20_000);
    await page.goto(`${serve.url}/#/admin/rollover`);
    await page.getByRole('heading', { name: 'Переход на новый учебный год' }).waitFor();
    expect(await page.getByLabel('Новый учебный год').inputValue()).toBe('2027/2028');
    await page.getByRole('button', { name: 'Далее' }).click();

    // Classes: 3А → 4А, 4А → 5А, 9А and 11А graduate; new 1А and 10А proposed.
    const classes = page.getByRole('table', { name: 'Классы и их продолжение' });
    await classes.getByText('выпуск').first().waitFor();
    expect(await page.getByLabel('Литера после 4А').inputValue()).toBe('А');
    expect(await page.getByLabel('Литера нового класса 1').inputValue()).toBe('А');
    expect(await page.getByLabel('Параллель нового класса 2').inputValue()).toBe('10');
    await page.getByRole('button', { name: 'Далее' }).click();

    // Exceptions: Громова repeats 4th grade (in the new 4А made from 3А); Дроздов goes on to 10А.
    await page.getByRole('table', { name: 'Обучающиеся при переходе' }).waitFor();
    await pick(page, 'Действие: Громова Дарья Сергеевна', 'Оставить на повторное обучение');
    await expect.poll(() => page.getByLabel('В класс: Громова Дарья Сергеевна').getAttribute('placeholder')).toBe('4А');
    await pick(page, 'Действие: Дроздов Егор Ильич', 'Выпустить и зачислить в 10 класс');
    await expect.poll(() => page.getByLabel('В класс: Дроздов Егор Ильич').getAttribute('placeholder')).toBe('10А');
    await page.getByText('Исключений: 2.').waitFor();
    await page.getByRole('button', { name: 'Далее' }).click();

    // The preview: classes with their rosters, the orders with their sizes.
    const orders = page.getByRole('table', { name: 'Годовые приказы' });
    await orders.waitFor();
    const orderRows = async () => (await orders.locator('tbody tr').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    await expect.poll(orderRows).toEqual([
      'О переводе обучающихся в следующий класс Перевод в следующий класс 29.05.2027 01.09.2027 3',
      'Об оставлении обучающихся на повторное обучение Оставление на повторное обучение 29.05.2027 01.09.2027 1',
      'О выпуске обучающихся 9 классов Выпуск 25.06.2027 26.06.2027 2',
      'О выпуске обучающихся 11 классов Выпуск 25.06.2027 26.06.2027 2',
      'О зачислении в 10 класс выпускников 9 классов Зачисление 25.06.2027 01.09.2027 1',
    ]);
    const newClasses = page.getByRole('table', { name: 'Классы нового года' });
    const classRow = async (name: string) => (await newClasses.locator('tbody tr', { has: page.getByRole('cell', { name, exact: true }) }).first().innerText()).replace(/\s+/g, ' ').trim();
    // Two from 3А and the repeater from 4А.
    expect(await classRow('4А')).toMatch(/^4А 3А .*3$/);
    expect(await classRow('5А')).toMatch(/^5А 4А .*1$/);
    expect(await classRow('10А')).toMatch(/^10А новый .*1$/);
    expect(await classRow('1А')).toMatch(/^1А новый .*0$/);
    await page.getByText('Классы 2027/2028 (год будет создан)').waitFor();
    // Each order opens to the pupils in it.
    await orders.locator('tbody tr', { hasText: 'Об оставлении обучающихся' }).getByRole('button').click();
    const repeaters = page.getByRole('table', { name: 'Обучающиеся' });
    await repeaters.getByText('Громова Дарья Сергеевна').waitFor();
    expect((await repeaters.locator('tbody tr').first().innerText()).replace(/\s+/g, ' ').trim()).toBe('1 Громова Дарья Сергеевна 4А 4А Оставить на повторное обучение');
    await settledShot(page, 'rollover-preview');

    await page.getByRole('button', { name: 'Провести переход' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Провести' }).click();
    await page.getByText('Переход на 2027/2028 учебный год проведён').waitFor();
    // 4А and 5А follow 3А and 4А; 1А and 10А are new. The enrolment into 10А is the year's second «-з» order.
    await page.getByText(/Создано классов: 4\. Приказы: № 1-г \(3\), № 1-по \(1\), № 1-вып \(2\), № 2-вып \(2\), № 2-з \(1\)/).waitFor();
    await settledShot(page, 'rollover-done');

    // The new year's rosters, over the API.
    const years = await ok<{ years: { id: string; name: string }[] }>(apiCall(serve.url, admin, 'setup.years.list'));
    const next = years.years.find((y) => y.name === '2027/2028')!;
    const nextClasses = await ok<{ classes: { id: string; name: string }[] }>(apiCall(serve.url, admin, 'setup.classes.list', { yearId: next.id }));
    const roster = async (name: string) =>
      (await ok<{ pupils: { fullName: string }[] }>(apiCall(serve.url, admin, 'movement.classes.roster', { classId: nextClasses.classes.find((c) => c.name === name)!.id, date: '2027-09-01' }))).pupils.map((p) => p.fullName);
    expect(await roster('4А')).toEqual(['Андреев Антон Петрович', 'Белова Вера Игоревна', 'Громова Дарья Сергеевна']);
    expect(await roster('5А')).toEqual(['Волков Глеб Олегович']);
    expect(await roster('10А')).toEqual(['Дроздов Егор Ильич']);

    // «Движение учащихся» over the summer: the number of graduates opens the four of them.
    await page.goto(`${serve.url}/#/reports/movement`);
    await page.getByRole('heading', { name: 'Движение учащихся по школе' }).waitFor();
    await typeDate(page, '#movementFrom', '01.05.2027');
    await typeDate(page, '#movementTo', '30.09.2027');
    // The totals first (they fit the window); the reasons of departure on their own view.
    await page.getByText('Выбыло по причинам').click();
    const graduates = page.getByRole('button', { name: 'Итого по школе: выбыло — Выпущены' });
    await expect.poll(() => graduates.textContent()).toBe('4');
    await page.getByText(/Не сходится/).waitFor({ state: 'detached' });
    await graduates.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Итого по школе: выбыло — Выпущены: 4').waitFor();
    const names = (await dialog.getByRole('table', { name: 'Обучающиеся за числом' }).locator('tbody tr td:nth-child(2)').allInnerTexts()).sort();
    expect(names).toEqual(['Дроздов Егор Ильич', 'Ершова Жанна Павловна', 'Жуков Захар Денисович', 'Зуева Инна Романовна']);
    await settledShot(page, 'movement-report-drill');
    await context.close();
  });
});
