import type { Selectable } from 'kysely';
import { describeRange } from '../../../../src-shared/domain/schoolSetup/studyPeriods';
import type { AcademicYearTable } from '../../db/schema';
import { notFound, refusal } from '../../foundation/refusals';
import type { Executor } from '../../foundation/executor';

/** Shared habits of the school set-up services: academic years as the frame of every write. */

export type YearRow = Selectable<AcademicYearTable>;

export async function findYear(db: Executor, id: string): Promise<YearRow | undefined> {
  return db.selectFrom('academicYear').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The year of a write: it must exist and be open (closed years are read-only). */
export async function writableYear(db: Executor, id: string): Promise<YearRow> {
  const year = await findYear(db, id);
  if (!year) throw notFound('Учебный год');
  if (year.isClosed === 1) {
    throw refusal(`Учебный год ${year.name} закрыт: его данные только для чтения. Администратор может открыть год заново`);
  }
  return year;
}

export function yearBounds(year: YearRow): { name: string; startDate: string; endDate: string } {
  return { name: year.name, startDate: year.startDate, endDate: year.endDate };
}

export function describeYear(year: YearRow): string {
  return `${year.name} (${describeRange(year.startDate, year.endDate)})`;
}

