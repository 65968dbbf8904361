import { afterAll, beforeAll, expect, it } from 'vitest';
import { todayLocal } from '../../../src-shared/domain/personRules';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { seedReportsSchool } from './reportsFixture';

/**
 * The catalogue shows, beside a report's term, the next due date the deadline monitor computes for
 * it (issue 21 item 1 with issue 20): «Общие сведения» is due on 1 October of each school year
 * (work order §3.10), counted here by hand from the fixture's two years.
 */
describeEachDb('Report catalogue with the deadline monitor', (kind) => {
  let t: TestCore;

  beforeAll(async () => {
    t = await createTestCore(kind);
    await seedReportsSchool(t.client);
    await t.client.call('setup.years.save', { id: null, version: 0, year: { name: '2027/2028', startDate: '2027-09-01', endDate: '2028-08-31' } });
  });
  afterAll(async () => t?.cleanup());

  it('gives «Общие сведения» its next 1 October, a standing report no date, a report without a rule nothing', async () => {
    const today = todayLocal();
    const expected = ['2026-10-01', '2027-10-01'].find((d) => d >= today) ?? null;
    const catalogue = await t.client.call('reports.catalogue', {});
    const general = catalogue.find((e) => e.key === 'pupils-general')!;
    expect(general.deadline).toBeTruthy();
    expect(general.dueDate).toBe(expected);
    expect(general.dueDone).toBe(false);
    // «Наполняемость» is kept up to date all year: a term, no date.
    const occupancy = catalogue.find((e) => e.key === 'occupancy')!;
    expect(occupancy.dueDate).toBeNull();
    // ОО-1 is handed in through the portal; no rule of the monitor names it.
    expect(catalogue.find((e) => e.key === 'oo1')!.dueDate).toBeUndefined();
  });
});
