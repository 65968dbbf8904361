import { afterAll, beforeAll, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors';
import { newId } from '../../../src-shared/domain/ids';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { seedSchool, type SchoolFixture } from '../access/schoolFixture';
import { enrolByOrder } from './enrol';

describeEachDb('merging two cards of one person', (kind) => {
  let t: TestCore;
  let fx: SchoolFixture;

  beforeAll(async () => {
    t = await createTestCore(kind);
    fx = await seedSchool(t.core.db);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('merges two pupil cards keeping every parent link, the class history and both histories', async () => {
    // The same girl typed twice: once by the secretary with her mother, once with her father and a СНИЛС.
    const mother = await t.client.call('people.parents.create', { lastName: 'Морозова', firstName: 'Елена', sex: 'Ж', birthDate: '1984-02-02' });
    const father = await t.client.call('people.parents.create', { lastName: 'Морозов', firstName: 'Игорь', sex: 'М', birthDate: '1982-03-03' });
    const a = await t.client.call('people.pupils.create', {
      lastName: 'Морозова',
      firstName: 'Алиса',
      sex: 'Ж',
      birthDate: '2014-05-05',
      phoneMobile: '+7 (913) 111-11-11',
      parents: [{ parentId: mother.id, relation: 'мать' }],
    });
    await enrolByOrder(t.client, { pupilIds: [a.id], classId: fx.class5A, orderDate: '2025-08-29', effectiveDate: '2025-09-01', numberText: '5-з' });
    const b = await t.client.call('people.pupils.create', {
      lastName: 'Морозова',
      firstName: 'Алиса',
      middleName: 'Игоревна',
      sex: 'Ж',
      birthDate: '2014-05-05',
      snils: '112-233-445 95',
      phoneMobile: '+7 (913) 222-22-22',
      documents: [{ type: 'birthCertificate', series: 'III-ТО', number: '111222', issueDate: null, issuer: null, issuerCode: null }],
      parents: [
        { parentId: father.id, relation: 'отец' },
        { parentId: mother.id, relation: 'мать' },
      ],
      allowDuplicate: true,
    });
    await t.client.call('people.pupils.update', { id: b.id, version: b.version, email: 'alisa@mail.ru' });

    const preview = await t.client.call('people.merge.preview', { kind: 'pupil', keepId: a.id, removeId: b.id });
    expect(preview.fields.find((f) => f.field === 'middleName')).toMatchObject({ keep: null, remove: 'Игоревна', result: 'remove' });
    expect(preview.fields.find((f) => f.field === 'phoneMobile')).toMatchObject({ keep: '+7 (913) 111-11-11', remove: '+7 (913) 222-22-22', result: 'keep' });
    expect(preview.moves).toEqual(['1 связь с родителем']);

    const current = await t.client.call('people.pupils.get', { id: b.id });
    const res = await t.client.call('people.merge.apply', {
      kind: 'pupil',
      keepId: a.id,
      removeId: b.id,
      keepVersion: preview.keepVersion,
      removeVersion: current.version,
      takeFromRemoved: ['phoneMobile'],
    });
    expect(res.keepId).toBe(a.id);

    const merged = await t.client.call('people.pupils.get', { id: a.id });
    expect(merged).toMatchObject({ middleName: 'Игоревна', snils: '112-233-445 95', phoneMobile: '+7 (913) 222-22-22', email: 'alisa@mail.ru', className: '5А', mergedFrom: [b.id] });
    expect(merged.parents.map((p) => `${p.lastName} (${p.relation})`)).toEqual(['Морозова (мать)', 'Морозов (отец)']);
    expect(merged.documents.map((d) => d.series)).toEqual(['III-ТО']);
    expect(await t.core.db.selectFrom('pupil').select('id').where('id', '=', b.id).execute()).toEqual([]);
    expect(await t.core.db.selectFrom('pupilParent').selectAll().where('pupilId', '=', b.id).execute()).toEqual([]);
    // The father's card now shows the merged pupil; the mother is linked once.
    expect((await t.client.call('people.parents.get', { id: father.id })).children.map((c) => c.pupilId)).toEqual([a.id]);
    expect((await t.client.call('people.parents.get', { id: mother.id })).children.map((c) => c.pupilId)).toEqual([a.id]);

    // History of both cards is on the merged card: B's creation and its e-mail edit are there.
    const history = await t.client.call('people.pupils.history', { id: a.id });
    const created = history.filter((h) => h.action === 'create');
    expect(created.map((h) => h.recordId).sort()).toEqual([a.id, b.id].sort());
    expect(history.some((h) => h.recordId === b.id && JSON.stringify(h.changes).includes('alisa@mail.ru'))).toBe(true);
    expect(history.some((h) => h.action === 'merge')).toBe(true);
    // The search finds the merged card by the removed card's СНИЛС and not the removed one.
    expect((await t.client.call('people.pupils.list', { search: '11223344595' })).map((r) => r.id)).toEqual([a.id]);
  });

  it('refuses stale versions and an unknown card, changing nothing', async () => {
    const x = await t.client.call('people.parents.create', { lastName: 'Зайцева', firstName: 'Нина', sex: 'Ж', birthDate: '1980-01-01' });
    const y = await t.client.call('people.parents.create', { lastName: 'Зайцева', firstName: 'Нина', sex: 'Ж', birthDate: '1980-01-01', allowDuplicate: true });
    const err = await t.client.call('people.merge.apply', { kind: 'parent', keepId: x.id, removeId: y.id, keepVersion: x.version + 1, removeVersion: y.version }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('CONFLICT');
    expect(await t.core.db.selectFrom('parent').select('id').where('id', 'in', [x.id, y.id]).execute()).toHaveLength(2);
    const same = await t.client.call('people.merge.apply', { kind: 'parent', keepId: x.id, removeId: x.id, keepVersion: 1, removeVersion: 1 }).catch((e: unknown) => e);
    expect((same as AppError).code).toBe('VALIDATION');
  });

  it('merges staff cards moving the class-teacher role and the user link', async () => {
    const dup = await t.client.call('staff.create', { lastName: 'Кузнецова', firstName: 'Мария', middleName: 'Ивановна', sex: 'Ж', birthDate: '1985-04-02', allowDuplicate: true, department: 'Начальная школа' });
    const fixtureCard = await t.client.call('staff.get', { id: fx.teacher5A });
    await t.client.call('people.merge.apply', { kind: 'staff', keepId: dup.id, removeId: fx.teacher5A, keepVersion: dup.version, removeVersion: fixtureCard.version });
    const merged = await t.client.call('staff.get', { id: dup.id });
    expect(merged.classesLed.map((c) => c.name)).toEqual(['5А']);
    expect(merged.department).toBe('Начальная школа');
  });

  it('merges staff cards moving the teaching load and the subjects taught, each subject once', async () => {
    const now = new Date().toISOString();
    const subject = async (name: string) => {
      const id = newId();
      await t.core.db.insertInto('subject').values({ id, name, shortName: name.slice(0, 4), subjectAreaId: null, isSplit: 0, sanpinKey: null, sortOrder: 0, isArchived: 0, version: 1, updatedAt: now }).execute();
      return id;
    };
    const maths = await subject('Математика (слияние)');
    const physics = await subject('Физика (слияние)');
    const keep = await t.client.call('staff.create', { lastName: 'Зорина', firstName: 'Анна', sex: 'Ж', birthDate: '1980-03-03', familyMembers: [{ relation: 'сын', lastName: 'Зорин', firstName: 'Олег', middleName: null, birthDate: '2008-01-01' }] });
    const dup = await t.client.call('staff.create', {
      lastName: 'Зорина',
      firstName: 'Анна',
      middleName: 'Петровна',
      sex: 'Ж',
      birthDate: '1980-03-03',
      allowDuplicate: true,
      familyMembers: [{ relation: 'дочь', lastName: 'Зорина', firstName: 'Ева', middleName: null, birthDate: '2011-02-02' }],
    });
    const cls = await t.core.db.selectFrom('schoolClass').select(['id', 'academicYearId']).where('id', '=', fx.class5B).executeTakeFirstOrThrow();
    const assignmentId = newId();
    await t.core.db.insertInto('teachingAssignment').values({ id: assignmentId, academicYearId: cls.academicYearId, classId: cls.id, subjectId: maths, groupNo: 0, staffId: dup.id, version: 1, updatedAt: now }).execute();
    await t.core.db.insertInto('staffSubject').values([{ staffId: keep.id, subjectId: maths }, { staffId: dup.id, subjectId: maths }, { staffId: dup.id, subjectId: physics }]).execute();

    const preview = await t.client.call('people.merge.preview', { kind: 'staff', keepId: keep.id, removeId: dup.id });
    expect(preview.moves).toEqual(['1 строка нагрузки', '1 преподаваемый предмет']);
    await t.client.call('people.merge.apply', { kind: 'staff', keepId: keep.id, removeId: dup.id, keepVersion: keep.version, removeVersion: dup.version });

    const load = await t.core.db.selectFrom('teachingAssignment').select('staffId').where('id', '=', assignmentId).executeTakeFirstOrThrow();
    expect(load.staffId).toBe(keep.id);
    const subjects = await t.core.db.selectFrom('staffSubject').select(['staffId', 'subjectId']).where('subjectId', 'in', [maths, physics]).execute();
    expect(subjects.map((r) => [r.staffId, r.subjectId]).sort()).toEqual([[keep.id, maths], [keep.id, physics]].sort());
    const merged = await t.client.call('staff.get', { id: keep.id });
    expect(merged.middleName).toBe('Петровна');
    expect(merged.familyMembers.map((m) => m.firstName)).toEqual(['Олег', 'Ева']);
  });
});
