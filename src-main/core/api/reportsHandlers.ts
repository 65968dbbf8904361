import type { reportsContract } from '../../../src-shared/contract/reports';
import type { reportBuilderContract } from '../../../src-shared/contract/reportBuilder';
import {
  auditRun,
  catalogue,
  certificateRegister,
  issueCertificate,
  deleteReport,
  downloadPrintTemplate,
  drillReport,
  getSaved,
  printTemplatesInfo,
  resetPrintTemplate,
  runDefinition,
  runReport,
  saveReport,
  uploadPrintTemplate,
} from '../reports/index';
import { reportDeadlines } from '../deadlines/index';
import { runJob } from '../workerJobs';
import type { Handlers } from './types';

/**
 * The report catalogue, its three audiences, the print forms and the report builder (issue 21).
 * Files (Excel, DOCX, PDF) are made in the core's job worker: a district's workbook takes seconds
 * of CPU that would otherwise stall every other user's request.
 */
export const reportsHandlers: Handlers<typeof reportsContract & typeof reportBuilderContract> = {
  // The catalogue (reports domain) and the deadline monitor meet here: reports sit below deadlines.
  'reports.catalogue': async (_input, ctx) => {
    const [entries, due] = await Promise.all([catalogue(ctx), reportDeadlines(ctx)]);
    return entries.map((e) => {
      const d = due.get(e.key);
      return d ? { ...e, dueDate: d.dueDate, dueDone: d.done } : e;
    });
  },
  'reports.school.run': async ({ key, params }, ctx) => runReport(ctx, 'school', key, params),
  'reports.school.drill': async ({ key, params, target }, ctx) => drillReport(ctx, 'school', key, params, target),
  'reports.school.export': async ({ key, params }, ctx) => runJob(ctx, 'reports.export', { audience: 'school', key, params }),
  'reports.class.run': async ({ key, params }, ctx) => runReport(ctx, 'class', key, params),
  'reports.class.drill': async ({ key, params, target }, ctx) => drillReport(ctx, 'class', key, params, target),
  'reports.class.export': async ({ key, params }, ctx) => runJob(ctx, 'reports.export', { audience: 'class', key, params }),
  'reports.staff.run': async ({ key, params }, ctx) => runReport(ctx, 'staff', key, params),
  'reports.staff.drill': async ({ key, params, target }, ctx) => drillReport(ctx, 'staff', key, params, target),
  'reports.staff.export': async ({ key, params }, ctx) => runJob(ctx, 'reports.export', { audience: 'staff', key, params }),
  'reports.print.pupilCard': async ({ pupilId, format }, ctx) => runJob(ctx, 'reports.print.pupilCard', { pupilId, format }),
  'reports.print.staffCard': async ({ staffId, format }, ctx) => runJob(ctx, 'reports.print.staffCard', { staffId, format }),
  'reports.print.studyCertificate': async ({ pupilId, format, purpose }, ctx) => issueCertificate(ctx, 'study', pupilId, format, purpose ?? null),
  'reports.print.workCertificate': async ({ staffId, format, purpose }, ctx) => issueCertificate(ctx, 'work', staffId, format, purpose ?? null),
  'reports.certificates.list': async ({ year }, ctx) => certificateRegister(ctx, year ?? null),
  'reports.templates.info': async (_input, ctx) => printTemplatesInfo(ctx.core.db),
  'reports.templates.download': async ({ key, which }, ctx) => downloadPrintTemplate(ctx.core.db, key, which),
  'reports.templates.upload': async ({ key, fileName, contentBase64, version }, ctx) => uploadPrintTemplate(ctx, key, fileName, contentBase64, version),
  'reports.templates.reset': async ({ key, version }, ctx) => resetPrintTemplate(ctx, key, version),

  'reports.builder.preview': async ({ definition }, ctx) => {
    const run = await runDefinition(ctx, definition, 'Предварительный просмотр');
    await auditRun(ctx, null, run.result.title, 'screen', run.date, run.result.total, definition);
    return run.result;
  },
  'reports.custom.get': async ({ id }, ctx) => getSaved(ctx, id),
  'reports.custom.save': async (input, ctx) => saveReport(ctx, input),
  'reports.custom.delete': async ({ id, version }, ctx) => deleteReport(ctx, id, version),
  'reports.custom.run': async ({ id, date }, ctx) => {
    const saved = await getSaved(ctx, id);
    const run = await runDefinition(ctx, saved.definition, saved.name, date);
    await auditRun(ctx, id, saved.name, 'screen', run.date, run.result.total, saved.definition);
    return run.result;
  },
  'reports.custom.export': async ({ id, date }, ctx) => runJob(ctx, 'reports.custom.export', { id, date }),
};
