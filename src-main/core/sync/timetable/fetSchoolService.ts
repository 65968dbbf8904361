import type { FetBells, FetSchoolPreview } from '../../../../src-shared/contract/timetableExchange';
import type { HandlerContext } from '../../foundation/context';
import type { Executor } from '../../foundation/executor';
import { importAscFile } from './ascImport';
import { readFetSchool } from './fetSchool';
import { applyImport, previewImport, type ImportOutcome } from './importFlow';
import { fileRefused } from './xmlText';
import { ascSetupRows } from './repo/ascSetupRows';
import { AppError } from '../../../../src-shared/errors';

/**
 * A whole `.fet` file into a year (docs/timetable-exchange.md, FET): read into aSc's shape
 * (fetSchool.ts), then the aSc import's preview = apply; the preview adds what the engine's
 * importer inferred for SanPiN, so the person can type the grades the names do not say.
 */

export interface FetSchoolInput {
  yearId: string;
  studyPeriodId: string | null;
  file: { fileName: string; contentBase64: string };
  grades: Record<string, number>;
  bells: FetBells;
}

function read(input: FetSchoolInput) {
  return readFetSchool(input.file.fileName, Buffer.from(input.file.contentBase64, 'base64'), { grades: input.grades, bells: input.bells });
}

function run(ctx: HandlerContext, input: FetSchoolInput) {
  return async (trx: Executor): Promise<ImportOutcome> => {
    const r = read(input);
    const fileName = input.file.fileName;
    const build = () =>
      importAscFile(ctx, trx, { yearId: input.yearId, studyPeriodId: input.studyPeriodId, fileName }, r.f, {
        format: 'fetSchool',
        source: 'fet',
        name: `Из FET: ${fileName}`,
        cause: `Школа из FET, файл «${fileName}»`,
        lines: r.lines,
        notImported: r.notImported,
        unplacedDraft: true,
      });
    if (r.f.cards.length > 0 || !(await ascSetupRows(trx, input.yearId)).hasClasses) return build();
    // A year that has classes creates nothing: without placed lessons the draft would be the school's own load, unplaced.
    // Only the same file applied before (its draft found) is answered; the importer's own refusal is replaced by the reason.
    const again = await build().catch((e: unknown) => {
      if (e instanceof AppError) return null;
      throw e;
    });
    if (again?.preview.existing) return again;
    throw fileRefused(fileName, null, 'в этом учебном году уже есть классы, а в файле нет закреплённых уроков — файл школы FET загружается в учебный год без классов (создайте новый год в «Настройке» и выберите его)');
  };
}

export async function previewFetSchool(ctx: HandlerContext, input: FetSchoolInput): Promise<FetSchoolPreview> {
  const r = read(input);
  const preview = await previewImport(ctx, run(ctx, input));
  return { ...preview, sanpin: r.report.sanpin, bells: input.bells, activities: r.activities };
}

export async function applyFetSchool(ctx: HandlerContext, input: FetSchoolInput & { signature: string }) {
  return applyImport(ctx, run(ctx, input), input.signature);
}
