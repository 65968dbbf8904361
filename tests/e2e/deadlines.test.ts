import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays } from '../../src-shared/domain/calendar/dates';
import { schoolToday } from '../../src-main/core/foundation/clock';
import { seedDemoSchool } from '../helpers/e2eDemo';
import { apiCall, apiSignIn, apiValue, bootstrapAdmin, describeE2E, launchBrowser, screenshotPath, signInUi, startServe, type ServeHandle } from '../helpers/e2e';

/**
 * The deadline monitor in the browser (issue 20): the secretary, the завуч and the director sign in
 * and each sees their own home screen — the secretary the accounts of a new enrolment and the notice
 * to the pupil's former school (ticked with a note), the завуч a meeting entered less than two weeks
 * ahead, the director both with their owners; the director downloads the compliance journal, read
 * back by LibreOffice. Dates follow the real clock, so the data is made relative to today.
 */

const USERS = {
  secretary: { login: 'sekretar', fullName: 'Секретарёва Ольга Ивановна', roles: ['secretary'], password: 'Sekretar-2026-dl' },
  deputy: { login: 'zavuch', fullName: 'Завучева Ирина Петровна', roles: ['deputy'], password: 'Zavuch-2026-dl' },
  director: { login: 'director', fullName: 'Директорова Елена Викторовна', roles: ['director'], password: 'Director-2026-dl' },
} as const;
const TEMP = 'Vremenny-1';
const VIEWPORT = { width: 1366, height: 768 };
const ORDER_NO = 'E2E-17';
const MEETING = 'Совещание при директоре (e2e)';

/** The once-a-day notice of late tasks (it covers the header's right side): read it, then close it. */
async function lateNotice(page: Page): Promise<string> {
  const notice = page.locator('.ant-notification-notice').filter({ hasText: 'Просрочено:' });
  await notice.waitFor();
  const text = (await notice.textContent()) ?? '';
  await notice.locator('.ant-notification-notice-close').click();
  await notice.waitFor({ state: 'hidden' });
  return text;
}

/** What the hit test reads of an element (the tests compile without the DOM's types). */
interface HitTarget {
  getBoundingClientRect(): { x: number; y: number; width: number; height: number };
  contains(other: unknown): boolean;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(name) });
}

describeE2E('Сроки по регламенту in the browser', () => {
  let browser: Browser;
  let serve: ServeHandle;
  let admin: string;
  const today = schoolToday();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-e2e-deadlines-'));

  const call = <T>(token: string, method: string, input: unknown = {}) => apiValue<T>(apiCall(serve.url, token, method, input));
  const signIn = async (user: { login: string; password: string }) => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'ru-RU', acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signInUi(page, serve.url, user.login, user.password);
    return { context, page };
  };
  const task = (page: Page, testId: string, text: string) => page.getByTestId(testId).getByTestId('deadline-task').filter({ hasText: text });

  beforeAll(async () => {
    await seedDemoSchool(dataDir, { seed: 20, classesPerGrade: 1, classSize: 10 });
    browser = await launchBrowser();
    serve = await startServe({ dataDir });
    admin = await bootstrapAdmin(serve.url);
    const tokens: Record<string, string> = {};
    for (const [key, u] of Object.entries(USERS)) {
      await call(admin, 'access.users.create', { login: u.login, fullName: u.fullName, roles: u.roles, password: TEMP });
      const token = await apiSignIn(serve.url, u.login, TEMP);
      await call(token, 'access.password.change', { currentPassword: TEMP, newPassword: u.password });
      tokens[key] = await apiSignIn(serve.url, u.login, u.password);
    }

    // The year holding today and the next weeks: the demo's 2026/2027, or one made around today.
    const years = await call<{ years: { id: string; startDate: string; endDate: string }[] }>(admin, 'setup.years.list');
    let year = years.years.find((y) => y.startDate <= addDays(today, -25) && addDays(today, 20) <= y.endDate);
    let classId: string;
    if (year) {
      const classes = await call<{ classes: { id: string; name: string }[] }>(admin, 'setup.classes.list', { yearId: year.id });
      classId = classes.classes.find((c) => c.name === '5А')!.id;
    } else {
      const start = `${Number(today.slice(0, 4)) - (today.slice(5) < '10-01' ? 1 : 0)}-10-01`;
      const y = Number(start.slice(0, 4));
      const id = (await call<{ id: string }>(admin, 'setup.years.save', { id: null, version: 0, year: { name: `${y}/${y + 1}`, startDate: start, endDate: `${y + 1}-09-30` } })).id;
      year = { id, startDate: start, endDate: `${y + 1}-09-30` };
      classId = (await call<{ cls: { id: string } }>(admin, 'setup.classes.save', { yearId: id, id: null, version: 0, cls: { grade: 5, letter: 'Д', classTeacherId: null } })).cls.id;
    }

    // The secretary: a pupil enrolled by transfer from another school 25 days ago — the accounts
    // (3 working days, §3.6) and the notice to the former school (2 working days) are both late.
    const mother = await call<{ id: string }>(tokens.secretary, 'people.parents.create', { lastName: 'Журавлёва', firstName: 'Анна', middleName: 'Сергеевна', sex: 'Ж', birthDate: '1988-04-04' });
    const pupil = await call<{ id: string }>(tokens.secretary, 'people.pupils.create', { lastName: 'Журавлёв', firstName: 'Тимофей', middleName: 'Андреевич', sex: 'М', birthDate: '2015-02-02', parents: [{ parentId: mother.id, relation: 'мать' }] });
    const orderDate = addDays(today, -25);
    const draft = await call<{ id: string; version: number }>(tokens.secretary, 'movement.orders.save', {
      id: null,
      version: 0,
      order: { type: 'enroll', orderDate, title: 'О зачислении обучающегося', items: [{ pupilId: pupil.id, toClassId: classId, effectiveDate: orderDate, enrollKind: 'otherSchool', originSchool: 'МБОУ «СОШ № 12»' }] },
    });
    await call(tokens.secretary, 'movement.orders.sign', { id: draft.id, version: draft.version, numberText: ORDER_NO });

    // The завуч: a meeting entered today for three days ahead — two weeks are due (§5.4).
    await call(tokens.deputy, 'calendar.events.save', { yearId: year.id, id: null, version: 0, event: { title: MEETING, date: addDays(today, 3) } });
  }, 240_000);
  afterAll(async () => {
    await serve?.stop();
    await browser?.close();
  });

  it('the secretary sees the late accounts and notice of a new enrolment, opens the accounts screen from the task and ticks the notice with a note', async () => {
    const { context, page } = await signIn(USERS.secretary);
    const panel = page.getByRole('region', { name: 'Сроки по регламенту' });
    await panel.getByText('ваши задачи по регламенту').waitFor();
    // The once-a-day notice lists the first five late tasks; the demo school's own movement (dated up to
    // today) may fill them, so the new enrolment is looked for in the panel below.
    expect(await lateNotice(page)).toMatch(/Просрочено: \d+ задач/);
    const accounts = task(page, 'deadlines-late', `№ ${ORDER_NO}`).filter({ hasText: 'Учётные записи портала обучающимся и родителям' });
    await accounts.waitFor();
    await expect.poll(() => accounts.textContent()).toContain('п. 3.6');
    const notice = task(page, 'deadlines-late', 'Уведомить исходную ОО о зачислении в порядке перевода').filter({ hasText: 'Журавлёв Тимофей' });
    await notice.waitFor();
    // Not the завуч's: her meeting is not on the secretary's screen; no owners on one's own screen.
    expect(await page.getByText(MEETING).count()).toBe(0);
    expect(await panel.getByTestId('task-owner').count()).toBe(0);
    // The menu counts the late tasks.
    const badge = page.getByTestId('deadline-badge');
    await badge.waitFor();
    expect(Number((await badge.textContent())?.replace(/\D/g, ''))).toBeGreaterThanOrEqual(2);
    await shot(page, 'deadlines-secretary-home');

    // The account task is done on the accounts screen: «Открыть» leads there.
    await accounts.getByRole('button', { name: 'Открыть' }).click();
    await page.waitForURL(/#\/accounts/);
    await page.goBack();

    // The notice is the secretary's own tick, with a note; it stays in «Просрочено» as done late.
    await notice.getByRole('button', { name: 'Отметить' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: 'Отметить выполнение' });
    await dialog.getByLabel('Комментарий').fill('Письмо в СОШ № 12 отправлено');
    await dialog.getByRole('button', { name: 'Отметить выполненным' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await notice.getByText('Внесено позже срока').waitFor();
    await notice.getByText('комментарий: Письмо в СОШ № 12 отправлено').waitFor();
    await notice.getByRole('button', { name: 'Снять отметку' }).waitFor();
    await context.close();
  });

  it('the завуч sees the meeting entered too late, and not the secretary’s tasks', async () => {
    const { context, page } = await signIn(USERS.deputy);
    await lateNotice(page);
    const meeting = task(page, 'deadlines-late', MEETING);
    await meeting.waitFor();
    await meeting.getByText('Внесено позже срока').waitFor();
    // The approved timetable is checked in the data: this school has none yet (its year's 15 September has passed).
    if (today > '2026-09-15') await expect.poll(() => page.getByTestId('deadline-task').filter({ hasText: 'Расписание занятий' }).first().textContent()).toContain('нет утверждённого расписания');
    await expect.poll(() => meeting.textContent()).toContain(`срок ${addDays(today, 3 - 14).split('-').reverse().join('.')}`);
    expect(await page.getByText(`№ ${ORDER_NO}`).count()).toBe(0);
    await shot(page, 'deadlines-deputy-home');
    await context.close();
  });

  it('the director sees the whole school with owners and downloads the compliance journal', async () => {
    const { context, page } = await signIn(USERS.director);
    const panel = page.getByRole('region', { name: 'Сроки по регламенту' });
    await panel.getByText('вся школа, с ответственными').waitFor();
    await lateNotice(page);
    const meeting = task(page, 'deadlines-late', MEETING);
    await meeting.waitFor();
    expect(await meeting.getByTestId('task-owner').textContent()).toMatch(/^Завуч/);
    const accounts = task(page, 'deadlines-late', `№ ${ORDER_NO}`).filter({ hasText: 'Учётные записи портала' });
    expect(await accounts.getByTestId('task-owner').textContent()).toMatch(/^Секретарь/);
    await shot(page, 'deadlines-director-home');

    const nav = page.getByRole('navigation', { name: 'Разделы' });
    await nav.getByText('Сроки', { exact: true }).click();
    await nav.getByRole('menuitem', { name: 'Журнал соблюдения сроков' }).click();
    await page.getByRole('heading', { name: 'Журнал соблюдения сроков' }).waitFor();
    await page.getByRole('row').filter({ hasText: MEETING }).waitFor();
    await shot(page, 'deadlines-director-journal');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Выгрузить в Excel' }).click()]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-e2e-deadlines-xlsx-'));
    const file = path.join(dir, 'journal.xlsx');
    await download.saveAs(file);
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
    const csv = fs.readFileSync(path.join(dir, 'journal.csv'), 'utf8');
    const line = (...texts: string[]) => csv.split('\n').find((l) => texts.every((t) => l.includes(t))) ?? '';
    expect(line(MEETING)).toContain('Завуч');
    expect(line(MEETING)).toContain('Завучева');
    const notice = line('Уведомить исходную ОО', 'Журавлёв Тимофей');
    expect(notice).toContain('Письмо в СОШ № 12 отправлено');
    expect(notice).toContain('Секретарь: Секретарёва Ольга Ивановна');
    expect(notice).toContain('с нарушением срока');
    // The accounts are still not handed over: late, with nobody's name in «Кем».
    expect(line('Учётные записи портала обучающимся и родителям', `№ ${ORDER_NO}`)).toMatch(/Секретарь: Секретарёва Ольга Ивановна,,,с нарушением срока/);

    // The export names people: it is in the audit log as an export.
    const audit = await call<{ rows: { method: string; userName: string | null }[] }>(admin, 'audit.list', { action: 'export', limit: 500 });
    expect(audit.rows.filter((r) => r.method === 'deadlines.journal.export').map((r) => r.userName)).toEqual([USERS.director.fullName]);
    await context.close();
  });

  it('the administrator changes a rule (the term in words follows), is refused a 29 February with the field named, and returns the shipped rule', async () => {
    // An administrator who is also the director sees the whole school's late tasks, so the notice comes on.
    const chief = { login: 'chief', fullName: 'Главная Мария Ивановна', roles: ['admin', 'director'], password: 'Chief-2026-dl' };
    await call(admin, 'access.users.create', { login: chief.login, fullName: chief.fullName, roles: chief.roles, password: TEMP });
    await call(await apiSignIn(serve.url, chief.login, TEMP), 'access.password.change', { currentPassword: TEMP, newPassword: chief.password });
    const { context, page } = await signIn(chief);
    const box = page.locator('.ant-notification-notice').filter({ hasText: 'Просрочено:' });
    await box.waitFor();
    // A dialog opened while the notice is on stays whole: the notice used to lie over a wide dialog's top
    // right corner, its close button among it. The pointer rests on the notice (which holds it open) and
    // the dialog is opened from the keyboard.
    await page.goto(`${serve.url}/#/deadlines/rules`);
    await box.hover();
    const shipped = page.getByRole('row').filter({ hasText: 'Школьное мероприятие в расписании' });
    await shipped.getByRole('button', { name: 'Изменить' }).press('Enter');
    const wide = page.getByRole('dialog').filter({ hasText: 'Правило: Школьное мероприятие в расписании' });
    await wide.getByLabel('Срок', { exact: true }).waitFor();
    const onTop = async (target: Locator) => {
      await target.scrollIntoViewIfNeeded();
      // The element the browser finds at the target's centre is the target (or inside it), nothing laid over it.
      return target.evaluate((node) => {
        const el = node as unknown as HitTarget;
        const r = el.getBoundingClientRect();
        const hit = (globalThis as unknown as { document: { elementFromPoint(x: number, y: number): unknown } }).document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        return hit !== null && el.contains(hit);
      });
    };
    expect(await box.isVisible()).toBe(true);
    const closeX = page.locator('.ant-modal-close');
    expect(await onTop(wide.getByRole('button', { name: 'Сохранить' }))).toBe(true);
    expect(await onTop(wide.getByLabel('Срок', { exact: true }))).toBe(true);
    expect(await onTop(closeX)).toBe(true);
    expect(await box.isVisible()).toBe(true);
    await shot(page, 'deadlines-notice-under-dialog');
    await closeX.click();
    await wide.waitFor({ state: 'hidden' });
    // The notice is closed by hand unless its 12 seconds ran out meanwhile.
    await box.locator('.ant-notification-notice-close').click({ timeout: 3_000 }).catch(() => undefined);
    await box.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: 'Правила сроков' }).waitFor();

    const events = page.getByRole('row').filter({ hasText: 'Школьное мероприятие в расписании' });
    await events.getByText('Поставляемое').waitFor();
    await events.getByRole('button', { name: 'Изменить' }).click();
    let dialog = page.getByRole('dialog').filter({ hasText: 'Правило: Школьное мероприятие в расписании' });
    await dialog.getByLabel('Срок', { exact: true }).fill('1');
    await expect.poll(() => dialog.getByTestId('rule-term').textContent()).toBe('не позднее чем за 1 неделю до даты школьного мероприятия');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await events.getByText('Изменено школой').waitFor();
    await events.getByText('по регламенту: не позднее чем за 2 недели до даты школьного мероприятия').waitFor();
    await shot(page, 'deadlines-admin-rules');

    // A date of the year that three years of four lack: refused, the field named, nothing saved.
    const plan = page.getByRole('row').filter({ hasText: 'Учебный план' }).filter({ hasText: '5.1' });
    await plan.getByRole('button', { name: 'Изменить' }).click();
    dialog = page.getByRole('dialog').filter({ hasText: 'Правило: Учебный план' });
    await dialog.getByLabel('День и месяц').fill('02-29');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => dialog.getByTestId('rule-error').textContent()).toContain('«День и месяц»');
    await shot(page, 'deadlines-admin-rule-refused');
    await dialog.getByRole('button', { name: 'Отмена' }).click();
    await plan.getByText('Поставляемое').waitFor();

    await events.getByRole('button', { name: 'Вернуть' }).click();
    await page.getByRole('button', { name: 'Да' }).click();
    await events.getByText('Поставляемое').waitFor();
    const rules = await call<{ rules: { key: string; offset: number; origin: string }[] }>(admin, 'deadlines.rules.list');
    expect(rules.rules.find((r) => r.key === 'school-events')).toMatchObject({ offset: 2, origin: 'shipped' });
    expect(rules.rules.find((r) => r.key === 'curriculum')).toMatchObject({ origin: 'shipped' });
    await context.close();
  });
});
