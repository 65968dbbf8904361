import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { VersionMeta, VersionView } from '../../src-shared/contract/timetableFields';
import { closeCore, openCore } from '../../src-main/core/foundation/context';
import { generateSchool } from '../../src-main/core/demo/generateSchool';
import { writeDemo } from '../../src-main/core/demo/writeDemo';
import { createLogger, silentSink } from '../../src-main/core/foundation/logger';
import { sqliteFileIn } from '../../src-main/core/foundation/paths';
import { apiCall, apiSignIn, bootstrapAdmin, describeE2E, launchBrowser, screenshotPath, signInUi, startServe, type ServeHandle } from '../helpers/e2e';

/**
 * The завуч builds the timetable of a small school (the demo generator with one class per grade:
 * 11 classes, two shifts) through the UI with a 5-second budget, looks at a class, a teacher and
 * the whole school, downloads the master timetable; the director approves it; a class teacher sees
 * only their class.
 */

const USERS = {
  deputy: { login: 'zavuch', fullName: 'Завучева Ирина Петровна', roles: ['deputy'], password: 'Zavuch-2026-tt' },
  director: { login: 'director', fullName: 'Директорова Елена Викторовна', roles: ['director'], password: 'Director-2026-tt' },
  classTeacher: { login: 'klass', fullName: 'Классная руководительница 7А', roles: ['classTeacher', 'teacher'], password: 'Klass-2026-tt' },
} as const;
const TEMP = 'Vremenny-1';
const VIEWPORT = { width: 1366, height: 768 };

async function ok<T>(env: Promise<{ ok: boolean; value?: T; error?: { message: string } }>): Promise<T> {
  const e = await env;
  if (!e.ok) throw new Error(e.error?.message ?? 'API call failed');
  return e.value as T;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(name) });
}

/** How many different lessons (occurrences) a grid shows: a double lesson stands in two cells. */
function distinctLessons(grid: Locator): Promise<number> {
  // Typed without the DOM lib: the one member used.
  return grid.locator('[data-occ]').evaluateAll((els) => new Set(els.map((e) => (e as unknown as { getAttribute(n: string): string | null }).getAttribute('data-occ'))).size);
}

/** The small demo school straight into the SQLite file before `serve` starts. */
async function seedSchool(dataDir: string): Promise<void> {
  const core = await openCore({ db: { kind: 'sqlite', file: sqliteFileIn(dataDir) }, dataDir, logger: createLogger(silentSink) });
  await writeDemo(core.db, generateSchool({ seed: 15, classesPerGrade: 1, classSize: 12 }));
  await closeCore(core);
}

describeE2E('Расписание in the browser', () => {
  let browser: Browser;
  let serve: ServeHandle;
  let admin: string;
  let yearId: string;
  let classTeacherOf: { id: string; name: string; staffId: string };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-e2e-timetable-'));

  const signIn = async (user: (typeof USERS)[keyof typeof USERS]) => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'ru-RU', acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signInUi(page, serve.url, user.login, user.password);
    return { context, page };
  };
  const versions = async (): Promise<VersionMeta[]> => (await ok<{ versions: VersionMeta[] }>(apiCall(serve.url, admin, 'timetable.versions.list', { yearId }))).versions;

  beforeAll(async () => {
    await seedSchool(dataDir);
    browser = await launchBrowser();
    serve = await startServe({ dataDir });
    admin = await bootstrapAdmin(serve.url);
    const years = await ok<{ years: { id: string; isCurrent: boolean }[] }>(apiCall(serve.url, admin, 'setup.years.list'));
    yearId = (years.years.find((y) => y.isCurrent) ?? years.years[0]).id;
    const classes = await ok<{ classes: { id: string; name: string; classTeacherId: string | null }[] }>(apiCall(serve.url, admin, 'setup.classes.list', { yearId }));
    const seventh = classes.classes.find((c) => c.name === '7А')!;
    classTeacherOf = { id: seventh.id, name: seventh.name, staffId: seventh.classTeacherId! };
    for (const u of Object.values(USERS)) {
      await ok(apiCall(serve.url, admin, 'access.users.create', { login: u.login, fullName: u.fullName, roles: u.roles, password: TEMP, ...(u.login === 'klass' ? { staffId: classTeacherOf.staffId } : {}) }));
      const token = await apiSignIn(serve.url, u.login, TEMP);
      await ok(apiCall(serve.url, token, 'access.password.change', { currentPassword: TEMP, newPassword: u.password }));
    }
  });
  afterAll(async () => {
    await serve?.stop();
    await browser?.close();
  });

  it('the завуч sees the pre-check, cancels a run, presses «Составить», watches progress, opens a class, a teacher and the whole school, locks a lesson that survives «Заполнить», downloads the master timetable', async () => {
    const { context, page } = await signIn(USERS.deputy);
    const nav = page.getByRole('navigation', { name: 'Разделы' });
    await nav.getByText('Расписание', { exact: true }).first().click();
    await nav.getByRole('menuitem', { name: 'Расписание', exact: true }).last().click();
    await page.getByRole('heading', { name: 'Расписание' }).waitFor();

    // No version yet: the pre-check of the year's data is what opens.
    const check = page.getByTestId('precheck');
    await check.waitFor();
    await check.getByText(/можно составлять/i).waitFor();
    await shot(page, 'timetable-precheck');
    // Each item links to where the data is fixed: 9А's plan (2,5 h of history cannot alternate weeks).
    await check.getByRole('button', { name: 'Открыть учебный план 9А' }).click();
    await page.getByText('Учебный план класса 9А').waitFor();
    await page.goBack();
    await check.waitFor();

    // A first run with a minute's budget, cancelled once it shows progress: nothing is saved.
    await page.getByRole('button', { name: 'Составить' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: 'Составить расписание' });
    await dialog.getByLabel('Время на составление, секунд').fill('60');
    await dialog.getByRole('button', { name: 'Составить' }).click();
    const progress = page.getByTestId('generation-progress');
    await progress.waitFor();
    await expect.poll(async () => (await progress.textContent()) ?? '', { timeout: 20_000 }).toMatch(/Поставлено уроков\d/);
    await progress.getByRole('button', { name: 'Отменить' }).click();
    await progress.getByText('Составление расписания: Отменено: ничего не сохранено').waitFor();
    expect(await versions()).toEqual([]);
    await progress.getByRole('button', { name: 'Закрыть' }).click();

    await page.getByRole('button', { name: 'Составить' }).click();
    await dialog.getByLabel('Название').fill('Расписание на I четверть');
    await dialog.getByLabel('Время на составление, секунд').fill('5');
    await dialog.getByRole('button', { name: 'Составить' }).click();
    // The panel is there as soon as the run starts; the solver's figures follow.
    await progress.waitFor();
    await expect.poll(async () => (await progress.textContent()) ?? '', { timeout: 20_000 }).toMatch(/Поставлено уроков\d/);
    await shot(page, 'timetable-progress');
    await progress.getByText('Составление расписания: Готово').waitFor({ timeout: 60_000 });

    const [draft] = await versions();
    expect(draft).toMatchObject({ name: 'Расписание на I четверть', status: 'draft', source: 'generated' });
    expect(draft.summary.placed).toBe(draft.summary.units);
    const view = await ok<VersionView>(apiCall(serve.url, admin, 'timetable.version.get', { versionId: draft.id }));

    // The class view opened on the result: 1А first; pick 7А and compare the grid with the saved placements.
    await page.getByRole('tab', { name: 'Классы', selected: true }).waitFor();
    await page.getByRole('combobox', { name: 'Класс' }).click();
    await page.keyboard.type('7А');
    await page.keyboard.press('Enter');
    const grid = page.getByTestId('week-grid');
    const lessonsOf7A = view.lessons.filter((l) => l.audiences.some((a) => a.classId === classTeacherOf.id));
    const expected7A = view.placements.filter((p) => lessonsOf7A.some((l) => l.id === p.lessonId));
    await expect.poll(() => grid.locator('[data-occ]').count()).toBe(expected7A.reduce((s, p) => s + (lessonsOf7A.find((l) => l.id === p.lessonId)!.duration), 0));
    const first = expected7A.find((p) => p.day === 0)!;
    const firstLesson = lessonsOf7A.find((l) => l.id === first.lessonId)!;
    const subject = view.subjects.find((s) => s.id === firstLesson.subjectId)!;
    await expect.poll(() => grid.getByTestId(`slot-0-${first.period}`).textContent()).toContain(subject.shortName);
    await shot(page, 'timetable-class');

    // Lock that lesson from the grid.
    await grid.getByTestId(`slot-0-${first.period}`).locator(`[data-occ="${first.lessonId}:${first.index}"]`).first().click();
    await page.getByTestId('lesson-details').getByRole('button', { name: 'Закрепить' }).click();
    await page.getByText(/^Урок закреплён: при повторном составлении/).waitFor();
    await grid.locator(`[data-occ="${first.lessonId}:${first.index}"][aria-label$="закреплён"]`).first().waitFor();

    // Its teacher's week, opened from the selected lesson.
    const teacherId = firstLesson.teacherIds[0];
    const teacher = view.teachers.find((t) => t.id === teacherId)!;
    await page.getByTestId('lesson-details').getByRole('button', { name: teacher.fullName }).click();
    await page.getByRole('tab', { name: 'Учителя', selected: true }).waitFor();
    const teacherPlacements = view.placements.filter((p) => view.lessons.find((l) => l.id === p.lessonId)!.teacherIds.includes(teacherId));
    await expect.poll(() => distinctLessons(grid)).toBe(teacherPlacements.length);
    await shot(page, 'timetable-teacher');

    // The whole school at 1366×768: no page-wide horizontal scroll, cells large enough to read and nothing clipped.
    await page.getByRole('tab', { name: 'Вся школа' }).click();
    const master = page.getByTestId('master-week');
    await master.waitFor();
    const layout = await page.evaluate(() => {
      // This file is typed without the DOM lib: the few DOM members used, by hand.
      interface El {
        textContent: string | null;
        scrollWidth: number;
        clientWidth: number;
      }
      const g = globalThis as unknown as {
        document: { documentElement: El; querySelector(s: string): El; querySelectorAll(s: string): Iterable<El> };
        getComputedStyle(e: El): { fontSize: string };
      };
      const doc = g.document.documentElement;
      const box = g.document.querySelector('[data-testid="master-week"]');
      const filled = [...g.document.querySelectorAll('[data-testid="master-week"] [data-testid="master-cell"]')].filter((c) => (c.textContent ?? '').trim() !== '');
      return {
        pageOverflow: doc.scrollWidth - doc.clientWidth,
        gridOverflow: box.scrollWidth - box.clientWidth,
        filled: filled.length,
        minFont: Math.min(...filled.map((c) => parseFloat(g.getComputedStyle(c).fontSize))),
        clipped: filled.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent),
      };
    });
    expect(layout.pageOverflow).toBe(0);
    expect(layout.gridOverflow).toBe(0);
    expect(layout.filled).toBeGreaterThan(11 * 5);
    expect(layout.minFont).toBeGreaterThanOrEqual(11);
    expect(layout.clipped).toEqual([]);
    await shot(page, 'timetable-master');
    await page.getByText('Понедельник', { exact: true }).click();
    await page.getByTestId('master-day').waitFor();
    await shot(page, 'timetable-master-day');

    // The master timetable in Excel, read back by exceljs and by LibreOffice.
    await page.getByRole('button', { name: 'Скачать' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Excel: Сводное расписание' }).click()]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-e2e-master-'));
    const file = path.join(dir, 'master.xlsx');
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    // A sheet per shift: title lines, then «День, Урок, Время» and the shift's classes in columns.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheets = wb.worksheets.map((ws) => {
      const rows: string[][] = [];
      ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      const head = rows.findIndex((r) => r[0] === 'День');
      return { rows, head, classes: rows[head]?.slice(3) ?? [] };
    });
    expect(sheets.flatMap((sh) => sh.classes).sort()).toEqual(view.classes.map((c) => c.name).sort());
    // Monday, first lesson of the first class on the first sheet, as the placements say.
    const sheet = sheets[0];
    const cls = view.classes.find((c) => c.name === sheet.classes[0])!;
    const top = Math.min(...view.classes.filter((c) => c.shift === cls.shift).map((c) => c.firstPeriod));
    const monday1 = view.placements.find((p) => p.day === 0 && p.period === cls.firstPeriod && view.lessons.find((l) => l.id === p.lessonId)!.audiences.some((a) => a.classId === cls.id))!;
    const mondaySubject = view.subjects.find((s) => s.id === view.lessons.find((l) => l.id === monday1.lessonId)!.subjectId)!;
    const room = view.rooms.find((r) => r.id === monday1.roomId);
    const expectedCell = `${mondaySubject.shortName}${room ? ` ${room.number}` : ''}`;
    const mondayRow = sheet.rows[sheet.head + 1 + (cls.firstPeriod - top)];
    expect(mondayRow.slice(0, 2)).toEqual(['Пн', '1']);
    expect(mondayRow[3]).toBe(expectedCell);
    // LibreOffice reads the first sheet the same way.
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
    const csv = fs.readFileSync(path.join(dir, 'master.csv'), 'utf8').split(/\r?\n/);
    expect(csv).toContain(['День', 'Урок', 'Время', ...sheet.classes].join(','));
    expect(csv.find((l) => l.startsWith('Пн,1,'))?.split(',')[3]).toBe(expectedCell);
    fs.rmSync(dir, { recursive: true, force: true });

    // «Составить» again into the same draft: the locked lesson stays where it was.
    await page.getByRole('button', { name: 'Составить' }).click();
    await dialog.getByText(`Заполнить черновик «${draft.name}»`).waitFor();
    await dialog.getByLabel('Время на составление, секунд').fill('5');
    await dialog.getByRole('button', { name: 'Составить' }).click();
    await progress.getByText('Составление расписания: Готово').waitFor({ timeout: 60_000 });
    const after = await ok<VersionView>(apiCall(serve.url, admin, 'timetable.version.get', { versionId: draft.id }));
    expect(after.placements.find((p) => p.lessonId === first.lessonId && p.index === first.index)).toMatchObject({ day: first.day, period: first.period, locked: true });
    await context.close();
  });

  it('the director approves the draft from a date; it becomes read-only with the reason shown', async () => {
    const { context, page } = await signIn(USERS.director);
    await page.goto(`${serve.url}/#/timetable`);
    await page.getByTestId('version-bar').waitFor();
    expect(await page.getByRole('button', { name: 'Составить' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Утвердить' }).click();
    const dialog = page.getByRole('dialog');
    const date = dialog.locator('#approve-effective-from');
    await date.click();
    await date.fill('01.09.2026');
    await date.press('Enter');
    await dialog.getByRole('button', { name: 'Утвердить' }).click();
    await page.getByText('Расписание утверждено и действует с 01.09.2026').waitFor();
    await expect.poll(() => page.getByTestId('version-status').textContent()).toContain('утверждено с 01.09.2026');
    await page.getByTestId('read-only-reason').getByText(/утверждена и действует с 01\.09\.2026: изменять её нельзя/).waitFor();
    await shot(page, 'timetable-approved');
    const [approved] = await versions();
    expect(approved).toMatchObject({ status: 'approved', effectiveFrom: '2026-09-01' });
    await context.close();
  });

  it('a class teacher sees only their class (and their own lessons), nothing of the school', async () => {
    const { context, page } = await signIn(USERS.classTeacher);
    const nav = page.getByRole('navigation', { name: 'Разделы' });
    await nav.getByText('Расписание', { exact: true }).click();
    await page.getByRole('heading', { name: 'Расписание' }).waitFor();
    expect(await nav.getByText('Недоступность учителей').count()).toBe(0);
    await page.getByTestId('week-grid').waitFor();
    const tabs = await page.getByRole('tab').allTextContents();
    expect(tabs).toEqual(['Классы', 'Учителя']);
    await page.getByRole('combobox', { name: 'Класс' }).click();
    const options = await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').allTextContents();
    expect(options).toEqual([classTeacherOf.name]);
    await page.keyboard.press('Escape');
    await shot(page, 'timetable-class-teacher');
    // What the grid shows is what the server lets this user read: their class's lessons only.
    const token = await apiSignIn(serve.url, USERS.classTeacher.login, USERS.classTeacher.password);
    const [approved] = await versions();
    const mine = await ok<VersionView>(apiCall(serve.url, token, 'timetable.version.get', { versionId: approved.id }));
    expect(mine.scope).toMatchObject({ all: false, classIds: [classTeacherOf.id] });
    const ofClass = mine.placements.filter((p) => mine.lessons.find((l) => l.id === p.lessonId)!.audiences.some((a) => a.classId === classTeacherOf.id));
    await expect.poll(() => distinctLessons(page.getByTestId('week-grid'))).toBe(ofClass.length);
    await context.close();
  });
});
