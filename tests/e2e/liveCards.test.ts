import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiSignIn, bootstrapAdmin, describeE2E, launchBrowser, newSignedInPage, settledShot, startServe, type ServeHandle } from '../helpers/e2e';

type Pupil = { id: string; version: number; lastName: string; phoneMobile: string | null; email: string | null; note: string | null };

/**
 * Several office PCs at once: a write by anyone refreshes every open list (domain events → RTK Query
 * tags), and a card saved by two people merges three ways instead of losing either's edits.
 */
describeE2E('Live lists and stale cards in two browsers', () => {
  let browser: Browser;
  let serve: ServeHandle;
  let token: string;

  const api = async <T,>(method: string, input: unknown) => {
    const env = await apiCall<T>(serve.url, token, method, input);
    if (!env.ok) throw new Error(`${method}: ${env.error?.message}`);
    return env.value as T;
  };
  const createPupil = (lastName: string, firstName: string) => api<Pupil>('people.pupils.create', { lastName, firstName, sex: 'Ж', birthDate: '2014-05-05', allowDuplicate: true });
  const getPupil = (id: string) => api<Pupil>('people.pupils.get', { id });

  async function openCard(page: Page, id: string, lastName: string) {
    await page.goto(`${serve.url}/#/pupils/${id}`);
    await page.getByRole('heading', { level: 2, name: new RegExp(lastName) }).waitFor();
    await expect.poll(() => page.getByLabel('Фамилия', { exact: true }).inputValue()).toBe(lastName);
  }
  // «Объединить и сохранить» in the merge dialog must not match: the card's own button ends with a capital «Сохранить».
  const save = (page: Page) => page.getByRole('button', { name: /Сохранить$/ }).click();

  /** A new pupil's card open in two browsers (two sessions of the same office). */
  async function openTwice(lastName: string, firstName: string) {
    const pupil = await createPupil(lastName, firstName);
    const a = await newSignedInPage(browser, serve.url);
    const b = await newSignedInPage(browser, serve.url);
    await openCard(a.page, pupil.id, lastName);
    await openCard(b.page, pupil.id, lastName);
    return { pupil, a, b };
  }

  /** A saves; B, who is typing, is told by the push event and keeps what it typed. */
  async function saveFirst(a: Page, b: Page) {
    await save(a);
    await a.getByText('Карточка обучающегося сохранена').waitFor();
    await b.getByTestId('stale-notice').waitFor();
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    serve = await startServe();
    token = await bootstrapAdmin(serve.url);
  });
  afterAll(async () => {
    await serve?.stop();
    await browser?.close();
  });

  it('shows a pupil another user adds, and a new surname, in the open list without a reload', async () => {
    const { context, page } = await newSignedInPage(browser, serve.url);
    await createPupil('Ёлкина', 'Варвара');
    await page.goto(`${serve.url}/#/pupils`);
    await page.getByText('Ёлкина', { exact: true }).waitFor();
    await page.getByText('Найдено: 1').waitFor();
    expect(await page.getByText('Новикова', { exact: true }).count()).toBe(0);

    // Another session (a second office PC) writes over HTTP; this page is never reloaded.
    const other = await apiSignIn(serve.url);
    const created = await apiCall<Pupil>(serve.url, other, 'people.pupils.create', { lastName: 'Новикова', firstName: 'Алиса', sex: 'Ж', birthDate: '2015-02-03' });
    expect(created.ok).toBe(true);
    await page.getByText('Новикова', { exact: true }).waitFor({ timeout: 10_000 });
    await page.getByText('Найдено: 2').waitFor();

    const renamed = await apiCall<Pupil>(serve.url, other, 'people.pupils.update', { id: created.value!.id, version: created.value!.version, lastName: 'Новикова-Лебедева' });
    expect(renamed.ok).toBe(true);
    await page.getByText('Новикова-Лебедева', { exact: true }).waitFor({ timeout: 10_000 });
    await context.close();
  });

  it('merges a stale save of a pupil card: the other user’s phone and my e-mail are both kept', async () => {
    const { pupil, a, b } = await openTwice('Морозова', 'Дарья');
    // B starts typing first; A saves meanwhile, so B's save names a version that is no longer current.
    await b.page.getByLabel('Электронная почта', { exact: true }).fill('morozova@mail.ru');
    await a.page.getByLabel('Мобильный телефон', { exact: true }).fill('+7 (913) 222-33-44');
    await saveFirst(a.page, b.page);
    expect(await b.page.getByLabel('Электронная почта', { exact: true }).inputValue()).toBe('morozova@mail.ru');

    await save(b.page);
    const dialog = b.page.getByTestId('merge-dialog');
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('другой пользователь сохранил эту карточку');
    expect(text).toMatch(/будет взято у него:.*Мобильный телефон: \+7 \(913\) 222-33-44/);
    expect(text).toMatch(/останутся:.*Электронная почта: morozova@mail\.ru/);
    await settledShot(b.page, 'card-merge-dialog-kept');
    await b.page.getByRole('button', { name: 'Объединить и сохранить' }).click();
    await b.page.getByText('Карточка обучающегося сохранена').waitFor();

    const stored = await getPupil(pupil.id);
    expect(stored).toMatchObject({ phoneMobile: '+7 (913) 222-33-44', email: 'morozova@mail.ru' });
    // B's form shows the merged card, and A's open card follows without a reload.
    await expect.poll(() => b.page.getByLabel('Мобильный телефон', { exact: true }).inputValue()).toBe('+7 (913) 222-33-44');
    await expect.poll(() => a.page.getByLabel('Электронная почта', { exact: true }).inputValue(), { timeout: 10_000 }).toBe('morozova@mail.ru');
    await a.context.close();
    await b.context.close();
  });

  it('asks which value to keep when both edited the same field, and keeps the pick with the rest', async () => {
    const { pupil, a, b: bb } = await openTwice('Соколова', 'Мария');
    await bb.page.getByLabel('Примечание', { exact: true }).fill('Переведена из гимназии № 3');
    await bb.page.getByLabel('Мобильный телефон', { exact: true }).fill('+7 (913) 555-66-77');
    await a.page.getByLabel('Примечание', { exact: true }).fill('Справка ПМПК сдана');
    await saveFirst(a.page, bb.page);

    await save(bb.page);
    const dialog = bb.page.getByTestId('merge-dialog');
    await dialog.waitFor();
    const merge = bb.page.getByRole('button', { name: 'Объединить и сохранить' });
    // Nothing is decided for the user: the merge waits for a choice.
    expect(await merge.isDisabled()).toBe(true);
    expect(await dialog.textContent()).toContain('Осталось выбрать: Примечание');
    await dialog.getByLabel('Примечание: оставить ваше').waitFor();
    await dialog.getByText('Справка ПМПК сдана').waitFor();
    await settledShot(bb.page, 'card-merge-dialog-conflict');
    await dialog.getByLabel('Примечание: взять другого пользователя').check();
    await merge.click();
    await bb.page.getByText('Карточка обучающегося сохранена').waitFor();

    const stored = await getPupil(pupil.id);
    expect(stored).toMatchObject({ note: 'Справка ПМПК сдана', phoneMobile: '+7 (913) 555-66-77' });
    await a.context.close();
    await bb.context.close();
  });
});
