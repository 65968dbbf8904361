import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSessionCaller } from '../../../src-main/core/access/repo/sessions';
import { DEFAULT_ROLE_RIGHTS } from '../../../src-main/core/access/defaultRights';
import { startHttpServer, type RunningHttpServer } from '../../../src-main/http/server';
import { contract, type MethodDef } from '../../../src-shared/contract/index';
import { RIGHTS, type Right } from '../../../src-shared/contract/rights';
import { ROLE_IDS, ROLES, type RoleId } from '../../../src-shared/contract/access';
import type { Envelope } from '../../../src-shared/errors';
import { createSignedInUser, TEMP_PASSWORD } from '../../helpers/accessHelpers';
import { changeCounts, installChangeCounters, tablesWritten } from '../../helpers/changeCounter';
import { createTestCore, describeEachDb, type TestCore, type TestDbKind } from '../../helpers/testDb';
import { fieldLevelMatrix } from './fieldLevelCases';
import { SAMPLES, type SampleContext } from './methodSamples';
import { seedSchool, type SchoolFixture } from './schoolFixture';

/**
 * Generated from the contract: every method × every built-in role (in-process, through real
 * sessions) and × an anonymous HTTP client. A call the default rights forbid must return FORBIDDEN
 * (UNAUTHENTICATED when anonymous) and change nothing in the database; an allowed call must succeed,
 * a mutation must leave an audit row, an export of personal data an `export` row. An allowed read
 * (`query`) must change nothing at all: every table as it was, and in the audit log at most its own
 * `export` row.
 */
const METHODS = Object.keys(contract).sort();
const defOf = (m: string) => (contract as Record<string, MethodDef>)[m];

/** Methods anyone may call without signing in. Adding one here is a security decision: say why. */
const OPEN_METHODS = new Set([
  'system.status', // the status bar before sign-in: app version and database kind, no data
  'access.session.state', // is anyone signed in, is first-run setup needed
  'access.setup.createAdmin', // first run only; refused once a user exists
  'access.signIn',
  'access.signOut',
  'access.password.change', // needs a session; open so a must-change-password user can reach it
]);

function allowedByDefault(def: MethodDef, role: RoleId): boolean {
  return def.right === null || DEFAULT_ROLE_RIGHTS[def.right].includes(role);
}

export function contractRightsChecks(): void {
  describe('the contract declares rights for every method', () => {
    it('names a right that is in the role table, or is one of the known open methods', () => {
      const problems: string[] = [];
      for (const m of METHODS) {
        const def = defOf(m);
        if (def.right === null) {
          if (!OPEN_METHODS.has(m)) problems.push(`${m}: right: null, but it is not a known open method`);
        } else if (!(def.right in RIGHTS) || !DEFAULT_ROLE_RIGHTS[def.right as Right]) {
          problems.push(`${m}: right «${def.right}» has no row in src-main/core/access/defaultRights.ts`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('gives every right a default row: the administrator in every row, the director in every read row', () => {
      for (const right of Object.keys(RIGHTS) as Right[]) {
        const roles = DEFAULT_ROLE_RIGHTS[right];
        expect(roles, right).toBeDefined();
        expect(roles, right).toContain('admin');
        if (right.endsWith('.read')) expect(roles, right).toContain('director');
        for (const r of roles) expect(ROLE_IDS, `${right}: unknown role ${r}`).toContain(r);
      }
    });

    it('names an audit entity for every mutation', () => {
      for (const m of METHODS) if (defOf(m).kind === 'mutation') expect(defOf(m).entity, m).toBeTruthy();
    });

    it('has a sample input for every method (tests/integration/access/methodSamples.ts)', () => {
      expect(METHODS.filter((m) => !SAMPLES[m])).toEqual([]);
    });
  });
}

/** One file per database kind, so the two halves of this long matrix run on two workers. */
export function rightsMatrix(kind: TestDbKind): void {
  fieldLevelMatrix(kind);
  describeEachDb('rights matrix', (kind) => {
    let t: TestCore;
    let fx: SchoolFixture;
    let server: RunningHttpServer;
    const tokens = {} as Record<RoleId, string>;
    let seq = 0;

    beforeAll(async () => {
      t = await createTestCore(kind);
      fx = await seedSchool(t.core.db);
      await t.client.call('access.setup.createAdmin', { login: 'admin', fullName: 'Админова Анна', password: 'Admin-2026-pass' });
      for (const role of ROLE_IDS) {
        const { client } = await createSignedInUser(t, { login: `role-${role}`, fullName: ROLES[role], roles: [role], staffId: fx.teacher5A });
        tokens[role] = client.token() as string;
      }
      await installChangeCounters(t);
      server = await startHttpServer({ dispatcher: t.dispatcher });
      // Outlive the client's 4 s keep-alive so a busy test machine never reuses a socket the server just closed.
      server.server.keepAliveTimeout = 65_000;
    });
    afterAll(async () => {
      await server?.close();
      await t?.cleanup();
    });

    function sampleContext(role: RoleId | 'anonymous'): SampleContext {
      return {
        t,
        fx,
        kind,
        role,
        unique: (prefix) => `${prefix}-${++seq}`,
        async scratchUser() {
          const login = `scratch-${++seq}`;
          const row = await t.client.call('access.users.create', { login, fullName: `Временный ${seq}`, roles: ['teacher'], staffId: null, password: TEMP_PASSWORD });
          return { id: row.id, version: row.version, login };
        },
      };
    }
    const auditRows = () => t.core.db.selectFrom('auditLog').select(['seq', 'method', 'action']).orderBy('seq').execute();

    /**
     * A refused call changes nothing, so one input per method serves every role it is refused to and
     * the anonymous client: the samples that build a timetable draft or a scratch user run once, not
     * seven times.
     */
    const refusedInputs = new Map<string, Promise<unknown>>();
    function refusedInput(method: string, role: RoleId | 'anonymous'): Promise<unknown> {
      const sample = SAMPLES[method];
      if (!sample) return Promise.resolve(undefined);
      let input = refusedInputs.get(method);
      if (!input) {
        input = Promise.resolve(sample.input(sampleContext(role)));
        refusedInputs.set(method, input);
      }
      return input;
    }

    for (const method of METHODS) {
      for (const role of ROLE_IDS) {
        const def = defOf(method);
        const allowed = allowedByDefault(def, role);
        it(`${method} as «${ROLES[role]}» → ${allowed ? 'allowed' : 'FORBIDDEN'}`, async () => {
          const sample = SAMPLES[method];
          const ctx = sampleContext(role);
          let token = tokens[role];
          if (allowed && sample?.freshSession) {
            token = (await createSignedInUser(t, { login: ctx.unique(`fresh-${role}`), roles: [role], staffId: fx.teacher5A })).client.token() as string;
          }
          const input = !allowed ? await refusedInput(method, role) : sample ? await sample.input(ctx) : undefined;
          const caller = await resolveSessionCaller(t.core.db, token, 'in-process');
          expect(caller.user?.roles).toEqual([role]);
          const isRead = def.kind === 'query';
          const before = allowed && !isRead ? null : await changeCounts(t);
          const auditBefore = (await auditRows()).length;

          const env = JSON.parse(JSON.stringify(await t.dispatcher.call(caller, method, input))) as Envelope<unknown>;

          if (!allowed) {
            expect(env, JSON.stringify(env)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
            expect(tablesWritten(before!, await changeCounts(t)), `${method} refused: it must not write`).toEqual([]);
            return;
          }
          if (isRead) {
            expect(tablesWritten(before!, await changeCounts(t), ['audit_log']), `${method} is a read: it must not write`).toEqual([]);
            const logged = (await auditRows()).slice(auditBefore);
            expect(logged.filter((r) => !(r.method === method && r.action === 'export')), `${method} is a read: no audit rows but its own export`).toEqual([]);
          }
          if (!sample) {
            // Without a sample only the rights gate can be checked; the sample test above fails meanwhile.
            if (!env.ok) expect(['FORBIDDEN', 'UNAUTHENTICATED']).not.toContain(env.error.code);
            return;
          }
          const expected = sample.allowedOutcome?.(ctx) ?? 'ok';
          if (expected !== 'ok') {
            expect(env.ok ? 'ok' : env.error.code, JSON.stringify(env)).toBe(expected);
            return;
          }
          expect(env.ok, JSON.stringify(env)).toBe(true);
          const added = (await auditRows()).slice(auditBefore);
          if (def.kind === 'mutation') expect(added.map((r) => r.method), 'a mutation must leave an audit row').toContain(method);
          if (def.exportsPersonalData) expect(added.filter((r) => r.method === method && r.action === 'export')).toHaveLength(1);
        });
      }

      it(`${method} anonymously over HTTP`, async () => {
        const def = defOf(method);
        const sample = SAMPLES[method];
        const input = def.right !== null ? await refusedInput(method, 'anonymous') : sample ? await sample.input(sampleContext('anonymous')) : undefined;
        const before = await changeCounts(t);
        const res = await fetch(`${server.url}/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: input === undefined ? '' : JSON.stringify(input),
        });
        const env = (await res.json()) as Envelope<unknown>;
        if (def.right !== null) {
          expect(res.status).toBe(401);
          expect(env).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
          expect(tablesWritten(before, await changeCounts(t)), `${method} anonymous: it must not write`).toEqual([]);
          return;
        }
        const expected = sample?.anonymous ?? 'ok';
        expect(env.ok ? 'ok' : env.error.code, JSON.stringify(env)).toBe(expected);
      });
    }
  }, [kind]);
}
