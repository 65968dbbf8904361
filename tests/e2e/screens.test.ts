import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROLE_IDS, type RoleId } from '../../src-shared/contract/access';
import { seedDemoSchool } from '../helpers/e2eDemo';
import { apiCall, apiSignIn, apiValue, bootstrapAdmin, describeE2E, E2E_ADMIN, launchBrowser, signInUi, startServe, type ServeHandle } from '../helpers/e2e';
import { comparePictures } from '../helpers/screens';
import { pageProblems } from '../helpers/screenChecks';

/**
 * The screenshot suite (issue 24): every route of routes.tsx, as each role that may open it, at
 * 1366×768 on the demo school. On every screen: nothing sticks out of the window sideways, no text
 * looks like an id or an English word, and the picture matches the committed one under
 * tests/e2e/screens/ within a small tolerance. A changed picture is reviewed, not accepted blindly:
 * `UPDATE_SCREENS=1` rewrites the pictures, and the diff shows in `git diff --stat` for review.
 */

/** The server's and the browser's «today» (the day): dates on the pictures stay put. */
const FIXED_NOW = '2026-12-05T10:00:00.000Z';
const VIEWPORT = { width: 1366, height: 768 };
const TEMP = 'Vremenny-1';
const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Every route of the app with the right its RequireRight asks for; `:id`s are filled from the demo. */
const ROUTES: { path: string; right: string | null }[] = [
  { path: '/', right: null },
  { path: '/setup', right: 'system.manage' },
  { path: '/admin/school', right: 'school.read' },
  { path: '/admin/backups', right: 'system.read' },
  { path: '/admin/settings', right: 'system.read' },
  { path: '/admin/users', right: 'users.read' },
  { path: '/admin/rights', right: 'users.read' },
  { path: '/admin/audit', right: 'audit.read' },
  { path: '/year', right: 'setup.read' },
  { path: '/classes', right: 'setup.read' },
  { path: '/subjects', right: 'setup.read' },
  { path: '/rooms', right: 'setup.read' },
  { path: '/bells', right: 'setup.read' },
  { path: '/admin/production-calendar', right: 'setup.read' },
  { path: '/movement', right: 'movement.read' },
  { path: '/movement/orders/:id', right: 'movement.read' },
  { path: '/reports', right: 'reports.read' },
  { path: '/reports/run/:key', right: 'reports.read' },
  { path: '/reports/builder', right: 'reports.build' },
  { path: '/reports/print/:key', right: 'reports.read' },
  { path: '/reports/templates', right: 'reports.templates' },
  { path: '/reports/occupancy', right: 'movement.reports' },
  { path: '/reports/movement', right: 'movement.reports' },
  { path: '/reports/movement-book', right: 'movement.read' },
  { path: '/admin/rollover', right: 'movement.rollover' },
  { path: '/curriculum', right: 'curriculum.read' },
  { path: '/load', right: 'curriculum.read' },
  { path: '/vacancies', right: 'curriculum.read' },
  { path: '/pupils', right: 'pupils.read' },
  { path: '/pupils/:id', right: 'pupils.read' },
  { path: '/parents', right: 'parents.read' },
  { path: '/parents/:id', right: 'parents.read' },
  { path: '/staff', right: 'staff.read' },
  { path: '/staff/:id', right: 'staff.read' },
  { path: '/accounts', right: 'accounts.read' },
  { path: '/portal', right: 'exchange.read' },
  { path: '/timetable', right: 'timetable.read' },
  { path: '/timetable/availability', right: 'timetable.all' },
  { path: '/timetable/joints', right: 'curriculum.read' },
  { path: '/timetable/substitutions', right: 'timetable.all' },
  { path: '/deadlines/journal', right: 'deadlines.journal' },
  { path: '/deadlines/rules', right: 'deadlines.read' },
];
/**
 * Pictures: every route as the administrator (who may open all of them), and the screens whose content
 * depends on the role as every role. The checks run on every screen of every role.
 */
const PICTURED_FOR_EVERY_ROLE = new Set(['/pupils', '/timetable', '/reports']);
/**
 * Checked but not pictured: the role home pages' deadline panels and «Настройки» still differ between
 * two runs on the same fixed day (a source of non-determinism not yet found).
 */
const CHECKED_ONLY = new Set(['/admin/settings']);
/**
 * Problems the suite found that are still open (issue 24, left for a later change): listed here so
 * that every other screen stays clean and a new problem anywhere fails. Remove a line when fixed.
 */
// Issue 24's layout items are all closed: a problem listed here is skipped (with its route) until fixed.
const KNOWN_OPEN: { route: string; problem: string }[] = [];
const knownOpen = (route: string, problem: string) => KNOWN_OPEN.some((k) => k.route === route && problem.startsWith(k.problem));

/** Routes a picture cannot pin down (a report made by a user on the way); still listed so none is missed. */
const NOT_PICTURED = new Set(['reports/custom/:id', 'reports/builder/:id']);

/** Required fields whose label must carry the asterisk (issue 24: «*» on every form, not only the birth date). */
const REQUIRED_LABELS: Record<string, string[]> = {
  '/pupils/:id': ['Дата рождения', 'Фамилия', 'Имя', 'Пол'],
  '/parents/:id': ['Фамилия', 'Имя', 'Пол'],
  '/staff/:id': ['Фамилия', 'Имя', 'Пол'],
  '/admin/school': ['Полное наименование', 'Краткое наименование', 'Тип организации'],
};

describeE2E('Every screen at 1366×768, as every role (issue 24)', () => {
  let browser: Browser;
  let serve: ServeHandle;
  let admin: string;
  let effective: Record<string, string[]>;
  const ids: Record<string, string> = {};
  const staffFor: Partial<Record<RoleId, string>> = {};
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-e2e-screens-'));
  const call = <T>(token: string, method: string, input: unknown = {}) => apiValue<T>(apiCall(serve.url, token, method, input));

  beforeAll(async () => {
    await seedDemoSchool(dataDir, { seed: 24, classesPerGrade: 1, classSize: 12, today: FIXED_NOW.slice(0, 10) });
    browser = await launchBrowser();
    serve = await startServe({
      dataDir,
      env: { NODE_OPTIONS: `--import ${path.join(ROOT, 'tests', 'helpers', 'fixedClock.mjs')}`, SO_FIXED_NOW: FIXED_NOW },
    });
    admin = await bootstrapAdmin(serve.url);
    effective = (await call<{ effective: Record<string, string[]> }>(admin, 'access.rights.matrix')).effective;

    // The demo's records behind the `:id` routes.
    const years = await call<{ years: { id: string; isCurrent: boolean }[] }>(admin, 'setup.years.list', {});
    const yearId = (years.years.find((y) => y.isCurrent) ?? years.years[0]).id;
    const classes = await call<{ classes: { id: string; name: string; classTeacherId: string | null }[] }>(admin, 'setup.classes.list', { yearId });
    const fifth = classes.classes.find((c) => c.name.startsWith('5'))!;
    const pupils = await call<{ id: string }[]>(admin, 'people.pupils.list', { classId: fifth.id });
    ids['/pupils/:id'] = pupils[0].id;
    ids['/parents/:id'] = (await call<{ id: string }[]>(admin, 'people.parents.list', {}))[0].id;
    const staff = await call<{ id: string }[]>(admin, 'staff.list', {});
    ids['/staff/:id'] = staff[0].id;
    const orders = await call<{ id: string; status: string }[]>(admin, 'movement.orders.list', {});
    ids['/movement/orders/:id'] = (orders.find((o) => o.status === 'signed') ?? orders[0]).id;
    const catalogue = await call<{ key: string; kind: string; path: string | null }[]>(admin, 'reports.catalogue', {});
    ids['/reports/run/:key'] = catalogue.find((e) => e.path?.startsWith('/reports/run/'))!.path!.split('/').pop()!;
    ids['/reports/print/:key'] = catalogue.find((e) => e.path?.startsWith('/reports/print/'))!.path!.split('/').pop()!;
    staffFor.classTeacher = fifth.classTeacherId ?? undefined;
    const options = await call<{ id: string; position: string | null }[]>(admin, 'access.users.staffOptions', {});
    staffFor.teacher = options.find((o) => o.id !== fifth.classTeacherId && /^Учитель/.test(o.position ?? ''))?.id;
  }, 240_000);
  afterAll(async () => {
    await serve?.stop();
    await browser?.close();
  });

  it('lists every route of the app', () => {
    const source = fs.readFileSync(path.join(ROOT, 'src-renderer', 'app', 'routes.tsx'), 'utf8');
    const declared = [...source.matchAll(/path: '([^']+)'/g)].map((m) => m[1]).filter((p) => p !== '*' && p !== '/' && !NOT_PICTURED.has(p));
    expect(declared.map((p) => `/${p}`).sort()).toEqual(ROUTES.map((r) => r.path).filter((p) => p !== '/').sort());
  });

  async function signedIn(role: RoleId): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'ru-RU', timezoneId: 'UTC' });
    await context.clock.setFixedTime(new Date(FIXED_NOW));
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    if (role === 'admin') {
      await signInUi(page, serve.url, E2E_ADMIN.login, E2E_ADMIN.password);
      return { context, page };
    }
    const login = `u-${role.toLowerCase()}`;
    await call(admin, 'access.users.create', { login, fullName: `Проверкина ${role}`, roles: [role], password: TEMP, staffId: staffFor[role] ?? null });
    const token = await apiSignIn(serve.url, login, TEMP);
    await call(token, 'access.password.change', { currentPassword: TEMP, newPassword: 'Screens-2026-pass' });
    await signInUi(page, serve.url, login, 'Screens-2026-pass');
    return { context, page };
  }

  for (const role of ROLE_IDS) {
    it(`every screen the role «${role}» may open`, async () => {
      const { context, page } = await signedIn(role);
      const problems: string[] = [];
      try {
        // The suite's time budget: the administrator opens every route; the other roles the screens
        // whose content depends on the role. SCREENS_EVERY_ROUTE=1 opens every route as every role.
        const everyRoute = role === 'admin' || process.env.SCREENS_EVERY_ROUTE === '1';
        for (const route of ROUTES.filter((r) => (r.right === null || effective[role].includes(r.right)) && (everyRoute || r.path === '/' || PICTURED_FOR_EVERY_ROLE.has(r.path)))) {
          const id = ids[route.path];
          const hash = route.path.replace(/:(id|key)$/, id ?? '');
          await page.goto(`${serve.url}/#${hash}`);
          const name = `${role}${route.path.replace(/\/:(id|key)$/, '-card').replace(/\//g, '-')}`.replace(/-$/, '');
          for (const p of await pageProblems(page)) if (!knownOpen(route.path, p)) problems.push(`${hash} (${role}): ${p}`);
          for (const label of REQUIRED_LABELS[route.path] ?? []) {
            const marked = await page.locator('label.ant-form-item-required').filter({ hasText: new RegExp(`^${label}$`) }).count();
            if (marked !== 1) problems.push(`${hash} (${role}): the required «${label}» shows no asterisk`);
          }
          if ((role !== 'admin' && !PICTURED_FOR_EVERY_ROLE.has(route.path)) || CHECKED_ONLY.has(route.path)) continue;
          // The wizard and the settings show the data folder in use: this run's temporary one.
          const diff = await comparePictures(page, name, [page.getByText(dataDir)]);
          if (diff) problems.push(`${hash} (${role}): ${diff}`);
        }
        if (role === 'admin') {
          // The user dialog fits a 768 px high window (issue 24), its buttons reachable.
          await page.goto(`${serve.url}/#/admin/users`);
          await page.getByRole('button', { name: 'Создать пользователя' }).click();
          const dialog = page.getByRole('dialog', { name: 'Новый пользователь' });
          await dialog.getByLabel('ФИО').waitFor();
          const box = await dialog.boundingBox();
          if (!box || box.y < 0 || box.y + box.height > VIEWPORT.height) problems.push(`user dialog is ${Math.round(box?.height ?? 0)} px high from ${Math.round(box?.y ?? 0)} px: taller than the window`);
          for (const p of await pageProblems(page)) problems.push(`user dialog: ${p}`);
          const diff = await comparePictures(page, 'admin-admin-users-new');
          if (diff) problems.push(`user dialog: ${diff}`);

          // A required field emptied is named at once by the form's rule, and a save without it is
          // refused by the server naming the same field, nothing saved (issue 24, item 4).
          await page.goto(`${serve.url}/#/subjects`);
          await page.getByRole('button', { name: 'Добавить предмет' }).click();
          const subject = page.getByRole('dialog', { name: 'Новый предмет' });
          for (const label of ['Название', 'Сокращение']) {
            if ((await subject.locator('label.ant-form-item-required').filter({ hasText: new RegExp(`^${label}$`) }).count()) !== 1) problems.push(`subject dialog: «${label}» shows no asterisk`);
          }
          const name = subject.getByLabel('Название', { exact: true });
          await name.fill('Черчение');
          await name.fill('');
          await subject.getByText('Заполните поле «Название»').waitFor();
          await subject.getByRole('button', { name: 'Сохранить' }).click();
          await subject.getByTestId('form-error').getByText(/«Название»/).waitFor();
          await subject.getByRole('button', { name: 'Отмена' }).click();
        }
      } finally {
        await context.close();
      }
      expect(problems).toEqual([]);
    }, 300_000);
  }
});
