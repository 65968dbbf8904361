import mammoth from 'mammoth';
import { afterEach, describe, expect, it } from 'vitest';
import { openVault } from '../../../src-main/core/accounts/passwordVault';
import { generateSchool } from '../../../src-main/core/demo/generateSchool';
import { generatePeopleDetails } from '../../../src-main/core/demo/demoPeople';
import { writeDemo } from '../../../src-main/core/demo/writeDemo';
import { checkDocument } from '../../../src-shared/domain/documents';
import { checkInn } from '../../../src-shared/domain/validators';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

describe('demo people details', () => {
  const school = generateSchool();
  const details = generatePeopleDetails(school);

  it('is deterministic and leaves the base demo as it was', () => {
    expect(generatePeopleDetails(generateSchool())).toEqual(details);
    expect(generateSchool().pupils).toEqual(school.pupils);
  });

  it('gives every card valid documents, every staff member a valid ИНН, dated positions and education', () => {
    const people = [...school.pupils, ...school.parents, ...school.staff, ...school.movement.newPupils, ...school.movement.newParents];
    const byId = new Map(people.map((p) => [p.id, p]));
    for (const map of [details.pupils, details.parents, details.staff]) {
      for (const [id, d] of map) {
        for (const doc of d.documents) expect(checkDocument(doc, byId.get(id)?.birthDate ?? null, '2026-11-29'), `${id} ${JSON.stringify(doc)}`).toEqual([]);
        expect(d.addresses.length).toBeGreaterThan(0);
      }
    }
    for (const s of school.staff) {
      const d = details.staff.get(s.id);
      expect(checkInn(String(d?.columns.inn), 'person'), s.lastName).toBeNull();
      expect(d?.positions[0]).toMatchObject({ position: s.position, kind: 'main' });
      expect(d?.educations.length).toBe(1);
    }
    const ovz = [...details.pupils.values()].filter((d) => d.columns.hasOvz === 1);
    expect(ovz.length).toBeGreaterThan(20);
    expect(ovz.every((d) => d.columns.adaptedProgramme && d.columns.pmpkNumber)).toBe(true);
  });

  it('has portal accounts in every state: long handed over, a grade-1 class with letters to print, one sent to the portal, recent arrivals waiting', () => {
    const states = new Set(details.accounts.map((a) => a.status));
    expect([...states].sort()).toEqual(['created', 'handedOver', 'sentToPortal', 'toCreate']);
    expect(details.accounts.filter((a) => a.personKind === 'staff')).toHaveLength(school.staff.length + details.formerStaff.length);
    const created = details.accounts.filter((a) => a.status === 'created');
    expect(created.length).toBeGreaterThan(20);
    // Only accounts created and not yet handed over carry an initial password.
    expect(created.every((a) => a.login && a.password?.endsWith('4821'))).toBe(true);
    expect(details.accounts.filter((a) => a.status !== 'created').every((a) => a.password === null)).toBe(true);
  });

  it('fills the rest of the cards: family composition, boarding, refusals, staff families, leave and former staff', () => {
    const pupils = [...details.pupils.values()].map((d) => d.columns);
    const compositions = pupils.map((c) => JSON.parse(String(c.familyComposition)) as string[]);
    expect(compositions.every((list) => list.length >= 1)).toBe(true);
    expect(compositions.some((list) => list.length > 1)).toBe(true);
    expect(compositions.some((list) => list.includes('опекаемый'))).toBe(true);
    expect(pupils.filter((c) => c.boarding === 1).length).toBeGreaterThan(0);
    expect(pupils.filter((c) => c.pdRefusal === 1).length).toBeGreaterThan(0);
    const staff = [...details.staff.values()];
    expect(staff.filter((d) => d.familyMembers.some((m) => m.relation === 'сын' || m.relation === 'дочь')).length).toBeGreaterThan(20);
    expect(staff.filter((d) => d.columns.maternityLeaveFrom).length).toBeGreaterThan(0);
    expect(staff.filter((d) => d.columns.awards).length).toBeGreaterThan(0);
    expect(details.formerStaff).toHaveLength(2);
    for (const f of details.formerStaff) {
      const d = details.staff.get(f.id);
      expect(d?.columns.dismissalDate).toBeTruthy();
      expect(d?.positions.every((p) => p.endDate === d.columns.dismissalDate)).toBe(true);
    }
  });
});

describeEachDb('demo school with full cards', (kind) => {
  let t: TestCore;
  afterEach(async () => t?.cleanup());

  // The whole demo school (≈ 1 000 pupils with families and accounts) is written here: 20 s on a
  // quiet machine, over a minute when two test files share a loaded 2-core machine.
  it('writes the cards, search tokens and accounts; the demo is searchable at once', async () => {
    t = await createTestCore(kind);
    await writeDemo(t.core.db, generateSchool());
    const pending = await t.core.db.selectFrom('pupil').select('id').where('searchIndexed', '=', 0).execute();
    expect(pending).toEqual([]);
    const ovz = await t.client.call('people.pupils.list', { flags: ['hasOvz'], limit: 5 });
    expect(ovz.length).toBe(5);
    const teacher = (await t.client.call('staff.list', { position: 'Учитель начальных классов', limit: 1 }))[0];
    const card = await t.client.call('staff.get', { id: teacher.id });
    expect(card.positions[0].position).toBe('Учитель начальных классов');
    expect(card.documents[0].type).toBe('passport');
    const found = await t.client.call('people.pupils.list', { search: card.lastName.slice(0, 4), limit: 50 });
    expect(found.length).toBeGreaterThan(0);
    const accounts = await t.client.call('accounts.list', { status: 'sentToPortal' });
    expect(accounts.length).toBeGreaterThan(20);
    expect(await t.client.call('staff.count', { status: 'dismissed' })).toEqual({ total: 2 });
    expect((await t.client.call('people.pupils.count', { flags: ['boarding'] })).total).toBeGreaterThan(0);
  }, 240_000);

  it('prints the letters of the class whose accounts were created, with passwords sealed by the data folder’s key', async () => {
    t = await createTestCore(kind);
    const school = generateSchool();
    await writeDemo(t.core.db, school, undefined, { sealPassword: openVault(t.dataDir).seal });
    const created = await t.client.call('accounts.list', { status: 'created' });
    expect(created.every((r) => r.hasPassword)).toBe(true);
    const cls = school.classes.find((c) => c.name === '1Б');
    const letters = await t.client.call('accounts.letters', { classId: cls?.id as string, format: 'docx' });
    expect(letters.rows).toBeGreaterThan(20);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(letters.contentBase64, 'base64') });
    const pupil = school.pupils.find((p) => p.classId === cls?.id);
    expect(value).toContain(`${pupil?.lastName}4821`);
    const stored = await t.core.db.selectFrom('portalAccount').select('passwordEnc').where('status', '=', 'created').execute();
    expect(stored.every((r) => r.passwordEnc?.startsWith('v1:') && !r.passwordEnc.includes('4821'))).toBe(true);
  });
});
