import shippedFile from '../../../../assets/production-calendar.json';
import {
  loadProductionCalendar,
  type ProductionCalendar,
  type ProductionYear,
} from '../../../../src-shared/domain/calendar/productionCalendar';
import type { Logger } from '../../foundation/logger';
import type { Executor } from '../../foundation/executor';

/**
 * The production calendar the whole core uses: the years shipped in
 * `assets/production-calendar.json`, each replaced by the administrator's copy from the database
 * when there is one (a decree published after the release, a correction). Deadline and report code
 * elsewhere should call `loadEffectiveProductionCalendar` rather than read the file.
 */

const shipped = loadProductionCalendar(shippedFile);

export function shippedYears(): ReadonlyMap<number, ProductionYear> {
  return shipped.years;
}

export interface StoredYear {
  year: ProductionYear;
  version: number;
  updatedAt: string;
}

export async function storedYears(db: Executor, logger?: Logger): Promise<Map<number, StoredYear>> {
  const rows = await db.selectFrom('productionCalendarYear').selectAll().orderBy('year').execute();
  const out = new Map<number, StoredYear>();
  for (const row of rows) {
    try {
      // Each stored year was validated on save; validating again guards against a hand-edited database.
      const cal = loadProductionCalendar({ years: [JSON.parse(row.data)] });
      const year = cal.years.get(row.year);
      if (year) out.set(row.year, { year, version: row.version, updatedAt: row.updatedAt });
    } catch (err) {
      logger?.error('stored production calendar year is invalid, the shipped data is used instead', {
        year: row.year,
        error: String((err as Error)?.message ?? err),
      });
    }
  }
  return out;
}

/** Shipped years overlaid with the stored ones, as plain year objects sorted by year. */
export async function effectiveYears(db: Executor, logger?: Logger): Promise<ProductionYear[]> {
  const merged = new Map(shipped.years);
  for (const [y, s] of await storedYears(db, logger)) merged.set(y, s.year);
  return [...merged.values()].sort((a, b) => a.year - b.year);
}

export async function loadEffectiveProductionCalendar(db: Executor, logger?: Logger): Promise<ProductionCalendar> {
  return loadProductionCalendar({ years: await effectiveYears(db, logger) });
}

/** The stored row of a year (without its data), if the administrator saved one. */
export async function storedYearRow(db: Executor, year: number): Promise<{ version: number; status: string; updatedAt: string } | undefined> {
  return db.selectFrom('productionCalendarYear').select(['version', 'status', 'updatedAt']).where('year', '=', year).executeTakeFirst();
}

export async function insertStoredYear(db: Executor, y: ProductionYear, at: string, by: string | null): Promise<void> {
  await db.insertInto('productionCalendarYear').values({ year: y.year, status: y.status, source: y.source, data: JSON.stringify(y), version: 1, updatedAt: at, updatedBy: by }).execute();
}

/** Returns false when the row's version is no longer `version` (someone saved first). */
export async function updateStoredYear(db: Executor, y: ProductionYear, version: number, at: string, by: string | null): Promise<boolean> {
  const r = await db
    .updateTable('productionCalendarYear')
    .set({ status: y.status, source: y.source, data: JSON.stringify(y), version: version + 1, updatedAt: at, updatedBy: by })
    .where('year', '=', y.year)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteStoredYear(db: Executor, year: number): Promise<void> {
  await db.deleteFrom('productionCalendarYear').where('year', '=', year).execute();
}
