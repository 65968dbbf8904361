import type { TaskRow } from '../../../src-shared/contract/deadlines';
import { formatRu } from '../../../src-shared/domain/calendar/dates';
import { newId } from '../../../src-shared/domain/ids';
import type { Task } from '../../../src-shared/domain/deadlines/generateTasks';
import { AppError } from '../../../src-shared/errors';
import { requireUser } from '../access/index';
import type { HandlerContext } from '../foundation/context';
import { nowIso } from '../foundation/clock';
import { isUniqueViolation } from '../foundation/dbErrors';
import { notFound, refusal, stale } from '../foundation/refusals';
import { deleteCompletionIf, findCompletion, insertCompletions } from './repo/completions';
import { computeTasks, ledClasses, mayActFor, roleHolders, toTaskRow, type Computed } from './tasks';

/**
 * The owner's tick: a task the app cannot see done in its own data (a report made in the portal, the
 * staff cards checked) is marked done with a note, by whom and when. Taking a tick back is allowed
 * to whoever may tick it; the audit log keeps both.
 */

function findTask(c: Computed, taskKey: string): Task {
  const t = c.tasks.find((x) => x.key === taskKey);
  if (!t) throw notFound('Задача');
  return t;
}

async function rowOf(ctx: HandlerContext, taskKey: string): Promise<TaskRow> {
  const user = requireUser(ctx);
  const c = await computeTasks(ctx, { only: (r) => taskKey.startsWith(`${r.key}|`) });
  return toTaskRow(findTask(c, taskKey), user, ledClasses(user, c.gathered), await roleHolders(ctx));
}

export async function tickTask(ctx: HandlerContext, input: { taskKey: string; note: string | null; doneOn?: string }): Promise<TaskRow> {
  const user = requireUser(ctx);
  // The task is computed before the transaction: the domains' reads use the core's connection.
  const c = await computeTasks(ctx, { only: (r) => input.taskKey.startsWith(`${r.key}|`) });
  const t = findTask(c, input.taskKey);
  const what = `Задача «${t.title}» (${t.subject})`;
  if (!mayActFor(user, t, ledClasses(user, c.gathered))) throw new AppError('FORBIDDEN', `${what} — не ваша: отметить её может ответственный или директор.`);
  if (t.done) throw refusal(`${what} уже выполнена${t.doneOn ? ` ${formatRu(t.doneOn)}` : ''}`);
  if (!t.tickable) throw refusal(`${what}: программа сама видит выполнение по своим данным (${t.progress ?? 'проверка'}), отмечать вручную не нужно`);
  const doneOn = input.doneOn ?? c.today;
  if (doneOn > c.today) throw refusal(`${what}: дата выполнения ${formatRu(doneOn)} ещё не наступила`);
  const id = newId();
  await ctx.core.db.transaction().execute(async (trx) => {
    try {
      await insertCompletions(trx, [
        { id, taskKey: t.key, ruleKey: t.ruleKey, kind: 'tick', title: t.title, subject: t.subject, role: t.role, dueDate: t.dueDate, doneOn, doneBy: user.name, doneByUserId: user.id, note: input.note, version: 1, createdAt: nowIso() },
      ]);
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('CONFLICT', `${what} только что отмечена другим пользователем. Обновите страницу.`);
      throw err;
    }
    await ctx.audit.record(trx, { recordId: id, action: 'create', changes: { task: [null, `${t.title} — ${t.subject}`], dueDate: [null, t.dueDate], doneOn: [null, doneOn], note: [null, input.note] } });
  });
  return rowOf(ctx, t.key);
}

export async function untickTask(ctx: HandlerContext, input: { taskKey: string; version: number }): Promise<TaskRow> {
  const user = requireUser(ctx);
  const c = await computeTasks(ctx, { only: (r) => input.taskKey.startsWith(`${r.key}|`) });
  const t = findTask(c, input.taskKey);
  const what = `Задача «${t.title}» (${t.subject})`;
  if (!mayActFor(user, t, ledClasses(user, c.gathered))) throw new AppError('FORBIDDEN', `${what} — не ваша: снять отметку может ответственный или директор.`);
  await ctx.core.db.transaction().execute(async (trx) => {
    const stored = await findCompletion(trx, input.taskKey);
    if (!stored || stored.kind !== 'tick') throw refusal(`${what} не отмечена вручную: снимать нечего`);
    if (!(await deleteCompletionIf(trx, stored.id, input.version))) throw stale(what, Number(stored.version));
    await ctx.audit.record(trx, { recordId: stored.id, action: 'delete', changes: { task: [`${t.title} — ${t.subject}`, null], doneOn: [stored.doneOn, null], doneBy: [stored.doneBy, null], note: [stored.note, null] } });
  });
  return rowOf(ctx, t.key);
}
