import { afterAll, beforeAll, expect, it } from 'vitest';
import { changeCounts, installChangeCounters, tablesWritten } from '../../helpers/changeCounter';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

/**
 * The rights matrix trusts these counters to prove that a refused call wrote nothing: they must see an
 * insert, an update that puts back the same value, and a delete — and nothing when nothing is written.
 */
describeEachDb('change counters of the test database', (kind) => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore(kind);
    await installChangeCounters(t);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('count inserts, same-value updates and deletes per table, and stay still on reads', async () => {
    const start = await changeCounts(t);
    await t.client.call('setup.years.list');
    expect(tablesWritten(start, await changeCounts(t))).toEqual([]);

    await t.core.db.insertInto('auditLog').values({ id: 'cc-1', at: new Date().toISOString(), userId: null, userName: null, transport: 'in-process', method: 'test', entity: 'test', recordId: null, action: 'create', changes: null, cause: 'проверка' }).execute();
    const afterInsert = await changeCounts(t);
    expect(tablesWritten(start, afterInsert)).toEqual(['audit_log']);

    await t.core.db.updateTable('auditLog').set({ cause: 'проверка' }).where('id', '=', 'cc-1').execute();
    const afterUpdate = await changeCounts(t);
    expect(tablesWritten(afterInsert, afterUpdate)).toEqual(['audit_log']);

    await t.core.db.deleteFrom('auditLog').where('id', '=', 'cc-1').execute();
    expect(tablesWritten(afterUpdate, await changeCounts(t))).toEqual(['audit_log']);
  });
});
