import type { PeriodScheme } from '../../../../src-shared/contract/years';
import { newId } from '../../../../src-shared/domain/ids';
import { PERIOD_KINDS, type PeriodKind } from '../../../../src-shared/domain/schoolSetup/studyPeriods';
import type { Executor } from '../../foundation/executor';

/** Study period schemes of a year (which grades, which periods), as stored. */

type SchemeParts = { name: string; kind: string; grades: readonly number[]; periods: readonly { name: string; startDate: string; endDate: string }[] };

export async function listSchemes(db: Executor, yearId: string): Promise<PeriodScheme[]> {
  const schemes = await db.selectFrom('studyPeriodScheme').selectAll().where('academicYearId', '=', yearId).execute();
  if (schemes.length === 0) return [];
  const ids = schemes.map((s) => s.id);
  const [grades, periods] = await Promise.all([
    db.selectFrom('studyPeriodSchemeGrade').selectAll().where('schemeId', 'in', ids).orderBy('grade').execute(),
    db.selectFrom('studyPeriod').selectAll().where('schemeId', 'in', ids).orderBy('ordinal').execute(),
  ]);
  return schemes
    .map((s) => ({
      id: s.id,
      yearId: s.academicYearId,
      name: s.name,
      kind: (s.kind in PERIOD_KINDS ? s.kind : 'year') as PeriodKind,
      grades: grades.filter((g) => g.schemeId === s.id).map((g) => g.grade),
      periods: periods
        .filter((p) => p.schemeId === s.id)
        .map((p) => ({ id: p.id, ordinal: p.ordinal, name: p.name, startDate: p.startDate, endDate: p.endDate })),
      version: s.version,
    }))
    .sort((a, b) => (a.grades[0] ?? 99) - (b.grades[0] ?? 99));
}

export async function findSchemeRow(db: Executor, id: string) {
  return db.selectFrom('studyPeriodScheme').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Writes a scheme whole: its row (new when `version` is null, else the update of that version), then
 * its grades and its periods numbered by start date.
 */
export async function writeScheme(db: Executor, id: string, yearId: string, s: SchemeParts, version: number | null, at: string): Promise<void> {
  if (version === null) {
    await db.insertInto('studyPeriodScheme').values({ id, academicYearId: yearId, name: s.name, kind: s.kind, version: 1, updatedAt: at }).execute();
  } else {
    await db.updateTable('studyPeriodScheme').set({ name: s.name, kind: s.kind, version: version + 1, updatedAt: at }).where('id', '=', id).where('version', '=', version).execute();
    await db.deleteFrom('studyPeriodSchemeGrade').where('schemeId', '=', id).execute();
    await db.deleteFrom('studyPeriod').where('schemeId', '=', id).execute();
  }
  await db.insertInto('studyPeriodSchemeGrade').values(s.grades.map((grade) => ({ schemeId: id, academicYearId: yearId, grade }))).execute();
  const sorted = [...s.periods].sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
  await db
    .insertInto('studyPeriod')
    .values(sorted.map((p, i) => ({ id: newId(), schemeId: id, ordinal: i + 1, name: p.name, startDate: p.startDate, endDate: p.endDate })))
    .execute();
}

export async function deleteSchemeRows(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('studyPeriod').where('schemeId', '=', id).execute();
  await db.deleteFrom('studyPeriodSchemeGrade').where('schemeId', '=', id).execute();
  await db.deleteFrom('studyPeriodScheme').where('id', '=', id).execute();
}
