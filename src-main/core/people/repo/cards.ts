import type { AddressInput, DocumentInput } from '../../../../src-shared/contract/peopleFields';
import type { EducationInput, FamilyMemberInput, PositionInput, TrainingInput } from '../../../../src-shared/contract/peopleStaffCard';
import { searchKey } from '../../../../src-shared/domain/names';
import type { SearchablePerson } from '../../../../src-shared/domain/personSearch';
import { personCardIssues, type CardIssue } from '../../../../src-shared/domain/personCardRules';
import { AppError } from '../../../../src-shared/errors';
import { diffFields } from '../../foundation/auditLog';
import {
  educationsForAudit,
  familyMembersForAudit,
  mainPositionOn,
  positionsForAudit,
  readEducations,
  readFamilyMembers,
  readPositions,
  readTrainings,
  trainingsForAudit,
  writeEducations,
  writeFamilyMembers,
  writePositions,
  writeTrainings,
} from './staffChildren';
import { CARD_SPECS, scalarColumns, scalarsFromRow, type CardSpec } from '../cardSpec';
import { addressesForAudit, documentsForAudit, readAddresses, readDocuments, readPhoto, writeAddresses, writeDocuments, writePhoto } from './personChildren';
import { writeSearchTokens } from './searchIndex';
import type { Executor } from '../../foundation/executor';
import type { PersonColumns } from '../../db/schema';
import { schoolToday } from '../../foundation/clock';

/**
 * Reading and writing whole cards of any kind: the row's columns, the child lists and the search
 * tokens, with the card's version guarding concurrent saves. Services add rights, scoping and the
 * kind's own rules around these.
 */
export type Card = Record<string, unknown> &
  Pick<PersonColumns, 'lastName' | 'firstName' | 'middleName' | 'sex' | 'birthDate' | 'snils'> & {
  documents: DocumentInput[];
  addresses: AddressInput[];
};

export interface StoredCard {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  card: Card;
}

async function rowsOf(db: Executor, spec: CardSpec, ids: readonly string[] | 'all'): Promise<Record<string, unknown>[]> {
  if (ids === 'all') return (await db.selectFrom(spec.table).selectAll().execute()) as Record<string, unknown>[];
  if (ids.length === 0) return [];
  return (await db.selectFrom(spec.table).selectAll().where('id', 'in', [...ids]).execute()) as Record<string, unknown>[];
}

/**
 * Whole cards by id (missing ids are left out), with their child lists. `'all'` reads every card
 * of the kind in one pass per table (a pull that names everybody; no id lists to bind).
 */
export async function readCards(db: Executor, spec: CardSpec, ids: readonly string[] | 'all'): Promise<Map<string, StoredCard>> {
  const rows = await rowsOf(db, spec, ids);
  const found = ids === 'all' ? 'all' : rows.map((r) => String(r.id));
  const docs = await readDocuments(db, spec.kind, found);
  const addresses = await readAddresses(db, spec.kind, found);
  const positions = spec.kind === 'staff' ? await readPositions(db, found) : new Map<string, PositionInput[]>();
  const educations = spec.kind === 'staff' ? await readEducations(db, found) : new Map<string, EducationInput[]>();
  const family = spec.kind === 'staff' ? await readFamilyMembers(db, found) : new Map<string, FamilyMemberInput[]>();
  const trainings = spec.kind === 'staff' ? await readTrainings(db, found) : new Map<string, TrainingInput[]>();
  const out = new Map<string, StoredCard>();
  for (const row of rows) {
    const id = String(row.id);
    const card = scalarsFromRow(spec, row) as Card;
    card.documents = docs.get(id) ?? [];
    card.addresses = addresses.get(id) ?? [];
    if (spec.kind === 'staff') {
      card.positions = positions.get(id) ?? [];
      card.educations = educations.get(id) ?? [];
      card.familyMembers = family.get(id) ?? [];
      card.trainings = trainings.get(id) ?? [];
    }
    out.set(id, { id, version: Number(row.version), createdAt: String(row.createdAt), updatedAt: String(row.updatedAt), card });
  }
  return out;
}

export async function readCard(db: Executor, spec: CardSpec, id: string): Promise<StoredCard | undefined> {
  return (await readCards(db, spec, [id])).get(id);
}

export function notFound(spec: CardSpec): AppError {
  return new AppError('NOT_FOUND', `${spec.record} не найдена: возможно, её удалили или объединили с другой. Обновите список.`);
}

export function staleError(spec: CardSpec, name: string): AppError {
  return new AppError('CONFLICT', `${spec.record} «${name}» только что изменил другой пользователь. Обновите карточку и повторите; ваши изменения не сохранены.`);
}

/** A VALIDATION error in the dispatcher's words: record, field, message, «Ничего не сохранено». */
export function issuesError(record: string, labels: Record<string, string>, issues: readonly CardIssue[]): AppError {
  const described = issues.map((i) => ({ path: i.path, message: `поле «${labels[i.path] ?? i.path}»: ${i.message}` }));
  const more = described.length > 1 ? ` (и ещё ошибок: ${described.length - 1})` : '';
  return new AppError('VALIDATION', `${record}, ${described[0].message}${more}. Ничего не сохранено.`, { issues: described });
}

/** The card as the change history shows it: child lists as readable lines. */
export function auditView(card: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...card };
  if (Array.isArray(card.documents)) out.documents = documentsForAudit(card.documents as DocumentInput[]);
  if (Array.isArray(card.addresses)) out.addresses = addressesForAudit(card.addresses as AddressInput[]);
  if (Array.isArray(card.positions)) out.positions = positionsForAudit(card.positions as PositionInput[]);
  if (Array.isArray(card.educations)) out.educations = educationsForAudit(card.educations as EducationInput[]);
  if (Array.isArray(card.familyMembers)) out.familyMembers = familyMembersForAudit(card.familyMembers as FamilyMemberInput[]);
  if (Array.isArray(card.trainings)) out.trainings = trainingsForAudit(card.trainings as TrainingInput[]);
  return out;
}

/** What the search index is built from (personTokens): the names, СНИЛС, documents and the kind's own number. */
export function searchable(card: Card, spec: CardSpec): SearchablePerson {
  const extra = spec.kind === 'staff' ? [card.personnelNumber as string | null] : spec.kind === 'pupil' ? [card.personalFileNumber as string | null] : [];
  return { lastName: card.lastName, firstName: card.firstName, middleName: card.middleName, snils: card.snils, documents: card.documents, extra };
}

export async function writeChildren(db: Executor, spec: CardSpec, id: string, card: Partial<Card>): Promise<void> {
  if (card.documents) await writeDocuments(db, spec.kind, id, card.documents);
  if (card.addresses) await writeAddresses(db, spec.kind, id, card.addresses);
  if (spec.kind === 'staff' && card.positions) await writePositions(db, id, card.positions as PositionInput[]);
  if (spec.kind === 'staff' && card.educations) await writeEducations(db, id, card.educations as EducationInput[]);
  if (spec.kind === 'staff' && card.familyMembers) await writeFamilyMembers(db, id, card.familyMembers as FamilyMemberInput[]);
  if (spec.kind === 'staff' && card.trainings) await writeTrainings(db, id, card.trainings as TrainingInput[]);
}

export function derivedColumns(spec: CardSpec, card: Card): Record<string, unknown> {
  const out: Record<string, unknown> = { searchKey: searchKey(card.lastName, card.firstName, card.middleName) };
  if (spec.kind === 'staff') out.position = mainPositionOn((card.positions as PositionInput[]) ?? [], schoolToday());
  return out;
}

/** Checks a new card's cross-field rules; throws VALIDATION naming the field. */
export function assertNewCardValid(spec: CardSpec, card: Card, labels: Record<string, string>): void {
  const issues = personCardIssues(spec.kind, card, 'all', schoolToday());
  if (issues.length > 0) throw issuesError(spec.record, labels, issues);
}

/** Writes a new card (validated by the caller) with its children and tokens; audits the creation. */
export async function insertCard(trx: Executor, spec: CardSpec, id: string, card: Card, now: string, photo: string | null = null): Promise<void> {
  await trx
    .insertInto(spec.table)
    .values({ id, ...scalarColumns(spec, card), ...derivedColumns(spec, card), version: 1, createdAt: now, updatedAt: now, searchIndexed: 1 } as never)
    .execute();
  await writeChildren(trx, spec, id, card);
  if (photo) await writePhoto(trx, spec.kind, id, photo, now);
  await writeSearchTokens(trx, spec.kind, id, searchable(card, spec));
}

/** A kind's card keys (scalars, then child lists), listed once: an import completes thousands of cards. */
const cardKeys = new WeakMap<CardSpec, readonly string[]>();

/** Fills the keys a create input left out with the kind's empty values. */
export function completeCard(spec: CardSpec, input: Record<string, unknown>): Card {
  let keys = cardKeys.get(spec);
  if (!keys) cardKeys.set(spec, (keys = [...Object.keys(spec.scalars), ...spec.children]));
  const card: Record<string, unknown> = { ...spec.empty };
  for (const key of keys) if (input[key] !== undefined) card[key] = input[key];
  return card as Card;
}

export interface PatchResult {
  before: StoredCard;
  after: Card;
  changes: Record<string, [unknown, unknown]>;
}

/**
 * Applies a patch (absent = unchanged) to a stored card against the version the user read: merges,
 * runs the rules of the changed fields, writes what changed, re-indexes, and returns the field diff
 * for the caller's audit row. A stale version fails with CONFLICT and writes nothing.
 */
export async function patchCard(
  trx: Executor,
  spec: CardSpec,
  id: string,
  version: number,
  patch: Record<string, unknown>,
  labels: Record<string, string>,
  now: string,
  /** The kind's own consequences of an edit (a dismissal ends the positions), applied before the diff. */
  adjust?: (after: Card, before: Card) => void,
): Promise<PatchResult> {
  const before = await readCard(trx, spec, id);
  if (!before) throw notFound(spec);
  const name = [before.card.lastName, before.card.firstName, before.card.middleName].filter(Boolean).join(' ');
  if (before.version !== version) throw staleError(spec, name);
  const after = { ...before.card } as Card;
  for (const key of [...Object.keys(spec.scalars), ...spec.children]) if (patch[key] !== undefined) after[key] = patch[key];
  adjust?.(after, before.card);
  const changes = diffFields(auditView(before.card), auditView(after));
  // Ids of child rows are not part of what a person changes.
  const changed = new Set(Object.keys(changes));
  const issues = personCardIssues(spec.kind, after, changed, schoolToday());
  if (issues.length > 0) throw issuesError(spec.record, labels, issues);
  if (changed.size === 0) return { before, after, changes };

  const scalarPatch: Record<string, unknown> = {};
  for (const field of Object.keys(spec.scalars)) if (changed.has(field)) scalarPatch[field] = after[field];
  const r = await trx
    .updateTable(spec.table)
    .set({ ...scalarColumns(spec, scalarPatch), ...derivedColumns(spec, after), version: version + 1, updatedAt: now } as never)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw staleError(spec, name);
  const childPatch: Partial<Card> = {};
  for (const child of spec.children) if (changed.has(child)) (childPatch as Record<string, unknown>)[child] = after[child];
  await writeChildren(trx, spec, id, childPatch);
  await writeSearchTokens(trx, spec.kind, id, searchable(after, spec));
  return { before, after, changes };
}

/** Replaces the photo; returns the audit change (never the picture itself). */
export async function patchPhoto(trx: Executor, spec: CardSpec, id: string, photo: string | null | undefined, now: string): Promise<Record<string, [unknown, unknown]>> {
  if (photo === undefined) return {};
  const current = await readPhoto(trx, spec.kind, id);
  if (current === photo) return {};
  await writePhoto(trx, spec.kind, id, photo, now);
  return { photo: [current ? 'есть' : null, photo ? (current ? 'заменена' : 'есть') : null] };
}

export { CARD_SPECS };

/** Raises a card's version alone (a new photo is an edit a stale window must notice). */
export async function bumpCardVersion(db: Executor, spec: CardSpec, id: string, version: number, now: string): Promise<void> {
  await db.updateTable(spec.table).set({ version, updatedAt: now }).where('id', '=', id).execute();
}
