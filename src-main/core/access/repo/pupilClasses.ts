import { schoolToday } from '../../foundation/clock';
import type { Executor } from '../../foundation/executor';
import { validOn } from '../../foundation/validOn';

/** Class ids a pupil is in today (dated membership: from start_date until the day before end_date). */
export async function currentClassIdsOfPupils(db: Executor, pupilIds: readonly string[], today = schoolToday()): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (pupilIds.length === 0) return out;
  const rows = await db
    .selectFrom('classMembership')
    .select(['pupilId', 'classId'])
    .where('pupilId', 'in', [...pupilIds])
    .where(validOn(null, today))
    .execute();
  for (const r of rows) out.set(r.pupilId, r.classId);
  return out;
}

/** The pupils a parent is linked to (the row scope of a parent's card follows them). */
export async function childIdsOfParent(db: Executor, parentId: string): Promise<string[]> {
  return (await db.selectFrom('pupilParent').select('pupilId').where('parentId', '=', parentId).execute()).map((c) => c.pupilId);
}
