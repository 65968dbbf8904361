import { expect } from 'vitest';
import { newId } from '../../../src-shared/domain/ids';
import { searchKey } from '../../../src-shared/domain/names';
import { AppError } from '../../../src-shared/errors';
import type { TestCore } from '../../helpers/testDb';

/** The 2026/2027 year of the issue, made through the API as the administrator would. */
export const YEAR_2026 = { name: '2026/2027', startDate: '2026-09-01', endDate: '2027-05-26' };

export const QUARTERS = [
  { name: '1 четверть', startDate: '2026-09-01', endDate: '2026-10-23' },
  { name: '2 четверть', startDate: '2026-11-02', endDate: '2026-12-30' },
  { name: '3 четверть', startDate: '2027-01-12', endDate: '2027-03-26' },
  { name: '4 четверть', startDate: '2027-04-05', endDate: '2027-05-26' },
];

export const HOLIDAYS = [
  { kind: 'holiday' as const, name: 'Осенние каникулы', startDate: '2026-10-24', endDate: '2026-11-01' },
  { kind: 'holiday' as const, name: 'Зимние каникулы', startDate: '2026-12-31', endDate: '2027-01-11' },
  { kind: 'holiday' as const, name: 'Дополнительные каникулы', startDate: '2027-02-13', endDate: '2027-02-21', grades: [1] },
  { kind: 'holiday' as const, name: 'Весенние каникулы', startDate: '2027-03-27', endDate: '2027-04-04' },
];

export async function createYear(t: TestCore, year = YEAR_2026, weekLengthByGrade: Record<string, 5 | 6> = { '10': 6, '11': 6 }) {
  return t.client.call('setup.years.save', { id: null, version: 0, year: { ...year, weekLength: 5, weekLengthByGrade } });
}

export async function addHolidays(t: TestCore, yearId: string) {
  for (const entry of HOLIDAYS) await t.client.call('calendar.entries.save', { yearId, id: null, version: 0, entry });
}

/** Staff cards written straight into the table: the people issue owns their editor. */
export async function addStaff(t: TestCore, names: [string, string, string][]): Promise<string[]> {
  const at = new Date().toISOString();
  const ids: string[] = [];
  for (const [lastName, firstName, middleName] of names) {
    const id = newId();
    await t.core.db
      .insertInto('staff')
      .values({ id, lastName, firstName, middleName, sex: 'Ж', birthDate: null, snils: null, searchKey: searchKey(lastName, firstName, middleName), position: 'Учитель', version: 1, createdAt: at, updatedAt: at })
      .execute();
    ids.push(id);
  }
  return ids;
}

/** Calls that must be refused: returns the AppError for message checks. */
export async function refused(p: Promise<unknown>, code = 'VALIDATION'): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, 'the call should have been refused').toBeInstanceOf(AppError);
  expect((err as AppError).code, (err as AppError).message).toBe(code);
  return err as AppError;
}

export async function auditCount(t: TestCore): Promise<number> {
  return (await t.core.db.selectFrom('auditLog').select('seq').execute()).length;
}
