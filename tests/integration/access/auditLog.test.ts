import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handlers } from '../../../src-main/core/api/index';
import { createDispatcher } from '../../../src-main/core/dispatcher';
import { accessHooks, systemCaller } from '../../../src-main/core/access/authorize';
import { auditRecorder } from '../../../src-main/core/foundation/auditRecorder';
import { fieldChanges, fieldLabel, formatDetails, formatFieldValue } from '../../../src-shared/domain/auditLabels';
import { AppError } from '../../../src-shared/errors';
import type { ExportedFile } from '../../../src-shared/contract/files';
import { createSignedInUser, setupAdmin } from '../../helpers/accessHelpers';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { seedSchool, type SchoolFixture } from './schoolFixture';

async function readXlsx(file: ExportedFile): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describeEachDb('audit log', (kind) => {
  let t: TestCore;
  let fx: SchoolFixture;
  let admin: Awaited<ReturnType<typeof setupAdmin>>;

  beforeEach(async () => {
    t = await createTestCore(kind);
    fx = await seedSchool(t.core.db);
    admin = await setupAdmin(t);
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it("records a pupil's surname edit with old and new values and the user, and an export as an export record", async () => {
    const { id: secretaryId, client: secretary } = await createSignedInUser(t, { login: 'sekretar', fullName: 'Секретарёва Нина Павловна', roles: ['secretary'] });
    const pupil = await secretary.call('people.pupils.get', { id: fx.pupils5A[0] });
    await secretary.call('people.pupils.update', { ...pupil, lastName: 'Смирнов-Петров' });
    const file = await secretary.call('people.pupils.export', { classId: fx.class5A });
    expect(file.rows).toBe(2);

    const { rows } = await admin.call('audit.list', { entity: 'pupil' });
    const edit = rows.find((r) => r.action === 'update');
    expect(edit).toMatchObject({
      userId: secretaryId,
      userName: 'Секретарёва Нина Павловна',
      method: 'people.pupils.update',
      entity: 'pupil',
      recordId: fx.pupils5A[0],
      recordName: 'Смирнов-Петров Артём Олегович',
      changes: { lastName: ['Смирнов', 'Смирнов-Петров'] },
    });
    const exported = rows.find((r) => r.action === 'export');
    expect(exported).toMatchObject({ userId: secretaryId, method: 'people.pupils.export', changes: { format: 'xlsx', rows: 2, className: '5А' } });

    const history = await admin.call('audit.history', { entity: 'pupil', recordId: fx.pupils5A[0] });
    expect(history.map((h) => h.changes)).toEqual([{ lastName: ['Смирнов', 'Смирнов-Петров'] }]);

    // The log holds personal data: only the administrator and the director read it.
    expect(await secretary.raw('audit.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const { client: director } = await createSignedInUser(t, { login: 'direktor', roles: ['director'] });
    expect((await director.call('audit.list', { recordId: fx.pupils5A[0] })).total).toBe(1);
  });

  it('shows names and Russian words, never ids, JSON or English statuses (issue 24 item 5)', async () => {
    // A user linked to a staff card: the diff holds the staff id.
    await admin.call('access.users.create', { login: 'kuznetsova', fullName: 'Кузнецова Мария Ивановна', roles: ['teacher'], staffId: fx.teacher5A, password: 'Vremenny-2026-x' });
    // What the portal exchange writes when a pull is applied (pullJob.ts): a status and counts.
    const exchangeId = '01a247af-0000-7000-8000-000000000001';
    await auditRecorder(systemCaller(), 'exchange.pull.apply', 'portalExchange').record(t.core.db, {
      entity: 'portalExchange',
      recordId: exchangeId,
      action: 'update',
      changes: { status: ['previewed', 'applied'], written: [null, { pupil: 15, staff: 2 }], classId: [null, fx.class5A] },
    });
    const { rows } = await admin.call('audit.list', {});
    const user = rows.find((r) => r.entity === 'appUser' && r.action === 'create')!;
    const staffChange = fieldChanges(user.action, user.changes)!.find((f) => f.field === 'staffId')!;
    expect(fieldLabel(user.entity, 'staffId')).toBe('Сотрудник');
    expect(formatFieldValue('staffId', staffChange.after, user.entity, user.refs)).toBe('Кузнецова Мария Ивановна');

    const pull = rows.find((r) => r.entity === 'portalExchange')!;
    const text = fieldChanges(pull.action, pull.changes)!.map((f) => `${fieldLabel(pull.entity, f.field)}: ${formatFieldValue(f.field, f.before, pull.entity, pull.refs)} → ${formatFieldValue(f.field, f.after, pull.entity, pull.refs)}`);
    expect(text).toEqual(['Состояние: предпросмотр → применена', 'Записано: — → обучающийся: 15; сотрудник: 2', 'Класс: — → 5А класс']);
    // The exchange run itself is gone (a made-up id): no id is shown for it either.
    expect(pull.recordName).toBeNull();

    // Nothing on the page of the log reads as an id, JSON or an English status.
    const shown = rows.flatMap((r) => [
      r.recordName ?? '',
      ...(fieldChanges(r.action, r.changes)?.flatMap((f) => [fieldLabel(r.entity, f.field), formatFieldValue(f.field, f.before, r.entity, r.refs), formatFieldValue(f.field, f.after, r.entity, r.refs)]) ?? [formatDetails(r.changes, r.refs)]),
    ]);
    expect(shown.filter((x) => /[0-9a-f]{8}-[0-9a-f]{4}-|[{}"]|\b(previewed|applied|status|written)\b/.test(x))).toEqual([]);
  });

  it('sorts the paged log by user and by action as the page shows them, ties newest first, stable across pages (issue 24)', async () => {
    const { client: zh } = await createSignedInUser(t, { login: 'zhukova', fullName: 'Жукова Ирина Павловна', roles: ['secretary'] });
    const { client: yo } = await createSignedInUser(t, { login: 'yolkina', fullName: 'Ёлкина Анна Сергеевна', roles: ['secretary'] });
    for (const [client, id] of [
      [zh, fx.pupils5A[0]],
      [yo, fx.pupils5A[1]],
      [zh, fx.pupils5B[0]],
    ] as const) {
      const p = await client.call('people.pupils.get', { id });
      await client.call('people.pupils.update', { ...p, middleName: 'Тестович' });
    }
    const all = await admin.call('audit.list', { limit: 500 });
    const pages = async (sort: { column: string; direction: 'asc' | 'desc' }) => {
      const out = [];
      for (let offset = 0; offset < all.total; offset += 3) out.push(...(await admin.call('audit.list', { sort, offset, limit: 3 })).rows);
      return out;
    };
    const byUser = await pages({ column: 'userName', direction: 'asc' });
    expect(byUser.map((r) => r.id).sort()).toEqual(all.rows.map((r) => r.id).sort());
    const names = byUser.map((r) => r.userName ?? '').filter((x, i, list) => list[i - 1] !== x);
    // «Ёлкина» among the Е (before «Жукова»), not before «Админова»; entries without a user last.
    const at = (n: string) => names.indexOf(n);
    expect(at('Админова Анна Петровна')).toBeGreaterThanOrEqual(0);
    expect(at('Админова Анна Петровна')).toBeLessThan(at('Ёлкина Анна Сергеевна'));
    expect(at('Ёлкина Анна Сергеевна')).toBe(at('Жукова Ирина Павловна') - 1);
    expect(new Set(names).size, 'each user in one run, across pages').toBe(names.length);
    expect(names.indexOf('') === -1 || names.indexOf('') === names.length - 1).toBe(true);
    const zhukova = byUser.filter((r) => r.userName === 'Жукова Ирина Павловна');
    expect(zhukova.map((r) => r.at)).toEqual([...zhukova.map((r) => r.at)].sort().reverse());

    const byAction = (await pages({ column: 'action', direction: 'desc' })).map((r) => r.action);
    const shown = byAction.map((a) => ({ update: 'Изменение', create: 'Создание', signin: 'Вход' })[a as 'update'] ?? a);
    expect(shown.indexOf('Создание')).toBeLessThan(shown.indexOf('Изменение'));
    expect(new Set(byAction).size).toBe(byAction.filter((x, i, list) => list[i - 1] !== x).length);

    await expect(admin.call('audit.list', { sort: { column: 'changes', direction: 'asc' } })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('Журнал изменений нельзя упорядочить по столбцу «changes»'),
    });
  });

  it('filters by user, period, entity and record', async () => {
    const { id: secretaryId, client: secretary } = await createSignedInUser(t, { login: 'sekretar', roles: ['secretary'] });
    const p = await secretary.call('people.pupils.get', { id: fx.pupils5B[0] });
    await secretary.call('people.pupils.update', { ...p, firstName: 'Никита', middleName: 'Андреевич', birthDate: '2014-01-06' });
    await admin.call('school.card.save', { card: { fullName: 'Школа № 6', shortName: 'Школа', kind: 'Лицей' }, version: 0 });

    const mine = await admin.call('audit.list', { userId: secretaryId });
    expect(mine.rows.every((r) => r.userId === secretaryId)).toBe(true);
    expect(mine.rows.map((r) => r.action)).toContain('update');
    expect((await admin.call('audit.list', { entity: 'school' })).rows.map((r) => r.action)).toEqual(['create']);
    expect((await admin.call('audit.list', { recordId: fx.pupils5B[0] })).total).toBe(1);
    const today = new Date();
    const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const all = await admin.call('audit.list', { limit: 500 });
    expect((await admin.call('audit.list', { from: iso(today), to: iso(today), limit: 500 })).total).toBe(all.total);
    expect((await admin.call('audit.list', { to: '2020-01-01' })).total).toBe(0);
    const facets = await admin.call('audit.facets');
    expect(facets.entities).toEqual(expect.arrayContaining(['appUser', 'pupil', 'school']));
    expect(facets.users.map((u) => u.id)).toContain(secretaryId);
    const bad = await admin.raw('audit.list', { from: '2026-02-30' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!bad.ok) expect(bad.error.message).toMatch(/«Период с»/);
  });

  it('exports the log to Excel with old → new per field, readable by exceljs and LibreOffice, and logs the export', async () => {
    const { client: secretary } = await createSignedInUser(t, { login: 'sekretar', fullName: 'Секретарёва Нина Павловна', roles: ['secretary'] });
    const pupil = await secretary.call('people.pupils.get', { id: fx.pupils5A[0] });
    await secretary.call('people.pupils.update', { ...pupil, lastName: 'Смирнов-Петров' });

    const file = await admin.call('audit.export', { entity: 'pupil' });
    expect(file.fileName).toMatch(/^Журнал изменений \d{4}-\d{2}-\d{2}\.xlsx$/);
    const rows = await readXlsx(file);
    expect(rows[0][0]).toBe('Журнал изменений');
    expect(rows[1][0]).toBe('Отбор: объект «Обучающийся»');
    const header = rows.findIndex((r) => r[0] === 'Дата и время');
    expect(rows[header]).toEqual(['Дата и время', 'Пользователь', 'Действие', 'Объект', 'Запись', 'Поле', 'Было', 'Стало', 'Подробности', 'Основание', 'Операция']);
    const line = rows.slice(header + 1).find((r) => r[5] === 'Фамилия');
    expect(line?.slice(1, 8)).toEqual(['Секретарёва Нина Павловна', 'Изменение', 'Обучающийся', 'Смирнов-Петров Артём Олегович', 'Фамилия', 'Смирнов', 'Смирнов-Петров']);
    // The operation is named as the office would say it, never by the contract's method name.
    expect(line?.[10]).toBe('Изменить карточку обучающегося');
    expect(rows.slice(header + 1).flat().filter((c) => /\b[a-z]+\.[a-z]+(\.[a-z]+)?\b/i.test(String(c)))).toEqual([]);

    if (kind === 'sqlite' && hasSoffice()) {
      const dir = fs.mkdtempSync(path.join(t.dataDir, 'lo-'));
      const xlsx = path.join(dir, 'log.xlsx');
      fs.writeFileSync(xlsx, Buffer.from(file.contentBase64, 'base64'));
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, xlsx], { stdio: 'ignore', timeout: 120_000 });
      const csv = fs.readFileSync(path.join(dir, 'log.csv'), 'utf8');
      expect(csv).toContain('Фамилия,Смирнов,Смирнов-Петров');
      expect(csv).toContain('Секретарёва Нина Павловна');
      expect(csv).toContain('Изменить карточку обучающегося');
      expect(csv).not.toContain('people.pupils');
    }

    const logged = (await admin.call('audit.list', { entity: 'audit' })).rows;
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ action: 'export', method: 'audit.export', userName: 'Админова Анна Петровна', changes: { rows: 1, filter: { entity: 'pupil' } } });
  });
});

describe('the dispatcher audits what a handler forgets', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore('sqlite');
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('logs a mutation that wrote no audit row, without its password', async () => {
    const lazy = createDispatcher(
      t.core,
      { ...handlers, 'access.users.resetPassword': async () => { throw new AppError('NOT_FOUND', 'нет такого'); }, 'access.settings.save': async (input) => input },
      accessHooks(),
    );
    const caller = systemCaller();
    await lazy.call(caller, 'access.settings.save', { sessionIdleMinutes: 45, lockMinutes: 5 });
    await lazy.call(caller, 'access.users.resetPassword', { id: 'x', password: 'Sekretny-123' });
    const rows = await t.core.db.selectFrom('auditLog').selectAll().execute();
    expect(rows.map((r) => [r.method, r.action])).toEqual([['access.settings.save', 'call']]);
    expect(JSON.parse(rows[0].changes ?? '{}')).toEqual({ sessionIdleMinutes: 45, lockMinutes: 5 });

    const redact = createDispatcher(t.core, { ...handlers, 'access.users.resetPassword': async () => (await t.client.call('access.users.list'))[0] }, accessHooks());
    await t.client.call('access.users.create', { login: 'someone', fullName: 'Кто-то', roles: ['teacher'], password: 'Vremenny-1' });
    const env = await redact.call(caller, 'access.users.resetPassword', { id: 'x', password: 'Sekretny-123' });
    expect(env.ok).toBe(true);
    const last = (await t.core.db.selectFrom('auditLog').selectAll().orderBy('seq', 'desc').executeTakeFirstOrThrow());
    expect(last.action).toBe('call');
    expect(JSON.parse(last.changes ?? '{}')).toEqual({ id: 'x', password: '***' });
  });

  it('logs an export of personal data whose handler did not', async () => {
    const file: ExportedFile = { fileName: 'x.xlsx', mimeType: 'application/octet-stream', contentBase64: '', rows: 3 };
    const lazy = createDispatcher(t.core, { ...handlers, 'people.pupils.export': async () => file }, accessHooks());
    const env = await lazy.call(systemCaller(), 'people.pupils.export', { classId: 'k1' });
    expect(env.ok).toBe(true);
    const rows = await t.core.db.selectFrom('auditLog').selectAll().execute();
    expect(rows.map((r) => [r.method, r.action, r.userName])).toEqual([['people.pupils.export', 'export', 'Система']]);
    expect(JSON.parse(rows[0].changes ?? '{}')).toEqual({ input: { classId: 'k1' } });
  });
});
