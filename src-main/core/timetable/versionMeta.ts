import {
  summaryFigures,
  timetableOptions,
  VERSION_SOURCES,
  VERSION_STATUSES,
  type SummaryFigures,
  type TimetableOptions,
  type VersionMeta,
} from '../../../src-shared/contract/timetableFields';
import { hasRight } from '../access/index';
import type { Caller } from '../foundation/context';
import { parseJson } from './snapshot';
import type { VersionRow } from './repo/versions';
import { formatRuDate as dmy } from '../../../src-shared/domain/ruDate';

/** Turns a version row into the contract's meta, with the reason this caller cannot change it. */

export const EMPTY_SUMMARY: SummaryFigures = {
  lessons: 0,
  units: 0,
  placed: 0,
  hard: null,
  valid: null,
  teacherGaps: null,
  peakTueWedShare: null,
  hardFirstLastShare: null,
  evaluatedAt: null,
};

export function optionsOf(row: Pick<VersionRow, 'options'>): TimetableOptions {
  const parsed = timetableOptions.safeParse(parseJson(row.options, {}));
  return parsed.success ? parsed.data : timetableOptions.parse({});
}

export function summaryOf(row: Pick<VersionRow, 'summary'>): SummaryFigures {
  const parsed = summaryFigures.safeParse(parseJson(row.summary, null));
  return parsed.success ? parsed.data : EMPTY_SUMMARY;
}


/** Why a version cannot be changed (by anyone, or by this caller); null when it can. */
export function readOnlyReason(row: Pick<VersionRow, 'status' | 'effectiveFrom' | 'name'>, yearClosed: boolean, caller: Caller | null): string | null {
  if (row.status === 'approved') {
    return `Версия «${row.name}» утверждена${row.effectiveFrom ? ` и действует с ${dmy(row.effectiveFrom)}` : ''}: изменять её нельзя. Скопируйте её в новый черновик, измените и утвердите заново.`;
  }
  if (row.status === 'archived') return `Версия «${row.name}» в архиве: это история, изменять её нельзя. Скопируйте её в новый черновик.`;
  if (yearClosed) return 'Учебный год закрыт: его расписание только для чтения.';
  if (caller && !hasRight(caller.user, 'timetable.edit')) return 'Изменять расписание может завуч (право «Составление и изменение расписания»).';
  return null;
}

export function toMeta(row: VersionRow, yearName: string, yearClosed: boolean, caller: Caller | null): VersionMeta {
  return {
    id: row.id,
    yearId: row.academicYearId,
    yearName,
    name: row.name,
    studyPeriodId: row.studyPeriodId,
    periodName: row.periodName,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    status: (VERSION_STATUSES as readonly string[]).includes(row.status) ? (row.status as VersionMeta['status']) : 'draft',
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    approvedAt: row.approvedAt,
    approvedByName: row.approvedByName,
    basedOnId: row.basedOnId,
    source: (VERSION_SOURCES as readonly string[]).includes(row.source) ? (row.source as VersionMeta['source']) : 'manual',
    options: optionsOf(row),
    createdAt: row.createdAt,
    createdByName: row.createdBy,
    updatedAt: row.updatedAt,
    updatedByName: row.updatedBy,
    version: Number(row.version),
    summary: summaryOf(row),
    readOnlyReason: readOnlyReason(row, yearClosed, caller),
  };
}
