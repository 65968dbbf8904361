/**
 * Public surface of the deadline monitor (floor 8). The reports catalogue (issue 21) asks
 * `nextReportDeadline(ctx, reportKey)` for the date to show beside a report; the handlers call the
 * rest. `accountDueByRule` is plugged into the accounts domain's port in src-main/core/wiring.ts.
 */
export { accountDueByRule } from './accountRule';
export { officeCalendarIn } from './facts';
export { homeView, taskCounts } from './home';
export { journal, journalWorkbook } from './journal';
export { nextReportDeadline, reportDeadlines, type ReportDeadline } from './reportDeadline';
export { listRules, resetRule, saveRule } from './ruleService';
export { tickTask, untickTask } from './tickService';
