import { newId } from '../../../src-shared/domain/ids';
import type { TestCore } from '../../helpers/testDb';

/** The current academic year 2026/2027 every exchange test pulls into. */
export async function insertCurrentYear(t: TestCore): Promise<void> {
  await t.core.db
    .insertInto('academicYear')
    .values({ id: newId(), name: '2026/2027', startDate: '2026-09-01', endDate: '2027-08-31', isCurrent: 1, isClosed: 0, version: 1, updatedAt: new Date().toISOString() })
    .execute();
}
