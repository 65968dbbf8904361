import type { RuleInput, RuleRow } from '../../../src-shared/contract/deadlines';
import { newId } from '../../../src-shared/domain/ids';
import { defaultRule } from '../../../src-shared/domain/deadlines/defaultRules';
import { dueDateOf } from '../../../src-shared/domain/deadlines/dueDates';
import { generateTasks, type Task } from '../../../src-shared/domain/deadlines/generateTasks';
import { ruleProblems, type DeadlineRule } from '../../../src-shared/domain/deadlines/ruleModel';
import { RULE_LABELS } from '../../../src-shared/contract/deadlines';
import { AppError } from '../../../src-shared/errors';
import { redateOpenAccounts } from '../accounts/index';
import type { HandlerContext } from '../foundation/context';
import { nowIso } from '../foundation/clock';
import { diffFields } from '../foundation/auditLog';
import { NOTHING_SAVED, notFound, stale } from '../foundation/refusals';
import type { Executor } from '../foundation/executor';
import { accountRuleFor } from './accountRule';
import { insertCompletions } from './repo/completions';
import { deleteRuleIf, findRule, insertRule, updateRuleIf } from './repo/rules';
import { effectiveRules, toRuleRow, type EffectiveRule } from './ruleStore';
import { computeTasks } from './tasks';

/**
 * The administrator's edits of the rules. A change recomputes the rule's open tasks (they are
 * computed from the rule on every read) and keeps the history of the done ones: a done task whose
 * due date would move is stored with the date it was due. Open portal-account tasks get the new
 * due date in the accounts domain, handed-over ones keep theirs.
 */

type ParsedRule = Omit<RuleInput, 'check'> & { check: DeadlineRule['check']; description: string | null; monthDay: string | null; link: string | null };

const RECORD = 'Правило срока';

export async function listRules(ctx: HandlerContext): Promise<{ rules: RuleRow[] }> {
  return { rules: (await effectiveRules(ctx.core.db)).map(toRuleRow) };
}

function refuseField(title: string, field: string, message: string): AppError {
  const label = RULE_LABELS[`rule.${field}`] ?? field;
  return new AppError('VALIDATION', `${RECORD} «${title}», поле «${label}»: ${message}. ${NOTHING_SAVED}`, { issues: [{ path: `rule.${field}`, message }] });
}

/** Done tasks whose due date the change would move (or whose rule stops making them), frozen as they were. */
function toFreeze(before: readonly Task[], after: readonly Task[]): Task[] {
  const next = new Map(after.map((t) => [t.key, t]));
  return before.filter((t) => t.done && !t.completion && t.doneOn && next.get(t.key)?.dueDate !== t.dueDate);
}

async function applyChange(
  ctx: HandlerContext,
  old: EffectiveRule | undefined,
  next: DeadlineRule | null,
  write: (trx: Executor) => Promise<void>,
): Promise<{ frozen: number; redated: number }> {
  // Tasks are computed before the transaction: the domains' reads use the core's own connection.
  const c = await computeTasks(ctx, { only: (r) => r.key === old?.key });
  const byKey = new Map(c.completions.map((x) => [x.taskKey, x]));
  const before = old ? c.tasks : [];
  const after = next ? generateTasks([next], c.gathered.facts, c.gathered.cal, byKey, c.today) : [];
  const freeze = toFreeze(before, after);
  const accountRule = next ? accountRuleFor([next], next.anchor === 'hireOrder' ? 'staff' : 'pupil') : undefined;
  const at = nowIso();
  let redated = 0;
  await ctx.core.db.transaction().execute(async (trx) => {
    await write(trx);
    await insertCompletions(
      trx,
      freeze.map((t) => ({ id: newId(), taskKey: t.key, ruleKey: t.ruleKey, kind: 'frozen', title: t.title, subject: t.subject, role: t.role, dueDate: t.dueDate, doneOn: t.doneOn as string, doneBy: t.doneBy, doneByUserId: null, note: null, version: 1, createdAt: at })),
    );
    if (accountRule) {
      const kinds = accountRule.anchor === 'hireOrder' ? (['staff'] as const) : (['pupil', 'parent'] as const);
      redated = await redateOpenAccounts(ctx, trx, kinds, (orderDate) => dueDateOf(accountRule, orderDate, c.gathered.cal).date, `Изменено правило срока «${accountRule.title}»`);
    }
  });
  return { frozen: freeze.length, redated };
}

function columns(r: ParsedRule, source: DeadlineRule['source'], reportKey: string | null, by: string | null) {
  return {
    title: r.title,
    description: r.description,
    role: r.role,
    anchor: r.anchor,
    monthDay: r.anchor === 'yearDate' ? r.monthDay : null,
    amount: r.offset,
    unit: r.unit,
    direction: r.direction,
    confirm: r.confirm,
    checkKind: r.confirm === 'data' ? r.check : null,
    section: r.section,
    source,
    reportKey,
    link: r.link,
    isActive: r.isActive ? 1 : 0,
    updatedAt: nowIso(),
    updatedBy: by,
  };
}

export async function saveRule(ctx: HandlerContext, input: { key: string | null; version: number; rule: ParsedRule }): Promise<{ rule: RuleRow; frozen: number; redated: number }> {
  const r = input.rule;
  const [problem] = ruleProblems({ ...r, check: r.check ?? null });
  if (problem) throw refuseField(r.title, problem.field, problem.message);
  const rules = await effectiveRules(ctx.core.db);
  const old = input.key ? rules.find((x) => x.key === input.key) : undefined;
  if (input.key && !old) throw notFound(RECORD);
  if (old && old.version !== input.version) throw stale(`${RECORD} «${old.title}»`, old.version);
  if (!old && input.version !== 0) throw stale(RECORD, 0);
  const key = old?.key ?? `own-${newId()}`;
  const shipped = defaultRule(key);
  const row = columns(r, shipped?.source ?? 'school', shipped?.reportKey ?? null, ctx.caller.user?.name ?? null);
  const next: DeadlineRule = { key, title: r.title, description: r.description, role: r.role, anchor: r.anchor, monthDay: row.monthDay, offset: r.offset, unit: r.unit, direction: r.direction, confirm: r.confirm, check: row.checkKind as DeadlineRule['check'], section: r.section, source: row.source, reportKey: row.reportKey, link: r.link, isActive: r.isActive };
  const result = await applyChange(ctx, old, next, async (trx) => {
    const stored = await findRule(trx, key);
    if (stored) {
      if (!(await updateRuleIf(trx, key, Number(stored.version), row)) || Number(stored.version) !== input.version) throw stale(`${RECORD} «${stored.title}»`, Number(stored.version));
    } else {
      if (input.version !== 0) throw stale(RECORD, 0);
      await insertRule(trx, { key, ...row, version: 1 });
    }
    const { updatedAt: _a, updatedBy: _b, ...now } = row;
    const before = old ? { title: old.title, description: old.description, role: old.role, anchor: old.anchor, monthDay: old.monthDay, amount: old.offset, unit: old.unit, direction: old.direction, confirm: old.confirm, checkKind: old.check, section: old.section, source: old.source, reportKey: old.reportKey, link: old.link, isActive: old.isActive ? 1 : 0 } : null;
    await ctx.audit.record(trx, { recordId: key, action: stored ? 'update' : 'create', changes: diffFields(before, now) });
  });
  const saved = (await effectiveRules(ctx.core.db)).find((x) => x.key === key) as EffectiveRule;
  return { rule: toRuleRow(saved), ...result };
}

export async function resetRule(ctx: HandlerContext, input: { key: string; version: number }): Promise<{ rule: RuleRow | null; frozen: number; redated: number }> {
  const old = (await effectiveRules(ctx.core.db)).find((x) => x.key === input.key);
  if (!old) throw notFound(RECORD);
  if (old.origin === 'shipped') return { rule: toRuleRow(old), frozen: 0, redated: 0 };
  if (old.version !== input.version) throw stale(`${RECORD} «${old.title}»`, old.version);
  const shipped = defaultRule(input.key) ?? null;
  const result = await applyChange(ctx, old, shipped, async (trx) => {
    if (!(await deleteRuleIf(trx, input.key, input.version))) throw stale(`${RECORD} «${old.title}»`, old.version);
    await ctx.audit.record(trx, { recordId: input.key, action: shipped ? 'reset' : 'delete', changes: { title: [old.title, shipped?.title ?? null], term: [old.offset, shipped?.offset ?? null] } });
  });
  const now = (await effectiveRules(ctx.core.db)).find((x) => x.key === input.key);
  return { rule: now ? toRuleRow(now) : null, ...result };
}
