import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { newId } from '../../src-shared/domain/ids';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiCall, apiSignIn, bootstrapAdmin, describeE2E, launchBrowser, newSignedInPage, settledShot, startServe, type ServeHandle } from '../helpers/e2e';

const SECRETARY = { login: 'secretary', fullName: 'Секретарёва Ольга Ивановна', temp: 'Vremenny-1', password: 'Sekretar-2026' };

async function ok<T>(env: Promise<{ ok: boolean; value?: T; error?: { message: string } }>): Promise<T> {
  const e = await env;
  if (!e.ok) throw new Error(e.error?.message ?? 'API call failed');
  return e.value as T;
}

async function typeDate(page: Page, label: string, ddmmyyyy: string) {
  const input = label.startsWith('#') ? page.locator(label) : page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
}

async function pick(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByText(option, { exact: false }).first().click();
}


describeE2E('Книга движения in the browser', () => {
  let browser: Browser;
  let serve: ServeHandle;
  let groupsOf1B: { id: string; name: string }[] = [];
  let englishId = '';
  let class1B = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    serve = await startServe();
    const admin = await bootstrapAdmin(serve.url);
    const year = await ok<{ id: string }>(
      apiCall(serve.url, admin, 'setup.years.save', { id: null, version: 0, year: { name: '2026/2027', startDate: '2026-09-01', endDate: '2027-08-31' } }),
    );
    await ok(apiCall(serve.url, admin, 'setup.years.setCurrent', { id: year.id }));
    await ok(apiCall(serve.url, admin, 'setup.classes.createMany', { yearId: year.id, grades: [1], letters: ['А', 'Б'] }));
    // 1Б learns English in two groups: a pupil transferred there is asked which one to join.
    const classes = await ok<{ classes: { id: string; name: string }[] }>(apiCall(serve.url, admin, 'setup.classes.list', { yearId: year.id }));
    class1B = classes.classes.find((c) => c.name === '1Б')!.id;
    englishId = (await ok<{ id: string }>(apiCall(serve.url, admin, 'setup.subjects.save', { id: null, version: 0, subject: { name: 'Английский язык', shortName: 'Англ.', isSplit: true } }))).id;
    groupsOf1B = (await ok<{ subgroups: { id: string; name: string }[] }>(apiCall(serve.url, admin, 'setup.subgroups.split', { classId: class1B, subjectId: englishId, count: 2 }))).subgroups;
    await ok(apiCall(serve.url, admin, 'access.users.create', { login: SECRETARY.login, fullName: SECRETARY.fullName, roles: ['secretary'], password: SECRETARY.temp }));
    const token = await apiSignIn(serve.url, SECRETARY.login, SECRETARY.temp);
    await ok(apiCall(serve.url, token, 'access.password.change', { currentPassword: SECRETARY.temp, newPassword: SECRETARY.password }));
  });
  afterAll(async () => {
    await serve?.stop();
    await browser?.close();
  });

  it('the secretary enrols a pupil through an order, signs it, sees her in the class and in «Наполняемость классов», downloads the order and the report', async () => {
    const { context, page } = await newSignedInPage(browser, serve.url, SECRETARY.login, SECRETARY.password);
    await page.goto(`${serve.url}/#/movement`);
    await page.getByRole('heading', { name: 'Книга движения' }).waitFor();
    await page.getByRole('button', { name: 'Новый приказ' }).click();
    await page.getByRole('menuitem', { name: 'Зачисление' }).click();
    await page.getByRole('heading', { name: 'Новый приказ' }).waitFor();
    await typeDate(page, 'Дата приказа', '28.11.2026');

    await page.getByRole('button', { name: 'Добавить обучающегося' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByText('Новая карточка').click();
    await modal.getByLabel('Фамилия').fill('Соколова');
    await modal.getByLabel('Имя', { exact: true }).fill('Любовь');
    await modal.getByLabel('Отчество').fill('Андреевна');
    await modal.getByText('Ж', { exact: true }).click();
    await typeDate(page, 'Дата рождения', '03.05.2019');
    await typeDate(page, 'С даты', '30.11.2026');
    await pick(page, 'В класс', '1А');
    await expect.poll(() => modal.getByLabel('Винительный (кого?)').inputValue()).toBe('Соколову Любовь Андреевну');
    expect(await modal.getByLabel('Родительный (кого?)').inputValue()).toBe('Соколовой Любови Андреевны');
    await settledShot(page, 'movement-item');
    await modal.getByRole('button', { name: 'Готово' }).click();
    await expect.poll(() => page.getByLabel('винительный: Соколова Любовь Андреевна').inputValue()).toBe('Соколову Любовь Андреевну');

    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await page.getByText('Черновик приказа сохранён').waitFor();
    await page.getByRole('heading', { name: 'Черновик приказа' }).waitFor();
    await page.getByRole('button', { name: 'Подписать и провести' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Подписать' }).click();
    await page.getByRole('heading', { name: 'Приказ № 1-з от 28.11.2026' }).waitFor();
    await settledShot(page, 'movement-order-signed');

    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Скачать Word' }).click()]);
    expect(docx.suggestedFilename()).toBe('Приказ № 1-з от 28.11.2026.docx');
    const text = (await mammoth.extractRawText({ path: await docx.path() })).value.replace(/\s+/g, ' ');
    expect(text).toContain('Зачислить Соколову Любовь Андреевну, 03.05.2019 г. р., в 1А класс с 30.11.2026.');

    // The class on the day of enrolment, and not the day before.
    await page.goto(`${serve.url}/#/movement?tab=roster`);
    await typeDate(page, '#rosterDate', '30.11.2026');
    await pick(page, 'Класс', '1А');
    await page.getByRole('table', { name: 'Состав класса' }).getByText('Соколова Любовь Андреевна').waitFor();
    await settledShot(page, 'movement-roster');
    await typeDate(page, '#rosterDate', '29.11.2026');
    await page.getByText('1А — 0 уч.').or(page.getByText('Выберите дату и класс')).first().waitFor();

    await page.goto(`${serve.url}/#/reports/occupancy`);
    await page.getByRole('heading', { name: 'Наполняемость классов' }).waitFor();
    await typeDate(page, '#occupancyDate', '01.12.2026');
    await expect.poll(() => page.getByRole('button', { name: 'Итого по школе: Всего' }).textContent()).toBe('1');
    await settledShot(page, 'movement-occupancy');
    await page.getByRole('button', { name: '1А: Всего' }).click();
    await page.getByRole('dialog').getByText('Соколова Любовь Андреевна').waitFor();
    await settledShot(page, 'movement-occupancy-drill');
    await page.getByRole('dialog').getByRole('button', { name: /close|закрыть/i }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Скачать Excel' }).click()]);
    expect(xlsx.suggestedFilename()).toBe('Наполняемость классов на 01.12.2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(await xlsx.path()) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.getWorksheet('Наполняемость')!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows.find((r) => r[0] === '1А')?.slice(2, 5)).toEqual([1, 0, 1]);
    expect(rows.find((r) => r[0] === 'Итого по школе')?.[2]).toBe(1);
    await context.close();

    // Both downloads are recorded as exports of personal data.
    const admin = await apiSignIn(serve.url);
    const log = await ok<{ rows: { action: string; method: string; userName: string | null }[] }>(apiCall(serve.url, admin, 'audit.list', { action: 'export' }));
    const methods = log.rows.filter((r) => r.userName === SECRETARY.fullName).map((r) => r.method);
    expect(methods).toEqual(expect.arrayContaining(['movement.orders.document', 'reports.occupancy.export']));
  });

  it('a transfer into a class with subgroups asks which group the pupil joins, and signing puts her there', async () => {
    const { context, page } = await newSignedInPage(browser, serve.url, SECRETARY.login, SECRETARY.password);
    await page.goto(`${serve.url}/#/movement/orders/new?type=transfer`);
    await page.getByRole('heading', { name: 'Новый приказ' }).waitFor();
    await typeDate(page, 'Дата приказа', '14.12.2026');
    await page.getByRole('button', { name: 'Добавить обучающегося' }).click();
    const modal = page.getByRole('dialog');
    await typeDate(page, 'С даты', '15.12.2026');
    await modal.getByLabel('Обучающийся', { exact: true }).click();
    await page.keyboard.type('Соко');
    const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await open.getByText('Соколова Любовь Андреевна, 03.05.2019 — 1А').click();
    await open.waitFor({ state: 'hidden' });
    await expect.poll(() => modal.locator('.ant-form-item', { hasText: 'Сейчас в классе' }).first().innerText()).toMatch(/Сейчас в классе\s+1А/);
    await pick(page, 'В класс', '1Б');
    await modal.getByText('В этом классе есть подгруппы — выберите, в какую зачислить обучающегося по каждому предмету').waitFor();
    await pick(page, 'Подгруппа: Английский язык', groupsOf1B[1].name);
    await settledShot(page, 'movement-transfer-subgroup');
    await modal.getByRole('button', { name: 'Готово' }).click();
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await page.getByRole('heading', { name: 'Черновик приказа' }).waitFor();
    await page.getByRole('button', { name: 'Подписать и провести' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Подписать' }).click();
    await page.getByRole('heading', { name: 'Приказ № 1-п от 14.12.2026' }).waitFor();
    await context.close();

    const admin = await apiSignIn(serve.url);
    const groups = async (date: string) =>
      (await ok<{ subgroups: { id: string; members: { fullName: string }[] }[] }>(apiCall(serve.url, admin, 'setup.subgroups.list', { classId: class1B, date }))).subgroups.map((g) => [g.id, g.members.map((m) => m.fullName)]);
    expect(await groups('2026-12-15')).toEqual([
      [groupsOf1B[0].id, []],
      [groupsOf1B[1].id, ['Соколова Любовь Андреевна']],
    ]);
    expect(await groups('2026-12-14')).toEqual([
      [groupsOf1B[0].id, []],
      [groupsOf1B[1].id, []],
    ]);
    expect(englishId).not.toBe('');
  });

  // Issue 24 item 1: an impossible date is an error on its field, kept as typed — never replaced by
  // today, never cleared into «обязательное поле», never silently ignored by a report.
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
  it('a 4 000-row book draws only the rows on screen, and its last row is reached by scrolling (issue 24)', async () => {
    // Written straight into the file, as years of signed orders would be: the browser is what is tested.
    const N = 4000;
    const db = new Database(path.join(serve.dataDir, 'school-office.sqlite3'));
    const yearId = (db.prepare('select id from academic_year order by start_date desc limit 1').get() as { id: string }).id;
    const now = new Date().toISOString();
    const orderId = newId();
    db.transaction(() => {
      db.prepare(
        `insert into movement_order (id, academic_year_id, order_type, number, number_text, order_date, title, status, signed_at, version, created_at, updated_at)
         values (?, ?, 'enroll', 900, '900-з', '2026-12-30', 'О зачислении', 'signed', ?, 1, ?, ?)`,
      ).run(orderId, yearId, now, now, now);
      const pupil = db.prepare(`insert into pupil (id, last_name, first_name, middle_name, sex, birth_date, search_key, version, created_at, updated_at) values (?, ?, 'Книга', null, 'Ж', '2015-01-01', ?, 1, ?, ?)`);
      const item = db.prepare(
        `insert into movement_order_item (id, order_id, ordinal, pupil_id, created_pupil, to_class_id, effective_date, enroll_kind, subgroup_ids, name_genitive, name_dative, name_accusative, names_edited)
         values (?, ?, ?, ?, 0, ?, '2026-12-31', 'otherSchool', '[]', ?, ?, ?, 0)`,
      );
      for (let i = 1; i <= N; i++) {
        const pupilId = newId();
        const lastName = i === N ? 'Последняя' : `Строкова${i}`;
        pupil.run(pupilId, lastName, `${lastName.toLowerCase()} книга`, now, now);
        item.run(newId(), orderId, i, pupilId, class1B, lastName, lastName, lastName);
      }
    })();
    db.close();

    const { context, page } = await newSignedInPage(browser, serve.url, SECRETARY.login, SECRETARY.password);
    await page.goto(`${serve.url}/#/reports/movement-book`);
    await expect.poll(async () => Number(/Записей: (\d+)/.exec((await page.getByText(/^Записей:/).textContent()) ?? '')?.[1] ?? 0), { timeout: 30_000 }).toBeGreaterThan(N);
    const drawn = () => page.locator('.ant-table-row').count();
    await expect.poll(drawn).toBeGreaterThan(5);
    expect(await drawn(), 'rows in the DOM at the top').toBeLessThan(80);
    const last = page.getByRole('button', { name: 'Последняя Книга', exact: true });
    expect(await last.count(), 'the last row is not drawn before scrolling').toBe(0);

    // Scroll the book's own list to the end, as a mouse wheel would, in a few steps.
    const holder = page.locator('.ant-table-tbody-virtual-holder');
    for (let i = 0; i < 5; i++) {
      await holder.evaluate((el) => {
        // Typed without the DOM lib: the holder is a scrolling div.
        const box = el as unknown as { scrollTop: number; scrollHeight: number };
        box.scrollTop = box.scrollHeight;
      });
    }
    await last.waitFor();
    expect(await drawn(), 'rows in the DOM at the bottom').toBeLessThan(80);
    await settledShot(page, 'movement-book-virtual-bottom');
    await context.close();
  }, 180_000);
});
