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
import type { SubsDay } from '../../src-shared/contract/timetableSubs';
import { sheets } from '../integration/timetable/officeSheets';
import { apiCall, apiSignIn, bootstrapAdmin, describeE2E, launchBrowser, screenshotPath, signInUi, startServe, type ServeHandle } from '../helpers/e2e';

/**
 * Hand editing (issue 16) in the browser: the завуч picks a lesson of 7А, drags it onto a period
 * where its teacher is busy and reads the reason before dropping, drops it elsewhere (a move that
 * breaks a rule), presses «Исправить», accepts the diff, then undoes everything and finds the draft
 * exactly as it was; a lesson is moved with the keyboard too. Then the draft is approved and the
 * завуч marks a teacher ill for two days on «Замены», merges one lesson's groups, moves another
 * (after a refusal naming the class's lesson), takes «Первый кандидат» for the rest, and downloads
 * the day's sheet and the month's ledger — both read back by LibreOffice equal to the screen.
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

    // The whole class locked in one step, and unlocked again by one Ctrl+Z.
    const of7A = (vv: VersionView) => vv.placements.filter((p) => vv.lessons.find((l) => l.id === p.lessonId)!.audiences.some((a) => a.classId === class7A) && !vv.lessons.find((l) => l.id === p.lessonId)!.pinned);
    expect(of7A(before).some((p) => !p.locked)).toBe(true);
    await page.getByRole('button', { name: 'Закрепить…' }).click();
    await page.getByRole('menuitem', { name: /^Закрепить все уроки 7А/ }).click();
    await expect.poll(async () => of7A(await view()).every((p) => p.locked), { timeout: 30_000 }).toBe(true);
    const locked = await view();
    expect(sorted(locked.placements).map(({ locked: _l, ...p }) => p)).toEqual(sorted(before.placements).map(({ locked: _l, ...p }) => p));
    await expect.poll(() => grid.locator('[data-occ] [aria-hidden]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => sorted((await view()).placements), { timeout: 30_000 }).toEqual(sorted(before.placements));
    await context.close();
  });

  it('marks a teacher ill for two days, merges, moves and substitutes every lesson, downloads the sheet and the ledger; closes a room', async () => {
    const MON = '2026-09-14';
    const TUE = '2026-09-15';
    const draft = await view();
    expect(draft.meta.summary.hard).toBe(0);
    await ok(apiCall(serve.url, admin, 'timetable.version.approve', { versionId, version: draft.meta.version, effectiveFrom: '2026-09-01' }));
    const v = await view();
    const lessonOf = new Map(v.lessons.map((l) => [l.id, l]));
    const hoursOf = (staffId: string, day: number) => v.placements.filter((p) => p.day === day && lessonOf.get(p.lessonId)!.teacherIds.includes(staffId)).reduce((n, p) => n + lessonOf.get(p.lessonId)!.duration, 0);
    // The ill teacher: one who teaches a group on Monday while another teacher has the other group of the class.
    const ill = v.teachers.find((t) =>
      v.placements.some((p) => {
        const l = lessonOf.get(p.lessonId)!;
        return p.day === 0 && l.parallelKey && l.teacherIds.includes(t.id) && v.placements.some((q) => q.day === 0 && q.period === p.period && q.lessonId !== p.lessonId && lessonOf.get(q.lessonId)!.parallelKey === l.parallelKey && !lessonOf.get(q.lessonId)!.teacherIds.includes(t.id));
      }) && hoursOf(t.id, 1) > 0,
    )!;
    expect(ill, 'a teacher of a split subject').toBeDefined();

    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'ru-RU', acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signInUi(page, serve.url, ZAVUCH.login, ZAVUCH.password, `/timetable/substitutions?date=${MON}`);
    await page.getByRole('heading', { name: 'Замены' }).waitFor();
    const absent = page.getByRole('combobox', { name: 'Отсутствующий учитель' });
    await absent.click();
    await page.keyboard.type(ill.fullName.split(' ')[0]);
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active', { hasText: ill.fullName.split(' ')[0] }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('#absence-to').fill('15.09.2026');
    await page.locator('#absence-to').press('Enter');
    await page.getByRole('button', { name: 'Отметить отсутствие' }).click();
    const table = page.getByRole('table', { name: 'Уроки, требующие замены' });
    const dayApi = (date: string) => ok<SubsDay>(apiCall(serve.url, admin, 'timetable.subs.day', { date }));
    const rows = table.locator('tbody tr[data-row-key]');
    // Every lesson of hers that day is listed, and nothing else.
    const mon = await dayApi(MON);
    expect(mon.lessons.length).toBeGreaterThan(0);
    expect(mon.lessons.every((l) => l.absentId === ill.id)).toBe(true);
    expect(mon.lessons.reduce((n, l) => n + l.hours, 0)).toBe(hoursOf(ill.id, 0));
    await expect.poll(() => rows.count()).toBe(mon.lessons.length);
    await shot(page, 'timetable-subs-affected');
    const tue = await dayApi(TUE);
    const merge = mon.lessons.find((l) => l.mergeWith.length > 0)!;
    expect(merge, 'a group lesson to merge').toBeDefined();
    const move = [...mon.lessons.map((l) => ({ l, date: MON })), ...tue.lessons.map((l) => ({ l, date: TUE }))].find((x) => x.l !== merge && x.l.moveTo.some((o) => o.classBusy) && x.l.moveTo.some((o) => !o.classBusy && o.candidateId));
    expect(move, 'a lesson with a free period of its class').toBeDefined();
    const row = (l: SubsDay['lessons'][number]) => table.locator(`tbody tr[data-row-key="${l.lessonId}:${l.index}"]`);
    const decided = (l: SubsDay['lessons'][number]) => expect.poll(() => row(l).getByRole('button', { name: 'Отменить назначение' }).count(), { timeout: 20_000 }).toBe(1);

    // The table refetches after every answer (a refusal too) and re-renders its selects: open the
    // dropdown once it has settled, and again if a refetch closed it under the pointer.
    const pickOption = async (select: ReturnType<Page['getByRole']>, text: string) => {
      for (let attempt = 0; ; attempt++) {
        await expect.poll(() => table.locator('.ant-spin-spinning').count()).toBe(0);
        await select.click();
        try {
          await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text }).click({ timeout: 5_000 });
          return;
        } catch (e) {
          if (attempt >= 3) throw e;
          await page.keyboard.press('Escape');
        }
      }
    };
    const walk = async (date: string, lessons: SubsDay['lessons']) => {
      for (const l of lessons) {
        if (l === merge) {
          await row(l).getByRole('button', { name: /^Объединить группы/ }).click();
          await decided(l);
          expect(await row(l).textContent()).toContain(`объединение групп: ${l.mergeWith[0].name}`);
        } else if (move && move.l === l) {
          // Read now: Monday's substitutions changed the month's hours, so the best candidate too.
          const now = (await dayApi(date)).lessons.find((x) => x.lessonId === l.lessonId && x.index === l.index)!;
          const busy = now.moveTo.find((o) => o.classBusy)!;
          const free = now.moveTo.find((o) => !o.classBusy && o.candidateId)!;
          const select = page.getByRole('combobox', { name: `Перенести ${l.periodLabel} урок ${l.classLabel}` });
          await pickOption(select, `на ${busy.label} урок — у класса ${busy.classBusy}`);
          // Refused with the lesson and the class's own lesson named; nothing saved.
          const error = page.locator('.ant-message-error', { hasText: `на ${busy.label} уроке уже стоит ${busy.classBusy}` });
          await error.waitFor();
          expect(await error.textContent()).toContain(`${l.periodLabel} урок, ${l.classLabel}`);
          await shot(page, 'timetable-subs-move-refused');
          expect((await dayApi(date)).lessons.find((x) => x.lessonId === l.lessonId && x.index === l.index)!.substitution).toBeNull();
          await pickOption(select, `на ${free.label} урок — ${free.candidateName}`);
          await decided(l);
          expect(await row(l).textContent()).toContain(`перенос на ${free.label} урок, ${free.candidateName}`);
        } else {
          await row(l).getByRole('button', { name: 'Первый кандидат' }).click();
          await decided(l);
        }
      }
      const after = await dayApi(date);
      expect(after.lessons.every((l) => l.substitution)).toBe(true);
      return after;
    };
    const monDone = await walk(MON, mon.lessons);
    expect(monDone.lessons.find((l) => l.lessonId === merge.lessonId && l.index === merge.index)!.substitution).toMatchObject({ kind: 'merge', substituteId: merge.mergeWith[0].staffId });
    // The date typed as a person does; the day's name confirms the screen moved to Tuesday.
    const dateField = page.locator('#subs-date');
    for (let attempt = 0; ; attempt++) {
      await dateField.fill('15.09.2026');
      await expect.poll(() => dateField.inputValue()).toBe('15.09.2026');
      await dateField.press('Enter');
      try {
        await page.waitForURL(/date=2026-09-15/, { timeout: 5_000 });
        break;
      } catch (e) {
        if (attempt >= 2) throw e;
      }
    }
    await page.getByText('Вторник', { exact: true }).waitFor();
    await expect.poll(() => rows.count()).toBe(tue.lessons.length);
    const tueDone = await walk(TUE, tue.lessons);
    // «Первый кандидат» took the best-ranked teacher as the screen showed it then: never the ill one, never twice in a period.
    for (const d of [monDone, tueDone]) {
      const taken = d.lessons.filter((l) => l.substitution!.kind === 'substitute').map((l) => `${l.substitution!.substituteId}:${l.period}`);
      expect(new Set(taken).size).toBe(taken.length);
      expect(d.lessons.some((l) => l.substitution!.substituteId === ill.id)).toBe(false);
    }
    await shot(page, 'timetable-subs-decided');

    // The day's sheet, read back by LibreOffice, says what the screen says.
    const [sheetFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Лист замен (Excel)' }).click()]);
    expect(sheetFile.suggestedFilename()).toBe('Замены 15.09.2026.xlsx');
    const sheet = [...sheets(fs.readFileSync((await sheetFile.path())!)).values()][0];
    for (const l of tueDone.lessons) {
      const cells = await row(l).locator('td').allTextContents();
      const r = sheet.find((x) => x[0] === l.periodLabel && x[2] === l.classLabel)!;
      expect(r, `${l.periodLabel} урок ${l.classLabel} in the sheet`).toBeDefined();
      expect(r[3]).toBe(cells[3]);
      expect(cells[5]).toContain(r[4]);
    }
    // The month's ledger: the file's «Итоги» equal the table on screen; she missed every lesson of both days.
    const ledger = page.getByRole('table', { name: 'Учёт замен за месяц' });
    const illName = mon.lessons[0].absentName;
    await expect.poll(async () => (await ledger.locator('tbody tr', { hasText: illName }).locator('td').allTextContents()).at(-1)).toBe(String(hoursOf(ill.id, 0) + hoursOf(ill.id, 1)));
    const [ledgerFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Учёт замен за месяц (Excel)' }).click()]);
    expect(ledgerFile.suggestedFilename()).toBe('Учёт замен сентябрь 2026.xlsx');
    const totals = sheets(fs.readFileSync((await ledgerFile.path())!)).get('Итоги')!;
    const onScreen = (await ledger.locator('tbody tr[data-row-key]').evaluateAll((trs) => trs.map((tr) => [...(tr as unknown as { children: Iterable<{ textContent: string | null }> }).children].map((td) => td.textContent ?? ''))));
    expect(onScreen.length).toBeGreaterThan(1);
    for (const r of onScreen) expect(totals.find((x) => x[0] === r[0])!.slice(0, 5)).toEqual(r);
    const substituted = [...monDone.lessons, ...tueDone.lessons].reduce((n, l) => n + (l.substitution!.substituteId ? l.hours : 0), 0);
    expect(Number(totals.find((x) => x[0] === 'Итого')![1])).toBe(substituted);
    await shot(page, 'timetable-subs-ledger');

    // The class's week on that date carries the decisions on its lessons, and so does its printout.
    const { l: marked, date: markedOn } = [...monDone.lessons.map((l) => ({ l, date: MON })), ...tueDone.lessons.map((l) => ({ l, date: TUE }))].find((x) => x.l.substitution!.kind === 'substitute')!;
    const classId = marked.classIds[0];
    const className = v.classes.find((c) => c.id === classId)!.name;
    await page.goto(`${serve.url}/#/timetable?versionId=${versionId}&view=class&id=${classId}&date=${markedOn}`);
    const grid = page.getByTestId('week-grid');
    const chip = grid.locator(`[data-occ="${marked.lessonId}:${marked.index}"]`).first();
    const markText = `${markedOn.slice(8, 10)}.09: замена: ${marked.substitution!.substituteName}`;
    await expect.poll(() => chip.getByTestId('sub-mark').textContent(), { timeout: 20_000 }).toBe(markText);
    expect(await grid.locator('thead th').nth(1).textContent()).toContain('14.09');
    // Lessons of the class not touched by her absence carry no mark.
    const classMarks = [...monDone.lessons, ...tueDone.lessons].filter((l) => l.classIds.includes(classId)).length;
    expect(await grid.getByTestId('sub-mark').count()).toBe(classMarks);
    await shot(page, 'timetable-week-with-subs');
    await page.getByRole('button', { name: 'Скачать' }).click();
    const [print] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: `Excel: ${className}` }).click()]);
    const printed = [...sheets(fs.readFileSync((await print.path())!)).values()][0];
    expect(printed.flat().some((c) => c.includes('С заменами на неделю 14.09.2026 – 20.09.2026'))).toBe(true);
    expect(printed.flat().filter((c) => c.includes(`[${markText}]`))).toHaveLength(1);

    // «Кабинет закрыт»: the room with the most lessons on Wednesday closed through the form; its first
    // lesson goes to the best free room; the month's ledger does not change.
    const WED = '2026-09-16';
    const ledgerBefore = await ok<{ rows: unknown[] }>(apiCall(serve.url, admin, 'timetable.subs.ledger', { month: '2026-09' }));
    const wed = v.placements.filter((p) => p.day === 2 && p.roomId);
    const busiest = [...new Set(wed.map((p) => p.roomId!))].sort((a, b) => wed.filter((p) => p.roomId === b).length - wed.filter((p) => p.roomId === a).length)[0];
    const closedNo = v.rooms.find((r) => r.id === busiest)!.number;
    await page.goto(`${serve.url}/#/timetable/substitutions?date=${WED}`);
    await page.getByText('Среда', { exact: true }).waitFor();
    await page.getByRole('combobox', { name: 'Закрываемый кабинет' }).click();
    await page.keyboard.type(closedNo);
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: closedNo }).first().click();
    await page.getByRole('combobox', { name: 'Причина закрытия' }).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: 'проверка' }).click();
    await page.getByRole('button', { name: 'Закрыть кабинет' }).click();
    await page.getByText(`Кабинет ${closedNo} закрыт: 16.09.2026 – 16.09.2026, проверка`).waitFor();
    await expect.poll(() => rows.count()).toBe(wed.filter((p) => p.roomId === busiest).length);
    const closedDay = await dayApi(WED);
    const first = closedDay.lessons[0];
    expect(first).toMatchObject({ cause: 'room', roomClosed: true });
    const target = first.roomOptions[0];
    expect(target, 'a free room for the first lesson').toBeDefined();
    await row(first).getByRole('button', { name: `В кабинет ${target.number}` }).click();
    await expect.poll(() => row(first).textContent()).toContain(`перенос в кабинет ${target.number}`);
    await shot(page, 'timetable-subs-room-closed');
    expect(await ok(apiCall(serve.url, admin, 'timetable.subs.ledger', { month: '2026-09' }))).toEqual(ledgerBefore);
    await context.close();
  });
});
