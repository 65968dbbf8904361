import type { Insertable, Selectable } from 'kysely';
import type { CalendarEntry, DayTransfer, SchoolEvent } from '../../../../src-shared/contract/calendar';
import { shortName } from '../../../../src-shared/domain/names';
import { decodeGradeScope } from '../../../../src-shared/domain/schoolSetup/gradeScope';
import type { CalendarEntryTable, DayTransferTable, SchoolEventTable } from '../../db/schema';
import type { Executor } from '../../foundation/executor';

/** The school's own calendar records of a year as stored: holidays and days off, events, day transfers. */

type Values<T> = Omit<Insertable<T>, 'id' | 'academicYearId' | 'version'>;
type Table = 'calendarEntry' | 'schoolEvent' | 'dayTransfer';

export function entryDto(r: Selectable<CalendarEntryTable>): CalendarEntry {
  return {
    id: r.id,
    yearId: r.academicYearId,
    kind: r.kind === 'dayOff' ? 'dayOff' : 'holiday',
    name: r.name,
    startDate: r.startDate,
    endDate: r.endDate,
    grades: decodeGradeScope(r.grades),
    note: r.note,
    version: r.version,
  };
}

export function transferDto(r: Selectable<DayTransferTable>): DayTransfer {
  return {
    id: r.id,
    yearId: r.academicYearId,
    date: r.date,
    worksAs: r.worksAs,
    dayOff: r.dayOffDate,
    grades: decodeGradeScope(r.grades),
    reason: r.reason,
    orderRef: r.orderRef,
    version: r.version,
  };
}

export async function listEntries(db: Executor, yearId: string): Promise<CalendarEntry[]> {
  const rows = await db.selectFrom('calendarEntry').selectAll().where('academicYearId', '=', yearId).orderBy('startDate').execute();
  return rows.map(entryDto);
}

export async function listTransfers(db: Executor, yearId: string): Promise<DayTransfer[]> {
  const rows = await db.selectFrom('dayTransfer').selectAll().where('academicYearId', '=', yearId).orderBy('date').execute();
  return rows.map(transferDto);
}

export async function listEvents(db: Executor, yearId: string, id?: string): Promise<SchoolEvent[]> {
  let q = db
    .selectFrom('schoolEvent')
    .leftJoin('schoolClass', 'schoolClass.id', 'schoolEvent.classId')
    .leftJoin('staff', 'staff.id', 'schoolEvent.responsibleStaffId')
    .selectAll('schoolEvent')
    .select(['schoolClass.name as className', 'staff.lastName', 'staff.firstName', 'staff.middleName'])
    .where('schoolEvent.academicYearId', '=', yearId);
  if (id) q = q.where('schoolEvent.id', '=', id);
  const rows = await q.orderBy('schoolEvent.date').orderBy('schoolEvent.startTime').execute();
  return rows.map((r) => ({
    id: r.id,
    yearId: r.academicYearId,
    title: r.title,
    date: r.date,
    startTime: r.startTime,
    endTime: r.endTime,
    place: r.place,
    classId: r.classId,
    className: r.className ?? null,
    responsibleStaffId: r.responsibleStaffId,
    responsibleName: r.lastName ? shortName({ lastName: r.lastName, firstName: r.firstName ?? '', middleName: r.middleName }) : null,
    description: r.description,
    version: r.version,
  }));
}

export async function findEntry(db: Executor, id: string): Promise<Selectable<CalendarEntryTable> | undefined> {
  return db.selectFrom('calendarEntry').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findEvent(db: Executor, id: string): Promise<Selectable<SchoolEventTable> | undefined> {
  return db.selectFrom('schoolEvent').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findTransfer(db: Executor, id: string): Promise<Selectable<DayTransferTable> | undefined> {
  return db.selectFrom('dayTransfer').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertEntry(db: Executor, id: string, yearId: string, values: Values<CalendarEntryTable>): Promise<void> {
  await db.insertInto('calendarEntry').values({ id, academicYearId: yearId, ...values, version: 1 }).execute();
}

export async function insertEvent(db: Executor, id: string, yearId: string, values: Values<SchoolEventTable>): Promise<void> {
  await db.insertInto('schoolEvent').values({ id, academicYearId: yearId, ...values, version: 1 }).execute();
}

export async function insertTransfer(db: Executor, id: string, yearId: string, values: Values<DayTransferTable>): Promise<void> {
  await db.insertInto('dayTransfer').values({ id, academicYearId: yearId, ...values, version: 1 }).execute();
}

export async function updateEntry(db: Executor, id: string, values: Values<CalendarEntryTable>, version: number): Promise<void> {
  await db.updateTable('calendarEntry').set({ ...values, version: version + 1 }).where('id', '=', id).where('version', '=', version).execute();
}

export async function updateEvent(db: Executor, id: string, values: Values<SchoolEventTable>, version: number): Promise<void> {
  await db.updateTable('schoolEvent').set({ ...values, version: version + 1 }).where('id', '=', id).where('version', '=', version).execute();
}

export async function updateTransfer(db: Executor, id: string, values: Values<DayTransferTable>, version: number): Promise<void> {
  await db.updateTable('dayTransfer').set({ ...values, version: version + 1 }).where('id', '=', id).where('version', '=', version).execute();
}

export async function deleteCalendarRecord(db: Executor, table: Table, id: string): Promise<void> {
  await db.deleteFrom(table).where('id', '=', id).execute();
}

/** The year of a class, to check that an event's class belongs to the event's year. */
export async function yearOfClass(db: Executor, classId: string): Promise<string | undefined> {
  return (await db.selectFrom('schoolClass').select(['academicYearId']).where('id', '=', classId).executeTakeFirst())?.academicYearId;
}
