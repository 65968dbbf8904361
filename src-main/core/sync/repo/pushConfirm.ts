import type { Executor } from '../../foundation/executor';

/**
 * People a pull found in the portal confirm the push files that carried them: their items are
 * confirmed, and a file whose items are all confirmed becomes «подтверждён».
 */
export async function confirmPushes(trx: Executor, found: { kind: string; id: string }[], now: string): Promise<number> {
  if (found.length === 0) return 0;
  const open = await trx
    .selectFrom('portalExchangeItem as i')
    .innerJoin('portalExchange as e', 'e.id', 'i.exchangeId')
    .select(['i.exchangeId', 'i.personKind', 'i.personId'])
    .where('e.status', '=', 'imported')
    .where('i.confirmedAt', 'is', null)
    .execute();
  if (open.length === 0) return 0;
  const seen = new Set(found.map((f) => `${f.kind}|${f.id}`));
  const touched = new Set<string>();
  for (const i of open) {
    if (!seen.has(`${i.personKind}|${i.personId}`)) continue;
    await trx.updateTable('portalExchangeItem').set({ confirmedAt: now }).where('exchangeId', '=', i.exchangeId).where('personKind', '=', i.personKind).where('personId', '=', i.personId).execute();
    touched.add(i.exchangeId);
  }
  let confirmed = 0;
  for (const id of touched) {
    // Parents go into the portal with their child (the movement-book import): a found child confirms them.
    const pupils = await trx.selectFrom('portalExchangeItem').select('personId').where('exchangeId', '=', id).where('personKind', '=', 'pupil').where('confirmedAt', 'is not', null).execute();
    if (pupils.length > 0) {
      const parents = await trx.selectFrom('pupilParent').select('parentId').where('pupilId', 'in', pupils.map((p) => p.personId)).execute();
      if (parents.length > 0) {
        await trx.updateTable('portalExchangeItem').set({ confirmedAt: now }).where('exchangeId', '=', id).where('personKind', '=', 'parent').where('confirmedAt', 'is', null).where('personId', 'in', parents.map((p) => p.parentId)).execute();
      }
    }
    const left = await trx.selectFrom('portalExchangeItem').select('personId').where('exchangeId', '=', id).where('confirmedAt', 'is', null).executeTakeFirst();
    if (!left) {
      await trx.updateTable('portalExchange').set({ status: 'confirmed', finishedAt: now }).where('id', '=', id).execute();
      confirmed++;
    }
  }
  return confirmed;
}
