import { z } from './zodRu';
import { isoDate } from './fields';

/**
 * The one shape every catalogue report returns: tables of numbers (each number drills down to the
 * people behind it) or of people, the form's control relations with their verdicts, and notes. One
 * screen component and one Excel writer render every report from it.
 */
export const reportParams = z.object({
  /** The day memberships, positions and ages are taken on. */
  date: isoDate.nullable().optional(),
  classId: z.string().trim().min(1).max(100).nullable().optional(),
  yearId: z.string().trim().min(1).max(100).nullable().optional(),
});
export type ReportParams = z.output<typeof reportParams>;

export const REPORT_PARAM_LABELS = { 'params.date': 'На дату', 'params.classId': 'Класс', 'params.yearId': 'Учебный год' };

const cell = z.union([z.number(), z.string(), z.null()]);
export type ReportCell = z.output<typeof cell>;

export const reportColumn = z.object({
  key: z.string(),
  title: z.string(),
  /** Upper header over neighbouring columns with the same group («Группа здоровья»). */
  group: z.string().nullable(),
  /** Column number of the statistical form («3»), printed under the title. */
  code: z.string().nullable(),
  width: z.number(),
});
export type ReportColumn = z.output<typeof reportColumn>;

export const reportRow = z.object({
  key: z.string(),
  label: z.string(),
  /** 0 — a line; 1 — a subtotal; 2 — the total. */
  level: z.number().int().min(0).max(2),
  /** Row number of the statistical form («01»). */
  code: z.string().nullable(),
  cells: z.array(cell),
  /** For a list of people: whose row it is (opens the card). */
  personId: z.string().nullable(),
});
export type ReportRow = z.output<typeof reportRow>;

export const reportTable = z.object({
  id: z.string(),
  title: z.string(),
  note: z.string().nullable(),
  /** `grid`: numbers that drill down to people; `list`: one row per person. */
  kind: z.enum(['grid', 'list']),
  labelTitle: z.string(),
  columns: z.array(reportColumn),
  rows: z.array(reportRow),
  personKind: z.enum(['pupil', 'staff', 'class']).nullable(),
  landscape: z.boolean(),
});
export type ReportTable = z.output<typeof reportTable>;

export const reportCheck = z.object({
  /** What the form says, e.g. «стр. 01 = стр. 02 + 06 + 40 + 41». */
  label: z.string(),
  passed: z.boolean(),
  /** The numbers on both sides, or where it fails. */
  detail: z.string(),
});
export type ReportCheck = z.output<typeof reportCheck>;

export const reportResult = z.object({
  key: z.string(),
  title: z.string(),
  /** «на 01.10.2026», «2025/2026 учебный год», «5А на 01.09.2026». */
  subtitle: z.string(),
  schoolName: z.string(),
  tables: z.array(reportTable),
  checks: z.array(reportCheck),
  notes: z.array(z.string()),
});
export type ReportResult = z.output<typeof reportResult>;

export const drillTarget = z.object({
  table: z.string().min(1).max(100),
  row: z.string().min(1).max(200),
  column: z.string().min(1).max(100),
});
export type DrillTarget = z.output<typeof drillTarget>;

export const drillPerson = z.object({
  id: z.string(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  /** The pupil's class on the report's date, or the staff member's main position. */
  where: z.string().nullable(),
  /** Why this person is counted here (the card's value, the order, the date). */
  detail: z.string().nullable(),
});
export type DrillPerson = z.output<typeof drillPerson>;

export const drillResult = z.object({
  title: z.string(),
  personKind: z.enum(['pupil', 'staff', 'class']),
  people: z.array(drillPerson),
});
export type DrillResult = z.output<typeof drillResult>;
