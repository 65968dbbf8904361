import type { ImportLine } from '../../../../src-shared/contract/timetableExchange';
import type { LessonOut, PlacementOut } from '../../../../src-shared/contract/timetableFields';
import { newId } from '../../../../src-shared/domain/ids';
import { AppError } from '../../../../src-shared/errors';
import type { HandlerContext } from '../../foundation/context';
import type { Executor } from '../../foundation/executor';
import { exportedUnitOf, exportFet, importFetActivities, versionById, versionForExport, versionInstance } from '../../timetable/index';
import type { ImportOutcome } from './importFlow';
import { finishImport } from './importDraft';
import { fileRefused, readXmlFile, rootName } from './xmlText';

/**
 * FET from the timetable screen (issue 17, part 4): a version's instance as a `.fet` input file
 * (the engine's writer), and a FET result (`*_activities.xml` of that file) as a new draft based on
 * the version. FET numbers activities in the order the file lists the lesson occurrences, so a
 * result is read against the same version's instance; anything else is listed, not guessed.
 */

export async function exportFetFile(ctx: HandlerContext, versionId: string) {
  const v = await versionForExport(ctx, versionId);
  const inst = await versionInstance(ctx.core.db, v);
  const fet = exportFet(inst);
  const bytes = Buffer.from(fet.xml, 'utf8');
  const fileName = `${v.row.name}.fet`.replace(/[\\/:*?"<>|]/g, '_');
  return { fileName, mimeType: 'application/xml; charset=utf-8', contentBase64: bytes.toString('base64'), rows: fet.activityIds.length, notes: fet.notes };
}

export interface FetInput {
  versionId: string;
  fileName: string;
  bytes: Uint8Array;
}

/** The importer of a FET result; the caller checks first, outside the transaction, that the version is visible to them. */
export function fetResultRun(ctx: HandlerContext, input: FetInput) {
  return async (trx: Executor): Promise<ImportOutcome> => {
    const text = readXmlFile(input.fileName, input.bytes);
    if (rootName(text) !== 'Activities_Timetable') throw fileRefused(input.fileName, 1, `это не результат FET: нужен файл *_activities.xml с корневым элементом <Activities_Timetable>, а в файле <${rootName(text) ?? '?'}>`);
    const v = await versionById(trx, input.versionId);
    if (!v) throw new AppError('NOT_FOUND', 'Версия расписания не найдена: обновите список версий.');
    const inst = await versionInstance(trx, v);
    const result = importFetActivities(text, inst, exportedUnitOf(inst));
    const lines: ImportLine[] = result.problems.map((p) => ({ level: 'error', what: 'Занятие FET', label: p.split(':')[0], message: p.split(':').slice(1).join(':').trim() }));
    // The draft gets its own lesson ids; its occurrences are the version's lessons placed as FET placed them.
    const idOf = new Map(v.lessons.map((l) => [l.id, newId()]));
    const lessons: LessonOut[] = v.lessons.map((l) => ({ ...l, id: idOf.get(l.id)!, audiences: l.audiences.map((a) => ({ ...a })) }));
    const placements: PlacementOut[] = [];
    for (const p of result.timetable.placements) {
      const id = idOf.get(p.lessonId);
      if (!id) continue;
      const locked = v.placements.find((x) => x.lessonId === p.lessonId && x.index === p.index)?.locked ?? false;
      placements.push({ lessonId: id, index: p.index, day: p.day, period: p.period, roomId: p.roomId ?? null, locked });
    }
    const inFile = (text.match(/<Activity>/g) ?? []).length;
    const base = { period: { studyPeriodId: v.row.studyPeriodId, name: v.row.periodName, start: v.row.periodStart, end: v.row.periodEnd }, options: v.options, built: { grid: v.grid, labels: v.labels, lessons, items: [] } };
    const name = `${v.row.name} — из FET`.slice(0, 200);
    return finishImport(ctx, trx, { format: 'fet', source: 'fet', fileName: input.fileName, yearId: v.row.academicYearId, name, cause: `Результат FET, файл «${input.fileName}»`, basedOnId: v.row.id, base, lessons, placements, lines, notImported: [], inFile, unmatched: result.problems.length });
  };
}
