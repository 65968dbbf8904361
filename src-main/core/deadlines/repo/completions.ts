import type { Insertable, Selectable } from 'kysely';
import type { DeadlineCompletionTable } from '../../db/schemaDeadlines';
import type { Executor } from '../../foundation/executor';

/** SQL of the stored completions: owners' ticks and the frozen history of done tasks. */

export type CompletionRecord = Selectable<DeadlineCompletionTable>;

export async function allCompletions(db: Executor): Promise<CompletionRecord[]> {
  return db.selectFrom('deadlineCompletion').selectAll().execute();
}

export async function findCompletion(db: Executor, taskKey: string): Promise<CompletionRecord | undefined> {
  return db.selectFrom('deadlineCompletion').selectAll().where('taskKey', '=', taskKey).executeTakeFirst();
}

export async function insertCompletions(db: Executor, rows: Insertable<DeadlineCompletionTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('deadlineCompletion').values(rows.slice(i, i + 200)).execute();
}

export async function deleteCompletionIf(db: Executor, id: string, version: number): Promise<boolean> {
  const r = await db.deleteFrom('deadlineCompletion').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
