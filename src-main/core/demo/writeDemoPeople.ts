import type { Transaction } from 'kysely';
import { newId } from '../../../src-shared/domain/ids';
import { searchKey } from '../../../src-shared/domain/names';
import { personTokens } from '../../../src-shared/domain/personSearch';
import type { Database } from '../db/schema';
import type { DemoPerson, DemoSchool } from './generateSchool';
import { generatePeopleDetails, type DemoCardDetails, type DemoPeople } from './demoPeople';

/**
 * Writes the details of the demo cards (documents, addresses, HR data, health, accounts) over the
 * rows the base demo wrote, and the search tokens of every card. Runs inside the demo's transaction.
 */
const CHUNK = 200;

async function chunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

type Kind = 'pupil' | 'parent' | 'staff';

/**
 * The card columns of one demo person, for the base writer's INSERT (one statement per 200 rows
 * instead of an UPDATE per card).
 */
export function demoCardColumns(details: DemoPeople, kind: Kind, id: string): Record<string, unknown> {
  const d = kind === 'pupil' ? details.pupils.get(id) : kind === 'parent' ? details.parents.get(id) : details.staff.get(id);
  return d ? { ...d.columns, searchIndexed: 1 } : {};
}

async function writeKind(trx: Transaction<Database>, kind: Kind, people: DemoPerson[], details: Map<string, DemoCardDetails>, inserted: ReadonlySet<string>): Promise<void> {
  const docs = [];
  const addresses = [];
  const tokens = [];
  for (const p of people) {
    const d = details.get(p.id);
    if (!d) continue;
    // Rows written by other demo writers (pupils who arrive during the year) get their columns here.
    if (!inserted.has(p.id)) await trx.updateTable(kind).set({ ...d.columns, searchIndexed: 1 } as never).where('id', '=', p.id).execute();
    docs.push(...d.documents.map((doc, i) => ({ ...doc, id: `${p.id}-d${i}`, personKind: kind, personId: p.id, sortOrder: i })));
    addresses.push(...d.addresses.map((a) => ({ ...a, personKind: kind, personId: p.id })));
    const extra = kind === 'staff' ? [d.columns.personnelNumber as string] : [];
    tokens.push(...personTokens({ ...p, documents: d.documents, extra }).map((token) => ({ kind, token, personId: p.id })));
  }
  await chunked(docs, (c) => trx.insertInto('personDocument').values(c).execute());
  await chunked(addresses, (c) => trx.insertInto('personAddress').values(c).execute());
  await trx.deleteFrom('personSearchToken').where('kind', '=', kind).execute();
  await chunked(tokens, (c) => trx.insertInto('personSearchToken').values(c).onConflict((oc) => oc.doNothing()).execute());
}

/** Former employees are not in the base school: their rows are written here, with the card columns. */
async function insertFormerStaff(trx: Transaction<Database>, d: DemoPeople, at: string): Promise<void> {
  if (d.formerStaff.length === 0) return;
  await trx
    .insertInto('staff')
    .values(
      d.formerStaff.map((s) => ({
        id: s.id,
        lastName: s.lastName,
        firstName: s.firstName,
        middleName: s.middleName,
        sex: s.sex,
        birthDate: s.birthDate,
        snils: s.snils,
        // Dismissed: no position in force today.
        position: null,
        searchKey: searchKey(s.lastName, s.firstName, s.middleName),
        version: 1,
        createdAt: at,
        updatedAt: at,
        ...demoCardColumns(d, 'staff', s.id),
      })) as never,
    )
    .execute();
}

export interface DemoPeopleOptions {
  /**
   * Encrypts the initial passwords of the accounts created in the portal (the CLI passes the data
   * folder's vault). Without it they are left out and the letters say the password is not recorded.
   */
  sealPassword?: (plain: string) => string;
}

/**
 * `d` is the details the base writer already put into its INSERTs (`demoCardColumns`); cards it did
 * not write are updated here.
 */
export async function writeDemoPeople(
  trx: Transaction<Database>,
  school: DemoSchool,
  at: string,
  d: DemoPeople = generatePeopleDetails(school),
  insertedWithColumns = false,
  opts: DemoPeopleOptions = {},
): Promise<number> {
  const inserted = (list: DemoPerson[]) => new Set(insertedWithColumns ? list.map((p) => p.id) : []);
  await insertFormerStaff(trx, d, at);
  const allStaff = [...school.staff, ...d.formerStaff];
  await writeKind(trx, 'pupil', [...school.pupils, ...(school.movement?.newPupils ?? [])], d.pupils, inserted(school.pupils));
  await writeKind(trx, 'parent', [...school.parents, ...(school.movement?.newParents ?? [])], d.parents, inserted(school.parents));
  await writeKind(trx, 'staff', allStaff, d.staff, new Set([...inserted(school.staff), ...d.formerStaff.map((s) => s.id)]));
  const positions = allStaff.flatMap((s) => (d.staff.get(s.id)?.positions ?? []).map((p, i) => ({ ...p, id: `${s.id}-p${i}`, staffId: s.id, sortOrder: i })));
  await chunked(positions, (c) => trx.insertInto('staffPosition').values(c).execute());
  const educations = allStaff.flatMap((s) =>
    (d.staff.get(s.id)?.educations ?? []).map((e, i) => ({ ...e, pedagogical: e.pedagogical === null ? null : e.pedagogical ? 1 : 0, id: `${s.id}-e${i}`, staffId: s.id, sortOrder: i })),
  );
  await chunked(educations, (c) => trx.insertInto('staffEducation').values(c).execute());
  const family = allStaff.flatMap((s) => (d.staff.get(s.id)?.familyMembers ?? []).map((m, i) => ({ ...m, id: `${s.id}-f${i}`, staffId: s.id, sortOrder: i })));
  await chunked(family, (c) => trx.insertInto('staffFamilyMember').values(c).execute());
  const trainings = allStaff.flatMap((s) => (d.staff.get(s.id)?.trainings ?? []).map((t, i) => ({ ...t, id: `${s.id}-t${i}`, staffId: s.id, sortOrder: i })));
  await chunked(trainings, (c) => trx.insertInto('staffTraining').values(c).execute());
  // Upsert: when the movement book opens tasks on signing, the demo's account states still apply.
  await chunked(d.accounts, (c) =>
    trx
      .insertInto('portalAccount')
      .values(
        c.map(({ password, ...a }) => ({
          ...a,
          id: newId(),
          passwordEnc: password && opts.sealPassword ? opts.sealPassword(password) : null,
          handedOverBy: a.handedOverOn ? 'Демонстрационные данные' : null,
          version: 1,
          createdAt: at,
          updatedAt: at,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['personKind', 'personId']).doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          login: eb.ref('excluded.login'),
          exportFile: eb.ref('excluded.exportFile'),
          sentOn: eb.ref('excluded.sentOn'),
          createdOn: eb.ref('excluded.createdOn'),
          handedOverOn: eb.ref('excluded.handedOverOn'),
          handedOverTo: eb.ref('excluded.handedOverTo'),
          handedOverBy: eb.ref('excluded.handedOverBy'),
          passwordEnc: eb.ref('excluded.passwordEnc'),
        })),
      )
      .execute(),
  );
  return d.accounts.length;
}
