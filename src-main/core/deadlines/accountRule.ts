import type { PersonKind } from '../../../src-shared/domain/personRules';
import { dueDateOf, type OfficeCalendar } from '../../../src-shared/domain/deadlines/dueDates';
import type { DeadlineRule } from '../../../src-shared/domain/deadlines/ruleModel';
import type { Executor } from '../foundation/executor';
import { officeCalendarIn } from './facts';
import { effectiveRules } from './ruleStore';

/**
 * The account deadline by the rule in force (work order 3.6, or the administrator's change of it),
 * plugged into the accounts domain's port: accounts keep the due date, the rule decides it.
 */

/** The rule that dates a person's account task: an active rule checking accounts from the person's order. */
export function accountRuleFor(rules: readonly DeadlineRule[], personKind: PersonKind): DeadlineRule | undefined {
  const anchor = personKind === 'staff' ? 'hireOrder' : 'enrolmentOrder';
  return rules.find((r) => r.isActive && r.anchor === anchor && r.confirm === 'data' && r.check === 'accounts');
}

type Calculator = (personKind: PersonKind, orderDate: string) => string | null;

function calculator(rules: readonly DeadlineRule[], cal: OfficeCalendar): Calculator {
  return (personKind, orderDate) => {
    const rule = accountRuleFor(rules, personKind);
    return rule ? dueDateOf(rule, orderDate, cal).date : null;
  };
}

// One calculation per transaction: signing an order or applying a pull opens many tasks at once.
const perTransaction = new WeakMap<object, Promise<Calculator>>();

async function load(db: Executor): Promise<Calculator> {
  return calculator(await effectiveRules(db), await officeCalendarIn(db));
}

export async function accountDueByRule(db: Executor, personKind: PersonKind, orderDate: string): Promise<string | null> {
  if (!(db as { isTransaction?: boolean }).isTransaction) return (await load(db))(personKind, orderDate);
  let calc = perTransaction.get(db);
  if (!calc) {
    calc = load(db);
    perTransaction.set(db, calc);
  }
  return (await calc)(personKind, orderDate);
}
