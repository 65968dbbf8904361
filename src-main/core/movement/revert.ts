import { formatRu } from '../../../src-shared/domain/calendar/dates';
import { conflict } from './common';
import { orderOfItemText } from './repo/effects';
import type { Executor } from '../foundation/executor';

/**
 * Cancelling a signed order: its journal is undone backwards, and only if nothing signed later
 * stands on it (a pupil enrolled by this order and transferred by a later one keeps the later order
 * in force, so this one cannot go first). A refusal leaves everything as it was.
 */
export interface RevertedChange {
  itemId: string | null;
  pupilId: string | null;
  kind: string;
  classId?: string;
}

export async function revertOrder(db: Executor, orderId: string, annulReason: string, at: string, describeItem: (itemId: string | null) => string): Promise<RevertedChange[]> {
  const effects = await db.selectFrom('movementEffect').selectAll().where('orderId', '=', orderId).where('revertedAt', 'is', null).orderBy('seq', 'desc').execute();
  const out: RevertedChange[] = [];
  for (const e of effects) {
    const data = JSON.parse(e.data) as Record<string, unknown>;
    const who = describeItem(e.itemId);
    switch (e.kind) {
      case 'membershipInsert': {
        const row = await db.selectFrom('classMembership').selectAll().where('id', '=', e.targetId).executeTakeFirst();
        if (row?.endDate) {
          const cls = await db.selectFrom('schoolClass').select('name').where('id', '=', row.classId).executeTakeFirst();
          throw conflict(
            `${who}: после этого приказа обучающийся выбыл из класса ${cls?.name ?? ''} с ${formatRu(row.endDate)} (${await orderOfItemText(db, row.endOrderItemId)}) — сначала отмените тот приказ`,
          );
        }
        if (row) await db.deleteFrom('classMembership').where('id', '=', e.targetId).execute();
        out.push({ itemId: e.itemId, pupilId: (data.pupilId as string) ?? null, kind: 'left', classId: data.classId as string });
        break;
      }
      case 'membershipEnd': {
        const row = await db.selectFrom('classMembership').selectAll().where('id', '=', e.targetId).executeTakeFirst();
        if (!row || row.endDate !== data.endDate || row.endOrderItemId !== e.itemId) {
          throw conflict(`${who}: запись о пребывании в классе изменена после этого приказа — обновите книгу движения и проверьте более поздние приказы`);
        }
        const overlapping = await db
          .selectFrom('classMembership')
          .selectAll()
          .where('pupilId', '=', row.pupilId)
          .where('id', '!=', row.id)
          .where((eb) => eb.or([eb('endDate', 'is', null), eb('endDate', '>', row.endDate as string)]))
          .orderBy('startDate')
          .executeTakeFirst();
        if (overlapping) {
          const cls = await db.selectFrom('schoolClass').select('name').where('id', '=', overlapping.classId).executeTakeFirst();
          throw conflict(
            `${who}: с ${formatRu(overlapping.startDate)} обучающийся числится в классе ${cls?.name ?? ''} (${await orderOfItemText(db, overlapping.orderItemId)}) — сначала отмените тот приказ`,
          );
        }
        await db.updateTable('classMembership').set({ endDate: null, endOrderItemId: null }).where('id', '=', row.id).execute();
        out.push({ itemId: e.itemId, pupilId: row.pupilId, kind: 'returned', classId: row.classId });
        break;
      }
      case 'subgroupInsert':
        await db.deleteFrom('subgroupMember').where('id', '=', e.targetId).execute();
        break;
      case 'subgroupEnd': {
        const row = await db.selectFrom('subgroupMember').select(['id', 'endDate']).where('id', '=', e.targetId).executeTakeFirst();
        if (row && row.endDate === data.endDate) {
          await db.updateTable('subgroupMember').set({ endDate: (data.before as string | null) ?? null }).where('id', '=', row.id).execute();
        }
        break;
      }
      case 'subgroupDelete': {
        const row = data.row as { id: string; subgroupId: string; pupilId: string; startDate: string; endDate: string | null };
        const still = await db.selectFrom('subgroup').select('id').where('id', '=', row.subgroupId).executeTakeFirst();
        if (still) await db.insertInto('subgroupMember').values(row).execute();
        break;
      }
      case 'registerAssign': {
        await db.updateTable('alphabetBookEntry').set({ status: 'annulled', annulledAt: at, annulReason }).where('id', '=', e.targetId).execute();
        // The card loses the numbers only if they are still the ones signing put there.
        if (data.onCard && data.pupilId) {
          const card = await db.selectFrom('pupil').select(['alphabetBookNumber', 'personalFileNumber', 'version']).where('id', '=', data.pupilId as string).executeTakeFirst();
          if (card && card.alphabetBookNumber === String(data.number) && card.personalFileNumber === data.personalFileNumber) {
            await db.updateTable('pupil').set({ alphabetBookNumber: null, personalFileNumber: null, version: Number(card.version) + 1, updatedAt: at }).where('id', '=', data.pupilId as string).execute();
          }
        }
        out.push({ itemId: e.itemId, pupilId: (data.pupilId as string) ?? null, kind: 'annulled' });
        break;
      }
      default:
        throw conflict(`Неизвестная запись журнала приказа «${e.kind}»`);
    }
    await db.updateTable('movementEffect').set({ revertedAt: at }).where('id', '=', e.id).execute();
  }
  return out;
}
