import type { ProductionYearInput, ProductionYearView } from '../../../../src-shared/contract/productionCalendar';
import { dateRange, daysInMonth, formatIsoDate, weekday } from '../../../../src-shared/domain/calendar/dates';
import {
  ProductionCalendarError,
  loadProductionCalendar,
  type ProductionYear,
} from '../../../../src-shared/domain/calendar/productionCalendar';
import { productionCalendarWarnings, type ProductionCalendarWarning } from '../../../../src-shared/domain/schoolSetup/productionWarnings';
import type { HandlerContext } from '../../foundation/context';
import { deleteStoredYear, insertStoredYear, loadEffectiveProductionCalendar, shippedYears, storedYearRow, storedYears, updateStoredYear } from '../repo/productionCalendar';
import type { Executor } from '../../foundation/executor';
import { nowIso, schoolToday } from '../../foundation/clock';
import { expectVersion, refusal, refusalOf, stale } from '../../foundation/refusals';
import { emitChanged } from '../../foundation/events';

const RECORD = 'Производственный календарь';

function workingDaysByMonth(y: Pick<ProductionYear, 'year' | 'holidays' | 'daysOff' | 'workingWeekends'>): number[] {
  const off = new Set([...y.holidays, ...y.daysOff]);
  const working = new Set(y.workingWeekends);
  const out: number[] = [];
  for (let m = 1; m <= 12; m++) {
    const days = dateRange(formatIsoDate(y.year, m, 1), formatIsoDate(y.year, m, daysInMonth(y.year, m)));
    out.push(days.filter((d) => !off.has(d) && (working.has(d) || weekday(d) <= 5)).length);
  }
  return out;
}

function view(y: ProductionYear, origin: 'shipped' | 'database', version: number, updatedAt: string | null): ProductionYearView {
  return {
    year: y.year,
    status: y.status,
    source: y.source,
    holidays: [...y.holidays],
    daysOff: [...y.daysOff],
    workingWeekends: [...y.workingWeekends],
    shortDays: [...y.shortDays],
    transfers: y.transfers.map((t) => ({ ...t })),
    workingDays: workingDaysByMonth(y),
    origin,
    shipped: shippedYears().has(y.year),
    version,
    updatedAt,
  };
}

export async function listProductionYears(ctx: HandlerContext): Promise<{ years: ProductionYearView[] }> {
  const stored = await storedYears(ctx.core.db, ctx.core.logger);
  const years = new Set([...shippedYears().keys(), ...stored.keys()]);
  return {
    years: [...years]
      .sort((a, b) => a - b)
      .map((y) => {
        const s = stored.get(y);
        return s ? view(s.year, 'database', s.version, s.updatedAt) : view(shippedYears().get(y) as ProductionYear, 'shipped', 0, null);
      }),
  };
}

/** Validates years with the same rules as the shipped file; the Russian problems name year and field. */
function validate(years: unknown[]): ProductionYear[] {
  try {
    const cal = loadProductionCalendar({ years });
    return [...cal.years.values()];
  } catch (err) {
    if (err instanceof ProductionCalendarError) throw refusalOf(RECORD, err.problems);
    throw err;
  }
}

async function upsert(db: Executor, y: ProductionYear, by: string | null, expectedVersion: number | null): Promise<{ action: string; version: number }> {
  const row = await storedYearRow(db, y.year);
  const at = nowIso();
  if (!row) {
    if (expectedVersion !== null && expectedVersion !== 0) throw stale(`${RECORD} на ${y.year} год`, 0);
    await insertStoredYear(db, y, at, by);
    return { action: 'create', version: 1 };
  }
  if (expectedVersion !== null) expectVersion(row, expectedVersion, `${RECORD} на ${y.year} год`);
  if (!(await updateStoredYear(db, y, row.version, at, by))) throw stale(`${RECORD} на ${y.year} год`, row.version + 1);
  return { action: 'update', version: row.version + 1 };
}

/** Accepts the shipped format `{ years: [...] }`, a list of years or one year object. */
function yearsOfFile(text: string): unknown[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw refusal(`${RECORD}: файл не является JSON (${String((err as Error).message).slice(0, 120)})`);
  }
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object' && Array.isArray((data as { years?: unknown }).years)) return (data as { years: unknown[] }).years;
  if (data && typeof data === 'object' && 'year' in data) return [data];
  throw refusal(`${RECORD}: ожидается объект с полем years (как в поставляемом файле) или описание одного года`);
}

export async function importProductionCalendar(ctx: HandlerContext, text: string, fileName?: string): Promise<{ years: number[] }> {
  const raw = yearsOfFile(text);
  if (raw.length === 0) throw refusal(`${RECORD}: в файле нет ни одного года`);
  const years = validate(raw);
  const by = ctx.caller.user?.id ?? null;
  await ctx.core.db.transaction().execute(async (trx) => {
    for (const y of years) {
      const { action } = await upsert(trx, y, by, null);
      await ctx.audit.record(trx, {
        recordId: String(y.year),
        action,
        changes: { status: y.status, source: y.source, holidays: y.holidays.length, daysOff: y.daysOff.length },
        cause: fileName ? `файл ${fileName}` : 'загрузка файла',
      });
    }
  });
  emitChanged(ctx, 'productionCalendar');
  return { years: years.map((y) => y.year) };
}

export async function saveProductionYear(ctx: HandlerContext, input: ProductionYearInput & { year: number }, version: number): Promise<ProductionYearView> {
  const draft = {
    year: input.year,
    status: input.status,
    source: input.source,
    holidays: input.holidays,
    daysOff: input.daysOff,
    workingWeekends: input.workingWeekends,
    shortDays: input.shortDays,
    transfers: input.transfers,
  };
  // The monthly totals are the published cross-check of a file; for a correction made here they are
  // counted from the dates, and the screen shows them next to the official figures.
  const working = workingDaysByMonth(draft);
  const monthlyTotals = {
    working,
    calendarDaysOff: working.map((w, i) => daysInMonth(input.year, i + 1) - w),
  };
  const [checked] = validate([{ ...draft, monthlyTotals }]);
  const before = (await storedYears(ctx.core.db)).get(input.year)?.year ?? shippedYears().get(input.year) ?? null;
  const saved = await ctx.core.db.transaction().execute(async (trx) => {
    const r = await upsert(trx, checked, ctx.caller.user?.id ?? null, version);
    await ctx.audit.record(trx, {
      recordId: String(input.year),
      action: r.action,
      changes: {
        holidays: [before?.holidays ?? [], checked.holidays],
        daysOff: [before?.daysOff ?? [], checked.daysOff],
        workingWeekends: [before?.workingWeekends ?? [], checked.workingWeekends],
        status: [before?.status ?? null, checked.status],
      },
    });
    return r;
  });
  emitChanged(ctx, 'productionCalendar', String(input.year));
  const row = await storedYearRow(ctx.core.db, input.year);
  return view(checked, 'database', saved.version, row?.updatedAt ?? null);
}

export async function resetProductionYear(ctx: HandlerContext, year: number, version: number): Promise<{ deleted: boolean }> {
  const deleted = await ctx.core.db.transaction().execute(async (trx) => {
    const row = await storedYearRow(trx, year);
    if (!row) return false;
    expectVersion(row, version, `${RECORD} на ${year} год`);
    await deleteStoredYear(trx, year);
    await ctx.audit.record(trx, { recordId: String(year), action: 'delete', changes: { shippedRestored: shippedYears().has(year) } });
    return true;
  });
  if (deleted) emitChanged(ctx, 'productionCalendar', String(year));
  return { deleted };
}

export async function productionWarnings(ctx: HandlerContext, on = schoolToday()): Promise<{ warnings: ProductionCalendarWarning[] }> {
  const cal = await loadEffectiveProductionCalendar(ctx.core.db, ctx.core.logger);
  return { warnings: productionCalendarWarnings(cal, on) };
}
