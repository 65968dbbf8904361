import { z } from './zodRu';
import { mutation, query } from './define';
import { exportedFile } from './files';
import { recordId } from './setupFields';
import { isoDate, version } from './fields';

/**
 * Hand editing of a draft (issue 16, parts 1–4): what every target cell would mean for a lesson
 * before it is dropped (free, a broken rule and which, or worse soft figures and by how much), the
 * engine's repair around a hand move as a diff to accept, and the comparison of two versions with
 * its printed «Изменения в расписании с …» sheet. Saving a move, a swap, a room or «не поставлен»
 * is `timetable.placements.update` (all or nothing, CONFLICT on a stale version).
 */

const at = z.object({ day: z.number(), period: z.number(), roomId: z.string().nullable() });

/** One change of a move: where each occurrence goes (null = off the grid, «нераспределённые»). */
export const editMove = z.object({ lessonId: z.string(), index: z.number(), day: z.number().nullable(), period: z.number().nullable(), roomId: z.string().nullable(), locked: z.boolean() });
export type EditMove = z.output<typeof editMove>;

export const targetVerdict = z.object({
  /** `free` — nothing gets worse; `soft` — only soft figures get worse; `hard` — a rule breaks; `refused` — cannot be saved at all. */
  verdict: z.enum(['free', 'soft', 'hard', 'refused']),
  /** Russian reasons: the hard rules broken (with whom and where), or why it is refused. */
  reasons: z.array(z.string()),
  /** Soft changes in Russian: teacher gaps, the class's SanPiN passport. */
  notes: z.array(z.string()),
  /** Change of the hard and soft totals. */
  hardDelta: z.number(),
  softDelta: z.number(),
  /** What saving this target writes (a swap moves the other lesson too). */
  moves: z.array(editMove),
});
export type TargetVerdict = z.output<typeof targetVerdict>;

export const editTarget = targetVerdict.extend({ day: z.number(), period: z.number(), action: z.enum(['move', 'swap', 'stay']) });
export type EditTarget = z.output<typeof editTarget>;

export const repairChange = z.object({
  lessonId: z.string(),
  index: z.number(),
  /** «Математика (5А)» */
  lesson: z.string(),
  from: at.nullable(),
  to: at.nullable(),
  /** «Вт, 3 урок, каб. 21» */
  fromText: z.string(),
  toText: z.string(),
});
export type RepairChange = z.output<typeof repairChange>;

export const compareChange = z.object({
  lesson: z.string(),
  subject: z.string(),
  classIds: z.array(z.string()),
  classes: z.string(),
  teachers: z.string(),
  kind: z.enum(['moved', 'room', 'added', 'removed', 'teacher']),
  fromText: z.string(),
  toText: z.string(),
  day: z.number().nullable(),
});
export type CompareChange = z.output<typeof compareChange>;

export const timetableEditContract = {
  /**
   * Every start a lesson occurrence (with its parallel groups) could be moved to in a draft, each
   * with its verdict from the engine's evaluator: free, soft (gaps and the SanPiN passport before →
   * after) or the hard rules it breaks («учитель … занята в 7Б»); a cell holding another unlocked
   * lesson of the same class is a swap. Also the verdict of taking it off the grid.
   */
  'timetable.edit.targets': query({
    summary: 'Куда можно перенести урок',
    right: 'timetable.edit',
    input: z.object({ versionId: recordId, lessonId: recordId, index: z.number().int().min(0).max(40) }),
    output: z.object({
      versionNumber: z.number(),
      lessonId: z.string(),
      index: z.number(),
      locked: z.boolean(),
      /** Why the lesson cannot be moved at all (locked, pinned, approved version), else null. */
      refused: z.string().nullable(),
      targets: z.array(editTarget),
      offGrid: targetVerdict,
      /** Time spent in the evaluator (ms) for all targets. */
      elapsedMs: z.number(),
    }),
  }),
  /**
   * «Исправить»: the engine's repair around the lesson the завуч placed by hand (it stays); locked
   * lessons never move, as few others as possible do. Proposes the changes; nothing is saved until
   * the diff is accepted through `timetable.placements.update`.
   */
  'timetable.edit.repair': mutation({
    summary: 'Исправить расписание вокруг переноса',
    right: 'timetable.edit',
    entity: 'timetable',
    record: 'Исправление расписания',
    input: z.object({
      versionId: recordId,
      version,
      lessonId: recordId,
      index: z.number().int().min(0).max(40),
      /** The window's id for the job, so «Отменить» can name it while the call still waits. */
      jobId: z.string().min(1).max(100).optional(),
    }),
    output: z.object({
      changes: z.array(repairChange),
      /** The changes as `timetable.placements.update` takes them. */
      moves: z.array(editMove),
      hardBefore: z.number(),
      hardAfter: z.number(),
      elapsedMs: z.number(),
    }),
  }),
  /**
   * Stops a running «Исправить» between two attempts (or probes of the fewest-moves search): the
   * repair call ends with CANCELLED, the job's status says «Отменено», nothing is saved.
   */
  'timetable.edit.repair.cancel': mutation({
    summary: 'Отменить исправление расписания',
    right: 'timetable.edit',
    entity: 'timetable',
    input: z.object({ jobId: z.string().min(1).max(100) }),
    output: z.object({ cancelled: z.boolean() }),
  }),
  /** What moved between two versions, for whom (class, teacher), by day. */
  'timetable.versions.compare': query({
    summary: 'Сравнить версии расписания',
    right: 'timetable.all',
    input: z.object({ fromId: recordId, toId: recordId }),
    output: z.object({ from: z.string(), to: z.string(), changes: z.array(compareChange) }),
  }),
  /** The notice-board sheet «Изменения в расписании с дд.мм.гггг»: the comparison grouped by class. */
  'timetable.versions.changesSheet': query({
    summary: 'Лист «Изменения в расписании»',
    right: 'timetable.all',
    exportsPersonalData: true,
    input: z.object({ fromId: recordId, toId: recordId, from: isoDate, format: z.enum(['xlsx', 'pdf']), paper: z.enum(['A4', 'A3']).default('A4') }),
    output: exportedFile,
  }),
};
