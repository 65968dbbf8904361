import type { AddressInput, DocumentInput } from '../../../../src-shared/contract/peopleFields';
import { documentTitle, type DocumentType } from '../../../../src-shared/domain/documents';
import { formatRu } from '../../../../src-shared/domain/calendar/dates';
import { ADDRESS_KINDS, ADDRESS_KIND_IDS, type AddressKind } from '../../../../src-shared/domain/peopleDictionaries';
import type { PersonKind } from '../../../../src-shared/domain/personRules';
import { newId } from '../../../../src-shared/domain/ids';
import type { Executor } from '../../foundation/executor';


/**
 * Documents, addresses and the photo of a card: child rows keyed by (person_kind, person_id). A
 * save replaces the whole list, which the card's version already protects.
 */

export type StoredDocument = DocumentInput & { id: string };

/** `ids: 'all'` reads every card's documents of the kind (a bulk read without an id list). */
export async function readDocuments(db: Executor, kind: PersonKind, ids: readonly string[] | 'all'): Promise<Map<string, StoredDocument[]>> {
  const out = new Map<string, StoredDocument[]>();
  if (ids !== 'all' && ids.length === 0) return out;
  const rows = await db
    .selectFrom('personDocument')
    .selectAll()
    .where('personKind', '=', kind)
    .$if(ids !== 'all', (q) => q.where('personId', 'in', [...ids]))
    .orderBy('personId')
    .orderBy('sortOrder')
    .execute();
  for (const r of rows) {
    const list = out.get(r.personId) ?? [];
    list.push({ id: r.id, type: r.type as DocumentType, series: r.series, number: r.number, issueDate: r.issueDate, issuer: r.issuer, issuerCode: r.issuerCode });
    out.set(r.personId, list);
  }
  return out;
}

export async function writeDocuments(db: Executor, kind: PersonKind, personId: string, docs: readonly DocumentInput[]): Promise<StoredDocument[]> {
  await db.deleteFrom('personDocument').where('personKind', '=', kind).where('personId', '=', personId).execute();
  const stored = docs.map((d) => ({ ...d, id: d.id ?? newId() }));
  if (stored.length > 0) {
    await db
      .insertInto('personDocument')
      .values(stored.map((d, i) => ({ id: d.id, personKind: kind, personId, sortOrder: i, type: d.type, series: d.series, number: d.number, issueDate: d.issueDate, issuer: d.issuer, issuerCode: d.issuerCode })))
      .execute();
  }
  return stored;
}

export async function readAddresses(db: Executor, kind: PersonKind, ids: readonly string[] | 'all'): Promise<Map<string, AddressInput[]>> {
  const out = new Map<string, AddressInput[]>();
  if (ids !== 'all' && ids.length === 0) return out;
  const rows = await db.selectFrom('personAddress').selectAll().where('personKind', '=', kind).$if(ids !== 'all', (q) => q.where('personId', 'in', [...ids])).execute();
  for (const r of rows) {
    const list = out.get(r.personId) ?? [];
    const { personKind: _k, personId: _p, ...address } = r;
    list.push({ ...address, kind: r.kind as AddressKind });
    out.set(r.personId, list);
  }
  for (const list of out.values()) list.sort((a, b) => ADDRESS_KIND_IDS.indexOf(a.kind) - ADDRESS_KIND_IDS.indexOf(b.kind));
  return out;
}

export async function writeAddresses(db: Executor, kind: PersonKind, personId: string, addresses: readonly AddressInput[]): Promise<void> {
  await db.deleteFrom('personAddress').where('personKind', '=', kind).where('personId', '=', personId).execute();
  if (addresses.length > 0) await db.insertInto('personAddress').values(addresses.map((a) => ({ ...a, personKind: kind, personId }))).execute();
}

export async function readPhoto(db: Executor, kind: PersonKind, personId: string): Promise<string | null> {
  const r = await db.selectFrom('personPhoto').select('data').where('personKind', '=', kind).where('personId', '=', personId).executeTakeFirst();
  return r?.data ?? null;
}

export async function writePhoto(db: Executor, kind: PersonKind, personId: string, data: string | null, now: string): Promise<void> {
  await db.deleteFrom('personPhoto').where('personKind', '=', kind).where('personId', '=', personId).execute();
  if (data) await db.insertInto('personPhoto').values({ personKind: kind, personId, data, updatedAt: now }).execute();
}

/** Removes every child row of a card (the card itself is deleted by the caller). */
export async function deleteChildren(db: Executor, kind: PersonKind, personId: string): Promise<void> {
  await db.deleteFrom('personDocument').where('personKind', '=', kind).where('personId', '=', personId).execute();
  await db.deleteFrom('personAddress').where('personKind', '=', kind).where('personId', '=', personId).execute();
  await db.deleteFrom('personPhoto').where('personKind', '=', kind).where('personId', '=', personId).execute();
  await db.deleteFrom('personSearchToken').where('kind', '=', kind).where('personId', '=', personId).execute();
}

/** Documents as a person reads them in the change history. */
export function documentsForAudit(docs: readonly DocumentInput[]): string[] {
  return docs.map((d) => {
    const issued = [d.issueDate ? `выдан ${formatRu(d.issueDate)}` : null, d.issuer, d.issuerCode ? `код ${d.issuerCode}` : null].filter(Boolean).join(', ');
    return issued ? `${documentTitle(d)}, ${issued}` : documentTitle(d);
  });
}

export function addressText(a: AddressInput): string {
  return [
    a.postalCode,
    a.region,
    a.district,
    a.settlement,
    a.street ? `ул. ${a.street}` : null,
    a.house ? `д. ${a.house}` : null,
    a.building ? `корп. ${a.building}` : null,
    a.flat ? `кв. ${a.flat}` : null,
  ]
    .filter(Boolean)
    .join(', ');
}

export function addressesForAudit(addresses: readonly AddressInput[]): string[] {
  return addresses.map((a) => `${ADDRESS_KINDS[a.kind]}: ${addressText(a)}`);
}
