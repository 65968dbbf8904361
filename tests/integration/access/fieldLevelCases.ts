import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../../src-shared/domain/ids';
import type { RoleId } from '../../../src-shared/contract/access';
import type { Envelope } from '../../../src-shared/errors';
import { resolveSessionCaller } from '../../../src-main/core/access/repo/sessions';
import { createSignedInUser } from '../../helpers/accessHelpers';
import { databaseFingerprint } from '../../helpers/fingerprint';
import { createTestCore, describeEachDb, type TestCore, type TestDbKind } from '../../helpers/testDb';
import { hasTool, sofficeConvert, tempFile } from '../movement/readers';
import { seedSchool, type SchoolFixture } from './schoolFixture';

/**
 * Field-level cases of the rights matrix (issue 19, item 4): what a role may do depends not only on
 * the method but on whose record and which fields. The class teacher of 5А also teaches 5Б: they may
 * see 5Б's pupils but change nothing of theirs; a subject teacher without «parents.read» reads pupil
 * cards, lists and exports that carry no parents' personal data.
 */
interface Ctx {
  t: TestCore;
  fx: SchoolFixture;
  version(pupilId: string): Promise<number>;
}

type Expectation =
  /** Refused and nothing in the database changed. */
  | { refused: true }
  /** Allowed, and the answer (or the file it carries, read back by LibreOffice) names none of the parent's data. */
  | { withoutParentData: true; file?: boolean; /** What the answer must still show (the pupils). */ shows?: RegExp }
  /** Allowed and it does carry the parent's data: the control that the probe strings are right. */
  | { withParentData: true }
  | { ok: true };

interface FieldCase {
  name: string;
  role: RoleId;
  method: string;
  input(c: Ctx): Promise<unknown> | unknown;
  expect: Expectation;
}

const PARENT = { lastName: 'Смирнова', birthDate: '1988-02-14', birthDateRu: '14.02.1988', phone: '+7 (913) 555-44-33' };

export const FIELD_CASES: FieldCase[] = [
  {
    name: 'the class teacher of 5А cannot edit psychCharacteristic of a 5Б pupil they only teach',
    role: 'classTeacher',
    method: 'people.pupils.update',
    input: async (c) => ({ id: c.fx.pupils5B[0], version: await c.version(c.fx.pupils5B[0]), psychCharacteristic: 'Замкнут, нуждается в поддержке' }),
    expect: { refused: true },
  },
  {
    name: 'the class teacher of 5А edits psychCharacteristic of a 5А pupil',
    role: 'classTeacher',
    method: 'people.pupils.update',
    input: async (c) => ({ id: c.fx.pupils5A[1], version: await c.version(c.fx.pupils5A[1]), psychCharacteristic: 'Общительна, любит читать' }),
    expect: { ok: true },
  },
  {
    name: 'the class teacher of 5А still sees the card of a 5Б pupil they teach',
    role: 'classTeacher',
    method: 'people.pupils.get',
    input: (c) => ({ id: c.fx.pupils5B[1] }),
    expect: { ok: true },
  },
  {
    name: 'the class teacher of 5А cannot change a 5Б parent',
    role: 'classTeacher',
    method: 'people.parents.update',
    input: async (c) => {
      const p = await c.t.client.call('people.parents.get', { id: c.fx.parent5B });
      return { id: c.fx.parent5B, version: p.version, phoneMobile: '+7 (900) 000-00-00' };
    },
    expect: { refused: true },
  },
  {
    name: 'the class teacher of 5А cannot unlink a 5Б pupil from a parent',
    role: 'classTeacher',
    method: 'people.links.remove',
    input: (c) => ({ pupilId: c.fx.pupils5B[0], parentId: c.fx.parent5B }),
    expect: { refused: true },
  },
  {
    name: 'the class teacher of 5А cannot print 5Б account letters (initial passwords)',
    role: 'classTeacher',
    method: 'accounts.letters',
    input: (c) => ({ classId: c.fx.class5B, format: 'pdf' }),
    expect: { refused: true },
  },
  {
    name: 'a class teacher (with parents.read) sees the parents on the pupil card',
    role: 'classTeacher',
    method: 'people.pupils.get',
    input: (c) => ({ id: c.fx.pupils5A[0] }),
    expect: { withParentData: true },
  },
  {
    name: 'a teacher without parents.read gets the pupil card without parents',
    role: 'teacher',
    method: 'people.pupils.get',
    input: (c) => ({ id: c.fx.pupils5A[0] }),
    expect: { withoutParentData: true, shows: /Смирнов/ },
  },
  {
    name: 'a teacher without parents.read gets the pupil list without parents',
    role: 'teacher',
    method: 'people.pupils.list',
    input: (c) => ({ classId: c.fx.class5A }),
    expect: { withoutParentData: true, shows: /Смирнов/ },
  },
  {
    name: 'a class teacher (with parents.read) sees the parents in the pupil history',
    role: 'classTeacher',
    method: 'people.pupils.history',
    input: (c) => ({ id: c.fx.pupils5A[0] }),
    expect: { withParentData: true },
  },
  {
    name: 'a teacher without parents.read gets the pupil history without parents',
    role: 'teacher',
    method: 'people.pupils.history',
    input: (c) => ({ id: c.fx.pupils5A[0] }),
    expect: { withoutParentData: true },
  },
  {
    name: 'a teacher without parents.read exports the pupil list without parents',
    role: 'teacher',
    method: 'people.pupils.export',
    input: (c) => ({ classId: c.fx.class5A }),
    expect: { withoutParentData: true, file: true, shows: /Смирнов/ },
  },
];

/** Every table except sessions and the audit log (a refused call may log the refusal). */
const fingerprint = (t: TestCore) => databaseFingerprint(t, ['app_session', 'audit_log']);

function textOfFile(env: Envelope<unknown>): string {
  const file = (env as { value: { fileName: string; contentBase64: string } }).value;
  const { file: path } = tempFile(file.fileName.replace(/[^\wа-яё.]+/giu, '_'), Buffer.from(file.contentBase64, 'base64'));
  return fs.readFileSync(sofficeConvert(path, 'csv:Text - txt - csv (StarCalc):44,34,76'), 'utf8');
}

function mentionsParent(text: string): boolean {
  return [PARENT.lastName, PARENT.birthDate, PARENT.birthDateRu, PARENT.phone].some((s) => text.includes(s));
}

export function fieldLevelMatrix(kind: TestDbKind): void {
  describeEachDb(
    'rights matrix, field-level cases',
    (kind) => {
      let t: TestCore;
      let fx: SchoolFixture;
      const tokens = {} as Partial<Record<RoleId, string>>;

      beforeAll(async () => {
        t = await createTestCore(kind);
        fx = await seedSchool(t.core.db);
        await t.client.call('access.setup.createAdmin', { login: 'admin', fullName: 'Админова Анна', password: 'Admin-2026-pass' });
        // The class teacher of 5А also teaches 5Б (a teaching-load row), and the 5А mother has a phone.
        const now = new Date().toISOString();
        const year = await t.core.db.selectFrom('academicYear').select('id').executeTakeFirstOrThrow();
        const subjectId = newId();
        await t.core.db.insertInto('subject').values({ id: subjectId, name: 'Математика', shortName: 'Мат', subjectAreaId: null, isSplit: 0, sanpinKey: null, sortOrder: 1, isArchived: 0, version: 1, updatedAt: now }).execute();
        await t.core.db
          .insertInto('teachingAssignment')
          .values({ id: newId(), academicYearId: year.id, classId: fx.class5B, subjectId, groupNo: 0, staffId: fx.teacher5A, version: 1, updatedAt: now })
          .execute();
        await t.core.db.updateTable('parent').set({ phoneMobile: PARENT.phone }).where('id', '=', fx.parent5A).execute();
        // A history entry that names the parent: the link is recorded on the pupil's card.
        await t.client.call('people.links.update', { pupilId: fx.pupils5A[0], parentId: fx.parent5A, relation: 'мать', isLegalRepresentative: false });
        for (const role of ['classTeacher', 'teacher'] as RoleId[]) {
          const { client } = await createSignedInUser(t, { login: `field-${role}`, roles: [role], staffId: fx.teacher5A });
          tokens[role] = client.token() as string;
        }
      });
      afterAll(async () => {
        await t?.cleanup();
      });

      const ctx = (): Ctx => ({
        t,
        fx,
        version: async (pupilId) => (await t.client.call('people.pupils.get', { id: pupilId })).version,
      });

      for (const c of FIELD_CASES) {
        it(`${c.method} as «${c.role}»: ${c.name}`, async () => {
          const caller = await resolveSessionCaller(t.core.db, tokens[c.role], 'in-process');
          expect(caller.user?.roles).toEqual([c.role]);
          const input = await c.input(ctx());
          const before = 'refused' in c.expect ? await fingerprint(t) : null;
          const env = JSON.parse(JSON.stringify(await t.dispatcher.call(caller, c.method, input))) as Envelope<unknown>;
          if ('refused' in c.expect) {
            expect(env, JSON.stringify(env)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
            expect(await fingerprint(t)).toBe(before);
            return;
          }
          expect(env.ok, JSON.stringify(env)).toBe(true);
          if ('withParentData' in c.expect) expect(mentionsParent(JSON.stringify(env))).toBe(true);
          if ('withoutParentData' in c.expect) {
            if (c.expect.file && !hasTool('soffice')) return;
            const text = c.expect.file ? textOfFile(env) : JSON.stringify(env);
            // The pupils themselves are there; their parents are not.
            if (c.expect.shows) expect(text).toMatch(c.expect.shows);
            expect(mentionsParent(text), text.slice(0, 2000)).toBe(false);
          }
        });
      }
    },
    [kind],
  );
}
