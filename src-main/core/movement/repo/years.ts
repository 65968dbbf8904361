import type { Selectable } from 'kysely';
import type { AcademicYearTable, MovementOrderTable } from '../../db/schema';
import type { Executor } from '../../foundation/executor';

/** The years and classes the movement book numbers and checks its orders against. */

export type YearRow = Selectable<AcademicYearTable>;
export type OrderRowDb = Selectable<MovementOrderTable>;

/** The academic year whose dates contain `date`, or undefined. */
export async function yearOfDate(db: Executor, date: string): Promise<YearRow | undefined> {
  return db.selectFrom('academicYear').selectAll().where('startDate', '<=', date).where('endDate', '>=', date).orderBy('startDate', 'desc').executeTakeFirst();
}

/** Every year, oldest first. */
export async function allYears(db: Executor): Promise<YearRow[]> {
  return db.selectFrom('academicYear').selectAll().orderBy('startDate').execute();
}

export interface ClassInfo {
  id: string;
  name: string;
  grade: number;
  academicYearId: string;
  yearName: string;
  yearStart: string;
  yearEnd: string;
  yearClosed: boolean;
  classTeacherId: string | null;
}

export async function classInfo(db: Executor, classIds: readonly (string | null)[]): Promise<Map<string, ClassInfo>> {
  const ids = [...new Set(classIds.filter((c): c is string => Boolean(c)))];
  const out = new Map<string, ClassInfo>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('schoolClass as c')
      .innerJoin('academicYear as y', 'y.id', 'c.academicYearId')
      .select(['c.id', 'c.name', 'c.grade', 'c.academicYearId', 'c.classTeacherId', 'y.name as yearName', 'y.startDate', 'y.endDate', 'y.isClosed'])
      .where('c.id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      out.set(r.id, {
        id: r.id,
        name: r.name,
        grade: Number(r.grade),
        academicYearId: r.academicYearId,
        yearName: r.yearName,
        yearStart: r.startDate,
        yearEnd: r.endDate,
        yearClosed: Number(r.isClosed) === 1,
        classTeacherId: r.classTeacherId,
      });
    }
  }
  return out;
}
