import type { Executor } from '../../../foundation/executor';

/** What an aSc import into an empty year matches against: the school's subjects, rooms and staff, and whether the year has classes or bells. */
export async function ascSetupRows(db: Executor, yearId: string) {
  const [subjects, rooms, staff, someClass, someBells] = await Promise.all([
    db.selectFrom('subject').select(['id', 'name', 'shortName']).execute(),
    db.selectFrom('room').select(['id', 'number', 'name']).execute(),
    db.selectFrom('staff').select(['id', 'lastName', 'firstName', 'middleName']).execute(),
    db.selectFrom('schoolClass').select('id').where('academicYearId', '=', yearId).executeTakeFirst(),
    db.selectFrom('bellSchedule').select('id').where('academicYearId', '=', yearId).executeTakeFirst(),
  ]);
  return { subjects, rooms, staff, hasClasses: Boolean(someClass), hasBells: Boolean(someBells) };
}

export type AscSetupRows = Awaited<ReturnType<typeof ascSetupRows>>;
