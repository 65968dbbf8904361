import { formatRu } from '../../../../src-shared/domain/calendar/dates';
import { pupilsAwaitingAccountTasks } from '../../movement/index';
import type { Executor } from '../../foundation/executor';
import { personLabel } from './peopleIndex';
import type { PeopleState } from './planPeople';

/**
 * The portal-account tasks (work order 3.6) the domains open on their own while a pull is applied,
 * as preview entries: apply writes links and orders through people's and the movement book's
 * write paths, and those open tasks the pull does not ask for. Predicted in the order apply runs
 * them (applyPlan.ts): links (a parent linked to a pupil who already had an account record gets
 * one), then the pulled logins, then the catch-up of signed enrolments whose pupil has no account
 * record (the pupil and every parent linked to them by then). Nobody gets a second record.
 */
export async function planAccountTasks(db: Executor, st: PeopleState): Promise<void> {
  const { tasks, ctx } = st;
  const opened = new Set<string>();
  const has = (kind: 'pupil' | 'parent', id: string) => tasks.accountsBefore.has(`${kind}|${id}`) || opened.has(`${kind}|${id}`);
  const push = (key: string, fileName: string, row: number | null, who: string, why: string) =>
    st.entries.push({ key, fileName, row, entity: 'account', action: 'create', label: `Учётная запись портала: ${who}`, recordId: null, matchedBy: null, changes: [{ field: 'status', label: 'Учётная запись', old: null, new: `нужно создать (${why})` }], issues: [], candidates: [] });

  // Links: the pupil's record must exist before the pull (logins are written after the links).
  for (const l of tasks.links) {
    if (!tasks.accountsBefore.has(`pupil|${l.pupilId}`) || has('parent', l.parentId)) continue;
    opened.add(`parent|${l.parentId}`);
    push(`${l.key}:account`, l.fileName, l.row, l.parentLabel, 'родитель связан с зачисленным обучающимся');
  }
  // After the logins: a pupil with a login now has a record (ctx.accounts holds the planned ones).
  const withRecord = (id: string) => ctx.accounts.has(`pupil|${id}`) || opened.has(`pupil|${id}`);
  const latest = new Map<string, { orderDate: string; fileName: string; row: number | null }>();
  for (const [pupilId, o] of await pupilsAwaitingAccountTasks(db)) latest.set(pupilId, { orderDate: o.orderDate, fileName: 'книга движения программы', row: null });
  for (const e of tasks.enrolments) {
    const cur = latest.get(e.pupilId);
    if (!cur || e.orderDate > cur.orderDate) latest.set(e.pupilId, { orderDate: e.orderDate, fileName: e.fileName, row: e.row });
  }
  const parentsOf = new Map<string, string[]>();
  for (const [pupilId, list] of ctx.familyOf) parentsOf.set(pupilId, list.map((l) => l.parentId));
  for (const l of tasks.links) parentsOf.set(l.pupilId, [...(parentsOf.get(l.pupilId) ?? []), l.parentId]);
  // A stable key for a person: planned ids differ between the preview's plan and apply's.
  const stable = (id: string) => tasks.createdBy.get(id) ?? id;
  const label = (kind: 'pupil' | 'parent', id: string) => {
    const p = (kind === 'pupil' ? ctx.pupils : ctx.parents).get(id);
    return p ? personLabel(p) : '—';
  };
  for (const [pupilId, o] of latest) {
    if (withRecord(pupilId)) continue;
    const why = `зачисление ${formatRu(o.orderDate)}`;
    opened.add(`pupil|${pupilId}`);
    push(`task:pupil:${stable(pupilId)}`, o.fileName, o.row, label('pupil', pupilId), why);
    for (const parentId of parentsOf.get(pupilId) ?? []) {
      if (has('parent', parentId) || ctx.accounts.has(`parent|${parentId}`)) continue;
      opened.add(`parent|${parentId}`);
      push(`task:parent:${stable(parentId)}`, o.fileName, o.row, label('parent', parentId), `${why}, ребёнок — ${label('pupil', pupilId)}`);
    }
  }
}

