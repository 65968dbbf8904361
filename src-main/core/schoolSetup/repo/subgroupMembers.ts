import type { Executor } from '../../foundation/executor';
import { validOn } from '../../foundation/validOn';

/** The pupils in the given subgroups on `on`, with the names of their cards. */
export async function subgroupMembersOn(db: Executor, subgroupIds: readonly string[], on: string) {
  if (subgroupIds.length === 0) return [];
  return db
    .selectFrom('subgroupMember as sm')
    .innerJoin('pupil as p', 'p.id', 'sm.pupilId')
    .select(['sm.subgroupId', 'sm.startDate', 'p.id', 'p.lastName', 'p.firstName', 'p.middleName'])
    .where('sm.subgroupId', 'in', [...subgroupIds])
    .where(validOn('sm', on))
    .execute();
}
