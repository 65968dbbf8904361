import type { PersonKind } from '../../../../src-shared/domain/personRules';
import type { Executor } from '../../foundation/executor';

/**
 * What the outbox and the push files read besides the cards (people's `readCards`): the first
 * applied pull, the portal's sightings, the audit of people, what earlier push files carried, the
 * enrolments and classes of pupils, the parent links; and the push's own rows (`portal_exchange_item`).
 */
const CHUNK = 500;

async function inChunks<T, R>(ids: readonly T[], read: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await read(ids.slice(i, i + CHUNK))));
  return out;
}

/** When the school was onboarded: the first applied pull. */
export async function firstAppliedPullAt(db: Executor): Promise<string | null> {
  const r = await db.selectFrom('portalExchange').select('finishedAt').where('direction', '=', 'pull').where('status', '=', 'applied').orderBy('finishedAt').limit(1).executeTakeFirst();
  return r?.finishedAt ?? null;
}

/** Signed enrolments (and reinstatements) of pupils with their class, oldest first. */
export function enrolmentRows(db: Executor, pupilIds: readonly string[]) {
  return inChunks(pupilIds, (chunk) =>
    db
      .selectFrom('movementOrderItem as i')
      .innerJoin('movementOrder as o', 'o.id', 'i.orderId')
      .innerJoin('schoolClass as c', 'c.id', 'i.toClassId')
      .select(['i.pupilId', 'c.name', 'o.numberText', 'o.orderDate'])
      .where('o.status', '=', 'signed')
      .where('o.orderType', 'in', ['enroll', 'reinstate'])
      .where('i.pupilId', 'in', chunk)
      .orderBy('o.orderDate')
      .execute(),
  );
}

/** The class each of these pupils is in on a date. */
export function classRowsOn(db: Executor, pupilIds: readonly string[], date: string) {
  return inChunks(pupilIds, (chunk) =>
    db
      .selectFrom('classMembership as cm')
      .innerJoin('schoolClass as c', 'c.id', 'cm.classId')
      .select(['cm.pupilId', 'c.name'])
      .where('cm.pupilId', 'in', chunk)
      .where('cm.startDate', '<=', date)
      .where((eb) => eb.or([eb('cm.endDate', 'is', null), eb('cm.endDate', '>', date)]))
      .execute(),
  );
}

export function allSightings(db: Executor) {
  return db.selectFrom('portalSeen').select(['personKind', 'personId', 'seenAt', 'differs']).execute();
}

/** Creations and changes of people's cards after a moment, oldest first. */
export function peopleAuditAfter(db: Executor, kinds: readonly PersonKind[], after: string) {
  return db.selectFrom('auditLog').select(['entity', 'recordId', 'action', 'at', 'changes', 'cause']).where('entity', 'in', [...kinds]).where('action', 'in', ['create', 'update']).where('at', '>', after).orderBy('at').execute();
}

/** Every person an exchange carried, with the exchange and its file, oldest first. */
export function carriedPeople(db: Executor) {
  return db
    .selectFrom('portalExchangeItem as i')
    .innerJoin('portalExchange as e', 'e.id', 'i.exchangeId')
    .innerJoin('portalExchangeFile as f', 'f.exchangeId', 'e.id')
    .select(['i.personKind', 'i.personId', 'e.id', 'e.createdAt', 'e.status', 'f.fileName'])
    .orderBy('e.createdAt')
    .execute();
}

export function linksOfPupils(db: Executor, pupilIds: readonly string[]) {
  return inChunks(pupilIds, (chunk) => db.selectFrom('pupilParent').select(['pupilId', 'parentId', 'relation']).where('pupilId', 'in', chunk).execute());
}

export function relationsOfParents(db: Executor, parentIds: readonly string[]) {
  return inChunks(parentIds, (chunk) => db.selectFrom('pupilParent').select(['parentId', 'relation']).where('parentId', 'in', chunk).orderBy('relation').execute());
}

/** The portal's last pulled extended pupil export (the batch update's template). */
export function lastPulledPupilExport(db: Executor) {
  return db
    .selectFrom('portalExchangeFile as f')
    .innerJoin('portalExchange as e', 'e.id', 'f.exchangeId')
    .select(['f.contentBase64'])
    .where('e.direction', '=', 'pull')
    .where('e.status', '=', 'applied')
    .where('f.formatId', '=', 'pupilsExtended')
    .orderBy('e.finishedAt', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The people a push file carries, many to a statement. */
export async function insertCarried(db: Executor, exchangeId: string, people: readonly { kind: string; id: string; action: string; label: string }[]): Promise<void> {
  for (let i = 0; i < people.length; i += CHUNK) {
    const chunk = people.slice(i, i + CHUNK);
    if (chunk.length) await db.insertInto('portalExchangeItem').values(chunk.map((c) => ({ exchangeId, personKind: c.kind, personId: c.id, action: c.action, label: c.label, confirmedAt: null }))).execute();
  }
}
