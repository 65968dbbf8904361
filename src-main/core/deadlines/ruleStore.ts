import type { RuleRow } from '../../../src-shared/contract/deadlines';
import type { RoleId } from '../../../src-shared/contract/access';
import { DEFAULT_RULES, defaultRule } from '../../../src-shared/domain/deadlines/defaultRules';
import { ANCHORS, describeTerm, type AnchorId, type CheckId, type ConfirmMode, type DeadlineRule, type Direction, type RuleSource, type UnitId } from '../../../src-shared/domain/deadlines/ruleModel';
import type { Executor } from '../foundation/executor';
import { storedRules, type RuleRecord } from './repo/rules';

/**
 * The rules in force: the shipped set, each replaced by the administrator's copy when there is one,
 * then the school's own rules — as the production calendar's shipped years are overlaid by stored ones.
 */
export interface EffectiveRule extends DeadlineRule {
  origin: 'shipped' | 'edited' | 'own';
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

export function ruleOfRecord(r: RuleRecord): DeadlineRule {
  return {
    key: r.key,
    title: r.title,
    description: r.description,
    role: r.role as RoleId,
    anchor: r.anchor as AnchorId,
    monthDay: r.monthDay,
    offset: Number(r.amount),
    unit: r.unit as UnitId,
    direction: r.direction as Direction,
    confirm: r.confirm as ConfirmMode,
    check: (r.checkKind as CheckId | null) ?? null,
    section: r.section,
    source: r.source as RuleSource,
    reportKey: r.reportKey,
    link: r.link,
    isActive: Number(r.isActive) === 1,
  };
}

export function effectiveOf(records: readonly RuleRecord[]): EffectiveRule[] {
  const byKey = new Map(records.map((r) => [r.key, r]));
  const out: EffectiveRule[] = DEFAULT_RULES.map((d) => {
    const r = byKey.get(d.key);
    return r ? { ...ruleOfRecord(r), source: d.source, reportKey: d.reportKey, origin: 'edited' as const, version: Number(r.version), updatedAt: r.updatedAt, updatedBy: r.updatedBy } : { ...d, origin: 'shipped' as const, version: 0, updatedAt: null, updatedBy: null };
  });
  for (const r of records) {
    if (!defaultRule(r.key)) out.push({ ...ruleOfRecord(r), origin: 'own', version: Number(r.version), updatedAt: r.updatedAt, updatedBy: r.updatedBy });
  }
  return out;
}

export async function effectiveRules(db: Executor): Promise<EffectiveRule[]> {
  return effectiveOf(await storedRules(db));
}

export function toRuleRow(r: EffectiveRule): RuleRow {
  const shipped = r.origin === 'edited' ? defaultRule(r.key) : undefined;
  return {
    key: r.key,
    title: r.title,
    description: r.description,
    role: r.role,
    anchor: r.anchor,
    monthDay: r.monthDay,
    offset: r.offset,
    unit: r.unit,
    direction: r.direction,
    confirm: r.confirm,
    check: r.check,
    section: r.section,
    source: r.source,
    reportKey: r.reportKey,
    link: r.link,
    isActive: r.isActive,
    term: describeTerm(r),
    standing: !ANCHORS[r.anchor].dated,
    origin: r.origin,
    shippedTerm: shipped ? describeTerm(shipped) : null,
    version: r.version,
    updatedAt: r.updatedAt,
    updatedBy: r.updatedBy,
  };
}
