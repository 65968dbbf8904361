import { addDays } from '../../../src-shared/domain/calendar/dates';
import { schoolToday } from '../../../src-main/core/foundation/clock';
import type { ApiClient } from '../../../src-shared/transport';
import type { TestCore } from '../../helpers/testDb';
import { createSignedInUser } from '../../helpers/accessHelpers';
import { seedSchool, type SchoolFixture } from '../access/schoolFixture';

/**
 * A school for the deadline monitor's tests: the fixture school (2025/2026, classes 5А and 5Б with
 * their class teachers), the fixed year 2026/2027 with class 1А led by 5А's teacher, the academic
 * year around today (the same year while today is in 2026/2027), and signed-in users of the roles
 * the work order names.
 */
export interface DeadlineSchool {
  fx: SchoolFixture;
  year2026: string;
  class1A: string;
  /** The year holding today and the next month (for «late» and «this week», which follow the clock). */
  currentYear: string;
  currentClass: string;
  today: string;
  users: Record<'deputy' | 'secretary' | 'director' | 'classTeacher' | 'admin', ApiClient>;
}

async function year(client: ApiClient, name: string, startDate: string, endDate: string): Promise<string> {
  return (await client.call('setup.years.save', { id: null, version: 0, year: { name, startDate, endDate } })).id;
}

async function klass(client: ApiClient, yearId: string, grade: number, letter: string, classTeacherId: string): Promise<string> {
  return (await client.call('setup.classes.save', { yearId, id: null, version: 0, cls: { grade, letter, classTeacherId } })).cls.id;
}

export async function deadlineSchool(t: TestCore): Promise<DeadlineSchool> {
  const fx = await seedSchool(t.core.db);
  const today = schoolToday();
  const year2026 = await year(t.client, '2026/2027', '2026-09-01', '2027-08-31');
  const class1A = await klass(t.client, year2026, 1, 'А', fx.teacher5A);
  let currentYear = year2026;
  let currentClass = class1A;
  if (!(today >= '2026-09-01' && addDays(today, 40) <= '2027-08-31')) {
    const start = `${Number(today.slice(0, 4)) - (today.slice(5) < '09-01' ? 1 : 0)}-09-01`;
    const y = Number(start.slice(0, 4));
    currentYear = await year(t.client, `${y}/${y + 1}`, start, `${y + 1}-08-31`);
    currentClass = await klass(t.client, currentYear, 5, 'В', fx.teacher5A);
  }
  const users = {} as DeadlineSchool['users'];
  for (const role of ['deputy', 'secretary', 'director', 'classTeacher', 'admin'] as const) {
    users[role] = (await createSignedInUser(t, { login: `dl-${role}`, fullName: `Тестовый ${role}`, roles: [role], staffId: role === 'classTeacher' ? fx.teacher5A : null })).client;
  }
  return { fx, year2026, class1A, currentYear, currentClass, today, users };
}
