import { timetableOptions, type VersionMeta } from '../../../src-shared/contract/timetableFields';
import { schoolToday } from '../foundation/clock';
import type { HandlerContext } from '../foundation/context';
import { plannedLessons } from '../curriculum/index';
import { findYear } from '../schoolSetup/index';
import { notFound } from '../foundation/refusals';
import { canSeeStatus, timetableScope } from './scope';
import { toMeta } from './versionMeta';
import { findVersion, versionsInForce, versionsOfYear, yearNames, type VersionRow } from './repo/versions';
import { studyPeriodsOfYear } from './repo/setup';

/** Reads of versions: the list of a year and the version in force on a date. */

export async function metaOf(ctx: Pick<HandlerContext, 'core' | 'caller'>, row: VersionRow): Promise<VersionMeta> {
  const year = await findYear(ctx.core.db, row.academicYearId);
  return toMeta(row, year?.name ?? '', Number(year?.isClosed ?? 0) === 1, ctx.caller);
}

export async function listVersions(ctx: Pick<HandlerContext, 'core' | 'caller'>, yearId: string) {
  const db = ctx.core.db;
  const year = await findYear(db, yearId);
  if (!year) throw notFound('Учебный год');
  const scope = await timetableScope(ctx);
  const [rows, inForce, periods, planned] = await Promise.all([
    versionsOfYear(db, yearId),
    versionsInForce(db, schoolToday(), yearId),
    studyPeriodsOfYear(db, yearId),
    plannedLessons(db, yearId),
  ]);
  const closed = Number(year.isClosed) === 1;
  const extra = new Map<string, string>();
  for (const p of planned) if (!p.classroom) extra.set(p.subjectId, p.subjectName);
  return {
    versions: rows.filter((r) => canSeeStatus(scope, r.status)).map((r) => toMeta(r, year.name, closed, ctx.caller)),
    inForceId: inForce[0]?.id ?? null,
    periods,
    defaults: timetableOptions.parse({}),
    extracurricularSubjects: [...extra].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'ru')),
  };
}

export async function versionOnDate(ctx: Pick<HandlerContext, 'core' | 'caller'>, date: string): Promise<VersionMeta | null> {
  const rows = await versionsInForce(ctx.core.db, date);
  const row = rows[0];
  if (!row) return null;
  const names = await yearNames(ctx.core.db, [row.academicYearId]);
  const year = await findYear(ctx.core.db, row.academicYearId);
  return toMeta(row, names.get(row.academicYearId) ?? '', Number(year?.isClosed ?? 0) === 1, ctx.caller);
}

/** The version a caller asked for, or NOT_FOUND; drafts are hidden from callers without `timetable.all`. */
export async function visibleVersion(ctx: Pick<HandlerContext, 'core' | 'caller'>, id: string): Promise<VersionRow> {
  const row = await findVersion(ctx.core.db, id);
  const scope = await timetableScope(ctx);
  if (!row || !canSeeStatus(scope, row.status)) throw notFound('Версия расписания');
  return row;
}
