import type { CatalogueEntry } from '../../../src-shared/contract/reports';
import type { Right } from '../../../src-shared/contract/rights';
import { AUDIENCE_TITLES, PRINT_FORMS, PRINT_FORM_KEYS, REPORTS, REPORT_KEYS, SCREEN_REPORTS, SCREEN_REPORT_KEYS, type ReportAudience } from '../../../src-shared/domain/reports/catalogue';
import { hasRight } from '../access/index';
import type { HandlerContext } from '../foundation/context';
import { savedReportEntries } from './builder/savedReports';

/**
 * The catalogue as this user sees it: every report with its purpose, deadline and audience, and
 * whether this user may run it (a report they may not run is shown, not hidden, so a teacher knows
 * the school-wide ones exist and whom to ask).
 */
const AUDIENCE_RIGHT: Record<ReportAudience, Right> = { school: 'reports.school', class: 'reports.class', staff: 'reports.staff' };

export async function catalogue(ctx: HandlerContext): Promise<CatalogueEntry[]> {
  const user = ctx.caller.user;
  const out: CatalogueEntry[] = [];
  for (const key of REPORT_KEYS) {
    const r = REPORTS[key];
    out.push({ key, kind: 'report', title: r.title, purpose: r.purpose, group: r.group, audience: AUDIENCE_TITLES[r.audience], params: [...r.params], deadline: r.deadline, source: r.source, names: r.names, path: `/reports/run/${key}`, canRun: hasRight(user, AUDIENCE_RIGHT[r.audience]) });
  }
  for (const key of SCREEN_REPORT_KEYS) {
    const r = SCREEN_REPORTS[key];
    out.push({ key, kind: 'screen', title: r.title, purpose: r.purpose, group: r.group, audience: AUDIENCE_TITLES[r.audience], params: [], deadline: r.deadline, source: r.source, names: true, path: r.path, canRun: hasRight(user, r.right) });
  }
  for (const key of PRINT_FORM_KEYS) {
    const r = PRINT_FORMS[key];
    out.push({
      key,
      kind: 'print',
      title: r.title,
      purpose: r.purpose,
      group: 'Печатные формы',
      audience: r.person === 'pupil' ? 'Все, кто видит карточку обучающегося (учителя — своих классов)' : 'Все, кто видит карточки сотрудников',
      params: [r.person],
      deadline: null,
      source: r.source,
      names: true,
      path: `/reports/print/${key}`,
      canRun: hasRight(user, r.person === 'pupil' ? 'pupils.read' : 'staff.read'),
    });
  }
  out.push(...(await savedReportEntries(ctx)));
  return out;
}
