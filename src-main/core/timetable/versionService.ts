import type { LessonOut, PlacementOut, SummaryFigures, TimetableOptions, VersionMeta } from '../../../src-shared/contract/timetableFields';
import { newId } from '../../../src-shared/domain/ids';
import type { Executor } from '../foundation/executor';
import type { HandlerContext } from '../foundation/context';
import { emitChanged } from '../foundation/events';
import { findYear, writableYear } from '../schoolSetup/index';
import { notFound, refusal, stale } from '../foundation/refusals';
import { nowIso } from '../foundation/clock';
import { deleteLessons, insertLessons, insertPlacements } from './repo/lessons';
import { EMPTY_SUMMARY, readOnlyReason } from './versionMeta';
import type { BuiltSnapshot } from './buildSnapshot';
import { metaOf } from './versionQueries';
import { deleteVersionIf, findVersion, insertVersion, updateVersionIf, type VersionRow } from './repo/versions';
import { loadVersion, periodOf, prepareSnapshot, type LoadedVersion } from './versionStore';
import { availabilityMap } from './versionStore';
import { evaluateLoaded, summaryOfReport } from './evaluation';

/**
 * Writes of versions: create a draft from the plan and load, rename or change its switches, copy
 * any version into a new draft, delete a draft. Every write names the version it read (CONFLICT
 * otherwise), is audited and announced; approved and archived versions refuse every write.
 */

type Ctx = HandlerContext;

const userName = (ctx: Ctx): string | null => ctx.caller.user?.name ?? null;

/** For writes after the call returned (the generation job): the dispatcher announces the others. */
export function emitTimetable(ctx: Pick<HandlerContext, 'core'>, versionId: string): void {
  emitChanged(ctx, 'timetable', versionId);
}

/** Why a version cannot be written (approved, archived, a closed year), or null for a writable draft. */
export async function readOnlyOf(db: Executor, row: VersionRow): Promise<string | null> {
  const year = await findYear(db, row.academicYearId);
  return readOnlyReason(row, Number(year?.isClosed ?? 0) === 1, null);
}

/** The draft a write may change: found, still a draft, the year open, the version as read. */
export async function writableDraft(db: Executor, id: string, version: number | null): Promise<VersionRow> {
  const row = await findVersion(db, id);
  if (!row) throw notFound('Версия расписания');
  const year = await findYear(db, row.academicYearId);
  const reason = readOnlyReason(row, Number(year?.isClosed ?? 0) === 1, null);
  if (reason) throw refusal(reason);
  if (version !== null && Number(row.version) !== version) throw stale(`Версия расписания «${row.name}»`, Number(row.version));
  return row;
}

/** Lessons keep their ids (and placements) where the key matches an old lesson. */
export function carryIds(old: readonly LessonOut[], fresh: LessonOut[]): LessonOut[] {
  const byKey = new Map(old.map((l) => [l.key, l]));
  for (const l of fresh) {
    const o = byKey.get(l.key);
    if (o) {
      l.id = o.id;
      l.portalRef = o.portalRef;
    }
  }
  return fresh;
}

/** Placements of `old` that still fit the fresh lessons (same id, occurrence still there). */
export function carryPlacements(fresh: readonly LessonOut[], placements: readonly PlacementOut[]): PlacementOut[] {
  const count = new Map(fresh.map((l) => [l.id, l.count]));
  return placements.filter((p) => p.index < (count.get(p.lessonId) ?? 0));
}

export function summaryOfNew(lessons: readonly LessonOut[], placed: number): SummaryFigures {
  return { ...EMPTY_SUMMARY, lessons: lessons.length, units: lessons.reduce((s, l) => s + l.count, 0), placed };
}

/** Replaces a version's lessons and placements (the snapshot of a regeneration or an options change). */
export async function replaceContent(db: Executor, versionId: string, lessons: readonly LessonOut[], placements: readonly PlacementOut[]): Promise<void> {
  await deleteLessons(db, versionId);
  await insertLessons(db, versionId, lessons);
  await insertPlacements(db, versionId, placements);
}

export async function insertDraft(
  db: Executor,
  ctx: Ctx,
  v: { yearId: string; name: string; period: { studyPeriodId: string | null; name: string; start: string | null; end: string | null }; options: TimetableOptions; source: VersionRow['source']; basedOnId: string | null },
  built: Pick<BuiltSnapshot, 'grid' | 'labels'>,
  lessons: readonly LessonOut[],
  placements: readonly PlacementOut[],
  summary: SummaryFigures,
): Promise<string> {
  const id = newId();
  const at = nowIso();
  await insertVersion(db, {
    id,
    academicYearId: v.yearId,
    name: v.name,
    studyPeriodId: v.period.studyPeriodId,
    periodName: v.period.name,
    periodStart: v.period.start,
    periodEnd: v.period.end,
    status: 'draft',
    effectiveFrom: null,
    effectiveTo: null,
    approvedAt: null,
    approvedBy: null,
    approvedByName: null,
    basedOnId: v.basedOnId,
    source: v.source,
    options: JSON.stringify(v.options),
    grid: JSON.stringify(built.grid),
    labels: JSON.stringify(built.labels),
    summary: JSON.stringify(summary),
    createdAt: at,
    createdBy: userName(ctx),
    updatedAt: at,
    updatedBy: userName(ctx),
    version: 1,
  });
  await insertLessons(db, id, lessons);
  await insertPlacements(db, id, placements);
  return id;
}

export async function createDraft(ctx: Ctx, input: { yearId: string; studyPeriodId: string | null; name: string; options: TimetableOptions }): Promise<VersionMeta> {
  const db = ctx.core.db;
  await writableYear(db, input.yearId);
  const period = await periodOf(db, input.yearId, input.studyPeriodId);
  const prepared = await prepareSnapshot(db, input.yearId, period, input.options);
  const { built, precheck } = prepared;
  const id = await db.transaction().execute(async (trx) => {
    await writableYear(trx, input.yearId);
    const newIdValue = await insertDraft(trx, ctx, { ...input, period, source: 'manual', basedOnId: null }, built, built.lessons, [], summaryOfNew(built.lessons, 0));
    await ctx.audit.record(trx, {
      entity: 'timetableVersion',
      recordId: newIdValue,
      action: 'create',
      changes: { name: [null, input.name], period: [null, period.name], lessons: [null, built.lessons.length], problems: precheck.items.filter((i) => i.level === 'error').length },
    });
    return newIdValue;
  });
  return metaOf(ctx, (await findVersion(db, id))!);
}

export async function updateDraft(ctx: Ctx, input: { versionId: string; version: number; name?: string; options?: TimetableOptions }): Promise<VersionMeta> {
  const db = ctx.core.db;
  const row = await writableDraft(db, input.versionId, input.version);
  const optionsChanged = input.options !== undefined && JSON.stringify(input.options) !== row.options;
  // New switches change which lessons exist: rebuild them now, keeping placed lessons that stay.
  const prepared = optionsChanged ? await prepareSnapshot(db, row.academicYearId, await periodOf(db, row.academicYearId, row.studyPeriodId), input.options!) : null;
  await db.transaction().execute(async (trx) => {
    const current = await writableDraft(trx, input.versionId, input.version);
    const changes: Record<string, [unknown, unknown]> = {};
    if (input.name !== undefined && input.name !== current.name) changes.name = [current.name, input.name];
    const patch: Parameters<typeof updateVersionIf>[3] = { updatedAt: nowIso(), updatedBy: userName(ctx) };
    if (input.name !== undefined) patch.name = input.name;
    if (prepared && input.options) {
      const old = await loadVersion(trx, current.id, current);
      const lessons = carryIds(old.lessons, prepared.built.lessons);
      const placements = carryPlacements(lessons, old.placements);
      await replaceContent(trx, current.id, lessons, placements);
      patch.options = JSON.stringify(input.options);
      patch.grid = JSON.stringify(prepared.built.grid);
      patch.labels = JSON.stringify(prepared.built.labels);
      patch.summary = JSON.stringify(summaryOfNew(lessons, placements.length));
      changes.options = [JSON.parse(current.options), input.options];
      changes.lessons = [old.lessons.length, lessons.length];
    }
    if (!(await updateVersionIf(trx, current.id, input.version, patch))) throw stale(`Версия расписания «${current.name}»`, Number(current.version));
    await ctx.audit.record(trx, { entity: 'timetableVersion', recordId: current.id, action: 'update', changes });
  });
  return metaOf(ctx, (await findVersion(db, input.versionId))!);
}

export async function copyVersion(ctx: Ctx, input: { versionId: string; name?: string }, visible: VersionRow): Promise<VersionMeta> {
  const db = ctx.core.db;
  await writableYear(db, visible.academicYearId);
  const id = await db.transaction().execute(async (trx) => {
    const v = await loadVersion(trx, input.versionId);
    const ids = new Map(v.lessons.map((l) => [l.id, newId()]));
    const lessons = v.lessons.map((l) => ({ ...l, id: ids.get(l.id)! }));
    const placements = v.placements.map((p) => ({ ...p, lessonId: ids.get(p.lessonId)! })).filter((p) => p.lessonId);
    const name = input.name ?? `${v.row.name} (копия)`;
    const period = { studyPeriodId: v.row.studyPeriodId, name: v.row.periodName, start: v.row.periodStart, end: v.row.periodEnd };
    const summary = { ...(JSON.parse(v.row.summary ?? 'null') ?? summaryOfNew(lessons, placements.length)) } as SummaryFigures;
    const newIdValue = await insertDraft(trx, ctx, { yearId: v.row.academicYearId, name, period, options: v.options, source: 'copy', basedOnId: v.row.id }, v, lessons, placements, summary);
    await ctx.audit.record(trx, { entity: 'timetableVersion', recordId: newIdValue, action: 'create', changes: { name: [null, name], basedOn: [null, v.row.name], lessons: [null, lessons.length], placements: [null, placements.length] } });
    return newIdValue;
  });
  return metaOf(ctx, (await findVersion(db, id))!);
}

export async function deleteDraft(ctx: Ctx, input: { versionId: string; version: number }): Promise<{ deleted: boolean }> {
  const db = ctx.core.db;
  await db.transaction().execute(async (trx) => {
    const row = await writableDraft(trx, input.versionId, input.version);
    if (!(await deleteVersionIf(trx, row.id, input.version))) throw stale(`Версия расписания «${row.name}»`, Number(row.version));
    await ctx.audit.record(trx, { entity: 'timetableVersion', recordId: row.id, action: 'delete', changes: { name: [row.name, null], status: [row.status, null] } });
  });
  return { deleted: true };
}

/** Re-evaluates a version and stores the summary (after hand edits, locks, generation). */
export async function refreshSummary(db: Executor, v: LoadedVersion): Promise<SummaryFigures> {
  const e = evaluateLoaded(v, await availabilityMap(db, v.row.academicYearId));
  return summaryOfReport(v, e.report, nowIso());
}
