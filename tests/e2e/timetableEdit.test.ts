import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EditTarget } from '../../src-shared/contract/timetableEdit';
import type { VersionView } from '../../src-shared/contract/timetableFields';
import { closeCore, openCore } from '../../src-main/core/foundation/context';
import { generateSchool } from '../../src-main/core/demo/generateSchool';
import { writeDemo } from '../../src-main/core/demo/writeDemo';
import { createLogger, silentSink } from '../../src-main/core/foundation/logger';
import { sqliteFileIn } from '../../src-main/core/foundation/paths';
import { apiCall, apiSignIn, bootstrapAdmin, describeE2E, launchBrowser, screenshotPath, signInUi, startServe, type ServeHandle } from '../helpers/e2e';

/**
 * Hand editing (issue 16) in the browser: the завуч picks a lesson of 7А, drags it onto a period
 * where its teacher is busy and reads the reason before dropping, drops it elsewhere (a move that
 * breaks a rule), presses «Исправить», accepts the diff, then undoes everything and finds the draft
 * exactly as it was; a lesson is moved with the keyboard too.
 */

const ZAVUCH = { login: 'zavuch', fullName: 'Завучева Ирина Петровна', roles: ['deputy'], password: 'Zavuch-2026-tt' };
const VIEWPORT = { width: 1366, height: 768 };

async function ok<T>(env: Promise<{ ok: boolean; value?: T; error?: { message: string } }>): Promise<T> {
  const e = await env;
  if (!e.ok) throw new Error(e.error?.message ?? 'API call failed');
  return e.value as T;
}

const sorted = <T extends { lessonId: string; index: number }>(list: T[]) => [...list].sort((a, b) => a.lessonId.localeCompare(b.lessonId) || a.index - b.index);

describeE2E('Расписание: ручная правка', () => {
  let browser: Browser;
  let serve: ServeHandle;
  let admin: string;
  let versionId: string;
  let class7A: string;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-e2e-ttedit-'));

  beforeAll(async () => {
    const core = await openCore({ db: { kind: 'sqlite', file: sqliteFileIn(dataDir) }, dataDir, logger: createLogger(silentSink) });
    await writeDemo(core.db, generateSchool({ seed: 15, classesPerGrade: 1, classSize: 12 }));
    await closeCore(core);
    browser = await launchBrowser();
    serve = await startServe({ dataDir });
    admin = await bootstrapAdmin(serve.url);
    const years = await ok<{ years: { id: string; isCurrent: boolean }[] }>(apiCall(serve.url, admin, 'setup.years.list'));
    const yearId = (years.years.find((y) => y.isCurrent) ?? years.years[0]).id;
    const classes = await ok<{ classes: { id: string; name: string }[] }>(apiCall(serve.url, admin, 'setup.classes.list', { yearId }));
    class7A = classes.classes.find((c) => c.name === '7А')!.id;
    await ok(apiCall(serve.url, admin, 'access.users.create', { login: ZAVUCH.login, fullName: ZAVUCH.fullName, roles: ZAVUCH.roles, password: 'Vremenny-1' }));
    const token = await apiSignIn(serve.url, ZAVUCH.login, 'Vremenny-1');
    await ok(apiCall(serve.url, token, 'access.password.change', { currentPassword: 'Vremenny-1', newPassword: ZAVUCH.password }));
    const list = await ok<{ periods: { id: string }[] }>(apiCall(serve.url, admin, 'timetable.versions.list', { yearId }));
    const started = await ok<{ jobId: string }>(apiCall(serve.url, admin, 'timetable.generate.start', { target: 'new', yearId, studyPeriodId: list.periods[0].id, name: 'Черновик для правки', budget: { seconds: 30, seed: 3, maxIterations: 40_000 } }));
    for (;;) {
      const s = await ok<{ state: string; versionId: string | null }>(apiCall(serve.url, admin, 'timetable.generate.status', { jobId: started.jobId }));
      if (!['preparing', 'running', 'saving'].includes(s.state)) {
        versionId = s.versionId!;
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  });
  afterAll(async () => {
    await serve?.stop();
    await browser?.close();
  });

  const view = () => ok<VersionView>(apiCall(serve.url, admin, 'timetable.version.get', { versionId }));
  const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(name) });

  it('drags a lesson onto a busy teacher and reads why, drops it elsewhere, repairs with «Исправить», undoes back to the start', async () => {
    const before = await view();
    expect(before.meta.summary.hard).toBe(0);
    // A lesson of 7А with a target where its teacher is busy (the reason the завуч should see) and another hard target to drop on.
    const candidates = before.lessons.filter((l) => l.kind === 'classroom' && !l.parallelKey && !l.pinned && l.duration === 1 && l.audiences.some((a) => a.classId === class7A));
    let lesson = candidates[0];
    let busy: EditTarget | undefined;
    let drop: EditTarget | undefined;
    for (const l of candidates) {
      const r = await ok<{ targets: EditTarget[] }>(apiCall(serve.url, admin, 'timetable.edit.targets', { versionId, lessonId: l.id, index: 0 }));
      busy = r.targets.find((x) => x.verdict === 'hard' && x.reasons.some((m) => /^учитель .+ заня/.test(m)));
      drop = r.targets.find((x) => x !== busy && x.verdict === 'hard' && x.action === 'swap' && x.reasons.length > 0 && x.reasons.every((m) => m.startsWith('учитель')));
      if (busy && drop) {
        lesson = l;
        break;
      }
    }
    expect(busy && drop).toBeTruthy();
    const occ = `${lesson.id}:0`;

    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'ru-RU' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signInUi(page, serve.url, ZAVUCH.login, ZAVUCH.password, `/timetable?versionId=${versionId}&view=class&id=${class7A}`);
    const grid = page.getByTestId('week-grid');
    await grid.waitFor();
    const chip = grid.locator(`[data-occ="${occ}"]`).first();
    await chip.click();
    const busyCell = grid.getByTestId(`slot-${busy!.day}-${busy!.period}`);
    const dropCell = grid.getByTestId(`slot-${drop!.day}-${drop!.period}`);
    // The verdicts are on the cells before anything is dropped.
    await expect.poll(() => busyCell.getAttribute('data-verdict'), { timeout: 30_000 }).toBe('hard');

    // A person's drag: press on the lesson, move in small steps (Chromium starts an HTML5 drag on the way).
    const centre = async (l: typeof chip) => {
      // Into the middle of the grid's own scroll box: its sticky header covers the top row.
      await l.evaluate((el) => (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'center' }));
      const b = (await l.boundingBox())!;
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    };
    const from = await centre(chip);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 8, from.y + 8, { steps: 4 });
    const over = await centre(busyCell);
    await page.mouse.move(over.x, over.y, { steps: 8 });
    await page.mouse.move(over.x + 2, over.y + 2, { steps: 2 });
    const status = page.getByTestId('edit-status');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain(busy!.reasons.find((m) => m.startsWith('учитель'))!);
    await shot(page, 'timetable-edit-drag-busy');
    const target = await centre(dropCell);
    await page.mouse.move(target.x, target.y, { steps: 8 });
    await page.mouse.move(target.x + 2, target.y + 2, { steps: 2 });
    await page.mouse.up();

    await expect.poll(async () => (await view()).meta.summary.hard ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
    const figures = page.getByTestId('edit-figures');
    await expect.poll(() => figures.textContent(), { timeout: 30_000 }).toMatch(/Нарушений: [1-9]/);
    await page.getByRole('button', { name: 'Исправить' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: 'Исправить расписание вокруг переноса' });
    await dialog.getByRole('table').waitFor({ timeout: 30_000 });
    await expect.poll(() => dialog.textContent(), { timeout: 30_000 }).toMatch(/после исправления: 0/);
    await shot(page, 'timetable-edit-repair-diff');
    await dialog.getByRole('button', { name: 'Принять изменения' }).click();
    await expect.poll(async () => (await view()).meta.summary.hard, { timeout: 30_000 }).toBe(0);
    await expect.poll(() => figures.textContent(), { timeout: 30_000 }).toMatch(/Нарушений: 0/);
    const moved = (await view()).placements.find((p) => p.lessonId === lesson.id && p.index === 0)!;
    expect({ day: moved.day, period: moved.period }).toEqual({ day: drop!.day, period: drop!.period });
    await shot(page, 'timetable-edit-repaired');

    // Undo the repair and the move: the draft is exactly what it was.
    await page.getByRole('button', { name: 'Отменить' }).click();
    await expect.poll(async () => (await view()).meta.summary.hard ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('button', { name: 'Повторить' }).isEnabled(), { timeout: 30_000 }).toBe(true);
    await page.getByRole('button', { name: 'Отменить' }).click();
    await expect.poll(async () => sorted((await view()).placements), { timeout: 30_000 }).toEqual(sorted(before.placements));
    await expect.poll(() => page.getByRole('button', { name: 'Повторить' }).isEnabled(), { timeout: 30_000 }).toBe(true);
    await context.close();
  });

  it('moves a lesson with the keyboard: select, arrows, Enter', async () => {
    const before = await view();
    const lesson = before.lessons.find((l) => l.kind === 'classroom' && !l.parallelKey && !l.pinned && l.duration === 1 && l.audiences.some((a) => a.classId === class7A))!;
    const p0 = before.placements.find((p) => p.lessonId === lesson.id && p.index === 0)!;
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'ru-RU' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signInUi(page, serve.url, ZAVUCH.login, ZAVUCH.password, `/timetable?versionId=${versionId}&view=class&id=${class7A}`);
    const grid = page.getByTestId('week-grid');
    const chip = grid.locator(`[data-occ="${lesson.id}:0"]`).first();
    await chip.click();
    await expect.poll(() => grid.locator('[data-verdict]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const right = p0.day < 4 ? 'ArrowRight' : 'ArrowLeft';
    await chip.focus();
    await page.keyboard.press(right);
    const to = { day: p0.day + (right === 'ArrowRight' ? 1 : -1), period: p0.period };
    await expect.poll(() => page.getByTestId('edit-status').textContent(), { timeout: 30_000 }).toMatch(/урок — /);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await view()).placements.find((p) => p.lessonId === lesson.id && p.index === 0), { timeout: 30_000 }).toMatchObject(to);
    // Ctrl+Z undoes it (once the window has the save's answer: the step is in the session).
    await expect.poll(() => page.getByRole('button', { name: 'Отменить' }).isEnabled(), { timeout: 30_000 }).toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => sorted((await view()).placements), { timeout: 30_000 }).toEqual(sorted(before.placements));
    await context.close();
  });
});
