import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../../../src-main/http/server';
import type { ParentRow, PupilRow } from '../../../src-shared/contract/people';
import type { ExportedFile } from '../../../src-shared/contract/files';
import { ADMIN, httpSignIn, TEMP_PASSWORD, USER_PASSWORD } from '../../helpers/accessHelpers';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { seedSchool, type SchoolFixture } from './schoolFixture';

type Env<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

describeEachDb('class teacher row scoping over HTTP', (kind) => {
  let t: TestCore;
  let fx: SchoolFixture;
  let server: RunningHttpServer;
  let teacherToken: string;
  let secretaryToken: string;

  async function call<T>(token: string, method: string, input?: unknown): Promise<{ status: number; body: Env<T> }> {
    const res = await fetch(`${server.url}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: input === undefined ? '' : JSON.stringify(input),
    });
    return { status: res.status, body: (await res.json()) as Env<T> };
  }
  async function value<T>(token: string, method: string, input?: unknown): Promise<T> {
    const { body } = await call<T>(token, method, input);
    if (!body.ok) throw new Error(`${method}: ${body.error.code} ${body.error.message}`);
    return body.value;
  }
  const names = (rows: { lastName: string }[]) => rows.map((r) => r.lastName).sort();

  beforeAll(async () => {
    t = await createTestCore(kind);
    fx = await seedSchool(t.core.db);
    await t.client.call('access.setup.createAdmin', ADMIN);
    await t.client.call('access.users.create', { login: 'kuznetsova', fullName: 'Кузнецова Мария Ивановна', roles: ['classTeacher'], staffId: fx.teacher5A, password: TEMP_PASSWORD });
    await t.client.call('access.users.create', { login: 'secretary', fullName: 'Секретарёва Нина', roles: ['secretary'], password: TEMP_PASSWORD });
    server = await startHttpServer({ dispatcher: t.dispatcher });
    // Outlive the client's 4 s keep-alive so a busy test machine never reuses a socket the server just closed.
    server.server.keepAliveTimeout = 65_000;
    for (const login of ['kuznetsova', 'secretary']) {
      const temp = await httpSignIn(server.url, login, TEMP_PASSWORD);
      await value(temp, 'access.password.change', { currentPassword: TEMP_PASSWORD, newPassword: USER_PASSWORD });
    }
    teacherToken = await httpSignIn(server.url, 'kuznetsova', USER_PASSWORD);
    secretaryToken = await httpSignIn(server.url, 'secretary', USER_PASSWORD);
  });
  afterAll(async () => {
    await server?.close();
    await t?.cleanup();
  });

  it("lists only 5А's pupils for 5А's class teacher, all of them for the secretary", async () => {
    expect(names(await value<PupilRow[]>(teacherToken, 'people.pupils.list', {}))).toEqual(['Ёлкина', 'Смирнов'].sort());
    expect(names(await value<PupilRow[]>(teacherToken, 'people.pupils.list', { classId: fx.class5A }))).toEqual(['Ёлкина', 'Смирнов'].sort());
    expect(names(await value<PupilRow[]>(secretaryToken, 'people.pupils.list', {}))).toEqual(['Ёлкина', 'Петров', 'Смирнов', 'Соколова'].sort());
  });

  it('refuses 5Б to the class teacher of 5А with FORBIDDEN (HTTP 403)', async () => {
    for (const [method, input] of [
      ['people.pupils.list', { classId: fx.class5B }],
      ['people.parents.list', { classId: fx.class5B }],
      ['people.pupils.get', { id: fx.pupils5B[0] }],
      ['people.pupils.export', { classId: fx.class5B }],
    ] as const) {
      const r = await call(teacherToken, method, input);
      expect(r.status, method).toBe(403);
      expect(r.body.ok).toBe(false);
      if (!r.body.ok) {
        expect(r.body.error.code).toBe('FORBIDDEN');
        expect(r.body.error.message).toMatch(/не относится к вашим классам/);
      }
    }
  });

  it("shows 5А's parents with only 5А's children, and no parent of 5Б", async () => {
    const parents = await value<ParentRow[]>(teacherToken, 'people.parents.list', {});
    expect(parents.map((p) => p.lastName)).toEqual(['Смирнова']);
    expect(parents[0].children).toEqual([{ pupilId: fx.pupils5A[0], pupilName: 'Смирнов Артём Олегович', relation: 'мать', className: '5А' }]);
    const all = await value<ParentRow[]>(secretaryToken, 'people.parents.list', {});
    expect(all.map((p) => p.lastName).sort()).toEqual(['Петрова', 'Смирнова']);
  });

  it("edits a 5А pupil but not a 5Б pupil, whose card stays as it was", async () => {
    const mine = await value<PupilRow>(teacherToken, 'people.pupils.get', { id: fx.pupils5A[1] });
    const saved = await value<PupilRow>(teacherToken, 'people.pupils.update', { ...mine, middleName: 'Дмитриевна', birthDate: '2014-07-31' });
    expect(saved).toMatchObject({ birthDate: '2014-07-31', version: mine.version + 1, className: '5А' });

    const before = await t.core.db.selectFrom('pupil').selectAll().where('id', '=', fx.pupils5B[1]).executeTakeFirstOrThrow();
    const auditBefore = await t.core.db.selectFrom('auditLog').select('id').execute();
    const r = await call(teacherToken, 'people.pupils.update', {
      id: fx.pupils5B[1],
      version: before.version,
      lastName: 'Взломова',
      firstName: before.firstName,
      middleName: before.middleName,
      sex: before.sex,
      birthDate: before.birthDate,
    });
    expect(r.status).toBe(403);
    expect(await t.core.db.selectFrom('pupil').selectAll().where('id', '=', fx.pupils5B[1]).executeTakeFirstOrThrow()).toEqual(before);
    expect(await t.core.db.selectFrom('auditLog').select('id').execute()).toHaveLength(auditBefore.length);
  });

  it('shows a teacher only their own classes: none without a staff card, 5Б to 5Б’s class teacher', async () => {
    await t.client.call('access.users.create', { login: 'uchitel', fullName: 'Учителев Пётр', roles: ['teacher'], staffId: null, password: TEMP_PASSWORD });
    await t.client.call('access.users.create', { login: 'orlov', fullName: 'Орлов Сергей Павлович', roles: ['teacher'], staffId: fx.teacher5B, password: TEMP_PASSWORD });
    const tokens: Record<string, string> = {};
    for (const login of ['uchitel', 'orlov']) {
      const temp = await httpSignIn(server.url, login, TEMP_PASSWORD);
      await value(temp, 'access.password.change', { currentPassword: TEMP_PASSWORD, newPassword: USER_PASSWORD });
      tokens[login] = await httpSignIn(server.url, login, USER_PASSWORD);
    }
    expect(await value<PupilRow[]>(tokens.uchitel, 'people.pupils.list', {})).toEqual([]);
    expect((await call(tokens.uchitel, 'people.pupils.get', { id: fx.pupils5A[0] })).status).toBe(403);
    expect(names(await value<PupilRow[]>(tokens.orlov, 'people.pupils.list', {}))).toEqual(['Петров', 'Соколова']);
    // A teacher reads but does not edit, and does not see parents (work order §2).
    expect((await call(tokens.orlov, 'people.parents.list', {})).status).toBe(403);
    const p = await value<PupilRow>(tokens.orlov, 'people.pupils.get', { id: fx.pupils5B[0] });
    expect((await call(tokens.orlov, 'people.pupils.update', { ...p, lastName: 'Иванов' })).status).toBe(403);
  });

  it("exports only 5А's pupils for the class teacher, and logs the export", async () => {
    const file = await value<ExportedFile>(teacherToken, 'people.pupils.export', {});
    expect(file.rows).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const lastNames = wb.worksheets[0].getColumn(2).values.slice(2).map(String).sort();
    expect(lastNames).toEqual(['Ёлкина', 'Смирнов'].sort());
    const log = await t.core.db.selectFrom('auditLog').selectAll().where('action', '=', 'export').where('method', '=', 'people.pupils.export').execute();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ userName: 'Кузнецова Мария Ивановна', entity: 'pupil', transport: 'http' });
    expect(JSON.parse(log[0].changes ?? '{}')).toMatchObject({ rows: 2, format: 'xlsx' });
  });
});
