import type { ExplanationItem, GenerationProgress, GenerationStatus, LessonOut, PlacementOut, SummaryFigures, TimetableOptions } from '../../../src-shared/contract/timetableFields';
import { newId } from '../../../src-shared/domain/ids';
import { AppError } from '../../../src-shared/errors';
import type { Core, HandlerContext } from '../foundation/context';
import { writableYear } from '../schoolSetup/index';
import { refusal } from '../foundation/refusals';
import { nowIso } from '../foundation/clock';
import type { SolveProgress, SolveResult, SolverHandle } from './engine';
import { evaluateLoaded, figuresOf } from './evaluation';
import { solveInService } from './solverService';
import { toInstance } from './instance';
import { item } from './links';
import type { BuildPeriod } from './buildSnapshot';
import { optionsOf } from './versionMeta';
import { findVersion, updateVersionIf } from './repo/versions';
import { carryIds, emitTimetable, insertDraft, replaceContent, writableDraft } from './versionService';
import { availabilityMap, loadVersion, periodOf, prepareSnapshot } from './versionStore';

/**
 * «Составить»: the solver runs in the core's warm worker thread (solverService.ts), so the core keeps answering
 * other users; progress goes out as `progress` events (and `timetable.generate.status`) at least
 * every second; cancel stops the worker and saves nothing. The result fills the draft it was started
 * on — keeping its locked lessons, and only if nobody saved the draft meanwhile (else CONFLICT,
 * nothing saved) — or becomes a new draft.
 */

interface GenJob {
  status: GenerationStatus;
  handle: SolverHandle | null;
  cancelled: boolean;
  /** The draft (fill) or null (new). */
  targetId: string | null;
  done: Promise<void>;
}

const registries = new WeakMap<Core, Map<string, GenJob>>();
const KEEP_FINISHED = 50;
const TITLE = 'Составление расписания';

function registry(core: Core): Map<string, GenJob> {
  let r = registries.get(core);
  if (!r) {
    r = new Map();
    registries.set(core, r);
  }
  return r;
}

function running(core: Core): GenJob | undefined {
  return [...registry(core).values()].find((j) => j.status.state === 'preparing' || j.status.state === 'running' || j.status.state === 'saving');
}

function remember(core: Core, jobId: string, job: GenJob): void {
  const r = registry(core);
  r.set(jobId, job);
  const finished = [...r.entries()].filter(([, j]) => !['preparing', 'running', 'saving'].includes(j.status.state));
  for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) r.delete(id);
}

export type StartInput =
  | { target: 'fill'; versionId: string; version: number; budget: Budget }
  | { target: 'new'; yearId: string; studyPeriodId: string | null; name: string; options: TimetableOptions; budget: Budget };
type Budget = { seconds: number; seed?: number; maxIterations?: number };

const progressOf = (p: SolveProgress): GenerationProgress => ({
  phase: p.phase,
  elapsedMs: Math.round(p.elapsedMs),
  iteration: p.iteration,
  placed: p.placed,
  units: p.units,
  hard: p.hard,
  soft: Math.round(p.soft),
  teacherGaps: p.teacherGaps,
  peakTueWedShare: p.peakTueWedShare,
  hardFirstLastShare: p.hardFirstLastShare,
});

/** Validates, builds the instance from the current plan and load and starts the worker; returns at once. */
export async function startGeneration(ctx: HandlerContext, input: StartInput): Promise<{ jobId: string; versionId: string | null; budgetSeconds: number }> {
  const core = ctx.core;
  const db = core.db;
  const busy = running(core);
  if (busy) {
    throw refusal(`Уже составляется расписание${busy.targetId ? ' этой школы' : ''} (запущено ${busy.status.message ?? ''}). Дождитесь окончания или отмените его`);
  }
  let yearId: string;
  let period: BuildPeriod;
  let options: TimetableOptions;
  let oldLessons: LessonOut[] = [];
  let oldPlacements: PlacementOut[] = [];
  let name: string;
  if (input.target === 'fill') {
    const row = await writableDraft(db, input.versionId, input.version);
    yearId = row.academicYearId;
    period = await periodOf(db, yearId, row.studyPeriodId);
    options = optionsOf(row);
    const old = await loadVersion(db, row.id, row);
    oldLessons = old.lessons;
    oldPlacements = old.placements;
    name = row.name;
  } else {
    await writableYear(db, input.yearId);
    yearId = input.yearId;
    period = await periodOf(db, yearId, input.studyPeriodId);
    options = input.options;
    name = input.name;
  }
  const prepared = await prepareSnapshot(db, yearId, period, options);
  if (!prepared.precheck.canGenerate) {
    const errors = prepared.precheck.items.filter((i) => i.level === 'error');
    const shown = errors.slice(0, 3).map((e) => e.message.replace(/\.$/, '')).join('; ');
    throw new AppError(
      'VALIDATION',
      errors.length
        ? `Расписание не составлено: ${shown}${errors.length > 3 ? ` (и ещё ${errors.length - 3})` : ''}. Исправьте данные по ссылкам в проверке и повторите. Ничего не изменено.`
        : 'Расписание не составлено: в учебном плане на этот период нет уроков. Ничего не изменено.',
      { items: prepared.precheck.items },
    );
  }
  const { built, data } = prepared;
  const lessons = carryIds(oldLessons, built.lessons);
  const byId = new Map(lessons.map((l) => [l.id, l]));
  const notes: ExplanationItem[] = [];
  const locks = oldPlacements.filter((p) => {
    if (!p.locked) return false;
    const l = byId.get(p.lessonId);
    if (l && p.index < l.count && p.day < built.grid.days.length && p.period + l.duration <= built.grid.periods.length) return true;
    notes.push(item('warning', 'lockDropped', `Закреплённый урок больше не подходит к учебному плану или звонкам и снят: ${oldLessons.find((o) => o.id === p.lessonId)?.audiences.map((a) => a.label).join(', ') ?? ''}.`, null, { lessonIds: [p.lessonId] }));
    return false;
  });
  const instance = toInstance({ grid: built.grid, labels: built.labels, lessons, availability: data.availability, placements: locks, name });
  const jobId = newId();
  const job = core.jobs.start(TITLE, jobId);
  const status: GenerationStatus = { jobId, state: 'running', versionId: input.target === 'fill' ? input.versionId : null, progress: null, budgetSeconds: input.budget.seconds, message: `${ctx.caller.user?.name ?? ''} ${new Date().toLocaleTimeString('ru-RU')}`.trim(), explanation: notes };
  const emit = (): void => {
    const p = status.progress;
    job.progress(p?.placed ?? 0, p?.units ?? 0, status.state === 'running' ? 'Составляется' : status.state, {
      state: status.state,
      versionId: status.versionId,
      ...(p ?? {}),
    });
  };
  const gen: GenJob = { status, handle: null, cancelled: false, targetId: input.target === 'fill' ? input.versionId : null, done: Promise.resolve() };
  remember(core, jobId, gen);
  const handle = solveInService(core, instance, {
    seed: input.budget.seed ?? 1,
    timeLimitMs: input.budget.seconds * 1000,
    ...(input.budget.maxIterations ? { maxIterations: input.budget.maxIterations } : {}),
    progressIntervalMs: 500,
    onProgress: (p) => {
      status.progress = progressOf(p);
      if (status.state === 'running') emit();
    },
  });
  gen.handle = handle;
  job.signal.addEventListener('abort', () => {
    gen.cancelled = true;
    handle.cancel();
  });
  await ctx.audit.record(db, {
    entity: 'timetableVersion',
    recordId: input.target === 'fill' ? input.versionId : null,
    action: 'generate',
    changes: { name, period: period.name, lessons: lessons.length, locked: locks.length, seconds: input.budget.seconds, seed: input.budget.seed ?? 1, jobId },
  });
  gen.done = handle.result
    .then(async (res) => {
      if (gen.cancelled) {
        status.state = 'cancelled';
        status.message = 'Составление отменено, ничего не сохранено';
        job.finish('Отменено');
        return;
      }
      status.state = 'saving';
      const f = res.evaluation.figures;
      status.progress = progressOf({ phase: 'done', iteration: res.iterations, elapsedMs: res.elapsedMs, placed: f.placed, units: f.units, hard: res.evaluation.hard, soft: res.evaluation.soft, teacherGaps: f.teacherGaps, peakTueWedShare: f.peakTueWedShare, hardFirstLastShare: f.hardFirstLastShare });
      emit();
      await saveResult(ctx, input, gen, res, { lessons, built, period, options, name, locks });
      job.finish(finishedText(status), ['timetable']);
    })
    .catch((err: unknown) => {
      core.logger.error('timetable generation failed', { error: String((err as Error)?.message ?? err), stack: (err as Error)?.stack });
      status.state = 'failed';
      status.message = err instanceof AppError ? err.message : 'Составление расписания прервалось из-за внутренней ошибки; ничего не сохранено. Подробности записаны в журнал программы.';
      job.finish('Ошибка');
    });
  emit();
  return { jobId, versionId: status.versionId, budgetSeconds: input.budget.seconds };
}

async function saveResult(
  ctx: HandlerContext,
  input: StartInput,
  gen: GenJob,
  res: SolveResult,
  s: { lessons: LessonOut[]; built: { grid: unknown; labels: unknown }; period: BuildPeriod; options: TimetableOptions; name: string; locks: PlacementOut[] },
): Promise<void> {
  const db = ctx.core.db;
  const status = gen.status;
  const locked = new Set(s.locks.map((p) => `${p.lessonId}:${p.index}`));
  const placements: PlacementOut[] = res.timetable.placements.map((p) => ({ lessonId: p.lessonId, index: p.index, day: p.day, period: p.period, roomId: p.roomId ?? null, locked: locked.has(`${p.lessonId}:${p.index}`) }));
  const f = res.evaluation.figures;
  const at = nowIso();
  const summary: SummaryFigures = {
    lessons: s.lessons.length,
    units: f.units,
    placed: f.placed,
    hard: res.evaluation.hard,
    valid: res.evaluation.valid,
    teacherGaps: f.teacherGaps,
    peakTueWedShare: f.peakTueWedShare,
    hardFirstLastShare: f.hardFirstLastShare,
    evaluatedAt: at,
  };
  const built = s.built as Parameters<typeof insertDraft>[3];
  const versionId = await db.transaction().execute(async (trx) => {
    if (input.target === 'fill') {
      const current = await findVersion(trx, input.versionId);
      if (!current || current.status !== 'draft' || Number(current.version) !== input.version) {
        status.state = 'conflict';
        status.message = current
          ? `Пока составлялось расписание, черновик «${current.name}» изменил ${current.updatedBy ?? 'другой пользователь'}${current.status !== 'draft' ? ' (он больше не черновик)' : ''}. Результат не сохранён — обновите данные и составьте заново.`
          : 'Пока составлялось расписание, черновик удалили. Результат не сохранён.';
        return null;
      }
      await replaceContent(trx, current.id, s.lessons, placements);
      const ok = await updateVersionIf(trx, current.id, input.version, {
        grid: JSON.stringify(built.grid),
        labels: JSON.stringify(built.labels),
        summary: JSON.stringify(summary),
        source: 'generated',
        updatedAt: at,
        updatedBy: ctx.caller.user?.name ?? null,
      });
      if (!ok) throw new AppError('CONFLICT', 'Черновик изменил другой пользователь; результат не сохранён.');
      await ctx.audit.record(trx, { entity: 'timetableVersion', recordId: current.id, action: 'generated', changes: { placed: [null, f.placed], hard: [null, res.evaluation.hard], teacherGaps: [null, f.teacherGaps], iterations: res.iterations } });
      return current.id;
    }
    const id = await insertDraft(trx, ctx, { yearId: input.yearId, name: input.name, period: s.period, options: s.options, source: 'generated', basedOnId: null }, built, s.lessons, placements, summary);
    await ctx.audit.record(trx, { entity: 'timetableVersion', recordId: id, action: 'create', changes: { name: [null, input.name], placed: [null, f.placed], hard: [null, res.evaluation.hard], teacherGaps: [null, f.teacherGaps] } });
    return id;
  });
  if (!versionId) return;
  status.versionId = versionId;
  emitTimetable(ctx, versionId);
  if (!res.evaluation.valid) {
    const v = await loadVersion(db, versionId);
    const e = evaluateLoaded(v, await availabilityMap(db, v.row.academicYearId));
    status.explanation.push(...figuresOf(v, e, { all: true, classIds: new Set(), staffId: null }).explanation);
  }
  status.state = 'done';
  status.message = res.evaluation.valid ? 'Расписание составлено и сохранено' : `Расписание сохранено, но ${res.evaluation.hard} нарушений обязательных правил осталось — см. объяснение`;
}

/** The job's last line: saveResult may have ended in a conflict instead. */
function finishedText(status: GenerationStatus): string {
  return status.state === 'done' ? 'Готово' : (status.message ?? '');
}

export function generationStatus(core: Core, jobId: string): GenerationStatus {
  const job = registry(core).get(jobId);
  if (!job) throw new AppError('NOT_FOUND', 'Составление расписания не найдено: возможно, программу перезапустили. Запустите составление заново.');
  return job.status;
}

export async function cancelGeneration(core: Core, jobId: string): Promise<{ cancelled: boolean }> {
  const job = registry(core).get(jobId);
  if (!job || !['preparing', 'running'].includes(job.status.state)) return { cancelled: false };
  job.cancelled = true;
  job.handle?.cancel();
  core.jobs.cancel(jobId);
  await job.done;
  return { cancelled: job.status.state === 'cancelled' };
}

/** Waits for a generation to end (tests, the demo). */
export async function generationDone(core: Core, jobId: string): Promise<GenerationStatus> {
  const job = registry(core).get(jobId);
  if (!job) throw new AppError('NOT_FOUND', 'Составление расписания не найдено.');
  await job.done;
  return job.status;
}
