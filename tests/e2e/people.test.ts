import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import calendarData from '../../assets/production-calendar.json';
import { addWorkingDays, isWorkingDay, loadProductionCalendar, addDays } from '../../src-shared/domain/calendar';
import { formatRu } from '../../src-shared/domain/calendar/dates';
import { todayLocal } from '../../src-shared/domain/personRules';
import { apiCall, apiSignIn, bootstrapAdmin, describeE2E, launchBrowser, newSignedInPage, screenshotPath, startServe, type ServeHandle } from '../helpers/e2e';

const SECRETARY = { login: 'secretary', fullName: 'Секретарёва Ольга Ивановна', temp: 'Vremenny-1', password: 'Sekretar-2026' };
const HR = { login: 'kadry', fullName: 'Кадрова Ирина Петровна', temp: 'Vremenny-1', password: 'Kadry-2026-pass' };

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

async function choose(page: Page, label: string, option: string, scope: Page | ReturnType<Page['getByRole']> = page) {
  await scope.getByLabel(label, { exact: true }).click();
  // The visible option, not antd's hidden accessibility list that carries the same text.
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${option}$`) }).first().click();
}

/** Both pictures: one kept with the test results, one in /tmp for a quick look. */
async function shot(page: Page, name: string) {
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
  fs.mkdirSync('/tmp/people-e2e', { recursive: true });
  await page.screenshot({ path: `/tmp/people-e2e/${name}.png`, fullPage: true });
}

async function newPupil(page: Page, url: string, p: { lastName: string; firstName: string; middleName: string; sex: 'М' | 'Ж'; birth: string }) {
  await page.goto(`${url}/#/pupils`);
  await page.getByRole('button', { name: 'Новый обучающийся' }).click();
  await page.getByRole('heading', { name: 'Новый обучающийся' }).waitFor();
  await page.getByLabel('Фамилия', { exact: true }).fill(p.lastName);
  await page.getByLabel('Имя', { exact: true }).fill(p.firstName);
  await page.getByLabel('Отчество', { exact: true }).fill(p.middleName);
  await choose(page, 'Пол', p.sex);
  await typeDate(page, 'Дата рождения', p.birth);
  await page.getByRole('button', { name: 'Создать карточку' }).click();
  // The card stores names in their normal spelling: «ёлкина» becomes «Ёлкина».
  const title = [p.lastName, p.firstName, p.middleName].map((n) => n[0].toUpperCase() + n.slice(1)).join(' ');
  await page.getByRole('heading', { name: title }).waitFor();
  return page.url().split('/').pop() as string;
}

describeE2E('people cards, family links and portal accounts in the browser', () => {
  let browser: Browser;
  let serve: ServeHandle;
  let admin: string;
  let classId: string;
  // The enrolment order is dated on the last working day up to today, so the deadline is in the future.
  const cal = loadProductionCalendar(calendarData);
  let orderDate = todayLocal();
  while (!isWorkingDay(cal, orderDate)) orderDate = addDays(orderDate, -1);
  const due = addWorkingDays(cal, orderDate, 3);

  beforeAll(async () => {
    browser = await launchBrowser();
    serve = await startServe();
    admin = await bootstrapAdmin(serve.url);
    const y = Number(orderDate.slice(0, 4)) - (orderDate.slice(5) < '09-01' ? 1 : 0);
    const year = await ok<{ id: string }>(apiCall(serve.url, admin, 'setup.years.save', { id: null, version: 0, year: { name: `${y}/${y + 1}`, startDate: `${y}-09-01`, endDate: `${y + 1}-08-31` } }));
    await ok(apiCall(serve.url, admin, 'setup.years.setCurrent', { id: year.id }));
    await ok(apiCall(serve.url, admin, 'setup.classes.createMany', { yearId: year.id, grades: [5], letters: ['А', 'Б'] }));
    const classes = await ok<{ classes: { id: string; name: string }[] }>(apiCall(serve.url, admin, 'setup.classes.list', { yearId: year.id }));
    classId = classes.classes.find((c) => c.name === '5А')?.id as string;
    for (const [u, role] of [
      [SECRETARY, 'secretary'],
      [HR, 'hr'],
    ] as const) {
      await ok(apiCall(serve.url, admin, 'access.users.create', { login: u.login, fullName: u.fullName, roles: [role], password: u.temp }));
      const token = await apiSignIn(serve.url, u.login, u.temp);
      await ok(apiCall(serve.url, token, 'access.password.change', { currentPassword: u.temp, newPassword: u.password }));
    }
  });
  afterAll(async () => {
    await serve?.stop();
    await browser?.close();
  });

  it('the secretary creates a pupil with two parents, links a sibling to the same mother, sees the 3-day deadline and prints the class letters', async () => {
    const { context, page } = await newSignedInPage(browser, serve.url, SECRETARY.login, SECRETARY.password);

    // A pupil, then her mother and father typed in place on the «Семья» tab.
    const first = await newPupil(page, serve.url, { lastName: 'ёлкина', firstName: 'Варвара', middleName: 'Игоревна', sex: 'Ж', birth: '12.03.2015' });
    await page.getByRole('tab', { name: 'Семья' }).click();
    for (const parent of [
      { relation: 'мать', lastName: 'Ёлкина', firstName: 'Светлана', middleName: 'Петровна', birth: '05.06.1986' },
      { relation: 'отец', lastName: 'Ёлкин', firstName: 'Игорь', middleName: 'Олегович', birth: '17.01.1984' },
    ]) {
      await page.getByRole('button', { name: 'Добавить родителя' }).click();
      const dialog = page.getByRole('dialog');
      await choose(page, 'Степень родства', parent.relation, dialog);
      await dialog.getByLabel('Фамилия', { exact: true }).fill(parent.lastName);
      await dialog.getByLabel('Имя', { exact: true }).fill(parent.firstName);
      await dialog.getByLabel('Отчество', { exact: true }).fill(parent.middleName);
      const birth = dialog.getByLabel('Дата рождения', { exact: true });
      await birth.click();
      await birth.fill(parent.birth);
      await birth.press('Enter');
      await dialog.getByRole('button', { name: 'Добавить' }).click();
      // The first parent's toast may still be showing when the second one's appears.
      await page.getByText('Родитель добавлен').last().waitFor();
      await page.getByRole('link', { name: `${parent.lastName} ${parent.firstName} ${parent.middleName}` }).waitFor();
    }
    await shot(page, 'people-pupil-two-parents');

    // A younger brother: the mother is linked, not typed again.
    const second = await newPupil(page, serve.url, { lastName: 'Ёлкин', firstName: 'Матвей', middleName: 'Игоревич', sex: 'М', birth: '02.09.2016' });
    await page.getByRole('tab', { name: 'Семья' }).click();
    await page.getByRole('button', { name: 'Привязать существующего родителя' }).click();
    const dialog = page.getByRole('dialog');
    // The search answers while the list re-renders; a click that lands on a stale option picks nothing
    // (the button stays disabled), so the pick is repeated until the button comes alive.
    const link = dialog.getByRole('button', { name: 'Привязать' });
    for (let attempt = 1; !(await link.isEnabled()); attempt++) {
      if (attempt > 4) throw new Error('«Ёлкина Светлана Петровна» could not be picked in the parent search');
      await dialog.getByLabel('Родитель', { exact: true }).fill('ёлкина свет');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Ёлкина Светлана Петровна' }).first().click();
      await expect.poll(() => link.isEnabled(), { timeout: 5_000 }).toBe(true).catch(() => undefined);
    }
    await link.click();
    await page.getByText('Родитель привязан').waitFor();
    await page.getByRole('link', { name: 'Ёлкина Варвара Игоревна' }).waitFor();

    // The father typed again as a new parent: the form warns while typing and links his card instead.
    // (The link dialog must be gone first: a locator resolved during its closing animation would fill it.)
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Добавить родителя' }).click();
    const again = page.getByRole('dialog').filter({ hasText: 'Новый родитель (законный представитель)' });
    await again.waitFor();
    await choose(page, 'Степень родства', 'отец', again);
    await again.getByLabel('Фамилия', { exact: true }).fill('Ёлкин');
    await again.getByLabel('Имя', { exact: true }).fill('Игорь');
    await again.getByLabel('Отчество', { exact: true }).fill('Олегович');
    const fatherBirth = again.getByLabel('Дата рождения', { exact: true });
    await fatherBirth.click();
    await fatherBirth.fill('17.01.1984');
    await fatherBirth.press('Enter');
    const early = again.getByTestId('duplicate-early');
    await early.waitFor();
    expect(await early.textContent()).toContain('Ёлкин Игорь Олегович');
    await early.getByRole('button', { name: 'Привязать эту карточку' }).click();
    await page.getByText('Существующая карточка привязана').waitFor();
    await page.getByRole('link', { name: 'Ёлкин Игорь Олегович' }).waitFor();
    await shot(page, 'people-sibling-linked');

    for (const who of ['ёлкина светлана', 'ёлкин игорь']) {
      const parents = await ok<{ lastName: string; children: unknown[] }[]>(apiCall(serve.url, admin, 'people.parents.list', { search: who }));
      expect(parents, who).toHaveLength(1);
      expect(parents[0].children, who).toHaveLength(2);
    }

    // Both children are enrolled into 5А by a signed order of the movement book.
    const secretary = await apiSignIn(serve.url, SECRETARY.login, SECRETARY.password);
    const draft = await ok<{ id: string; version: number }>(
      apiCall(serve.url, secretary, 'movement.orders.save', {
        id: null,
        version: 0,
        order: { type: 'enroll', orderDate, title: 'О зачислении обучающихся', items: [first, second].map((pupilId) => ({ pupilId, toClassId: classId, effectiveDate: orderDate, enrollKind: 'otherSchool', originSchool: 'МБОУ «СОШ № 12»' })) },
      }),
    );
    await ok(apiCall(serve.url, secretary, 'movement.orders.sign', { id: draft.id, version: draft.version, numberText: '15-з' }));

    // The 3-working-day deadline on the card and on the accounts page.
    await page.goto(`${serve.url}/#/pupils/${first}`);
    await expect.poll(() => page.getByTestId('account-deadline').textContent()).toContain(`срок ${formatRu(due)}`);
    await page.goto(`${serve.url}/#/accounts`);
    await page.getByRole('heading', { name: 'Учётные записи портала' }).waitFor();
    // antd's virtual table draws rows as div.ant-table-row.
    const rows = page.locator('.ant-table-row').filter({ hasText: 'Нужно создать' });
    await expect.poll(() => rows.count()).toBe(4);
    await expect.poll(() => page.getByTestId('deadline').first().textContent()).toContain(`до ${formatRu(due)}`);
    await shot(page, 'people-accounts-deadline');

    // The portal created the accounts: the printout is pasted, passwords come from the import code.
    for (let i = 0; i < 4; i++) await rows.nth(i).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Созданы: записать логины и пароли…' }).click();
    const rec = page.getByRole('dialog');
    await rec.getByLabel('Распечатка портала').fill(['Ёлкина Варвара Игоревна\tЁлкинаВ', 'Ёлкин Матвей Игоревич\tЁлкинМ', 'Ёлкина Светлана Петровна\tмЁлкина', 'Ёлкин Игорь Олегович\tоЁлкин'].join('\n'));
    await rec.getByLabel('Код импорта').fill('4821');
    await rec.getByRole('button', { name: 'Разобрать распечатку' }).click();
    await expect.poll(() => rec.getByLabel('Пароль: Ёлкин Игорь Олегович').inputValue()).toBe('Ёлкин4821');
    await rec.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Записано: 4').waitFor();

    // Letters of 5А as PDF, read back with pdftotext.
    await page.getByLabel('Класс для писем').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^5А$/ }).first().click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Письма PDF' }).click()]);
    expect(download.suggestedFilename()).toBe('Учётные записи портала 5А.pdf');
    const file = path.join(serve.dataDir, 'letters.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const s of ['Ёлкина Варвара Игоревна', 'ЁлкинаВ', 'Ёлкина4821', 'Ёлкин Матвей Игоревич', 'ЁлкинМ', 'Ёлкин4821', 'мЁлкина', 'оЁлкин', 'родитель (мать)', 'родитель (отец)', 'Как войти', 'netschool.edu22.info']) {
      expect(text, s).toContain(s);
    }
    // The mother of two gets one letter.
    expect(text.split('Ёлкина Светлана Петровна').length - 1).toBe(1);
    await shot(page, 'people-letters-printed');
    await context.close();
    // A long office workflow on a shared 2-core machine: more than the default per-test time.
  }, 360_000);

  it('a click on «Дата рождения» sorts the pupils by birth date, again reverses, and the order survives a reload', async () => {
    for (const [lastName, birthDate] of [
      ['Сортова', '2014-11-30'],
      ['Ёжикова', '2009-01-15'],
      ['Ельникова', '2016-05-01'],
    ]) {
      await ok(apiCall(serve.url, admin, 'people.pupils.create', { lastName, firstName: 'Алла', sex: 'Ж', birthDate }));
    }
    const { context, page } = await newSignedInPage(browser, serve.url, SECRETARY.login, SECRETARY.password);
    await page.goto(`${serve.url}/#/pupils`);
    const grid = page.getByRole('grid', { name: 'Обучающиеся' });
    const head = grid.getByRole('columnheader', { name: 'Дата рождения' });
    const dates = async () => {
      const cells = await grid.locator('[role=row][aria-rowindex]').allInnerTexts();
      return cells.map((t) => /\d{2}\.\d{2}\.\d{4}/.exec(t)?.[0] ?? '').map((d) => d.split('.').reverse().join('-'));
    };
    const ascending = (list: string[]) => list.every((d, i) => i === 0 || list[i - 1] <= d);
    await expect.poll(async () => (await dates()).length).toBeGreaterThanOrEqual(5);

    await head.click();
    await expect.poll(() => head.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(async () => (await dates())[0]).toBe('2009-01-15');
    expect(ascending(await dates())).toBe(true);

    await head.click();
    await expect.poll(() => head.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(async () => (await dates())[0]).toBe('2016-09-02');
    expect(ascending((await dates()).reverse())).toBe(true);

    // The choice is remembered for this list: after a reload it is still newest first.
    await page.reload();
    await expect.poll(() => grid.getByRole('columnheader', { name: 'Дата рождения' }).getAttribute('aria-sort')).toBe('descending');
    await expect.poll(async () => (await dates())[0]).toBe('2016-09-02');
    expect(ascending((await dates()).reverse())).toBe(true);
    await shot(page, 'people-pupils-sorted-by-birth-date');
    await context.close();
  });

  it('HR types an invalid СНИЛС on a staff card and gets the Russian message, with nothing saved', async () => {
    const { context, page } = await newSignedInPage(browser, serve.url, HR.login, HR.password);
    const before = await ok<{ total: number }>(apiCall(serve.url, admin, 'staff.count', {}));
    await page.goto(`${serve.url}/#/staff`);
    await page.getByRole('button', { name: 'Новый сотрудник' }).click();
    await page.getByRole('heading', { name: 'Новый сотрудник' }).waitFor();
    await page.getByLabel('Фамилия', { exact: true }).fill('Лебедева');
    await page.getByLabel('Имя', { exact: true }).fill('Татьяна');
    await page.getByLabel('Отчество', { exact: true }).fill('Николаевна');
    await choose(page, 'Пол', 'Ж');
    await typeDate(page, 'Дата рождения', '15.06.1979');
    await page.getByLabel('СНИЛС', { exact: true }).fill('112-233-445 94');
    await page.getByRole('button', { name: 'Создать карточку' }).click();
    const error = page.getByTestId('form-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Карточка сотрудника, поле «СНИЛС»: неверная контрольная сумма — проверьте цифры. Ничего не сохранено.');
    await expect.poll(() => page.locator('.ant-form-item-explain-error').first().textContent()).toContain('неверная контрольная сумма');
    await shot(page, 'people-staff-invalid-snils');
    expect(await ok<{ total: number }>(apiCall(serve.url, admin, 'staff.count', {}))).toEqual(before);
    // Corrected, the card saves.
    await page.getByLabel('СНИЛС', { exact: true }).fill('112-233-445 95');
    await page.getByRole('button', { name: 'Создать карточку' }).click();
    await page.getByRole('heading', { name: 'Лебедева Татьяна Николаевна' }).waitFor();
    expect((await ok<{ total: number }>(apiCall(serve.url, admin, 'staff.count', {}))).total).toBe(before.total + 1);

    // «Семья и дети»: a daughter and the leave to care for her, saved with Ctrl+S.
    await page.getByRole('tab', { name: 'Семья и дети' }).click();
    await page.getByRole('button', { name: 'Добавить члена семьи' }).click();
    const daughter = page.getByRole('group', { name: 'Член семьи 1' });
    await daughter.getByLabel('Степень родства', { exact: true }).fill('дочь');
    await daughter.getByLabel('Фамилия', { exact: true }).fill('Лебедева');
    await daughter.getByLabel('Имя', { exact: true }).fill('Анна');
    await daughter.getByLabel('Отчество', { exact: true }).fill('Игоревна');
    const born = daughter.getByLabel('Дата рождения', { exact: true });
    await born.click();
    await born.fill('03.03.2025');
    await born.press('Enter');
    await typeDate(page, 'Отпуск по уходу за ребёнком — с', '01.05.2025');
    await typeDate(page, 'Отпуск по уходу за ребёнком — по', '03.03.2028');
    await page.keyboard.press('Control+s');
    await page.getByText('Карточка сотрудника сохранена').waitFor();
    await page.getByText('в отпуске по уходу за ребёнком до 03.03.2028').waitFor();
    const onLeave = await ok<{ lastName: string }[]>(apiCall(serve.url, admin, 'staff.list', { status: 'onLeave' }));
    expect(onLeave.map((r) => r.lastName)).toEqual(['Лебедева']);
    const card = await ok<{ familyMembers: { relation: string; firstName: string; birthDate: string }[] }>(apiCall(serve.url, admin, 'staff.get', { id: page.url().split('/').pop() }));
    expect(card.familyMembers).toEqual([expect.objectContaining({ relation: 'дочь', firstName: 'Анна', birthDate: '2025-03-03' })]);
    await shot(page, 'people-staff-card-family');
    await context.close();
  });
});
