import type { JournalRow } from '../../../src-shared/contract/deadlines';
import { ROLES, type RoleId } from '../../../src-shared/contract/access';
import type { ExportedFile } from '../../../src-shared/contract/files';
import { addDays, formatRu } from '../../../src-shared/domain/calendar/dates';
import { complianceOf, TASK_STATUSES, taskStatus } from '../../../src-shared/domain/deadlines/taskStatus';
import type { HandlerContext } from '../foundation/context';
import { addBodyRow, addHeader, addTitle, newWorkbook, toFile, ru } from '../foundation/xlsxSheet';
import { schoolShortName } from '../schoolSetup/index';
import { computeTasks, ownerLabel, roleHolders } from './tasks';

/**
 * The director's journal of compliance (work order 3.1: the director answers for all of it): every
 * task due in a date range — when it was due, when and by whom it was done, late or on time — with
 * the stored history of tasks whose rule was switched off or whose record is gone.
 */

interface JournalInput {
  from: string;
  to: string;
  role?: RoleId;
}

export async function journal(ctx: HandlerContext, input: JournalInput): Promise<{ rows: JournalRow[]; onTime: number; late: number; open: number }> {
  // A year's tasks fall inside the year or shortly after it (the last period's reports).
  const c = await computeTasks(ctx, { years: (y) => y.startDate <= input.to && addDays(y.endDate, 60) >= input.from });
  const holders = await roleHolders(ctx);
  const inRange = (d: string | null, anchor: string) => {
    const date = d ?? anchor;
    return date >= input.from && date <= input.to;
  };
  const rows: JournalRow[] = [];
  const seen = new Set<string>();
  for (const t of c.tasks) {
    seen.add(t.key);
    if (!inRange(t.dueDate, t.anchorDate) || (input.role && t.role !== input.role)) continue;
    rows.push({ key: t.key, title: t.title, subject: t.subject, section: t.section, owner: ownerLabel(t, holders), dueDate: t.dueDate, doneOn: t.doneOn, doneBy: t.doneBy, note: t.note, status: t.status, compliance: complianceOf(t.status), historyOnly: false });
  }
  for (const s of c.completions) {
    if (seen.has(s.taskKey) || !s.dueDate || !inRange(s.dueDate, s.dueDate) || (input.role && s.role !== input.role)) continue;
    const status = taskStatus({ confirm: 'owner', dueDate: s.dueDate, done: true, doneOn: s.doneOn }, c.today);
    rows.push({ key: s.taskKey, title: s.title, subject: s.subject, section: '', owner: ROLES[s.role as RoleId] ?? s.role, dueDate: s.dueDate, doneOn: s.doneOn, doneBy: s.doneBy, note: s.note, status, compliance: complianceOf(status), historyOnly: true });
  }
  rows.sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.title.localeCompare(b.title, 'ru') || a.subject.localeCompare(b.subject, 'ru'));
  return {
    rows,
    onTime: rows.filter((r) => r.compliance === 'onTime').length,
    late: rows.filter((r) => r.compliance === 'late').length,
    open: rows.filter((r) => r.status === 'open').length,
  };
}

const COMPLIANCE_TEXT = { onTime: 'в срок', late: 'с нарушением срока' } as const;

export async function journalWorkbook(ctx: HandlerContext, input: JournalInput): Promise<ExportedFile> {
  const { rows, onTime, late, open } = await journal(ctx, input);
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Журнал сроков');
  const school = (await schoolShortName(ctx.core.db)) || 'Школа';
  addTitle(
    ws,
    [
      `Журнал соблюдения сроков: ${school}`,
      `Сроки с ${formatRu(input.from)} по ${formatRu(input.to)}${input.role ? `, ответственный — ${ROLES[input.role]}` : ''}. Выполнено в срок: ${onTime}, с нарушением срока: ${late}, в работе: ${open}`,
    ],
    10,
  );
  addHeader(ws, ['№', 'Срок', 'Что сделать', 'Подробно', 'Пункт', 'Ответственный', 'Выполнено', 'Кем', 'Итог', 'Комментарий'], [5, 12, 36, 44, 10, 30, 12, 24, 20, 30]);
  rows.forEach((r, i) =>
    addBodyRow(ws, [
      i + 1,
      ru(r.dueDate),
      r.title,
      r.historyOnly ? `${r.subject} (правило отключено или запись удалена)` : r.subject,
      r.section,
      r.owner,
      ru(r.doneOn),
      r.doneBy,
      r.compliance ? COMPLIANCE_TEXT[r.compliance] : TASK_STATUSES[r.status],
      r.note,
    ]),
  );
  ws.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4, column: 10 } };
  return toFile(wb, `Журнал сроков ${formatRu(input.from)}–${formatRu(input.to)}.xlsx`, rows.length);
}
