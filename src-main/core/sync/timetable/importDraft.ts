import type { ImportLine, ImportPreview } from '../../../../src-shared/contract/timetableExchange';
import type { LessonOut, PlacementOut, SummaryFigures } from '../../../../src-shared/contract/timetableFields';
import { AppError } from '../../../../src-shared/errors';
import type { HandlerContext } from '../../foundation/context';
import type { Executor } from '../../foundation/executor';
import { contentFingerprint, findSameImport, saveImportedDraft, summaryOf, type ImportBase, type SavedImport } from '../../timetable/index';
import type { ImportOutcome } from './importFlow';

/**
 * The common end of every timetable importer: the same timetable already a version of this source
 * → nothing written (a re-apply); else the draft saved in the importer's transaction, its clashes
 * listed (kept, as real files have them), classes without a lesson from the file named.
 */
export interface DraftFromFile {
  format: ImportPreview['format'];
  source: 'portal' | 'asc' | 'fet';
  fileName: string;
  yearId: string;
  name: string;
  cause: string;
  basedOnId: string | null;
  base: ImportBase;
  lessons: LessonOut[];
  placements: PlacementOut[];
  lines: ImportLine[];
  notImported: ImportPreview['notImported'];
  inFile: number;
  unmatched: number;
  /** Records of the school the import created before the draft (aSc into an empty year). */
  creates?: ImportPreview['creates'];
  /** A school without a timetable (a `.fet` input): the draft is saved with its lessons unplaced, for the solver. */
  unplacedDraft?: boolean;
}

export async function finishImport(ctx: HandlerContext, trx: Executor, d: DraftFromFile): Promise<ImportOutcome> {
  const { grid, labels } = d.base.built;
  const units = d.lessons.reduce((s, l) => s + l.count, 0);
  const existing = await findSameImport(trx, d.yearId, d.source, contentFingerprint(d.lessons, d.placements));
  let versionId = existing?.id ?? null;
  let clashes: SavedImport['clashes'] = [];
  let summary: SummaryFigures;
  if (existing) {
    // The same timetable is already a version: nothing is written, its stored figures are shown.
    summary = summaryOf(existing);
  } else {
    if (d.placements.length === 0 && !(d.unplacedDraft && d.lessons.length > 0)) {
      // The first reasons the file gave (a class not created, no bell times…) say what to fix.
      const why = d.lines.filter((l) => l.level === 'error').slice(0, 3).map((l) => `${l.what} «${l.label}»: ${l.message}`);
      throw new AppError('VALIDATION', `Файл «${d.fileName}»: ни один урок файла не сопоставлен с уроками школы (${d.inFile} в файле) — проверьте, что файл этой школы и этого года, а учебный план и нагрузка заполнены.${why.length ? ` Причины: ${why.join('; ')}.` : ''} Ничего не изменено.`);
    }
    const saved = await saveImportedDraft(ctx, trx, { yearId: d.yearId, name: d.name, period: d.base.period, options: d.base.options, source: d.source, basedOnId: d.basedOnId, grid, labels, lessons: d.lessons, placements: d.placements, cause: d.cause });
    versionId = saved.id;
    summary = saved.summary;
    clashes = saved.clashes;
  }
  const lines = [...d.lines];
  for (const c of clashes) lines.push({ level: 'warning', what: 'Накладка', label: `${c.who}: ${c.where}`, message: `${c.kind} — так в файле; урок оставлен, исправьте в черновике` });
  const byId = new Map(d.lessons.map((l) => [l.id, l]));
  const withLessons = new Set(d.placements.flatMap((p) => byId.get(p.lessonId)?.audiences.map((a) => a.classId) ?? []));
  for (const c of grid.classes) if (!withLessons.has(c.id)) lines.push({ level: 'info', what: 'Класс', label: c.name, message: 'в файле у класса нет ни одного сопоставленного урока' });
  return {
    versionId,
    preview: {
      format: d.format,
      fileName: d.fileName,
      versionName: existing?.name ?? d.name,
      existing: existing ? { id: existing.id, name: existing.name } : null,
      counts: { inFile: d.inFile, placed: d.placements.length, notPlaced: units - d.placements.length, unmatched: d.unmatched, clashes: clashes.length },
      creates: existing ? [] : (d.creates ?? []),
      lines,
      notImported: d.notImported,
      summary,
    },
  };
}
