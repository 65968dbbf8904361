import type { Transaction } from 'kysely';
import { searchKey } from '../../../src-shared/domain/names';
import type { Database } from '../db/schema';
import { yearForOrder } from '../movement/index';
import { insertDraft } from '../movement/index';
import { noAudit, signWithin } from '../movement/index';
import type { DemoPerson } from './generateSchool';
import type { DemoMovement } from './movementYear';

function personRow(p: DemoPerson, at: string) {
  return { id: p.id, lastName: p.lastName, firstName: p.firstName, middleName: p.middleName, sex: p.sex, birthDate: p.birthDate, snils: p.snils || null, searchKey: searchKey(p.lastName, p.firstName, p.middleName), version: 1, createdAt: at, updatedAt: at };
}

/**
 * Writes the demo year's orders as drafts and signs them in date order through the same code the
 * «Подписать» button runs, so memberships, numbers and the alphabet book are exactly what the
 * office would have after entering them by hand.
 */
export async function writeDemoMovement(trx: Transaction<Database>, movement: DemoMovement, signatory: string | null, at: string): Promise<number> {
  for (let i = 0; i < movement.newPupils.length; i += 200) await trx.insertInto('pupil').values(movement.newPupils.slice(i, i + 200).map((p) => personRow(p, at))).execute();
  if (movement.newParents.length) await trx.insertInto('parent').values(movement.newParents.map((p) => personRow(p, at))).execute();
  if (movement.newLinks.length) await trx.insertInto('pupilParent').values(movement.newLinks.map((l) => ({ ...l, isLegalRepresentative: 1 }))).execute();
  const created = new Set(movement.newPupils.map((p) => p.id));
  for (const o of movement.orders) {
    const year = await yearForOrder(trx, o.orderDate);
    if (!year) throw new Error(`demo order of ${o.orderDate} falls in no academic year`);
    await insertDraft(
      trx,
      { id: o.id, yearId: year.id, type: o.type, orderDate: o.orderDate, title: o.title, basis: o.basis, signatoryPosition: 'Директор', signatoryName: signatory, createdBy: 'Демонстрационные данные' },
      o.items.map((i) => ({ ...i, createdPupil: created.has(i.pupilId) && o.type === 'enroll' })),
      at,
    );
    await signWithin(trx, o.id, { numberText: null, signedBy: 'Демонстрационные данные', audit: noAudit });
  }
  return movement.orders.length;
}
