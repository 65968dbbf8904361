import type { ErrorCode } from '../../../src-shared/errors';
import type { RoleId } from '../../../src-shared/contract/access';
import { TEMP_PASSWORD, USER_PASSWORD } from '../../helpers/accessHelpers';
import type { TestCore, TestDbKind } from '../../helpers/testDb';
import type { SchoolFixture } from './schoolFixture';
import { SETUP_SAMPLES } from '../schoolSetup/setupSamples';
import { PEOPLE_SAMPLES } from '../people/peopleSamples';
import { MOVEMENT_SAMPLES } from '../movement/movementSamples';
import { CURRICULUM_SAMPLES } from '../curriculum/curriculumSamples';
import { EXCHANGE_SAMPLES } from '../exchange/exchangeSamples';
import { TIMETABLE_SAMPLES } from '../timetable/timetableSamples';
import { SUBS_SAMPLES } from '../timetable/subsSamples';
import { DEADLINE_SAMPLES } from '../deadlines/deadlineSamples';
import { TTEXCHANGE_SAMPLES } from '../ttexchange/ttexchangeSamples';
import { REPORTS_SAMPLES } from '../reports/reportsSamples';

/**
 * One valid input per contract method, for the generated rights test (rightsMatrixSuite.ts): it calls
 * every method as every role and as an anonymous HTTP client, and an allowed call must succeed. A
 * method without an entry here fails that test — add one line when you add a method.
 *
 * A sample runs right before its call, as often as the test needs it, so it must not depend on an
 * earlier call: create what it edits (`ctx.scratchUser()`), read the current `version` with
 * `ctx.t.client` (the full-rights system caller), and make unique names with `ctx.unique()`.
 * It must also leave the defaults alone (do not grant a role a right it lacks).
 * All role users are linked to the staff card of 5А's class teacher, so row-scoped reads of 5А work
 * for every role that holds the read right.
 */
export interface SampleContext {
  t: TestCore;
  fx: SchoolFixture;
  kind: TestDbKind;
  role: RoleId | 'anonymous';
  /** A user made by the system caller, for methods that change users. */
  scratchUser(): Promise<{ id: string; version: number; login: string }>;
  unique(prefix: string): string;
}

export interface MethodSample {
  input(ctx: SampleContext): unknown;
  /** An allowed call that is refused by the state of the data, not by rights (see the reason). */
  allowedOutcome?(ctx: SampleContext): 'ok' | ErrorCode;
  /** For open methods: what an anonymous caller gets. Default: `ok`. */
  anonymous?: 'ok' | ErrorCode;
  /** The call ends or changes the caller's own session or password: run it as a fresh user of the role. */
  freshSession?: boolean;
}

const CARD = { fullName: 'МБОУ «Средняя общеобразовательная школа № 6»', shortName: 'СОШ № 6', kind: 'Средняя общеобразовательная школа' as const };

export const SAMPLES: Record<string, MethodSample> = {
  'system.status': { input: () => ({}) },
  'system.backup.create': {
    input: ({ unique }) => ({ jobId: unique('job') }),
    // Backups from the app exist only for SQLite; PostgreSQL is backed up with pg_dump.
    allowedOutcome: ({ kind }) => (kind === 'postgres' ? 'VALIDATION' : 'ok'),
  },
  'system.backup.list': { input: () => ({}) },
  // A real restore would end every session of this matrix; a name that is not in the folder proves
  // the rights gate (the restore itself: tests/integration/security/restoreLive.test.ts).
  'system.backup.restore': { input: () => ({ name: 'school-office_2000-01-01_00-00-00_manual.sqlite3' }), allowedOutcome: () => 'NOT_FOUND' },
  'system.backup.schedule.get': { input: () => ({}) },
  'system.backup.schedule.save': { input: () => ({ enabled: true, keep: 14 }) },
  'system.keys.export': { input: () => ({}) },
  'system.settings.get': { input: () => ({}) },
  'system.logs.read': { input: () => ({ limit: 10, minLevel: 'info' }) },
  'system.logs.download': { input: () => ({}) },
  // The matrix's school has pupils: the demo is refused before anything is written.
  'system.demo.load': { input: () => ({}), allowedOutcome: () => 'VALIDATION' },
  'system.demo.cancel': { input: () => ({ jobId: 'no-such-job' }) },
  // A closed port on this machine: refused at once, no network beyond localhost.
  'system.database.test': { input: () => ({ host: '127.0.0.1', port: 1, database: 'x', user: 'x', password: 'x' }) },
  // «Вернуться к файлу SQLite»: what the test data folder opens anyway; no network.
  'system.database.choose': { input: () => ({ kind: 'sqlite' }) },
  // Saving what is there already: the data folder's defaults (no update address, backups beside the database).
  'system.settings.save': { input: () => ({ backupDir: null, updates: { mode: 'off', channel: 'stable', feedUrl: null } }) },
  // No update address is set in the test data folder: the check answers without the network.
  'system.updates.check': { input: () => ({}) },
  'system.setup.get': { input: () => ({}) },
  'system.setup.save': { input: () => ({ current: 'school', skipped: [], finished: false }) },
  // A bundle of the folder's own key: allowed callers change nothing but the audit log.
  'system.keys.import': { input: () => ({ contentBase64: Buffer.from('{}').toString('base64') }), allowedOutcome: () => 'VALIDATION' },

  'school.card.get': { input: () => ({}) },
  'school.card.save': { input: async ({ t }) => ({ card: CARD, version: (await t.client.call('school.card.get')).version }) },

  'access.session.state': { input: () => ({}) },
  // The first administrator already exists: everyone, signed in or not, is refused by the data.
  'access.setup.createAdmin': {
    input: ({ unique }) => ({ login: unique('first'), fullName: 'Второй Первый', password: 'Pervy-admin-1' }),
    allowedOutcome: () => 'FORBIDDEN',
    anonymous: 'FORBIDDEN',
  },
  'access.signIn': { input: async ({ scratchUser }) => ({ login: (await scratchUser()).login, password: TEMP_PASSWORD }) },
  'access.signOut': { input: () => ({}), freshSession: true },
  'access.password.change': {
    input: () => ({ currentPassword: USER_PASSWORD, newPassword: 'Drugoy-parol-9' }),
    freshSession: true,
    anonymous: 'UNAUTHENTICATED',
  },
  'access.users.list': { input: () => ({}) },
  'access.users.export': { input: () => ({}) },
  'access.users.staffOptions': { input: () => ({}) },
  'access.users.create': { input: ({ unique }) => ({ login: unique('new'), fullName: 'Новикова Ирина', roles: ['teacher'], staffId: null, password: TEMP_PASSWORD }) },
  'access.users.update': {
    input: async ({ scratchUser }) => {
      const u = await scratchUser();
      return { id: u.id, version: u.version, fullName: 'Переименованный Пользователь', staffId: null, roles: ['teacher'], isActive: true };
    },
  },
  'access.users.resetPassword': { input: async ({ scratchUser }) => ({ id: (await scratchUser()).id, password: 'Sbroshenny-5' }) },
  'access.users.unlock': { input: async ({ scratchUser }) => ({ id: (await scratchUser()).id }) },
  'access.rights.matrix': { input: () => ({}) },
  // A right the teacher already has by default: allowed, and the defaults stay as they are.
  'access.rights.setRole': { input: () => ({ role: 'teacher', right: 'school.read', granted: true }) },
  'access.rights.setUser': { input: async ({ scratchUser }) => ({ userId: (await scratchUser()).id, right: 'school.edit', mode: 'grant' }) },
  'access.settings.get': { input: () => ({}) },
  'access.settings.save': { input: () => ({ sessionIdleMinutes: 30, lockMinutes: 5 }) },

  'audit.list': { input: () => ({ limit: 10 }) },
  'audit.facets': { input: () => ({}) },
  'audit.history': { input: () => ({ entity: 'school', recordId: 'main' }) },
  'audit.export': { input: () => ({ entity: 'school' }) },

  'people.pupils.list': { input: ({ fx }) => ({ classId: fx.class5A }) },
  'people.pupils.get': { input: ({ fx }) => ({ id: fx.pupils5A[0] }) },
  'people.pupils.update': {
    input: async ({ t, fx }) => {
      const p = await t.client.call('people.pupils.get', { id: fx.pupils5A[0] });
      return { id: p.id, version: p.version, lastName: p.lastName, firstName: p.firstName, middleName: p.middleName, sex: p.sex, birthDate: p.birthDate === '2014-03-12' ? '2014-03-13' : '2014-03-12' };
    },
  },
  'people.pupils.export': { input: ({ fx }) => ({ classId: fx.class5A }) },
  'people.parents.list': { input: ({ fx }) => ({ classId: fx.class5A }) },
  // School set-up (issue 4): one line here, the samples live next to their suites.
  ...SETUP_SAMPLES,
  // People, staff and portal accounts (issue 5).
  ...PEOPLE_SAMPLES,
  // Movement book, orders, registers, reports, year rollover (issue 6).
  ...MOVEMENT_SAMPLES,
  // Curriculum, teaching load, vacancies, subgroups by the plan (issue 7).
  ...CURRICULUM_SAMPLES,
  // Portal exchange: pulls, pushes, outbox, reconciliation (issue 9).
  ...EXCHANGE_SAMPLES,
  // Timetable: versions, generation, approval, printouts, teachers' time off, joint lessons (issue 15).
  ...TIMETABLE_SAMPLES,
  // Substitutions and their monthly ledger (issue 16 parts 5–6).
  ...SUBS_SAMPLES,
  // Deadline monitor: rules, home screens, ticks, the journal (issue 20).
  ...DEADLINE_SAMPLES,
  ...TTEXCHANGE_SAMPLES,
  // Report catalogue, print forms, report builder (issue 21).
  ...REPORTS_SAMPLES,
};
