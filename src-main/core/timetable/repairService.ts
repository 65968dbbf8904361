import type { EditMove, RepairChange } from '../../../src-shared/contract/timetableEdit';
import { AppError } from '../../../src-shared/errors';
import type { PlacementOut } from '../../../src-shared/contract/timetableFields';
import type { HandlerContext } from '../foundation/context';
import type { Job } from '../foundation/jobs';
import { refusal } from '../foundation/refusals';
import { compile, inspect, minimalRepair, minimiseChanges, repair, revertChanges, settleRooms, type Compiled, type Placement, type Timetable, type TimetableInstance } from './engine';
import { editModel } from './editTargets';
import { toTimetable } from './instance';
import { lessonText, placeText } from './placeText';
import { writableDraft } from './versionService';
import { loadVersion } from './versionStore';

/**
 * «Исправить» (issue 16, part 3): after a hand move that breaks hard rules, the engine's repair with
 * the moved lesson and every locked lesson fixed, every other lesson anchored to its place with a
 * penalty; then each changed lesson that can go back without a hard violation goes back
 * (`minimiseChanges`). The result is a proposal — the diff the завуч accepts is saved by
 * `timetable.placements.update` exactly as listed.
 */

export interface ProposalOptions {
  /** Called before each attempt (progress; may throw CANCELLED to stop between attempts). */
  onAttempt?: (attempt: number, of: number, hard: number) => void;
  /**
   * The pipeline as it stood before the fewest-moves search (annealing attempts bounded by the
   * clock, single move-backs only) — kept for the bench's side-by-side rows, never used by the app.
   */
  baseline?: boolean;
}

/**
 * The engine's repair around one hand-placed occurrence, trimmed to the fewest changes: the moved
 * lesson and every locked one stay; rooms are settled last. Pure (no database): the bench runs it.
 */
export function repairProposal(
  instance: TimetableInstance,
  c: Compiled,
  before: Timetable,
  move: Placement,
  hardBefore: number,
  opts: ProposalOptions = {},
): { timetable: Timetable; hardAfter: number; elapsedMs: number } {
  const { onAttempt, baseline = false } = opts;
  // The moved lesson stays where the завуч put it while changes are undone.
  const pinned = compile({
    ...instance,
    lessons: instance.lessons.map((l) =>
      l.id !== move.lessonId ? l : { ...l, locked: Array.from({ length: l.count }, (_, k) => (k === move.index ? { day: move.day, period: move.period, ...(move.roomId ? { roomId: move.roomId } : {}) } : (l.locked?.[k] ?? null))) },
    ),
  });
  const t0 = performance.now();
  // First the fewest-moves search: one, two… five other lessons moved, as a person would.
  if (!baseline) {
    onAttempt?.(0, ATTEMPTS + 1, hardBefore);
    const few = minimalRepair(pinned, before, { tick: () => onAttempt?.(0, ATTEMPTS + 1, hardBefore) });
    if (few) {
      const trimmed = settleRooms(pinned, revertChanges(pinned, before, few.timetable).timetable).timetable;
      if (inspect(c, trimmed).hard === 0) return { timetable: trimmed, hardAfter: 0, elapsedMs: performance.now() - t0 };
    }
  }
  // Else the annealing repair, each attempt continuing from where the last stopped (the diff still
  // taken against the saved draft), then the minimising pass. Attempts end by iterations, never by
  // the clock: a busy machine gives the same proposal, only later.
  let from = before;
  // Never propose worse than what stands: the best attempt wins, else nothing changes.
  let best = { timetable: before, hard: hardBefore };
  const offset = baseline ? 0 : 1;
  for (let attempt = 0; attempt < ATTEMPTS && best.hard > 0 && (!baseline || performance.now() - t0 < 6000); attempt++) {
    onAttempt?.(attempt + offset, ATTEMPTS + offset, best.hard);
    const res = repair(instance, { timetable: from, move, seed: 1 + attempt, timeLimitMs: baseline ? 1500 : 600_000 });
    const fewer = minimiseChanges(pinned, before, res.timetable).timetable;
    const trimmed = settleRooms(pinned, baseline ? fewer : revertChanges(pinned, before, fewer).timetable).timetable;
    const hard = inspect(c, trimmed).hard;
    // An attempt that clears nothing more means the rest cannot be cleared around this move (a
    // teacher away at the very period the lesson was put in): the завуч hears so now, not in a minute.
    if (hard >= best.hard && !baseline) break;
    if (hard < best.hard) best = { timetable: trimmed, hard };
    from = trimmed;
  }
  const elapsedMs = performance.now() - t0;
  return { timetable: best.timetable, hardAfter: best.hard, elapsedMs };
}

const ATTEMPTS = 4;

/**
 * Runs in the core's job worker (workerJobs.ts): seconds of solving never hold the server's event
 * loop; the status bar shows the attempts and «Отменить» stops between two of them (and every
 * 10 000 probes of the fewest-moves search).
 */
export async function repairAround(ctx: HandlerContext, input: { versionId: string; version: number; lessonId: string; index: number; jobId?: string }) {
  const job = ctx.core.jobs.start('Исправление расписания', input.jobId);
  try {
    const out = await repairWithin(ctx, input, job);
    job.finish(out.hardAfter < out.hardBefore ? `Предложено изменений: ${out.changes.length}` : 'Исправить не удалось');
    return out;
  } catch (err) {
    // A cancelled job has already said «Отменено»; a second final word would hide it.
    if (!(err instanceof AppError && err.code === 'CANCELLED')) job.finish('Исправление не выполнено');
    throw err;
  }
}

async function repairWithin(ctx: HandlerContext, input: { versionId: string; version: number; lessonId: string; index: number }, job: Pick<Job, 'progress' | 'throwIfCancelled'>) {
  const row = await writableDraft(ctx.core.db, input.versionId, input.version);
  const v = await loadVersion(ctx.core.db, row.id, row);
  const moved = v.placements.find((p) => p.lessonId === input.lessonId && p.index === input.index);
  if (!moved) throw refusal(`Урок «${lessonText(v, input.lessonId)}» №${input.index + 1} не поставлен — исправлять нечего вокруг него`);
  const m = await editModel(ctx, v);
  const before = toTimetable(v.placements);
  const hardBefore = inspect(m.c, before).hard;
  if (hardBefore === 0) throw refusal('Нарушений нет — исправлять нечего');
  const move: Placement = { lessonId: moved.lessonId, index: moved.index, day: moved.day, period: moved.period, roomId: moved.roomId };
  const { timetable: trimmed, hardAfter, elapsedMs } = repairProposal(m.instance, m.c, before, move, hardBefore, {
    onAttempt: (attempt, of, hard) => {
      job.throwIfCancelled();
      job.progress(attempt, of, `Попытка ${attempt + 1} из ${of}: нарушений ${hard}`);
    },
  });
  const old = new Map(v.placements.map((p) => [`${p.lessonId}:${p.index}`, p]));
  const now = new Map(trimmed.placements.map((p) => [`${p.lessonId}:${p.index}`, p]));
  const changes: RepairChange[] = [];
  const moves: EditMove[] = [];
  const keys = new Set([...old.keys(), ...now.keys()]);
  for (const key of keys) {
    const a: PlacementOut | undefined = old.get(key);
    const b = now.get(key);
    if (a && b && a.day === b.day && a.period === b.period && (a.roomId ?? null) === (b.roomId ?? null)) continue;
    const [lessonId, index] = [key.slice(0, key.lastIndexOf(':')), Number(key.slice(key.lastIndexOf(':') + 1))];
    // Locks are hard in the repaired instance; a proposal touching one would be a bug, never saved.
    if (a?.locked) throw refusal(`Исправление затронуло закреплённый урок «${lessonText(v, lessonId)}» — предложение отброшено`);
    const from = a ? { day: a.day, period: a.period, roomId: a.roomId } : null;
    const to = b ? { day: b.day, period: b.period, roomId: b.roomId ?? null } : null;
    changes.push({ lessonId, index, lesson: `${lessonText(v, lessonId)} №${index + 1}`, from, to, fromText: placeText(v, from), toText: placeText(v, to) });
    moves.push({ lessonId, index, day: to?.day ?? null, period: to?.period ?? null, roomId: to?.roomId ?? null, locked: false });
  }
  changes.sort((x, y) => x.lesson.localeCompare(y.lesson, 'ru'));
  return { changes, moves, hardBefore, hardAfter, elapsedMs: Math.round(elapsedMs) };
}
