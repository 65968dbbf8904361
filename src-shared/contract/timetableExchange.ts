import { z } from './zodRu';
import { mutation, query } from './define';
import { exportedFile } from './files';
import { isoDate } from './fields';
import { recordId } from './setupFields';
import { summaryFigures } from './timetableFields';

/**
 * The timetable's exchange with the programs a school already owns (issue 17): the portal's
 * current week from ExportCM.nsxml into a draft «из портала» and an approved version back as the
 * portal's TimeTableExchange import file; aSc Timetables 2012 XML both ways; FET (`.fet` out, a
 * result's `*_activities.xml` in). Every import is a preview first (nothing written), then apply in
 * one transaction that writes exactly what the preview showed; applying the same file again
 * changes nothing.
 */

export const uploadedFile = z.object({
  fileName: z.string().trim().min(1, 'выберите файл').max(255),
  contentBase64: z.string().min(1, 'файл пустой').max(48_000_000, 'файл больше 35 МБ'),
});

export const IMPORT_FORMATS = ['portal', 'asc', 'fet', 'fetSchool'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const IMPORT_FORMAT_LABEL: Record<ImportFormat, string> = { portal: 'ExportCM.nsxml портала', asc: 'aSc Timetables (XML)', fet: 'результат FET (*_activities.xml)', fetSchool: 'файл школы FET (.fet)' };

/** One line of what an import found: a lesson that matches nothing, a clash the file holds, a name not found. */
export const importLine = z.object({
  level: z.enum(['error', 'warning', 'info']),
  /** What the line is about: «Урок», «Учитель», «Кабинет», «Класс»… */
  what: z.string(),
  /** The record as the file names it: «7Б, англ.2 под, пн, 3-й урок (1 смена)». */
  label: z.string(),
  message: z.string(),
});
export type ImportLine = z.output<typeof importLine>;

/** A record of the school an import creates because the school's data has none (aSc into an empty school). */
export const importCreate = z.object({ what: z.string(), label: z.string(), detail: z.string().nullable() });

export const importPreview = z.object({
  format: z.enum(IMPORT_FORMATS),
  fileName: z.string(),
  versionName: z.string(),
  /** The same timetable is already a version of this source: applying changes nothing. */
  existing: z.object({ id: z.string(), name: z.string() }).nullable(),
  counts: z.object({
    /** Lessons (occurrences) the file places. */
    inFile: z.number(),
    /** Occurrences of the new version placed from the file. */
    placed: z.number(),
    /** Occurrences of the new version the file does not place. */
    notPlaced: z.number(),
    /** Lessons of the file that match no lesson of the school (listed in `lines`). */
    unmatched: z.number(),
    /** Clashes the file holds (kept and listed, never dropped). */
    clashes: z.number(),
  }),
  creates: z.array(importCreate),
  lines: z.array(importLine),
  /** Parts of the file the program has no place for, with counts. */
  notImported: z.array(z.object({ part: z.string(), count: z.number(), reason: z.string() })),
  /** The new version as the evaluator sees it. */
  summary: summaryFigures,
  /** What apply compares: a change of the school's data since the preview refuses the apply. */
  signature: z.string(),
});
export type ImportPreview = z.output<typeof importPreview>;

export const importResult = z.object({
  versionId: z.string().nullable(),
  /** False when the file was already there (nothing written). */
  created: z.boolean(),
  preview: importPreview,
});

const ascInput = z.object({ yearId: recordId, studyPeriodId: recordId.nullable().default(null), file: uploadedFile });

/** A FET result of the `.fet` exported from this version. */
const fetInput = z.object({ versionId: recordId, file: uploadedFile });

/** FET has no bell times: the preview asks for the first lesson's start and the lengths. */
export const fetBells = z.object({
  start: z.string().trim().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'время начала — ЧЧ:ММ, например 08:30'),
  lessonMinutes: z.number().int().min(20, 'урок не короче 20 минут').max(90, 'урок не длиннее 90 минут'),
  breakMinutes: z.number().int().min(0, 'перемена не может быть отрицательной').max(60, 'перемена не длиннее 60 минут'),
});
export type FetBells = z.output<typeof fetBells>;
export const DEFAULT_FET_BELLS: FetBells = { start: '08:30', lessonMinutes: 45, breakMinutes: 10 };

/** A whole `.fet` file (a school built in FET) into a year: the grades the person typed for classes whose names do not say it. */
const fetSchoolInput = ascInput.extend({
  grades: z.record(z.string().max(200), z.number().int().min(0, 'параллель — от 1 до 11').max(11, 'параллель — от 1 до 11')).default({}),
  bells: fetBells.default(DEFAULT_FET_BELLS),
});

/** What the `.fet` import inferred for SanPiN (the engine's `report.sanpin`), shown for correction. */
export const fetSanpin = z.object({
  classes: z.array(z.object({ name: z.string(), grade: z.number().nullable(), source: z.enum(['caller', 'name', 'none']) })),
  subjects: z.array(
    z.object({
      name: z.string(),
      source: z.enum(['caller', 'school', 'dictionary', 'none']),
      match: z.object({ key: z.string(), as: z.string(), exact: z.boolean() }).optional(),
      points: z.record(z.string(), z.number()),
      missingGrades: z.array(z.number()),
    }),
  ),
});

export const fetSchoolPreview = importPreview.extend({ sanpin: fetSanpin, bells: fetBells, activities: z.number() });
export type FetSchoolPreview = z.output<typeof fetSchoolPreview>;

const portalInput = z.object({
  yearId: recordId,
  studyPeriodId: recordId.nullable().default(null),
  /** Null: the ExportCM.nsxml of the last applied pull («Обмен с порталом»). */
  file: uploadedFile.nullable().default(null),
});

export const PUSH_PATTERNS = [1, 2] as const;

/** Why a lesson cannot go into the portal's file. */
export const pushIssue = z.object({ lesson: z.string(), reason: z.string() });

export const timetablePushResult = z.object({
  exchangeId: z.string().nullable(),
  file: exportedFile.nullable(),
  /** Lessons refused (no file is written while there are any). */
  issues: z.array(pushIssue),
  /** Days in the range the portal will skip (holidays, days off), and days it cannot know about. */
  holidays: z.array(z.object({ date: z.string(), label: z.string() })),
  warnings: z.array(z.string()),
  /** What to enter on the portal's import form. */
  form: z.object({ from: z.string(), to: z.string(), pattern: z.number(), weeks: z.number(), lessons: z.number() }),
});
export type TimetablePushResult = z.output<typeof timetablePushResult>;

export const timetableExchangeContract = {
  /** The portal's current week (ExportCM.nsxml, uploaded or the last pulled) as a draft «из портала»: what it will hold, changing nothing. */
  'timetable.portal.preview': query({
    summary: 'Расписание из портала: предпросмотр',
    right: 'timetable.edit',
    input: portalInput,
    output: importPreview,
  }),
  /** Writes the preview's draft in one transaction; the same week again is a no-op. */
  'timetable.portal.apply': mutation({
    summary: 'Загрузить расписание из портала',
    right: 'timetable.edit',
    entity: 'timetable',
    record: 'Расписание из портала',
    input: portalInput.extend({ signature: z.string().min(1).max(200) }),
    output: importResult,
  }),
  /**
   * The portal's import file (TimeTableExchange, windows-1251) for an approved version, a date range
   * and a one- or two-week pattern; every lesson mapped onto the pulled csg, LessonTime and room ids
   * and checked before anything is written. The file goes to the exchange history like other push files.
   */
  'timetable.portal.push': mutation({
    summary: 'Файл расписания для импорта в портал',
    right: 'timetable.push',
    entity: 'portalExchange',
    record: 'Расписание для портала',
    labels: { from: 'Начало периода', to: 'Конец периода', pattern: 'Шаблон', secondVersionId: 'Вторая неделя' },
    input: z
      .object({
        versionId: recordId,
        from: isoDate,
        to: isoDate,
        pattern: z.union([z.literal(1), z.literal(2)]).default(1),
        /** Week 2 of a two-week pattern (default: the same version). */
        secondVersionId: recordId.nullable().default(null),
      })
      .refine((v) => v.from <= v.to, { message: 'конец периода раньше начала', path: ['to'] }),
    output: timetablePushResult,
  }),
  /** An aSc Timetables 2012 XML export as a new draft: what it will hold, changing nothing. */
  'timetable.asc.preview': query({
    summary: 'Расписание из aSc Timetables: предпросмотр',
    right: 'timetable.edit',
    input: ascInput,
    output: importPreview,
  }),
  /** Writes the preview's draft in one transaction; the same file again is a no-op. */
  'timetable.asc.apply': mutation({
    summary: 'Загрузить расписание из aSc Timetables',
    right: 'timetable.edit',
    entity: 'timetable',
    record: 'Расписание из aSc',
    input: ascInput.extend({ signature: z.string().min(1).max(200) }),
    output: importResult,
  }),
  /** A version as aSc Timetables 2012 XML (UTF-8) that aSc opens: names, one card per period, ids that resolve. */
  'timetable.asc.export': query({
    summary: 'Выгрузить расписание для aSc Timetables',
    right: 'timetable.all',
    exportsPersonalData: true,
    input: z.object({ versionId: recordId }),
    output: exportedFile,
  }),
  /** A version's instance as a FET input file (`.fet`), for solving it in FET; notes say what FET cannot express. */
  'timetable.fet.export': query({
    summary: 'Выгрузить расписание для FET',
    right: 'timetable.all',
    exportsPersonalData: true,
    input: z.object({ versionId: recordId }),
    output: exportedFile.extend({ notes: z.array(z.string()) }),
  }),
  /** A FET result (`*_activities.xml`) of this version's `.fet` as a new draft: what it will hold, changing nothing. */
  'timetable.fet.preview': query({
    summary: 'Результат FET: предпросмотр',
    right: 'timetable.edit',
    input: fetInput,
    output: importPreview,
  }),
  /**
   * A whole `.fet` file (a school built in FET) as a new draft of the year: in a year without classes
   * its subjects, rooms, bells, classes, teachers and load are created first, as for aSc; the grades
   * and SanPiN points inferred from names are shown, the grades the names do not say are asked for.
   */
  'timetable.fetSchool.preview': query({
    summary: 'Школа из файла FET: предпросмотр',
    right: 'timetable.edit',
    input: fetSchoolInput,
    output: fetSchoolPreview,
  }),
  /** Writes the preview's school and draft in one transaction; the same file again is a no-op. */
  'timetable.fetSchool.apply': mutation({
    summary: 'Загрузить школу из файла FET',
    right: 'timetable.edit',
    entity: 'timetable',
    record: 'Школа из FET',
    input: fetSchoolInput.extend({ signature: z.string().min(1).max(200) }),
    output: importResult,
  }),
  'timetable.fet.apply': mutation({
    summary: 'Загрузить результат FET в черновик',
    right: 'timetable.edit',
    entity: 'timetable',
    record: 'Расписание из FET',
    input: fetInput.extend({ signature: z.string().min(1).max(200) }),
    output: importResult,
  }),
};
