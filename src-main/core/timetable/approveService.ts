import type { VersionMeta } from '../../../src-shared/contract/timetableFields';
import type { HandlerContext } from '../foundation/context';
import { notFound, refusal, stale } from '../foundation/refusals';
import { nowIso, schoolToday } from '../foundation/clock';
import { evaluateLoaded, summaryOfReport } from './evaluation';
import { metaOf } from './versionQueries';
import { approvedFrom, findVersion, updateVersionIf } from './repo/versions';
import { findYear, lockYear } from '../schoolSetup/index';
import { availabilityMap, loadVersion } from './versionStore';
import { writableDraft } from './versionService';
import { formatRuDate as dmy } from '../../../src-shared/domain/ruDate';

/**
 * The director approves a draft from a date (work order §3.9: what the завуч enters is approved by
 * the director). The draft becomes the timetable in force from that date and read-only; every
 * approved version whose range reaches that date ends the day before and goes to the archive, so
 * exactly one version is in force on any date and the old ones still answer «what was on 1 October».
 *
 * A date on or before the start of an approved version would leave that version no day at all, and
 * two versions from one date made «в силе» either of them. What the завуч means differs by whether
 * the older one has begun: one that has not (approved for 1 September in August, a mistake found
 * before the term) is replaced whole — archived as never in force, which is what «утвердить
 * исправленное» means; one that has been in force is history the school worked by, so the approval
 * is refused with a message naming it and the first date the new one can start.
 */


export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function dayAfter(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export async function approveVersion(ctx: HandlerContext, input: { versionId: string; version: number; effectiveFrom: string }) {
  const db = ctx.core.db;
  const row = await writableDraft(db, input.versionId, input.version);
  const year = await findYear(db, row.academicYearId);
  if (!year) throw notFound('Учебный год');
  if (input.effectiveFrom < year.startDate || input.effectiveFrom > year.endDate) {
    throw refusal(`Дата «Действует с» ${dmy(input.effectiveFrom)} вне учебного года ${year.name} (${dmy(year.startDate)} – ${dmy(year.endDate)})`);
  }
  const loaded = await loadVersion(db, row.id, row);
  const e = evaluateLoaded(loaded, await availabilityMap(db, row.academicYearId));
  if (e.report.hard > 0) {
    const unplaced = e.report.figures.units - e.report.figures.placed;
    throw refusal(
      `Версию «${row.name}» нельзя утвердить: ${e.report.hard} нарушений обязательных правил${unplaced ? `, не поставлено уроков: ${unplaced}` : ''}. Исправьте расписание (панель «Показатели» показывает, где) и утвердите снова`,
    );
  }
  const at = nowIso();
  const user = ctx.caller.user;
  const archived = await db.transaction().execute(async (trx) => {
    // One approval of a year at a time: the next one reads the versions this one approves and ends.
    await lockYear(trx, row.academicYearId);
    const current = await writableDraft(trx, input.versionId, input.version);
    const ended: { id: string; name: string; effectiveFrom: string | null; effectiveTo: string }[] = [];
    const today = schoolToday();
    for (const prev of await approvedFrom(trx, current.academicYearId, input.effectiveFrom)) {
      const begun = prev.effectiveFrom !== null && prev.effectiveFrom <= today;
      const replacedWhole = prev.effectiveFrom !== null && input.effectiveFrom <= prev.effectiveFrom;
      if (replacedWhole && begun) {
        throw refusal(
          `Версия «${prev.name}» действует с ${dmy(prev.effectiveFrom!)}: новое расписание может вступить в силу не раньше ${dmy(dayAfter(prev.effectiveFrom!))}. Дни, когда школа работала по «${prev.name}», остаются в истории`,
        );
      }
      // Replaced before it began: its range ends the day before its start, so it was never in force.
      const effectiveTo = dayBefore(replacedWhole ? prev.effectiveFrom! : input.effectiveFrom);
      if (!(await updateVersionIf(trx, prev.id, Number(prev.version), { status: 'archived', effectiveTo, updatedAt: at, updatedBy: user?.name ?? null }))) {
        throw stale(`Версия расписания «${prev.name}»`, Number(prev.version));
      }
      ended.push({ id: prev.id, name: prev.name, effectiveFrom: prev.effectiveFrom, effectiveTo });
      await ctx.audit.record(trx, { entity: 'timetableVersion', recordId: prev.id, action: 'archive', changes: { status: ['approved', 'archived'], effectiveTo: [prev.effectiveTo, effectiveTo], replacedBy: current.name } });
    }
    const summary = JSON.stringify(summaryOfReport(loaded, e.report, at));
    const ok = await updateVersionIf(trx, current.id, input.version, {
      status: 'approved',
      effectiveFrom: input.effectiveFrom,
      effectiveTo: null,
      approvedAt: at,
      approvedBy: user?.id ?? null,
      approvedByName: user?.name ?? null,
      summary,
      updatedAt: at,
      updatedBy: user?.name ?? null,
    });
    if (!ok) throw stale(`Версия расписания «${current.name}»`, Number(current.version));
    await ctx.audit.record(trx, { entity: 'timetableVersion', recordId: current.id, action: 'approve', changes: { status: ['draft', 'approved'], effectiveFrom: [null, input.effectiveFrom], archived: ended.map((x) => x.name) } });
    return ended;
  });
  const meta: VersionMeta = await metaOf(ctx, (await findVersion(db, row.id))!);
  return { meta, archived };
}
