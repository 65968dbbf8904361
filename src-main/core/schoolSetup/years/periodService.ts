import type { PeriodScheme } from '../../../../src-shared/contract/years';
import { newId } from '../../../../src-shared/domain/ids';
import { isSchoolDay, type SchoolCalendar } from '../../../../src-shared/domain/calendar/schoolCalendar';
import { formatGradeList } from '../../../../src-shared/domain/schoolSetup/gradeScope';
import { checkPeriodDates, describeGap, findPeriodGaps, type PeriodKind } from '../../../../src-shared/domain/schoolSetup/studyPeriods';
import { diffFields } from '../../foundation/auditLog';
import type { HandlerContext } from '../../foundation/context';
import { loadSchoolCalendar } from '../repo/schoolCalendar';
import { writableYear, yearBounds } from '../repo/years';
import { nowIso } from '../../foundation/clock';
import { isUniqueViolation } from '../../foundation/dbErrors';
import { expectVersion, notFound, refusal, refusalOf } from '../../foundation/refusals';
import { emitChanged } from '../../foundation/events';
import { deleteSchemeRows, findSchemeRow, listSchemes, writeScheme } from '../repo/periods';

const RECORD = 'Учебные периоды';

type ParsedScheme = { name: string; kind: PeriodKind; grades: number[]; periods: { name: string; startDate: string; endDate: string }[] };

/** Gaps of a scheme: school days of any of its grades outside every period. */
export function schemeGapWarnings(scheme: ParsedScheme, calendar: SchoolCalendar, year: { name: string; startDate: string; endDate: string }): string[] {
  const gaps = findPeriodGaps(scheme.periods, year, (d) => scheme.grades.some((g) => isSchoolDay(calendar, g, d)));
  return gaps.map((g) => `«${scheme.name}» (${formatGradeList(scheme.grades)} кл.): ${describeGap(g)}`);
}

export async function saveScheme(
  ctx: HandlerContext,
  yearId: string,
  id: string | null,
  input: ParsedScheme,
  version: number,
): Promise<{ scheme: PeriodScheme; warnings: string[] }> {
  const scheme: ParsedScheme = { name: input.name, kind: input.kind, grades: input.grades, periods: input.periods };
  const at = nowIso();
  let warnings: string[] = [];
  const savedId = await ctx.core.db.transaction().execute(async (trx) => {
    const year = await writableYear(trx, yearId);
    const errors = checkPeriodDates(scheme.kind, scheme.periods, yearBounds(year));
    if (errors.length) throw refusalOf(`${RECORD} «${scheme.name}»`, errors);

    const others = await listSchemes(trx, yearId);
    for (const o of others) {
      if (o.id === id) continue;
      if (o.name === scheme.name) throw refusal(`${RECORD}: схема «${scheme.name}» уже есть в ${year.name}`);
      const shared = o.grades.filter((g) => scheme.grades.includes(g));
      if (shared.length) {
        throw refusal(`${RECORD}: параллели ${formatGradeList(shared)} уже учатся по схеме «${o.name}» — у параллели одна схема в году`);
      }
    }
    let schemeId = id;
    let before: PeriodScheme | undefined;
    if (id === null) {
      if (version !== 0) throw refusal(`${RECORD}: новая запись сохраняется с версией 0`);
      schemeId = newId();
      await writeScheme(trx, schemeId, yearId, scheme, null, at);
    } else {
      before = others.find((o) => o.id === id);
      if (!before) throw notFound(`Схема учебных периодов`);
      expectVersion(before, version, `${RECORD} «${before.name}»`);
      await writeScheme(trx, id, yearId, scheme, version, at);
    }
    const sid = schemeId as string;
    const { calendar } = await loadSchoolCalendar(trx, yearId, { logger: ctx.core.logger });
    warnings = schemeGapWarnings(scheme, calendar, yearBounds(year));
    const plain = (s: ParsedScheme | PeriodScheme | undefined) =>
      s ? { name: s.name, kind: s.kind, grades: s.grades, periods: s.periods.map((p) => `${p.name}: ${p.startDate}…${p.endDate}`) } : null;
    await ctx.audit.record(trx, { recordId: sid, action: id ? 'update' : 'create', changes: diffFields(plain(before), plain(scheme)) });
    return sid;
  }).catch((err: unknown) => {
    if (isUniqueViolation(err)) throw refusal(`${RECORD}: другой пользователь только что сохранил схему с теми же параллелями или названием — обновите страницу`);
    throw err;
  });
  emitChanged(ctx, 'studyPeriodScheme', savedId);
  const saved = (await listSchemes(ctx.core.db, yearId)).find((s) => s.id === savedId) as PeriodScheme;
  return { scheme: saved, warnings };
}

export async function deleteScheme(ctx: HandlerContext, id: string, version: number): Promise<{ deleted: boolean }> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const row = await findSchemeRow(trx, id);
    if (!row) throw notFound('Схема учебных периодов');
    await writableYear(trx, row.academicYearId);
    expectVersion(row, version, `${RECORD} «${row.name}»`);
    await deleteSchemeRows(trx, id);
    await ctx.audit.record(trx, { recordId: id, action: 'delete', changes: { name: [row.name, null] } });
  });
  emitChanged(ctx, 'studyPeriodScheme', id);
  return { deleted: true };
}
