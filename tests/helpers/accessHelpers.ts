import type { Kysely } from 'kysely';
import type { Database } from '../../src-main/core/db/schema';
import type { Dispatcher } from '../../src-main/core/dispatcher';
import type { TransportKind } from '../../src-main/core/foundation/context';
import { isActivity, resolveSessionCaller } from '../../src-main/core/access/repo/sessions';
import type { RoleId } from '../../src-shared/contract/access';
import { createApiClient, type ApiClient, type Transport } from '../../src-shared/transport';
import type { TestCore } from './testDb';

/**
 * Signing real users in from tests. `createTestCore` calls as the full-rights system caller; these
 * helpers give a test a client that calls as a signed-in user, through the same session code the
 * HTTP and IPC transports use.
 */
export const ADMIN = { login: 'admin', fullName: 'Админова Анна Петровна', password: 'Admin-2026-pass' };
export const TEMP_PASSWORD = 'Vremenny-1';
export const USER_PASSWORD = 'Lichny-pass-2';

const SIGN_IN = new Set(['access.signIn', 'access.setup.createAdmin']);

/**
 * An in-process transport that behaves like a browser tab: it keeps the token of its last sign-in
 * (like a cookie) and resolves the caller from the session on every call.
 */
export function sessionTransport(dispatcher: Dispatcher, kind: TransportKind = 'in-process', initialToken: string | null = null): Transport & { token(): string | null } {
  let token = initialToken;
  return {
    async call(method, input) {
      const caller = await resolveSessionCaller(dispatcher.core.db, token, kind, { activity: isActivity(method) });
      const wire = input === undefined ? undefined : JSON.parse(JSON.stringify(input));
      const env = JSON.parse(JSON.stringify(await dispatcher.call(caller, method, wire)));
      if (env.ok && SIGN_IN.has(method)) token = (env.value as { token?: string }).token ?? token;
      if (env.ok && method === 'access.signOut') token = null;
      return env;
    },
    on: (listener) => dispatcher.core.events.subscribe((e) => listener(JSON.parse(JSON.stringify(e)))),
    token: () => token,
  };
}

export function sessionClient(t: TestCore, token: string | null = null): ApiClient & { token(): string | null } {
  const transport = sessionTransport(t.dispatcher, 'in-process', token);
  return Object.assign(createApiClient(transport), { token: () => transport.token() });
}

/** First run: creates the administrator and returns a client signed in as them. */
export async function setupAdmin(t: TestCore): Promise<ApiClient & { token(): string | null }> {
  const client = sessionClient(t);
  await client.call('access.setup.createAdmin', ADMIN);
  return client;
}

export async function signInClient(t: TestCore, login: string, password: string): Promise<ApiClient & { token(): string | null }> {
  const client = sessionClient(t);
  await client.call('access.signIn', { login, password });
  return client;
}

/**
 * Creates a user with the given roles (as the system caller, i.e. the administrator's action),
 * signs them in and changes the temporary password, as a new user would on their first day.
 */
export async function createSignedInUser(
  t: TestCore,
  opts: { login: string; fullName?: string; roles: RoleId[]; staffId?: string | null },
): Promise<{ id: string; client: ApiClient & { token(): string | null } }> {
  const row = await t.client.call('access.users.create', {
    login: opts.login,
    fullName: opts.fullName ?? `Пользователь ${opts.login}`,
    roles: opts.roles,
    staffId: opts.staffId ?? null,
    password: TEMP_PASSWORD,
  });
  const client = await signInClient(t, opts.login, TEMP_PASSWORD);
  await client.call('access.password.change', { currentPassword: TEMP_PASSWORD, newPassword: USER_PASSWORD });
  return { id: row.id, client };
}

/** Signs in over HTTP in bearer mode and returns the token for `Authorization: Bearer`. */
export async function httpSignIn(url: string, login: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/access.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-auth-mode': 'bearer' },
    body: JSON.stringify({ login, password }),
  });
  const body = (await res.json()) as { ok: boolean; value?: { token?: string }; error?: { message: string } };
  if (!body.ok || !body.value?.token) throw new Error(`sign-in of ${login} failed: ${JSON.stringify(body)}`);
  return body.value.token;
}

/** A class whose pupils' portal accounts are created with their passwords sealed (the demo makes such classes). */
export async function classWithSealedPasswords(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectFrom('portalAccount as pa')
    .innerJoin('classMembership as cm', 'cm.pupilId', 'pa.personId')
    .select('cm.classId')
    .where('pa.personKind', '=', 'pupil')
    .where('pa.status', '=', 'created')
    .where('pa.passwordEnc', 'is not', null)
    .executeTakeFirstOrThrow();
  return row.classId;
}
