import { formatRu } from '../../../src-shared/domain/calendar/dates';
import { conflict } from './common';
import { activeEffects, markEffectReverted, orderOfItemText, undo } from './repo/effects';
import { annulEntry } from './repo/register';
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
  const effects = await activeEffects(db, orderId);
  const out: RevertedChange[] = [];
  for (const e of effects) {
    const data = JSON.parse(e.data) as Record<string, unknown>;
    const who = describeItem(e.itemId);
    switch (e.kind) {
      case 'membershipInsert': {
        const row = await undo.membershipRow(db, e.targetId);
        if (row?.endDate) {
          throw conflict(
            `${who}: после этого приказа обучающийся выбыл из класса ${(await undo.className(db, row.classId)) ?? ''} с ${formatRu(row.endDate)} (${await orderOfItemText(db, row.endOrderItemId)}) — сначала отмените тот приказ`,
          );
        }
        if (row) await undo.deleteMembership(db, e.targetId);
        out.push({ itemId: e.itemId, pupilId: (data.pupilId as string) ?? null, kind: 'left', classId: data.classId as string });
        break;
      }
      case 'membershipEnd': {
        const row = await undo.membershipRow(db, e.targetId);
        if (!row || row.endDate !== data.endDate || row.endOrderItemId !== e.itemId) {
          throw conflict(`${who}: запись о пребывании в классе изменена после этого приказа — обновите книгу движения и проверьте более поздние приказы`);
        }
        const overlapping = await undo.laterMembership(db, row.pupilId, row.id, row.endDate as string);
        if (overlapping) {
          throw conflict(
            `${who}: с ${formatRu(overlapping.startDate)} обучающийся числится в классе ${(await undo.className(db, overlapping.classId)) ?? ''} (${await orderOfItemText(db, overlapping.orderItemId)}) — сначала отмените тот приказ`,
          );
        }
        await undo.reopenMembership(db, row.id);
        out.push({ itemId: e.itemId, pupilId: row.pupilId, kind: 'returned', classId: row.classId });
        break;
      }
      case 'subgroupInsert':
        await undo.deleteSubgroupMember(db, e.targetId);
        break;
      case 'subgroupEnd': {
        const row = await undo.subgroupMember(db, e.targetId);
        if (row && row.endDate === data.endDate) await undo.setSubgroupMemberEnd(db, row.id, (data.before as string | null) ?? null);
        break;
      }
      case 'subgroupDelete': {
        const row = data.row as { id: string; subgroupId: string; pupilId: string; startDate: string; endDate: string | null };
        if (await undo.subgroupExists(db, row.subgroupId)) await undo.insertSubgroupMember(db, row);
        break;
      }
      case 'registerAssign': {
        await annulEntry(db, e.targetId, annulReason, at);
        // The card loses the numbers only if they are still the ones signing put there.
        if (data.onCard && data.pupilId) {
          const card = await undo.pupilNumbers(db, data.pupilId as string);
          if (card && card.alphabetBookNumber === String(data.number) && card.personalFileNumber === data.personalFileNumber) {
            await undo.clearPupilNumbers(db, data.pupilId as string, Number(card.version) + 1, at);
          }
        }
        out.push({ itemId: e.itemId, pupilId: (data.pupilId as string) ?? null, kind: 'annulled' });
        break;
      }
      default:
        throw conflict(`Неизвестная запись журнала приказа «${e.kind}»`);
    }
    await markEffectReverted(db, e.id, at);
  }
  return out;
}
