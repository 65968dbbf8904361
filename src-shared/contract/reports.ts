import { z } from './zodRu';
import { mutation, query } from './define';
import { exportedFile } from './files';
import { version } from './fields';
import { REPORT_PARAM_LABELS, drillResult, drillTarget, reportParams, reportResult } from './reportResult';
import { PRINT_FORM_KEYS, reportsOf, type ReportAudience, type ReportKey } from '../domain/reports/catalogue';

/**
 * The report catalogue (issue 21). Runs are split by audience so the dispatcher checks the work
 * order's access rule (§7.1) itself: school-wide reports need `reports.school`, class reports
 * `reports.class` plus the class in the caller's scope, staff reports `reports.staff`. Every run,
 * drill-down and file is logged as an export of personal data (small counts identify children).
 */
const keyOf = (audience: ReportAudience) => z.enum(reportsOf(audience) as [ReportKey, ...ReportKey[]], 'выберите отчёт из каталога');

const runInput = (audience: ReportAudience) => z.object({ key: keyOf(audience), params: reportParams });
const drillInput = (audience: ReportAudience) => z.object({ key: keyOf(audience), params: reportParams, target: drillTarget });

const LABELS = { key: 'Отчёт', ...REPORT_PARAM_LABELS };

export const catalogueEntry = z.object({
  /** The stable key: a report key, a screen report's key, a print form's key or `custom:<id>`. */
  key: z.string(),
  kind: z.enum(['report', 'screen', 'print', 'custom']),
  title: z.string(),
  purpose: z.string(),
  group: z.string(),
  audience: z.string(),
  params: z.array(z.string()),
  deadline: z.string().nullable(),
  /** The next due date from the deadline monitor's rule about this report (null: none ahead or no rule). */
  dueDate: z.string().nullable().optional(),
  /** That occurrence is already marked done. */
  dueDone: z.boolean().optional(),
  source: z.string().nullable(),
  /** The run lists people by name. */
  names: z.boolean(),
  /** Its own screen (reports that were there before the catalogue). */
  path: z.string().nullable(),
  /** Whether this user may run it (the catalogue shows every report, greyed when not). */
  canRun: z.boolean(),
});
export type CatalogueEntry = z.output<typeof catalogueEntry>;

const format = z.enum(['docx', 'pdf'], 'выберите формат: docx или pdf');
const templateKey = z.enum(PRINT_FORM_KEYS, 'выберите шаблон из списка');

export const printTemplateInfo = z.object({
  key: templateKey,
  title: z.string(),
  custom: z.object({ fileName: z.string(), updatedAt: z.string(), updatedBy: z.string().nullable(), version: z.number() }).nullable(),
  placeholders: z.array(z.object({ tag: z.string(), meaning: z.string() })),
});
export type PrintTemplateInfo = z.output<typeof printTemplateInfo>;

const certificatePurpose = z.string().trim().max(200, 'не длиннее 200 символов').nullable().optional();

export const certificateRow = z.object({
  id: z.string(),
  kind: z.enum(['study', 'work']),
  number: z.number().int(),
  year: z.number().int(),
  issuedOn: z.string(),
  personKind: z.enum(['pupil', 'staff']),
  personId: z.string(),
  personName: z.string(),
  /** Class and year for a pupil, position for staff. */
  detail: z.string().nullable(),
  purpose: z.string().nullable(),
  issuedBy: z.string().nullable(),
});
export type CertificateRow = z.output<typeof certificateRow>;

function audienceMethods<A extends ReportAudience>(audience: A, right: 'reports.school' | 'reports.class' | 'reports.staff', who: string) {
  return {
    run: query({
      summary: `Отчёт ${who}: просмотр`,
      right,
      exportsPersonalData: true,
      labels: LABELS,
      input: runInput(audience),
      output: reportResult,
    }),
    drill: query({
      summary: `Отчёт ${who}: люди за числом`,
      right,
      exportsPersonalData: true,
      labels: LABELS,
      input: drillInput(audience),
      output: drillResult,
    }),
    export: query({
      summary: `Отчёт ${who}: Excel`,
      right,
      exportsPersonalData: true,
      labels: LABELS,
      input: runInput(audience),
      output: exportedFile,
    }),
  };
}

const school = audienceMethods('school', 'reports.school', 'по школе');
const klass = audienceMethods('class', 'reports.class', 'по классу');
const staff = audienceMethods('staff', 'reports.staff', 'по кадрам');

export const reportsContract = {
  /** Every report of the catalogue with its purpose, deadline, audience and whether this user may run it. */
  'reports.catalogue': query({ summary: 'Каталог отчётов', right: 'reports.read', input: z.object({}), output: z.array(catalogueEntry) }),
  /** A school-wide report (§7.1: завуч, директор, администратор, секретарь) on screen. */
  'reports.school.run': school.run,
  /** The people behind one number of a school-wide report. */
  'reports.school.drill': school.drill,
  /** A school-wide report as a print-ready Excel workbook. */
  'reports.school.export': school.export,
  /** A class report; the class must be one of the caller's (a teacher's own classes). */
  'reports.class.run': klass.run,
  'reports.class.drill': klass.drill,
  'reports.class.export': klass.export,
  /** A report on the staff (categories, attestation, education, age and experience). */
  'reports.staff.run': staff.run,
  'reports.staff.drill': staff.drill,
  'reports.staff.export': staff.export,
  /** The pupil's личная карта for the paper personal file, from the school's template (DOCX) or as PDF. */
  'reports.print.pupilCard': query({
    summary: 'Личная карта обучающегося (печать)',
    right: 'pupils.read',
    exportsPersonalData: true,
    labels: { pupilId: 'Обучающийся', format: 'Формат' },
    input: z.object({ pupilId: z.string().trim().min(1, 'выберите обучающегося').max(100), format }),
    output: exportedFile,
  }),
  /** The staff member's личная карточка (form Т-2), DOCX from the school's template or PDF. */
  'reports.print.staffCard': query({
    summary: 'Личная карточка работника Т-2 (печать)',
    right: 'staff.read',
    exportsPersonalData: true,
    labels: { staffId: 'Сотрудник', format: 'Формат' },
    input: z.object({ staffId: z.string().trim().min(1, 'выберите сотрудника').max(100), format }),
    output: exportedFile,
  }),
  /** A справка об обучении for a pupil, numbered in the register of issued certificates. */
  'reports.print.studyCertificate': mutation({
    summary: 'Справка об обучении (печать с номером по журналу)',
    right: 'pupils.read',
    entity: 'pupil',
    record: 'Справка об обучении',
    exportsPersonalData: true,
    labels: { pupilId: 'Обучающийся', format: 'Формат', purpose: 'Для предъявления' },
    input: z.object({ pupilId: z.string().trim().min(1, 'выберите обучающегося').max(100), format, purpose: certificatePurpose }),
    output: exportedFile.extend({ number: z.number().int() }),
  }),
  /** A справка с места работы for a staff member, numbered in the same register. */
  'reports.print.workCertificate': mutation({
    summary: 'Справка с места работы (печать с номером по журналу)',
    right: 'staff.read',
    entity: 'staff',
    record: 'Справка с места работы',
    exportsPersonalData: true,
    labels: { staffId: 'Сотрудник', format: 'Формат', purpose: 'Для предъявления' },
    input: z.object({ staffId: z.string().trim().min(1, 'выберите сотрудника').max(100), format, purpose: certificatePurpose }),
    output: exportedFile.extend({ number: z.number().int() }),
  }),
  /** The register of issued certificates: справки об обучении for the secretary, с места работы for HR. */
  'reports.certificates.list': query({
    summary: 'Журнал выданных справок',
    right: 'reports.read',
    exportsPersonalData: true,
    input: z.object({ year: z.number().int().min(2000).max(2100).nullable().optional() }),
    output: z.array(certificateRow),
  }),
  /** The print forms' templates: the school's own or the shipped default, with the tags they may use. */
  'reports.templates.info': query({ summary: 'Шаблоны печатных форм', right: 'reports.read', input: z.object({}), output: z.array(printTemplateInfo) }),
  'reports.templates.download': query({
    summary: 'Скачать шаблон печатной формы',
    right: 'reports.read',
    input: z.object({ key: templateKey, which: z.enum(['current', 'default']) }),
    output: exportedFile,
  }),
  /** Replaces a print form's template with the school's DOCX; a file the filler cannot read is refused. */
  'reports.templates.upload': mutation({
    summary: 'Загрузить свой шаблон печатной формы',
    right: 'reports.templates',
    entity: 'report',
    record: 'Шаблон печатной формы',
    labels: { key: 'Шаблон', fileName: 'Файл', contentBase64: 'Файл' },
    input: z.object({ key: templateKey, fileName: z.string().trim().min(1).max(300), contentBase64: z.string().min(1).max(20_000_000, 'файл больше 15 МБ'), version }),
    output: printTemplateInfo,
  }),
  'reports.templates.reset': mutation({
    summary: 'Вернуть шаблон печатной формы по умолчанию',
    right: 'reports.templates',
    entity: 'report',
    input: z.object({ key: templateKey, version }),
    output: printTemplateInfo,
  }),
};
