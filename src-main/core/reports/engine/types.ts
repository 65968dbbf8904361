import type { ReportCheck, ReportParams, ReportResult, ReportTable } from '../../../../src-shared/contract/reportResult';
import type { ReportKey } from '../../../../src-shared/domain/reports/catalogue';
import type { Executor } from '../../foundation/executor';
import type { CallerUser } from '../../foundation/context';
import type { BuiltTable, CellMembers, GridFactory } from './grid';

/**
 * What a catalogue report is to the engine: parameters it needs (checked before it runs), and a
 * computation that returns tables with the members of every cell. The engine owns scope, caching,
 * the audit row, Excel and drill-down, so a report is only its arithmetic.
 */
export interface ResolvedParams {
  /** The day of the report (memberships, positions, ages). */
  date: string;
  /** The class of a class report; for «all my classes» the list of visible ones. */
  classIds: string[] | null;
  yearId: string | null;
}

export interface ComputeInput {
  db: Executor;
  params: ResolvedParams;
  /** What the caller may see beyond the report's own right (parents of pupils, staff cards). */
  user: CallerUser | null;
  schoolName: string;
  /** Makes the report's grids (counting only, or collecting the members of one table for a drill-down). */
  grid: GridFactory;
}

export interface Computed {
  subtitle: string;
  tables: (BuiltTable | ReportTable)[];
  checks?: ReportCheck[];
  notes?: string[];
  /**
   * A sheet «people behind the numbers» for the Excel file: one row per person with the attributes
   * counted. Built only when the file is made (a district's sheet is 100 000 rows).
   */
  detailSheet?: () => DetailSheet;
}

export interface DetailSheet {
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
}

export interface ReportDef {
  key: ReportKey;
  needsClass?: boolean;
  needsYear?: boolean;
  compute(input: ComputeInput): Promise<Computed>;
}

export interface RunOutcome {
  result: ReportResult;
  members: Map<string, CellMembers>;
  detailSheet?: Computed['detailSheet'];
  params: ReportParams;
}
