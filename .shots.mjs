import { chromium } from 'playwright-core';
const url = 'http://127.0.0.1:5105';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
await page.goto(`${url}/#/`);
await page.getByLabel('Логин').fill('admin');
await page.getByLabel('Пароль').fill('Admin-2026-pass');
await page.getByRole('button', { name: 'Войти' }).click();
await page.getByTestId('user-menu').waitFor();
const token = await (await fetch(`${url}/api/access.signIn`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-auth-mode': 'bearer' }, body: JSON.stringify({ login: 'admin', password: 'Admin-2026-pass' }) })).json();
const call = async (m, input) => (await (await fetch(`${url}/api/${m}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token.value.token}` }, body: JSON.stringify(input) })).json()).value;
const pupils = await call('people.pupils.list', { limit: 1 });
const staff = null;
const shots = [
  ['pupil-card', `/pupils/${pupils[0].id}`],
  ['pupils-list', '/pupils'],
  ['timetable', '/timetable'],
  ['load', '/load'],
  ['timetable-joints', '/timetable/joints'],
  ['exchange', '/portal'],
];
for (const [name, hash] of shots) {
  await page.goto(`${url}/#${hash}`);
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `/tmp/renderer-shots2/${name}.png` });
}
console.log(JSON.stringify({ errors, staff: staff ? Object.keys(staff) : null }));
await browser.close();
